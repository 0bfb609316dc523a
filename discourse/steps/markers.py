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

from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InvalidLexiconError, InvalidOptionError, check_choice
from discourse.lexicon.dictionary import Dictionary, TextTokens, load_dictionary
from discourse.lexicon.resources import load_lexicon
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
    lex = load_lexicon(name)
    if not isinstance(lex, dict):
        raise InvalidLexiconError(f"Lexicon {name}: expected a mapping of category to words.")
    for category in MARKER_CATEGORIES:
        entries = lex.get(category)
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise InvalidLexiconError(
                f"Lexicon {name}: category {category!r} must be a list of words or phrases "
                "(quote YAML words such as \"true\" or \"no\")."
            )
    return load_dictionary({category: lex[category] for category in MARKER_CATEGORIES})


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
    markers = _markers()
    offsets = frame["start"].tolist() if "start" in frame.columns else [0] * len(frame)
    rows = []
    for text, base in zip(frame["text"].astype(str), offsets, strict=True):
        tokens = TextTokens(text)
        counts = dict.fromkeys(MARKER_CATEGORIES, 0)
        found = []
        # The words of a phrase may be separated by punctuation too (no ``joinable``).
        for hit in markers.find(tokens.words):
            start, end = tokens.spans[hit.first][0], tokens.spans[hit.last - 1][1]
            counts[hit.category] += 1
            found.append({"text": text[start:end], "start": int(base) + start,
                          "end": int(base) + end, "category": hit.category})
        found.sort(key=lambda m: (m["start"], m["category"]))
        rows.append({"n_words": len(tokens.words), **counts, "markers": found})
    keys = [c for c in ("sentence_id", "section_id", "paragraph_id") if c in frame.columns]
    columns = ["n_words", *MARKER_CATEGORIES, "markers"]
    out = pd.concat(
        [frame[keys].reset_index(drop=True),
         pd.DataFrame(rows, index=range(len(rows)), columns=columns)],
        axis=1,
    )
    return out.astype({c: "int64" for c in ("n_words", *MARKER_CATEGORIES)})


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
    if key is None:
        grouped = table[columns].sum().to_frame().T
    else:
        grouped = table.groupby(key, sort=True)[columns].sum().reset_index()
    for category in MARKER_CATEGORIES:
        words = grouped["n_words"].where(grouped["n_words"] > 0)
        grouped[f"{category}_per_1000"] = (1000 * grouped[category] / words).round(2)
    return grouped.astype({c: "int64" for c in columns}).reset_index(drop=True)


class MarkersStep(Step):
    """Stance markers per sentence (:func:`stance_markers`) and per section (``markers``)."""

    name = "markers"
    order = 30
    requires = ("text",)
    assigns = MARKER_CATEGORIES

    def run(self, article: Any, sentences: pd.DataFrame) -> StepOutput:
        markers = stance_markers(sentences)
        return StepOutput({c: markers[c] for c in self.assigns},
                          {"markers": marker_rates(markers, by="section")})
