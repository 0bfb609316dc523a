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
import glob
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InputNotFoundError, InvalidOptionError, check_choice
from discourse.io import atomic_write, ensure_folder, safe_filename

if TYPE_CHECKING:
    from discourse.pipeline import Pipeline

__all__ = ["CorpusResult", "analyze_document", "find_documents", "run_corpus"]

Engine = Literal["local", "dask"]
_DONE_MARKER = "analysis.json"
_TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str


@dataclass
class CorpusResult:
    """What a corpus run produced.

    Attributes
    ----------
    out : Path
        The output folder.
    documents : pandas.DataFrame
        One row per document: ``doc_id``, ``path``, ``status`` (ok / skipped / failed),
        ``sentences``, ``seconds``.
    errors : pandas.DataFrame
        One row per failed document: ``doc_id``, ``path``, ``error_type``, ``message``.
    """

    out: Path
    documents: Any
    errors: Any

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
        return pd.read_csv(path)


def find_documents(inputs: str | Path | Iterable[str | Path]) -> list[Document]:
    """Expand folders, globs and paths into documents with unique, file-safe ids.

    Folders are searched recursively for ``.txt``/``.md`` files; the order is sorted by path
    so that runs are reproducible.
    """
    items = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    paths: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            paths += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in _TEXT_SUFFIXES)
        elif p.is_file():
            paths.append(p)
        else:
            matches = sorted(Path(m) for m in glob.glob(str(item), recursive=True))
            if not matches:
                raise InputNotFoundError(
                    f"{item}: no such file, folder or matching files. Pass a folder of .txt "
                    "files, a glob such as 'speeches/*.txt', or file paths."
                )
            paths += [m for m in matches if m.is_file()]
    docs: list[Document] = []
    seen: set[str] = set()
    for path in paths:
        base = safe_filename(path.stem)
        doc_id, n = base, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{base}-{n}"
        seen.add(doc_id)
        docs.append(Document(doc_id, str(path)))
    return docs


def analyze_document(doc_id: str, path: str, out: str, pipeline: Pipeline) -> dict[str, Any]:
    """Analyse one document with ``pipeline`` and write its tables; never raises.

    Runs in a worker process (the pipeline is pickled to it). Errors are returned in the
    summary dict, not raised.
    """
    started = time.perf_counter()
    folder = Path(out) / "documents" / doc_id
    try:
        result = pipeline.analyze(Path(path))
        result.save(folder, charts=False, report=False)
    except Exception as exc:  # a corpus run must survive any bad document
        return {"doc_id": doc_id, "path": path, "status": "failed",
                "error_type": type(exc).__name__, "message": str(exc),
                "sentences": 0, "seconds": time.perf_counter() - started}
    return {"doc_id": doc_id, "path": path, "status": "ok", "error_type": None, "message": None,
            "sentences": len(result.sentences), "seconds": time.perf_counter() - started}


def _run_local(docs: Sequence[Document], out: str, pipeline: Pipeline,
               jobs: int) -> Iterator[dict[str, Any]]:
    if jobs == 1:
        for d in docs:
            yield analyze_document(d.doc_id, d.path, out, pipeline)
        return
    # Load the libraries and lexicons once here: forked workers inherit them instead of
    # each paying about a second of imports.
    _warm_up(pipeline)
    # At most 2 * jobs documents in flight: bounded memory however large the corpus.
    pending: set[Future[dict[str, Any]]] = set()
    queue = iter(docs)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for d in queue:
            pending.add(pool.submit(analyze_document, d.doc_id, d.path, out, pipeline))
            if len(pending) >= 2 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (f.result() for f in done)
        for f in pending:
            yield f.result()


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
        batch = [client.submit(analyze_document, d.doc_id, d.path, out, pipeline, pure=False)
                 for d in _take(queue, 2 * jobs)]
        ac = as_completed(batch)
        for future in ac:
            yield future.result()
            future.release()
            for d in _take(queue, 1):
                ac.add(client.submit(analyze_document, d.doc_id, d.path, out, pipeline,
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
    inputs: str | Path | Iterable[str | Path],
    out: str | Path,
    *,
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
    inputs : folder, glob, path or list of them
        The documents (folders are searched for ``.txt``/``.md`` files).
    out : folder
        Output: ``documents/<doc_id>/`` per document, ``documents.csv``, ``errors.csv`` and
        the combined tables (``sentences.csv``, ...) with a ``doc_id`` column.
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
    docs = find_documents(inputs)
    out_path = ensure_folder(out)
    todo = [d for d in docs if not (out_path / "documents" / d.doc_id / _DONE_MARKER).exists()]
    done_ids = {d.doc_id for d in docs} - {d.doc_id for d in todo}
    previous = _read_previous(out_path)

    results: dict[str, dict[str, Any]] = {}
    for d in docs:
        if d.doc_id in done_ids:
            old = previous.get(d.doc_id, {})
            results[d.doc_id] = {"doc_id": d.doc_id, "path": d.path, "status": "skipped",
                                 "error_type": None, "message": None,
                                 "sentences": old.get("sentences", 0), "seconds": 0.0}
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
                                           "sentences", "seconds"])
    documents = frame[["doc_id", "path", "status", "sentences", "seconds"]]
    errors = frame.loc[frame["status"] == "failed", ["doc_id", "path", "error_type", "message"]]
    _write_csv(documents, out_path / "documents.csv")
    _write_csv(errors, out_path / "errors.csv")
    _combine_tables(out_path, [d.doc_id for d in docs if results[d.doc_id]["status"] != "failed"])
    return CorpusResult(out_path, documents.reset_index(drop=True), errors.reset_index(drop=True))


def _read_previous(out: Path) -> dict[str, dict[str, Any]]:
    path = out / "documents.csv"
    if not path.exists():
        return {}
    import pandas as pd

    return {row["doc_id"]: row for row in pd.read_csv(path).to_dict("records")}


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


def _combine_tables(out: Path, doc_ids: Sequence[str]) -> None:
    """Concatenate each per-document table into OUT/<table>.csv, streaming, in corpus order."""
    names = sorted({p.stem for d in doc_ids for p in (out / "documents" / d).glob("*.csv")})
    for name in names:
        with atomic_write(out / f"{name}.csv") as handle:
            header_written = False
            for doc_id in doc_ids:
                path = out / "documents" / doc_id / f"{name}.csv"
                if not path.exists():
                    continue
                with path.open(encoding="utf-8", newline="") as src:
                    header = src.readline()
                    if not header:
                        continue
                    if not header_written:
                        handle.write("doc_id," + header)
                        header_written = True
                    for line in _csv_records(src):
                        handle.write(_csv_field(doc_id) + "," + line)


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
