"""Sentence-level sentiment: TextBlob and VADER scores plus a corrected, combined score.

:func:`score_sentiment` gives, for every sentence, TextBlob's own ``polarity`` and
``subjectivity`` (the default ``PatternAnalyzer``), VADER's own ``vader_*`` scores, and a
combined ``sentiment_score`` with a ``sentiment`` label. TextBlob's and VADER's numbers come
from exact reimplementations (:mod:`discourse.steps.sentiment.textblob_port`,
:mod:`discourse.steps.sentiment.vader_port`: same floats, several times faster, and without
importing TextBlob and NLTK).

The combined score does not reuse the packages' numbers. It comes from one corrected pass
over the TextBlob, VADER and AFINN-165 lexicons (:mod:`discourse.steps.sentiment.features`; AFINN
is read from the ``afinn`` package's word list) that reads "isn't" as "is not",
scopes negations, weighs "but" clauses, applies intensifiers, and skips titles, roles,
institutions and names ("Foreign Minister", "top diplomat", "Security Council", capitalised
names; list in ``lexicons/sentiment_neutral.yaml``). A linear model learned on tweets,
movie and Amazon review snippets (``lexicons/sentiment_model.json``, written by
``tools/fit_sentiment.py``) combines the pass's features. The NYT editorial snippets were
kept out of the fit as a test set: see :func:`evaluate_sentiment`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InvalidLexiconError, InvalidOptionError, check_choice
from discourse.text.inputs import sentence_frame
from discourse.text.spans import FRAME_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BY_SECTION_COLUMNS",
    "DEFAULT_THRESHOLDS",
    "SENTIMENT_COLUMNS",
    "evaluate_sentiment",
    "score_sentiment",
    "sentiment_by_section",
]

#: Score columns :func:`score_sentiment` adds, in order.
SENTIMENT_COLUMNS = (
    "polarity",
    "subjectivity",
    "vader_compound",
    "vader_pos",
    "vader_neu",
    "vader_neg",
    "sentiment_score",
    "sentiment",
)
#: Columns of :func:`sentiment_by_section`, in order.
BY_SECTION_COLUMNS = (
    "section_id",
    "n_sentences",
    "mean_score",
    "share_positive",
    "share_negative",
    "most_positive_id",
    "most_positive_text",
    "most_negative_id",
    "most_negative_text",
)
#: ``sentiment`` is "negative" at or below the first value, "positive" at or above the
#: second, "neutral" in between (VADER's convention for its compound score).
DEFAULT_THRESHOLDS = (-0.05, 0.05)
_EVAL_SCORES = {
    "textblob_polarity": "polarity",
    "vader_compound": "vader_compound",
    "sentiment_score": "sentiment_score",
}


@cache
def _model() -> tuple[float, ...]:
    from discourse.lexicon.resources import load_lexicon
    from discourse.steps.sentiment.features import MODEL_INPUTS

    spec = load_lexicon("sentiment_model.json")
    coef = spec.get("coefficients")
    if list(spec.get("inputs", [])) != list(MODEL_INPUTS) or len(coef or []) != len(MODEL_INPUTS):
        raise InvalidLexiconError(
            "lexicons/sentiment_model.json does not match the model inputs "
            f"{list(MODEL_INPUTS)}; run tools/fit_sentiment.py to refit it."
        )
    return tuple(float(c) for c in coef)


def _combined(text: str) -> float:
    from discourse.steps.sentiment.features import lexicon_inputs

    coef = _model()
    x = lexicon_inputs(text)
    score = sum(c * v for c, v in zip(coef, x, strict=True))
    return max(-1.0, min(1.0, score))


def _check_thresholds(thresholds: Sequence[float]) -> tuple[float, float]:
    try:
        low, high = (float(t) for t in thresholds)
    except (TypeError, ValueError):
        raise InvalidOptionError(
            f"thresholds={thresholds!r} must be two numbers (negative_max, positive_min), "
            "e.g. (-0.05, 0.05)."
        ) from None
    if not -1.0 <= low <= high <= 1.0:
        raise InvalidOptionError(
            f"thresholds={thresholds!r} must satisfy -1 <= negative_max <= positive_min <= 1."
        )
    return low, high


def _label(score: float, low: float, high: float) -> str:
    if score >= high:
        return "positive"
    if score <= low:
        return "negative"
    return "neutral"


def score_sentiment(
    data: Any,
    *,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    columns: Literal["all", "combined"] = "all",
) -> pd.DataFrame:
    """Score the sentiment of every sentence.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
        Anything :func:`discourse.text.inputs.sentence_frame` accepts.
    thresholds : (float, float)
        ``(negative_max, positive_min)`` for the ``sentiment`` label: a
        ``sentiment_score`` at or below the first is "negative", at or above the second
        "positive", otherwise "neutral". Default ``(-0.05, 0.05)``, VADER's convention.
    columns : {"all", "combined"}
        "all" computes every column; "combined" only ``sentiment_score`` and ``sentiment``
        (faster: TextBlob's and VADER's scores are not computed, and their columns are left
        out).

    Returns
    -------
    DataFrame
        One row per sentence, in input order, with the sentence table's ``section_id``,
        ``section_heading``, ``section_kind``, ``paragraph_id``, ``sentence_id``, ``kind``,
        ``start``, ``end`` and ``text`` columns when present, then:

        * ``polarity`` (-1..1), ``subjectivity`` (0..1): exactly ``TextBlob(text).sentiment``;
        * ``vader_compound`` (-1..1), ``vader_pos``, ``vader_neu``, ``vader_neg`` (0..1):
          exactly VADER's ``polarity_scores(text)``;
        * ``sentiment_score`` (-1..1): the corrected, combined score (module docstring);
        * ``sentiment``: "positive", "neutral" or "negative" from ``thresholds``.

    Examples
    --------
    >>> scored = score_sentiment(["This isn't a bad idea.", "The talks failed."])
    >>> scored[["sentence_id", "sentiment"]].values.tolist()
    [[0, 'positive'], [1, 'negative']]
    >>> round(float(scored.loc[0, "polarity"]), 2)  # TextBlob itself misses the "n't"
    -0.7
    """
    import pandas as pd

    check_choice("columns", columns, ("all", "combined"))
    _check_thresholds(thresholds)  # before reading the input
    frame = sentence_frame(data)
    ids = frame[[c for c in FRAME_COLUMNS if c in frame.columns]].reset_index(drop=True)
    new = sentiment_values(frame["text"].tolist(), thresholds, exact=columns == "all")
    new["sentiment"] = pd.Series(new["sentiment"], dtype="object")
    # One concat: inserting the columns one by one costs more than scoring a short text.
    return pd.concat([ids, pd.DataFrame(new)], axis=1)


def sentiment_values(texts: Sequence[Any], thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
                     *, exact: bool = True) -> dict[str, Any]:
    """The columns of :func:`score_sentiment` for ``texts``, as arrays and a list of labels.

    ``exact=False`` leaves TextBlob's and VADER's own columns out.

    Examples
    --------
    >>> sentiment_values(["A good plan.", "They met."])["sentiment"]
    ['positive', 'neutral']
    """
    import numpy as np

    low, high = _check_thresholds(thresholds)
    texts = [t if isinstance(t, str) else "" for t in texts]
    # Each distinct sentence is scored once (boilerplate and quotes repeat in corpora).
    unique = dict.fromkeys(texts)
    combined = {t: _combined(t) for t in unique}
    scores = [combined[t] for t in texts]
    new: dict[str, Any] = {}
    if exact:
        from discourse.steps.sentiment.textblob_port import pattern_sentiment
        from discourse.steps.sentiment.vader_port import vader_scores

        # TextBlob's and VADER's own numbers, from exact reimplementations (importing
        # TextBlob alone takes about a second; both run several times faster here).
        values = {t: pattern_sentiment(t) + vader_scores(t) for t in unique}
        rows = [values[t] for t in texts]
        for j, name in enumerate(SENTIMENT_COLUMNS[:6]):
            new[name] = np.array([r[j] for r in rows], dtype="float64")
    new["sentiment_score"] = np.array(scores, dtype="float64")
    new["sentiment"] = [_label(s, low, high) for s in scores]
    return new


def sentiment_by_section(scored: pd.DataFrame) -> pd.DataFrame:
    """Aggregate sentence scores per section.

    Parameters
    ----------
    scored : DataFrame
        The output of :func:`score_sentiment`. Without a ``section_id`` column all rows
        form one section with id 0.

    Returns
    -------
    DataFrame
        One row per ``section_id`` (sorted): ``n_sentences``; ``mean_score`` (mean
        ``sentiment_score``); ``share_positive`` / ``share_negative`` (share of sentences
        labelled so); ``most_positive_id`` / ``most_positive_text``: the sentence with the
        highest score, if any scores above 0 (first one on ties), else missing; likewise
        ``most_negative_id`` / ``most_negative_text`` for the lowest score below 0.
        ``section_heading`` follows ``section_id`` when the input has it.

    Examples
    --------
    >>> scored = score_sentiment(["A good plan.", "The war is terrible.", "They met."])
    >>> agg = sentiment_by_section(scored)
    >>> agg[["n_sentences", "most_positive_id", "most_negative_id"]].values.tolist()
    [[3, 0, 1]]
    """
    missing = {"sentence_id", "sentiment_score", "sentiment"} - set(scored.columns)
    if missing:
        raise InvalidOptionError(
            f"sentiment_by_section needs the output of score_sentiment; columns "
            f"{sorted(missing)} are missing."
        )
    heading = "section_heading" in scored.columns
    n = len(scored)
    return section_sentiment(
        scored["section_id"].tolist() if "section_id" in scored.columns else [0] * n,
        scored["section_heading"].tolist() if heading else None,
        scored["sentence_id"].tolist(),
        scored["text"].tolist() if "text" in scored.columns else [None] * n,
        scored["sentiment_score"].tolist(),
        scored["sentiment"].tolist(),
    )


def section_sentiment(section_ids: Sequence[Any], headings: Sequence[Any] | None,
                      sentence_ids: Sequence[Any], texts: Sequence[Any],
                      scores: Sequence[float], labels: Sequence[str]) -> pd.DataFrame:
    """The table of :func:`sentiment_by_section` from its input columns as lists.

    ``headings`` is None when there is no ``section_heading`` column.
    """
    import numpy as np
    import pandas as pd

    columns = list(BY_SECTION_COLUMNS)
    if headings is not None:
        columns.insert(1, "section_heading")
    if not len(sentence_ids):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    members: dict[Any, list[int]] = {}
    for i, sid in enumerate(section_ids):
        if sid == sid:  # a missing id (NaN) joins no section, as in a groupby
            members.setdefault(sid, []).append(i)
    rows = []
    for sid in sorted(members):
        part = members[sid]
        # first index of the highest / lowest score, as numpy's argmax / argmin
        top = max(part, key=lambda i: (scores[i], -i))
        bottom = min(part, key=lambda i: (scores[i], i))
        row = {
            "section_id": sid,
            "n_sentences": len(part),
            "mean_score": float(np.mean([scores[i] for i in part])),
            "share_positive": sum(labels[i] == "positive" for i in part) / len(part),
            "share_negative": sum(labels[i] == "negative" for i in part) / len(part),
            "most_positive_id": sentence_ids[top] if scores[top] > 0 else None,
            "most_positive_text": texts[top] if scores[top] > 0 else None,
            "most_negative_id": sentence_ids[bottom] if scores[bottom] < 0 else None,
            "most_negative_text": texts[bottom] if scores[bottom] < 0 else None,
        }
        if headings is not None:
            row["section_heading"] = headings[part[0]]
        rows.append(row)
    data: dict[str, Any] = {c: [row[c] for row in rows] for c in columns}
    for col in ("most_positive_id", "most_negative_id"):
        data[col] = pd.array(data[col], dtype="Int64")
    return pd.DataFrame(data)


def evaluate_sentiment(
    texts: Sequence[str],
    gold: Sequence[float],
    *,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
) -> pd.DataFrame:
    """Compare TextBlob polarity, VADER compound and the combined score with human ratings.

    Parameters
    ----------
    texts : sequence of str
        One sentence (or snippet) per item; each is scored as one unit.
    gold : sequence of float
        Human ratings, positive = positive sentiment (e.g. VADER's mean ratings, -4..4).
    thresholds : (float, float)
        Decision thresholds applied to every score, as in :func:`score_sentiment`.

    Returns
    -------
    DataFrame
        Index ``textblob_polarity``, ``vader_compound``, ``sentiment_score``; columns:

        * ``n``: number of items;
        * ``pearson_r``: Pearson correlation of the score with ``gold`` over all items;
        * ``f1_positive``, ``f1_negative``, ``f1``: two-class F1 as in Hutto & Gilbert
          (2014). The gold class is the sign of the rating; items rated exactly 0 are left
          out (``n_f1`` items remain). A score at or above ``thresholds[1]`` predicts
          positive, at or below ``thresholds[0]`` negative; a score in between predicts
          neither, so it counts as a miss (lower recall) of its gold class. ``f1`` is the
          support-weighted mean of the two per-class F1 values; ``precision`` and
          ``recall`` are weighted the same way.

    Examples
    --------
    >>> table = evaluate_sentiment(["Great!", "Awful.", "Fine, good."], [3.0, -3.0, 1.5])
    >>> table.loc["sentiment_score", ["n", "f1"]].tolist()
    [3.0, 1.0]
    """
    import numpy as np
    import pandas as pd

    texts = list(texts)
    y = np.asarray(gold, dtype=float)
    if len(texts) != len(y):
        raise InvalidOptionError(
            f"texts and gold differ in length ({len(texts)} vs {len(y)}); pass one rating "
            "per text."
        )
    low, high = _check_thresholds(thresholds)
    scored = score_sentiment(texts, thresholds=(low, high))
    keep = y != 0
    truth = np.where(y > 0, 1, -1)[keep]
    rows = {}
    for name, column in _EVAL_SCORES.items():
        s = scored[column].to_numpy(dtype=float)
        r = float(np.corrcoef(s, y)[0, 1]) if len(y) > 1 and s.std() and y.std() else np.nan
        pred = np.where(s >= high, 1, np.where(s <= low, -1, 0))[keep]
        stats = []
        for cls in (1, -1):
            tp = float(np.sum((pred == cls) & (truth == cls)))
            n_pred, n_true = float(np.sum(pred == cls)), float(np.sum(truth == cls))
            p = tp / n_pred if n_pred else 0.0
            rec = tp / n_true if n_true else 0.0
            f = 2 * p * rec / (p + rec) if p + rec else 0.0
            stats.append((p, rec, f, n_true))
        support = sum(st[3] for st in stats) or 1.0
        rows[name] = {
            "n": float(len(y)),
            "pearson_r": r,
            "n_f1": float(keep.sum()),
            "precision": sum(st[0] * st[3] for st in stats) / support,
            "recall": sum(st[1] * st[3] for st in stats) / support,
            "f1": sum(st[2] * st[3] for st in stats) / support,
            "f1_positive": stats[0][2],
            "f1_negative": stats[1][2],
        }
    return pd.DataFrame.from_dict(rows, orient="index")
