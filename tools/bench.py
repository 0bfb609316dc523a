"""Speed and memory benchmarks, side by side with peer libraries, on the same inputs.

Each benchmark *section* is a function registered in :data:`SECTIONS` that takes a
:class:`BenchConfig` and returns rows (dicts) for one tidy results DataFrame; a new section
only needs a new ``@section("name")`` function. :func:`run_benchmark` runs the chosen
sections and :func:`main` prints a machine header and one table per section
(``python -m tools.bench``).

Sections (``--sections NAME ...``; all by default):

``sentences``
    Sentence segmentation of the same paragraphs: discourse, pySBD, blingfire, a naive regex;
    each tool scored on the 48 English "Golden Rules" of pySBD / pragmatic_segmenter.
``baseline``
    What a researcher would otherwise write: pySBD sentences, then ``TextBlob(s).sentiment``
    per sentence.
``vader``
    VADER's ``polarity_scores`` per sentence, on discourse's sentences.
``pipeline``
    :func:`discourse.analyze` per document: everything it runs, on one core, no charts.
``sentiment``
    :func:`discourse.score_sentiment` on a list of sentences against TextBlob's analyzer
    alone on the same sentences.
``keywords``
    :func:`discourse.keyword_frequencies` with ``by="document"``.
``topics``
    :func:`discourse.segment_sentences` and :func:`discourse.segment_topics` per document.
``import``
    ``import discourse`` and a cold ``discourse analyze`` in fresh processes, and the three
    imports that dominate the cold start (``python -X importtime``).
``corpus``
    :func:`discourse.run_corpus` with 1 and 2 worker processes, and with 2 on the corpus
    replicated ten times, each in a fresh process: seconds, speed-up and maximum RSS.

Inputs: the seed article, the seed repeated to 2 MB, and the corpus folders (the 124
inaugural and State of the Union speeches). Optional peers are imported inside functions; a
missing one gives a row noted "not installed".

Columns of the results DataFrame (:data:`COLUMNS`); MB are always 10^6 bytes:

``section``
    Benchmark section, e.g. ``"sentences"``.
``tool``
    Tool measured, e.g. ``"discourse"``, ``"pysbd"``.
``input``
    Input name, e.g. ``"seed"``, ``"seed_2mb"``, ``"inaugural+state_union"``.
``mb``
    Size of the text the tool processed, in MB of UTF-8 (less than the input when a slow
    tool was timed on a sample; see ``note``).
``sentences``
    Number of sentences the tool produced (segmentation) or processed (other sections).
``seconds``
    Best wall-clock time (``time.perf_counter``) of one pass over the input, over ``runs``
    timed runs, after an untimed warm-up (imports, lexicons); very short passes are looped.
``sentences_per_s``, ``mb_per_s``
    Throughput of the best run.
``ratio``
    ``mb_per_s`` divided by the reference tool's ``mb_per_s`` on the same input: 2.0 means
    twice as fast as the reference (pySBD for ``sentences``; the baseline for ``baseline``,
    ``vader`` and ``pipeline``; TextBlob's analyzer for ``sentiment``; one job for
    ``corpus``).
``peak_traced_mb``
    Peak of the memory Python allocated during one extra, untimed call, traced with
    :mod:`tracemalloc` (caches loaded by the warm-up are not counted).
``max_rss_mb``
    Peak resident set size of a run in a fresh process (``corpus``): the larger of the
    process's own peak (``VmHWM`` on Linux) and its largest worker's
    (``getrusage(RUSAGE_CHILDREN)``).
``score``
    Accuracy, e.g. ``"47/48"`` Golden Rules cases passed (empty when not applicable).
``target``
    The performance target of the row, its measured value and "met" or "missed".
``runs``
    Number of timed runs (fewer than ``repeat`` when a slow tool exhausted its time budget).
``note``
    Sampling, repeated text, "not installed", a missing input or an error.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.errors import InvalidOptionError
from discourse.text.sentences import golden_rules_score

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "SECTIONS",
    "BenchConfig",
    "BenchInput",
    "format_header",
    "format_markdown",
    "format_table",
    "load_inputs",
    "machine_info",
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
    "peak_traced_mb",
    "max_rss_mb",
    "score",
    "target",
    "runs",
    "note",
)

_REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = Path("seeds/tass_2017-04-04_lavrov_moscow_baku.txt")
DEFAULT_CORPUS = (Path("data/corpus/inaugural"), Path("data/corpus/state_union"))
DEFAULT_GOLDEN = Path("data/sentences/golden_rules_en.json")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_NAIVE = re.compile(r"(?<=[.!?])\s+")
_MB = 1_000_000
_MIN_RUN = 0.02  # seconds; shorter runs are looped
_GC_AFTER = 0.1  # seconds; collect garbage before a timed run that follows a longer call
_WARMUP_PARAGRAPHS = 20  # a warm-up on this much text loads imports and lexicons
_SUBPROCESS_TIMEOUT = 1800  # seconds; a corpus run that hangs must not hang the benchmark

# Targets (see the project brief); checked and printed in the ``target`` column.
PIPELINE_MIN_SENTENCES_PER_S = 1500
SENTIMENT_MAX_TIME_RATIO = 1.3
KEYWORDS_MAX_SECONDS = 2.0
IMPORT_MAX_SECONDS = 0.5
CORPUS_MIN_SPEEDUP = 1.7
CORPUS_MAX_SECONDS = 15.0
CORPUS_MAX_RSS_GROWTH = 1.25  # the 10x corpus may use at most this much more memory

PEERS = ("textblob", "vaderSentiment", "pysbd", "blingfire")


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class BenchInput:
    """One benchmark input: its documents and the same text cut into paragraphs.

    ``nbytes`` counts the paragraphs' UTF-8 bytes (blank lines between them not included);
    ``note`` says how the input was sampled, if it was.

    Examples
    --------
    >>> inp = BenchInput.from_text("tiny", "One. Two.\\n\\nThree.")
    >>> inp.paragraphs, inp.nbytes
    (('One. Two.', 'Three.'), 15)
    >>> BenchInput.from_documents("c", [("a", "A."), ("b", "B.\\n\\nC.")]).paragraphs
    ('A.', 'B.', 'C.')
    """

    name: str
    paragraphs: tuple[str, ...]
    nbytes: int
    documents: tuple[tuple[str, str], ...] = ()
    note: str = ""

    @classmethod
    def from_text(cls, name: str, text: str) -> BenchInput:
        """One document; paragraphs split on blank lines, stripped, non-empty."""
        return cls.from_documents(name, [(name, text)])

    @classmethod
    def from_paragraphs(cls, name: str, paragraphs: Iterable[str]) -> BenchInput:
        """One document made of ``paragraphs`` separated by blank lines."""
        paras = tuple(paragraphs)
        return cls(name, paras, _nbytes(paras), ((name, "\n\n".join(paras)),))

    @classmethod
    def from_documents(
        cls, name: str, documents: Iterable[tuple[str, str]], note: str = ""
    ) -> BenchInput:
        """Several ``(name, text)`` documents, analysed one by one where that matters."""
        docs = tuple(documents)
        paras = tuple(p for _, text in docs for p in split_paragraphs(text))
        return cls(name, paras, _nbytes(paras), docs, note)

    def head(self, max_bytes: int) -> BenchInput:
        """The leading whole paragraphs that fit in ``max_bytes`` (at least one).

        The sample is one document; use :meth:`head_documents` to keep documents whole.
        """
        kept: list[str] = []
        size = 0
        for p in self.paragraphs:
            n = len(p.encode("utf-8"))
            if kept and size + n > max_bytes:
                break
            kept.append(p)
            size += n
        return BenchInput(self.name, tuple(kept), size, ((self.name, "\n\n".join(kept)),))

    def head_documents(self, max_bytes: int) -> BenchInput:
        """The leading whole documents that fit in ``max_bytes`` (at least one)."""
        kept: list[tuple[str, str]] = []
        size = 0
        for name, text in self.documents:
            n = _nbytes(split_paragraphs(text))
            if kept and size + n > max_bytes:
                break
            kept.append((name, text))
            size += n
        if len(kept) == len(self.documents):
            return self
        note = f"sample: first {len(kept)} of {len(self.documents)} documents"
        return BenchInput.from_documents(self.name, kept, note)


def _nbytes(paragraphs: Iterable[str]) -> int:
    return sum(len(p.encode("utf-8")) for p in paragraphs)


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


def _corpus_folders(corpus: Path | str | Sequence[Path | str] | None) -> list[Path]:
    if corpus is None:
        return [_resolve(p) for p in DEFAULT_CORPUS]
    if isinstance(corpus, (str, Path)):
        return [_resolve(corpus)]
    return [_resolve(p) for p in corpus]


def _corpus_files(folders: Sequence[Path]) -> list[Path]:
    return [f for d in folders if d.is_dir() for f in sorted(d.glob("*.txt"))]


def load_inputs(
    seed: Path | str | None = None,
    corpus: Path | str | Sequence[Path | str] | None = None,
    *,
    target_mb: float = 2.0,
    corpus_mb: float | None = None,
) -> tuple[list[BenchInput], list[str]]:
    """Build the standard inputs: the seed, the seed replicated, and the corpus.

    Parameters
    ----------
    seed : path, optional
        A plain-text article (default ``seeds/tass_2017-04-04_lavrov_moscow_baku.txt``).
    corpus : path or sequence of paths, optional
        Folders of ``*.txt`` files, one document each (default ``data/corpus/inaugural`` and
        ``data/corpus/state_union``: 124 speeches). The input is named after the folders,
        joined by "+".
    target_mb : float, default 2.0
        The seed's paragraphs are repeated (blank-line separated) until at least this size.
    corpus_mb : float, optional
        Keep only the leading whole documents of the corpus that fit in this many MB.

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
    folders = _corpus_folders(corpus)
    files = _corpus_files(folders)
    if files:
        docs = [(f"{f.parent.name}/{f.stem}", f.read_text(encoding="utf-8")) for f in files]
        speeches = BenchInput.from_documents("+".join(d.name for d in folders), docs)
        if corpus_mb is not None:
            speeches = speeches.head_documents(int(corpus_mb * _MB))
        inputs.append(speeches)
    else:
        missing.append(f"corpus: no *.txt files in {', '.join(map(str, folders))}")
    return inputs, missing


# --------------------------------------------------------------------------- config / registry


@dataclass
class BenchConfig:
    """What every section receives.

    ``slow_sample_bytes`` / ``slow_over_bytes``: a slow tool (pySBD) is timed on the leading
    ``slow_sample_bytes`` of any input larger than ``slow_over_bytes``; throughput per MB is
    what is compared, so a sample of the same text is enough. ``budget_seconds``: stop
    repeating a (tool, input) pair once its runs have taken this long (at least one run).
    ``memory``: trace peak memory in one extra untimed call (of at most
    ``trace_sentences`` sentences in the ``sentiment`` section). ``seed_path`` and
    ``corpus_files`` are the files behind the inputs, for the sections that start fresh
    processes (``import``, ``corpus``). ``cache`` holds values shared between sections
    (discourse's sentences of each input).
    """

    inputs: list[BenchInput]
    repeat: int = 3
    quick: bool = False
    missing: list[str] = field(default_factory=list)
    slow_sample_bytes: int = 200_000
    slow_over_bytes: int = 1_000_000
    budget_seconds: float = 10.0
    memory: bool = True
    trace_sentences: int = 1000
    seed_path: Path | None = None
    corpus_files: list[Path] = field(default_factory=list)
    corpus_name: str = "corpus"
    cache: dict[Any, Any] = field(default_factory=dict)


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


def _loops(seconds: float) -> int:
    return 1 if seconds >= _MIN_RUN else min(10_000, int(_MIN_RUN / max(seconds, 1e-7)) + 1)


def _best_time(
    fn: Callable[[], Any],
    repeat: int,
    budget: float,
    warmup: Callable[[], Any] | None = None,
) -> tuple[float, Any, int]:
    """Run ``fn`` up to ``repeat`` times; return (best seconds per call, its result, runs).

    The first, untimed call warms caches; ``warmup`` replaces it with a cheaper call (a
    small slice of a large input). Calls much faster than the timer's useful resolution are
    looped (like ``timeit``'s autorange) so that one timed run lasts about 20 ms or more.
    Garbage is collected before a timed run that follows a long call, so that the previous
    call's garbage does not pause this one (a full collection costs tens of milliseconds
    with TextBlob, NLTK and pandas loaded, too much to pay before every short run).
    """
    t0 = time.perf_counter()
    result: Any = (warmup or fn)()
    dt = time.perf_counter() - t0
    spent = dt if warmup is None else 0.0
    loops = _loops(dt) if warmup is None else 1
    best = float("inf")
    runs = 0
    for _ in range(max(1, repeat)):
        if dt >= _GC_AFTER:
            gc.collect()
        t0 = time.perf_counter()
        for _ in range(loops):
            result = fn()
        dt = time.perf_counter() - t0
        best = min(best, dt / loops)
        spent += dt
        runs += 1
        if warmup is not None and runs == 1:
            loops = _loops(dt)
        if spent >= budget:
            break
    return best, result, runs


def _traced_peak(fn: Callable[[], Any]) -> float:
    """Peak MB that Python allocated during one call of ``fn`` (tracemalloc)."""
    if tracemalloc.is_tracing():  # e.g. python -X tracemalloc: measure from here
        start, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        fn()
        return (tracemalloc.get_traced_memory()[1] - start) / _MB
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / _MB
    finally:
        tracemalloc.stop()


def _per(amount: float | None, seconds: float | None) -> float | None:
    return amount / seconds if amount is not None and seconds else None


def _row(sec: str, tool: str, inp: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(section=sec, tool=tool, input=inp, note="", score="", target="")
    row.update(values)
    return row


def _join(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _timed(
    sec: str,
    tool: str,
    inp: BenchInput,
    fn: Callable[[], Any],
    config: BenchConfig,
    *,
    mb: float | None = None,
    sentences: int | None = None,
    warmup: Callable[[], Any] | None = None,
    trace: Callable[[], Any] | None = None,
    note: str = "",
    **values: Any,
) -> dict[str, Any]:
    """Time ``fn`` (it returns the number of sentences, unless ``sentences`` is given).

    The peak memory is traced on ``trace`` (default: ``fn`` itself); tracemalloc slows
    Python code 5-12 times, so sections pass a smaller call whose peak is the same (one
    paragraph at a time, the largest document) or say in their title what was traced.
    """
    seconds, result, runs = _best_time(fn, config.repeat, config.budget_seconds, warmup)
    n = result if sentences is None else sentences
    mb = inp.nbytes / _MB if mb is None else mb
    return _row(
        sec,
        tool,
        inp.name,
        mb=mb,
        sentences=n,
        seconds=seconds,
        sentences_per_s=_per(n, seconds),
        mb_per_s=_per(mb, seconds),
        peak_traced_mb=_traced_peak(trace or fn) if config.memory else None,
        runs=runs,
        note=_join(inp.note, note),
        **values,
    )


def _not_installed(sec: str, tool: str, config: BenchConfig, error: ImportError) -> list[dict]:
    note = f"not installed ({error.name or error})"
    return [_row(sec, tool, inp.name, note=note) for inp in config.inputs]


def _add_ratio(rows: list[dict[str, Any]], reference: str) -> None:
    ref = {r["input"]: r["mb_per_s"] for r in rows if r["tool"] == reference}
    for r in rows:
        base = ref.get(r["input"])
        if base and r["mb_per_s"] is not None:
            r["ratio"] = r["mb_per_s"] / base


def _check(met: bool, text: str) -> str:
    return f"{text}: {'met' if met else 'MISSED'}"


def _our_sentences(config: BenchConfig, inp: BenchInput) -> list[str]:
    """discourse's sentences of an input, paragraph by paragraph (cached per run)."""
    key = ("sentences", inp.name)
    if key not in config.cache:
        from discourse.text.sentences import split_sentences

        config.cache[key] = [s.text for p in inp.paragraphs for s in split_sentences(p)]
    return config.cache[key]


def _repeats_note(sentences: Sequence[str]) -> str:
    """A note when most sentences repeat (the replicated seed): caches then flatter."""
    distinct = len(set(sentences))
    if sentences and distinct < 0.5 * len(sentences):
        return f"repeated text: {distinct:,} distinct of {len(sentences):,} sentences"
    return ""


def _sampled(inp: BenchInput, config: BenchConfig) -> tuple[BenchInput, str]:
    if inp.nbytes > config.slow_over_bytes:
        used = inp.head(config.slow_sample_bytes)
        return used, f"sample: first {used.nbytes / _MB:.2f} MB"
    return inp, ""


def _warm_text(inp: BenchInput) -> str:
    return "\n\n".join(inp.paragraphs[:_WARMUP_PARAGRAPHS])


# --------------------------------------------------------------------------- sentences


def _discourse_segmenter() -> Callable[[str], list[str]]:
    from discourse.text.sentences import split_sentences

    return lambda text: [s.text for s in split_sentences(text)]


def _discourse_bounds() -> Callable[[str], list[tuple[int, int]]]:
    from discourse.text.sentences import sentence_bounds

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


def _segment_all(paras: tuple[str, ...], segment: Callable[[str], Sequence[Any]]) -> int:
    return sum(len(segment(p)) for p in paras)


@section("sentences")
def _bench_sentences(config: BenchConfig) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for tool in _SENTENCE_TOOLS:
        try:
            segment = tool.factory()
        except ImportError as exc:
            rows += _not_installed("sentences", tool.name, config, exc)
            continue
        if tool.golden:
            passed, total, _ = golden_rules_score(segment, _resolve(DEFAULT_GOLDEN))
            score = f"{passed}/{total}"
        else:
            score = "(as discourse)"
        for inp in config.inputs:
            used, note = _sampled(inp, config) if tool.slow else (inp, "")
            fn = partial(_segment_all, used.paragraphs, segment)
            head = partial(_segment_all, used.paragraphs[:_WARMUP_PARAGRAPHS], segment)
            rows.append(
                _timed("sentences", tool.name, used, fn, config, trace=head, score=score, note=note)
            )
    _add_ratio(rows, _SENTENCE_REFERENCE)
    return _by_input(rows, config)


def _by_input(rows: list[dict[str, Any]], config: BenchConfig) -> list[dict[str, Any]]:
    order = {inp.name: i for i, inp in enumerate(config.inputs)}
    return sorted(rows, key=lambda r: order.get(r["input"], len(order)))  # tools side by side


# --------------------------------------------------------------------------- end to end

BASELINE_TOOL = "pysbd+TextBlob"


def _baseline_pipeline(paras: Sequence[str], segment: Callable[[str], list[str]], blob: Any) -> int:
    # What a researcher would write: sentences, then a TextBlob per sentence.
    n = 0
    for p in paras:
        for s in segment(p):
            blob(s).sentiment  # noqa: B018  (the property computes the score)
            n += 1
    return n


@section("baseline")
def _bench_baseline(config: BenchConfig) -> list[dict[str, Any]]:
    try:
        from textblob import TextBlob

        segment = _pysbd_segmenter()
    except ImportError as exc:
        return _not_installed("baseline", BASELINE_TOOL, config, exc)
    rows = []
    for inp in config.inputs:
        used, note = _sampled(inp, config)
        fn = partial(_baseline_pipeline, used.paragraphs, segment, TextBlob)
        warm = partial(_baseline_pipeline, used.paragraphs[:_WARMUP_PARAGRAPHS], segment, TextBlob)
        rows.append(
            _timed("baseline", BASELINE_TOOL, used, fn, config, warmup=warm, trace=warm, note=note)
        )
    return rows


def _vader_all(sentences: Sequence[str], score: Callable[[str], Any]) -> int:
    for s in sentences:
        score(s)
    return len(sentences)


@section("vader")
def _bench_vader(config: BenchConfig) -> list[dict[str, Any]]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError as exc:
        return _not_installed("vader", "vaderSentiment", config, exc)
    score = SentimentIntensityAnalyzer().polarity_scores
    rows = []
    for inp in config.inputs:
        sents = _our_sentences(config, inp)
        fn = partial(_vader_all, sents, score)
        warm = partial(_vader_all, sents[:200], score)
        rows.append(_timed("vader", "vaderSentiment", inp, fn, config, warmup=warm, trace=warm))
    return rows


def _largest(documents: Sequence[tuple[str, str]]) -> tuple[str, str]:
    return max(documents, key=lambda doc: len(doc[1]))


def _analyze_all(documents: Sequence[tuple[str, str]]) -> int:
    import discourse

    return sum(len(discourse.analyze(text).sentences) for _, text in documents)


@section("pipeline")
def _bench_pipeline(config: BenchConfig) -> list[dict[str, Any]]:
    rows = []
    for inp in config.inputs:
        fn = partial(_analyze_all, inp.documents)
        warm = partial(_analyze_all, [("warm-up", _warm_text(inp))])
        largest = partial(_analyze_all, [_largest(inp.documents)])
        rows.append(
            _timed(
                "pipeline",
                "discourse.analyze",
                inp,
                fn,
                config,
                warmup=warm,
                trace=largest,
                note=_repeats_note(_our_sentences(config, inp)),
            )
        )
    for r in rows:
        if r["sentences_per_s"] is not None:
            r["target"] = _check(
                r["sentences_per_s"] >= PIPELINE_MIN_SENTENCES_PER_S,
                f"≥ {PIPELINE_MIN_SENTENCES_PER_S:,} sentences/s",
            )
    return rows


# --------------------------------------------------------------------------- sentiment

SENTIMENT_REFERENCE = "textblob.PatternAnalyzer"


def _score_sentiment(sentences: list[str], columns: str) -> int:
    import discourse

    return len(discourse.score_sentiment(sentences, columns=columns))


def _each(sentences: Sequence[str], fn: Callable[[str], Any]) -> int:
    for s in sentences:
        fn(s)
    return len(sentences)


def _textblob_sentiment(text: str) -> Any:
    from textblob import TextBlob

    return TextBlob(text).sentiment


def _sentiment_tools() -> list[tuple[str, Callable[[list[str]], int] | ImportError]]:
    tools: list[tuple[str, Callable[[list[str]], int] | ImportError]] = [
        ("discourse.score_sentiment", partial(_score_sentiment, columns="all")),
        ("score_sentiment(columns='combined')", partial(_score_sentiment, columns="combined")),
    ]
    try:
        from textblob.sentiments import PatternAnalyzer

        analyze = PatternAnalyzer().analyze
        tools += [
            (SENTIMENT_REFERENCE, lambda sents: _each(sents, analyze)),
            ("TextBlob(s).sentiment", lambda sents: _each(sents, _textblob_sentiment)),
        ]
    except ImportError as exc:
        tools += [(SENTIMENT_REFERENCE, exc)]
    return tools


@section("sentiment")
def _bench_sentiment(config: BenchConfig) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name, tool in _sentiment_tools():
        if isinstance(tool, ImportError):
            rows += _not_installed("sentiment", name, config, tool)
            continue
        for inp in config.inputs:
            sents = _our_sentences(config, inp)
            note = _repeats_note(sents)
            if note and name.startswith(("discourse", "score_sentiment")):
                note += " (score_sentiment scores each distinct sentence once)"
            rows.append(
                _timed(
                    "sentiment",
                    name,
                    inp,
                    partial(tool, sents),
                    config,
                    warmup=partial(tool, sents[:200]),
                    trace=partial(tool, sents[: config.trace_sentences]),
                    note=note,
                )
            )
    _add_ratio(rows, SENTIMENT_REFERENCE)
    for r in rows:
        if r["tool"] == "discourse.score_sentiment" and r["ratio"]:
            time_ratio = 1 / r["ratio"]
            r["target"] = _check(
                time_ratio <= SENTIMENT_MAX_TIME_RATIO,
                f"time {time_ratio:.2f}x TextBlob's (≤ {SENTIMENT_MAX_TIME_RATIO}x)",
            )
    return _by_input(rows, config)


# --------------------------------------------------------------------------- keywords, topics


def _keywords(documents: dict[str, str]) -> Any:
    from discourse.steps.keywords import keyword_frequencies

    return keyword_frequencies(documents, by="document")


def _keywords_cold(documents: dict[str, str]) -> float:
    from discourse.lexicon.dictionary import default_dictionary

    default_dictionary.cache_clear()  # a fresh dictionary: empty word-type cache
    gc.collect()
    t0 = time.perf_counter()
    _keywords(documents)
    return time.perf_counter() - t0


@section("keywords")
def _bench_keywords(config: BenchConfig) -> list[dict[str, Any]]:
    rows = []
    for inp in config.inputs:
        docs = dict(inp.documents)
        n = len(_our_sentences(config, inp))
        rows.append(
            _timed(
                "keywords",
                "keyword_frequencies",
                inp,
                partial(_keywords, docs),
                config,
                sentences=n,
                note=f"{len(docs)} document{'s' * (len(docs) != 1)}",
            )
        )
        cold = _keywords_cold(docs)
        rows.append(
            _row(
                "keywords",
                "keyword_frequencies (cold)",
                inp.name,
                mb=inp.nbytes / _MB,
                sentences=n,
                seconds=cold,
                sentences_per_s=_per(n, cold),
                mb_per_s=_per(inp.nbytes / _MB, cold),
                runs=1,
                note=_join(inp.note, "first call after a fresh dictionary"),
            )
        )
    for r in rows:
        r["target"] = _check(r["seconds"] < KEYWORDS_MAX_SECONDS, f"< {KEYWORDS_MAX_SECONDS:g} s")
    return rows


def _sentence_frames(config: BenchConfig, inp: BenchInput) -> list[Any]:
    key = ("frames", inp.name)
    if key not in config.cache:
        from discourse.text.reading import read_article

        config.cache[key] = [read_article(text).to_frame() for _, text in inp.documents]
    return config.cache[key]


def _segment_sentences_all(frames: Sequence[Any]) -> int:
    from discourse.steps.topics.segmentation import segment_sentences

    for frame in frames:
        para = frame["paragraph_id"].tolist()
        starts = [i for i in range(1, len(para)) if para[i] != para[i - 1]]
        segment_sentences(frame["text"].tolist(), paragraph_breaks=starts)
    return sum(len(f) for f in frames)


def _segment_topics_all(frames: Sequence[Any]) -> int:
    from discourse.steps.topics.topics import segment_topics

    for frame in frames:
        segment_topics(frame)
    return sum(len(f) for f in frames)


@section("topics")
def _bench_topics(config: BenchConfig) -> list[dict[str, Any]]:
    rows = []
    for name, fn in (
        ("segment_sentences", _segment_sentences_all),
        ("segment_topics", _segment_topics_all),
    ):
        for inp in config.inputs:
            frames = _sentence_frames(config, inp)
            largest = partial(fn, [max(frames, key=len)])
            rows.append(
                _timed(
                    "topics",
                    name,
                    inp,
                    partial(fn, frames),
                    config,
                    warmup=partial(fn, frames[:1]),
                    trace=largest,
                )
            )
    return _by_input(rows, config)


# --------------------------------------------------------------------------- fresh processes


def _env() -> dict[str, str]:
    """The environment of a fresh process that imports this very package."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_REPO), env.get("PYTHONPATH")) if p)
    return env


def _run(args: Sequence[str], cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        list(args),
        capture_output=True,
        text=True,
        env=_env(),
        cwd=cwd,
        timeout=_SUBPROCESS_TIMEOUT,
        check=False,
    )
    return time.perf_counter() - t0, proc


def _failure(proc: subprocess.CompletedProcess) -> str:
    lines = (proc.stderr or proc.stdout or "").strip().splitlines()
    return f"failed (exit {proc.returncode}): {lines[-1] if lines else 'no output'}"


_IMPORT_CODE = (
    "import time; t = time.perf_counter(); import discourse; print(time.perf_counter() - t)"
)
_IMPORT_RUNS = 5


def parse_importtime(stderr: str, top: int = 3) -> list[tuple[str, float, float]]:
    """The top-level imports with most cumulative time in ``python -X importtime`` output.

    Returns ``(module, cumulative seconds, self seconds)``, largest first. Nested imports
    are not listed: their time is inside their top-level import's cumulative time.

    Examples
    --------
    >>> log = '''import time: self [us] | cumulative | imported package
    ... import time:       100 |        900 | pandas
    ... import time:       800 |        800 |   pandas.core
    ... import time:        50 |         50 | json'''
    >>> parse_importtime(log, top=2)
    [('pandas', 0.0009, 0.0001), ('json', 5e-05, 5e-05)]
    """
    found = []
    for line in stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3:
            continue
        try:
            own = int(parts[0].removeprefix("import time:"))
            cumulative = int(parts[1])
        except ValueError:  # the header line
            continue
        name = parts[2]
        if name[1:2] != " ":  # one space after "|" at top level, more when nested
            found.append((name.strip(), cumulative / 1e6, own / 1e6))
    return sorted(found, key=lambda t: -t[1])[:top]


@section("import")
def _bench_import(config: BenchConfig) -> list[dict[str, Any]]:
    exe = sys.executable
    rows = []
    start = [_run([exe, "-c", "pass"])[0] for _ in range(_IMPORT_RUNS)]
    rows.append(
        _row(
            "import",
            "python -c pass",
            "-",
            seconds=min(start),
            runs=len(start),
            note="interpreter start-up, wall time (for reference)",
        )
    )
    times, proc = [], None
    for _ in range(_IMPORT_RUNS):
        _, proc = _run([exe, "-c", _IMPORT_CODE])
        if proc.returncode:
            break
        times.append(float(proc.stdout.strip().splitlines()[-1]))
    if times:
        rows.append(
            _row(
                "import",
                "import discourse",
                "-",
                seconds=min(times),
                runs=len(times),
                target=_check(min(times) <= IMPORT_MAX_SECONDS, f"≤ {IMPORT_MAX_SECONDS:g} s"),
                note="inside a fresh process",
            )
        )
    else:
        rows.append(_row("import", "import discourse", "-", note=_failure(proc)))
    if config.seed_path is None:
        rows.append(_row("import", "discourse analyze (cold)", "seed", note="no seed file"))
        return rows
    rows += _cold_start(config, exe)
    return rows


def _cold_start(config: BenchConfig, exe: str) -> list[dict[str, Any]]:
    seed = str(config.seed_path)
    mb = config.seed_path.stat().st_size / _MB if config.seed_path else None
    with tempfile.TemporaryDirectory(prefix="discourse-bench-") as tmp:
        command = ["-m", "discourse.cli", "analyze", seed, "--out", tmp, "--no-charts"]
        walls = []
        for _ in range(max(1, config.repeat)):
            wall, proc = _run([exe, *command])
            if proc.returncode:
                return [_row("import", "discourse analyze (cold)", "seed", note=_failure(proc))]
            walls.append(wall)
        tables = list(Path(tmp).rglob("sentences.csv"))
        n = sum(len(t.read_text(encoding="utf-8").splitlines()) - 1 for t in tables) or None
        _, traced = _run([exe, "-X", "importtime", *command])
    best = min(walls)
    rows = [
        _row(
            "import",
            "discourse analyze (cold)",
            "seed",
            mb=mb,
            sentences=n,
            seconds=best,
            runs=len(walls),
            note="wall time of a fresh `python -m discourse.cli analyze --no-charts`",
        )
    ]
    top = parse_importtime(traced.stderr)
    total = sum(t for _, t, _ in parse_importtime(traced.stderr, top=10_000))
    for i, (module, cumulative, own) in enumerate(top, 1):
        share = cumulative / total if total else float("nan")
        rows.append(
            _row(
                "import",
                f"importtime #{i}: {module}",
                "seed",
                seconds=cumulative,
                runs=1,
                note=f"cumulative; self {own:.3f} s; {share:.0%} of all "
                f"import time ({total:.2f} s) in the cold start",
            )
        )
    return rows


# Runs in a fresh process; prints one JSON line. Memory is in bytes. The process's own peak
# is VmHWM: its ru_maxrss would include the peak of the process that started it (Linux keeps
# it across exec, and subprocess starts children with vfork). The workers are forked, not
# exec'd, so RUSAGE_CHILDREN gives the largest worker's own peak RSS.
_CORPUS_CODE = """
import json, sys, time
args = json.loads(sys.argv[1])
from discourse.corpus import run_corpus
start = time.perf_counter()
result = run_corpus(args["inputs"], args["out"], jobs=args["jobs"], progress=False)
seconds = time.perf_counter() - start
unit = 1 if sys.platform == "darwin" else 1024
own = children = None
try:
    import resource
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit
except ImportError:
    pass
try:
    with open("/proc/self/status", encoding="ascii") as status:
        own = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    pass
docs = result.documents
print(json.dumps({"seconds": seconds, "docs": len(docs), "failed": int(result.n_failed),
                  "sentences": int(docs["sentences"].sum()), "own": own, "children": children}))
"""


def _rss_mb(value: int | None) -> float | None:
    return None if value is None else value / _MB


def _replicate(files: Sequence[Path], copies: int, folder: Path) -> list[str]:
    """``copies`` folders of links (or copies) to ``files``; returns the folders."""
    out = []
    for i in range(copies):
        target = folder / f"copy{i}"
        for f in files:
            dst = target / f.parent.name / f.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            try:
                dst.symlink_to(f.resolve())
            except OSError:  # no symlinks (Windows without privileges): copy
                shutil.copyfile(f, dst)
        out.append(str(target))
    return out


def _corpus_run(files: Sequence[Path], jobs: int, copies: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="discourse-bench-") as tmp:
        inputs = (
            [str(f) for f in files] if copies == 1 else _replicate(files, copies, Path(tmp) / "in")
        )
        args = {"inputs": inputs, "out": str(Path(tmp) / "out"), "jobs": jobs}
        _, proc = _run([sys.executable, "-c", _CORPUS_CODE, json.dumps(args)])
    if proc.returncode:
        return {"error": _failure(proc)}
    return json.loads(proc.stdout.strip().splitlines()[-1])


@section("corpus")
def _bench_corpus(config: BenchConfig) -> list[dict[str, Any]]:
    files = config.corpus_files
    if not files:
        return [_row("corpus", "run_corpus", config.corpus_name, note="no corpus files")]
    mb = sum(f.stat().st_size for f in files) / _MB
    plans = [(1, 1), (2, 1)] + ([] if config.quick else [(2, 10)])
    rows = []
    for jobs, copies in plans:
        name = config.corpus_name + (f" x{copies}" if copies > 1 else "")
        tool = f"run_corpus jobs={jobs}"
        got = _corpus_run(files, jobs, copies)
        if "error" in got:
            rows.append(_row("corpus", tool, name, note=got["error"]))
            continue
        own, children = _rss_mb(got["own"]), _rss_mb(got["children"])
        seconds, n = got["seconds"], got["sentences"]
        note = f"{got['docs']} docs; max RSS of the process {own or 0:.0f} MB"
        if jobs > 1:
            note += f", of its largest worker {children or 0:.0f} MB"
        if got["failed"]:
            note += f"; {got['failed']} FAILED"
        rows.append(
            _row(
                "corpus",
                tool,
                name,
                mb=mb * copies,
                sentences=n,
                seconds=seconds,
                sentences_per_s=_per(n, seconds),
                mb_per_s=_per(mb * copies, seconds),
                max_rss_mb=max(own or 0, children or 0) or None,
                runs=1,
                note=note,
                copies=copies,
                jobs=jobs,
            )
        )
    _corpus_targets(rows)
    for r in rows:
        r.pop("copies", None)
        r.pop("jobs", None)
    return rows


def _corpus_targets(rows: list[dict[str, Any]]) -> None:
    def find(jobs: int, copies: int) -> dict[str, Any] | None:
        return next((r for r in rows if r.get("jobs") == jobs and r.get("copies") == copies), None)

    one, two, many = find(1, 1), find(2, 1), find(2, 10)
    for r in rows:
        if one and r.get("mb_per_s") and one["mb_per_s"]:
            r["ratio"] = r["mb_per_s"] / one["mb_per_s"]
    if two and two.get("ratio"):
        ok = two["ratio"] >= CORPUS_MIN_SPEEDUP and two["seconds"] <= CORPUS_MAX_SECONDS
        two["target"] = _check(
            ok,
            f"speed-up {two['ratio']:.2f}x (≥ {CORPUS_MIN_SPEEDUP}x), "
            f"{two['seconds']:.1f} s (≤ {CORPUS_MAX_SECONDS:g} s)",
        )
    if two and many and two.get("max_rss_mb") and many.get("max_rss_mb"):
        growth = many["max_rss_mb"] / two["max_rss_mb"]
        many["target"] = _check(
            growth <= CORPUS_MAX_RSS_GROWTH,
            f"max RSS {growth:.2f}x the 1x run (≤ {CORPUS_MAX_RSS_GROWTH}x)",
        )


# --------------------------------------------------------------------------- runner

#: Sections whose ``ratio`` is relative to the baseline section's row on the same input.
_VERSUS_BASELINE = ("baseline", "vader", "pipeline")


def _ratio_to_baseline(rows: list[dict[str, Any]]) -> None:
    ref = {
        r["input"]: r["mb_per_s"]
        for r in rows
        if r["section"] == "baseline" and r["tool"] == BASELINE_TOOL
    }
    for r in rows:
        base = ref.get(r["input"])
        if r["section"] in _VERSUS_BASELINE and base and r["mb_per_s"] is not None:
            r["ratio"] = r["mb_per_s"] / base


def run_benchmark(
    sections: Sequence[str] | None = None,
    repeat: int = 3,
    quick: bool = False,
    *,
    seed: Path | str | None = None,
    corpus: Path | str | Sequence[Path | str] | None = None,
    inputs: Mapping[str, str] | None = None,
    memory: bool = True,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Run benchmark sections and return one tidy DataFrame (columns :data:`COLUMNS`).

    Parameters
    ----------
    sections : sequence of str, optional
        Names registered in :data:`SECTIONS`; all of them by default.
    repeat : int, default 3
        Timed runs per (tool, input); the best is kept.
    quick : bool, default False
        Smaller inputs: the seed repeated to 0.25 MB instead of 2 MB, the leading 0.5 MB of
        the corpus, smaller samples for slow tools, a shorter time budget, and no 10x corpus
        run.
    seed, corpus : path, optional
        See :func:`load_inputs`.
    inputs : mapping of str to str, optional
        Name -> text; replaces the standard inputs of the in-process sections (for tests and
        ad-hoc texts). ``import`` and ``corpus`` still use the ``seed`` and ``corpus`` files.
    memory : bool, default True
        Trace peak memory (one extra untimed call per row).
    progress : callable, optional
        Called with a message as each section starts.

    Returns
    -------
    pandas.DataFrame
        One row per (section, tool, input), plus a ``missing`` row per unreadable input and
        an ``error`` row per section that raised.

    Examples
    --------
    >>> df = run_benchmark(("sentences",), repeat=1,
    ...                    inputs={"tiny": "He left. She stayed.\\n\\nThe end."})
    >>> int(df.loc[df.tool == "discourse", "sentences"].item())
    3
    """
    import pandas as pd

    names = list(SECTIONS) if sections is None else list(sections)
    unknown = [s for s in names if s not in SECTIONS]
    if unknown:
        raise InvalidOptionError(
            f"Unknown benchmark section(s) {unknown}; choose from {sorted(SECTIONS)}."
        )
    folders = _corpus_folders(corpus)
    seed_path = _resolve(seed if seed is not None else DEFAULT_SEED)
    if inputs is not None:
        bench_inputs = [BenchInput.from_text(k, v) for k, v in inputs.items()]
        missing: list[str] = []
    else:
        bench_inputs, missing = load_inputs(
            seed, folders, target_mb=0.25 if quick else 2.0, corpus_mb=0.5 if quick else None
        )
    config = BenchConfig(
        inputs=bench_inputs,
        repeat=repeat,
        quick=quick,
        missing=missing,
        memory=memory,
        seed_path=seed_path if seed_path.is_file() else None,
        corpus_files=_corpus_files(folders),
        corpus_name="+".join(d.name for d in folders),
    )
    if quick:
        config.slow_sample_bytes, config.slow_over_bytes = 100_000, 200_000
        config.budget_seconds = 3.0
        config.trace_sentences = 200
    rows: list[dict[str, Any]] = []
    for name in names:
        started = time.perf_counter()
        if progress is not None:
            progress(f"section {name} ...")
        try:
            rows += SECTIONS[name](config)
        except Exception as exc:  # report a broken section, keep the others' results
            traceback.print_exc(file=sys.stderr)
            rows.append(_row(name, "-", "-", note=f"error: {type(exc).__name__}: {exc}"))
        if name not in ("import", "corpus"):
            rows += [_row(name, "-", m.split(":")[0], note=m) for m in missing]
        if progress is not None:
            progress(f"section {name} done in {time.perf_counter() - started:.1f} s")
    _ratio_to_baseline(rows)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    numbers = {col: "Int64" if col in ("sentences", "runs") else "float64"
               for col in (*COLUMNS[3:11], "runs")}
    return frame.astype(numbers)


# --------------------------------------------------------------------------- output


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _load() -> str:
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):  # not on Windows
        return "n/a"


def machine_info() -> dict[str, str]:
    """Date, platform, CPU, cores, Python and the versions of discourse and its peers.

    Examples
    --------
    >>> info = machine_info()
    >>> {"date", "cpu", "cores", "python", "textblob", "pysbd"} <= set(info)
    True
    """
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    info = {
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "cores": f"{cores} ({usable} usable)" if usable != cores else str(cores),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "load average (1 min)": _load(),
        "discourse": _version("discourse"),
    }
    info.update({dist: _version(dist) for dist in PEERS})
    return info


def format_header(info: Mapping[str, str], *, markdown: bool = False) -> str:
    """The machine header, as text lines or as a Markdown list.

    Examples
    --------
    >>> print(format_header({"date": "2024-01-01", "cpu": "X"}))
    discourse benchmark
      date: 2024-01-01
      cpu: X
    """
    if markdown:
        return "\n".join(
            ["## discourse benchmark", ""] + [f"- **{k}**: {v}" for k, v in info.items()]
        )
    return "\n".join(["discourse benchmark"] + [f"  {k}: {v}" for k, v in info.items()])


_RATIO_LABELS = {
    "sentences": "x pysbd",
    "baseline": "x baseline",
    "vader": "x baseline",
    "pipeline": "x baseline",
    "sentiment": "x TextBlob",
    "corpus": "x jobs=1",
}
_TITLES = {
    "sentences": "sentence segmentation, paragraph by paragraph; 'x pysbd' = MB/s ÷ pySBD's "
    "MB/s on the same input; golden = Golden Rules cases passed; peak traced on the first "
    f"{_WARMUP_PARAGRAPHS} paragraphs",
    "baseline": "pySBD sentences (paragraph by paragraph) + TextBlob(s).sentiment per sentence; "
    "pySBD is slow, so large inputs are timed on a sample (see note); peak traced on the "
    f"first {_WARMUP_PARAGRAPHS} paragraphs",
    "vader": "VADER polarity_scores per sentence, on discourse's sentences (segmentation not "
    "timed); 'x baseline' = MB/s ÷ the baseline's MB/s on the same input; peak traced on the "
    "first 200 sentences",
    "pipeline": "discourse.analyze per document (everything it runs; one core, no charts); "
    "'x baseline' = MB/s ÷ the baseline's MB/s on the same input; peak traced on the input's "
    "largest document",
    "sentiment": "score_sentiment on a list of discourse's sentences vs TextBlob's "
    "PatternAnalyzer on the same sentences; 'x TextBlob' = MB/s ÷ its MB/s; peak traced on "
    "the first 1,000 sentences (200 with --quick)",
    "keywords": "keyword_frequencies(documents, by='document'), default dictionary; 'cold' = "
    "first call after the dictionary is rebuilt; peak traced on the whole call",
    "topics": "segment_sentences (paragraph breaks given) and segment_topics per document, "
    "on parsed articles (parsing not timed); peak traced on the largest document",
    "import": "fresh processes: best wall or in-process time; top imports of a cold "
    "`discourse analyze` by python -X importtime",
    "corpus": "run_corpus in a fresh process per configuration (progress off); seconds of "
    "run_corpus; max RSS = larger of the process's peak RSS (VmHWM) and its largest worker's "
    "(RUSAGE_CHILDREN); MB = file bytes",
}
_FORMATS = {
    "mb": "{:.3f}",
    "sentences": "{:,}",
    "seconds": "{:.4f}",
    "sentences_per_s": "{:,.0f}",
    "mb_per_s": "{:.3f}",
    "ratio": "{:.2f}",
    "peak_traced_mb": "{:.1f}",
    "max_rss_mb": "{:.0f}",
    "runs": "{}",
}
_LABELS = {
    "mb": "MB",
    "sentences_per_s": "sentences/s",
    "mb_per_s": "MB/s",
    "peak_traced_mb": "peak MB (traced)",
    "max_rss_mb": "max RSS MB",
}


def _cell(value: Any, spec: str) -> str:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return spec.format(value)


def _display(name: str, part: pd.DataFrame) -> pd.DataFrame:
    """One section's rows as strings, with readable column names; empty columns dropped."""
    shown = part.drop(columns="section").copy()
    for col in shown.columns:
        shown[col] = [_cell(v, _FORMATS.get(col, "{}")) for v in shown[col]]
    shown = shown.loc[
        :, [c for c in shown.columns if c in ("tool", "input") or (shown[c] != "").any()]
    ]
    labels = {
        **_LABELS,
        "ratio": _RATIO_LABELS.get(name, "ratio"),
        "score": "golden" if name == "sentences" else "score",
    }
    return shown.rename(columns=labels)


def format_table(frame: pd.DataFrame) -> str:
    """Render the results as fixed-width text, one block per section."""
    blocks: list[str] = []
    for name, part in frame.groupby("section", sort=False):
        shown = _display(str(name), part)
        title = f"== {name} ==  ({_TITLES.get(str(name), '')})"
        blocks.append(f"{title}\n{shown.to_string(index=False)}")
    return "\n\n".join(blocks)


def format_markdown(frame: pd.DataFrame) -> str:
    """Render the results as Markdown tables, one per section (for a README).

    Examples
    --------
    >>> df = run_benchmark(("sentences",), repeat=1, memory=False, inputs={"t": "A b. C d."})
    >>> print(format_markdown(df).splitlines()[0])
    ### sentences
    """
    blocks: list[str] = []
    for name, part in frame.groupby("section", sort=False):
        shown = _display(str(name), part)
        cols = list(shown.columns)
        right = [c not in ("tool", "input", "golden", "score", "target", "note") for c in cols]
        lines = [
            "| " + " | ".join(cols) + " |",
            "|" + "|".join("---:" if r else "---" for r in right) + "|",
        ]
        for values in shown.itertuples(index=False):
            lines.append("| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |")
        blocks.append(f"### {name}\n\n{_TITLES.get(str(name), '')}\n\n" + "\n".join(lines))
    return "\n\n".join(blocks)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``python -m tools.bench [options]``.

    Examples
    --------
    >>> main(["--help"])  # doctest: +SKIP
    """
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench",
        description="Benchmark discourse against peer libraries, side by side on the same "
        "inputs: throughput, peak memory, ratios and targets.",
    )
    parser.add_argument(
        "--sections",
        "--section",
        dest="sections",
        nargs="+",
        action="extend",
        choices=list(SECTIONS),
        metavar="NAME",
        help=f"sections to run (default: all): {', '.join(SECTIONS)}",
    )
    parser.add_argument("--repeat", type=int, help="timed runs, best kept (default 3; 1 quick)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller inputs, one run, no 10x corpus (about a minute)",
    )
    parser.add_argument("--seed", default=str(DEFAULT_SEED), help="seed article (plain text)")
    parser.add_argument(
        "--corpus",
        nargs="+",
        default=[str(p) for p in DEFAULT_CORPUS],
        help="folder(s) of *.txt speeches or articles",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip tracemalloc peaks")
    parser.add_argument("--csv", metavar="PATH", help="also write the results to this CSV file")
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print Markdown (header list and tables) to paste into a README",
    )
    args = parser.parse_args(argv)
    repeat = args.repeat if args.repeat is not None else (1 if args.quick else 3)
    load_before = _load()
    frame = run_benchmark(
        args.sections,
        repeat=repeat,
        quick=args.quick,
        seed=args.seed,
        corpus=args.corpus,
        memory=not args.no_memory,
        progress=lambda message: print(message, file=sys.stderr, flush=True),
    )
    info = machine_info()
    # Other processes on the machine slow every number, the 2-job speed-up most.
    info["load average (1 min)"] = (
        f"{load_before} before the run, {info['load average (1 min)']} after"
    )
    info["options"] = " ".join(["--quick"] * args.quick + [f"--repeat {repeat}"])
    if args.markdown:
        print(format_header(info, markdown=True) + "\n\n" + format_markdown(frame))
    else:
        print(format_header(info) + "\n\n" + format_table(frame))
    if args.csv:
        frame.to_csv(args.csv, index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
