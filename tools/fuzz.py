"""Property-based fuzzing of the whole pipeline (hypothesis).

The property: for any Unicode text, :func:`discourse.analyze` either returns an analysis whose
spans cover every non-blank character of the input exactly once, whose sentence table
matches the article's offsets, and whose HTML display renders, or raises a
:class:`~discourse.errors.DiscourseError`, never another exception.

The test suite runs a bounded number of examples; run many from the shell::

    python -m tools.fuzz --examples 100000
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Sequence
from typing import Any

from discourse.errors import DiscourseError

__all__ = ["check_pipeline", "main", "texts"]

# Pieces that steer the parser and the analysers into their special cases.
_PIECES = [
    "All news", "MOSCOW, April 4. /TASS/.", "GENEVA (Reuters) -", "WASHINGTON (AP) —",
    "By Jane Doe", "# ", "## ", "Heading", "Sen.", "U.S.", "Mr.", '"', "“", "”", "'", "‘",
    "’", ".", "!", "?", "...", "…", ",", ":", " ", "\n", "\n\n", "\r\n", "\r", "\t", "word",
    "Word", "peace", "security", "co-operation", "Lavrov said", "he said", "according to",
    "not", "isn't", "but", "very", "support", "abandon", "force", "1.", "2)", "•", "—",
    "January 31, 1990", "\u200b", "\u202e", "\xa0", "<script>alert(1)</script>", "&amp;",
    "Мир", "ə", "🙂", "\x00", "\ufeff",
]
_TARGETS = {"peace": ["peace*", "settlement"], "force": ["by force", "use of force"]}


def texts() -> Any:
    """The hypothesis strategy: arbitrary Unicode, and texts built from parser pieces."""
    from hypothesis import strategies as st

    pieces = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
    return st.one_of(st.text(max_size=300), pieces)


def check_pipeline(text: str) -> None:
    """Assert the pipeline property for one text (see the module docstring)."""
    from discourse.defaults import analyze

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = analyze(text + "\n", targets=_TARGETS)
    except DiscourseError:
        return
    art = result.article
    owner: dict[int, str] = {}
    for kind, start, end in art.spans():
        for i in range(start, end):
            assert i not in owner, f"character {i} in both {owner[i]} and {kind}"
            owner[i] = kind
    missing = [i for i, ch in enumerate(art.text) if not ch.isspace() and i not in owner]
    assert not missing, f"characters in no span: {missing[:10]}"
    frame = result.sentences
    assert len(frame) == len(art.sentences)
    for row in frame.itertuples():
        assert art.text[row.start : row.end] == row.text
    assert frame["sentiment_score"].between(-1, 1).all()
    assert "<script>" not in result._repr_html_()


def main(argv: Sequence[str] | None = None) -> int:
    from hypothesis import HealthCheck, given, settings

    parser = argparse.ArgumentParser(prog="python -m tools.fuzz",
                                     description="Fuzz the whole pipeline with hypothesis.")
    parser.add_argument("--examples", type=int, default=10_000, help="examples to run")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed")
    args = parser.parse_args(argv)

    count = 0

    @settings(max_examples=args.examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(texts())
    def run(text: str) -> None:
        nonlocal count
        count += 1
        check_pipeline(text)

    if args.seed is not None:
        from hypothesis import seed

        run = seed(args.seed)(run)
    started = time.perf_counter()
    try:
        run()
    except Exception as exc:
        print(f"FAILED after {count} examples: {type(exc).__name__}: {exc}")
        raise
    print(f"{count} examples run, failures: 0 ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
