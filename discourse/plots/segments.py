"""Topic segment chart: a timeline of the segments over the sentences they span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discourse.errors import missing_data
from discourse.plots.layout import (
    integer_axis,
    label_rows,
    legend_outside,
    new_axes,
    row_height,
    section_strip,
    sentence_bands,
    shorten,
)
from discourse.plots.registry import register_chart
from discourse.plots.styles import category_colors
from discourse.views import category_order, named_table, section_spans

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from discourse.analysis import Analysis

_NO_CATEGORY = "no keyword"
_NO_CATEGORY_COLOR = "#BFBFBF"


__all__ = ["plot_segments"]

@register_chart("segments", order=50, cost=1.4, caption=(
    "Topic segments and the sentences they span."
))
def plot_segments(
    analysis: Analysis,
    *,
    title: str | None = "Topic segments",
    ax: Axes | None = None,
) -> Axes:
    """Timeline of topic segments: one bar per segment over the sentences it spans.

    Each row is labelled with the segment's number and label (its key phrases); the
    bar colour is its dominant keyword category; dashed lines separate sections.

    Parameters
    ----------
    analysis : Analysis
        Needs the ``segments`` table (:func:`discourse.steps.topics.topics.segment_topics`).
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One bar per segment (gid ``"segments"``).

    Examples
    --------
    >>> from discourse import analyze
    >>> result = analyze("Talks\\n\\nPeace talks went on. Peace envoys met. Oil fell. Oil rose.")
    >>> ax = plot_segments(result)
    >>> len([bar for bar in ax.patches if bar.get_gid() == "segments"]) == len(result.segments)
    True
    """
    from matplotlib.patches import Patch

    segments = named_table(analysis, "segments")
    need = {"first_sentence", "last_sentence"}
    if segments is None or segments.empty or not need <= set(segments.columns):
        raise missing_data("plot_segments", "topic segments (table 'segments')",
                       "segment the article with discourse.steps.topics.topics.segment_topics")
    segments = segments.reset_index(drop=True)
    n = len(segments)
    ids = segments["segment_id"].tolist() if "segment_id" in segments else list(range(n))
    labels = segments["label"].tolist() if "label" in segments else [""] * n
    cats = (segments["keyword_category"].tolist() if "keyword_category" in segments
            else [None] * n)
    cats = [c if isinstance(c, str) else None for c in cats]
    colors = category_colors(category_order(analysis, cats))
    first = segments["first_sentence"].to_numpy(float)
    last = segments["last_sentence"].to_numpy(float)
    ax = ax or new_axes(height=max(2.4, row_height() * n + 1.9))
    ax.barh(range(n), last - first + 1, left=first - 0.5, height=0.62,
            color=[colors[c] if c else _NO_CATEGORY_COLOR for c in cats], edgecolor="white",
            linewidth=0.8, gid="segments", zorder=2)
    label_rows(ax, [f"{i}  {shorten(lab if isinstance(lab, str) else '', 42)}"
               for i, lab in zip(ids, labels, strict=True)])
    ax.set_xlim(first.min() - 0.6, last.max() + 0.6)
    integer_axis(ax.xaxis)
    ax.set_xlabel("Sentence number (reading order)")
    ax.set_ylabel("Segment (label: key phrases)")
    shown = [c for c in colors if c in cats]
    handles = [Patch(color=colors[c]) for c in shown]
    if None in cats:
        handles.append(Patch(color=_NO_CATEGORY_COLOR))
        shown.append(_NO_CATEGORY)
    if handles:
        legend_outside(ax, handles, shown, title="Main keyword")
    section_strip(ax, sentence_bands(section_spans(analysis)), title)
    return ax
