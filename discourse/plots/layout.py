"""Drawing helpers shared by the charts: new axes, label text, legends, section strips."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

    from discourse.views import SectionSpan

LABEL_GREY = "#595959"
SHADE = "#F3F3F3"


def shorten(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(width - 1, 1)].rstrip() + "…"


def wrap_label(text: str, width: int, lines: int = 2) -> str:
    parts = textwrap.wrap(" ".join(str(text).split()), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], shorten(" ".join(parts[lines - 1:]), width)]
    return "\n".join(parts)


def font_size(kind: str = "font.size") -> float:
    import matplotlib as mpl
    from matplotlib.font_manager import FontProperties

    value = mpl.rcParams[kind]
    if isinstance(value, str):  # "small", "medium", ...
        return FontProperties(size=value).get_size_in_points()
    return float(value)


def new_axes(height: float | None = None) -> Axes:
    """Axes on a new figure of the style's size, ``height`` inches tall if given."""
    import matplotlib.pyplot as plt

    width, default = plt.rcParams["figure.figsize"]
    _, ax = plt.subplots(figsize=(width, height or default), layout="constrained")
    return ax


def row_height() -> float:
    """Inches per row of a horizontal bar chart at the current font size."""
    return font_size() * 2.3 / 72


def label_rows(ax: Axes, labels: Sequence[str], *, ticks: bool = False) -> None:
    """One row per label on the y axis, first at the top, without horizontal grid lines."""
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="y", visible=False)
    if not ticks:
        ax.tick_params(axis="y", length=0)


def legend_outside(ax: Axes, *args: Any, **kwargs: Any) -> None:
    """A legend to the right of the axes, aligned with their top."""
    ax.legend(*args, loc="upper left", bbox_to_anchor=(1.01, 1.0), **kwargs)


def bar_counts(ax: Axes, bars: BarContainer, counts: Sequence[float], *,
                padding: float) -> None:
    """Write each bar's count (none for zero) at its end, small and grey."""
    ax.bar_label(bars, labels=[f"{int(c)}" if c else "" for c in counts], padding=padding,
                 fontsize=font_size("xtick.labelsize") * 0.9, color=LABEL_GREY)


def integer_axis(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _renderer(fig: Figure) -> Any:
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else None


def settle_layout(ax: Axes) -> Any:
    """Run the figure's layout now, so that positions are final; return a renderer."""
    fig = ax.figure
    renderer = _renderer(fig)
    engine = fig.get_layout_engine()
    if engine is not None and renderer is not None:
        engine.execute(fig)
    return renderer


def _fit_text(text: Any, label: str, width_px: float, renderer: Any) -> float:
    """Shorten ``text`` (an Artist showing ``label``) until it is at most ``width_px`` wide.

    Returns its width in pixels, or 0 (and hides it) when fewer than three characters
    would remain.
    """
    text.set_visible(True)
    size = len(label)
    while True:
        candidate = label if size >= len(label) else shorten(label, size)
        text.set_text(candidate)
        if renderer is None:  # no renderer: estimate from the font size
            wide = len(candidate) * 0.55 * text.get_fontsize() * text.figure.dpi / 72
        else:
            wide = text.get_window_extent(renderer).width
        if wide <= width_px:
            return float(wide)
        if size <= 4:
            text.set_visible(False)
            return 0.0
        size = min(size, len(candidate)) - 1


def sentence_bands(spans: Sequence[SectionSpan]) -> list[tuple[float, float, str]]:
    """Section bands on an x axis of sentence numbers."""
    return [(s.first - 0.5, s.last + 0.5, s.label) for s in spans]


def _draw_sections(ax: Axes, bands: Sequence[tuple[float, float, str]]) -> bool:
    """Mark sections on an x axis: boundary lines, alternate shading, labels above the axes.

    ``bands`` holds ``(x0, x1, label)`` in data coordinates. Call it last (after legends
    and tick labels): the labels are measured against the final width of the axes. Each
    label is centred on its band and shortened to fit it; a label that does not fit may
    then use the room its neighbours leave free, as long as it still covers the middle of
    its band. Labels with nothing readable left are hidden. Returns whether any is shown.
    """
    if len(bands) < 2:
        return False
    size = font_size("xtick.labelsize")
    texts = []
    for k, (x0, x1, label) in enumerate(bands):
        if k:
            ax.axvline(x0, color="#7F7F7F", linewidth=0.8, linestyle=(0, (4, 2)),
                       zorder=1.5, gid="section-boundary")
        if k % 2 == 1:
            ax.axvspan(x0, x1, color=SHADE, zorder=0, linewidth=0, gid="section-shade")
        texts.append(ax.annotate(label, xy=((x0 + x1) / 2, 1.0),
                                 xycoords=ax.get_xaxis_transform(), xytext=(0, 3),
                                 textcoords="offset points", ha="center", va="bottom",
                                 fontsize=size, color=LABEL_GREY, annotation_clip=False,
                                 gid="section-label", in_layout=False))
    # Measured with the labels out of the layout: at full length they could overflow the
    # axes and make the layout squeeze it. Once fitted they stay within the axes.
    renderer = settle_layout(ax)
    gap = size * 0.6 * ax.figure.dpi / 72  # keep neighbouring labels apart
    to_px = ax.transData.transform
    edges = [sorted(to_px([(x0, 0), (x1, 0)])[:, 0]) for x0, x1, _ in bands]
    lo, hi = sorted(to_px([(ax.get_xlim()[0], 0), (ax.get_xlim()[1], 0)])[:, 0])
    centres = [(a + b) / 2 for a, b in edges]
    widths = [_fit_text(t, label, b - a - gap, renderer)
              for t, (a, b), (_, _, label) in zip(texts, edges, bands, strict=True)]
    for k, (text, (_, _, label)) in enumerate(zip(texts, bands, strict=True)):
        if widths[k] and text.get_text() == label:
            continue
        # Free room between the neighbours' labels (or the axes ends).
        left = max([lo] + [centres[j] + widths[j] / 2 + gap for j in range(k) if widths[j]])
        right = min([hi] + [centres[j] - widths[j] / 2 - gap
                            for j in range(k + 1, len(texts)) if widths[j]])
        wide = _fit_text(text, label, right - left, renderer)
        centre = min(max(centres[k], left + wide / 2), right - wide / 2)
        if not wide or abs(centre - centres[k]) > wide / 2:
            text.set_visible(False)
            widths[k] = 0.0
            continue
        widths[k], centres[k] = wide, centre
        text.xy = (ax.transData.inverted().transform((centre, 0))[0], 1.0)
    for text in texts:
        text.set_in_layout(True)
    return any(widths)


def section_strip(ax: Axes, bands: Sequence[tuple[float, float, str]],
                   title: str | None) -> None:
    """Draw the sections (:func:`_draw_sections`) and the title above their labels."""
    strip = _draw_sections(ax, bands)
    if title:
        # Leave room for the section labels drawn above the axes.
        ax.set_title(title, pad=font_size("xtick.labelsize") * 2.0 + 4 if strip else 6)
