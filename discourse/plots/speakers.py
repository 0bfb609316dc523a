"""Speaker chart: who is quoted, and how (direct, indirect, mixed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discourse.errors import check_int, missing_data
from discourse.plots.layout import (
    LABEL_GREY,
    font_size,
    integer_axis,
    label_rows,
    legend_outside,
    new_axes,
    row_height,
    shorten,
)
from discourse.plots.registry import register_chart
from discourse.plots.styles import QUOTE_COLORS
from discourse.views import SPEECH_TYPES, speaker_counts

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from discourse.analysis import Analysis


__all__ = ["plot_speakers"]

def _speaker_name(row: Any) -> str:
    role = row.role if isinstance(row.role, str) and row.role else None
    return shorten(f"{row.speaker}, {role}" if role else str(row.speaker), 40)


@register_chart("speakers", order=60, cost=0.6, caption=(
    "Sentences attributed to each speaker, by quote type."
))
def plot_speakers(
    analysis: Analysis,
    *,
    top: int = 12,
    title: str | None = "Who is quoted",
    ax: Axes | None = None,
) -> Axes:
    """Stacked bars: sentences attributed to each speaker, split by quote type.

    Parameters
    ----------
    analysis : Analysis
        Needs the ``speakers`` table (``speaker``, ``n_direct``, ``n_indirect``,
        ``n_mixed``) or ``speaker`` and ``quote_type`` columns in the sentences.
    top : int
        Speakers shown, most quoted first.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One bar per speaker and quote type (gid ``"speech-<type>"``).

    Examples
    --------
    >>> from discourse import read_article
    >>> from discourse.analysis import Analysis
    >>> article = read_article('Talks\\n\\n"We are ready," Ann Lee said. Bo Chan disagreed.')
    >>> frame = article.to_frame().assign(speaker=[None, "Ann Lee", "Bo Chan"],
    ...                                   quote_type=["none", "direct", "indirect"])
    >>> ax = plot_speakers(Analysis(article=article, sentences=frame))
    >>> [t.get_text() for t in ax.get_yticklabels()], len(ax.patches)
    (['Ann Lee', 'Bo Chan'], 6)
    """
    import numpy as np

    top = check_int("top", top, 1)
    counts = speaker_counts(analysis)
    if counts.empty:
        raise missing_data("plot_speakers", "speakers (table 'speakers' or a 'speaker' column)",
                       "attribute quotations with discourse.attribute_quotes")
    counts = counts.assign(total=counts[list(SPEECH_TYPES)].sum(axis=1))
    counts = counts[counts["total"] > 0].sort_values("total", ascending=False, kind="stable")
    n_all = len(counts)
    counts = counts.head(top).reset_index(drop=True)
    if counts.empty:
        raise missing_data("plot_speakers", "attributed sentences", "no sentence has a speaker")
    ax = ax or new_axes(height=max(1.6, row_height() * len(counts) * 1.3 + 1.3))
    y = np.arange(len(counts))
    left = np.zeros(len(counts))
    for kind in SPEECH_TYPES:
        values = counts[kind].to_numpy(float)
        ax.barh(y, values, 0.65, left=left, color=QUOTE_COLORS[kind],
                label=kind if values.any() else "_nolegend_",
                edgecolor="white", linewidth=0.6, gid=f"speech-{kind}", zorder=2)
        left += values
    size = font_size("xtick.labelsize") * 0.9
    for k, total in enumerate(left):
        ax.annotate(f"{int(total)}", (total, k), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=size, color=LABEL_GREY)
    label_rows(ax, [_speaker_name(r) for r in counts.itertuples()])
    ax.set_xlim(0, max(left.max(), 1) * 1.12)
    integer_axis(ax.xaxis)
    ax.set_xlabel("Sentences attributed (count)")
    ax.set_ylabel("Speaker")
    legend_outside(ax, title="Quote type")
    if title:
        ax.set_title(title + (f" (top {top} of {n_all})" if n_all > top else ""))
    return ax
