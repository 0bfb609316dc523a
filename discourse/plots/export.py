"""Drawing every chart of an analysis, and saving figures as PNG, SVG and PDF files."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InvalidOptionError, MissingDataError, check_choice, check_int
from discourse.plots import styles as _styles
from discourse.plots.registry import registered_charts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from discourse.analysis import Analysis
    from discourse.plots.styles import StyleName

__all__ = ["chart_figures", "save_chart", "save_charts", "save_figure"]

Format = Literal["png", "svg", "pdf"]
_FORMATS: tuple[Format, ...] = ("png", "svg", "pdf")

_METADATA: dict[str, dict[str, Any]] = {
    # No creation dates: the same chart gives the same file.
    "pdf": {"CreationDate": None, "Creator": "discourse"},
    "svg": {"Date": None, "Creator": "discourse"},
    "png": {"Software": "discourse"},
}


_NO_AUTOLAYOUT = {"figure.autolayout": False, "figure.constrained_layout.use": False}


def check_formats(formats: Sequence[Format] | Format) -> tuple[Format, ...]:
    """``formats`` as a tuple, each checked (:class:`InvalidOptionError` otherwise)."""
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    for fmt in formats:
        check_choice("format", fmt, _FORMATS)
    return formats


def save_figure(
    fig: Figure,
    path: str | Path,
    formats: Sequence[Format] | Format = _FORMATS,
    *,
    dpi: int = 300,
) -> list[Path]:
    """Save a figure in several formats, atomically, with a tight bounding box.

    Parameters
    ----------
    fig : matplotlib Figure
    path : str or Path
        The file path without extension (an extension ``.png``/``.svg``/``.pdf`` is
        dropped). Folders are created.
    formats : sequence of {"png", "svg", "pdf"}
    dpi : int
        Resolution of the PNG (the other formats are vector graphics).

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``. PDF fonts are embedded as
        TrueType (Type 42), never as Type 3.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> paths = save_figure(fig, tempfile.mkdtemp() + "/chart", formats=("png", "svg"))
    >>> [p.suffix for p in paths]
    ['.png', '.svg']
    >>> plt.close(fig)
    """
    import matplotlib as mpl

    from discourse.io import write_with

    formats = check_formats(formats)
    if not formats:
        raise InvalidOptionError("formats is empty; give at least one of 'png', 'svg', 'pdf'.")
    check_int("dpi", dpi, 10)
    base = Path(path)
    if base.suffix.lower().lstrip(".") in _FORMATS:
        base = base.with_suffix("")
    with mpl.rc_context(_styles.EXPORT_RC), _laid_out_once(fig) as bbox, _lean_font_subsets():
        return [write_with(base.with_name(f"{base.name}.{fmt}"),
                           partial(fig.savefig, format=fmt, dpi=dpi, bbox_inches=bbox,
                                   metadata=_METADATA[fmt]))
                for fmt in dict.fromkeys(formats)]


@contextmanager
def _laid_out_once(fig: Figure) -> Iterator[Any]:
    """Lay the figure out and measure its tight bounding box once for every format.

    ``bbox_inches="tight"`` draws the figure once more per file and the layout engine runs
    at every draw; here both happen once, then the layout is held while the files are
    written and given back afterwards.
    """
    import matplotlib as mpl
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    # Runs the layout engine and places every artist, without painting the canvas (as
    # matplotlib measures ``bbox_inches="tight"``): nothing drawn here is ever shown.
    with getattr(renderer, "_draw_disabled", nullcontext)():
        fig.draw(renderer)
    tight = fig.get_tightbbox(renderer).padded(0.05)
    bbox = Bbox.from_extents(tight.x0, tight.y0, tight.x1, tight.y1)
    engine = fig.get_layout_engine()
    # No engine at all (not the "none" placeholder, with which savefig lays the figure out
    # and draws it once more before every file).
    with mpl.rc_context(_NO_AUTOLAYOUT):
        fig.set_layout_engine(None)
    try:
        yield bbox
    finally:
        fig.set_layout_engine(engine)


# OpenType layout tables and legacy kerning: matplotlib places every glyph itself and a PDF
# viewer never reads them, but parsing and subsetting them is much of a PDF's cost.
_UNUSED_IN_PDF = ("GSUB", "GPOS", "GDEF", "MATH", "kern")


@lru_cache(maxsize=16)
def _lean_font(path: str, number: int) -> bytes:
    """The font file ``path`` (face ``number``) without :data:`_UNUSED_IN_PDF`, as bytes.

    The other tables are copied unparsed; no timestamp or bounding box is recomputed, so
    the bytes, and every subset made from them, are the same at every run.
    """
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True, fontNumber=number, recalcBBoxes=False,
                recalcTimestamp=False) as font:
        for tag in _UNUSED_IN_PDF:
            if tag in font:
                del font[tag]
        buffer = io.BytesIO()
        font.save(buffer, reorderTables=False)
    return buffer.getvalue()


@contextmanager
def _lean_font_subsets() -> Iterator[None]:
    """Subset the fonts embedded in PDFs from copies without layout and kerning tables.

    matplotlib subsets each font once per PDF with ``fontTools.subset.load_font``, which
    reads the font file, layout tables included (recent fontTools parses them before it
    drops them). While the files are written that function reads a copy without them
    instead, made once per process (:func:`_lean_font`); then it is restored. The glyph
    outlines, metrics and character map are kept: the text stays selectable, the fonts
    TrueType (Type 42), and the subsets are the bytes they were.
    """
    try:
        from fontTools import subset
    except ImportError:  # no PDF subsetting without fontTools either
        yield
        return
    load_font = subset.load_font

    def lean_load_font(font_file: Any, options: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(font_file, (str, os.PathLike)):
            return load_font(font_file, options, *args, **kwargs)
        number = getattr(font_file, "face_index", None)  # matplotlib >= 3.10
        if number is None:
            number = getattr(options, "font_number", 0)
        data = _lean_font(os.fspath(font_file), max(int(number), 0))
        return load_font(io.BytesIO(data), options, *args, **kwargs)

    subset.load_font = lean_load_font
    try:
        yield
    finally:
        subset.load_font = load_font


def chart_figures(
    analysis: Analysis,
    *,
    charts: Iterable[str] | None = None,
    style: StyleName = "paper",
) -> dict[str, Figure]:
    """Draw every chart the analysis has data for; the caller closes the figures.

    Parameters
    ----------
    analysis : Analysis
    charts : iterable of str, optional
        Names of registered charts (default: all; see
        :func:`~discourse.plots.registry.registered_charts`).
    style : {"paper", "notebook", "slides"}
        The preset the charts are drawn in (see :func:`~discourse.plots.styles.style`).

    Returns
    -------
    dict of str to matplotlib Figure
        By chart name, in registration order; charts without data are left out.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from discourse import analyze
    >>> figures = chart_figures(analyze("Talks\\n\\nPeace talks resumed. Both met."))
    >>> {"dispersion", "keyword_rates", "segments"} <= set(figures), "speakers" in figures
    (True, False)
    >>> for fig in figures.values():
    ...     plt.close(fig)
    """
    import matplotlib.pyplot as plt

    registry = registered_charts()
    names = list(registry) if charts is None else list(charts)
    for name in names:
        check_choice("chart", name, tuple(registry))
    figures: dict[str, Figure] = {}
    with _styles.style(style):
        for name in names:
            try:
                ax = registry[name].function(analysis)
            except MissingDataError:
                continue
            except BaseException:
                for fig in figures.values():
                    plt.close(fig)
                raise
            figures[name] = ax.figure
    return figures


def save_chart(
    analysis: Analysis,
    name: str,
    folder: str | Path,
    formats: Sequence[Format] | Format = _FORMATS,
    *,
    style: StyleName = "paper",
    dpi: int = 300,
) -> list[Path] | None:
    """Draw one registered chart, save it as ``folder/<name>.<format>`` and close it.

    Parameters
    ----------
    analysis : Analysis
    name : str
        A registered chart (see :func:`~discourse.plots.registry.registered_charts`).
    folder : str or Path
    formats : sequence of {"png", "svg", "pdf"}
    style : {"paper", "notebook", "slides"}
    dpi : int

    Returns
    -------
    list of Path or None
        The files written, in the order of ``formats``; None when the analysis lacks the
        chart's data (nothing is written then).

    Examples
    --------
    >>> import tempfile
    >>> from discourse import analyze
    >>> paths = save_chart(analyze("Talks\\n\\nPeace talks resumed. Both met."), "segments",
    ...                    tempfile.mkdtemp(), formats=("png",))
    >>> [p.name for p in paths]
    ['segments.png']
    """
    import matplotlib.pyplot as plt

    formats = check_formats(formats)
    figures = chart_figures(analysis, charts=[name], style=style)
    try:
        with _styles.style(style):
            for fig in figures.values():
                return save_figure(fig, Path(folder) / name, formats, dpi=dpi)
    finally:
        for fig in figures.values():
            plt.close(fig)
    return None


def save_charts(
    analysis: Analysis,
    folder: str | Path,
    formats: Sequence[Format] | Format = _FORMATS,
    *,
    style: StyleName = "paper",
    dpi: int = 300,
) -> dict[str, list[Path]]:
    """Draw every chart that has data, save it in each format and close it.

    Parameters
    ----------
    analysis : Analysis
    folder : str or Path
        Files are written as ``folder/<chart>.<format>`` (folder created as needed);
        chart names are those of the registered charts.
    formats : sequence of {"png", "svg", "pdf"}
    style : {"paper", "notebook", "slides"}
    dpi : int

    Returns
    -------
    dict of str to list of Path
        The files of each chart drawn; charts whose data are missing are left out.

    Examples
    --------
    >>> import tempfile
    >>> from discourse import analyze
    >>> saved = save_charts(analyze("Talks\\n\\nPeace talks resumed. Both met."),
    ...                     tempfile.mkdtemp(), formats=("png",))
    >>> saved["segments"][0].name, "speakers" in saved
    ('segments.png', False)
    """
    formats = check_formats(formats)
    out: dict[str, list[Path]] = {}
    for name in registered_charts():  # one figure open at a time
        paths = save_chart(analysis, name, folder, formats, style=style, dpi=dpi)
        if paths is not None:
            out[name] = paths
    return out
