"""The charts of an analysis, registered where they are defined.

A chart function registers itself with :func:`register_chart` (its file name, its place in
the report and a caption); :func:`save_charts`, :func:`chart_figures` and the report draw
every registered chart. A step module may register a chart of its own the same way.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["Chart", "register_chart", "registered_charts"]

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Chart:
    """A registered chart: ``function(analysis, *, ax=None) -> Axes``.

    ``cost`` is its rough drawing and saving time relative to the others (1 for a typical
    chart); worker processes start the costliest charts first.
    """

    name: str
    function: Callable[..., Any]
    order: float
    caption: str
    cost: float = 1.0


_CHARTS: dict[str, Chart] = {}


def register_chart(name: str, *, order: float, caption: str,
                   cost: float = 1.0) -> Callable[[F], F]:
    """Register ``function`` as the chart ``name`` (the decorated function is unchanged).

    ``order`` places it in the report; ``cost`` is its rough drawing time relative to a
    typical chart (1), by which worker processes start the costliest charts first.

    Examples
    --------
    >>> @register_chart("doc_example", order=999, caption="An example.")
    ... def plot_example(analysis, *, ax=None):
    ...     return ax
    >>> registered_charts()["doc_example"].caption
    'An example.'
    >>> _ = _CHARTS.pop("doc_example")
    """

    def decorate(function: F) -> F:
        _CHARTS[name] = Chart(name, function, order, caption, cost)
        return function

    return decorate


def registered_charts() -> dict[str, Chart]:
    """Every registered chart by name, in report order (plots and step modules imported)."""
    root = Path(__file__).resolve().parents[1]  # the discourse package folder
    for package in ("plots", "steps"):
        for info in pkgutil.walk_packages([str(root / package)], f"discourse.{package}."):
            import_module(info.name)
    return dict(sorted(_CHARTS.items(), key=lambda item: (item[1].order, item[0])))
