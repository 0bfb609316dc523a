"""Drawing and saving charts in worker processes while the caller goes on working.

A :class:`ChartPool` starts one worker at once; it imports matplotlib and fontTools
(a tiny figure saved once in each format) beside the caller, e.g. while the analysis runs.
Given the charts of an analysis (:meth:`ChartPool.submit`) it forks ``jobs`` warm copies of
itself that draw one chart each at a time, the costliest first
(:attr:`~discourse.plots.registry.Chart.cost`), and :meth:`PendingCharts.result` waits for
them. On Linux the processes fork, so they inherit the modules already imported and the analysis;
elsewhere they are spawned (slower to start, same files).

The files are those :func:`~discourse.plots.export.save_charts` writes, byte for byte: each
chart is drawn and saved by :func:`~discourse.plots.export.save_chart` in one process. With
``jobs=1`` everything happens in the calling process and no process is started. As with any
process pool that spawns, a script using one outside Linux keeps its work under
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import tempfile
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

_TOKENS = itertools.count()


def default_jobs() -> int:
    """Processes for drawing charts: two, or one on a single-core machine."""
    return max(1, min(2, os.cpu_count() or 1))


class PendingCharts:
    """The charts of one analysis being drawn; :meth:`result` waits for them."""

    def __init__(self, future: Future[dict[str, list[Path]]]) -> None:
        self._future = future

    def result(self) -> dict[str, list[Path]]:
        """The files of each chart drawn, as :func:`~discourse.plots.save_charts` returns.

        Raises the first error of a chart (its own :class:`~discourse.errors.DiscourseError`
        as raised in the worker), once the other charts are finished or dropped, or a
        :class:`~discourse.errors.WorkerError` when a worker process died.
        """
        try:
            return self._future.result()
        except BrokenProcessPool as exc:
            raise WorkerError(
                f"charts: a worker process drawing them stopped before it finished ({exc}); "
                "rerun to retry, or skip the charts (--no-charts, charts=False).") from exc


def collect(futures: dict[str, Future[list[Path] | None]]) -> dict[str, list[Path]]:
    """The files of each chart in ``futures`` (by name, in order; charts without data left
    out). On the first error the charts not started are cancelled, the others awaited (no
    file is written after this returns) and the error raised."""
    saved: dict[str, list[Path]] = {}
    for name, future in futures.items():
        try:
            paths = future.result()
        except BaseException:
            for other in futures.values():
                if not other.cancel():
                    other.exception()
            raise
        if paths is not None:
            saved[name] = paths
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
        """Start the worker now, so that it imports beside the caller; idempotent.

        The chart and step modules and pandas are imported here first (the analysis needs
        them too) and inherited by the worker where processes fork (Linux); the worker then
        imports matplotlib and fontTools and saves a tiny figure in each format (fonts
        opened, caches filled) and, given charts to draw, forks ``jobs`` warm copies of
        itself that draw one chart each at a time.
        """
        if self.jobs > 1 and self._executor is None:
            import pandas  # noqa: F401

            registered_charts()
            self._executor = ProcessPoolExecutor(1, mp_context=_context(),
                                                 initializer=_warm_up)
            self._executor.submit(int)  # starts the worker now (fork: no thread yet)

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
            done: Future[dict[str, list[Path]]] = Future()
            try:
                done.set_result(export.save_charts(analysis, folder, formats, style=style,
                                                   dpi=dpi))
            except Exception as exc:  # raised by PendingCharts.result
                done.set_exception(exc)
            return PendingCharts(done)
        payload = pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            future = self._executor.submit(_draw_charts, payload, names, str(folder),
                                           formats, style, dpi, self.jobs)
        except BrokenProcessPool as exc:
            raise WorkerError(
                f"charts: the worker process drawing them stopped ({exc}); rerun to retry, "
                "or skip the charts (--no-charts, charts=False).") from exc
        return PendingCharts(future)

    def save_charts(self, analysis: Analysis, folder: str | Path,
                    formats: Sequence[Format] | Format = ("png", "svg", "pdf"), *,
                    style: StyleName = "paper", dpi: int = 300) -> dict[str, list[Path]]:
        """:meth:`submit` and wait: the files of each chart drawn, by chart name."""
        return self.submit(analysis, folder, formats, style=style, dpi=dpi).result()


def _context() -> Any:
    """Forked processes on Linux (they inherit what is imported), spawned ones elsewhere."""
    import multiprocessing
    import sys

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _warm_up() -> None:
    """In the worker: import what drawing needs and open the fonts (a tiny figure saved in
    each format); Ctrl-C is left to the calling process, which stops the workers."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    with styles.style("paper"), tempfile.TemporaryDirectory(prefix="discourse-") as tmp:
        fig, ax = plt.subplots(figsize=(1, 1))
        try:
            ax.set_title("Warm-up")
            ax.set_xlabel("0123456789")
            export.save_figure(fig, Path(tmp) / "warm-up", dpi=20)
        finally:
            plt.close(fig)


def _draw_charts(payload: bytes, names: list[str], folder: str, formats: tuple[Format, ...],
                 style: StyleName, dpi: int, jobs: int) -> dict[str, list[Path]]:
    """In the warm worker: draw ``names`` in ``jobs`` processes forked from it."""
    token = f"{os.getpid()}-{next(_TOKENS)}"
    _RECEIVED.clear()
    _RECEIVED[token] = pickle.loads(payload)  # inherited by the processes forked below
    context = _context()
    inherited = context.get_start_method() == "fork"  # no need to send the analysis again
    if inherited:  # the forks share what is here, untouched by their garbage collection
        gc.freeze()  # (no collection first: a full one would cost more than it saves)
    try:
        with ProcessPoolExecutor(min(jobs, len(names)) or 1, mp_context=context) as pool:
            started = {name: pool.submit(_save_in_worker, token,
                                         b"" if inherited else payload, name, folder,
                                         formats, style, dpi)
                       for name in costliest_first(names)}
            return collect({name: started[name] for name in names})
    finally:
        gc.unfreeze()  # the next analysis replaces this one: let it be collected


def costliest_first(names: Sequence[str]) -> list[str]:
    """``names`` of registered charts by decreasing :attr:`~discourse.plots.registry.Chart.cost`
    (ties in the given order): with the long charts started first, the short ones fill in
    at the end and the workers finish together.

    Examples
    --------
    >>> costliest_first(["speakers", "keyword_rates", "segments"])
    ['segments', 'keyword_rates', 'speakers']
    """
    registry = registered_charts()
    return sorted(names, key=lambda name: -registry[name].cost)


# The analysis last received by this process: each is unpickled once per process.
_RECEIVED: dict[str, Analysis] = {}


def _save_in_worker(token: str, payload: bytes, name: str, folder: str,
                    formats: tuple[Format, ...], style: StyleName,
                    dpi: int) -> list[Path] | None:
    """Draw and save chart ``name`` of the pickled analysis (in a worker process)."""
    if token not in _RECEIVED:
        _RECEIVED.clear()
        _RECEIVED[token] = pickle.loads(payload)
    return export.save_chart(_RECEIVED[token], name, folder, formats, style=style, dpi=dpi)
