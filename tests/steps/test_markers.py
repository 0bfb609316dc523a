"""Tests for discourse.steps.markers: Hyland-style stance and engagement markers."""

from __future__ import annotations

import pytest

from discourse.errors import InvalidOptionError
from discourse.lexicon.resources import lexicon_path, load_lexicon
from discourse.steps.markers import MARKER_CATEGORIES, marker_rates, stance_markers
from discourse.text.reading import read_article

ARTICLE = """\
# Minister sets out policy

## Outlook

We believe the talks may perhaps succeed. Clearly, the ceasefire must hold.

## Appeal

Let us remember the victims. You know the cost. Unfortunately, I think it is late.
"""


def counts(sentence: str) -> dict[str, int]:
    row = stance_markers([sentence]).iloc[0]
    return {c: int(row[c]) for c in MARKER_CATEGORIES}


def test_columns():
    table = stance_markers(read_article(ARTICLE))
    assert list(table.columns[:3]) == ["sentence_id", "section_id", "paragraph_id"]
    assert {"n_words", *MARKER_CATEGORIES, "markers"} <= set(table.columns)


@pytest.mark.parametrize(
    ("sentence", "category", "expected"),
    [
        ("The talks may perhaps succeed, it seems.", "hedges", 3),
        ("Clearly, the ceasefire must hold; in fact it will.", "boosters", 3),
        ("Unfortunately, the result was surprising.", "attitude_markers", 2),
        ("We told them our view, and I agree with my colleagues.", "self_mentions", 4),
        ("Let us note that you know your rights.", "engagement_markers", 4),
        ("The ceasefire held on Monday.", "hedges", 0),
    ],
)
def test_counts_per_category(sentence, category, expected):
    assert counts(sentence)[category] == expected


def test_phrases_match_once_and_categories_overlap():
    row = stance_markers(["In fact, I think we must act."]).iloc[0]
    found = [(m["text"], m["category"]) for m in row["markers"]]
    assert ("In fact", "boosters") in found and ("fact", "boosters") not in found
    assert ("I think", "hedges") in found and ("I", "self_mentions") in found
    assert ("we must", "engagement_markers") in found and ("must", "boosters") in found


def test_offsets_point_into_article_text():
    art = read_article(ARTICLE)
    table = stance_markers(art)
    hits = [m for ms in table["markers"] for m in ms]
    assert len(hits) >= 10
    for hit in hits:
        assert art.text[hit["start"]:hit["end"]] == hit["text"]


def test_rates_per_section():
    art = read_article(ARTICLE)
    table = stance_markers(art)
    rates = marker_rates(art, by="section")
    assert rates["section_id"].tolist() == sorted(table["section_id"].unique())
    for row in rates.itertuples():
        part = table[table["section_id"] == row.section_id]
        assert row.n_words == part["n_words"].sum()
        assert row.hedges == part["hedges"].sum()
        if row.n_words:
            assert row.hedges_per_1000 == pytest.approx(
                1000 * row.hedges / row.n_words, abs=0.01)
    # A precomputed marker table gives the same rates.
    assert marker_rates(table, by="section").equals(rates)


def test_rates_for_the_article_and_paragraphs():
    whole = marker_rates(read_article(ARTICLE), by="article")
    assert len(whole) == 1 and "section_id" not in whole.columns
    paragraphs = marker_rates(read_article(ARTICLE), by="paragraph")
    assert paragraphs["n_words"].sum() == whole["n_words"].item()


def test_rates_by_section_need_sections():
    with pytest.raises(InvalidOptionError, match="section_id"):
        marker_rates(["We may agree."], by="section")
    with pytest.raises(InvalidOptionError):
        marker_rates(["We may agree."], by="chapter")  # type: ignore[arg-type]


def test_lexicon_is_documented_and_clean():
    text = lexicon_path("stance_markers.yaml").read_text(encoding="utf-8")
    assert "Hyland (2005)" in text
    lex = load_lexicon("stance_markers.yaml")
    for category in MARKER_CATEGORIES:
        words = lex[category]
        assert words and all(isinstance(w, str) and w == w.lower() for w in words)
        assert len(words) == len(set(words)), category
