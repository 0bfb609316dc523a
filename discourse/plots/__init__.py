"""Charts of an :class:`~discourse.Analysis` and of corpus tables (matplotlib).

Every ``plot_*`` function draws on the ``ax`` given, or on a new figure when ``ax`` is None,
and returns the Axes; nothing is saved or shown. A chart whose data the analysis lacks (no
sentiment columns, no stance table, ...) raises :class:`~discourse.errors.MissingDataError`;
:func:`save_charts` skips those. Use :func:`style` for the size presets and
:func:`save_figure` to export PNG, SVG and PDF files. ``CHARTS`` maps the registered chart
names to their functions (:mod:`~discourse.plots.registry`).

Artists carry ``gid`` labels (``"section-boundary"``, ``"section-label"``, ``"raw-polarity"``,
...) so that tests and downstream code can find them; they also become element ids in SVG.

The modules, by job: :mod:`~discourse.plots.sentiment`, :mod:`~discourse.plots.keywords`,
:mod:`~discourse.plots.stance`, :mod:`~discourse.plots.segments`,
:mod:`~discourse.plots.speakers`, :mod:`~discourse.plots.corpus` (one chart family each),
:mod:`~discourse.plots.export` (drawing them all, saving files), :mod:`~discourse.plots.layout`
(drawing helpers), :mod:`~discourse.plots.styles` (presets and palette). The charts read the
analysis through :mod:`discourse.views`. Names load lazily, and matplotlib only when a chart
is drawn.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

# Helpers that are public within the package but not chart API.
_INTERNAL = {"discourse.plots.layout", "discourse.plots.registry", "discourse.plots.styles"}


@cache
def _exports() -> dict[str, str]:
    from discourse.lazy import module_exports

    found = module_exports(Path(__file__).parent, "discourse.plots")
    found = {name: module for name, module in found.items() if module not in _INTERNAL}
    return {**found, "style": "discourse.plots.styles"}


def __getattr__(name: str) -> Any:
    if name == "__all__":
        return sorted([*_exports(), "CHARTS"])
    if name == "CHARTS":
        from discourse.plots.registry import registered_charts

        return {chart.name: chart.function for chart in registered_charts().values()}
    from discourse.lazy import load_export

    return load_export(globals(), _exports(), name, "discourse.plots")


def __dir__() -> list[str]:
    return sorted([*_exports(), "CHARTS"])
