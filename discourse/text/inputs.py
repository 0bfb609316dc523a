"""Coerce the inputs every analysis step accepts into one sentence table.

Each step (``score_sentiment``, ``keyword_frequencies``, ``segment_topics``, ...) accepts an
:class:`~discourse.text.spans.Article`, an :class:`~discourse.analysis.Analysis`, a DataFrame
with a ``text`` column, a list of strings or a single string, and works on the table
returned by :func:`sentence_frame`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discourse.errors import InvalidOptionError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["sentence_frame"]


def sentence_frame(data: Any) -> pd.DataFrame:
    """Return a sentence table with at least ``sentence_id`` and ``text`` columns.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
        An Article gives :meth:`Article.to_frame`; an Analysis its ``sentences`` table; a
        DataFrame must have a ``text`` column (a ``sentence_id`` column is added, counting
        from 0, if missing); a list of strings is one sentence per item; a string is parsed
        with :func:`discourse.read_article` first.

    Examples
    --------
    >>> sentence_frame(["Peace is near.", "War is not."])[["sentence_id", "text"]].values.tolist()
    [[0, 'Peace is near.'], [1, 'War is not.']]
    """
    import pandas as pd

    from discourse.text.spans import Article

    if isinstance(data, Article):
        return data.to_frame()
    frame = getattr(data, "sentences", None)
    if isinstance(frame, pd.DataFrame):  # an Analysis
        return frame
    if isinstance(data, pd.DataFrame):
        if "text" not in data.columns:
            raise InvalidOptionError(
                "The DataFrame given has no 'text' column; pass a table with one sentence "
                f"per row in a 'text' column (columns found: {list(data.columns)})."
            )
        if "sentence_id" not in data.columns:
            data = data.assign(sentence_id=range(len(data)))
        return data
    if isinstance(data, str):
        from discourse.text.reading import read_article

        return read_article(data).to_frame()
    if isinstance(data, (list, tuple)) and all(isinstance(t, str) for t in data):
        return pd.DataFrame({"sentence_id": range(len(data)), "text": list(data)})
    raise InvalidOptionError(
        f"Cannot analyse an object of type {type(data).__name__}; pass an Article, an "
        "Analysis, a DataFrame with a 'text' column, a list of strings or a string."
    )
