"""Stance benchmarks: IBM Debater Claim Stance and SemEval-2016 task 6.

:func:`evaluate_stance` scores a benchmark split with a stance scorer (by default
:class:`~discourse.steps.stance.scoring.LexicalStanceScorer`) and reports accuracy and
macro-F1 beside the majority-class baseline. For IBM, the direction of each debate topic
toward its target phrase is derived with the same scorer; SemEval targets come from a targets file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from discourse.errors import InvalidOptionError
from discourse.steps.stance.scoring import LexicalStanceScorer, StanceScorer
from discourse.steps.stance.targets import Targets, TargetsLike, load_targets, phrase_patterns

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["evaluate_stance"]

def _scores(gold: list[str], pred: list[str], labels: Iterable[str]) -> tuple[float, dict]:
    f1s = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        f1s[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1)
    return accuracy, f1s


def _semeval_clean(text: str) -> str:
    text = re.sub(r"#SemST\b", "", text)
    # Hashtags are words in tweets: "#prolife" reads as "prolife".
    return re.sub(r"#(\w)", r"\1", text).strip()


def evaluate_stance(
    data: pd.DataFrame | str | Path,
    *,
    benchmark: Literal["ibm", "semeval"],
    split: Literal["train", "val", "test"] = "test",
    targets: TargetsLike | None = None,
    scorer: StanceScorer | None = None,
) -> pd.DataFrame:
    """Accuracy and macro-F1 on a stance benchmark, beside the majority-class baseline.

    Parameters
    ----------
    data : DataFrame or path
        ``data/stance/ibm_claim_stance.csv`` or ``data/stance/semeval2016_tweeteval.csv``
        (columns ``target``, ``text``, ``label``, ``split``; IBM adds ``topic_target``).
    benchmark : {"ibm", "semeval"}
        ``"ibm"``: IBM Debater Claim Stance (PRO / CON of a claim toward a debate topic).
        The target patterns come from the topic's target phrase (:func:`phrase_patterns`);
        the topic's own direction ("... should be banned" is against its target) is the
        stance of the topic sentence toward that phrase, computed with the same scorer
        (favor when no predicate fires: a motion proposes its content); the claim's label
        is PRO when its stance toward the target agrees with that direction. Claims with
        no stance get the training split's majority label. Only the topic text, the topic
        target phrase and the claim text are used.
        ``"semeval"``: SemEval-2016 task 6 (FAVOR / AGAINST / NONE); ``targets`` maps each
        SemEval target name to a target, by its ``label`` (e.g.
        ``data/targets/semeval2016.yaml``). ``#SemST`` is removed and hashtags read as words.
    split : {"train", "val", "test"}
    targets : targets, optional
        Required for SemEval.
    scorer : StanceScorer, optional
        Default: :class:`LexicalStanceScorer`, for IBM with ``require_mention=False``
        (every claim is about its topic, so the sentiment fallback applies to claims that
        do not name the target), for SemEval with ``require_mention=True`` (tweets that
        name neither the target nor a target cue are ``none``). Both choices were made on
        the train splits (higher macro-F1 there).

    Returns
    -------
    pandas.DataFrame
        One row per method (``lexical`` or the scorer's name, and ``majority``):
        ``benchmark``, ``split``, ``method``, ``n``, ``accuracy``, ``macro_f1``, and
        ``coverage`` (share of items given a stance other than none by the method). For
        SemEval also ``f_avg`` (mean F1 of FAVOR and AGAINST, the task's official score).
        ``table.attrs["predictions"]`` holds the items with their predicted labels.

    Examples
    --------
    >>> evaluate_stance("data/stance/ibm_claim_stance.csv", benchmark="ibm")  # doctest: +SKIP
      benchmark split    method     n  accuracy  macro_f1  coverage
    0       ibm  test   lexical  1355    0.5956    0.5731     0.648
    1       ibm  test  majority  1355    0.5166    0.3406     1.000
    """
    import pandas as pd

    from discourse.errors import check_choice

    check_choice("benchmark", benchmark, ("ibm", "semeval"))
    check_choice("split", split, ("train", "val", "test"))
    frame = data if isinstance(data, pd.DataFrame) else pd.read_csv(data)
    missing = [c for c in ("target", "text", "label", "split") if c not in frame.columns]
    if benchmark == "ibm" and "topic_target" not in frame.columns:
        missing.append("topic_target")
    if missing:
        raise InvalidOptionError(
            f"The {benchmark} benchmark table lacks the column(s) {missing}; pass the CSV "
            "from data/stance/."
        )
    model = scorer if scorer is not None else LexicalStanceScorer(
        require_mention=benchmark == "semeval"
    )
    method = "lexical" if scorer is None else getattr(
        scorer, "__name__", type(scorer).__name__
    )
    train = frame[frame["split"] == "train"]
    majority = train["label"].value_counts().idxmax() if len(train) else None
    items = frame[frame["split"] == split].reset_index(drop=True)
    if benchmark == "ibm":
        predicted, stanced = _predict_ibm(items, model, majority)
        labels: tuple[str, ...] = ("PRO", "CON")
    else:
        if targets is None:
            raise InvalidOptionError(
                "evaluate_stance(benchmark='semeval') needs targets: pass "
                "targets='data/targets/semeval2016.yaml' (one target per SemEval target, "
                "matched by its label)."
            )
        predicted, stanced = _predict_semeval(items, model, load_targets(targets))
        labels = ("FAVOR", "AGAINST", "NONE")
    gold = items["label"].tolist()
    rows = []
    for name, pred, cover in (
        (method, predicted, stanced),
        ("majority", [majority] * len(gold), float(majority != "NONE")),
    ):
        accuracy, f1s = _scores(gold, pred, labels)
        row = {"benchmark": benchmark, "split": split, "method": name, "n": len(gold),
               "accuracy": round(accuracy, 4),
               "macro_f1": round(sum(f1s.values()) / len(f1s), 4),
               "coverage": round(cover, 4)}
        if benchmark == "semeval":
            row["f_avg"] = round((f1s["FAVOR"] + f1s["AGAINST"]) / 2, 4)
        rows.append(row)
    table = pd.DataFrame(rows)
    table.attrs["predictions"] = items.assign(predicted=predicted)
    return table


def _predict_ibm(
    items: pd.DataFrame, model: StanceScorer, majority: str | None
) -> tuple[list[str], float]:
    import pandas as pd

    predicted = [majority or "PRO"] * len(items)
    n_stanced = 0
    for (topic, phrase), group in items.groupby(["target", "topic_target"], sort=False):
        targets = load_targets({"topic": phrase_patterns(str(phrase))})
        topic_row = pd.DataFrame({"sentence_id": [0], "text": [str(topic)]})
        direction = model(topic_row, targets)["score"].iloc[0]
        sign = -1 if direction < 0 else 1
        claims = pd.DataFrame({"sentence_id": range(len(group)), "text": group["text"].tolist()})
        result = model(claims, targets)
        for pos, stance in zip(group.index, result["stance"], strict=True):
            if stance == "none":
                continue
            n_stanced += 1
            agree = (stance == "favor") == (sign > 0)
            predicted[pos] = "PRO" if agree else "CON"
    return predicted, n_stanced / max(len(items), 1)


def _predict_semeval(
    items: pd.DataFrame, model: StanceScorer, targets: Targets
) -> tuple[list[str], float]:
    import pandas as pd

    by_label = {t.label.lower(): t for t in targets.values()}
    unknown = sorted({str(t) for t in items["target"]} - {k for k in by_label}, key=str.lower)
    unknown = [u for u in unknown if u.lower() not in by_label]
    if unknown:
        raise InvalidOptionError(
            f"No target has the label(s) {unknown}; give each SemEval target a target "
            "whose 'label' is the SemEval target name."
        )
    predicted = ["NONE"] * len(items)
    n_stanced = 0
    for name, group in items.groupby("target", sort=False):
        target = by_label[str(name).lower()]
        one = Targets([target])
        frame = pd.DataFrame({
            "sentence_id": range(len(group)),
            "text": [_semeval_clean(t) for t in group["text"]],
        })
        result = model(frame, one)
        for pos, stance in zip(group.index, result["stance"], strict=True):
            if stance != "none":
                n_stanced += 1
                predicted[pos] = "FAVOR" if stance == "favor" else "AGAINST"
    return predicted, n_stanced / max(len(items), 1)
