"""Tests of discourse.steps.sentiment.scoring: exact TextBlob/VADER columns (reimplemented in
discourse.steps.sentiment.textblob_port and .vader_port), the corrected combined score,
section aggregates and the NYT editorial benchmark (held out from the fit)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse.errors import InvalidOptionError
from discourse.lexicon.resources import load_lexicon
from discourse.steps.sentiment.features import FEATURES, features, rules
from discourse.steps.sentiment.scoring import (
    BY_SECTION_COLUMNS,
    SENTIMENT_COLUMNS,
    evaluate_sentiment,
    score_sentiment,
    sentiment_by_section,
)
from discourse.text.inputs import sentence_frame
from tests.conftest import DATA, ROOT

SENTIMENT_DATA = DATA / "sentiment"


def read_ground_truth(name: str) -> tuple[list[str], list[float]]:
    with (SENTIMENT_DATA / name).open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [r[2] for r in rows], [float(r[1]) for r in rows]


@pytest.fixture(scope="module")
def nyt() -> tuple[list[str], list[float]]:
    return read_ground_truth("nyt_editorial_snippets.tsv")


def combined(text: str) -> float:
    return float(score_sentiment([text])["sentiment_score"].iloc[0])


def label(text: str) -> str:
    return str(score_sentiment([text])["sentiment"].iloc[0])


# --- the NYT benchmark (never used for fitting) -------------------------------------------


def test_nyt_correlation_and_f1(nyt):
    texts, gold = nyt
    assert len(texts) == 5190
    table = evaluate_sentiment(texts, gold)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print("\nNYT editorial snippets (held-out test set):\n", table.round(3))
    r = table["pearson_r"]
    # Known values of the packages themselves (TextBlob 0.30, VADER 0.50).
    assert r["textblob_polarity"] == pytest.approx(0.30, abs=0.01)
    assert r["vader_compound"] == pytest.approx(0.50, abs=0.01)
    assert r["sentiment_score"] >= 0.55
    assert r["sentiment_score"] > r["vader_compound"]
    assert table.loc["sentiment_score", "n_f1"] == 5190 - 244  # items rated exactly 0 left out
    assert table.loc["sentiment_score", "f1"] >= table.loc["textblob_polarity", "f1"]


# --- TextBlob's and VADER's own scores, reimplemented exactly -------------------------------

SENTIMENT_FILES = (
    "amazon_review_snippets.tsv",
    "movie_review_snippets.tsv",
    "nyt_editorial_snippets.tsv",
    "tweets.tsv",
)
VADER_KEYS = ("compound", "pos", "neu", "neg")


@pytest.fixture(scope="module")
def snippets() -> list[str]:
    return [t for name in SENTIMENT_FILES for t in read_ground_truth(name)[0]]


@pytest.fixture(scope="module")
def scored_snippets(snippets) -> pd.DataFrame:
    return score_sentiment(snippets)


@pytest.fixture(scope="module")
def vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def test_polarity_and_subjectivity_are_textblobs_own(snippets, scored_snippets):
    # TextBlob(t).sentiment is PatternAnalyzer().analyze(t), a namedtuple around
    # textblob.en.sentiment(t): called directly, as the blob and the namedtuple only add time.
    from textblob.en import sentiment

    assert len(snippets) == 23703
    expected = [tuple(sentiment(t)) for t in snippets]
    # Same floats, not merely close ones.
    assert scored_snippets["polarity"].tolist() == [e[0] for e in expected]
    assert scored_snippets["subjectivity"].tolist() == [e[1] for e in expected]


def test_vader_columns_are_vaders_own(snippets, scored_snippets, vader):
    expected = [vader.polarity_scores(t) for t in snippets]
    for key in VADER_KEYS:
        assert scored_snippets[f"vader_{key}"].tolist() == [e[key] for e in expected], key


@pytest.mark.slow
def test_exact_scores_on_every_sentence_of_the_speeches(vader):
    from textblob import TextBlob

    from discourse.text.sentences import split_sentences

    files = sorted((DATA / "corpus").rglob("*.txt"))
    assert len(files) == 124
    texts = [s.text for f in files for s in split_sentences(f.read_text(encoding="utf-8"))]
    scored = score_sentiment(texts)
    expected = [TextBlob(t).sentiment for t in texts]
    assert scored["polarity"].tolist() == [e.polarity for e in expected]
    assert scored["subjectivity"].tolist() == [e.subjectivity for e in expected]
    v = [vader.polarity_scores(t) for t in texts]
    for key in VADER_KEYS:
        assert scored[f"vader_{key}"].tolist() == [e[key] for e in v], key


# Texts that exercise pattern's tokeniser and rules and VADER's rules one by one.
TRICKY = [
    "",
    "   ",
    "I don't like it :( but :-) is fine (!) really!!!",
    "Not bad at all. Not really good, but NEVER so good!",
    "It was great : ) and then : ( sad ;-) 8 ) x D : c ) <3 ♥",
    "Mr. Smith went to the U.S. e.g. today... wow.... ok.",
    "First paragraph is good\n\nSecond is terrible\r\n\r\nthird END-OF-SENTENCE happy",
    "“Good,” she said. ‘Bad’ he replied. It’s terribly happy, isn't it?",
    "not a good idea; not the best; no good; never good",
    "really not good, simply not bad, very very good, extremely bad!",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "At least it isn't a horrible book. The least compelling one. Very least good.",
    "The book was only kind of good. Sort of bad. Kinda nice.",
    "Without a doubt, excellent idea. No problem, no or nor happy.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "Today SUX! lol ?? really??? what????",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁, also☺️ and 👍🏽.",
    "The bomb was the shit, bad ass, yeah right, kiss of death, to die for.",
    "GOOD BAD UGLY",
    "but but good but bad",
    "o.O >.> o . O °O° :'''( :'( ;'(",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_match_textblob_and_vader(text, vader):
    from textblob import TextBlob

    scored = score_sentiment([text]).iloc[0]
    assert (scored["polarity"], scored["subjectivity"]) == tuple(TextBlob(text).sentiment)
    v = vader.polarity_scores(text)
    assert tuple(scored[f"vader_{k}"] for k in VADER_KEYS) == tuple(v[k] for k in VADER_KEYS)


_PIECES = [
    "good", "bad", "not", "no", "never", "very", "really", "terribly", "happy", "kind", "of",
    "but", "least", "at", "so", "this", "without", "doubt", "isn't", "don't", "It's", "GREAT",
    "Mr.", "U.S.", "e.g.", "etc.", "A.", ":)", ":(", ":-D", "XD", ";)", "<3", ":c)", "8-)",
    "o.O", "(!)", "!", "!!", "?", "??", "...", ".", ",", ";", ":", "(", ")", "'", '"', "“",
    "”", "‘", "’", "-", "\n", "\n\n", "\r\n", "😁", "💘", "👍🏽", "°", "x", "D", "8",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  "]))))
def test_random_texts_match_textblob_and_vader(parts):
    from textblob import TextBlob

    from discourse.steps.sentiment.features import vader_analyzer
    from discourse.steps.sentiment.textblob_port import pattern_sentiment
    from discourse.steps.sentiment.vader_port import vader_scores

    text = "".join(p + gap for p, gap in parts)
    assert pattern_sentiment(text) == tuple(TextBlob(text).sentiment)
    v = vader_analyzer().polarity_scores(text)  # VADER's own SentimentIntensityAnalyzer
    assert vader_scores(text) == tuple(v[k] for k in VADER_KEYS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=sorted(set("".join(_PIECES)) | set("abcXYZ \t")), max_size=40))
def test_random_characters_match_textblob(text):
    from textblob import TextBlob

    from discourse.steps.sentiment.textblob_port import pattern_sentiment

    assert pattern_sentiment(text) == tuple(TextBlob(text).sentiment)


def test_pattern_lexicon_and_constants_are_textblobs():
    import textblob._text as tb_text
    from textblob.en import sentiment as tb_sentiment

    from discourse.steps.sentiment import textblob_port

    tb_sentiment("good")  # loads the lexicon
    ours = textblob_port.pattern_lexicon()
    theirs = dict(dict.items(tb_sentiment))
    assert ours.keys() == theirs.keys() and len(ours) > 2800
    for word, senses in theirs.items():
        assert ours[word] == (*senses[None], "RB" in senses), word
    assert textblob_port.EMOTICONS == tb_text.EMOTICONS
    assert textblob_port.PUNCTUATION == tb_text.PUNCTUATION
    assert textblob_port.ABBREVIATIONS == tb_text.ABBREVIATIONS
    # Same alternatives in the same order (the order picks ":c" or ":c)" in ": c )").
    assert textblob_port._RE_EMOTICONS.pattern == tb_text.RE_EMOTICONS.pattern


def test_scoring_imports_neither_textblob_nor_nltk():
    code = (
        "import sys, discourse; discourse.score_sentiment(['Not good :) at all!']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textblob', 'nltk', 'scipy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


def _assert_close(fresh, stored, where="model"):
    """Same structure and strings; numbers within 1e-9 (BLAS builds differ in the last digits)."""
    if isinstance(stored, dict):
        assert isinstance(fresh, dict) and fresh.keys() == stored.keys(), where
        for key in stored:
            _assert_close(fresh[key], stored[key], f"{where}.{key}")
    elif isinstance(stored, list):
        assert isinstance(fresh, list) and len(fresh) == len(stored), where
        for i, (a, b) in enumerate(zip(fresh, stored, strict=True)):
            _assert_close(a, b, f"{where}[{i}]")
    elif isinstance(stored, float) or isinstance(fresh, float):
        assert fresh == pytest.approx(stored, rel=1e-9, abs=1e-9), where
    else:
        assert fresh == stored, where


def test_assert_close_tolerates_the_last_digits_only():
    _assert_close({"c": [0.2516237203557543]}, {"c": [0.25162372035575487]})
    with pytest.raises(AssertionError):
        _assert_close({"c": [0.2516]}, {"c": [0.2517]})


def test_shipped_model_was_fitted_without_nyt_and_is_reproducible(tmp_path):
    model = load_lexicon("sentiment_model.json")
    assert not any("nyt" in f for f in model["trained_on"]["files"])
    fresh = tmp_path / "sentiment_model.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "fit_sentiment.py"), "--out", str(fresh)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    stored = json.loads((ROOT / "discourse" / "lexicons" / "sentiment_model.json").read_text())
    _assert_close(json.loads(fresh.read_text()), stored)


# --- contractions, negation, "but", intensifiers --------------------------------------------


def test_contraction_isnt_is_a_negation():
    text = "This isn't a bad idea."
    scored = score_sentiment([text])
    assert scored["polarity"].iloc[0] < 0  # TextBlob itself misses the "n't"
    assert scored["sentiment_score"].iloc[0] > 0
    assert scored["sentiment"].iloc[0] != "negative"
    assert combined("This is not a bad idea.") == pytest.approx(scored["sentiment_score"].iloc[0])


@pytest.mark.parametrize(
    "text", ["I don't like it.", "I do not like it.", "not good", "The plan won't work well."]
)
def test_negated_positive_is_negative(text):
    assert label(text) == "negative"


def test_negation_scope_ends_at_punctuation():
    # "not" must not reach "great" across the comma.
    assert combined("We did not win, but the team was great.") > 0
    assert features("He is not, by all accounts, happy.")[0] > 0


def test_shifters_reverse_what_follows():
    assert combined("The film lacks charm.") < 0
    assert combined("The deal will prevent war.") > combined("The deal will bring war.")


def test_but_clause_weighs_the_second_clause_more():
    good_then_bad = combined("The food was good, but the service was terrible.")
    bad_then_good = combined("The food was terrible, but the service was good.")
    assert good_then_bad < 0 < bad_then_good
    # Without "but" both halves count alike.
    assert combined("The food was good and the service was terrible.") > good_then_bad


def test_intensifiers_and_downtoners():
    assert combined("very good") > combined("good") > combined("somewhat good") > 0
    assert combined("extremely bad") < combined("bad") < 0


def test_like_as_a_preposition_is_not_sentiment():
    assert combined("Countries like Iran were there.") == 0.0
    assert combined("I like it.") > 0


# --- titles, roles, institutions and names --------------------------------------------------


def test_titles_and_roles_are_neutral_in_the_combined_score():
    text = "Foreign Minister Sergey Lavrov met his top diplomat counterpart."
    scored = score_sentiment([text])
    assert scored["polarity"].iloc[0] != 0  # TextBlob reads "foreign" and "top"
    assert scored["sentiment_score"].iloc[0] == 0.0
    assert scored["sentiment"].iloc[0] == "neutral"
    assert combined("the foreign minister and a top official met the senior envoy") == 0.0


def test_institutions_are_neutral_in_the_combined_score():
    text = "The Security Council will meet on Monday."
    scored = score_sentiment([text])
    assert scored["vader_compound"].iloc[0] > 0  # VADER reads "security"
    assert scored["sentiment_score"].iloc[0] == 0.0
    assert combined("the peace talks resumed in the united nations") == 0.0
    assert combined("He spoke to the minister of justice.") == 0.0


def test_capitalised_names_are_skipped_but_sentence_initial_words_count():
    scored = score_sentiment(["The delegation met Hope Hicks in Washington."])
    assert scored["vader_compound"].iloc[0] > 0
    assert scored["sentiment_score"].iloc[0] == 0.0
    assert combined("Great progress was made.") > 0  # sentence-initial "Great" counts
    assert combined("Wow, @friend Thanks!") > 0  # interjections are not names


def test_title_case_headline_keeps_its_words():
    assert combined("Lavrov Praises Strong Ties With Baku") > 0


def test_neutral_list_is_package_data():
    neutral = load_lexicon("sentiment_neutral.yaml")
    assert {"foreign", "other", "common"} <= set(neutral["words"])
    assert {"top", "security", "peace"} <= set(neutral["title_words"])
    assert {"minister", "diplomat", "council"} <= set(neutral["head_nouns"])


# --- the AFINN-165 lexicon ------------------------------------------------------------------


def afinn(text: str) -> tuple[float, float]:
    f = dict(zip(FEATURES, features(text), strict=True))
    return f["afinn_pos"], f["afinn_neg"]


def test_afinn_is_read_from_the_package_data():
    lexicon = rules().afinn
    assert len(lexicon) > 3000
    assert lexicon["abandon"] == -2.0
    assert lexicon["cover-up"] == -3.0  # hyphenated entries match one token


def test_afinn_multi_word_entries_win_over_their_words():
    assert afinn("We are fed up.") == (0.0, 3.0)  # neither "fed" nor "up" alone
    assert afinn("I had bad luck.") == (0.0, 2.0)  # not bad (-3) + luck (+3)
    assert combined("We are fed up.") < 0  # in no other lexicon: AFINN alone moves the score


def test_afinn_gets_the_same_fixes():
    assert afinn("good") == (3.0, 0.0)
    assert afinn("not good")[1] > 0 and afinn("isn't good")[1] > 0
    assert afinn("very good")[0] > afinn("good")[0] > afinn("somewhat good")[0]
    assert afinn("The delegation met Hope Hicks in Washington.") == (0.0, 0.0)
    pos, neg = afinn("The plan is good, but the result is bad.")
    assert neg > pos  # "bad" (-3) after "but" weighs 1.5x, "good" (+3) before it 0.5x


def test_features_names_match_values():
    assert len(features("A good day.")) == len(FEATURES)
    assert features("") == tuple(0.0 for _ in FEATURES)


# --- table shape, options, determinism ------------------------------------------------------


def test_every_sentence_of_a_text_is_scored(agency_report):
    frame = sentence_frame(agency_report)
    scored = score_sentiment(agency_report)
    assert len(scored) == len(frame) > 3
    assert scored["sentence_id"].tolist() == frame["sentence_id"].tolist()
    assert "section_id" in scored.columns
    assert scored[list(SENTIMENT_COLUMNS)].notna().all().all()
    assert list(scored.columns[-len(SENTIMENT_COLUMNS):]) == list(SENTIMENT_COLUMNS)


def test_reruns_are_identical(nyt):
    texts = nyt[0][:300]
    pd.testing.assert_frame_equal(score_sentiment(texts), score_sentiment(texts))


def test_repeated_sentences_get_the_same_scores():
    scored = score_sentiment(["A fine result.", "Bad news.", "A fine result."])
    assert scored.iloc[0, 2:].tolist() == scored.iloc[2, 2:].tolist()


@pytest.mark.parametrize("empty", [pd.DataFrame({"text": []}), []])
def test_empty_input_gives_empty_table_with_columns(empty):
    scored = score_sentiment(empty)
    assert scored.empty
    assert {"sentence_id", *SENTIMENT_COLUMNS} <= set(scored.columns)
    assert score_sentiment(empty, columns="combined").columns[-2:].tolist() == [
        "sentiment_score", "sentiment"
    ]


def test_thresholds_are_configurable_and_checked():
    texts = ["A good plan.", "A terrible war.", "They met."]
    assert score_sentiment(texts)["sentiment"].tolist() == ["positive", "negative", "neutral"]
    wide = score_sentiment(texts, thresholds=(-0.99, 0.99))
    assert set(wide["sentiment"]) == {"neutral"}
    for bad in [(0.1, -0.1), (-2, 0.5), ("x", 1), (0.1,)]:
        with pytest.raises(InvalidOptionError):
            score_sentiment(texts, thresholds=bad)


def test_combined_only_columns():
    full = score_sentiment(["A good plan."])
    fast = score_sentiment(["A good plan."], columns="combined")
    assert "polarity" not in fast.columns
    assert fast["sentiment_score"].tolist() == full["sentiment_score"].tolist()
    with pytest.raises(InvalidOptionError):
        score_sentiment(["A good plan."], columns="some")  # type: ignore[arg-type]


def test_non_string_text_is_scored_as_empty():
    scored = score_sentiment(pd.DataFrame({"text": ["Good.", None]}))
    assert scored["sentiment_score"].iloc[1] == 0.0
    assert scored["sentiment"].iloc[1] == "neutral"


# --- per-section aggregates -----------------------------------------------------------------


def test_sentiment_by_section():
    frame = pd.DataFrame(
        {
            "section_id": [0, 0, 0, 1, 1],
            "sentence_id": [0, 1, 2, 3, 4],
            "text": [
                "A wonderful, excellent agreement.",
                "The attack killed ten people.",
                "They met on Monday.",
                "The meeting took place.",
                "Talks were held.",
            ],
        }
    )
    agg = sentiment_by_section(score_sentiment(frame))
    assert list(agg.columns) == list(BY_SECTION_COLUMNS)
    first, second = agg.iloc[0], agg.iloc[1]
    assert first["n_sentences"] == 3
    assert first["share_positive"] == pytest.approx(1 / 3)
    assert first["share_negative"] == pytest.approx(1 / 3)
    assert first["most_positive_id"] == 0
    assert first["most_positive_text"] == "A wonderful, excellent agreement."
    assert first["most_negative_id"] == 1
    assert second["n_sentences"] == 2
    assert second["mean_score"] == 0.0
    assert pd.isna(second["most_positive_id"]) and pd.isna(second["most_negative_text"])


def test_sentiment_by_section_of_an_article_and_empty_input(agency_report):
    agg = sentiment_by_section(score_sentiment(agency_report))
    assert agg["n_sentences"].sum() == len(sentence_frame(agency_report))
    assert "section_heading" in agg.columns
    empty = sentiment_by_section(score_sentiment([]))
    assert empty.empty and {"section_id", "mean_score"} <= set(empty.columns)
    with pytest.raises(InvalidOptionError):
        sentiment_by_section(pd.DataFrame({"text": ["x"]}))


def test_evaluate_sentiment_checks_lengths():
    with pytest.raises(InvalidOptionError):
        evaluate_sentiment(["one"], [1.0, 2.0])
    table = evaluate_sentiment(["Great!", "Awful.", "Fine, good."], [3.0, -3.0, 1.5])
    assert table.loc["sentiment_score", "f1"] == 1.0
    assert list(table.index) == ["textblob_polarity", "vader_compound", "sentiment_score"]
