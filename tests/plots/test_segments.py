"""Topic segment chart: the timeline of segments over the sentences."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from discourse import plots
from discourse.analysis import Analysis
from discourse.errors import MissingDataError
from tests.plots.test_plots import (
    by_gid,
    tick_texts,
)


def test_segments_timeline(analysis):
    ax = plots.plot_segments(analysis)
    segments = analysis.segments
    bars = by_gid(ax.patches, "segments")
    assert len(bars) == len(segments)
    first = bars[0]
    assert first.get_x() == pytest.approx(segments.first_sentence[0] - 0.5)
    assert first.get_width() == pytest.approx(segments.n_sentences[0])
    labels = tick_texts(ax.get_yticklabels())
    assert labels[1] == f"1  {segments.label[1]}"
    assert len(by_gid(ax.get_lines(), "section-boundary")) == 3
    assert ax.get_legend() is not None


def test_segments_without_a_category_are_grey(analysis):
    segments = analysis.segments.assign(keyword_category=None)
    tables = {**analysis.tables, "segments": segments}
    ax = plots.plot_segments(Analysis(article=analysis.article, sentences=analysis.sentences,
                                      tables=tables))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["no keyword"]
    assert {tuple(bar.get_facecolor()) for bar in by_gid(ax.patches, "segments")} == {
        tuple(matplotlib.colors.to_rgba("#BFBFBF"))}


def test_segments_missing_raises(analysis):
    tables = {k: v for k, v in analysis.tables.items() if k != "segments"}
    with pytest.raises(MissingDataError, match="segment_topics"):
        plots.plot_segments(Analysis(article=analysis.article, sentences=analysis.sentences,
                                     tables=tables))
