"""Tests of discourse.steps.topics.topics: labelled topic segments and corpus NMF topics."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse.errors import InvalidLexiconError, InvalidOptionError
from discourse.steps.topics.topics import (
    SEGMENT_COLUMNS,
    corpus_topics,
    segment_ids,
    segment_topics,
    segments_with_ids,
)
from discourse.text.tokens import stopwords

FRONT = [
    "Minister says energy and border talks can ensure security",
    "The foreign minister hopes both neighbours will settle the border conflict",
]
# Two body sections like a news agency report: 13 and 14 sentences in 5 and 6 paragraphs,
# each drifting from one subject to another.
SECTION_ONE = [
    ["The two countries signed a new gas pipeline agreement on Tuesday.",
     "The pipeline will carry gas from the Caspian fields to southern ports.",
     "Energy ministers said gas exports through the pipeline would double."],
    ["Construction of the pipeline starts next year.",
     "Engineers expect the gas pipeline to be finished within three years.",
     "Energy companies from both countries will share the pipeline costs."],
    ["Trade between the neighbours grew by a fifth last year.",
     "Exports of grain, cars and machinery drove the trade growth."],
    ["Universities will exchange students and teachers under a new programme.",
     "Students will study the language and literature of the neighbouring country.",
     "Teachers said language schools were opening in several cities."],
    ["A festival of film and music will celebrate the cultural ties.",
     "Theatres and museums will host the festival exhibitions in the autumn."],
]
SECTION_TWO = [
    ["Fighting flared again along the disputed border this week.",
     "Soldiers exchanged fire near two border villages overnight."],
    ["Shelling damaged houses in the border villages, officials reported.",
     "The army said two soldiers were wounded in the fighting."],
    ["Mediators urged both sides to return to negotiations.",
     "The mediators proposed a new round of negotiations in Vienna.",
     "Diplomats said the negotiations could start next month."],
    ["A ceasefire agreement was reached after the negotiations in the spring.",
     "Monitors will observe the ceasefire along the line of contact."],
    ["Thousands of refugees have fled the villages since the fighting began.",
     "Aid agencies are sending food, tents and medicine to the refugees."],
    ["The refugees hope to return home before winter.",
     "Aid workers said the camps for refugees were overcrowded.",
     "Donors pledged more aid for the refugees and their families."],
]


def _article_frame(front=FRONT, sections=(SECTION_ONE, SECTION_TWO)) -> pd.DataFrame:
    rows = [(0, "front", p, kind, text)
            for p, (kind, text) in enumerate(zip(("title", "standfirst"), front, strict=False))]
    paragraph = len(rows)
    for section_id, section in enumerate(sections, start=1):
        for sentences in section:
            rows += [(section_id, "body", paragraph, "body", s) for s in sentences]
            paragraph += 1
    frame = pd.DataFrame(
        rows, columns=["section_id", "section_kind", "paragraph_id", "kind", "text"]
    )
    return frame.assign(sentence_id=range(len(frame)))


@pytest.fixture(scope="module")
def article() -> pd.DataFrame:
    return _article_frame()


@pytest.fixture(scope="module")
def table(article) -> pd.DataFrame:
    return segment_topics(article)


def test_fixture_has_the_shape_of_a_news_report(article):
    body = article[article["section_kind"] == "body"]
    assert body.groupby("section_id").size().tolist() == [13, 14]
    assert body.groupby("section_id")["paragraph_id"].nunique().tolist() == [5, 6]


def test_columns_and_ids(table):
    assert table.columns.tolist() == list(SEGMENT_COLUMNS)
    assert table["segment_id"].tolist() == list(range(len(table)))
    assert (table["n_sentences"] == table["last_sentence"] - table["first_sentence"] + 1).all()


def test_segments_tile_the_article_without_crossing_sections(article, table):
    # Consecutive, non-overlapping, covering every sentence.
    assert table["first_sentence"].iloc[0] == 0
    assert table["last_sentence"].iloc[-1] == article["sentence_id"].iloc[-1]
    assert (table["first_sentence"].iloc[1:].to_numpy()
            == table["last_sentence"].iloc[:-1].to_numpy() + 1).all()
    section_of = dict(zip(article["sentence_id"], article["section_id"], strict=True))
    for row in table.itertuples():
        assert section_of[row.first_sentence] == section_of[row.last_sentence] == row.section_id


def test_front_matter_is_one_segment(table):
    front = table[table["section_id"] == 0]
    assert front[["first_sentence", "last_sentence"]].values.tolist() == [[0, 1]]


def test_each_body_section_gets_two_to_six_segments_on_paragraph_breaks(article, table):
    paragraph_starts = set(
        article.loc[article["paragraph_id"].diff().fillna(1) != 0, "sentence_id"]
    )
    counts = table[table["section_id"] > 0].groupby("section_id").size()
    assert counts.between(2, 6).all(), counts.to_dict()
    assert set(table["first_sentence"]) <= paragraph_starts


def test_subjects_are_separated(article, table):
    # The pipeline and the culture paragraphs, the fighting and the refugee paragraphs,
    # end up in different segments.
    ids = segment_ids(article, table)
    assert ids.iloc[2] != ids.iloc[11]
    assert ids.iloc[15] != ids.iloc[-1]


def test_labels_are_two_or_three_content_words(table):
    stops = stopwords()
    for label, terms in zip(table["label"], table["top_terms"], strict=True):
        words = label.split(", ")
        assert 2 <= len(words) <= 3, label
        assert not {w.lower() for w in words} & stops, label
        assert terms.startswith(label)
    assert any("pipeline" in label for label in table["label"])
    assert any("refugees" in label for label in table["label"])


def test_reporting_verbs_stay_out_of_labels(table):
    assert not any(w in ("said", "reported") for t in table["top_terms"] for w in t.split(", "))


def test_keyword_category_default_and_custom(article, table):
    assert table.loc[0, "keyword_category"] == "security"
    assert table["keyword_category"].isna().any()
    custom = segment_topics(article, dictionary={"energy": ["energ*", "gas"],
                                                 "migration": ["refugee*"]})
    assert custom.loc[1, "keyword_category"] == "energy"
    assert custom["keyword_category"].iloc[-1] == "migration"
    no_hits = segment_topics(article, dictionary={"space": ["astronaut*"]})
    assert no_hits["keyword_category"].isna().all()


def test_keyword_category_accepts_yaml_text(article):
    table = segment_topics(article, dictionary="energy:\n  - energ*\n  - gas\n")
    assert table.loc[1, "keyword_category"] == "energy"


def test_keyword_category_honours_exclusions_phrases_and_order():
    finance = ["Securities markets fell.", "Traders sold securities."]
    security = {"security": {"include": ["secur*"], "exclude": ["securities"]}}
    assert segment_topics(finance, dictionary=security)["keyword_category"].tolist() == [None]
    assert segment_topics(finance, dictionary={"security": ["secur*"]})[
        "keyword_category"].tolist() == ["security"]
    # "border talks" counts as a phrase only where its words are joined by a space.
    phrases = {"talks": ["border talks"], "energy": ["gas"]}
    talks = segment_topics(["Gas and border talks resumed.", "Border talks went on."],
                           dictionary=phrases)
    assert talks["keyword_category"].tolist() == ["talks"]
    apart = segment_topics(["Gas and border, talks resumed."], dictionary=phrases)
    assert apart["keyword_category"].tolist() == ["energy"]
    # A tie goes to the category listed first.
    tie = ["Peace talks resumed."]
    assert segment_topics(tie, dictionary={"a": ["peace"], "b": ["talks"]})[
        "keyword_category"].tolist() == ["a"]
    assert segment_topics(tie, dictionary={"b": ["talks"], "a": ["peace"]})[
        "keyword_category"].tolist() == ["b"]


@pytest.mark.parametrize("dictionary", [["peace*"], {}, {"peace": []}, {"peace": [3]}])
def test_bad_dictionaries_raise(article, dictionary):
    with pytest.raises(InvalidLexiconError):
        segment_topics(article, dictionary=dictionary)


def test_front_can_be_skipped(article):
    table = segment_topics(article, front="skip")
    assert 0 not in set(table["section_id"])
    ids = segment_ids(article, table)
    assert ids.iloc[:2].isna().all()
    assert ids.iloc[2:].notna().all()
    assert str(ids.dtype) == "Int64"


def test_n_segments_applies_to_each_body_section(article):
    table = segment_topics(article, n_segments=3)
    assert table[table["section_id"] > 0].groupby("section_id").size().tolist() == [3, 3]


def test_segment_ids_align_with_the_sentence_table(article, table):
    ids = segment_ids(article, table)
    assert ids.index.equals(article.index)
    assert ids.name == "segment_id"
    assert ids.is_monotonic_increasing
    assert ids.value_counts().sort_index().tolist() == table["n_sentences"].tolist()


@pytest.mark.parametrize("front", ["segment", "skip"])
@pytest.mark.parametrize("order", ["reading", "shuffled"])
def test_segments_with_ids_equal_the_two_calls(article, front, order):
    # Sentence ids in reading order map rows to segments directly; others take the ranges.
    data = article if order == "reading" else article.sample(frac=1, random_state=3)
    table, ids = segments_with_ids(data, front=front, n_segments=2)
    expected = segment_topics(data, front=front, n_segments=2)
    pd.testing.assert_frame_equal(table, expected)
    pd.testing.assert_series_equal(ids, segment_ids(data, expected))


def test_segments_with_ids_checks_options_first():
    with pytest.raises(InvalidOptionError, match="front"):
        segments_with_ids(object(), front="drop")


def test_output_is_deterministic(article, table):
    pd.testing.assert_frame_equal(segment_topics(article.copy()), table)


def test_short_sections_give_one_segment():
    frame = _article_frame(sections=(
        [["Talks on the border resumed."]],
        [["Refugees returned home.", "Aid agencies sent food."]],
    ))
    table = segment_topics(frame)
    assert table["n_sentences"].tolist() == [2, 1, 2]
    assert table["section_id"].tolist() == [0, 1, 2]


@pytest.mark.parametrize("data", [[], pd.DataFrame({"text": []})])
def test_empty_input_gives_an_empty_table(data):
    table = segment_topics(data)
    assert table.empty
    assert table.columns.tolist() == list(SEGMENT_COLUMNS)
    assert segment_ids(data, table).empty


def test_plain_sentences_are_one_section():
    sentences = [s for p in SECTION_TWO for s in p]
    table = segment_topics(sentences)
    assert set(table["section_id"]) == {0}
    assert len(table) >= 2


def test_a_parsed_article_is_accepted(agency_report):
    from discourse import read_article

    article = read_article(agency_report)
    table = segment_topics(article)
    frame = article.to_frame()
    assert table["n_sentences"].sum() == len(frame)
    assert segment_ids(article, table).notna().all()


# --- corpus topics ----------------------------------------------------------------------

THEMES = {
    "energy": "The gas pipeline and oil exports raise energy revenue for the pipeline company.",
    "war": "Soldiers and tanks fought at the border, and the army shelled the enemy trenches.",
    "school": "Teachers and pupils returned to school, where the classes and exams resumed.",
}


def _corpus() -> dict[str, str]:
    docs = {}
    for i in range(4):
        for name, paragraph in THEMES.items():
            other = THEMES["war" if name != "war" else "school"]
            docs[f"{name}{i}"] = "\n\n".join([paragraph, paragraph, other])
    return docs


def test_corpus_topics_find_the_themes():
    model = corpus_topics(_corpus(), n_topics=3, n_terms=5)
    assert model.topics.columns.tolist() == ["topic", "label", "top_terms", "share"]
    assert model.terms.groupby("topic").size().tolist() == [5, 5, 5]
    shares = model.shares.pivot(index="doc_id", columns="topic", values="share")
    assert shares.sum(axis=1).round(6).eq(1).all()
    dominant = shares.idxmax(axis=1)
    for name in THEMES:  # documents of one theme share their dominant topic
        assert dominant.filter(like=name).nunique() == 1
    assert dominant.nunique() == 3
    assert (model.paragraphs["topic"] >= 0).all()


def test_corpus_topics_are_deterministic():
    first, second = corpus_topics(_corpus(), n_topics=3), corpus_topics(_corpus(), n_topics=3)
    pd.testing.assert_frame_equal(first.terms, second.terms)
    pd.testing.assert_frame_equal(first.shares, second.shares)


def test_corpus_topics_accept_lists_and_frames():
    texts = list(_corpus().values())
    from_list = corpus_topics(texts, n_topics=2)
    assert from_list.shares["doc_id"].iloc[0] == 0
    frame = pd.DataFrame({"doc_id": list(_corpus()), "text": texts})
    assert set(corpus_topics(frame, n_topics=2).shares["doc_id"]) == set(_corpus())


def test_corpus_topics_reject_bad_input():
    with pytest.raises(InvalidOptionError):
        corpus_topics(_corpus(), n_topics=100)
    with pytest.raises(InvalidOptionError):
        corpus_topics(42, n_topics=2)
    with pytest.raises(InvalidOptionError):
        corpus_topics(pd.DataFrame({"body": ["x"]}), n_topics=1)


def test_seed_sections_get_two_to_six_segments_on_paragraph_breaks(seed_article):
    paragraph = seed_article.to_frame().set_index("sentence_id")["paragraph_id"]
    segments = segment_topics(seed_article)
    body = segments[segments["section_id"].isin([s.id for s in seed_article.body_sections])]
    assert body["section_id"].nunique() == 2
    for _, section in body.groupby("section_id"):
        assert 2 <= len(section) <= 6
        for first in section["first_sentence"].iloc[1:]:  # boundaries inside the section
            assert paragraph[first] != paragraph[first - 1]
        for label in section["label"]:
            words = [w.strip().lower() for w in label.split(",")]
            assert words and not set(words) & stopwords()
