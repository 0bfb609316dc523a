"""Speed and accuracy benchmarks, side by side with peer libraries.

Each benchmark *section* is a function registered in :data:`SECTIONS` that takes a
:class:`BenchConfig` and returns rows (dicts) for one tidy results DataFrame; a new section
(sentiment, keywords, topics, full pipeline, import time, peak memory) only needs a new
``@section("name")`` function. :func:`run_benchmark` runs the chosen sections and
:func:`main` prints the table (the future ``discourse bench`` command).

Section ``sentences`` times sentence segmentation of the same paragraphs with discourse's
segmenter, pySBD, blingfire and a naive regular expression, and scores each tool on the
48 English "Golden Rules" of pySBD / pragmatic_segmenter. Optional peers are imported
inside functions; a missing one gives a row noted "not installed".

Columns of the results DataFrame (:data:`COLUMNS`):

``section``
    Benchmark section, e.g. ``"sentences"``.
``tool``
    Tool measured, e.g. ``"discourse"``, ``"pysbd"``.
``input``
    Input name, e.g. ``"seed"``, ``"seed_2mb"``, ``"inaugural"``.
``mb``
    Size of the text the tool processed, in 10^6 UTF-8 bytes (less than the input when a
    slow tool was timed on a sample; see ``note``).
``sentences``
    Number of sentences the tool produced (segmentation) or processed (other sections).
``seconds``
    Best wall-clock time (``time.perf_counter``) of one pass over the input, over ``runs``
    timed runs; an untimed first pass warms caches, and very short passes are looped.
``sentences_per_s``, ``mb_per_s``
    Throughput of the best run.
``ratio``
    ``mb_per_s`` divided by the section's reference tool's ``mb_per_s`` on the same input
    (pySBD for sentences): 10.0 means ten times faster than the reference.
``score``
    Accuracy, e.g. ``"47/48"`` Golden Rules cases passed (empty when not applicable).
``runs``
    Number of timed runs (fewer than ``repeat`` when a slow tool exhausted its time budget).
``note``
    Sampling, "not installed", or a missing input.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.errors import InputNotFoundError, InvalidOptionError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "SECTIONS",
    "BenchConfig",
    "BenchInput",
    "golden_rules_score",
    "load_inputs",
    "main",
    "run_benchmark",
    "section",
]

COLUMNS = (
    "section",
    "tool",
    "input",
    "mb",
    "sentences",
    "seconds",
    "sentences_per_s",
    "mb_per_s",
    "ratio",
    "score",
    "runs",
    "note",
)

_REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = Path("seeds/tass_2017-04-04_lavrov_moscow_baku.txt")
DEFAULT_CORPUS = Path("data/corpus/inaugural")
DEFAULT_GOLDEN = Path("data/sentences/golden_rules_en.json")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_NAIVE = re.compile(r"(?<=[.!?])\s+")
_MB = 1_000_000
_MIN_RUN = 0.02  # seconds; shorter runs are looped


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class BenchInput:
    """One benchmark input, already cut into paragraphs.

    Examples
    --------
    >>> inp = BenchInput.from_text("tiny", "One. Two.\\n\\nThree.")
    >>> inp.paragraphs, inp.nbytes
    (('One. Two.', 'Three.'), 15)
    """

    name: str
    paragraphs: tuple[str, ...]
    nbytes: int

    @classmethod
    def from_text(cls, name: str, text: str) -> BenchInput:
        """Split ``text`` on blank lines into stripped, non-empty paragraphs."""
        return cls.from_paragraphs(name, split_paragraphs(text))

    @classmethod
    def from_paragraphs(cls, name: str, paragraphs: Iterable[str]) -> BenchInput:
        paras = tuple(paragraphs)
        return cls(name, paras, sum(len(p.encode("utf-8")) for p in paras))

    def head(self, max_bytes: int) -> BenchInput:
        """The leading whole paragraphs that fit in ``max_bytes`` (at least one)."""
        kept: list[str] = []
        size = 0
        for p in self.paragraphs:
            n = len(p.encode("utf-8"))
            if kept and size + n > max_bytes:
                break
            kept.append(p)
            size += n
        return BenchInput(self.name, tuple(kept), size)


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines; return stripped, non-empty paragraphs.

    Examples
    --------
    >>> split_paragraphs("A.\\n\\n  \\nB. C.\\n")
    ['A.', 'B. C.']
    """
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _resolve(path: Path | str) -> Path:
    """Relative paths are tried from the working directory, then from the repository."""
    p = Path(path)
    if p.is_absolute() or p.exists():
        return p
    return _REPO / p


def load_inputs(
    seed: Path | str | None = None,
    corpus: Path | str | None = None,
    *,
    target_mb: float = 2.0,
) -> tuple[list[BenchInput], list[str]]:
    """Build the standard inputs: the seed, the seed replicated, and a corpus folder.

    Parameters
    ----------
    seed : path, optional
        A plain-text article (default ``seeds/tass_2017-04-04_lavrov_moscow_baku.txt``).
    corpus : path, optional
        A folder of ``*.txt`` files (default ``data/corpus/inaugural``).
    target_mb : float, default 2.0
        The seed's paragraphs are repeated (blank-line separated) until at least this size.

    Returns
    -------
    inputs : list of BenchInput
    missing : list of str
        One message per input that could not be read (the benchmark reports, not fails).

    Examples
    --------
    >>> inputs, missing = load_inputs("no/such.txt", "no/such/dir")
    >>> inputs, len(missing)
    ([], 2)
    """
    inputs: list[BenchInput] = []
    missing: list[str] = []
    seed_path = _resolve(seed if seed is not None else DEFAULT_SEED)
    if seed_path.is_file():
        article = BenchInput.from_text("seed", seed_path.read_text(encoding="utf-8"))
        inputs.append(article)
        if article.nbytes:
            copies = -(-int(target_mb * _MB) // article.nbytes)  # ceiling division
            inputs.append(
                BenchInput.from_paragraphs(f"seed_{target_mb:g}mb", article.paragraphs * copies)
            )
    else:
        missing.append(f"seed: no file {seed_path}")
    corpus_path = _resolve(corpus if corpus is not None else DEFAULT_CORPUS)
    files = sorted(corpus_path.glob("*.txt")) if corpus_path.is_dir() else []
    if files:
        paras = [p for f in files for p in split_paragraphs(f.read_text(encoding="utf-8"))]
        inputs.append(BenchInput.from_paragraphs(corpus_path.name, paras))
    else:
        missing.append(f"corpus: no *.txt files in {corpus_path}")
    return inputs, missing


# --------------------------------------------------------------------------- config / registry


@dataclass
class BenchConfig:
    """What every section receives.

    ``slow_sample_bytes`` / ``slow_over_bytes``: a slow tool (pySBD) is timed on the leading
    ``slow_sample_bytes`` of any input larger than ``slow_over_bytes``; throughput per MB is
    what is compared, so a sample of the same text is enough. ``budget_seconds``: stop
    repeating a (tool, input) pair once its runs have taken this long (at least one run).
    """

    inputs: list[BenchInput]
    repeat: int = 3
    quick: bool = False
    missing: list[str] = field(default_factory=list)
    slow_sample_bytes: int = 200_000
    slow_over_bytes: int = 1_000_000
    budget_seconds: float = 10.0


Section = Callable[[BenchConfig], list[dict[str, Any]]]

#: Registered sections, name -> function returning result rows.
SECTIONS: dict[str, Section] = {}


def section(name: str) -> Callable[[Section], Section]:
    """Register a benchmark section under ``name``.

    Examples
    --------
    >>> @section("noop")
    ... def _noop(config):
    ...     return []
    >>> "noop" in SECTIONS
    True
    >>> del SECTIONS["noop"]
    """

    def register(fn: Section) -> Section:
        SECTIONS[name] = fn
        return fn

    return register


def _best_time(fn: Callable[[], int], repeat: int, budget: float) -> tuple[float, int, int]:
    """Run ``fn`` up to ``repeat`` times; return (best seconds per call, its result, runs).

    Calls much faster than the timer's useful resolution are looped (like ``timeit``'s
    autorange) so that one timed run lasts about 20 ms or more.
    """
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    loops = 1 if first >= _MIN_RUN else min(10_000, int(_MIN_RUN / max(first, 1e-7)) + 1)
    best = float("inf")
    spent = first
    runs = 0
    for _ in range(max(1, repeat)):
        gc.collect()
        t0 = time.perf_counter()
        for _ in range(loops):
            result = fn()
        dt = time.perf_counter() - t0
        best = min(best, dt / loops)
        spent += dt
        runs += 1
        if spent >= budget:
            break
    return best, result, runs


# --------------------------------------------------------------------------- sentences


def _discourse_segmenter() -> Callable[[str], list[str]]:
    from discourse.sentences import split_sentences

    return lambda text: [s.text for s in split_sentences(text)]


def _discourse_bounds() -> Callable[[str], list[tuple[int, int]]]:
    from discourse.sentences import sentence_bounds

    return sentence_bounds


def _pysbd_segmenter() -> Callable[[str], list[str]]:
    import pysbd  # optional peer

    return pysbd.Segmenter(language="en", clean=False, char_span=False).segment


def _blingfire_segmenter() -> Callable[[str], list[str]]:
    import blingfire  # optional peer

    return lambda text: blingfire.text_to_sentences(text).split("\n")


def _naive_segmenter() -> Callable[[str], list[str]]:
    return _NAIVE.split


@dataclass(frozen=True)
class _Tool:
    name: str
    factory: Callable[[], Callable[[str], Sequence[Any]]]
    slow: bool = False
    golden: bool = True  # sentence_bounds returns offsets: scored through split_sentences


_SENTENCE_TOOLS = (
    _Tool("discourse", _discourse_segmenter),
    _Tool("discourse.bounds", _discourse_bounds, golden=False),
    _Tool("pysbd", _pysbd_segmenter, slow=True),
    _Tool("blingfire", _blingfire_segmenter),
    _Tool("naive_regex", _naive_segmenter),
)
_SENTENCE_REFERENCE = "pysbd"


def _as_text(sentence: object) -> str:
    return sentence if isinstance(sentence, str) else str(getattr(sentence, "text", sentence))


def golden_rules_score(
    segment_fn: Callable[[str], Iterable[Any]], path: Path | str | None = None
) -> tuple[int, int, list[int]]:
    """Score a sentence segmenter on the English Golden Rules.

    A case passes when the segmenter's output, each sentence stripped and empty ones
    dropped, equals the expected list exactly.

    Parameters
    ----------
    segment_fn : callable
        Takes a text; returns its sentences as strings or as objects with ``.text``
        (such as :class:`~discourse.article.Span`).
    path : path, optional
        The cases (default ``data/sentences/golden_rules_en.json``: 48 cases, pySBD's list).

    Returns
    -------
    passed : int
    total : int
    failed : list of int
        The ``id`` of each failed case.

    Examples
    --------
    >>> from discourse.sentences import split_sentences
    >>> passed, total, failed = golden_rules_score(split_sentences)
    >>> total, passed >= 46
    (48, True)
    """
    gold = _resolve(path if path is not None else DEFAULT_GOLDEN)
    if not gold.is_file():
        raise InputNotFoundError(
            f"Golden Rules file {gold} not found; pass path= or copy golden_rules_en.json "
            "into data/sentences/."
        )
    cases = json.loads(gold.read_text(encoding="utf-8"))
    failed: list[int] = []
    for case in cases:
        got = [t for t in (_as_text(s).strip() for s in segment_fn(case["text"])) if t]
        if got != case["sentences"]:
            failed.append(case["id"])
    return len(cases) - len(failed), len(cases), failed


def _row(sec: str, tool: str, inp: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(section=sec, tool=tool, input=inp, note="", score="")
    row.update(values)
    return row


@section("sentences")
def _bench_sentences(config: BenchConfig) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for tool in _SENTENCE_TOOLS:
        try:
            segment = tool.factory()
        except ImportError:
            for inp in config.inputs:
                rows.append(_row("sentences", tool.name, inp.name, note="not installed"))
            continue
        if tool.golden:
            passed, total, _ = golden_rules_score(segment)
            score = f"{passed}/{total}"
        else:
            score = "(as discourse)"
        for inp in config.inputs:
            used, note = inp, ""
            if tool.slow and inp.nbytes > config.slow_over_bytes:
                used = inp.head(config.slow_sample_bytes)
                note = f"sample: first {used.nbytes / _MB:.2f} MB"
            paras = used.paragraphs

            def run(paras: tuple[str, ...] = paras, segment: Any = segment) -> int:
                return sum(len(segment(p)) for p in paras)

            seconds, n, runs = _best_time(run, config.repeat, config.budget_seconds)
            mb = used.nbytes / _MB
            rows.append(
                _row(
                    "sentences",
                    tool.name,
                    inp.name,
                    mb=mb,
                    sentences=n,
                    seconds=seconds,
                    sentences_per_s=n / seconds if seconds else float("nan"),
                    mb_per_s=mb / seconds if seconds else float("nan"),
                    score=score,
                    runs=runs,
                    note=note,
                )
            )
    _add_ratio(rows, _SENTENCE_REFERENCE)
    order = {inp.name: i for i, inp in enumerate(config.inputs)}
    return sorted(rows, key=lambda r: order[r["input"]])  # tools side by side per input


def _add_ratio(rows: list[dict[str, Any]], reference: str) -> None:
    ref = {r["input"]: r["mb_per_s"] for r in rows if r["tool"] == reference}
    for r in rows:
        base = ref.get(r["input"])
        if base and r["mb_per_s"] is not None:
            r["ratio"] = r["mb_per_s"] / base


# --------------------------------------------------------------------------- runner


def run_benchmark(
    sections: Sequence[str] = ("sentences",),
    repeat: int = 3,
    quick: bool = False,
    *,
    seed: Path | str | None = None,
    corpus: Path | str | None = None,
    inputs: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Run benchmark sections and return one tidy DataFrame (columns :data:`COLUMNS`).

    Parameters
    ----------
    sections : sequence of str, default ("sentences",)
        Names registered in :data:`SECTIONS`.
    repeat : int, default 3
        Timed runs per (tool, input); the best is kept.
    quick : bool, default False
        Smaller replicated input (0.5 MB instead of 2 MB) and smaller samples for slow tools.
    seed, corpus : path, optional
        See :func:`load_inputs`.
    inputs : mapping of str to str, optional
        Name -> text; replaces the standard inputs (for tests and ad-hoc texts).

    Returns
    -------
    pandas.DataFrame
        One row per (section, tool, input), plus a ``missing`` row per unreadable input.

    Examples
    --------
    >>> df = run_benchmark(repeat=1, inputs={"tiny": "He left. She stayed.\\n\\nThe end."})
    >>> int(df.loc[df.tool == "discourse", "sentences"].item())
    3
    """
    import pandas as pd

    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        raise InvalidOptionError(
            f"Unknown benchmark section(s) {unknown}; choose from {sorted(SECTIONS)}."
        )
    if inputs is not None:
        bench_inputs = [BenchInput.from_text(k, v) for k, v in inputs.items()]
        missing: list[str] = []
    else:
        bench_inputs, missing = load_inputs(seed, corpus, target_mb=0.5 if quick else 2.0)
    config = BenchConfig(inputs=bench_inputs, repeat=repeat, quick=quick, missing=missing)
    if quick:
        config.slow_sample_bytes, config.slow_over_bytes = 100_000, 200_000
    rows: list[dict[str, Any]] = []
    for name in sections:
        rows += SECTIONS[name](config)
        rows += [_row(name, "-", m.split(":")[0], note=m) for m in missing]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("mb", "seconds", "sentences_per_s", "mb_per_s", "ratio"):
        frame[col] = frame[col].astype("float64")
    for col in ("sentences", "runs"):
        frame[col] = frame[col].astype("Int64")
    return frame


def _fmt(spec: str) -> Callable[[Any], str]:
    return lambda v: "" if v is None or v != v else spec.format(v)  # v != v: NaN


def format_table(frame: pd.DataFrame) -> str:
    """Render the results as fixed-width text, one block per section."""
    blocks: list[str] = []
    for name, part in frame.groupby("section", sort=False):
        ratio = "x pysbd" if name == "sentences" else "ratio"
        shown = part.drop(columns="section").rename(
            columns={
                "mb": "MB",
                "sentences_per_s": "sentences/s",
                "mb_per_s": "MB/s",
                "ratio": ratio,
                "score": "golden" if name == "sentences" else "score",
            }
        )
        title = f"== {name} =="
        if name == "sentences":
            title += (
                "  (paragraph by paragraph; best of runs; 'x pysbd' = MB/s / pySBD's MB/s on"
                " the same input; golden = Golden Rules cases passed)"
            )
        text = shown.to_string(
            index=False,
            na_rep="",
            formatters={
                "MB": _fmt("{:.3f}"),
                "seconds": _fmt("{:.4f}"),
                "sentences/s": _fmt("{:,.0f}"),
                "MB/s": _fmt("{:.3f}"),
                ratio: _fmt("{:.1f}"),
            },
        )
        blocks.append(f"{title}\n{text}")
    return "\n\n".join(blocks)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``python -m discourse.bench [options]``.

    Examples
    --------
    >>> main(["--help"])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(
        prog="discourse bench", description="Benchmark discourse against peer libraries."
    )
    parser.add_argument(
        "--section",
        action="append",
        choices=sorted(SECTIONS),
        help="section to run (repeatable; default: sentences)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs, best kept")
    parser.add_argument("--quick", action="store_true", help="smaller inputs and samples")
    parser.add_argument("--seed", default=str(DEFAULT_SEED), help="seed article (plain text)")
    parser.add_argument(
        "--corpus", default=str(DEFAULT_CORPUS), help="folder of *.txt speeches or articles"
    )
    parser.add_argument("--csv", help="also write the results to this CSV file")
    args = parser.parse_args(argv)
    frame = run_benchmark(
        tuple(args.section or ("sentences",)),
        repeat=args.repeat,
        quick=args.quick,
        seed=args.seed,
        corpus=args.corpus,
    )
    print(format_table(frame))
    if args.csv:
        frame.to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
