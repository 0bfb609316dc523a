"""Colours and matplotlib style presets shared by the charts and the HTML report.

Colours come from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
stays distinguishable under the common forms of colour-vision deficiency. The same colours
mean the same thing everywhere: blue is positive / in favor, vermillion negative /
against, and each quote type and keyword category keeps its colour across charts and the
report.

Nothing here imports matplotlib at module import time; :func:`style` does so when used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

from discourse.errors import check_choice

__all__ = [
    "EXPORT_RC",
    "NEGATIVE",
    "NEUTRAL",
    "OKABE_ITO",
    "PALETTE",
    "POSITIVE",
    "QUOTE_COLORS",
    "STANCE_COLORS",
    "STYLES",
    "category_colors",
    "style",
]

StyleName = Literal["paper", "notebook", "slides"]

#: The eight Okabe–Ito colours by name.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Colour cycle for categories; yellow comes late because it is faint on white.
PALETTE: tuple[str, ...] = tuple(OKABE_ITO[name] for name in (
    "blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black",
    "yellow",
))

POSITIVE = OKABE_ITO["blue"]
NEGATIVE = OKABE_ITO["vermillion"]
NEUTRAL = "#8C8C8C"

#: Colours of the quote types (``none`` is grey: not speech).
QUOTE_COLORS: dict[str, str] = {
    "direct": OKABE_ITO["orange"],
    "indirect": OKABE_ITO["sky_blue"],
    "mixed": OKABE_ITO["reddish_purple"],
    "none": "#A0A0A0",
}

#: Colours of the stance labels.
STANCE_COLORS: dict[str, str] = {"favor": POSITIVE, "against": NEGATIVE, "none": NEUTRAL}

#: rcParams for saving files, set by every preset too: TrueType fonts embedded whole
#: (Type 42, never Type 3: editable and accepted by journals), reproducible SVG element ids.
EXPORT_RC: dict[str, Any] = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.hashsalt": "discourse"}

_BASE: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.edgecolor": "#4D4D4D",
    "axes.labelcolor": "#262626",
    "xtick.color": "#4D4D4D",
    "ytick.color": "#4D4D4D",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    **EXPORT_RC,
}

#: rcParams of each preset (on top of shared settings: no top/right spines, light grid,
#: Okabe–Ito colour cycle, TrueType fonts in PDF).
STYLES: dict[str, dict[str, Any]] = {
    "paper": {
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.labelsize": 8,
        "xtick.labelsize": 7,
        "ytick.labelsize": 7,
        "legend.fontsize": 7,
        "lines.linewidth": 1.2,
        "figure.figsize": (6.5, 3.2),
        "figure.dpi": 150,
        "savefig.dpi": 300,
    },
    "notebook": {
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.labelsize": 10,
        "xtick.labelsize": 9,
        "ytick.labelsize": 9,
        "legend.fontsize": 9,
        "lines.linewidth": 1.6,
        "figure.figsize": (8.0, 4.0),
        "figure.dpi": 100,
        "savefig.dpi": 200,
    },
    "slides": {
        "font.size": 14,
        "axes.titlesize": 16,
        "axes.labelsize": 14,
        "xtick.labelsize": 12,
        "ytick.labelsize": 12,
        "legend.fontsize": 12,
        "lines.linewidth": 2.4,
        "figure.figsize": (11.0, 5.5),
        "figure.dpi": 100,
        "savefig.dpi": 200,
    },
}


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """A colour for each category, in the order given (cycling through :data:`PALETTE`).

    Examples
    --------
    >>> category_colors(["peace", "security"])
    {'peace': '#0072B2', 'security': '#E69F00'}
    """
    unique = list(dict.fromkeys(categories))
    return {c: PALETTE[k % len(PALETTE)] for k, c in enumerate(unique)}


def rc_params(name: StyleName = "notebook") -> dict[str, Any]:
    """The rcParams of a preset (without applying them).

    Examples
    --------
    >>> rc_params("paper")["font.size"]
    8
    """
    check_choice("style", name, tuple(STYLES))
    from cycler import cycler

    return {**_BASE, **STYLES[name], "axes.prop_cycle": cycler(color=list(PALETTE))}


@contextmanager
def style(name: StyleName = "notebook") -> Iterator[None]:
    """Apply a preset inside a ``with`` block (``matplotlib.rc_context``).

    Parameters
    ----------
    name : {"paper", "notebook", "slides"}
        ``paper``: small type for a 6.5-inch column, 300 dpi; ``notebook``: screen sizes;
        ``slides``: large type and thick lines.

    Examples
    --------
    >>> import matplotlib
    >>> with style("slides"):
    ...     matplotlib.rcParams["font.size"]
    14.0
    """
    import matplotlib

    with matplotlib.rc_context(rc_params(name)):
        yield
