"""Tests for discourse.steps.stance.evaluation: the IBM Claim Stance and SemEval-2016 benchmarks."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse.errors import InvalidOptionError
from discourse.steps.stance.evaluation import evaluate_stance
from discourse.steps.stance.scoring import STANCE_COLUMNS
from tests.conftest import DATA


def test_ibm_claim_stance_beats_majority():
    table = evaluate_stance(DATA / "stance" / "ibm_claim_stance.csv", benchmark="ibm")
    print("\n" + table.to_string())
    lexical, majority = table.set_index("method").loc[["lexical", "majority"]].itertuples()
    assert lexical.n == 1355
    assert lexical.macro_f1 > majority.macro_f1
    assert lexical.accuracy > majority.accuracy


def test_semeval_is_reported_against_majority():
    table = evaluate_stance(DATA / "stance" / "semeval2016_tweeteval.csv",
                            benchmark="semeval",
                            targets=DATA / "targets" / "semeval2016.yaml")
    print("\n" + table.to_string())
    lexical, majority = table.set_index("method").loc[["lexical", "majority"]].itertuples()
    assert lexical.n == 1249
    assert lexical.macro_f1 > majority.macro_f1
    assert "predicted" in table.attrs["predictions"].columns


def test_semeval_needs_targets():
    with pytest.raises(InvalidOptionError, match="targets"):
        evaluate_stance(DATA / "stance" / "semeval2016_tweeteval.csv", benchmark="semeval")


def test_plug_in_scorer_gives_topic_direction_and_claim_stance():
    def keyword_scorer(sentences, targets):
        rows = [(sid, name, *(("against", -0.5) if "ban" in text or "kill" in text
                               else ("favor", 0.5)), [])
                for sid, text in zip(sentences["sentence_id"], sentences["text"], strict=True)
                for name in targets]
        return pd.DataFrame(rows, columns=list(STANCE_COLUMNS))

    items = pd.DataFrame({
        "target": ["We should ban guns"] * 3,
        "topic_target": ["guns"] * 3,
        "text": ["Guns are fun.", "Guns kill.", "Guns protect."],
        "label": ["CON", "PRO", "CON"],
        "split": ["train", "test", "test"],
    })
    table = evaluate_stance(items, benchmark="ibm", scorer=keyword_scorer)
    assert table["method"].tolist() == ["keyword_scorer", "majority"]
    # The topic is against guns: a claim against guns is PRO, one for guns CON.
    assert table.attrs["predictions"]["predicted"].tolist() == ["PRO", "CON"]
    assert table.loc[0, "accuracy"] == 1.0 and table.loc[1, "accuracy"] == 0.5


def test_benchmark_table_needs_its_columns():
    with pytest.raises(InvalidOptionError, match="topic_target"):
        evaluate_stance(pd.DataFrame({"target": [], "text": [], "label": [], "split": []}),
                        benchmark="ibm")
