"""Tests for discourse.steps.stance.targets: reading targets and deriving patterns from a phrase."""

from __future__ import annotations

import pytest

from discourse.errors import InputNotFoundError, InvalidLexiconError
from discourse.steps.stance.scoring import score_stance
from discourse.steps.stance.targets import Target, Targets, load_targets, phrase_patterns
from tests.conftest import DATA


def test_pattern_without_letters_is_an_error():
    with pytest.raises(InvalidLexiconError, match="any word"):
        load_targets({"bad": ["*"]})


def test_targets_from_yaml_with_label(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(
        "use_of_force:\n  label: Use of force\n  patterns: [by force, shell*]\n"
        "talks: [peace talks]\n",
        encoding="utf-8",
    )
    targets = load_targets(path)
    assert list(targets) == ["use_of_force", "talks"]
    assert targets["use_of_force"].label == "Use of force"
    assert targets["talks"].label == "talks"
    assert load_targets(str(path))["talks"].patterns == ("peace talks",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("talks: [peace talks\nforce: [x]\n", r"invalid YAML at line \d"),
        ("talks: [peace talks]\nforce: 5\n", r"'force'.*line 2"),
        ("talks:\n  label: Talks\n  patterns: [[a]]\n", r"'talks'.*'patterns'.*line 1"),
        ("talks:\n  lable: Talks\n  patterns: [a]\n", r"unknown key.*'lable'"),
        ("talks: [a]\ntalks: [b]\n", r"'talks'.*line 2.*twice"),
        ("peace talks: [a]\n", r"'peace talks'.*line 1.*not valid"),
        ("- a\n- b\n", r"line 1.*mapping"),
        ("talks:\n  label: Talks\n", r"'talks'.*no patterns"),
    ],
)
def test_bad_targets_yaml_names_key_and_line(text, message):
    with pytest.raises(InvalidLexiconError, match=message):
        load_targets(text)


def test_missing_targets_file():
    with pytest.raises(InputNotFoundError):
        load_targets("no/such/targets.yaml")


def test_shipped_example_targets_load():
    targets = load_targets(DATA / "targets" / "lavrov_2017.yaml")
    assert {"russia_azerbaijan_relations", "karabakh_settlement", "minsk_group_mediation",
            "use_of_force"} <= set(targets)
    semeval = load_targets(DATA / "targets" / "semeval2016.yaml")
    assert {t.label for t in semeval.values()} == {
        "Atheism", "Climate Change is a Real Concern", "Feminist Movement",
        "Hillary Clinton", "Legalization of Abortion"}


def test_phrase_patterns_cover_inflections():
    patterns = phrase_patterns("the sale of violent video games to minors")
    assert "game*" in patterns and "the" not in patterns
    table = score_stance(["Video games increase aggression."], {"topic": patterns})
    assert table["mentioned"].iloc[0]


def test_targets_from_a_mapping_keep_order_and_cues():
    targets = load_targets({
        "talks": ["peace talks"],
        "abortion": {"label": "Legal abortion", "patterns": ["abortion*"],
                     "favor": ["pro-choice"], "against": ["pro-life"]},
    })
    assert isinstance(targets, Targets) and list(targets) == ["talks", "abortion"]
    abortion = targets["abortion"]
    assert isinstance(abortion, Target) and abortion.label == "Legal abortion"
    assert abortion.favor == ("pro-choice",) and abortion.against == ("pro-life",)
    assert abortion.regex.search("Abortions rose") and abortion.against_regex.search("Pro-life")
    assert load_targets(targets) is targets


def test_mention_inside_possessive_and_hyphenated_words():
    targets = load_targets({"azerbaijan": ["Azerbaijan"]})
    rx = targets["azerbaijan"].regex
    assert [m[0] for m in rx.finditer("Azerbaijan's president, pro-Azerbaijan media")] == [
        "Azerbaijan", "Azerbaijan"]


def test_bad_target_mapping_is_an_error():
    with pytest.raises(InvalidLexiconError, match=r"'peace talks'.*not valid"):
        load_targets({"peace talks": ["a"]})
    with pytest.raises(InvalidLexiconError, match="expected a list of patterns"):
        load_targets({"talks": 5})
    with pytest.raises(InvalidLexiconError, match="Cannot read targets"):
        load_targets(5)  # type: ignore[arg-type]
