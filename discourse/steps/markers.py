"""Stance and engagement markers (Hyland 2005): hedges, boosters, attitude markers,
self-mentions and engagement markers, counted per sentence and per 1,000 words.

The word lists are package data (``lexicons/stance_markers.yaml``), written for this
package after the classification in Hyland (2005), "Stance and engagement: a model of
interaction in academic discourse", *Discourse Studies* 7(2), and the appendix of Hyland
(2005), *Metadiscourse*. Counting is lexical, as in Hyland's own frequency counts: a word
list cannot tell epistemic "may" from permission "may", so rates compare texts rather than
certify each hit; the matched words are returned so that hits can be checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InvalidOptionError, check_choice
from discourse.lexicon.dictionary import Dictionary, load_dictionary, text_tokens
from discourse.lexicon.resources import lexicon_words
from discourse.steps.base import Step, StepOutput
from discourse.text.inputs import sentence_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MARKER_CATEGORIES", "MarkersStep", "marker_rates", "stance_markers"]

#: The marker categories, in the order of the count columns.
MARKER_CATEGORIES = (
    "hedges",
    "boosters",
    "attitude_markers",
    "self_mentions",
    "engagement_markers",
)
_LEXICON = "stance_markers.yaml"


@cache
def _markers(name: str = _LEXICON) -> Dictionary:
    """The marker lexicon as a keyword dictionary, one category per marker category.

    Categories may overlap ("we must" is engagement, "must" a booster): each keeps its own
    longest matches.
    """
    return load_dictionary({c: lexicon_words(name, c) for c in MARKER_CATEGORIES})


def stance_markers(data: Any) -> pd.DataFrame:
    """Count hedges, boosters, attitude markers, self-mentions and engagement markers.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
        Anything :func:`discourse.text.inputs.sentence_frame` accepts.

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``sentence_id``, ``section_id`` and ``paragraph_id`` (when the
        input has them), ``n_words``, one count column per category in
        :data:`MARKER_CATEGORIES`, and ``markers``: the matched words as a list of
        ``{text, start, end, category}`` (offsets into the article text when the input has
        a ``start`` column, else into the sentence).

    Examples
    --------
    >>> table = stance_markers(["We believe this may perhaps work.", "Clearly, you must act."])
    >>> table[["hedges", "boosters", "self_mentions", "engagement_markers"]].values.tolist()
    [[3, 0, 1, 0], [0, 2, 0, 1]]
    >>> [m["text"] for m in table["markers"][0]]
    ['We believe', 'We', 'may', 'perhaps']
    """
    import pandas as pd

    frame = sentence_frame(data)
    offsets = frame["start"].tolist() if "start" in frame.columns else [0] * len(frame)
    keys = [c for c in ("sentence_id", "section_id", "paragraph_id") if c in frame.columns]
    columns: dict[str, Any] = {k: frame[k].to_numpy() for k in keys}
    counted = marker_counts(frame["text"].tolist(), offsets)
    columns.update({c: pd.array(v, dtype="int64") if c != "markers" else v
                    for c, v in counted.items()})
    return pd.DataFrame(columns, index=range(len(frame)))


def marker_counts(texts: Sequence[Any], offsets: Sequence[int]) -> dict[str, list[Any]]:
    """``n_words``, a count per category and ``markers`` of each text, as lists.

    The columns of :func:`stance_markers` without the ids; ``offsets`` are added to the
    markers' offsets.

    Examples
    --------
    >>> marker_counts(["We may agree."], [10])["markers"][0][1]
    {'text': 'may', 'start': 13, 'end': 16, 'category': 'hedges'}
    """
    markers = _markers()
    # Columns built as lists and handed to pandas once: no per-row frames.
    n_words: list[int] = []
    counts: dict[str, list[int]] = {c: [] for c in MARKER_CATEGORIES}
    found_all: list[list[dict[str, Any]]] = []
    for text, base in zip(texts, offsets, strict=True):
        text = str(text)
        tokens = text_tokens(text)  # shared with the keywords and topics steps
        sentence_counts = dict.fromkeys(MARKER_CATEGORIES, 0)
        found = []
        # The words of a phrase may be separated by punctuation too (no ``joinable``).
        hits = markers.find(tokens.words)
        if hits:  # token spans are computed on demand, for sentences with hits only
            spans, base = tokens.spans, int(base)
            for hit in hits:
                start, end = spans[hit.first][0], spans[hit.last - 1][1]
                sentence_counts[hit.category] += 1
                found.append({"text": text[start:end], "start": base + start,
                              "end": base + end, "category": hit.category})
            found.sort(key=lambda m: (m["start"], m["category"]))
        n_words.append(len(tokens.words))
        for category, count in sentence_counts.items():
            counts[category].append(count)
        found_all.append(found)
    return {"n_words": n_words, **counts, "markers": found_all}


def marker_rates(
    data: Any, *, by: Literal["section", "paragraph", "article"] = "section"
) -> pd.DataFrame:
    """Stance markers per 1,000 words, per section, paragraph or the whole article.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str, or a :func:`stance_markers` table
    by : {"section", "paragraph", "article"}
        ``"section"`` needs a ``section_id`` column (an Article or Analysis has one).

    Returns
    -------
    pandas.DataFrame
        One row per group: ``section_id`` / ``paragraph_id`` (none for ``"article"``),
        ``n_words``, the count of each category, and ``<category>_per_1000``.

    Examples
    --------
    >>> rates = marker_rates(["We may perhaps agree.", "You must see it."], by="article")
    >>> rates.loc[0, ["n_words", "hedges"]].tolist(), float(rates.loc[0, "hedges_per_1000"])
    ([8, 2], 250.0)
    """
    import pandas as pd

    check_choice("by", by, ("section", "paragraph", "article"))
    is_table = isinstance(data, pd.DataFrame) and {"n_words", *MARKER_CATEGORIES} <= set(
        data.columns
    )
    table = data if is_table else stance_markers(data)
    key = {"section": "section_id", "paragraph": "paragraph_id", "article": None}[by]
    if key is not None and key not in table.columns:
        raise InvalidOptionError(
            f"marker_rates(by={by!r}) needs a {key!r} column; pass an Article or Analysis, "
            "or use by='article'."
        )
    columns = ["n_words", *MARKER_CATEGORIES]
    keys = table[key].tolist() if key is not None else None
    return _rates(keys, key, {c: table[c].tolist() for c in columns})


def _rates(keys: list[Any] | None, key: str | None, counts: dict[str, list[int]]) -> pd.DataFrame:
    """The table of :func:`marker_rates` from each sentence's group and counts."""
    import numpy as np
    import pandas as pd

    columns = ["n_words", *MARKER_CATEGORIES]
    # Sums over plain lists: a pandas groupby costs more than the counting on an article.
    if keys is None:
        keys = [None] * len(counts["n_words"])
    sums: dict[Any, list[int]] = {}
    for group, *values in zip(keys, *(counts[c] for c in columns), strict=True):
        total = sums.setdefault(group, [0] * len(columns))
        for j, v in enumerate(values):
            total[j] += int(v)
    groups = sorted(sums) if key is not None else list(sums) or [None]
    zero = [0] * len(columns)
    totals = np.array([sums.get(g, zero) for g in groups], dtype=np.int64).reshape(
        len(groups), len(columns))
    out: dict[str, Any] = {key: groups} if key is not None else {}
    out.update({column: totals[:, j] for j, column in enumerate(columns)})
    words = totals[:, :1]
    # All categories at once; np.round rounds as round() of numpy scalars does. No words: NaN.
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = np.where(words > 0, np.round(1000 * totals[:, 1:] / words, 2), np.nan)
    for j, category in enumerate(MARKER_CATEGORIES):
        # No groups: an empty list, as before (pandas makes it an object column).
        out[f"{category}_per_1000"] = rates[:, j] if len(groups) else []
    return pd.DataFrame(out)


class MarkersStep(Step):
    """Stance markers per sentence (:func:`stance_markers`) and per section (``markers``)."""

    name = "markers"
    order = 30
    requires = ("text",)
    assigns = MARKER_CATEGORIES

    def run(self, article: Any, sentences: pd.DataFrame) -> StepOutput:
        counts = marker_counts(sentences["text"].tolist(), sentences["start"].tolist())
        rates = _rates(sentences["section_id"].tolist(), "section_id", counts)
        return StepOutput({c: counts[c] for c in self.assigns}, {"markers": rates})
