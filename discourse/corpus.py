"""Analyse many documents: in parallel processes or on Dask, streaming, resumable.

Each document is analysed by :func:`analyze_document` in a worker, which writes the
document's tables into ``OUT/documents/<doc_id>/`` and returns only a small summary, so
memory grows with the largest document, not with the corpus. A document that fails is
recorded in ``OUT/errors.csv`` (path, error type, message) and the run goes on. A rerun with
the same output folder skips the documents already finished (their ``analysis.json``, written
last and atomically, marks them done). At the end the per-document tables are combined into
``OUT/<table>.csv`` with a ``doc_id`` column, in the corpus's order, so the combined tables
are identical whichever engine ran and in whatever order the documents finished.
"""

from __future__ import annotations

import contextlib
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InvalidOptionError, check_choice
from discourse.io import atomic_write, ensure_folder
from discourse.text.inputs import Document, read_documents
from discourse.text.sources import Text

if TYPE_CHECKING:
    from discourse.pipeline import Pipeline

__all__ = ["CorpusResult", "Document", "analyze_document", "find_documents", "run_corpus"]

Engine = Literal["local", "dask"]
_DONE_MARKER = "analysis.json"


@dataclass
class CorpusResult:
    """What a corpus run produced.

    Attributes
    ----------
    out : Path
        The output folder.
    documents : pandas.DataFrame
        One row per document: ``doc_id``, the document variables (the other columns of a
        table corpus: outlet, date, ...), ``path``, ``status`` (ok / skipped / failed),
        ``sentences``, ``seconds`` and ``warnings`` (the warnings raised while analysing it,
        `` | ``-joined).
    errors : pandas.DataFrame
        One row per failed document: ``doc_id``, ``path``, ``error_type``, ``message``.
    """

    out: Path
    documents: Any
    errors: Any
    variables: tuple[str, ...] = ()

    @property
    def n_failed(self) -> int:
        return len(self.errors)

    def table(self, name: str) -> Any:
        """Read a combined table (``sentences``, ``keywords``, ...) as a DataFrame."""
        import pandas as pd

        path = self.out / f"{name}.csv"
        if not path.exists():
            raise InvalidOptionError(
                f"{path}: no combined table {name!r}; available: "
                f"{sorted(p.stem for p in self.out.glob('*.csv'))}"
            )
        return pd.read_csv(path, dtype={"doc_id": str})


def find_documents(inputs: Any, *, text_column: str = "text") -> list[Document]:
    """Expand folders, globs, paths and tables into documents with unique, file-safe ids.

    See :func:`discourse.text.inputs.read_documents` (folders are searched recursively for
    ``.txt``/``.md``/``.html`` files; files sort naturally, so runs are reproducible).
    """
    return read_documents(inputs, text_column=text_column)


def analyze_document(doc_id: str, path: str | Text, out: str,
                     pipeline: Pipeline) -> dict[str, Any]:
    """Analyse one document with ``pipeline`` and write its tables; never raises.

    Runs in a worker process (the pipeline is pickled to it). ``path`` is a file path, or
    the text itself as :class:`discourse.Text`. Errors are returned in the summary dict, not
    raised; ``warnings`` holds the messages of the warnings raised while analysing it.
    """
    started = time.perf_counter()
    folder = Path(out) / "documents" / doc_id
    source = path if isinstance(path, Text) else Path(path)
    shown = "" if isinstance(path, Text) else str(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = pipeline.analyze(source)
            result.save(folder, charts=False, report=False)
        except Exception as exc:  # a corpus run must survive any bad document
            return {"doc_id": doc_id, "path": shown, "status": "failed",
                    "error_type": type(exc).__name__, "message": str(exc),
                    "sentences": 0, "seconds": time.perf_counter() - started,
                    "warnings": _joined(caught)}
    return {"doc_id": doc_id, "path": shown, "status": "ok", "error_type": None, "message": None,
            "sentences": len(result.sentences), "seconds": time.perf_counter() - started,
            "warnings": _joined(caught)}


def _joined(caught: Sequence[warnings.WarningMessage]) -> str:
    messages = dict.fromkeys(str(w.message) for w in caught)  # unique, in order
    return " | ".join(messages)


def _run_local(docs: Sequence[Document], out: str, pipeline: Pipeline,
               jobs: int) -> Iterator[dict[str, Any]]:
    if jobs == 1:
        for d in docs:
            yield analyze_document(d.doc_id, _source(d), out, pipeline)
        return
    # Load the libraries and lexicons once here: forked workers inherit them instead of
    # each paying about a second of imports.
    _warm_up(pipeline)
    # At most 2 * jobs documents in flight: bounded memory however large the corpus.
    pending: set[Future[dict[str, Any]]] = set()
    queue = iter(docs)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for d in queue:
            pending.add(pool.submit(analyze_document, d.doc_id, _source(d), out, pipeline))
            if len(pending) >= 2 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        for f in pending:
            yield f.result()


def _source(doc: Document) -> str | Text:
    return Text(doc.text) if doc.text is not None else str(doc.path)


def _warm_up(pipeline: Pipeline) -> None:
    # A failure is not reported here: each document fails with its own error record.
    with contextlib.suppress(Exception):
        pipeline.analyze("Warm up\n\nThe minister said peace talks would resume.")


def _run_dask(docs: Sequence[Document], out: str, pipeline: Pipeline, jobs: int,
              scheduler: str | None) -> Iterator[dict[str, Any]]:
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        queue = iter(docs)
        batch = [client.submit(analyze_document, d.doc_id, _source(d), out, pipeline, pure=False)
                 for d in _take(queue, 2 * jobs)]
        ac = as_completed(batch)
        for future in ac:
            yield future.result()
            future.release()
            for d in _take(queue, 1):
                ac.add(client.submit(analyze_document, d.doc_id, _source(d), out, pipeline,
                                     pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(it: Iterator[Document], n: int) -> list[Document]:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out


def run_corpus(
    inputs: Any,
    out: str | Path,
    *,
    text_column: str = "text",
    jobs: int = 1,
    engine: Engine = "local",
    scheduler: str | None = None,
    progress: bool = True,
    on_result: Callable[[dict[str, Any]], None] | None = None,
    pipeline: Pipeline | None = None,
    **options: Any,
) -> CorpusResult:
    """Analyse every document of a corpus and write per-document and combined tables.

    Parameters
    ----------
    inputs : folder, glob, path, table file, DataFrame, mapping or list of them
        The documents: a folder (searched for ``.txt``/``.md``/``.html`` files), a glob,
        file paths, texts, or a table, one document per row: a CSV / TSV / JSONL / JSON /
        Parquet file or a DataFrame, with the text in ``text_column`` and document
        variables (outlet, date, author, ...) in the other columns. See
        :func:`discourse.text.inputs.read_documents`.
    out : folder
        Output: ``documents/<doc_id>/`` per document, ``documents.csv``, ``errors.csv`` and
        the combined tables (``sentences.csv``, ``keywords.csv``, ...) with ``doc_id`` and
        the document variables as their first columns.
    text_column : str, default "text"
        The column of a table corpus holding the text (``doc_id`` names the documents if
        present).
    jobs : int, default 1
        Worker processes.
    engine : {"local", "dask"}
        ``"local"``: a process pool on this machine. ``"dask"``: dask.distributed, on a
        LocalCluster of ``jobs`` workers or on the cluster at ``scheduler``.
    progress : bool
        Show a progress bar (tqdm) on standard error.
    pipeline : Pipeline, optional
        The pipeline run on every document (it is pickled to the workers); default
        ``default_pipeline(**options)``.
    **options
        Options of :func:`discourse.analyze` for the default pipeline (not with
        ``pipeline``).

    Returns
    -------
    CorpusResult

    Raises
    ------
    EmptyInputError
        The inputs hold no documents.

    Examples
    --------
    >>> import pandas as pd, tempfile
    >>> table = pd.DataFrame({"text": ["Peace talks resumed.", "War looms."],
    ...                       "outlet": ["Daily", "Herald"]})
    >>> result = run_corpus(table, tempfile.mkdtemp(), progress=False)
    >>> result.table("sentences")[["doc_id", "outlet", "text"]].values.tolist()
    [['1', 'Daily', 'Peace talks resumed.'], ['2', 'Herald', 'War looms.']]
    """
    import pandas as pd

    check_choice("engine", engine, ("local", "dask"))
    if jobs < 1:
        raise InvalidOptionError(f"jobs={jobs} must be at least 1.")
    if pipeline is None:
        from discourse.defaults import default_pipeline

        pipeline = default_pipeline(**options)  # bad options fail here, before any work
    elif options:
        raise InvalidOptionError(
            f"run_corpus got both pipeline= and analysis options {sorted(options)}; build "
            "the pipeline with those options instead: default_pipeline(**options)."
        )
    docs = find_documents(inputs, text_column=text_column)
    variables = _variable_names(docs)
    out_path = ensure_folder(out)
    todo = [d for d in docs if not (out_path / "documents" / d.doc_id / _DONE_MARKER).exists()]
    done_ids = {d.doc_id for d in docs} - {d.doc_id for d in todo}
    previous = _read_previous(out_path)

    results: dict[str, dict[str, Any]] = {}
    for d in docs:
        if d.doc_id in done_ids:
            old = previous.get(d.doc_id, {})
            results[d.doc_id] = {"doc_id": d.doc_id, "path": d.path or "", "status": "skipped",
                                 "error_type": None, "message": None,
                                 "sentences": _count_rows(out_path, d.doc_id), "seconds": 0.0,
                                 "warnings": _text_or_empty(old.get("warnings"))}
    stream = (_run_local(todo, str(out_path), pipeline, jobs) if engine == "local"
              else _run_dask(todo, str(out_path), pipeline, jobs, scheduler))
    bar = _progress(len(todo), progress)
    for record in stream:
        results[record["doc_id"]] = record
        if on_result is not None:
            on_result(record)
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(record["doc_id"][:30])
    if bar is not None:
        bar.close()

    ordered = [results[d.doc_id] for d in docs]
    frame = pd.DataFrame(ordered, columns=["doc_id", "path", "status", "error_type", "message",
                                           "sentences", "seconds", "warnings"])
    for i, name in enumerate(variables):
        frame.insert(1 + i, name, [dict(d.variables).get(name) for d in docs])
    documents = frame[["doc_id", *variables, "path", "status", "sentences", "seconds",
                       "warnings"]]
    errors = frame.loc[frame["status"] == "failed", ["doc_id", "path", "error_type", "message"]]
    _write_csv(documents, out_path / "documents.csv")
    _write_csv(errors, out_path / "errors.csv")
    kept = [d for d in docs if results[d.doc_id]["status"] != "failed"]
    _combine_tables(out_path, kept, variables)
    return CorpusResult(out_path, documents.reset_index(drop=True),
                        errors.reset_index(drop=True), tuple(variables))


def _variable_names(docs: Sequence[Document]) -> list[str]:
    names: dict[str, None] = {}
    for d in docs:
        names.update(dict.fromkeys(name for name, _ in d.variables))
    return list(names)


def _text_or_empty(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _count_rows(out: Path, doc_id: str) -> int:
    """Sentences of a finished document, counted in its own sentences.csv."""
    path = out / "documents" / doc_id / "sentences.csv"
    if not path.exists():
        return 0
    with path.open(encoding="utf-8", newline="") as src:
        if not src.readline():
            return 0
        return sum(1 for _ in _csv_records(src))


def _read_previous(out: Path) -> dict[str, dict[str, Any]]:
    path = out / "documents.csv"
    if not path.exists():
        return {}
    import pandas as pd

    frame = pd.read_csv(path, dtype={"doc_id": str})
    return {row["doc_id"]: row for row in frame.to_dict("records")}


def _progress(total: int, enabled: bool) -> Any:
    if not enabled or total == 0:
        return None
    try:
        # The text bar (not tqdm.auto's widget) also leaves a readable final state in a
        # notebook's stored output.
        from tqdm import tqdm
    except ImportError:  # progress is a nicety, not a requirement
        return None
    return tqdm(total=total, unit="doc", desc="discourse", file=sys.stderr)


def _write_csv(frame: Any, path: Path) -> None:
    with atomic_write(path) as handle:
        frame.to_csv(handle, index=False, lineterminator="\n")


def _combine_tables(out: Path, docs: Sequence[Document], variables: Sequence[str]) -> None:
    """Concatenate each per-document table into OUT/<table>.csv, streaming, in corpus order,
    with ``doc_id`` and the document variables in front of every row."""
    names = sorted({p.stem for d in docs for p in (out / "documents" / d.doc_id).glob("*.csv")})
    prefixes = {d.doc_id: ",".join(_csv_field(_cell(v)) for v in
                                   [d.doc_id, *(dict(d.variables).get(n) for n in variables)])
                for d in docs}
    for name in names:
        with atomic_write(out / f"{name}.csv") as handle:
            header_written = False
            for d in docs:
                path = out / "documents" / d.doc_id / f"{name}.csv"
                if not path.exists():
                    continue
                with path.open(encoding="utf-8", newline="") as src:
                    header = src.readline()
                    if not header:
                        continue
                    if not header_written:
                        handle.write(_combined_header(header, variables))
                        header_written = True
                    for line in _csv_records(src):
                        handle.write(prefixes[d.doc_id] + "," + line)


def _combined_header(header: str, variables: Sequence[str]) -> str:
    """``doc_id``, the variables (``doc_<name>`` where the table has a column ``name``), the
    table's own columns."""
    own = set(header.rstrip("\r\n").split(","))
    names = [f"doc_{v}" if v in own or v == "doc_id" else v for v in variables]
    return ",".join(_csv_field(n) for n in ["doc_id", *names]) + "," + header


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _csv_records(src: Any) -> Iterator[str]:
    # Quoted fields may hold newlines: join physical lines until the quotes balance.
    buf = ""
    for line in src:
        buf += line
        if buf.count('"') % 2 == 0:
            yield buf
            buf = ""
    if buf:
        yield buf


def _csv_field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value
