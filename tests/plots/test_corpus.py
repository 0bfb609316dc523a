"""Corpus chart: keyword rates across documents or years."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from discourse import plots
from discourse.errors import InvalidOptionError, MissingDataError
from tests.plots.test_plots import by_gid, tick_texts


def corpus_table() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c"],
        "year": [2001, 2001, 2002, 2002, 2002],
        "unit": [0, 0, 0, 0, 1],
        "category": ["peace", "war", "peace", "peace", "peace"],
        "count": [2, 1, 4, 3, 3],
        "tokens": [1000, 1000, 1000, 500, 500],
        "rate_per_1000": [2.0, 1.0, 4.0, 6.0, 6.0],
    })


def test_corpus_rates_by_year_average_documents():
    ax = plots.plot_corpus_keyword_rates(corpus_table())
    lines = {line.get_label(): line for line in ax.get_lines()}
    # Doc c: 6 hits in 1,000 tokens (two units of 500) -> 6; 2002 = mean(4, 6) = 5.
    assert list(lines["peace"].get_ydata()) == pytest.approx([2.0, 5.0])
    assert list(lines["war"].get_ydata()) == pytest.approx([1.0, 0.0])
    assert list(lines["peace"].get_xdata()) == [2001, 2002]
    assert "SE" in ax.get_ylabel() and "per 1,000 words" in ax.get_ylabel()
    assert ax.collections  # the ±1 SE band


def test_corpus_rates_by_document_as_bars():
    table = corpus_table().drop(columns=["count", "tokens"]).iloc[:3]
    ax = plots.plot_corpus_keyword_rates(table, x="doc_id", categories=["peace"])
    bars = by_gid(ax.patches, "rate-peace")
    assert [b.get_height() for b in bars] == pytest.approx([2.0, 4.0])
    assert tick_texts(ax.get_xticklabels()) == ["a", "b"]
    assert ax.get_xlabel() == "Document"


def test_corpus_rates_need_columns():
    with pytest.raises(MissingDataError, match="year"):
        plots.plot_corpus_keyword_rates(pd.DataFrame({"category": ["x"], "count": [1]}))


def test_corpus_rates_reject_what_is_not_a_table():
    with pytest.raises(InvalidOptionError, match="DataFrame"):
        plots.plot_corpus_keyword_rates([{"year": 2001}])
