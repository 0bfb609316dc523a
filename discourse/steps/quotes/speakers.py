"""The speakers of an article: one row per speaker, with what the article says about them.

Built on :func:`discourse.attribute_quotes`; the phrases and their resolution are in
:mod:`discourse.steps.quotes.mentions`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
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
    data : Article, Analysis, str, path, DataFrame or mapping
        An article (or its text or path) is attributed first. A DataFrame from
        :func:`~discourse.attribute_quotes` (or the ``columns`` of
        :func:`~discourse.steps.quotes.attribution.quote_columns`) is summarised from its
        ``speaker`` and ``quote_type`` columns.
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

    if isinstance(data, Mapping):  # the columns of quote_columns()
        columns: Mapping[str, Any] = data
        known = speakers or []
    else:
        frame = data if isinstance(data, pd.DataFrame) else attribute_quotes(data)
        if "speaker" not in frame.columns or "quote_type" not in frame.columns:
            from discourse.errors import InvalidOptionError

            raise InvalidOptionError(
                "speaker_table() needs an Article, its text or path, or the table returned "
                "by attribute_quotes(); the DataFrame given has columns "
                f"{list(frame.columns)}."
            )
        known = speakers if speakers is not None else frame.attrs.get("speakers", [])
        columns = {c: frame[c].tolist() for c in
                   ("speaker", "quote_type", "speaker_start", "speaker_mention")
                   if c in frame.columns}
    info = {e["speaker"]: e for e in known}
    # One pass over plain lists: a groupby per article costs more than the attribution.
    groups: dict[Any, list[int]] = {}
    for i, speaker in enumerate(columns["speaker"]):
        if speaker is not None and speaker == speaker:  # not None / NaN
            groups.setdefault(speaker, []).append(i)
    types = list(columns["quote_type"])
    starts = list(columns["speaker_start"]) if "speaker_start" in columns else None
    phrases = list(columns["speaker_mention"]) if "speaker_mention" in columns else None
    rows = []
    for speaker, members in groups.items():
        counts = Counter(types[i] for i in members)
        e = info.get(speaker, {})
        found = [starts[i] for i in members if starts[i] >= 0] if starts is not None else []
        first = e.get("first_mention", int(min(found)) if found else -1)
        mentions = e.get("mentions") or sorted(
            {phrases[i] for i in members if isinstance(phrases[i], str)} if phrases else ())
        rows.append((
            speaker, e.get("kind"), e.get("named"), e.get("role"), e.get("nationality"),
            e.get("organisation"), counts["direct"], counts["indirect"], counts["mixed"],
            len(members), first, list(mentions), counts["belief"],
        ))
    rows.sort(key=lambda row: row[10])  # by first mention; stable
    if not rows:
        return pd.DataFrame([], columns=list(SPEAKER_COLUMNS))
    # built from columns: pandas reads a list of rows through a 2-D object array first
    return pd.DataFrame(dict(zip(SPEAKER_COLUMNS, map(list, zip(*rows, strict=True)), strict=True)))
