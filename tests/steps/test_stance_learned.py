"""Tests for the learned default stance scorer, its model file and the zero-shot adapter."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from discourse.errors import InvalidLexiconError, InvalidOptionError
from discourse.steps.stance.evaluation import evaluate_target_sentiment
from discourse.steps.stance.model import StanceModel, load_stance_model, mention_features
from discourse.steps.stance.scoring import (
    PROBABILITY_COLUMNS,
    STANCE_COLUMNS,
    LearnedStanceScorer,
    ZeroShotStanceScorer,
    score_stance,
)
from discourse.steps.stance.targets import load_targets
from tests.conftest import DATA

NEWSMTSC = DATA / "target_sentiment" / "newsmtsc"
LAVROV = DATA / "targets" / "lavrov_2017.yaml"


def _check_explained(table: pd.DataFrame, text: str) -> None:
    """Every favor/against call has a non-target cue; every cue slices the text."""
    for _, row in table.iterrows():
        for cue in row["cues"]:
            assert text[cue["start"]:cue["end"]] == cue["text"]
            assert {"text", "start", "end", "role", "weight"} <= set(cue)
        if row["stance"] != "none":
            assert any(c["role"] != "target" for c in row["cues"]), row


# --------------------------------------------------------------------------- the scorer


def test_default_scorer_is_learned_with_probabilities():
    table = score_stance(["Critics slammed Smith for the disastrous delay.",
                          "The weather was fine."], {"smith": ["Smith"]})
    assert list(table.columns[:5]) == list(STANCE_COLUMNS)
    assert set(PROBABILITY_COLUMNS) <= set(table.columns)
    probs = table[list(PROBABILITY_COLUMNS)].to_numpy()
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-3)
    first = table.iloc[0]
    assert first["stance"] == "against" and first["mentioned"]
    assert first["score"] == pytest.approx(first["p_favor"] - first["p_against"], abs=1e-3)
    second = table.iloc[1]
    assert second["stance"] == "none" and not second["mentioned"] and second["cues"] == []


def test_each_target_of_a_sentence_gets_its_own_call():
    text = "Smith praised the brave volunteers, while Jones was accused of fraud."
    table = score_stance([text], {"smith": ["Smith"], "jones": ["Jones"]})
    assert len(table) == 2
    smith, jones = table.set_index("target").loc[["smith", "jones"], "score"]
    assert smith > jones
    for _, row in table.iterrows():
        targets = [c["text"] for c in row["cues"] if c["role"] == "target"]
        assert targets == [row["target"].title()]


def test_a_repeated_sentence_is_scored_alike_with_its_own_offsets():
    import discourse

    line = "Critics slammed Smith for the disastrous delay."
    text = f"Delay\n\n{line} {line}\n\n{line}"
    stance = discourse.analyze(text, targets={"smith": ["Smith"]}).stance
    stance = stance[stance["mentioned"]]
    assert stance["stance"].tolist() == ["against"] * 3
    assert stance["score"].nunique() == 1
    _check_explained(stance, text)
    starts = [[c["start"] for c in cues] for cues in stance["cues"]]
    assert len({s[0] for s in starts}) == 3  # each copy's cues point into that copy


def test_cues_name_the_words_that_pushed_the_call():
    text = "Critics slammed Smith for the disastrous delay."
    row = score_stance([text], {"smith": ["Smith"]}).iloc[0]
    words = {c["text"] for c in row["cues"] if c["role"] != "target"}
    assert {"slammed", "disastrous"} & words
    assert all(c["weight"] > 0 for c in row["cues"] if c["role"] != "target")
    _check_explained(score_stance([text], {"smith": ["Smith"]}), text)


def test_strong_rules_overrule_the_model_and_can_be_switched_off():
    target = load_targets({"force": ["by force"]})["force"]
    text = "They abandoned attempts to resolve the crisis by force."
    row = LearnedStanceScorer().call(text, target)
    assert row["stance"] == "against"
    assert "abandoned" in [c["text"] for c in row["cues"] if c["role"] == "predicate"]
    with pytest.raises(InvalidOptionError, match="rule_strength"):
        LearnedStanceScorer(rule_strength=0)


def test_require_mention_false_scores_sentences_without_the_target():
    frame = pd.DataFrame({"sentence_id": [0], "text": ["This is a wonderful, wise idea."]})
    targets = load_targets({"plan": ["the plan"]})
    assert LearnedStanceScorer()(frame, targets)["stance"].tolist() == ["none"]
    free = LearnedStanceScorer(require_mention=False)(frame, targets).iloc[0]
    assert free["stance"] == "favor" and not free["mentioned"]
    _check_explained(pd.DataFrame([free]), frame["text"][0])


def test_no_mention_features_and_masking():
    f = mention_features("Critics slammed Smith.", [(16, 21)])
    assert "l:slammed" in f.values and not any("smith" in k for k in f.values)
    none = mention_features("Critics slammed him.", [])
    assert none.values["no_mention"] == 1.0 and "s:slammed" in none.values
    # names elsewhere in the sentence are masked in the sentence bag
    text = "Smith met the Russian president, Putin, in his office yesterday."
    g = mention_features(text, [(0, 5)], mask_names="sentence")
    assert "s:<name>" in g.values and "s:putin" not in g.values


# --------------------------------------------------------------------------- the seed


def test_seed_relations_are_not_read_into_other_sentences(seed_article):
    table = score_stance(seed_article, LAVROV)
    frame = seed_article.to_frame().set_index("sentence_id")
    rel = table[table["target"] == "russia_azerbaijan_relations"].set_index("sentence_id")
    utmost = frame.index[frame["text"].str.contains("doing our utmost")].item()
    borders = frame.index[frame["text"].str.contains("economic ties resume")].item()
    assert rel.loc[utmost, "stance"] != "favor"
    assert rel.loc[borders, "stance"] != "favor"
    assert not rel.loc[borders, "mentioned"]
    _check_explained(table, seed_article.text)


# --------------------------------------------------------------------------- the model file


def test_model_file_matches_its_features_and_classes():
    model = load_stance_model()
    spec = json.loads((DATA.parent / "discourse" / "lexicons" / "stance_model.json")
                      .read_text(encoding="utf-8"))
    assert spec["classes"] == ["favor", "against", "none"]
    assert len(spec["features"]) == model.weights.shape[0] == len(spec["coef"][0])
    assert spec["trained_on"]["files"]  # the training files' digests
    assert "test" not in json.dumps(spec["trained_on"]["files"])
    with pytest.raises(InvalidLexiconError, match="fit_stance"):
        StanceModel({"features": ["a"], "coef": [[1.0]], "intercept": [0.0],
                     "classes": ["yes", "no"]})


def test_scoring_imports_neither_scikit_learn_nor_scipy():
    code = (
        "import sys, discourse\n"
        "discourse.score_stance(['Critics slammed Smith.'], {'smith': ['Smith']})\n"
        "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=DATA.parent)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None,
                    reason="scikit-learn is needed to refit")
def test_refit_reproduces_the_shipped_weights():
    sys.path.insert(0, str(DATA.parent / "tools"))
    try:
        import fit_stance
    finally:
        sys.path.pop(0)
    new = fit_stance.refit()
    stored = json.loads(fit_stance.MODEL.read_text(encoding="utf-8"))
    assert new["features"] == stored["features"]
    assert np.allclose(new["coef"], stored["coef"], rtol=0, atol=1e-9)
    assert np.allclose(new["intercept"], stored["intercept"], rtol=0, atol=1e-9)


# --------------------------------------------------------------------------- NewsMTSC dev


def test_newsmtsc_dev_beats_the_baselines():
    table = evaluate_target_sentiment(NEWSMTSC / "dev_mt.jsonl").set_index("method")
    print("\n" + table.to_string())
    assert table.loc["learned", "n"] == 442
    assert table.loc["learned", "macro_f1"] >= 0.65
    for baseline in ("sentence_sentiment", "lexical", "majority"):
        assert table.loc["learned", "macro_f1"] > table.loc[baseline, "macro_f1"]


def test_newsmtsc_calls_are_explained():
    rows = [json.loads(line) for line in
            (NEWSMTSC / "dev_rw.jsonl").read_text(encoding="utf-8").splitlines()[:120]]
    scorer = LearnedStanceScorer()
    for r in rows:
        target = load_targets({"target": [r["mention"]]})["target"]
        row = scorer.call(r["sentence"], target)
        table = pd.DataFrame([{**row, "target": "target"}])
        _check_explained(table, r["sentence"])


def test_evaluate_target_sentiment_checks_its_input():
    with pytest.raises(InvalidOptionError, match="mention"):
        evaluate_target_sentiment(pd.DataFrame({"sentence": ["a"], "polarity": [0]}))


# --------------------------------------------------------------------------- zero-shot


class FakeZeroShot:
    """The interface of a transformers zero-shot-classification pipeline, no model."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __call__(self, sequences, candidate_labels, hypothesis_template="This example is {}.",
                 multi_label=False):
        self.calls.append((sequences, tuple(candidate_labels), hypothesis_template))
        single = isinstance(sequences, str)
        out = []
        for seq in [sequences] if single else sequences:
            raw = {label: 1.0 + ("bad" in seq) * (label == candidate_labels[1])
                   + ("good" in seq) * (label == candidate_labels[0])
                   for label in candidate_labels}
            total = sum(raw.values())
            ranked = sorted(raw, key=lambda k: -raw[k])
            out.append({"sequence": seq, "labels": ranked,
                        "scores": [raw[k] / total for k in ranked]})
        return out[0] if single else out


def test_zero_shot_adapter_with_a_fake_pipeline():
    fake = FakeZeroShot()
    scorer = ZeroShotStanceScorer(fake, hypothesis_template="This text is {} {target}.")
    texts = ["The plan is good.", "The plan is bad.", "Nothing about it."]
    table = score_stance(texts, {"plan": {"label": "the plan", "patterns": ["plan"]}},
                         scorer=scorer)
    assert table["stance"].tolist() == ["favor", "against", "none"]
    assert table["mentioned"].tolist() == [True, True, False]
    assert len(fake.calls) == 1 and fake.calls[0][0] == texts[:2]  # unmentioned: not asked
    assert fake.calls[0][2] == "This text is {} the plan."
    first = table.iloc[0]
    hyps = [c for c in first["cues"] if c["role"] == "hypothesis"]
    assert [c["hypothesis"] for c in hyps] == [
        "This text is in favor of the plan.", "This text is against the plan.",
        "This text is neutral toward the plan."]
    assert sum(c["weight"] for c in hyps) == pytest.approx(1.0, abs=1e-3)
    assert first["score"] == pytest.approx(first["p_favor"] - first["p_against"], abs=1e-3)
    for text, (_, row) in zip(texts, table.iterrows(), strict=True):
        for cue in row["cues"]:
            assert text[cue["start"]:cue["end"]] == cue["text"]


def test_zero_shot_adapter_errors():
    with pytest.raises(InvalidOptionError, match="callable"):
        ZeroShotStanceScorer("model-name")
    with pytest.raises(InvalidOptionError, match="hypothesis_template"):
        ZeroShotStanceScorer(FakeZeroShot(), hypothesis_template="About {target}.")

    def broken(sequences, candidate_labels, hypothesis_template):
        return [{"labels": ["yes"], "scores": [1.0]} for _ in sequences]

    with pytest.raises(InvalidOptionError, match="candidate labels"):
        score_stance(["The plan is good."], {"plan": ["plan"]},
                     scorer=ZeroShotStanceScorer(broken))
