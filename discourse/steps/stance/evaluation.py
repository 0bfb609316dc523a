"""Stance benchmarks: NewsMTSC, IBM Debater Claim Stance and SemEval-2016 task 6.

:func:`evaluate_target_sentiment` scores NewsMTSC (sentiment toward a named person in
political news) with a stance scorer, one target per example whose only pattern is the
mention's text. :func:`evaluate_stance` scores a stance benchmark split. Both report
accuracy and macro-F1 beside the majority class and the sentence-sentiment label. For IBM,
the direction of each debate topic toward its target phrase is derived with the same
scorer; SemEval targets come from a targets file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from discourse.errors import InvalidLexiconError, InvalidOptionError
from discourse.steps.stance.scoring import LearnedStanceScorer, LexicalStanceScorer, StanceScorer
from discourse.steps.stance.targets import (
    Target,
    Targets,
    TargetsLike,
    load_targets,
    phrase_patterns,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "POLICY_MODEL",
    "clean_tweet",
    "evaluate_stance",
    "evaluate_target_sentiment",
    "policy_scorer",
]

#: NewsMTSC polarity -> stance label.
NEWSMTSC_LABELS = {1: "favor", -1: "against", 0: "none"}

def _scores(gold: list[str], pred: list[str], labels: Iterable[str]) -> tuple[float, dict]:
    f1s = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        f1s[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1)
    return accuracy, f1s


def clean_tweet(text: str) -> str:
    """A SemEval tweet as text: ``#SemST`` removed, hashtags read as words.

    Examples
    --------
    >>> clean_tweet("Love wins #prolife #SemST")
    'Love wins prolife'
    """
    text = re.sub(r"#SemST\b", "", text)
    # Hashtags are words in tweets: "#prolife" reads as "prolife".
    return re.sub(r"#(\w)", r"\1", text).strip()


#: The model file of the default benchmark scorer (policy and debate targets).
POLICY_MODEL = "stance_policy_model.json"


def policy_scorer() -> LearnedStanceScorer:
    """The learned scorer with the policy-target model, scoring every text.

    Its weights (``lexicons/stance_policy_model.json``) were fitted by
    ``tools/fit_stance.py`` on the SemEval-2016 and IBM Claim Stance *train* splits; texts
    that do not name the target are scored from their words (``require_mention=False``).

    Examples
    --------
    >>> policy_scorer().require_mention
    False
    """
    return LearnedStanceScorer(model=POLICY_MODEL, require_mention=False)


def evaluate_stance(
    data: pd.DataFrame | str | Path,
    *,
    benchmark: Literal["ibm", "semeval"],
    split: Literal["train", "val", "test"] = "test",
    targets: TargetsLike | None = None,
    scorer: StanceScorer | None = None,
    baselines: bool | None = None,
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
        stance of the topic sentence toward that phrase (favor when nothing fires: a
        motion proposes its content), computed with the predicate rules for the default
        scorer (better on the train split than the model) and with ``scorer`` otherwise;
        the claim's label is PRO when its stance toward the target agrees with that
        direction. The default scorer decides every claim by the sign of its score (the
        benchmark has no neutral class); claims with no stance get the training split's
        majority label. Only the topic text, the topic target phrase and the claim text
        are used.
        ``"semeval"``: SemEval-2016 task 6 (FAVOR / AGAINST / NONE); ``targets`` maps each
        SemEval target name to a target, by its ``label`` (e.g.
        ``data/targets/semeval2016.yaml``). ``#SemST`` is removed and hashtags read as words.
    split : {"train", "val", "test"}
    targets : targets, optional
        Required for SemEval.
    scorer : StanceScorer, optional
        Default :func:`policy_scorer` (method ``learned``): the learned scorer with the
        model fitted on the two benchmarks' train splits.
    baselines : bool, optional
        Also report (default: for the default scorer only) the predicate rules alone (``lexical``:
        :class:`LexicalStanceScorer`, with ``require_mention=False`` for IBM) and the
        text's combined sentiment label (``sentence_sentiment``: positive → favor,
        negative → against, neutral → none, or the majority label for IBM).

    Returns
    -------
    pandas.DataFrame
        One row per method (``learned`` or the scorer's name, the baselines if asked for,
        and ``majority``): ``benchmark``, ``split``, ``method``, ``n``, ``accuracy``,
        ``macro_f1``, and ``coverage`` (share of items given a stance other than none by
        the method). For SemEval also ``f_avg`` (mean F1 of FAVOR and AGAINST, the task's
        official score). ``table.attrs["predictions"]`` holds the items with the first
        method's predicted labels.

    Examples
    --------
    >>> evaluate_stance("data/stance/ibm_claim_stance.csv", benchmark="ibm")  # doctest: +SKIP
      benchmark split    method     n  accuracy  macro_f1  coverage
    0       ibm  test             learned  1355    0.6155    0.6144     1.000
    1       ibm  test             lexical  1355    0.5956    0.5731     0.648
    2       ibm  test  sentence_sentiment  1355    0.5919    0.5734     0.752
    3       ibm  test            majority  1355    0.5166    0.3406     1.000
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
    if benchmark == "semeval" and targets is None:
        raise InvalidOptionError(
            "evaluate_stance(benchmark='semeval') needs targets: pass "
            "targets='data/targets/semeval2016.yaml' (one target per SemEval target, "
            "matched by its label)."
        )
    if baselines is None:
        baselines = scorer is None
    train = frame[frame["split"] == "train"]
    majority = train["label"].value_counts().idxmax() if len(train) else None
    items = frame[frame["split"] == split].reset_index(drop=True)
    loaded = load_targets(targets) if targets is not None else None
    rules = LexicalStanceScorer(require_mention=benchmark == "semeval")
    methods: list[tuple[str, list[str], float]] = []
    runs: list[tuple[str, StanceScorer, bool]] = [(
        "learned" if scorer is None else getattr(scorer, "__name__", type(scorer).__name__),
        scorer if scorer is not None else policy_scorer(), scorer is None,
    )]
    if baselines:
        runs.append(("lexical", rules, False))
    for name, model, default in runs:
        if benchmark == "ibm":
            predicted, stanced = _predict_ibm(
                items, model, majority, topic_model=rules if default else None,
                decide=default)
        else:
            assert loaded is not None
            predicted, stanced = _predict_semeval(items, model, loaded)
        methods.append((name, predicted, stanced))
    if baselines:
        methods.append(("sentence_sentiment",
                        *_sentiment_baseline(items, benchmark, majority, rules)))
    labels = ("PRO", "CON") if benchmark == "ibm" else ("FAVOR", "AGAINST", "NONE")
    gold = items["label"].tolist()
    methods.append(("majority", [majority] * len(gold), float(majority != "NONE")))
    rows = []
    for name, pred, cover in methods:
        accuracy, f1s = _scores(gold, pred, labels)
        row = {"benchmark": benchmark, "split": split, "method": name, "n": len(gold),
               "accuracy": round(accuracy, 4),
               "macro_f1": round(sum(f1s.values()) / len(f1s), 4),
               "coverage": round(cover, 4)}
        if benchmark == "semeval":
            row["f_avg"] = round((f1s["FAVOR"] + f1s["AGAINST"]) / 2, 4)
        rows.append(row)
    table = pd.DataFrame(rows)
    table.attrs["predictions"] = items.assign(predicted=methods[0][1])
    return table


def _sentiment_baseline(
    items: pd.DataFrame, benchmark: str, majority: str | None, rules: StanceScorer
) -> tuple[list[str], float]:
    """The text's combined sentiment label as the stance (times the topic's direction)."""
    import pandas as pd

    from discourse.steps.sentiment.scoring import score_sentiment

    texts = [clean_tweet(str(t)) if benchmark == "semeval" else str(t) for t in items["text"]]
    labels = score_sentiment(texts, columns="combined")["sentiment"].tolist()
    if benchmark == "semeval":
        to = {"positive": "FAVOR", "negative": "AGAINST", "neutral": "NONE"}
        pred = [to[x] for x in labels]
        return pred, sum(p != "NONE" for p in pred) / max(len(pred), 1)
    pred = [majority or "PRO"] * len(items)
    for (topic, phrase), group in items.groupby(["target", "topic_target"], sort=False):
        targets = load_targets({"topic": phrase_patterns(str(phrase))})
        topic_row = pd.DataFrame({"sentence_id": [0], "text": [str(topic)]})
        sign = -1 if rules(topic_row, targets)["score"].iloc[0] < 0 else 1
        for pos in group.index:
            if labels[pos] != "neutral":
                pred[pos] = "PRO" if (labels[pos] == "positive") == (sign > 0) else "CON"
    return pred, sum(x != "neutral" for x in labels) / max(len(labels), 1)


def _predict_ibm(
    items: pd.DataFrame, model: StanceScorer, majority: str | None,
    topic_model: StanceScorer | None = None, decide: bool = False,
) -> tuple[list[str], float]:
    import pandas as pd

    predicted = [majority or "PRO"] * len(items)
    n_stanced = 0
    for (topic, phrase), group in items.groupby(["target", "topic_target"], sort=False):
        targets = load_targets({"topic": phrase_patterns(str(phrase))})
        topic_row = pd.DataFrame({"sentence_id": [0], "text": [str(topic)]})
        direction = (topic_model or model)(topic_row, targets)["score"].iloc[0]
        sign = -1 if direction < 0 else 1
        claims = pd.DataFrame({"sentence_id": range(len(group)), "text": group["text"].tolist()})
        result = model(claims, targets)
        for pos, stance, score in zip(group.index, result["stance"], result["score"],
                                      strict=True):
            if stance == "none" and (not decide or not score):
                continue
            n_stanced += 1
            agree = (stance == "favor" or (stance == "none" and score > 0)) == (sign > 0)
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
            "text": [clean_tweet(t) for t in group["text"]],
        })
        result = model(frame, one)
        for pos, stance in zip(group.index, result["stance"], strict=True):
            if stance != "none":
                n_stanced += 1
                predicted[pos] = "FAVOR" if stance == "favor" else "AGAINST"
    return predicted, n_stanced / max(len(items), 1)


def _read_jsonl(path: str | Path) -> list[dict]:
    import json

    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _target_stances(rows: list[dict], model: StanceScorer) -> list[str]:
    """One call per distinct mention text: its sentences, with that text as the target."""
    import pandas as pd

    predicted = ["none"] * len(rows)
    groups: dict[str, list[int]] = {}
    for k, r in enumerate(rows):
        groups.setdefault(str(r["mention"]), []).append(k)
    for mention, members in groups.items():
        try:
            targets = Targets([Target.build("target", [mention])])
        except InvalidLexiconError:
            continue  # a mention without letters cannot be a pattern: "none"
        frame = pd.DataFrame({"sentence_id": range(len(members)),
                              "text": [str(rows[k]["sentence"]) for k in members]})
        result = model(frame, targets)
        for k, stance in zip(members, result["stance"], strict=True):
            predicted[k] = stance
    return predicted


def evaluate_target_sentiment(
    data: str | Path | pd.DataFrame,
    *,
    scorer: StanceScorer | None = None,
    baselines: bool = True,
) -> pd.DataFrame:
    """Macro-F1 (F1m) and accuracy on NewsMTSC-style target sentiment, with baselines.

    Each example is one sentence and one mention; the stance target's only pattern is the
    mention's exact text, and the labels map positive → favor, negative → against,
    neutral → none (Hamborg & Donnay 2021's F1m is the macro-F1 over the three classes).

    Parameters
    ----------
    data : path or DataFrame
        A NewsMTSC ``.jsonl`` file (e.g. ``data/target_sentiment/newsmtsc/dev_mt.jsonl``)
        or a table with ``sentence``, ``mention`` and ``polarity`` (-1, 0, 1) columns.
    scorer : StanceScorer, optional
        Default :class:`~discourse.steps.stance.scoring.LearnedStanceScorer` (method ``learned``).
    baselines : bool
        Add the rows ``lexical`` (:class:`~discourse.steps.stance.scoring.LexicalStanceScorer`),
        ``sentence_sentiment`` (the sentence's combined sentiment label, the same for every
        target of a sentence) and ``majority`` (the file's most frequent gold label: an
        optimistic baseline).

    Returns
    -------
    pandas.DataFrame
        One row per method: ``dataset``, ``method``, ``n``, ``accuracy``, ``macro_f1``,
        ``f1_favor``, ``f1_against``, ``f1_none``.
        ``table.attrs["predictions"]`` holds the examples with each method's labels.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"sentence": ["Critics slammed Smith for the disastrous delay."],
    ...                      "mention": ["Smith"], "polarity": [-1]})
    >>> table = evaluate_target_sentiment(rows)
    >>> float(table.set_index("method").loc["learned", "accuracy"])
    1.0
    """
    import pandas as pd

    from discourse.steps.sentiment.scoring import score_sentiment

    if isinstance(data, pd.DataFrame):
        rows, name = data.to_dict("records"), "<table>"
    else:
        rows, name = _read_jsonl(data), Path(data).stem
    missing = [c for c in ("sentence", "mention", "polarity") if rows and c not in rows[0]]
    if missing:
        raise InvalidOptionError(
            f"The target-sentiment data {name} lacks {missing}; pass a NewsMTSC .jsonl file "
            "(keys sentence, mention, polarity)."
        )
    gold = [NEWSMTSC_LABELS[int(r["polarity"])] for r in rows]
    methods: dict[str, list[str]] = {}
    method = "learned" if scorer is None else getattr(scorer, "__name__", type(scorer).__name__)
    methods[method] = _target_stances(rows, scorer or LearnedStanceScorer())
    if baselines:
        methods["lexical"] = _target_stances(rows, LexicalStanceScorer())
        sentiment = score_sentiment([str(r["sentence"]) for r in rows], columns="combined")
        to_stance = {"positive": "favor", "negative": "against", "neutral": "none"}
        methods["sentence_sentiment"] = [to_stance[s] for s in sentiment["sentiment"]]
        majority = max(("favor", "against", "none"), key=gold.count)
        methods["majority"] = [majority] * len(gold)
    table = pd.DataFrame([
        {"dataset": name, "method": m, "n": len(gold), **_summary(gold, pred)}
        for m, pred in methods.items()
    ])
    table.attrs["predictions"] = pd.DataFrame(rows).assign(
        gold=gold, **{f"pred_{m}": p for m, p in methods.items()}
    )
    return table


def _summary(gold: list[str], pred: list[str]) -> dict[str, float]:
    accuracy, f1s = _scores(gold, pred, ("favor", "against", "none"))
    return {"accuracy": round(accuracy, 4),
            "macro_f1": round(sum(f1s.values()) / 3, 4),
            **{f"f1_{k}": round(v, 4) for k, v in f1s.items()}}
