"""Shared drawing: section strips whose labels fit and never overlap."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import pytest

from discourse import plots
from tests.plots.test_plots import (
    build_analysis,
    by_gid,
    long_headed_text,
    section_labels,
)


@pytest.mark.parametrize("draw", [plots.plot_sentiment_arc, plots.plot_segments,
                                  plots.plot_dispersion])
def test_section_labels_never_overlap(draw):
    many = build_analysis(long_headed_text(12), full=False,
                          polarity=[0.1] * 25, sentiment_score=[0.2] * 25)
    ax = draw(many)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in by_gid(ax.texts, "section-label")
             if t.get_visible()]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    if draw is plots.plot_sentiment_arc:
        assert len(boxes) >= 6
        shortened = [t for t in section_labels(ax) if t.endswith("…")]
        assert shortened, "long headings are shortened to fit"
    assert len(by_gid(ax.get_lines(), "section-boundary")) == 12
