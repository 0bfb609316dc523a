"""Writing an analysis to a folder: tables as CSV, charts, the report and its provenance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.io import atomic_write, ensure_folder, write_text

if TYPE_CHECKING:
    from discourse.analysis import Analysis
    from discourse.plots.parallel import ChartPool

__all__ = ["save_analysis", "save_tables"]


def save_tables(analysis: Analysis, folder: str | Path) -> dict[str, Path]:
    """Write ``sentences`` and every named table as ``<folder>/<table>.csv``; return the paths."""
    out = ensure_folder(folder)
    paths = {}
    for name, table in {"sentences": analysis.sentences, **analysis.tables}.items():
        paths[name] = out / f"{name}.csv"
        with atomic_write(paths[name]) as handle:
            table.to_csv(handle, index=False, lineterminator="\n")
    return paths


def save_analysis(
    analysis: Analysis,
    folder: str | Path,
    *,
    charts: bool = True,
    report: bool = True,
    formats: tuple[str, ...] = ("png", "svg", "pdf"),
    pool: ChartPool | None = None,
) -> Path:
    """Write every table as CSV, the charts, ``report.html`` and ``analysis.json``.

    Parameters
    ----------
    analysis : Analysis
    folder : path
        Created as needed. Tables go to ``<table>.csv``, charts to
        ``charts/<chart>.<format>``, the annotated article to ``report.html`` and the
        provenance (versions, lexicon digests, every step and its parameters) to
        ``analysis.json``.
    charts, report : bool
        Skip the charts or the report (a corpus run writes tables only).
    formats : tuple of {"png", "svg", "pdf"}
        The chart file formats; each chart is drawn once and saved in each.
    pool : ChartPool, optional
        Draw the charts in these worker processes (:mod:`discourse.plots.parallel`) while
        the tables are written; by default they are drawn here, one after the other.

    Returns
    -------
    Path
        The folder. Every file is written atomically; ``analysis.json`` is written last, so
        its presence marks a complete folder.

    Examples
    --------
    >>> import tempfile, discourse
    >>> out = save_analysis(discourse.analyze("Peace talks.\\n\\nBoth met."), tempfile.mkdtemp(),
    ...                     charts=False, report=False)
    >>> sorted(p.name for p in out.iterdir())[:3]
    ['analysis.json', 'keywords.csv', 'markers.csv']
    """
    out = ensure_folder(folder)
    pending = None
    if charts and pool is not None:
        pending = pool.submit(analysis, out / "charts", formats)  # type: ignore[arg-type]
    save_tables(analysis, out)
    saved: dict[str, Any] = {}
    if pending is not None:
        if report:  # while the charts are drawn elsewhere
            from discourse.report import prepare_template

            prepare_template()
        saved = pending.result()
    elif charts:
        from discourse.plots import save_charts

        saved = save_charts(analysis, out / "charts", formats)
    if report:
        from discourse.report import write_html

        write_html(analysis, out / "report.html", charts=saved or False)
    write_text(out / "analysis.json",
               json.dumps(analysis.provenance, indent=2, sort_keys=True, default=str))
    return out
