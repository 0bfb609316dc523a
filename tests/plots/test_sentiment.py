"""Sentiment charts: the arc through the article and the subjectivity scatter."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from discourse import plots
from discourse.errors import InvalidOptionError, MissingDataError
from tests.plots.test_plots import (
    POLARITY,
    SCORE,
    SUBJECTIVITY,
    build_analysis,
    by_gid,
    section_labels,
)


def test_sentiment_arc_draws_raw_and_rolling_lines_with_sections(analysis):
    ax = plots.plot_sentiment_arc(analysis)
    gids = [line.get_gid() for line in ax.get_lines()]
    for column in ("polarity", "sentiment_score"):
        assert f"raw-{column}" in gids and f"rolling-{column}" in gids
    raw = by_gid(ax.get_lines(), "raw-sentiment_score")[0]
    assert list(raw.get_xdata()) == list(range(10))
    assert list(raw.get_ydata()) == SCORE
    rolling = by_gid(ax.get_lines(), "rolling-polarity")[0].get_ydata()
    assert rolling[4] == pytest.approx((0.5 - 0.6 + 0.0) / 3)
    # Four sections: three boundaries, between sentences 1|2, 4|5 and 7|8.
    bounds = sorted(line.get_xdata()[0] for line in by_gid(ax.get_lines(), "section-boundary"))
    assert bounds == [1.5, 4.5, 7.5]
    assert {"Security guarantees", "Next steps"} <= set(section_labels(ax))
    assert ax.get_xlabel() == "Sentence number (reading order)"
    assert "−1 negative to +1 positive" in ax.get_ylabel()
    low, high = ax.get_ylim()
    assert low == -high and high >= 0.7


def test_sentiment_arc_window_one_has_no_rolling_line(analysis):
    ax = plots.plot_sentiment_arc(analysis, window=1, sections=False)
    assert not by_gid(ax.get_lines(), "rolling")
    assert not by_gid(ax.get_lines(), "section-boundary")
    assert not section_labels(ax)


def test_sentiment_arc_draws_only_the_columns_present():
    only_polarity = build_analysis(full=False, polarity=POLARITY)
    ax = plots.plot_sentiment_arc(only_polarity)
    assert {line.get_gid() for line in by_gid(ax.get_lines(), "r")} == {
        "raw-polarity", "rolling-polarity"}


def test_sentiment_arc_rolling_line_keeps_the_raw_colour(analysis):
    ax = plots.plot_sentiment_arc(analysis, scores=("vader_compound", "other"))
    raw, rolling = by_gid(ax.get_lines(), "raw-"), by_gid(ax.get_lines(), "rolling-")
    assert [line.get_gid() for line in raw] == ["raw-vader_compound"]
    assert rolling[0].get_color() == raw[0].get_color()
    assert rolling[0].get_label() == "VADER compound"


def test_sentiment_arc_without_scores_raises(bare):
    with pytest.raises(MissingDataError, match="score_sentiment"):
        plots.plot_sentiment_arc(bare)


def test_sentiment_arc_rejects_bad_window(analysis):
    with pytest.raises(InvalidOptionError, match="window"):
        plots.plot_sentiment_arc(analysis, window=0)


def test_subjectivity_scatter_one_collection_per_quote_type(analysis):
    ax = plots.plot_subjectivity(analysis)
    collections = {c.get_gid(): len(c.get_offsets()) for c in ax.collections}
    assert collections == {"points-direct": 2, "points-indirect": 3, "points-none": 5}
    assert ax.get_xlabel() == "TextBlob polarity (−1 to +1)"
    assert "subjectivity" in ax.get_ylabel()
    assert ax.get_legend() is not None


def test_subjectivity_without_quote_types_is_one_collection():
    ax = plots.plot_subjectivity(build_analysis(full=False, polarity=POLARITY,
                                                subjectivity=SUBJECTIVITY))
    assert [c.get_gid() for c in ax.collections] == ["points-all"]


def test_subjectivity_needs_both_columns(bare):
    with pytest.raises(MissingDataError, match="subjectivity"):
        plots.plot_subjectivity(bare)
