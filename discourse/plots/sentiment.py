"""Sentiment charts: the arc of sentence scores through the article, and subjectivity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from discourse.errors import InvalidOptionError, check_int, missing_data
from discourse.plots.layout import (
    integer_axis,
    legend_outside,
    new_axes,
    section_strip,
    sentence_bands,
)
from discourse.plots.registry import register_chart
from discourse.plots.styles import NEUTRAL, OKABE_ITO, POSITIVE, QUOTE_COLORS
from discourse.views import SPEECH_TYPES, section_spans, sentence_rows

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from discourse.analysis import Analysis

__all__ = ["plot_sentiment_arc", "plot_subjectivity"]

SCORE_LABELS = {
    "polarity": "TextBlob polarity",
    "sentiment_score": "Combined score",
    "vader_compound": "VADER compound",
}
_SCORE_COLORS = {
    "polarity": OKABE_ITO["orange"],
    "sentiment_score": OKABE_ITO["blue"],
    "vader_compound": OKABE_ITO["bluish_green"],
}
_QUOTE_MARKERS = {"direct": "o", "indirect": "s", "mixed": "D"}


@register_chart("sentiment_arc", order=10, cost=1.2, caption=(
    "Sentiment of each sentence in reading order, with a rolling mean; dashed lines "
    "separate sections."
))
def plot_sentiment_arc(
    analysis: Analysis,
    *,
    scores: Sequence[str] = ("polarity", "sentiment_score"),
    window: int = 3,
    sections: bool = True,
    title: str | None = "Sentiment through the article",
    ax: Axes | None = None,
) -> Axes:
    """Sentence sentiment in reading order, with a rolling mean and section boundaries.

    Parameters
    ----------
    analysis : Analysis
        Needs at least one of the ``scores`` columns in ``analysis.sentences``.
    scores : sequence of str
        Score columns to draw (those missing are skipped): ``polarity`` (TextBlob),
        ``sentiment_score`` (the combined score), ``vader_compound``.
    window : int
        Sentences in the centred rolling mean (1: no rolling mean). Raw scores are drawn
        as thin lines with dots, the rolling mean as a thick line.
    sections : bool
        Draw section boundaries (dashed lines, alternate shading) with their headings.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        x: ``sentence_id``; y: score from -1 (negative) to +1 (positive).

    Examples
    --------
    >>> from discourse import read_article
    >>> from discourse.analysis import Analysis
    >>> article = read_article("Peace talks resume\\n\\nThe talks went well. Both sides met.")
    >>> frame = article.to_frame().assign(polarity=[0.0, 0.5, 0.0],
    ...                                   sentiment_score=[0.1, 0.6, -0.1])
    >>> ax = plot_sentiment_arc(Analysis(article=article, sentences=frame))
    >>> ax.get_ylabel()
    'Sentiment (−1 negative to +1 positive)'
    >>> [line.get_label() for line in ax.get_lines() if line.get_gid().startswith("rolling")]
    ['TextBlob polarity', 'Combined score']
    """
    import numpy as np

    window = check_int("window", window, 1)
    frame = sentence_rows(analysis)
    if isinstance(scores, str):
        scores = (scores,)
    present = [c for c in scores if c in frame.columns and frame[c].notna().any()]
    unknown = [c for c in scores if c not in SCORE_LABELS and c not in frame.columns]
    if unknown and not present:
        raise InvalidOptionError(
            f"plot_sentiment_arc: scores={tuple(scores)!r} names {', '.join(map(repr, unknown))}"
            f", which is not a sentiment column; use any of {', '.join(map(repr, SCORE_LABELS))}."
        )
    if not present or frame.empty:
        raise missing_data("plot_sentiment_arc", f"sentiment columns ({', '.join(scores)})",
                       "score the sentences with discourse.steps.sentiment.scoring.score_sentiment")
    frame = frame.sort_values("sentence_id", kind="stable") if "sentence_id" in frame else frame
    x = frame.get("sentence_id", frame.index).to_numpy(float)
    ax = ax or new_axes()
    ax.axhline(0, color="#4D4D4D", linewidth=0.8, zorder=1, gid="zero")
    peak = 0.0
    for column in present:
        y = frame[column].astype(float)
        color = _SCORE_COLORS.get(column)
        name = SCORE_LABELS.get(column, column)
        raw = ax.plot(x, y, color=color, linewidth=0.8, alpha=0.45, marker="o",
                      markersize=2.5, label=name if window == 1 else "_nolegend_",
                      gid=f"raw-{column}")[0]
        if window > 1:
            rolled = y.rolling(window, center=True, min_periods=1).mean()
            ax.plot(x, rolled, color=raw.get_color(), linewidth=2.0, label=name,
                    gid=f"rolling-{column}")
        peak = max(peak, float(np.nanmax(np.abs(y.to_numpy()))) if y.notna().any() else 0.0)
    limit = min(1.05, max(0.3, peak * 1.15))
    ax.set_ylim(-limit, limit)
    ax.set_xlim(x.min() - 0.6, x.max() + 0.6)
    integer_axis(ax.xaxis)
    ax.set_xlabel("Sentence number (reading order)")
    ax.set_ylabel("Sentiment (−1 negative to +1 positive)")
    handles, labels = ax.get_legend_handles_labels()
    if window > 1:  # what thick and thin lines mean, once for all scores
        from matplotlib.lines import Line2D

        handles += [Line2D([], [], color="#7F7F7F", linewidth=2.0),
                    Line2D([], [], color="#7F7F7F", linewidth=0.8, alpha=0.6, marker="o",
                           markersize=2.5)]
        labels += [f"mean of {window} sentences", "single sentences"]
    # Two columns at most: the legend must not be wider than a small figure.
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.16),
              ncol=2 if len(labels) > 1 else 1, handlelength=1.8)
    bands = sentence_bands(section_spans(analysis)) if sections else []
    section_strip(ax, bands, title)
    return ax


@register_chart("subjectivity", order=70, caption=(
    "TextBlob subjectivity against polarity, by quote type."
))
def plot_subjectivity(
    analysis: Analysis,
    *,
    title: str | None = "Subjectivity and polarity of sentences",
    ax: Axes | None = None,
) -> Axes:
    """Scatter of TextBlob subjectivity against polarity, one point per sentence.

    Points are coloured (and shaped) by ``quote_type`` when the sentences have it, so
    quoted opinion can be told apart from narration.

    Parameters
    ----------
    analysis : Analysis
        Needs ``polarity`` and ``subjectivity`` columns in ``analysis.sentences``.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One scatter collection per quote type present.

    Examples
    --------
    >>> from discourse import read_article
    >>> from discourse.analysis import Analysis
    >>> article = read_article("Talks\\n\\nIt was good. It was bad.")
    >>> frame = article.to_frame().assign(polarity=[0.0, 0.7, -0.7],
    ...                                   subjectivity=[0.0, 0.6, 0.67])
    >>> ax = plot_subjectivity(Analysis(article=article, sentences=frame))
    >>> len(ax.collections), ax.get_xlabel()
    (1, 'TextBlob polarity (−1 to +1)')
    """
    frame = sentence_rows(analysis)
    if not {"polarity", "subjectivity"} <= set(frame.columns) or frame.empty:
        raise missing_data("plot_subjectivity", "polarity and subjectivity columns",
                       "score the sentences with discourse.steps.sentiment.scoring.score_sentiment")
    ax = ax or new_axes()
    ax.axvline(0, color="#7F7F7F", linewidth=0.8, zorder=1)
    ax.axhline(0.5, color="#BFBFBF", linewidth=0.8, linestyle=(0, (4, 2)), zorder=1)
    if "quote_type" in frame:
        types = frame["quote_type"].fillna("none").astype(str)
        order = [t for t in (*SPEECH_TYPES, "none") if (types == t).any()]
        order += sorted(set(types) - set(order))
        for kind in order:
            part = frame[types == kind]
            label = "not quoted" if kind == "none" else f"{kind} quote"
            ax.scatter(part["polarity"], part["subjectivity"], s=30,
                       marker=_QUOTE_MARKERS.get(kind, "o"),
                       color=QUOTE_COLORS.get(kind, NEUTRAL), alpha=0.8, edgecolor="white",
                       linewidth=0.5, label=f"{label} ({len(part)})", gid=f"points-{kind}",
                       zorder=3)
        legend_outside(ax, title="Sentences")
    else:
        ax.scatter(frame["polarity"], frame["subjectivity"], s=30, color=POSITIVE, alpha=0.8,
                   edgecolor="white", linewidth=0.5, gid="points-all", zorder=3)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.04, 1.04)
    ax.set_xlabel("TextBlob polarity (−1 to +1)")
    ax.set_ylabel("TextBlob subjectivity (0 objective to 1 subjective)")
    if title:
        ax.set_title(title)
    return ax
