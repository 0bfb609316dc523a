"""The speakers of an article: one row per speaker, with what the article says about them.

Built on :func:`discourse.attribute_quotes`; the phrases and their resolution are in
:mod:`discourse.steps.quotes.mentions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discourse.steps.quotes.attribution import attribute_quotes
from discourse.steps.quotes.mentions import role_class

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SPEAKER_COLUMNS", "role_class", "speaker_table"]

# --------------------------------------------------------------------------- speaker table

#: Columns of :func:`speaker_table`, in order.
SPEAKER_COLUMNS = (
    "speaker", "kind", "named", "role", "nationality", "organisation", "n_direct", "n_indirect",
    "n_mixed", "n_sentences", "first_mention", "mentions", "n_belief",
)


def speaker_table(data: Any, speakers: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """One row per speaker of an article, with what the article says about them.

    Parameters
    ----------
    data : Article, Analysis, str, path, or the DataFrame of :func:`attribute_quotes`
        An article (or its text or path) is attributed first. A DataFrame from
        :func:`~discourse.attribute_quotes` is summarised from its ``speaker`` and
        ``quote_type`` columns.
    speakers : list of dict, optional
        What the article says about each speaker (from :func:`quotes_and_speakers`); by
        default the DataFrame's ``attrs["speakers"]``, where present.

    Returns
    -------
    pandas.DataFrame
        Columns: ``speaker`` (canonical name or description), ``kind`` (person /
        organisation / group / document), ``named`` (a name, not a description),
        ``role``, ``nationality``, ``organisation`` (as stated in the article, else None),
        ``n_direct``, ``n_indirect``, ``n_mixed``, ``n_sentences`` (sentences attributed,
        beliefs included),
        ``first_mention`` (offset of the first mention in ``article.text``),
        ``mentions`` (the distinct phrases that named the speaker) and ``n_belief``
        (sentences of belief, intention or finding). Ordered by first mention.

    Examples
    --------
    >>> text = 'Talks go on\\n\\n"We are ready," said Anna Petrova, a teacher. She left.'
    >>> speaker_table(text)[["speaker", "role", "n_direct"]].values.tolist()
    [['Anna Petrova', 'teacher', 1]]
    """
    import pandas as pd

    frame = data if isinstance(data, pd.DataFrame) else attribute_quotes(data)
    if "speaker" not in frame.columns or "quote_type" not in frame.columns:
        from discourse.errors import InvalidOptionError

        raise InvalidOptionError(
            "speaker_table() needs an Article, its text or path, or the table returned by "
            f"attribute_quotes(); the DataFrame given has columns {list(frame.columns)}."
        )
    known = speakers if speakers is not None else frame.attrs.get("speakers", [])
    info = {e["speaker"]: e for e in known}
    rows = []
    spoken = frame[frame["speaker"].notna()]
    for speaker, group in spoken.groupby("speaker", sort=False):
        counts = group["quote_type"].value_counts()
        e = info.get(speaker, {})
        starts = group.loc[group["speaker_start"] >= 0, "speaker_start"]
        first = e.get("first_mention", int(starts.min()) if len(starts) else -1)
        mentions = e.get("mentions") or sorted(set(group["speaker_mention"].dropna()))
        rows.append((
            speaker, e.get("kind"), e.get("named"), e.get("role"), e.get("nationality"),
            e.get("organisation"), int(counts.get("direct", 0)), int(counts.get("indirect", 0)),
            int(counts.get("mixed", 0)), len(group), first, list(mentions),
            int(counts.get("belief", 0)),
        ))
    table = pd.DataFrame(rows, columns=list(SPEAKER_COLUMNS))
    return table.sort_values("first_mention", kind="stable").reset_index(drop=True)
