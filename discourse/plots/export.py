"""Drawing every chart of an analysis, and saving figures as PNG, SVG and PDF files."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InvalidOptionError, MissingDataError, check_choice, check_int
from discourse.plots import styles as _styles
from discourse.plots.registry import registered_charts

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont
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


#: zlib level of the PNG files (PIL's default is 6). PNG is lossless: the pixels are the
#: same at every level, only the size changes. Levels 1-3 use zlib's fast deflate: on the
#: seed's charts at 300 dpi level 3 encodes in about half the time of level 6 (a PNG costs
#: 15 % less in all) for files 15 % larger; levels 1 and 2 are no faster and larger still.
PNG_COMPRESS_LEVEL = 3

# Options of savefig by format.
_OPTIONS: dict[str, dict[str, Any]] = {
    "png": {"pil_kwargs": {"compress_level": PNG_COMPRESS_LEVEL}}}

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
                                   metadata=_METADATA[fmt], **_OPTIONS.get(fmt, {})))
                for fmt in dict.fromkeys(formats)]


@contextmanager
def _laid_out_once(fig: Figure) -> Iterator[Any]:
    """Lay the figure out and measure its tight bounding box once for every format.

    ``bbox_inches="tight"`` draws the figure once more per file and the layout engine runs
    at every draw; here the layout engine runs once (a figure without one is drawn once,
    unpainted) and the box is measured once, then the layout is held while the files are
    written and given back afterwards.
    """
    import matplotlib as mpl
    from matplotlib.layout_engine import PlaceHolderLayoutEngine
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    engine = fig.get_layout_engine()
    with getattr(renderer, "_draw_disabled", nullcontext)():
        if engine is not None and not isinstance(engine, PlaceHolderLayoutEngine):
            # The layout engine measures every artist it places (titles, labels, legends)
            # as the tight bounding box then does: running it alone gives the layout and
            # the box a draw would, in three quarters of the time.
            engine.execute(fig)
        else:
            # Places every artist without painting the canvas, as matplotlib measures
            # ``bbox_inches="tight"``: nothing drawn here is ever shown.
            fig.draw(renderer)
    tight = fig.get_tightbbox(renderer).padded(0.05)
    bbox = Bbox.from_extents(tight.x0, tight.y0, tight.x1, tight.y1)
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

#: Code points most chart text is written in (half-open ranges): Latin with its extensions,
#: spacing modifiers and combining marks, Greek, Cyrillic, Latin Extended Additional,
#: general punctuation, super- and subscripts, currency, letterlike symbols, number forms,
#: arrows and mathematical operators (the minus sign among them), and U+FFFD. A PDF whose
#: text stays within them is subset from a copy of each font holding only these glyphs
#: (2,098 of DejaVu Sans' 6,241), which fontTools reads and subsets in less than half the
#: time; any other character and the whole font is used, with the same bytes as a result.
REPERTOIRE: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007F), (0x00A0, 0x0250), (0x02B0, 0x0370), (0x0370, 0x0530),
    (0x1E00, 0x1F00), (0x2000, 0x2300), (0xFFFD, 0xFFFE),
)


@dataclass(frozen=True)
class _Repertoire:
    """A font cut down to :data:`REPERTOIRE`: its bytes, and each glyph index of the whole
    font kept in it mapped to its index there."""

    data: bytes
    glyphs: dict[int, int]


def _strip(font: TTFont) -> None:
    """Drop :data:`_UNUSED_IN_PDF` and the character maps besides Windows' (platform 3).

    The Unicode-platform maps repeat Windows' and the Macintosh one is dropped by every
    subset; the maps are kept as they are when there is no Windows map.
    """
    for tag in _UNUSED_IN_PDF:
        if tag in font:
            del font[tag]
    if "cmap" in font:
        cmap = font["cmap"]
        windows = [table for table in cmap.tables if table.platformID == 3]
        if windows:
            cmap.tables = windows


def _open_font(path: str, number: int) -> TTFont:
    from fontTools.ttLib import TTFont

    # No timestamp or bounding box recomputed: the bytes, and every subset made from them,
    # are the same at every run.
    return TTFont(path, lazy=True, fontNumber=number, recalcBBoxes=False,
                  recalcTimestamp=False)


def _font_bytes(font: TTFont) -> bytes:
    buffer = io.BytesIO()
    font.save(buffer, reorderTables=False)
    return buffer.getvalue()


@lru_cache(maxsize=16)
def _lean_font(path: str, number: int) -> bytes:
    """The font file ``path`` (face ``number``) without :data:`_UNUSED_IN_PDF` and with
    Windows' character maps only (:func:`_strip`), as bytes.

    The other tables are copied unparsed, so the bytes are the same at every run.
    """
    with _open_font(path, number) as font:
        _strip(font)
        return _font_bytes(font)


@lru_cache(maxsize=16)
def _repertoire_font(path: str, number: int) -> _Repertoire | None:
    """The lean font (:func:`_lean_font`) cut down to the glyphs of :data:`REPERTOIRE`.

    Every glyph is kept as it is (outline, instructions, metrics, name); composite glyphs
    keep their components. Each character map keeps every code point of the whole font's
    whose glyph is kept (not only those of the repertoire), so that a subset made from
    this font has the very bytes of one made from the whole font. None for a font without
    TrueType outlines (``glyf``), which is subset from the whole font.
    """
    from fontTools import subset

    with _open_font(path, number) as font:
        _strip(font)
        if "glyf" not in font or "cmap" not in font:
            return None
        order = font.getGlyphOrder()
        tables = list(font["cmap"].tables)
        maps = [dict(table.cmap) for table in tables]
        options = subset.Options(
            glyph_names=True, recommended_glyphs=True, notdef_outline=True, hinting=True,
            name_IDs=["*"], name_languages=["*"], name_legacy=True, legacy_cmap=True,
            symbol_cmap=True, layout_features=[], drop_tables=[], passthrough_tables=True,
            prune_unicode_ranges=False, recalc_bounds=False, recalc_timestamp=False)
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(unicodes=[code for first, stop in REPERTOIRE
                                     for code in range(first, stop)])
        subsetter.subset(font)
        kept = {name: index for index, name in enumerate(font.getGlyphOrder())}
        for table, mapping in zip(tables, maps, strict=True):
            table.cmap = {code: name for code, name in mapping.items() if name in kept}
        font["cmap"].tables = tables
        glyphs = {index: kept[name] for index, name in enumerate(order) if name in kept}
        return _Repertoire(_font_bytes(font), glyphs)


class _FontBytes(io.BytesIO):
    """A font file in memory, as matplotlib's subsetting takes it (with a face index)."""

    face_index = 0


def _font_path(font_file: Any) -> tuple[str, int] | None:
    """``(path, face number)`` of a font file matplotlib names, or None (e.g. bytes)."""
    if not isinstance(font_file, (str, os.PathLike)):
        return None
    number = getattr(font_file, "face_index", None)  # matplotlib >= 3.10
    return os.fspath(font_file), max(int(number or 0), 0)


def _subset_from_repertoire(subset_glyphs: Callable[..., Any]) -> Callable[..., Any]:
    """matplotlib's ``get_glyphs_subset(fontfile, glyphs)`` (glyph indices, matplotlib >=
    3.11), made from the repertoire font (:func:`_repertoire_font`) when it holds every
    glyph asked for; otherwise from the whole font, as before."""

    def glyphs_subset(font_file: Any, glyphs: Iterable[int]) -> Any:
        glyphs = set(glyphs)
        where = _font_path(font_file)
        lean = _repertoire_font(*where) if where is not None else None
        if lean is None or not glyphs <= lean.glyphs.keys():
            return subset_glyphs(font_file, glyphs)
        return _renumbered(subset_glyphs(_FontBytes(lean.data),
                                         {lean.glyphs[glyph] for glyph in glyphs}), lean)

    return glyphs_subset


@contextmanager
def _renumbered(results: Any, lean: _Repertoire) -> Iterator[Any]:
    """The subset ``results`` with its glyph map keyed by the whole font's glyph indices."""
    with results as done:
        index = done.glyph_index_map
        yield done._replace(glyph_index_map={
            glyph: index[mine] for glyph, mine in lean.glyphs.items() if mine in index})


@contextmanager
def _lean_font_subsets() -> Iterator[None]:
    """Subset the fonts embedded in PDFs from lean copies of them.

    matplotlib subsets each font once per PDF with ``fontTools.subset.load_font``, which
    reads the whole font file, layout tables included (recent fontTools parses them before
    it drops them), and every glyph and character of it. While the files are written that
    function reads a copy without layout tables instead (:func:`_lean_font`), made once
    per process; and with matplotlib >= 3.11 a PDF whose glyphs are all in
    :data:`REPERTOIRE` is subset from a copy holding those glyphs only
    (:func:`_repertoire_font`), with the same bytes as a result. Then both are restored.
    The glyph outlines, metrics and Windows character maps are kept: the text stays
    selectable, the fonts TrueType (Type 42).
    """
    try:
        from fontTools import subset
    except ImportError:  # no PDF subsetting without fontTools either
        yield
        return
    load_font = subset.load_font

    def lean_load_font(font_file: Any, options: Any, *args: Any, **kwargs: Any) -> Any:
        where = _font_path(font_file)
        if where is None:
            return load_font(font_file, options, *args, **kwargs)
        path, number = where
        if getattr(font_file, "face_index", None) is None:
            number = max(int(getattr(options, "font_number", 0) or 0), 0)
        return load_font(io.BytesIO(_lean_font(path, number)), options, *args, **kwargs)

    pdf_ps = _matplotlib_subsetting()
    subset_glyphs = getattr(pdf_ps, "get_glyphs_subset", None)
    subset.load_font = lean_load_font
    if subset_glyphs is not None:
        pdf_ps.get_glyphs_subset = _subset_from_repertoire(subset_glyphs)
    try:
        yield
    finally:
        subset.load_font = load_font
        if subset_glyphs is not None:
            pdf_ps.get_glyphs_subset = subset_glyphs


def _matplotlib_subsetting() -> Any:
    """matplotlib's font subsetting module when it subsets by glyph index (>= 3.11), else
    None (older versions subset by character, from the lean font only)."""
    import inspect
    from importlib import import_module

    try:
        module = import_module("matplotlib.backends._backend_pdf_ps")
        parameters = inspect.signature(module.get_glyphs_subset).parameters
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    if "glyphs" not in parameters or not hasattr(module, "SubsetResults"):
        return None
    return module


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
