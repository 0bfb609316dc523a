"""Keyword charts: rates by section and the dispersion (x-ray) plot."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from discourse import plots
from discourse.analysis import Analysis
from discourse.errors import InvalidOptionError, MissingDataError
from discourse.steps.keywords import keyword_dispersion
from discourse.text.reading import read_article
from tests.plots.test_plots import (
    TEXT,
    build_analysis,
    by_gid,
    long_headed_text,
    tick_texts,
)


def test_keyword_rates_one_bar_per_section_and_category(analysis):
    ax = plots.plot_keyword_rates(analysis)
    table = analysis.keywords
    categories = ["peace", "security", "cooperation"]
    for category in categories:
        bars = by_gid(ax.patches, f"rate-{category}")
        assert len(bars) == 4  # every section, zeros included
        expected = []
        for unit in range(4):
            rows = table[(table.unit == unit) & (table.category == category)]
            expected.append(float(rows["rate_per_1000"].sum()) if len(rows) else 0.0)
        assert [b.get_height() for b in bars] == pytest.approx(expected)
    labels = tick_texts(ax.get_xticklabels())
    assert labels[0].startswith("Front") and "(16 words)" in labels[0]
    assert labels[2].startswith("Security")
    assert ax.get_ylabel() == "Keyword rate (per 1,000 words)"
    assert [t.get_text() for t in ax.get_legend().get_texts()][:3] == categories
    # "Security Council" is a hit inside a name: its share of the bar is hatched.
    assert len(by_gid(ax.patches, "in-name-security")) == 4
    # Hit counts above the bars; none written for empty bars.
    written = [t.get_text() for t in ax.texts]
    assert "2" in written and "0" not in written


def test_keyword_rates_can_drop_hits_in_names(analysis):
    full = plots.plot_keyword_rates(analysis)
    heights = [b.get_height() for b in by_gid(full.patches, "rate-security")]
    ax = plots.plot_keyword_rates(analysis, exclude_names=True)
    dropped = [b.get_height() for b in by_gid(ax.patches, "rate-security")]
    assert dropped[2] == pytest.approx(heights[2] / 2)  # 1 of 2 hits is in a name
    assert not by_gid(ax.patches, "in-name")
    assert "proper names excluded" in ax.get_title()


def test_keyword_rates_without_table_raises():
    article = read_article(TEXT)
    empty = Analysis(article=article, sentences=article.to_frame())
    with pytest.raises(MissingDataError, match="keyword"):
        plots.plot_keyword_rates(empty)


def test_keyword_rates_rejects_a_non_boolean_option(analysis):
    with pytest.raises(InvalidOptionError, match="exclude_names"):
        plots.plot_keyword_rates(analysis, exclude_names="yes")


def test_many_sections_keyword_labels_slant():
    many = build_analysis(long_headed_text(8), full=False)
    ax = plots.plot_keyword_rates(many)
    labels = ax.get_xticklabels()
    assert len(labels) == 9
    assert all(t.get_rotation() == 35 for t in labels)


def test_dispersion_one_row_per_category_with_counts(analysis):
    ax = plots.plot_dispersion(analysis)
    hits = keyword_dispersion(analysis.sentences)
    counts = hits["category"].value_counts()
    assert tick_texts(ax.get_yticklabels()) == [
        f"{c} ({counts[c]})" for c in ("peace", "security", "cooperation")]
    drawn = sum(len(c.get_segments()) for c in ax.collections
                if (c.get_gid() or "").startswith(("hits-", "in-name-")))
    assert drawn == len(hits)
    assert by_gid(ax.collections, "in-name-security")  # Security Council
    xs = sorted(seg[0][0] for c in by_gid(ax.collections, "hits-peace")
                for seg in c.get_segments())
    assert xs == sorted(hits.loc[(hits.category == "peace") & ~hits.in_name, "token_index"])
    assert len(by_gid(ax.get_lines(), "section-boundary")) == 3
    assert "word tokens" in ax.get_xlabel()


def test_dispersion_relative_positions_and_terms(analysis):
    ax = plots.plot_dispersion(analysis, position="relative", by="term")
    assert ax.get_xlim() == (0, 100)
    assert "%" in ax.get_xlabel()
    assert "peace: peace (3)" in tick_texts(ax.get_yticklabels())


def test_dispersion_uses_the_analysis_dictionary():
    custom = build_analysis(keywords={"talks": ["talk*"]})
    ax = plots.plot_dispersion(custom)
    assert tick_texts(ax.get_yticklabels()) == ["talks (3)"]


def test_dispersion_without_hits_raises(analysis):
    with pytest.raises(MissingDataError, match="keyword hits"):
        plots.plot_dispersion(analysis, dictionary={"absent": ["zebra*"]})
