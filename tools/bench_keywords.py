"""Time keyword counting on the speech corpus (124 US inaugural and State of the Union addresses).

Usage: ``python tools/bench_keywords.py`` from the repository root. Prints the corpus size,
the wall time of ``keyword_frequencies(corpus, by="document")`` (best of three runs, first run
included separately since it fills the per-word-type cache) and the top rows.
"""

from __future__ import annotations

import time
from pathlib import Path

from discourse.lexicon.dictionary import default_dictionary
from discourse.steps.keywords import keyword_frequencies

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def load_corpus(folder: Path = CORPUS) -> dict[str, str]:
    """``{"inaugural/1789-Washington": text, ...}`` for every ``*.txt`` under ``folder``."""
    return {f"{p.parent.name}/{p.stem}": p.read_text(encoding="utf-8")
            for p in sorted(folder.glob("*/*.txt"))}


def main() -> None:
    corpus = load_corpus()
    chars = sum(len(t) for t in corpus.values())
    print(f"corpus: {len(corpus)} documents, {chars / 1e6:.2f} M characters")
    times = []
    for run in range(3):
        if run == 0:
            default_dictionary.cache_clear()  # a cold word-type cache on the first run
        start = time.perf_counter()
        table = keyword_frequencies(corpus, by="document")
        times.append(time.perf_counter() - start)
    print(f"keyword_frequencies(by='document'): first run {times[0]:.3f} s, "
          f"best {min(times):.3f} s")
    totals = table.groupby("category", sort=False)[["count", "count_in_name"]].sum()
    print(totals.to_string())


if __name__ == "__main__":
    main()
