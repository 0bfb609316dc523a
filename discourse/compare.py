"""Compare groups of documents by a document variable: outlets, countries, months.

A corpus read from a table (:func:`discourse.run_corpus` on a CSV, JSONL or Parquet file, or
a DataFrame) carries its document variables (``outlet``, ``date``, ...) into every output
table. :func:`compare_groups` summarises sentiment, stance and keyword rates per group;
:func:`keyness_by` finds the words that set each group apart from the others (quanteda's
``textstat_keyness`` with a grouped target); :func:`discourse.plots.groups.plot_groups`
draws one measure per group.

Groups can be a variable (``by="outlet"``), a period of a date variable (``by="month"``,
``"year"``, ``"quarter"``, ``"week"`` or ``"day"``, read from ``date_column``), or both
(``by=["outlet", "month"]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.errors import InvalidOptionError, MissingDataError
from discourse.lexicon.dictionary import TextTokens

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PERIODS", "compare_groups", "group_keys", "keyness_by"]

#: Pseudo-variables computed from a date column, and their pandas period codes.
PERIODS = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D"}


def _tables(data: Any) -> dict[str, pd.DataFrame]:
    """The corpus tables: ``documents``, ``sentences``, and ``stance``/``keywords`` if any."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        if "text" not in data.columns or "doc_id" not in data.columns:
            raise MissingDataError(
                "compare_groups: a DataFrame must be a corpus sentence table with 'doc_id' and "
                f"'text' columns (such as sentences.csv); columns found: {list(data.columns)}."
            )
        return {"sentences": data, "documents": data.drop_duplicates("doc_id")}
    out = getattr(data, "out", data)
    if not isinstance(out, (str, Path)):
        raise InvalidOptionError(
            f"Cannot compare groups of an object of type {type(data).__name__}; pass the "
            "result of run_corpus, its output folder, or a corpus sentence table."
        )
    folder = Path(out)
    tables = {}
    for name in ("documents", "sentences", "stance", "keywords"):
        path = folder / f"{name}.csv"
        if path.exists():
            tables[name] = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False,
                                       na_values=[""])
    if "sentences" not in tables or "documents" not in tables:
        raise MissingDataError(
            f"{folder}: no corpus tables (documents.csv, sentences.csv) here; run "
            "discourse.run_corpus(..., out=this folder) first."
        )
    return tables


def _by_list(by: str | Sequence[str]) -> list[str]:
    names = [by] if isinstance(by, str) else list(by)
    if not names or not all(isinstance(n, str) for n in names):
        raise InvalidOptionError(f"by={by!r} must name a document variable or a period.")
    return names


def group_keys(documents: pd.DataFrame, by: str | Sequence[str], *,
               date_column: str = "date") -> pd.DataFrame:
    """One row per document: ``doc_id`` and its group key(s), one column per ``by`` name.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "date": ["2017-04-04", "2017-05-30"]})
    >>> group_keys(docs, ["outlet", "month"]).values.tolist()
    [['a', 'X', '2017-04'], ['b', 'Y', '2017-05']]
    """
    import pandas as pd

    keys = pd.DataFrame({"doc_id": documents["doc_id"].astype(str).to_numpy()})
    for name in _by_list(by):
        if name in PERIODS and name not in documents.columns:
            if date_column not in documents.columns:
                raise MissingDataError(
                    f"by={name!r} groups by the {date_column!r} column, which the corpus does "
                    f"not have (variables: {_variables(documents)}); name the date column "
                    "with date_column=."
                )
            dates = pd.to_datetime(documents[date_column], errors="coerce", utc=True)
            keys[name] = (dates.dt.tz_localize(None).dt.to_period(PERIODS[name]).astype(str)
                          .where(dates.notna(), None).to_numpy())
        elif name in documents.columns:
            keys[name] = documents[name].to_numpy()
        else:
            raise MissingDataError(
                f"by={name!r}: no such document variable; the corpus has "
                f"{_variables(documents)} (and the periods {sorted(PERIODS)} of a date column)."
            )
    return keys


def _variables(documents: pd.DataFrame) -> list[str]:
    own = {"doc_id", "path", "status", "sentences", "seconds", "warnings"}
    return [c for c in documents.columns if c not in own]


def compare_groups(data: Any, by: str | Sequence[str], *,
                   date_column: str = "date") -> pd.DataFrame:
    """Sentiment, stance and keyword rates per group of documents.

    Parameters
    ----------
    data : CorpusResult, folder or DataFrame
        The result of :func:`discourse.run_corpus`, its output folder, or a corpus
        sentence table (``doc_id``, the ``by`` variables, ``text``, ...).
    by : str or list of str
        Document variables (``"outlet"``) and/or periods of ``date_column``
        (``"month"``, ``"year"``, ``"quarter"``, ``"week"``, ``"day"``).
    date_column : str, default "date"
        The variable holding each document's date (anything pandas parses).

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by the group keys: the ``by`` columns, ``documents``,
        ``sentences``, ``words``; ``sentiment_mean`` (mean sentence ``sentiment_score``),
        ``positive_share`` and ``negative_share`` (of sentences) when the corpus was scored;
        per stance target ``T``: ``stance_T_mentioned`` (sentences mentioning it),
        ``stance_T_favor``, ``stance_T_against`` and ``stance_T_net`` ((favor - against) /
        mentioned); per keyword category ``C``: ``keywords_C_per_1000`` (hits per 1,000
        words). Documents without a group key (a missing value) are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> sentences = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"],
    ...     "text": ["Peace is near.", "Talks go on.", "War looms."],
    ...     "sentiment_score": [0.5, 0.1, -0.6],
    ...     "sentiment": ["positive", "positive", "negative"]})
    >>> compare_groups(sentences, "outlet")[["outlet", "sentences", "sentiment_mean"]]
      outlet  sentences  sentiment_mean
    0      X          2             0.3
    1      Y          1            -0.6
    """
    import pandas as pd

    tables = _tables(data)
    by = _by_list(by)
    keys = group_keys(tables["documents"], by, date_column=date_column)
    keys = keys.dropna(subset=by)
    sentences = _with_keys(tables["sentences"], keys, by)
    words = sentences["text"].astype(str).map(lambda t: len(TextTokens(t).words))
    grouped = sentences.assign(_words=words).groupby(by, sort=True, dropna=True)
    result = pd.DataFrame({
        "documents": grouped["doc_id"].nunique(),
        "sentences": grouped.size(),
        "words": grouped["_words"].sum(),
    })
    if "sentiment_score" in sentences.columns:
        result["sentiment_mean"] = grouped["sentiment_score"].mean()
    if "sentiment" in sentences.columns:
        labels = sentences["sentiment"].astype(str)
        for label in ("positive", "negative"):
            result[f"{label}_share"] = (labels == label).groupby(
                [sentences[b] for b in by], sort=True).mean()
    if "stance" in tables and len(tables["stance"]):
        result = result.join(_stance_rates(_with_keys(tables["stance"], keys, by), by))
    if "keywords" in tables and len(tables["keywords"]):
        rates = _keyword_counts(_with_keys(tables["keywords"], keys, by), by)
        per_1000 = rates.div(result["words"].where(result["words"] > 0), axis=0) * 1000
        result = result.join(per_1000.add_prefix("keywords_").add_suffix("_per_1000"))
    return result.reset_index()


def _with_keys(table: pd.DataFrame, keys: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """The table with its own copies of the ``by`` columns replaced by the group keys."""
    table = table.assign(doc_id=table["doc_id"].astype(str))
    table = table.drop(columns=[b for b in by if b in table.columns])
    return table.merge(keys, on="doc_id", how="inner")


def _stance_rates(stance: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    import pandas as pd

    mentioned = stance["mentioned"].astype(str).str.lower().isin(["true", "1"])
    parts = {}
    for target, rows in stance.groupby("target", sort=False):
        m = mentioned.loc[rows.index]
        g = rows.assign(_m=m, _favor=rows["stance"].eq("favor") & m,
                        _against=rows["stance"].eq("against") & m).groupby(by, sort=True)
        n, favor, against = g["_m"].sum(), g["_favor"].sum(), g["_against"].sum()
        name = re.sub(r"\W+", "_", str(target)).strip("_")
        parts[f"stance_{name}_mentioned"] = n
        parts[f"stance_{name}_favor"] = favor
        parts[f"stance_{name}_against"] = against
        parts[f"stance_{name}_net"] = (favor - against) / n.where(n > 0)
    return pd.DataFrame(parts)


def _keyword_counts(keywords: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    counts = keywords.groupby([*by, "category"], sort=True)["count"].sum()
    return counts.unstack("category", fill_value=0)


def keyness_by(data: Any, by: str, *, groups: Sequence[Any] | None = None,
               text_column: str = "text", date_column: str = "date",
               **options: Any) -> pd.DataFrame:
    """Keyness of each group of documents against all the others (one table, stacked).

    Parameters
    ----------
    data : CorpusResult, folder, DataFrame, or any corpus input
        The result of :func:`discourse.run_corpus` or its folder (the sentence texts are
        used), or what :func:`discourse.text.inputs.read_documents` reads with the ``by``
        variable: a DataFrame or CSV / JSONL / Parquet file with a text column.
    by : str
        A document variable (``"outlet"``) or a period of ``date_column`` (``"month"``).
    groups : sequence, optional
        The groups to compute (default: every group, in sorted order).
    text_column : str, default "text"
        The text column of a table given as ``data``.
    date_column : str, default "date"
    **options
        Passed to :func:`discourse.keyness` (``measure``, ``correction``,
        ``remove_stopwords``, ...).

    Returns
    -------
    pandas.DataFrame
        The keyness table of each group (``feature``, ``n_target``, ``n_reference``,
        ``statistic``, ``p_value``) with the group in a first column named ``by``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"text": ["peace peace talks", "peace talks", "war war talks"],
    ...                       "outlet": ["X", "X", "Y"]})
    >>> k = keyness_by(table, "outlet", correction="none")
    >>> k.groupby("outlet")["feature"].first().to_dict()
    {'X': 'peace', 'Y': 'war'}
    """
    import pandas as pd

    from discourse.steps.keywords import keyness

    texts = _group_texts(data, by, text_column, date_column)
    names = sorted(texts) if groups is None else list(groups)
    missing = [g for g in names if g not in texts]
    if missing:
        raise InvalidOptionError(
            f"groups={missing!r}: no documents with these values of {by!r}; the groups are "
            f"{sorted(texts)!r}."
        )
    if len(texts) < 2:
        raise MissingDataError(
            f"keyness_by: {by!r} has fewer than two groups ({sorted(texts)!r}); keyness needs "
            "a reference."
        )
    frames = []
    for name in names:
        rest = [t for g, ts in texts.items() if g != name for t in ts]
        table = keyness(texts[name], rest, **options)
        table.insert(0, by, name)
        frames.append(table)
    return pd.concat(frames, ignore_index=True)


def _group_texts(data: Any, by: str, text_column: str,
                 date_column: str) -> dict[Any, list[str]]:
    import pandas as pd

    from discourse.text.inputs import read_documents

    if getattr(data, "out", None) is not None or (
        isinstance(data, (str, Path)) and Path(data).is_dir()
        and (Path(data) / "sentences.csv").exists()
    ):
        tables = _tables(data)
        keys = group_keys(tables["documents"], by, date_column=date_column).dropna(subset=[by])
        sentences = _with_keys(tables["sentences"], keys, [by])
        return {g: rows["text"].astype(str).tolist()
                for g, rows in sentences.groupby(by, sort=True)}
    docs = read_documents(data, text_column=text_column)
    documents = pd.DataFrame([{"doc_id": d.doc_id, **dict(d.variables)} for d in docs])
    keys = group_keys(documents, by, date_column=date_column).set_index("doc_id")[by]
    out: dict[Any, list[str]] = {}
    for doc in docs:
        key = keys.get(doc.doc_id)
        if key is not None and key == key:
            out.setdefault(key, []).append(doc.read_text())
    return dict(sorted(out.items(), key=lambda kv: str(kv[0])))
