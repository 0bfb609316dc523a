"""Tests for discourse.steps.stance.scoring: the predicate rules, the scorer interface, summaries.

The learned default scorer and the zero-shot adapter are tested in test_stance_learned.py.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse.errors import DiscourseError, InvalidOptionError
from discourse.pipeline import Pipeline
from discourse.steps.stance.scoring import (
    CUE_ROLES,
    STANCE_COLUMNS,
    LexicalStanceScorer,
    StanceScorer,
    score_stance,
    stance_by_section,
    stance_columns,
    stance_tables,
)
from discourse.steps.stance.step import StanceStep
from discourse.steps.stance.targets import load_targets
from discourse.text.reading import read_article
from tests.conftest import DATA

TARGETS = {
    "talks": ["peace talks", "negotiat*"],
    "force": ["use of force", "by force", "military solution", "shell*"],
    "ties": ["relations", "ties", "cooperation"],
}

ARTICLE = """\
# Envoys meet in Vienna

## Diplomacy

The peace talks opened in Vienna on Monday. Both delegations said they support it.

Shelling continued overnight. The army does not support a military solution.

## Fighting

The rebels abandoned attempts to take the city by force. Relations between the capitals \
have been improving.
"""


RULES = LexicalStanceScorer()


def one(sentence: str, target: str, targets=TARGETS, scorer=RULES) -> pd.Series:
    """The predicate rules' row for one sentence and target."""
    table = score_stance([sentence], targets, scorer=scorer)
    return table[table["target"] == target].iloc[0]


def roles(row: pd.Series) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for cue in row["cues"]:
        out.setdefault(cue["role"], []).append(cue["text"])
    return out


# --------------------------------------------------------------------------- the scorer


def test_table_columns_and_shape():
    table = score_stance(["We support the peace talks.", "Nothing here."], TARGETS)
    assert list(table.columns[:5]) == list(STANCE_COLUMNS)
    assert len(table) == 2 * len(TARGETS)
    assert table["score"].between(-1, 1).all()
    assert set(table["stance"]) <= {"favor", "against", "none"}


def test_negation_flips():
    assert one("The government supports the peace talks.", "talks")["stance"] == "favor"
    row = one("The government does not support the peace talks.", "talks")
    assert row["stance"] == "against"
    assert roles(row)["negation"] == ["not"]
    assert one("We do not reject the peace talks.", "talks")["stance"] == "favor"
    assert one("They never agreed to a military solution.", "force")["stance"] == "against"


def test_lexicon_globs_phrases_and_prefixes():
    # "*n't" is a glob, "no longer" a phrase, "pro-" / "anti-" prefixes of a word.
    row = one("They don't support the peace talks.", "talks")
    assert row["stance"] == "against" and roles(row)["negation"] == ["don't"]
    row = one("Moscow no longer supports the peace talks.", "talks")
    assert row["stance"] == "against" and roles(row)["negation"] == ["no longer"]
    row = one("The peace talks drew pro-government crowds.", "talks")
    assert row["stance"] == "favor" and roles(row)["sentiment"] == ["pro-government"]
    assert one("The peace talks drew anti-government crowds.", "talks")["stance"] == "against"


def test_absent_target_gives_none():
    row = one("The weather in Vienna was fine and everyone was happy.", "talks")
    assert row["stance"] == "none" and row["score"] == 0 and row["cues"] == []
    assert not row["mentioned"]


def test_pattern_matching_nothing_raises_no_error():
    table = score_stance(["We support the peace talks."], {"ghost": ["xylophone*"]})
    assert table["stance"].tolist() == ["none"]


def test_predicate_governing_a_phrase_with_the_target():
    # "abandon" governs the action done by force: against force, with "abandoned" a cue.
    row = one("Both sides abandoned attempts to end the war by force.", "force")
    assert row["stance"] == "against"
    assert "abandoned" in roles(row)["predicate"]
    row = one("The rebels abandoned attempts to take the city by force.", "force")
    assert row["stance"] == "against"
    # ... while a plain instrument of a positive action is favoured.
    assert one("They want to settle the dispute by force.", "force")["stance"] == "favor"


def test_composed_predicates():
    assert one("Moscow refused to support the negotiations.", "talks")["stance"] == "against"
    assert one("They oppose attempts to undermine negotiations.", "talks")["stance"] == "favor"
    assert one("The opposition threatens to undermine negotiations.", "talks")[
        "stance"] == "against"


def test_target_as_subject_of_change_of_state():
    assert one("Relations between the two states have been improving.", "ties")[
        "stance"] == "favor"
    assert one("Bilateral ties, strained for years, have deteriorated.", "ties")[
        "stance"] == "against"
    # A change of state of something bad is a report, not a stance.
    assert one("Shelling continued overnight.", "force")["stance"] == "none"
    # Passive: the subject is the object of the predicate.
    assert one("The peace talks were welcomed by both sides.", "talks")["stance"] == "favor"


def test_subject_of_a_verb_takes_the_polarity_of_its_object():
    targets = {"games": ["video game*"]}
    assert one("Video games increase aggression in children.", "games", targets)[
        "stance"] == "against"
    assert one("Video games reduce stress.", "games", targets)["stance"] == "favor"


def test_evaluative_words_next_to_or_predicated_of_the_target():
    row = one("They praised the meaningful cooperation between ministries.", "ties")
    assert row["stance"] == "favor" and "meaningful" in roles(row)["predicate"]
    assert one("Trust-based relations are the basis.", "ties")["stance"] == "favor"
    assert one("The use of force is unacceptable.", "force")["stance"] == "against"
    assert one("The use of force is not acceptable.", "force")["stance"] == "against"


def test_modality_marks_and_intensifies():
    plain = one("Negotiations resume.", "talks")
    modal = one("Negotiations must resume.", "talks")
    assert modal["stance"] == plain["stance"] == "favor"
    assert modal["score"] > plain["score"]
    assert roles(modal)["modality"] == ["must"]
    alone = one("Negotiations are necessary.", "talks")
    assert alone["stance"] == "favor" and roles(alone)["modality"] == ["necessary"]
    assert one("Negotiations should not be delayed.", "talks")["stance"] == "favor"
    assert one("States should not fund negotiations.", "talks")["stance"] == "against"


def test_anaphora_within_a_paragraph_only():
    art = read_article(ARTICLE)
    table = score_stance(art, TARGETS, scorer=RULES)
    frame = art.to_frame()
    sid = frame.loc[frame["text"].str.startswith("Both delegations"), "sentence_id"].iloc[0]
    row = table[(table["sentence_id"] == sid) & (table["target"] == "talks")].iloc[0]
    assert row["stance"] == "favor" and roles(row)["target"] == ["it"]
    # A list of sentences has no paragraphs: no anaphora.
    listed = score_stance(["The peace talks opened.", "They support it."], TARGETS,
                          scorer=RULES)
    assert listed.loc[(listed["sentence_id"] == 1) & (listed["target"] == "talks"),
                      "stance"].item() == "none"


def test_cue_offsets_point_at_the_article_text():
    art = read_article(ARTICLE)
    table = score_stance(art, TARGETS)
    cues = [cue for cues in table["cues"] for cue in cues]
    assert len(cues) > 8
    for cue in cues:
        assert art.text[cue["start"]:cue["end"]] == cue["text"]
        assert cue["role"] in CUE_ROLES
    assert "section_id" in table.columns


def test_cue_offsets_point_into_the_sentence_without_start_column():
    sentence = "Sadly, the army does not support a military solution."
    row = one(sentence, "force")
    for cue in row["cues"]:
        assert sentence[cue["start"]:cue["end"]] == cue["text"]


def test_sentiment_column_is_a_weak_fallback():
    frame = pd.DataFrame({
        "text": ["The peace talks took place in Vienna.", "We reject the peace talks."],
        "sentiment_score": [0.9, 0.9],
    })
    table = score_stance(frame, TARGETS, scorer=RULES)
    talks = table[table["target"] == "talks"].reset_index(drop=True)
    assert talks.loc[0, "stance"] == "favor" and 0 < talks.loc[0, "score"] <= 0.3
    assert sorted(c["role"] for c in talks.loc[0, "cues"]) == ["sentiment", "target"]
    # A linked predicate wins over the sentence's sentiment.
    assert talks.loc[1, "stance"] == "against"
    # Without a mention the fallback does not apply.
    assert table.loc[table["target"] == "force", "stance"].tolist() == ["none", "none"]


def test_unknown_sentiment_column_is_an_error():
    with pytest.raises(InvalidOptionError, match="sentiment_column"):
        LexicalStanceScorer(sentiment_column="mood")(
            pd.DataFrame({"sentence_id": [0], "text": ["a"]}), load_targets(TARGETS))


def test_target_specific_cues():
    targets = {"abortion": {"label": "Legal abortion", "patterns": ["abortion*"],
                            "favor": ["pro-choice"], "against": ["pro-life"]}}
    for scorer in (RULES, None):  # the learned scorer lets such cues decide alone
        table = score_stance(["Proud to be pro-life.", "I am not pro-life."], targets,
                             scorer=scorer)
        assert table["stance"].tolist() == ["against", "favor"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "not", "support", "the", "talks", "by", "force", "abandon", "it", "this", ",", ".",
    "must", "relations", "improve", "dangerous", "no longer", "shelling", "’", "-", "\n",
    "negotiations", "reject", "cooperation", "is", "necessary", "Ü", " ",
]), max_size=30).map(" ".join))
def test_any_text_gives_valid_rows_and_offsets(text):
    table = score_stance([text], TARGETS)
    assert table["score"].between(-1, 1).all()
    for cues in table["cues"]:
        for cue in cues:
            assert text[cue["start"]:cue["end"]] == cue["text"]


# --------------------------------------------------------------------------- the seed


def test_seed_article_with_example_targets(seed_article):
    table = score_stance(seed_article, DATA / "targets" / "lavrov_2017.yaml")
    body = [s.id for s in seed_article.body_sections]
    first, second = body[0], body[1]
    rel = table[(table["section_id"] == first)
                & (table["target"] == "russia_azerbaijan_relations") & table["mentioned"]]
    assert len(rel) >= 5
    assert (rel["stance"] == "favor").mean() > 0.5
    assert not (rel["stance"] == "against").any()
    summary = stance_by_section(table).set_index(["section_id", "target"])
    assert summary.loc[(second, "karabakh_settlement"), "net"] > 0
    assert summary.loc[(second, "karabakh_settlement"), "against"] == 0
    frame = seed_article.to_frame()
    sid = frame.loc[frame["text"].str.contains("abandoning attempts"), "sentence_id"].item()
    row = table[(table["sentence_id"] == sid) & (table["target"] == "use_of_force")].iloc[0]
    assert row["stance"] == "against"
    assert "abandoning" in roles(row)["predicate"]


# --------------------------------------------------------------------------- summaries


def test_stance_columns_pivot():
    long = score_stance(["We support the peace talks.", "Shelling must stop."], TARGETS,
                        scorer=RULES)
    wide = stance_columns(long)
    assert list(wide.columns) == ["stance_talks", "stance_force", "stance_ties"]
    assert wide.index.name == "sentence_id"
    assert wide.loc[0, "stance_talks"] == "favor" and wide.loc[1, "stance_force"] == "against"
    scores = stance_columns(long, values="score")
    assert scores.columns[0] == "stance_score_talks"
    with pytest.raises(InvalidOptionError):
        stance_columns(long, values="label")  # type: ignore[arg-type]


def test_stance_by_section_counts():
    table = score_stance(read_article(ARTICLE), TARGETS, scorer=RULES)
    summary = stance_by_section(table)
    assert {"section_id", "target", "favor", "against", "none", "net", "mean_score"} <= set(
        summary.columns)
    assert (summary["favor"] + summary["against"] + summary["none"]
            == summary["sentences"]).all()
    fighting = summary[(summary["target"] == "force")].set_index("section_id")
    assert fighting["against"].sum() >= 2
    no_sections = stance_by_section(score_stance(["We support the talks."], {"t": ["talks"]}))
    assert "section_id" not in no_sections.columns


# --------------------------------------------------------------------------- scorer interface


class FakeScorer:
    """Favours every target in every sentence: the shape a real model would return."""

    def __call__(self, sentences: pd.DataFrame, targets) -> pd.DataFrame:
        rows = [(sid, name, "favor", 0.5, []) for sid in sentences["sentence_id"]
                for name in targets]
        return pd.DataFrame(rows, columns=list(STANCE_COLUMNS))


def test_plug_in_scorer():
    fake = FakeScorer()
    assert isinstance(fake, StanceScorer)
    table = score_stance(read_article(ARTICLE), TARGETS, scorer=fake)
    assert (table["stance"] == "favor").all()
    assert "section_id" in table.columns  # added from the sentence table


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.drop(columns="cues"), r"without the column\(s\) \['cues'\]"),
        (lambda t: t.assign(stance="pro"), "stance values"),
        (lambda t: t.assign(score=2.0), r"outside \[-1, 1\]"),
        (lambda t: t.assign(target="other"), "unknown target"),
        (lambda t: t.assign(sentence_id=99), "sentence ids"),
        (lambda t: t.assign(cues="x"), "not lists"),
        (lambda t: t.to_dict(), "not a DataFrame"),
    ],
)
def test_bad_scorer_output_is_a_clear_error(change, message):
    def broken(sentences, targets):
        return change(FakeScorer()(sentences, targets))

    with pytest.raises(InvalidOptionError, match=message):
        score_stance(["We support the peace talks."], TARGETS, scorer=broken)


@pytest.mark.parametrize("scorer", [None, LexicalStanceScorer()])
def test_stance_tables_match_the_three_public_functions(seed_article, scorer):
    # The step's one-pass tables are exactly score_stance, stance_columns and
    # stance_by_section, with the default scorer (from its rows) and another one.
    frame = seed_article.to_frame()
    targets = load_targets(DATA / "targets" / "lavrov_2017.yaml")
    long, wide, sections = stance_tables(frame, targets, scorer)
    expected = score_stance(frame, targets, scorer=scorer)
    pd.testing.assert_frame_equal(long, expected, check_exact=True)
    pivot = stance_columns(expected, sentence_ids=frame["sentence_id"].tolist())
    assert wide == {c.removeprefix("stance_"): pivot[c].tolist() for c in pivot}
    assert "favor" in {v for values in wide.values() for v in values}
    pd.testing.assert_frame_equal(sections, stance_by_section(expected), check_exact=True)


def test_the_learned_scorer_needs_no_sentiment_step():
    alone = Pipeline([StanceStep({"talks": ["talks"]})])
    result = alone.analyze("Talks\n\nWe support the talks.")
    assert result.sentences["stance_talks"].tolist()[-1] == "favor"
    lexical = StanceStep({"talks": ["talks"]}, scorer=LexicalStanceScorer())
    assert lexical.requires == ("text", "sentiment_score")
    with pytest.raises(DiscourseError, match="sentiment_score"):
        Pipeline([lexical])
