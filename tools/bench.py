"""Speed benchmark: discourse side by side with its references, as ratios against targets.

Run from the repository root::

    python -m tools.bench                    # everything (a few minutes)
    python -m tools.bench --quick            # scaled down, under about two minutes
    python -m tools.bench --sections cold warm --markdown --json bench.json
    python -m tools.bench --skip long

Every *section* times a discourse call and, beside it, a reference call on the same input, and
reports the ratio (discourse's seconds ÷ the reference's) against its target. Sections
(``--sections NAME ...``, all by default, ``--skip NAME ...`` to leave some out):

``cold``
    Fresh processes, interleaved, median of ``--runs``: ``discourse analyze SEED --no-charts``
    against ``python -c "import pandas"`` and against a script that reads the seed, splits it
    naively into sentences and runs ``TextBlob(s).sentiment`` on each. Also the top imports of
    the cold ``analyze`` (``python -X importtime``), for diagnosis.
``warm``
    One process, interleaved, best of ``--repeat`` after a warm-up: :func:`discourse.analyze`
    with the seed's 4 example targets against ``TextBlob(s).sentiment`` on the very sentences
    the pipeline produced, on the seed, on the seed's body repeated 20 times as one article,
    and on the first 300 FNC-1 bodies run as a corpus (:func:`discourse.run_corpus`,
    ``jobs=1``; skipped with a note when the FNC-1 file is absent). Two rows without a
    target help find the cost: one pipeline object reused on the seed, and the FNC-1 bodies
    analysed in memory (nothing written).
``steps``
    For diagnosis, no targets: the seconds of each step inside
    ``default_pipeline(targets=...).analyze`` (the 4 example targets) on the seed and on the
    seed ×20, and of the rest (reading, frames, joins), as ratios to TextBlob's time on the
    same sentences.
``long``
    :func:`discourse.analyze` (default options) on one document of about 1 MB and one of about
    5 MB of distinct real text: FNC-1 bodies and the 124 speeches, interleaved, no text
    repeated, so the number of distinct speakers grows with the length (topped up with the
    manifesto sentences of ``data/segmentation`` when short). The target (6× for 5× the text)
    is scaled to the size ratio actually built. ``--quick``: 0.1 MB against 0.5 MB.
``charts``
    Fresh processes, interleaved, median: ``discourse analyze SEED --out TMP`` (charts and
    report) against the same with ``--no-charts``.
``stance``
    :func:`discourse.score_stance` (4 targets) against :func:`discourse.score_sentiment`, on
    the sentence tables of the 124 speeches (the stance input carries the sentiment columns,
    as in the pipeline).
``import``
    ``import discourse`` timed inside fresh processes (median).
``sentences``
    Sentence segmentation, seconds per MB, against pySBD (timed on a sample: it is slow); the
    Golden Rules score of each.
``parallel``
    :func:`discourse.run_corpus` on the speeches with 2 worker processes against 1.

Output: a machine header (date, CPU, cores, Python, load) and one table, a row per
comparison: what was measured and its seconds, the reference and its seconds, the ratio, the
target and "pass"/"FAIL" ("-" without a target, "skipped" with the reason in the notes).
``--markdown`` prints it as Markdown for the README; ``--json PATH`` also writes every timed
run. Timing: ``time.perf_counter``; garbage is collected before each timed call of 0.2 s or
more (a collection costs up to 0.3 s with pandas loaded: too much before short calls).
"""

from __future__ import annotations

import argparse
import atexit
import csv
import functools
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

__all__ = [
    "SECTIONS",
    "BenchConfig",
    "BenchError",
    "Row",
    "Target",
    "Timing",
    "format_report",
    "interleaved_calls",
    "interleaved_processes",
    "long_document",
    "machine_info",
    "main",
    "parse_importtime",
    "ratio",
    "run_benchmark",
]

_REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = _REPO / "seeds" / "tass_2017-04-04_lavrov_moscow_baku.txt"
DEFAULT_TARGETS = _REPO / "data" / "targets" / "lavrov_2017.yaml"
DEFAULT_CORPUS = (_REPO / "data" / "corpus" / "inaugural",
                  _REPO / "data" / "corpus" / "state_union")
# The shared benchmark folder sits beside the repository.
DEFAULT_FNC = (_REPO.parent / "shared" / "benchmarks" / "news_stance"
               / "fnc1_competition_test_bodies.csv")
DEFAULT_MANIFESTO = _REPO / "data" / "segmentation" / "manifesto_us.jsonl"
DEFAULT_GOLDEN = _REPO / "data" / "sentences" / "golden_rules_en.json"
_MB = 1_000_000
_NAIVE_SPLIT = r"(?<=[.!?])\s+"
_SHORT_CALL = 0.2  # seconds: in-process calls shorter than this get more repetitions
_TIMEOUT = 1800  # seconds: a process that hangs must not hang the benchmark

# Targets of issue 18 (and issue 15's cost item): limits on discourse's time ÷ the reference's.
COLD_VS_PANDAS = 1.6
WARM_SEED = 2.0
WARM_SEED_X20 = 1.5
WARM_CORPUS = 2.0
LONG_PER_5X_SIZE = 6.0
CHARTS = 2.5
STANCE_VS_SENTIMENT = 1.5
IMPORT_SECONDS = 0.05
SENTENCES_VS_PYSBD = 0.1  # at least 10 times pySBD's speed
PARALLEL_2_VS_1 = 1 / 1.7  # a speed-up of at least 1.7 with 2 workers


class BenchError(RuntimeError):
    """A benchmarked command failed; the message has its last line of output."""


# --------------------------------------------------------------------------- results


@dataclass
class Timing:
    """The timed runs of one call and the statistic that summarises them.

    Examples
    --------
    >>> Timing("x", [0.3, 0.1, 0.2]).seconds, Timing("x", [0.3, 0.1, 0.2], "median").seconds
    (0.1, 0.2)
    >>> Timing("x", [0.3, 0.1], "median").runs
    'median/2'
    """

    label: str
    times: list[float]
    stat: str = "best"  # "best", "median" or "once"
    sentences: int | None = None
    mb: float | None = None

    @property
    def seconds(self) -> float | None:
        """The best (minimum) or median time; None without runs."""
        if not self.times:
            return None
        return statistics.median(self.times) if self.stat == "median" else min(self.times)

    @property
    def runs(self) -> str:
        """How the seconds were obtained, e.g. ``"best/5"``."""
        return "once" if self.stat == "once" else f"{self.stat}/{len(self.times)}"


@dataclass(frozen=True)
class Target:
    """An upper limit on a ratio (``unit="x"``) or on seconds (``unit="s"``).

    Examples
    --------
    >>> t = Target(1.6)
    >>> str(t), t.met(1.6), t.met(1.61)
    ('≤ 1.60x', True, False)
    >>> str(Target(0.05, "s", strict=True)), Target(0.05, "s", strict=True).met(0.05)
    ('< 0.050 s', False)
    """

    limit: float
    unit: str = "x"
    strict: bool = False

    def met(self, value: float) -> bool:
        """Whether ``value`` is within the limit."""
        return value < self.limit if self.strict else value <= self.limit

    def __str__(self) -> str:
        sign = "<" if self.strict else "≤"
        return f"{sign} {self.limit:.2f}x" if self.unit == "x" else f"{sign} {self.limit:.3f} s"


def ratio(measured: float | None, reference: float | None) -> float | None:
    """``measured / reference``, or None when either is missing or the reference is 0.

    Examples
    --------
    >>> ratio(3.0, 2.0), ratio(None, 2.0), ratio(1.0, 0.0)
    (1.5, None, None)
    """
    if measured is None or not reference:
        return None
    return measured / reference


@dataclass
class Row:
    """One comparison: a measured call, its reference (optional), the target and notes.

    Examples
    --------
    >>> row = Row("warm", "seed", Timing("pipeline", [0.3]), Timing("TextBlob", [0.2]), Target(2))
    >>> round(row.ratio, 2), row.result
    (1.5, 'pass')
    >>> Row("warm", "fnc", None, note="no file").result
    'skipped'
    >>> Row("import", "import", Timing("import discourse", [0.1]), target=Target(0.05, "s")).result
    'FAIL'
    """

    section: str
    name: str
    measured: Timing | None
    reference: Timing | None = None
    target: Target | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Measured seconds ÷ reference seconds (None without a reference)."""
        if self.measured is None or self.reference is None:
            return None
        return ratio(self.measured.seconds, self.reference.seconds)

    @property
    def value(self) -> float | None:
        """What the target limits: the ratio, or the measured seconds for a seconds target."""
        if self.target is not None and self.target.unit == "s":
            return None if self.measured is None else self.measured.seconds
        return self.ratio

    @property
    def result(self) -> str:
        """``"pass"``, ``"FAIL"``, ``"-"`` (no target) or ``"skipped"`` (nothing measured)."""
        if self.measured is None or self.measured.seconds is None:
            return "skipped"
        if self.target is None or self.value is None:
            return "-"
        return "pass" if self.target.met(self.value) else "FAIL"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every timed run."""
        return {
            "section": self.section,
            "name": self.name,
            "measured": None if self.measured is None else asdict(self.measured),
            "measured_seconds": None if self.measured is None else self.measured.seconds,
            "reference": None if self.reference is None else asdict(self.reference),
            "reference_seconds": None if self.reference is None else self.reference.seconds,
            "ratio": self.ratio,
            "target": None if self.target is None else str(self.target),
            "result": self.result,
            "note": self.note,
        }


# --------------------------------------------------------------------------- timing


def _timed(fn: Callable[[], Any], collect: bool = True) -> float:
    if collect:  # a full collection costs up to 0.3 s with pandas loaded: not before short calls
        gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def interleaved_calls(
    calls: Mapping[str, Callable[[], Any]], repeat: int, *, warmup: bool = True
) -> dict[str, list[float]]:
    """Time each call ``repeat`` times, alternating between them; return the times by label.

    Each call runs once untimed first (imports, lexicons, caches) when ``warmup``. Calls
    shorter than 0.2 s get more repetitions (up to 30, about 1 s per call), as noise matters
    more for them; garbage is collected before each timed run of longer calls only.

    Examples
    --------
    >>> times = interleaved_calls({"a": lambda: None, "b": lambda: sum(range(10))}, 2)
    >>> sorted(times), len(times["a"]) >= 2
    (['a', 'b'], True)
    """
    first = {label: _timed(fn) for label, fn in calls.items()} if warmup else {}
    slowest = max(first.values(), default=_SHORT_CALL)
    if slowest < _SHORT_CALL:
        repeat = max(repeat, min(30, int(1.0 / max(slowest, 1e-4))))
    times: dict[str, list[float]] = {label: [] for label in calls}
    for _ in range(max(1, repeat)):
        for label, fn in calls.items():
            times[label].append(_timed(fn, collect=slowest >= _SHORT_CALL))
    return times


@functools.cache
def _bytecode_cache() -> str:
    path = tempfile.mkdtemp(prefix="discourse-bench-pycache-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def _env() -> dict[str, str]:
    """The environment of a fresh process that imports this very checkout.

    Bytecode is cached (in a folder of the run's own, so the checkout stays clean) even
    where ``PYTHONDONTWRITEBYTECODE`` is set: an installed package has its bytecode, and a
    cold start that compiles every module measures the compiler, not the package.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_REPO), env.get("PYTHONPATH")) if p)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _bytecode_cache()
    return env


def _run(args: Sequence[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Run a process; return its wall time and result; raise BenchError if it fails."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        list(args), capture_output=True, text=True, env=_env(), timeout=_TIMEOUT, check=False
    )
    wall = time.perf_counter() - t0
    if proc.returncode:
        lines = (proc.stderr or proc.stdout or "").strip().splitlines()
        raise BenchError(
            f"{' '.join(args[:4])} ... exited {proc.returncode}: "
            f"{lines[-1] if lines else 'no output'}"
        )
    return wall, proc


def interleaved_processes(
    commands: Mapping[str, Sequence[str]], runs: int, *, warmup: bool = True
) -> dict[str, list[float]]:
    """Wall time of fresh processes, ``runs`` of each command, alternating between them.

    One untimed run of each first fills the file cache and compiles bytecode.

    Examples
    --------
    >>> t = interleaved_processes({"pass": [sys.executable, "-c", "pass"]}, 1, warmup=False)
    >>> len(t["pass"]), t["pass"][0] > 0
    (1, True)
    """
    if warmup:
        for args in commands.values():
            _run(args)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(max(1, runs)):
        for label, args in commands.items():
            times[label].append(_run(args)[0])
    return times


# --------------------------------------------------------------------------- config, registry


@dataclass
class BenchConfig:
    """Inputs and repetitions of a run; ``quick`` scales it down (see :meth:`scaled`)."""

    seed: Path = DEFAULT_SEED
    targets: Path = DEFAULT_TARGETS
    corpus: tuple[Path, ...] = DEFAULT_CORPUS
    fnc: Path = DEFAULT_FNC
    manifesto: Path = DEFAULT_MANIFESTO
    golden: Path = DEFAULT_GOLDEN
    quick: bool = False
    runs: int = 5  # fresh processes per command (median)
    repeat: int = 5  # in-process repetitions (best)
    seed_copies: int = 20
    fnc_bodies: int = 300
    long_mb: tuple[float, float] = (1.0, 5.0)
    corpus_mb: float | None = None  # keep the leading whole speeches that fit (stance, parallel)
    progress: Callable[[str], None] | None = None

    @classmethod
    def scaled(cls, quick: bool = False, **overrides: Any) -> BenchConfig:
        """The full run's settings, or the quick run's: fewer runs, 100 FNC-1 bodies, 0.1 /
        0.5 MB long documents, the leading 0.5 MB of speeches for ``stance``, ``sentences``
        and ``parallel``, no warm-up run for ``charts``.

        Examples
        --------
        >>> BenchConfig.scaled(quick=True).long_mb
        (0.1, 0.5)
        """
        if quick:
            values: dict[str, Any] = {"runs": 3, "repeat": 2, "long_mb": (0.1, 0.5),
                                      "corpus_mb": 0.5, "fnc_bodies": 100}
        else:
            values = {}
        return cls(quick=quick, **{**values, **overrides})

    def say(self, message: str) -> None:
        if self.progress is not None:
            self.progress(message)


Section = Callable[[BenchConfig], list[Row]]

#: Registered sections in the order they run: name -> function returning rows.
SECTIONS: dict[str, Section] = {}


def section(name: str) -> Callable[[Section], Section]:
    """Register a section under ``name`` (in definition order)."""

    def register(fn: Section) -> Section:
        SECTIONS[name] = fn
        return fn

    return register


# --------------------------------------------------------------------------- inputs


def _split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t\r\f\v]*\n", text) if p.strip()]


def seed_repeated(text: str, copies: int) -> str:
    """The article with its body (from the line of its first body sentence) ``copies`` times.

    Examples
    --------
    >>> doc = seed_repeated("Peace talks resume\\n\\nGENEVA (Reuters) - Talks resumed.", 2)
    >>> doc.count("Talks resumed."), doc.startswith("Peace talks resume")
    (2, True)
    """
    import discourse

    frame = discourse.read_article(text).to_frame()
    body = frame.loc[frame["kind"] == "body", "start"]
    first = int(body.iloc[0]) if len(body) else 0
    line = text.rfind("\n", 0, first) + 1
    return text[:line] + "\n\n".join([text[line:].strip()] * copies) + "\n"


def fnc_bodies(path: Path, limit: int | None = None) -> list[tuple[str, str]] | None:
    """Distinct FNC-1 bodies ``(body_id, text)`` in file order; None when the file is absent.

    Examples
    --------
    >>> fnc_bodies(Path("no/such.csv")) is None
    True
    """
    if not path.is_file():
        return None
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (row.get("articleBody") or "").strip()
            if text and text not in seen:
                seen.add(text)
                out.append((row.get("Body ID") or str(len(out)), text))
            if limit is not None and len(out) >= limit:
                break
    return out


def _speeches(folders: Iterable[Path]) -> list[tuple[str, str]]:
    files = [f for d in folders if d.is_dir() for f in sorted(d.glob("*.txt"))]
    return [(f"{f.parent.name}/{f.stem}", f.read_text(encoding="utf-8")) for f in files]


def _manifesto(path: Path, per_paragraph: int = 5) -> list[tuple[str, str]]:
    if not path.is_file():
        return []
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            sents = record.get("sentences", [])
            paras = [" ".join(sents[i:i + per_paragraph])
                     for i in range(0, len(sents), per_paragraph)]
            docs.append((str(record.get("doc_id")), "\n\n".join(paras)))
    return docs


def _nbytes(text: str) -> int:
    return len(text.encode("utf-8"))


def _size(nbytes: int) -> str:
    """``"4.91 MB"``, or ``"99.8 kB"`` under 0.1 MB."""
    return f"{nbytes / _MB:.2f} MB" if nbytes >= 100_000 else f"{nbytes / 1000:.3g} kB"


def interleave(*sources: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Merge document lists so that each is spread evenly over the result (by bytes).

    Examples
    --------
    >>> a = [("a1", "x" * 10), ("a2", "x" * 10)]
    >>> b = [("b1", "y" * 20)]
    >>> [name for name, _ in interleave(a, b)]
    ['a1', 'b1', 'a2']
    """
    keyed = []
    for index, docs in enumerate(sources):
        total = sum(_nbytes(t) for _, t in docs) or 1
        done = 0
        for doc in docs:
            keyed.append((done / total, index, doc))
            done += _nbytes(doc[1])
    return [doc for *_, doc in sorted(keyed, key=lambda k: (k[0], k[1]))]


def long_document(documents: Iterable[tuple[str, str]], max_bytes: int) -> tuple[str, int, int]:
    """Whole paragraphs of ``documents``, no paragraph twice, up to ``max_bytes`` of UTF-8.

    Returns ``(text, bytes, documents used)``; paragraphs are separated by blank lines.

    Examples
    --------
    >>> docs = [("a", "One.\\n\\nTwo."), ("b", "One.\\n\\nThree four.")]
    >>> long_document(docs, 100)
    ('One.\\n\\nTwo.\\n\\nThree four.', 23, 2)
    """
    seen: set[str] = set()
    kept: list[str] = []
    size = used = 0
    for _, text in documents:
        fresh = [p for p in _split_paragraphs(text) if p not in seen]
        if not fresh:
            continue
        used += 1
        for p in fresh:
            n = _nbytes(p) + 2 * bool(kept)
            if size + n > max_bytes:
                return "\n\n".join(kept), size, used
            seen.add(p)
            kept.append(p)
            size += n
    return "\n\n".join(kept), size, used


def _head_documents(docs: list[tuple[str, str]], mb: float | None) -> list[tuple[str, str]]:
    if mb is None:
        return docs
    kept, size = [], 0
    for doc in docs:
        size += _nbytes(doc[1])
        if kept and size > mb * _MB:
            break
        kept.append(doc)
    return kept


def _load_targets(config: BenchConfig) -> Any:
    import discourse

    return discourse.load_targets(config.targets)


# --------------------------------------------------------------------------- sections


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "discourse.cli", *args]


_TEXTBLOB_SCRIPT = f"""import re, sys
from textblob import TextBlob
text = open(sys.argv[1], encoding="utf-8").read()
for s in re.split(r"{_NAIVE_SPLIT}", text):
    if s.strip():
        TextBlob(s).sentiment
"""


def parse_importtime(stderr: str, top: int = 3) -> list[tuple[str, float]]:
    """The top-level imports with most cumulative seconds in ``python -X importtime`` output.

    Examples
    --------
    >>> log = '''import time: self [us] | cumulative | imported package
    ... import time:       100 |        900 | pandas
    ... import time:       800 |        800 |   pandas.core
    ... import time:        50 |         50 | json'''
    >>> parse_importtime(log, top=2)
    [('pandas', 0.0009), ('json', 5e-05)]
    """
    found = []
    for line in stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        if parts[2][1:2] != " ":  # one space after "|" at top level, more when nested
            found.append((parts[2].strip(), int(parts[1]) / 1e6))
    return sorted(found, key=lambda t: -t[1])[:top]


@section("cold")
def _bench_cold(config: BenchConfig) -> list[Row]:
    if not config.seed.is_file():
        return [Row("cold", "cold start", None, note=f"skipped: no seed file {config.seed}")]
    seed = str(config.seed)
    with tempfile.TemporaryDirectory(prefix="discourse-bench-") as tmp:
        script = Path(tmp) / "textblob_only.py"
        script.write_text(_TEXTBLOB_SCRIPT, encoding="utf-8")
        analyze = _cli("analyze", seed, "--no-charts", "--out", str(Path(tmp) / "out"))
        labels = ("discourse analyze SEED --no-charts", 'python -c "import pandas"',
                  "TextBlob-only script on SEED")
        commands = dict(zip(labels, (analyze, [sys.executable, "-c", "import pandas"],
                                     [sys.executable, str(script), seed]), strict=True))
        times = interleaved_processes(commands, config.runs)
        _, traced = _run([sys.executable, "-X", "importtime", *analyze[1:]])
    ours, pandas, blob = (Timing(label, times[label], "median") for label in labels)
    rows = [
        Row("cold", "analyze vs import pandas", ours, pandas, Target(COLD_VS_PANDAS)),
        Row("cold", "analyze vs TextBlob script", ours, blob,
            note="the script splits the text with a regex and scores each piece"),
    ]
    for module, seconds in parse_importtime(traced.stderr):
        rows.append(Row("cold", "top import", Timing(f"import {module}", [seconds], "once"),
                        note="cumulative import time inside the cold analyze (-X importtime)"))
    return rows


def _textblob_all(sentences: Sequence[str]) -> None:
    from textblob import TextBlob

    for s in sentences:
        TextBlob(s).sentiment  # noqa: B018  (the property computes the score)


def _warm_article(name: str, text: str, targets: Any, config: BenchConfig, limit: float,
                  *, reused: bool = False) -> list[Row]:
    """analyze(text, targets) against TextBlob on its sentences; with ``reused``, also one
    pipeline object built once and reused (the cost of building it left out)."""
    import discourse

    sentences = discourse.analyze(text, targets=targets).sentences["text"].tolist()
    pipeline = discourse.default_pipeline(targets=targets)
    calls = {
        "analyze": lambda: discourse.analyze(text, targets=targets),
        "textblob": lambda: _textblob_all(sentences),
    }
    if reused:
        calls["reused"] = lambda: pipeline.analyze(text)
    times = interleaved_calls(calls, config.repeat)
    n, mb = len(sentences), _nbytes(text) / _MB
    blob = Timing(f"TextBlob(s).sentiment, same {n:,} sentences", times["textblob"],
                  sentences=n, mb=mb)
    ours = Timing(f"analyze(text, targets={len(targets)})", times["analyze"], sentences=n, mb=mb)
    rows = [Row("warm", name, ours, blob, Target(limit))]
    if reused:
        built = Timing(f"default_pipeline(targets={len(targets)}) reused", times["reused"],
                       sentences=n, mb=mb)
        rows.append(Row("warm", f"{name}, pipeline built once", built, blob,
                        note="one pipeline object reused: the cost of building it is left out"))
    return rows


def _warm_corpus(config: BenchConfig, targets: Any) -> list[Row]:
    """run_corpus(jobs=1) on FNC-1 bodies against TextBlob on their sentences; and, to tell
    the pipeline's cost from the files', one pipeline analysing each body in memory."""
    import discourse

    name = f"FNC-1 {config.fnc_bodies} bodies"
    bodies = fnc_bodies(config.fnc, config.fnc_bodies)
    if bodies is None:
        return [Row("warm", name, None, note=f"skipped: no FNC-1 bodies file {config.fnc}")]
    texts = [text + "\n" for _, text in bodies]
    with tempfile.TemporaryDirectory(prefix="discourse-bench-") as tmp:
        folder = Path(tmp) / "fnc"
        folder.mkdir()
        files = [folder / f"{body_id}.txt" for body_id, _ in bodies]
        for file, text in zip(files, texts, strict=True):
            file.write_text(text, encoding="utf-8")
        outs, results = iter(range(10_000)), []

        def corpus() -> None:
            results.append(discourse.run_corpus(str(folder), Path(tmp) / f"out{next(outs)}",
                                                jobs=1, targets=targets, progress=False))

        discourse.run_corpus([str(f) for f in files[:5]], Path(tmp) / "warm", jobs=1,
                             targets=targets, progress=False)  # warm-up
        pipeline = discourse.default_pipeline(targets=targets)
        sentences: list[str] = []

        def memory() -> None:  # runs before TextBlob's turn, which scores its sentences
            sentences[:] = [s for t in texts for s in pipeline.analyze(t).sentences["text"]]

        times = interleaved_calls({
            "corpus": corpus, "memory": memory, "textblob": lambda: _textblob_all(sentences),
        }, max(1, config.repeat - 3), warmup=False)
    n, mb = len(sentences), sum(_nbytes(t) for t in texts) / _MB
    failed = results[-1].n_failed
    in_tables = int(results[-1].documents["sentences"].sum())
    blob = Timing(f"TextBlob(s).sentiment, same {n:,} sentences", times["textblob"],
                  sentences=n, mb=mb)
    checks = "".join([f"; {failed} documents FAILED" * bool(failed),
                      f"; the corpus tables have {in_tables:,} sentences" * (in_tables != n)])
    return [
        Row("warm", f"{name}, run_corpus jobs=1",
            Timing(f"run_corpus(jobs=1, targets={len(targets)})", times["corpus"], sentences=n,
                   mb=mb),
            blob, Target(WARM_CORPUS),
            note=f"{len(bodies)} documents, {mb:.2f} MB; run_corpus writes every table to disk"
            + checks),
        Row("warm", f"{name}, in memory",
            Timing(f"default_pipeline(targets={len(targets)}).analyze each", times["memory"],
                   sentences=n, mb=mb),
            blob, note="the same bodies, one pipeline, nothing written: the pipeline's share"),
    ]


@section("warm")
def _bench_warm(config: BenchConfig) -> list[Row]:
    if not config.seed.is_file():
        return [Row("warm", "seed", None, note=f"skipped: no seed file {config.seed}")]
    targets = _load_targets(config)
    text = config.seed.read_text(encoding="utf-8")
    rows = _warm_article("seed", text, targets, config, WARM_SEED, reused=True)
    copies = seed_repeated(text, config.seed_copies)
    rows += _warm_article(f"seed body x{config.seed_copies}", copies, targets, config,
                          WARM_SEED_X20)
    rows[-1].note = "repeated text: caches keyed on the sentence flatter discourse"
    config.say("warm: corpus run ...")
    rows += _warm_corpus(config, targets)
    return rows


def step_times(pipeline: Any, text: str, repeat: int) -> dict[str, list[float]]:
    """Seconds of each step's ``run`` per :meth:`Pipeline.analyze` call, and of the rest.

    Each step's ``run`` is wrapped on the instance (the pipeline is left as it was after);
    ``"reading and tables"`` is the call's time outside the steps: reading the article,
    its sentence frame, joining the columns. One untimed call first.

    Examples
    --------
    >>> import discourse
    >>> times = step_times(discourse.default_pipeline(), "Talks resume\\n\\nThey met.", 1)
    >>> list(times)[-1], len(times["sentiment"])
    ('reading and tables', 1)
    """
    spent: dict[str, float] = {}

    def wrap(step: Any) -> Callable[..., Any]:
        run = step.run

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return run(*args, **kwargs)
            finally:
                spent[step.name] += time.perf_counter() - t0

        return timed

    times: dict[str, list[float]] = {s.name: [] for s in pipeline.steps}
    times["reading and tables"] = []
    for step in pipeline.steps:
        step.run = wrap(step)
    try:
        for i in range(repeat + 1):
            spent.update(dict.fromkeys(times, 0.0))
            total = _timed(lambda: pipeline.analyze(text), collect=False)
            if i:  # the first call is the warm-up
                for name in pipeline.steps:
                    times[name.name].append(spent[name.name])
                times["reading and tables"].append(total - sum(spent.values()))
    finally:
        for step in pipeline.steps:
            del step.run
    return times


@section("steps")
def _bench_steps(config: BenchConfig) -> list[Row]:
    import discourse

    if not config.seed.is_file():
        return [Row("steps", "per step", None, note=f"skipped: no seed file {config.seed}")]
    targets = _load_targets(config)
    pipeline = discourse.default_pipeline(targets=targets)
    seed = config.seed.read_text(encoding="utf-8")
    rows = []
    copies = seed_repeated(seed, config.seed_copies)
    for name, text in (("seed", seed), (f"seed body x{config.seed_copies}", copies)):
        sentences = pipeline.analyze(text).sentences["text"].tolist()
        short = len(sentences) < 100
        blob = interleaved_calls({"b": lambda s=sentences: _textblob_all(s)}, config.repeat)["b"]
        reference = Timing(f"TextBlob(s).sentiment, same {len(sentences):,} sentences", blob)
        for step, times in step_times(pipeline, text, 20 if short else config.repeat).items():
            rows.append(Row("steps", f"{name}: {step}", Timing(step, times), reference))
    rows[0].note = ("each step's run inside default_pipeline(targets=4).analyze, in TextBlob "
                    "units: where the pipeline's time goes")
    return rows


def _long_sources(config: BenchConfig) -> tuple[list[tuple[str, str]], str]:
    bodies = fnc_bodies(config.fnc) or []
    docs = interleave(bodies, _speeches(config.corpus))
    note = "" if bodies else f"no FNC-1 bodies ({config.fnc}): speeches only; "
    return docs, note


@section("long")
def _bench_long(config: BenchConfig) -> list[Row]:
    import discourse

    docs, note = _long_sources(config)
    small_mb, large_mb = config.long_mb
    large, large_bytes, used = long_document(docs, int(large_mb * _MB))
    if large_bytes < 0.95 * large_mb * _MB:  # top up with the manifestos (distinct text)
        docs = docs + _manifesto(config.manifesto)
        large, large_bytes, used = long_document(docs, int(large_mb * _MB))
        note += "topped up with manifesto sentences; "
    small, small_bytes, _ = long_document(docs, int(small_mb * _MB))
    if not small_bytes:
        return [Row("long", "long documents", None, note="skipped: no input text")]
    discourse.analyze(small[:20_000])  # warm-up: imports and lexicons
    # Best of two rounds (one in a quick run), small and large in turn: on a shared machine
    # one run of each drifted by a third or more from one run to the next.
    rounds = 1 if config.quick else 2
    sizes = ((small, small_bytes), (large, large_bytes))
    seconds: list[list[float]] = [[], []]
    found: list[Any] = [None, None]

    def analyze(k: int, text: str) -> None:
        found[k] = discourse.analyze(text)

    for _ in range(rounds):
        for k, (text, size) in enumerate(sizes):
            config.say(f"long: analyze {_size(size)} ...")
            found[k] = None  # not two analyses of a large document in memory at once
            seconds[k].append(_timed(functools.partial(analyze, k, text)))
    timings, speakers = [], []
    for k, (_, size) in enumerate(sizes):
        timings.append(Timing(f"analyze, one document of {_size(size)}", seconds[k],
                              "best" if rounds > 1 else "once",
                              sentences=len(found[k].sentences), mb=size / _MB))
        speakers.append(len(found[k].speakers))
    size_ratio = large_bytes / small_bytes
    return [Row(
        "long", f"{_size(large_bytes)} vs {_size(small_bytes)}", timings[1], timings[0],
        Target(LONG_PER_5X_SIZE * size_ratio / 5),
        note=f"{note}{used} documents of FNC-1 bodies and speeches, no paragraph repeated; "
        f"{timings[1].sentences:,} vs {timings[0].sentences:,} sentences, {speakers[1]:,} vs "
        f"{speakers[0]:,} speakers; size ratio {size_ratio:.2f}, the target (6x per 5x the "
        "text) scaled to it",
    )]


@section("charts")
def _bench_charts(config: BenchConfig) -> list[Row]:
    if not config.seed.is_file():
        return [Row("charts", "charts", None, note=f"skipped: no seed file {config.seed}")]
    with tempfile.TemporaryDirectory(prefix="discourse-bench-") as tmp:
        labels = ("discourse analyze SEED", "discourse analyze SEED --no-charts",
                  "discourse analyze SEED --jobs 1")
        commands = {
            labels[0]: _cli("analyze", str(config.seed), "--out", str(Path(tmp) / "charts")),
            labels[1]: _cli("analyze", str(config.seed), "--no-charts", "--out",
                            str(Path(tmp) / "plain")),
            labels[2]: _cli("analyze", str(config.seed), "--jobs", "1", "--out",
                            str(Path(tmp) / "serial")),
        }
        if not config.quick:  # a warm-up (the cold section has compiled most bytecode)
            _run(commands[labels[0]])
        times = interleaved_processes(commands, max(1, config.runs - 2), warmup=False)
        files = sum(1 for p in (Path(tmp) / "charts").rglob("*") if p.is_file())
    with_charts, without, serial = (Timing(label, times[label], "median") for label in labels)
    return [Row("charts", "with charts vs without", with_charts, without, Target(CHARTS),
                note=f"cold processes; {files} files written with charts and report; the "
                "charts drawn by the default 2 worker processes"),
            Row("charts", "charts in one process", serial, without,
                note="for diagnosis: the same with --jobs 1 (charts drawn one after the "
                "other in the analysing process)")]


@section("stance")
def _bench_stance(config: BenchConfig) -> list[Row]:
    import discourse

    docs = _head_documents(_speeches(config.corpus), config.corpus_mb)
    if not docs:
        return [Row("stance", "stance vs sentiment", None, note="skipped: no speeches")]
    targets = _load_targets(config)
    frames = [discourse.read_article(text).to_frame() for _, text in docs]
    scored = [discourse.score_sentiment(f) for f in frames]
    calls = {
        "stance": lambda: [discourse.score_stance(f, targets) for f in scored],
        "sentiment": lambda: [discourse.score_sentiment(f) for f in frames],
    }
    times = interleaved_calls(calls, config.repeat)
    n = sum(len(f) for f in frames)
    return [Row(
        "stance", "stance vs sentiment",
        Timing(f"score_stance, {len(targets)} targets", times["stance"], sentences=n),
        Timing("score_sentiment", times["sentiment"], sentences=n),
        Target(STANCE_VS_SENTIMENT),
        note=f"{len(docs)} speeches, {n:,} sentences",
    )]


_IMPORT_CODE = (
    "import time; t = time.perf_counter(); import discourse; print(time.perf_counter() - t)"
)


@section("import")
def _bench_import(config: BenchConfig) -> list[Row]:
    times = [float(_run([sys.executable, "-c", _IMPORT_CODE])[1].stdout.split()[-1])
             for _ in range(max(3, config.runs))]
    return [Row("import", "import discourse", Timing("import discourse", times, "median"),
                target=Target(IMPORT_SECONDS, "s", strict=True),
                note="timed inside fresh processes")]


def _pysbd() -> Callable[[str], list[str]]:
    import pysbd  # optional peer

    return pysbd.Segmenter(language="en", clean=False, char_span=False).segment


@section("sentences")
def _bench_sentences(config: BenchConfig) -> list[Row]:
    from discourse.text.sentences import golden_rules_score, split_sentences

    paragraphs = [p for _, t in _head_documents(_speeches(config.corpus), config.corpus_mb or 1.0)
                  for p in _split_paragraphs(t)]
    if not paragraphs:
        return [Row("sentences", "segmentation", None, note="skipped: no speeches")]
    try:
        pysbd = _pysbd()
    except ImportError:
        return [Row("sentences", "segmentation", None, note="skipped: pySBD not installed")]
    ours = lambda text: [s.text for s in split_sentences(text)]  # noqa: E731
    sample = long_document([("s", "\n\n".join(paragraphs))], 100_000)[0].split("\n\n")
    all_mb = sum(map(_nbytes, paragraphs)) / _MB
    sample_mb = sum(map(_nbytes, sample)) / _MB
    times = interleaved_calls({
        "ours": lambda: [ours(p) for p in paragraphs],
        "pysbd": lambda: [pysbd(p) for p in sample],
    }, config.repeat)
    scores = {name: "{}/{}".format(*golden_rules_score(fn, config.golden)[:2])
              for name, fn in (("discourse", ours), ("pySBD", pysbd))}
    per_mb = {"ours": all_mb, "pysbd": sample_mb}
    mine, theirs = (Timing(label, [t / per_mb[key] for t in times[key]], mb=per_mb[key])
                    for key, label in (("ours", "split_sentences, s per MB"),
                                       ("pysbd", "pySBD, s per MB")))
    return [Row("sentences", "segmentation speed", mine, theirs, Target(SENTENCES_VS_PYSBD),
                note=f"speeches, {all_mb:.2f} MB (pySBD on the first {sample_mb:.2f} MB); Golden "
                f"Rules: discourse {scores['discourse']}, pySBD {scores['pySBD']}")]


@section("parallel")
def _bench_parallel(config: BenchConfig) -> list[Row]:
    import discourse

    docs = _head_documents(_speeches(config.corpus), config.corpus_mb)
    if not docs:
        return [Row("parallel", "2 workers vs 1", None, note="skipped: no speeches")]
    with tempfile.TemporaryDirectory(prefix="discourse-bench-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, text in docs:
            (folder / f"{name.replace('/', '_')}.txt").write_text(text, encoding="utf-8")
        runs = iter(range(10_000))

        def corpus(jobs: int) -> Any:
            return discourse.run_corpus(str(folder), Path(tmp) / f"out{next(runs)}", jobs=jobs,
                                        progress=False)

        times = interleaved_calls({1: lambda: corpus(1), 2: lambda: corpus(2)}, 1, warmup=False)
    return [Row("parallel", "2 workers vs 1", Timing("run_corpus jobs=2", times[2], "once"),
                Timing("run_corpus jobs=1", times[1], "once"), Target(PARALLEL_2_VS_1),
                note=f"{len(docs)} speeches; target: a speed-up of 1.7 (2 cores shared: noisy)")]


# --------------------------------------------------------------------------- runner, output


def run_benchmark(sections: Sequence[str] | None = None,
                  config: BenchConfig | None = None) -> list[Row]:
    """Run the named sections (all by default) and return their rows.

    A section that raises gives one row noting the error; the others still run.

    Examples
    --------
    >>> run_benchmark(["nope"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown section(s) ['nope']; choose from ['cold', 'warm', ...]
    """
    config = config or BenchConfig()
    names = list(SECTIONS) if sections is None else list(sections)
    unknown = [n for n in names if n not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section(s) {unknown}; choose from {list(SECTIONS)}")
    rows: list[Row] = []
    for name in names:
        started = time.perf_counter()
        config.say(f"section {name} ...")
        try:
            rows += SECTIONS[name](config)
        except Exception as exc:  # report a broken section, keep the others' results
            traceback.print_exc(file=sys.stderr)
            rows.append(Row(name, "error", None, note=f"error: {type(exc).__name__}: {exc}"))
        config.say(f"section {name} done in {time.perf_counter() - started:.1f} s")
    return rows


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
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except (AttributeError, OSError):  # not on Windows
        return "n/a"


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(_REPO), *args], capture_output=True, text=True,
                             timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def _commit() -> str:
    """The checkout's short commit, with "+ changes" when files differ from it."""
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + " + changes" * bool(_git("status", "--porcelain", "--untracked-files=no"))


def machine_info() -> dict[str, str]:
    """Date (UTC), CPU, cores, Python, platform, load average, commit and library versions.

    Examples
    --------
    >>> {"date", "cpu", "cores", "python"} <= set(machine_info())
    True
    """
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "cores": f"{cores} ({usable} usable)" if usable != cores else str(cores),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "load average (1, 5, 15 min)": _load(),
        "commit": _commit(),
        "versions": ", ".join(f"{d} {_version(d)}" for d in ("pandas", "numpy", "textblob")),
    }


def _seconds(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.1f}" if value >= 10 else f"{value:.3f}"


_HEADERS = ("section", "comparison", "measured", "s", "runs", "reference", "s", "ratio",
            "target", "result")


def _cells(row: Row) -> list[str]:
    m, r = row.measured, row.reference
    return [
        row.section,
        row.name,
        "" if m is None else m.label,
        "" if m is None else _seconds(m.seconds),
        "" if m is None else m.runs,
        "" if r is None else r.label,
        "" if r is None else _seconds(r.seconds),
        "" if row.ratio is None else f"{row.ratio:.2f}x",
        "" if row.target is None else str(row.target),
        row.result,
    ]


def _text_table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [list(_HEADERS), *rows]) for i in range(len(_HEADERS))]
    right = {3, 6, 7}
    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()
    return "\n".join([line(_HEADERS), line(["-" * w for w in widths]), *map(line, rows)])


def _markdown_table(rows: list[list[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
    align = ["---:" if i in (3, 6, 7) else "---" for i in range(len(_HEADERS))]
    return "\n".join([line(_HEADERS), "|" + "|".join(align) + "|", *map(line, rows)])


def format_report(rows: Sequence[Row], info: Mapping[str, str], *, markdown: bool = False) -> str:
    """The machine header, the table of comparisons and the notes, as text or Markdown.

    Examples
    --------
    >>> rows = [Row("import", "import discourse", Timing("import discourse", [0.01], "median"),
    ...             target=Target(0.05, "s", strict=True))]
    >>> print(format_report(rows, {"cpu": "X"}, markdown=True))  # doctest: +NORMALIZE_WHITESPACE
    ## discourse benchmark
    <BLANKLINE>
    - **cpu**: X
    <BLANKLINE>
    | section | comparison | measured | s | runs | reference | s | ratio | target | result |
    |---|---|---|---:|---|---|---:|---:|---|---|
    | import | import discourse | import discourse | 0.010 | median/1 |  |  |  | < 0.050 s | pass |
    <BLANKLINE>
    1 of 1 targets met
    """
    cells = [_cells(r) for r in rows]
    notes = list(dict.fromkeys(f"{r.section}, {r.name}: {r.note}" for r in rows if r.note))
    passed = sum(r.result == "pass" for r in rows)
    judged = sum(r.result in ("pass", "FAIL") for r in rows)
    if markdown:
        head = ["## discourse benchmark", "", *(f"- **{k}**: {v}" for k, v in info.items())]
        body = [_markdown_table(cells)]
        tail = [f"- {n}" for n in notes]
    else:
        head = ["discourse benchmark", *(f"  {k}: {v}" for k, v in info.items())]
        body = [_text_table(cells)]
        tail = [f"  {n}" for n in notes]
    summary = f"{passed} of {judged} targets met" if judged else ""
    parts = ["\n".join(head), *body]
    if summary or tail:
        parts.append("\n".join([t for t in (summary, "notes:" if tail else "") if t] + tail))
    return "\n\n".join(parts)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench",
        description="Time discourse against its references (cold start, warm pipeline, long "
        "documents, charts, stance, import) and print ratios against the targets.",
    )
    names = list(SECTIONS)
    parser.add_argument("--sections", "--section", nargs="+", choices=names, metavar="NAME",
                        help=f"sections to run, in this order (default all: {' '.join(names)})")
    parser.add_argument("--skip", nargs="+", choices=names, default=[], metavar="NAME",
                        help="sections to leave out")
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs, 100 FNC-1 bodies, 0.1 / 0.5 MB long documents, 0.5 "
                        "MB of speeches (about two minutes)")
    parser.add_argument("--runs", type=int, help="fresh processes per command (median)")
    parser.add_argument("--repeat", type=int, help="in-process repetitions (best)")
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="seed article")
    parser.add_argument("--targets", type=Path, default=DEFAULT_TARGETS, help="targets YAML")
    parser.add_argument("--corpus", type=Path, nargs="+", default=list(DEFAULT_CORPUS),
                        help="folders of *.txt speeches")
    parser.add_argument("--fnc", type=Path, default=DEFAULT_FNC, help="FNC-1 bodies CSV")
    parser.add_argument("--markdown", action="store_true", help="print Markdown for a README")
    parser.add_argument("--json", metavar="PATH", help="also write machine info and every run")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``python -m tools.bench [options]``."""
    args = _parser().parse_args(argv)
    sections = [s for s in (args.sections or SECTIONS) if s not in args.skip]
    overrides = {k: v for k, v in (("runs", args.runs), ("repeat", args.repeat)) if v is not None}
    config = BenchConfig.scaled(
        args.quick, seed=args.seed, targets=args.targets, corpus=tuple(args.corpus),
        fnc=args.fnc, progress=lambda m: print(m, file=sys.stderr, flush=True), **overrides,
    )
    load_before = _load()
    rows = run_benchmark(sections, config)
    info = machine_info()
    key = "load average (1, 5, 15 min)"
    info[key] = f"{load_before} before, {info[key]} after"
    info["options"] = " ".join(["--quick"] * args.quick + [f"--runs {config.runs}",
                                                           f"--repeat {config.repeat}"])
    print(format_report(rows, info, markdown=args.markdown))
    if args.json:
        payload = {"machine": info, "sections": sections, "rows": [r.to_dict() for r in rows]}
        Path(args.json).write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
