"""Tests for discourse.steps.keywords: frequencies, KWIC, dispersion, keyness, co-occurrence."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from discourse.errors import EmptyInputError, InvalidLexiconError, InvalidOptionError
from discourse.steps.keywords import (
    keyness,
    keyword_cooccurrence,
    keyword_dispersion,
    keyword_frequencies,
    kwic,
)
from discourse.text.reading import read_article

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "tass_2017-04-04_lavrov_moscow_baku.txt"
CORPUS = ROOT / "data" / "corpus"

ARTICLE_TEXT = (
    "Peace talks resume in Geneva\n\n"
    "The talks on security resumed. The UN Security Council met.\n\n"
    "Cooperation ahead\n\n"
    "Both sides pledged cooperation and peace. Peace is near.\n"
)


@pytest.fixture(scope="module")
def article():
    return read_article(ARTICLE_TEXT)


def counts(table: pd.DataFrame) -> dict[tuple[object, str], tuple[int, int]]:
    """{(unit, category): (count, count_in_name)} summed over terms."""
    summed = table.groupby(["unit", "category"], sort=False)[["count", "count_in_name"]].sum()
    return {key: (int(c), int(n)) for key, (c, n) in summed.iterrows()}


# -- the seed article, counted by hand ----------------------------------------------------------

def test_seed_counts_by_section() -> None:
    art = read_article(SEED)
    frame = art.to_frame()
    front = frame.loc[frame.section_kind == "front", "section_id"].unique()
    body = frame.loc[frame.section_kind == "body", "section_id"].unique()
    assert len(front) == 1 and len(body) == 2
    table = keyword_frequencies(art, level="category")
    got = {(u, c): (n, k) for u, c, n, k in
           table[["unit", "category", "count", "count_in_name"]].itertuples(index=False)}
    # Title: "Moscow-Baku cooperation can ensure security"; standfirst: no keywords.
    assert got[(front[0], "peace")] == (0, 0)
    assert got[(front[0], "security")] == (1, 0)
    assert got[(front[0], "cooperation")] == (1, 0)
    # First body section: "peace and security", "strengthening peace, security and stability",
    # "Treaty of Amity, Cooperation and Mutual Security", and four lower-case cooperations.
    assert got[(body[0], "peace")] == (2, 0)
    assert got[(body[0], "security")] == (3, 1)
    assert got[(body[0], "cooperation")] == (5, 1)
    # Second: "peace and tranquility"; "in collaboration with" is not cooperation.
    assert got[(body[1], "peace")] == (1, 0)
    assert got[(body[1], "security")] == (0, 0)
    assert got[(body[1], "cooperation")] == (0, 0)
    assert set(table.loc[table.unit == front[0], "label"]) == {"front"}
    assert set(table.loc[table.unit == body[1], "label"]) == {"Nagorno-Karabakh conflict"}


def test_seed_kwic_offsets_point_into_the_article() -> None:
    art = read_article(SEED)
    table = kwic(art, ["secur*", "cooperat*", "peace*"])
    assert len(table) == 13
    for start, end, keyword in table[["start", "end", "keyword"]].itertuples(index=False):
        assert art.text[start:end] == keyword
    named = table.loc[table.in_name, "keyword"].tolist()
    assert named == ["Cooperation", "Security"]


# -- frequencies ----------------------------------------------------------------------------

def test_frequencies_by_section_with_rates(article) -> None:
    table = keyword_frequencies(article)
    assert list(table.columns) == ["unit", "label", "category", "term", "count", "count_in_name",
                                   "tokens", "rate_per_1000"]
    assert counts(table) == {
        (0, "peace"): (1, 0),
        (1, "security"): (2, 1),
        (2, "peace"): (2, 0),
        (2, "cooperation"): (1, 0),
    }
    row = table[(table.unit == 2) & (table.category == "peace")].iloc[0]
    assert row.term == "peace" and row.tokens == 9  # 6 + 3 tokens; the heading is not counted
    assert row.rate_per_1000 == pytest.approx(2 / 9 * 1000)
    assert row.label == "Cooperation ahead"
    assert table.loc[table.unit == 0, "label"].iloc[0] == "front"
    assert pd.isna(table.loc[table.unit == 1, "label"].iloc[0])


def test_frequencies_by_sentence_and_document() -> None:
    sentences = ["Peace and security matter.", "Security, security and peaceful cooperation!",
                 "Nothing here."]
    table = keyword_frequencies(sentences, by="sentence")
    rows = table[["unit", "term", "count", "tokens", "rate_per_1000"]].values.tolist()
    assert rows == [
        [0, "peace", 1, 4, 250.0], [0, "security", 1, 4, 250.0],
        [1, "peaceful", 1, 5, 200.0], [1, "security", 2, 5, 400.0],
        [1, "cooperation", 1, 5, 200.0],
    ]
    doc = keyword_frequencies(sentences, by="document")
    assert set(doc.tokens) == {11}
    assert doc.loc[doc.term == "security", "rate_per_1000"].item() == pytest.approx(3 / 11 * 1000)


def test_category_level_includes_zeros(article) -> None:
    table = keyword_frequencies(article, by="paragraph", level="category")
    assert len(table) == 3 * 3
    assert "term" not in table.columns
    zero = table[(table.unit == 1) & (table.category == "peace")].iloc[0]
    assert zero["count"] == 0 and zero.rate_per_1000 == 0.0


def test_corpus_input_mapping_and_pairs() -> None:
    corpus = {"a": "Peace now. The Security Council met.", "b": "No keywords here."}
    table = keyword_frequencies(corpus, by="document", level="category")
    assert counts(table)[("a", "security")] == (1, 1)
    assert counts(table)[("b", "peace")] == (0, 0)
    assert table.loc[table.unit == "a", "tokens"].iloc[0] == 6
    pairs = keyword_frequencies(list(corpus.items()), by="document", level="category")
    pd.testing.assert_frame_equal(table, pairs)
    with pytest.raises(InvalidOptionError, match="by='document'"):
        keyword_frequencies(corpus)
    with pytest.raises(InvalidOptionError, match="not a string"):
        keyword_frequencies({"a": 3}, by="document")


def test_stemming_groups_terms() -> None:
    table = keyword_frequencies(["Securing security, secured."], by="document", stem=True)
    assert table[["term", "count"]].values.tolist() == [["secur", 3]]


def test_custom_dictionary_with_phrase_and_exclusion() -> None:
    dictionary = {"security": {"include": ["secur*", "mutual security"],
                               "exclude": ["securities"]}}
    table = keyword_frequencies(["Mutual security, securities and secure borders."],
                                dictionary, by="sentence")
    assert table[["term", "count"]].values.tolist() == [["mutual security", 1], ["secure", 1]]


def test_phrase_does_not_cross_punctuation() -> None:
    table = keyword_frequencies(["Mutual, security."], {"s": ["mutual security"]}, by="sentence")
    assert table.empty


def test_frequency_option_errors() -> None:
    with pytest.raises(InvalidOptionError, match="by='chapter'"):
        keyword_frequencies(["Peace."], by="chapter")
    with pytest.raises(InvalidOptionError, match="section_id"):
        keyword_frequencies(["Peace."])  # a list of sentences has no sections
    with pytest.raises(InvalidOptionError, match="stem"):
        keyword_frequencies(["Peace."], by="sentence", stem="yes")


def test_corpus_counts_match_a_plain_regex_count() -> None:
    corpus = {f"{p.parent.name}/{p.stem}": p.read_text(encoding="utf-8")
              for p in sorted(CORPUS.glob("*/*.txt"))}
    assert len(corpus) == 124
    table = keyword_frequencies(corpus, by="document", level="category")
    assert table.unit.nunique() == 124
    peace = table[table.category == "peace"].set_index("unit")["count"]
    for name in ("inaugural/1961-Kennedy", "state_union/1990-Bush"):
        text = corpus[name].lower().replace("’", "'")
        assert peace[name] == len(re.findall(r"(?<![\w'.-])peace", text))


# -- KWIC -----------------------------------------------------------------------------------

def test_kwic_context_and_offsets(article) -> None:
    table = kwic(article, "secur*", window=2)
    assert list(table.columns) == ["sentence_id", "section_id", "category", "left", "keyword",
                                   "right", "start", "end", "in_name"]
    assert table[["left", "keyword", "right", "in_name"]].values.tolist() == [
        ["talks on", "security", "resumed", False],
        ["The UN", "Security", "Council met", True],
    ]
    for start, end, keyword in table[["start", "end", "keyword"]].itertuples(index=False):
        assert ARTICLE_TEXT[start:end] == keyword


def test_kwic_phrase_keyword_and_corpus() -> None:
    table = kwic({"d": "The Mutual  Security treaty."}, "mutual security", window=1)
    assert table[["document", "left", "keyword", "right", "start", "end"]].values.tolist() == [
        ["d", "The", "Mutual  Security", "treaty", 4, 20]]
    assert kwic(["No hits."], "peace*").empty
    with pytest.raises(InvalidOptionError, match="window"):
        kwic(["Peace."], "peace", window=-1)
    with pytest.raises(InvalidLexiconError, match="empty pattern"):
        kwic(["Peace."], " ")


# -- dispersion -----------------------------------------------------------------------------

def test_dispersion_positions(article) -> None:
    table = keyword_dispersion(article)
    columns = ["category", "token_index", "sentence_id", "section_id", "in_name"]
    assert table[columns].values.tolist() == [
        ["peace", 0, 0, 0, False],
        ["security", 8, 1, 1, False],
        ["security", 12, 2, 1, True],
        ["cooperation", 18, 3, 2, False],
        ["peace", 20, 3, 2, False],
        ["peace", 21, 4, 2, False],
    ]
    assert table.position.tolist() == pytest.approx([i / 24 for i in (0, 8, 12, 18, 20, 21)])
    for start, end, term in table[["start", "end", "term"]].itertuples(index=False):
        assert ARTICLE_TEXT[start:end].lower() == term


def test_dispersion_per_document_in_a_corpus() -> None:
    table = keyword_dispersion({"a": "peace now", "b": "war then peace"})
    assert table[["document", "token_index", "position"]].values.tolist() == [
        ["a", 0, 0.0], ["b", 2, pytest.approx(2 / 3)]]


# -- co-occurrence --------------------------------------------------------------------------

def test_cooccurrence_counts_sentences() -> None:
    sentences = ["Peace and security, security.", "Security first.", "Cooperation for peace.",
                 "The Security Council and peace."]
    table = keyword_cooccurrence(sentences)
    assert list(table.columns) == ["peace", "security", "cooperation"]
    assert table.values.tolist() == [[3, 2, 1], [2, 3, 0], [1, 0, 1]]
    no_names = keyword_cooccurrence(sentences, exclude_names=True)
    assert no_names.loc["security", "peace"] == 1


# -- keyness --------------------------------------------------------------------------------

def g2_by_hand(a: float, b: float, c: float, d: float) -> float:
    n = a + b + c + d
    cells = [(a, (a + b) * (a + c) / n), (b, (a + b) * (b + d) / n),
             (c, (a + c) * (c + d) / n), (d, (b + d) * (c + d) / n)]
    g2 = 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)
    return g2 if a > (a + b) * (a + c) / n else -g2


def test_keyness_chi2_by_hand() -> None:
    # target 4 tokens: peace x3, talks x1; reference 4 tokens: war x2, talks x2 (N = 8).
    target, reference = "peace peace peace talks", "war war talks talks"
    plain = keyness(target, reference, correction="none").set_index("feature")
    # peace: a=3 b=0 c=1 d=4 -> 8 * 12^2 / (3*5*4*4) = 4.8, over-represented in the target.
    assert plain.loc["peace", "statistic"] == pytest.approx(4.8)
    assert plain.loc["talks", "statistic"] == pytest.approx(-8 * 4**2 / 240)
    assert plain.loc["war", "statistic"] == pytest.approx(-8 * 8**2 / 192)
    assert plain.loc["peace", "p_value"] == pytest.approx(math.erfc(math.sqrt(4.8 / 2)))
    assert plain.loc["peace", ["n_target", "n_reference"]].tolist() == [3, 0]
    # Yates (quanteda default): an expected cell < 5 and |ad - bc| >= N/2 -> |ad-bc| - N/2.
    yates = keyness(target, reference).set_index("feature")
    assert yates.loc["peace", "statistic"] == pytest.approx(8 * (12 - 4) ** 2 / 240)
    assert yates.loc["talks", "statistic"] == pytest.approx(0.0)
    assert yates.loc["war", "statistic"] == pytest.approx(-8 * (8 - 4) ** 2 / 192)
    # Williams: divided by q (no zero cell for "talks": a=1 b=2 c=3 d=2).
    q = 1 + (8 / 3 + 8 / 5 - 1) * (8 / 4 + 8 / 4 - 1) / (6 * 8)
    williams = keyness(target, reference, correction="williams").set_index("feature")
    assert williams.loc["talks", "statistic"] == pytest.approx(-8 * 16 / 240 / q)


def test_keyness_yates_skipped_when_expected_counts_are_large() -> None:
    target = " ".join(["peace"] * 30 + ["other"] * 70)
    reference = " ".join(["peace"] * 10 + ["other"] * 90)
    table = keyness(target, reference).set_index("feature")
    a, b, c, d = 30, 10, 70, 90
    expected = 200 * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    assert table.loc["peace", "statistic"] == pytest.approx(expected)


def test_keyness_log_likelihood_by_hand() -> None:
    target, reference = "peace peace peace talks", "war war talks talks"
    table = keyness(target, reference, measure="lr", correction="none").set_index("feature")
    assert table.loc["peace", "statistic"] == pytest.approx(g2_by_hand(3, 0, 1, 4), rel=1e-6)
    assert table.loc["talks", "statistic"] == pytest.approx(g2_by_hand(1, 2, 3, 2), rel=1e-6)
    assert table.loc["war", "statistic"] == pytest.approx(g2_by_hand(0, 2, 4, 2), rel=1e-6)
    assert table.loc["war", "statistic"] < 0
    # Yates for lr moves each cell 0.5 toward independence: peace becomes 2.5, 0.5, 1.5, 3.5.
    yates = keyness(target, reference, measure="lr").set_index("feature")
    assert yates.loc["peace", "statistic"] == pytest.approx(g2_by_hand(2.5, 0.5, 1.5, 3.5),
                                                            rel=1e-6)


def test_keyness_matches_scipy_contingency() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    target = "peace security peace talks talks war " * 3
    reference = "war war talks security security trade " * 5
    table = keyness(target, reference, correction="none").set_index("feature")
    lr = keyness(target, reference, measure="lr", correction="none").set_index("feature")
    t_total, r_total = 18, 30
    for feature, row in table.iterrows():
        a, b = row.n_target, row.n_reference
        observed = [[a, b], [t_total - a, r_total - b]]
        chi2 = scipy_stats.chi2_contingency(observed, correction=False)[0]
        g = scipy_stats.chi2_contingency(observed, correction=False, lambda_="log-likelihood")[0]
        assert abs(row.statistic) == pytest.approx(chi2)
        assert abs(lr.loc[feature, "statistic"]) == pytest.approx(g, rel=1e-6)


def test_keyness_sections_categories_and_sorting(article) -> None:
    frame = article.to_frame()
    table = keyness(frame[frame.section_id == 2], frame[frame.section_id == 1],
                    features="categories", correction="none")
    assert table.feature.tolist() == ["peace", "cooperation", "security"]
    # peace: a=2 of 9 tokens in section 2, b=0 of 10 in section 1 (N = 19).
    a, b, c, d = 2, 0, 7, 10
    expected = 19 * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    assert table.statistic.iloc[0] == pytest.approx(expected)
    assert table.attrs["measure"] == "chi2"
    ties = keyness("b a", "c d", correction="none")
    assert ties.feature.tolist() == ["a", "b", "c", "d"]  # equal statistics: alphabetical


def test_keyness_stopwords_stems_and_errors() -> None:
    table = keyness("the securing of the secured", "the war", remove_stopwords=True, stem=True)
    assert table.feature.tolist() == ["secur", "war"]
    assert table.n_target.tolist() == [2, 0]
    with pytest.raises(EmptyInputError, match="reference"):
        keyness("peace", "...")
    with pytest.raises(InvalidOptionError, match="measure"):
        keyness("peace", "war", measure="pmi")
