"""Speaker chart: sentences attributed to each speaker, by quote type."""

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


def test_speakers_stacked_by_quote_type(analysis):
    ax = plots.plot_speakers(analysis)
    names = tick_texts(ax.get_yticklabels())
    assert names[0] == "Ann Lee, foreign minister"  # most quoted first
    assert len(names) == 4
    for kind in ("direct", "indirect", "mixed"):
        assert len(by_gid(ax.patches, f"speech-{kind}")) == 4
    assert by_gid(ax.patches, "speech-direct")[0].get_width() == 2
    assert ax.get_xlabel() == "Sentences attributed (count)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct", "indirect"]
    assert [t.get_text() for t in ax.texts] == ["2", "1", "1", "1"]  # totals


def test_speakers_from_sentence_columns_and_top(analysis):
    tables = {k: v for k, v in analysis.tables.items() if k != "speakers"}
    from_columns = Analysis(article=analysis.article, sentences=analysis.sentences,
                            tables=tables)
    ax = plots.plot_speakers(from_columns, top=2)
    assert tick_texts(ax.get_yticklabels())[0] == "Ann Lee"
    assert len(by_gid(ax.patches, "speech-direct")) == 2
    assert "top 2 of 4" in ax.get_title()


def test_speakers_missing_raises(bare):
    with pytest.raises(MissingDataError):
        plots.plot_speakers(bare)
