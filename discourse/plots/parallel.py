"""Drawing and saving charts in worker processes while the caller goes on working.

A :class:`ChartPool` starts at once a *fork server*: one helper process that imports
matplotlib, fontTools, pandas and the chart modules a single time, then forks a worker for
each process the pool needs, warm. Open the pool before the analysis runs and the imports
happen beside it, on the other core; :meth:`ChartPool.submit` then draws the charts of an
analysis in parallel, one chart per task, and :meth:`PendingCharts.result` waits for them.

The files are those :func:`~discourse.plots.export.save_charts` writes, byte for byte: each
chart is drawn and saved by :func:`~discourse.plots.export.save_chart` in one process. With
``jobs=1`` everything happens in the calling process, no process is started.
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.errors import WorkerError, check_choice, check_int
from discourse.plots import export, styles
from discourse.plots.registry import registered_charts

if TYPE_CHECKING:
    from types import TracebackType

    from discourse.analysis import Analysis
    from discourse.plots.export import Format
    from discourse.plots.styles import StyleName

__all__ = ["ChartPool", "PendingCharts"]

#: Imported once by the fork server, before it forks the workers (see ``warmup.py``).
_PRELOAD = ["discourse.plots.warmup"]

_TOKENS = itertools.count()


def default_jobs() -> int:
    """Processes for drawing charts: two, or one on a single-core machine."""
    return max(1, min(2, os.cpu_count() or 1))


class PendingCharts:
    """The charts of one analysis being drawn; :meth:`result` waits for them."""

    def __init__(self, futures: dict[str, Future[list[Path] | None]]) -> None:
        self._futures = futures

    def result(self) -> dict[str, list[Path]]:
        """The files of each chart drawn, as :func:`~discourse.plots.save_charts` returns.

        Raises the first error of a chart (its own :class:`~discourse.errors.DiscourseError`
        as raised in the worker) after the other charts have finished or been cancelled, or
        a :class:`~discourse.errors.WorkerError` when a worker process died.
        """
        saved: dict[str, list[Path]] = {}
        error: BaseException | None = None
        for name, future in self._futures.items():
            if error is not None:
                future.cancel()
                continue
            try:
                paths = future.result()
            except BrokenProcessPool as exc:
                error = WorkerError(
                    f"chart {name!r}: a worker process drawing the charts stopped before it "
                    f"finished ({exc}); rerun to retry, or pass --no-charts to skip them.")
                error.__cause__ = exc
            except BaseException as exc:  # the worker's own error, re-raised below
                error = exc
            else:
                if paths is not None:
                    saved[name] = paths
        if error is not None:
            for future in self._futures.values():  # no file is written after we return
                if not future.cancel():
                    future.exception()
            raise error
        return saved


class ChartPool:
    """Worker processes that draw and save charts (a context manager).

    Parameters
    ----------
    jobs : int, optional
        Worker processes (default :func:`default_jobs`: two, one on a single core). With 1
        the charts are drawn in the calling process when submitted.

    Examples
    --------
    >>> import tempfile
    >>> from discourse import analyze
    >>> with ChartPool(jobs=1) as pool:  # start it first: its imports run beside the analysis
    ...     analysis = analyze("Talks\\n\\nPeace talks resumed. Both met.")
    ...     saved = pool.submit(analysis, tempfile.mkdtemp(), formats=("png",)).result()
    >>> saved["segments"][0].name
    'segments.png'
    """

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = default_jobs() if jobs is None else check_int("jobs", jobs, 1)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ChartPool:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def start(self) -> None:
        """Start the fork server now (it imports beside the caller); idempotent."""
        if self.jobs > 1 and self._executor is None:
            self._executor = ProcessPoolExecutor(self.jobs, mp_context=_context(),
                                                 initializer=_warm_up)

    def close(self) -> None:
        """Stop the workers, waiting for the charts under way (pending ones are dropped)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def submit(
        self,
        analysis: Analysis,
        folder: str | Path,
        formats: Sequence[Format] | Format = ("png", "svg", "pdf"),
        *,
        style: StyleName = "paper",
        dpi: int = 300,
    ) -> PendingCharts:
        """Start drawing every chart of ``analysis`` that has data into ``folder``.

        As :func:`~discourse.plots.save_charts` (same files, same options, checked here),
        but the drawing runs in the workers; call :meth:`PendingCharts.result` for the
        files.
        """
        formats = export.check_formats(formats)
        check_choice("style", style, tuple(styles.STYLES))
        check_int("dpi", dpi, 10)
        names = list(registered_charts())
        if self._executor is None:
            self.start()
        if self._executor is None:  # one job: here and now
            done: dict[str, Future[list[Path] | None]] = {}
            for name in names:
                done[name] = Future()
                try:
                    done[name].set_result(export.save_chart(analysis, name, folder, formats,
                                                            style=style, dpi=dpi))
                except Exception as exc:  # raised by PendingCharts.result, in order
                    done[name].set_exception(exc)
                    break
            return PendingCharts(done)
        payload = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
        token = f"{os.getpid()}-{next(_TOKENS)}"
        try:
            futures = {name: self._executor.submit(_save_in_worker, token, payload, name,
                                                   str(folder), formats, style, dpi)
                       for name in names}
        except BrokenProcessPool as exc:
            raise WorkerError(
                f"charts: the worker processes drawing them stopped ({exc}); rerun to retry, "
                "or pass --no-charts to skip them.") from exc
        return PendingCharts(futures)

    def save_charts(self, analysis: Analysis, folder: str | Path,
                    formats: Sequence[Format] | Format = ("png", "svg", "pdf"), *,
                    style: StyleName = "paper", dpi: int = 300) -> dict[str, list[Path]]:
        """:meth:`submit` and wait: the files of each chart drawn, by chart name."""
        return self.submit(analysis, folder, formats, style=style, dpi=dpi).result()


def _context() -> Any:
    """A fork server preloading the chart modules where there is one, else spawn."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    forkserver.ensure_running()  # returns at once; the server imports in the background
    return context


def _warm_up() -> None:
    """In each worker: what the fork server did not import yet (all of it under spawn)."""
    import discourse.plots.warmup  # noqa: F401


# The analysis last received by this worker process: each is unpickled once per worker.
_RECEIVED: dict[str, Analysis] = {}


def _save_in_worker(token: str, payload: bytes, name: str, folder: str,
                    formats: tuple[Format, ...], style: StyleName,
                    dpi: int) -> list[Path] | None:
    """Draw and save chart ``name`` of the pickled analysis (in a worker process)."""
    if token not in _RECEIVED:
        _RECEIVED.clear()
        _RECEIVED[token] = pickle.loads(payload)
    return export.save_chart(_RECEIVED[token], name, folder, formats, style=style, dpi=dpi)
