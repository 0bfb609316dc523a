"""What the charts read from an analysis: section spans and keyword categories."""

from __future__ import annotations

from discourse.analysis import Analysis
from discourse.lexicon.dictionary import default_dictionary
from discourse.text.reading import read_article
from discourse.views import category_order, keyword_dictionary, section_spans
from tests.plots.test_plots import TEXT, build_analysis


def test_section_spans_label_front_lead_and_headings():
    spans = section_spans(build_analysis(full=False))
    assert [s.label for s in spans] == ["Front", "Lead", "Security guarantees", "Next steps"]
    assert [(s.first, s.last) for s in spans] == [(0, 1), (2, 4), (5, 7), (8, 9)]
    assert [s.rows for s in spans] == [(0, 2), (2, 5), (5, 8), (8, 10)]


def test_section_spans_without_headings_is_one_body():
    article = read_article("Talks resume\n\nThe talks resumed. Both sides met.")
    spans = section_spans(Analysis(article=article, sentences=article.to_frame()))
    assert [s.label for s in spans] == ["Front", "Body"]


def test_categories_follow_the_dictionary_the_analysis_used():
    custom = build_analysis(keywords={"talks": ["talk*"], "deals": ["deal*"]})
    assert category_order(custom)[:2] == ["talks", "deals"]
    assert keyword_dictionary(custom, None).categories == ("talks", "deals")
    assert keyword_dictionary(custom, "mine") == "mine"
    default = list(default_dictionary().categories)
    assert category_order(build_analysis(full=False))[: len(default)] == default


def test_an_analysis_without_a_dictionary_resource_is_not_guessed():
    article = read_article(TEXT)
    described = Analysis(article=article, sentences=article.to_frame(),
                         params={"keywords": "peace.yaml"})
    assert keyword_dictionary(described, None) is None
    assert category_order(described, ["found"]) == ["found"]
