"""Stance chart: the targets × sections heatmap and the diverging bars."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from discourse import plots
from discourse.analysis import Analysis
from discourse.errors import MissingDataError
from tests.plots.test_plots import (
    build_analysis,
    by_gid,
    tick_texts,
)


def test_stance_heatmap_targets_by_sections(analysis):
    ax = plots.plot_stance(analysis)
    image = by_gid(ax.images, "stance-heatmap")[0]
    net = image.get_array()
    assert net.shape == (2, 4)
    # Section 1 (3 sentences): peace favoured twice -> 2/3; section 2: plan +1 of 3.
    assert net[0, 1] == pytest.approx(2 / 3)
    assert net[1, 1] == pytest.approx(-1 / 3)
    assert net[1, 2] == pytest.approx(1 / 3)
    assert tick_texts(ax.get_yticklabels()) == ["peace", "plan"]
    cells = [t.get_text() for t in by_gid(ax.texts, "stance-count")]
    assert cells.count("+2") == 1 and "−1" in cells
    assert len(ax.figure.axes) == 2  # the colour bar


def test_stance_bars_and_wide_columns_agree(analysis):
    ax = plots.plot_stance(analysis, kind="bars")
    favor = [b.get_width() for b in by_gid(ax.patches, "stance-favor")]
    against = [b.get_width() for b in by_gid(ax.patches, "stance-against")]
    assert favor == [3, 1] and against == [0, -1]
    assert [t.get_text() for t in ax.texts] == ["3", "1", "", "1"]
    # Without the long table the stance_<target> columns give the same chart.
    tables = {k: v for k, v in analysis.tables.items() if k != "stance"}
    wide = Analysis(article=analysis.article, sentences=analysis.sentences, tables=tables)
    ax2 = plots.plot_stance(wide, kind="bars")
    assert [b.get_width() for b in by_gid(ax2.patches, "stance-favor")] == favor
    assert "against" in ax.get_xlabel() and "favor" in ax.get_xlabel()


def test_stance_ignores_score_columns_and_needs_data(bare):
    scores_only = build_analysis(full=False, stance_score_peace=[0.1] * 10)
    for candidate in (bare, scores_only):
        with pytest.raises(MissingDataError, match="stance"):
            plots.plot_stance(candidate)
