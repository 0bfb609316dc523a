"""Keyword analysis in the style of quanteda: frequencies, KWIC, dispersion, keyness and
co-occurrence of dictionary categories.

Every function takes ``data`` in any form :func:`discourse.text.inputs.sentence_frame` accepts (an
Article, an Analysis, a sentence DataFrame, a list of sentences, a path or text to parse),
and a dictionary in any form :func:`discourse.lexicon.dictionary.load_dictionary` accepts (``None``
is the packaged peace / security / cooperation dictionary). :func:`keyword_frequencies`,
:func:`kwic` and :func:`keyword_dispersion` also take a corpus of raw texts: a mapping
``{name: text}`` or a list of ``(name, text)`` pairs; each text is one document.

Hits inside proper names
------------------------
A hit is flagged ``in_name`` when its first word sits inside a multi-word capitalised name or
title ("Security Council", "Treaty of Amity, Cooperation and Mutual Security", "Peace
Corps"), by the rules of :mod:`discourse.text.names`, so researchers can count or drop them.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import (
    EmptyInputError,
    InvalidLexiconError,
    InvalidOptionError,
    check_choice,
)
from discourse.lexicon.dictionary import (
    Dictionary,
    Match,
    TextTokens,
    load_dictionary,
    tokens_and_hits,
)
from discourse.steps.base import Step, StepOutput
from discourse.text.inputs import read_documents, sentence_frame
from discourse.text.names import in_name
from discourse.text.sources import classify_source
from discourse.text.tokens import stem, stopwords

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KeywordsStep",
    "keyness",
    "keyword_cooccurrence",
    "keyword_dispersion",
    "keyword_frequencies",
    "kwic",
    "shared_dictionary",
]

Unit = Literal["section", "paragraph", "sentence", "document"]
Level = Literal["term", "category"]
Measure = Literal["chi2", "lr"]
Correction = Literal["default", "yates", "williams", "none"]
Features = Literal["words", "categories"]

#: Columns of :func:`keyword_frequencies` (``level="term"``), in order.
FREQUENCY_COLUMNS = ("unit", "label", "category", "term", "count", "count_in_name", "tokens",
                     "rate_per_1000")


# -- inputs ---------------------------------------------------------------------------------

def _corpus(data: Any) -> list[tuple[str, str]] | None:
    """``[(name, text)]`` for a mapping or a list of pairs; ``None`` for other inputs."""
    if isinstance(data, Mapping):
        items = list(data.items())
    elif (isinstance(data, (list, tuple)) and data
          and all(isinstance(x, tuple) and len(x) == 2 for x in data)):
        items = list(data)
    else:
        return None
    for name, text in items:
        if not isinstance(text, str):
            raise InvalidOptionError(
                f"Document {name!r} is a {type(text).__name__}, not a string; pass a mapping "
                "{name: text} or a list of (name, text) pairs."
            )
    return [(str(name), text) for name, text in items]


def _frame(data: Any) -> pd.DataFrame:
    frame = sentence_frame(data)
    return frame.reset_index(drop=True)


def _document_name(data: Any) -> str:
    if hasattr(data, "columns"):  # a DataFrame: its attributes are columns, not a name
        return "document"
    article = getattr(data, "article", data)
    name = getattr(article, "name", None)
    return name if isinstance(name, str) else "document"


def _section_labels(frame: pd.DataFrame) -> list[str | None]:
    n = len(frame)
    kinds = frame["section_kind"].tolist() if "section_kind" in frame else [None] * n
    headings = frame["section_heading"].tolist() if "section_heading" in frame else [None] * n
    return ["front" if kind == "front" else heading if isinstance(heading, str) else None
            for kind, heading in zip(kinds, headings, strict=True)]


def _offsets(frame: pd.DataFrame) -> list[int]:
    return [int(s) for s in frame["start"]] if "start" in frame else [0] * len(frame)


def _term(words: Sequence[str], match: Match, stemmed: bool) -> str:
    part = words[match.first:match.last]
    return " ".join(stem(w) for w in part) if stemmed else " ".join(part)


def _check_flag(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidOptionError(f"{name}={value!r} must be True or False.")


# -- frequencies ----------------------------------------------------------------------------

def keyword_frequencies(
    data: Any,
    dictionary: Any = None,
    *,
    by: Unit = "section",
    level: Level = "term",
    stem: bool = False,
) -> pd.DataFrame:
    """Count dictionary hits per unit: the quanteda ``textstat_frequency`` of a looked-up dfm.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str, str, or a corpus
        A corpus (mapping ``{name: text}`` or list of ``(name, text)`` pairs) needs
        ``by="document"``; each raw text is then one document (no front matter handling).
    dictionary : None, mapping, path or Dictionary
        See :func:`discourse.lexicon.dictionary.load_dictionary`; ``None`` is the default
        peace / security / cooperation dictionary.
    by : {"section", "paragraph", "sentence", "document"}
        The unit counted in. Sections include the front section (title and standfirst);
        headings are not counted (they are not sentences).
    level : {"term", "category"}
        ``"term"``: one row per (unit, category, term) found. ``"category"``: one row per
        (unit, category) with every combination present, zeros included (no ``term``).
    stem : bool
        Group terms by their Snowball stem (``term`` then holds the stem, e.g. "secur").

    Returns
    -------
    pandas.DataFrame
        ``unit``: the ``section_id``, ``paragraph_id`` or ``sentence_id`` (the document
        name for ``by="document"``); ``label``: the heading of the unit's section
        (``"front"`` for the front matter, missing for a body section without heading; the
        document name for documents); ``category``; ``term``: the matched words,
        lower-cased (phrases joined by a space); ``count``: all hits; ``count_in_name``:
        those inside multi-word proper names (see the module notes; ``count -
        count_in_name`` excludes them); ``tokens``: word tokens in the unit;
        ``rate_per_1000``: ``count / tokens * 1000``. Rows follow unit order, dictionary
        order, then descending count.

    Examples
    --------
    >>> df = keyword_frequencies(["Peace and security.", "The Security Council met."],
    ...                          by="sentence")
    >>> df[["unit", "category", "count", "count_in_name", "tokens"]].values.tolist()
    [[0, 'peace', 1, 0, 3], [0, 'security', 1, 0, 3], [1, 'security', 1, 1, 4]]
    """
    check_choice("by", by, ("section", "paragraph", "sentence", "document"))
    check_choice("level", level, ("term", "category"))
    _check_flag("stem", stem)
    dic = load_dictionary(dictionary)
    units: list[tuple[Any, Any]] = []  # (unit, label) in order
    tokens: dict[int, int] = {}
    counts: dict[tuple[int, str, str], list[int]] = {}

    def add(index: int, text: str) -> None:
        # Tokens and hits shared with the other steps of an analysis (see discourse.memo).
        toks, hits = tokens_and_hits(dic, text)
        tokens[index] = tokens.get(index, 0) + len(toks.words)
        for match in hits:
            cell = counts.setdefault((index, match.category, _term(toks.words, match, stem)),
                                     [0, 0])
            cell[0] += 1
            cell[1] += in_name(toks.text, toks.spans, match.first)

    docs = _corpus(data)
    if docs is not None:
        if by != "document":
            raise InvalidOptionError(
                f"A corpus of raw texts can only be counted with by='document' (got by={by!r}); "
                "parse each text with discourse.read_article to count by section."
            )
        for index, (name, text) in enumerate(docs):
            units.append((name, name))
            add(index, text)
    else:
        frame = sentence_frame(data)  # read column by column: its index does not matter
        labels = _section_labels(frame)
        if by == "document":
            keys: list[Any] = [_document_name(data)] * len(frame)
        else:
            column = f"{by}_id"
            if column not in frame:
                raise InvalidOptionError(
                    f"by={by!r} needs a {column!r} column, which this input lacks (columns: "
                    f"{list(frame.columns)}); pass an Article or use by='sentence' or "
                    "by='document'."
                )
            keys = [k.item() if hasattr(k, "item") else k for k in frame[column].tolist()]
        index_of: dict[Any, int] = {}
        for key, label, text in zip(keys, labels, frame["text"].tolist(), strict=True):
            if key not in index_of:
                index_of[key] = len(units)
                units.append((key, key if by == "document" else label))
            add(index_of[key], str(text))
    return _frequency_table(units, tokens, counts, dic, level)


def _frequency_table(
    units: list[tuple[Any, Any]],
    tokens: dict[int, int],
    counts: dict[tuple[int, str, str], list[int]],
    dic: Dictionary,
    level: Level,
) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    order = {c: k for k, c in enumerate(dic.categories)}
    if level == "category":
        totals: dict[tuple[int, str], list[int]] = {}
        for (index, category, _), (count, in_name) in counts.items():
            cell = totals.setdefault((index, category), [0, 0])
            cell[0] += count
            cell[1] += in_name
        rows = [(*units[index], category, *totals.get((index, category), (0, 0)),
                 tokens.get(index, 0))
                for index in range(len(units)) for category in dic.categories]
        columns = [c for c in FREQUENCY_COLUMNS if c not in ("term", "rate_per_1000")]
    else:
        keyed = sorted(counts.items(),
                       key=lambda kv: (kv[0][0], order[kv[0][1]], -kv[1][0], kv[0][2]))
        rows = [(*units[index], category, term, count, in_name, tokens[index])
                for (index, category, term), (count, in_name) in keyed]
        columns = [c for c in FREQUENCY_COLUMNS if c != "rate_per_1000"]
    values = list(zip(*rows, strict=True)) if rows else [np.array([], dtype=object)] * len(columns)
    data: dict[str, Any] = dict(zip(columns, values, strict=True))
    for column in ("count", "count_in_name", "tokens"):
        data[column] = np.asarray(data[column], dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):  # no tokens: NaN
        rate = data["count"] / np.where(data["tokens"] > 0, data["tokens"], np.nan) * 1000
    data["rate_per_1000"] = rate.astype("float64")
    return pd.DataFrame(data)


# -- KWIC and dispersion --------------------------------------------------------------------

def _pattern_dictionary(pattern: Any) -> Dictionary:
    if isinstance(pattern, str):
        pattern = [pattern]
    if isinstance(pattern, (list, tuple)) and pattern and all(isinstance(p, str) for p in pattern):
        if not all(p.strip() for p in pattern):
            raise InvalidLexiconError("kwic got an empty pattern; pass a word, glob or phrase.")
        try:
            return load_dictionary({p: [p] for p in dict.fromkeys(pattern)})
        except InvalidLexiconError as exc:
            # The dictionary's message names a "<mapping>" the caller never wrote.
            _, found, reason = str(exc).partition(": pattern ")
            raise InvalidLexiconError(f"kwic: pattern {reason}" if found
                                      else f"kwic: {exc}") from exc
    if pattern is not None and not isinstance(pattern, (Mapping, Dictionary)):
        raise InvalidLexiconError(
            f"kwic: pattern={pattern!r} (of type {type(pattern).__name__}) cannot be used; "
            "it must be a string (a word, a glob such as 'secur*', or a phrase), a list of "
            "strings, a mapping {category: [patterns]} or a Dictionary."
        )
    return load_dictionary(pattern)


def _texts_with_ids(data: Any) -> tuple[list[dict[str, Any]], list[tuple[str, int]]]:
    """Per-text id columns and ``(text, offset)`` for a corpus or a sentence frame."""
    docs = _corpus(data)
    if docs is not None:
        return [{"document": name} for name, _ in docs], [(text, 0) for _, text in docs]
    frame = _frame(data)
    id_columns = [c for c in ("sentence_id", "section_id") if c in frame]
    ids = frame[id_columns].to_dict("records")
    return ids, list(zip(frame["text"].astype(str), _offsets(frame), strict=True))


def kwic(data: Any, pattern: Any, *, window: int = 5) -> pd.DataFrame:
    """Keywords in context: every hit of ``pattern`` with the words around it.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str, str, or a corpus
    pattern : str, list of str, mapping, Dictionary or None
        A glob or phrase ("secur*", "mutual security"), a list of them (each its own
        category, named by the pattern), or a dictionary (``None``: the default one).
    window : int
        Words of context on each side, taken from the same sentence (the same document for
        a corpus).

    Returns
    -------
    pandas.DataFrame
        ``sentence_id`` and ``section_id`` (when the input has them; ``document`` for a
        corpus), ``category`` (the pattern, or the dictionary category), ``left``,
        ``keyword`` (the text as written), ``right``, ``start``, ``end`` (half-open offsets
        into the article text, ``article.text[start:end] == keyword``; into the sentence
        for inputs without a ``start`` column, into the document for a corpus) and
        ``in_name``.

    Examples
    --------
    >>> kwic(["We value broad cooperation with Baku."], "cooperat*", window=2)[
    ...     ["left", "keyword", "right", "start", "end"]].values.tolist()
    [['value broad', 'cooperation', 'with Baku', 15, 26]]
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise InvalidOptionError(f"window={window!r} must be a whole number of words >= 0.")
    import pandas as pd

    dic = _pattern_dictionary(pattern)
    ids, texts = _texts_with_ids(data)
    rows = []
    for row_ids, (text, offset) in zip(ids, texts, strict=True):
        toks = TextTokens(text)
        n = len(toks.words)
        for match in toks.hits(dic):
            spans = toks.spans
            start, end = spans[match.first][0], spans[match.last - 1][1]
            left_from = spans[max(0, match.first - window)][0]
            right_to = spans[min(n, match.last + window) - 1][1]
            rows.append({
                **row_ids,
                "category": match.category,
                "left": text[left_from:start].strip() if match.first > 0 and window else "",
                "keyword": text[start:end],
                "right": text[end:right_to].strip() if match.last < n and window else "",
                "start": offset + start,
                "end": offset + end,
                "in_name": in_name(toks.text, toks.spans, match.first),
            })
    columns = [*(ids[0] if ids else {}), "category", "left", "keyword", "right", "start",
               "end", "in_name"]
    return pd.DataFrame(rows, columns=columns)


def keyword_dispersion(data: Any, dictionary: Any = None) -> pd.DataFrame:
    """Positions of every hit through the text, for a lexical dispersion (x-ray) plot.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str, str, or a corpus
        Sentences are taken in row order as one document; each corpus text is its own.
    dictionary : None, mapping, path or Dictionary

    Returns
    -------
    pandas.DataFrame
        One row per hit: ``document`` (corpus only), ``category``, ``term``, ``in_name``,
        ``token_index`` (0-based index of the hit's first token in the document),
        ``position`` (``token_index / tokens in the document``, in [0, 1)), ``start``,
        ``end`` (character offsets as in :func:`kwic`), and ``sentence_id``, ``section_id``
        when the input has them.

    Examples
    --------
    >>> df = keyword_dispersion(["Peace now.", "War and peace."])
    >>> df[["term", "token_index", "position", "sentence_id"]].values.tolist()
    [['peace', 0, 0.0, 0], ['peace', 4, 0.8, 1]]
    """
    import pandas as pd

    dic = load_dictionary(dictionary)
    docs = _corpus(data)
    ids, texts = _texts_with_ids(data)
    scanned = [TextTokens(text) for text, _ in texts]
    if docs is None:  # one document: token positions run on through the sentences
        total = sum(len(t.words) for t in scanned)
        totals = [total] * len(scanned)
        before, running = [], 0
        for toks in scanned:
            before.append(running)
            running += len(toks.words)
    else:
        totals = [len(t.words) for t in scanned]
        before = [0] * len(scanned)
    rows = []
    for row_ids, (_, offset), toks, total, base in zip(ids, texts, scanned, totals, before,
                                                       strict=True):
        for match in toks.hits(dic):
            index = base + match.first
            rows.append({
                "document": row_ids.get("document"),
                "category": match.category,
                "term": _term(toks.words, match, False),
                "in_name": in_name(toks.text, toks.spans, match.first),
                "token_index": index,
                "position": index / total,
                "start": offset + toks.spans[match.first][0],
                "end": offset + toks.spans[match.last - 1][1],
                "sentence_id": row_ids.get("sentence_id"),
                "section_id": row_ids.get("section_id"),
            })
    columns = ["document", "category", "term", "in_name", "token_index", "position", "start",
               "end", "sentence_id", "section_id"]
    present = {k for r in ids for k in r} if ids else set()
    columns = [c for c in columns
               if c not in ("document", "sentence_id", "section_id") or c in present]
    return pd.DataFrame(rows, columns=columns)


# -- co-occurrence ----------------------------------------------------------------------------

def keyword_cooccurrence(
    data: Any, dictionary: Any = None, *, exclude_names: bool = False
) -> pd.DataFrame:
    """Count the sentences in which two categories occur together.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
    dictionary : None, mapping, path or Dictionary
    exclude_names : bool
        Ignore hits inside multi-word proper names.

    Returns
    -------
    pandas.DataFrame
        A square category × category table of sentence counts (index and columns in
        dictionary order). The diagonal holds the sentences containing the category at all.

    Examples
    --------
    >>> table = keyword_cooccurrence(["Peace and security.", "Security first.", "Cooperation."])
    >>> table.values.tolist()
    [[1, 1, 0], [1, 2, 0], [0, 0, 1]]
    """
    _check_flag("exclude_names", exclude_names)
    import numpy as np
    import pandas as pd

    dic = load_dictionary(dictionary)
    position = {c: k for k, c in enumerate(dic.categories)}
    matrix = np.zeros((len(dic), len(dic)), dtype="int64")
    for text in _frame(data)["text"].astype(str):
        toks = TextTokens(text)
        present = sorted({position[m.category] for m in toks.hits(dic)
                          if not (exclude_names and in_name(toks.text, toks.spans, m.first))})
        for a in present:
            for b in present:
                matrix[a, b] += 1
    index = pd.Index(dic.categories, name="category")
    return pd.DataFrame(matrix, index=index, columns=list(dic.categories))


# -- keyness --------------------------------------------------------------------------------

def _keyness_texts(data: Any, role: str, text_column: str = "text") -> list[str]:
    import pandas as pd

    # Paths, folders, globs and table files follow the one rule of discourse.text.sources.
    if isinstance(data, (str, os.PathLike)) and classify_source(data) == "path":
        return [doc.read_text() for doc in read_documents(data, text_column=text_column)]
    if isinstance(data, str):
        return [data]
    if isinstance(data, pd.DataFrame) and text_column != "text":
        return [doc.text or "" for doc in read_documents(data, text_column=text_column)]
    docs = _corpus(data)
    if docs is not None:
        return [text for _, text in docs]
    if isinstance(data, pd.Series):
        return data.astype(str).tolist()
    if isinstance(data, (list, tuple)) and all(isinstance(t, (str, os.PathLike)) for t in data):
        return [doc.read_text() for doc in read_documents(list(data), text_column=text_column)]
    try:
        return sentence_frame(data)["text"].astype(str).tolist()
    except InvalidOptionError as exc:
        raise InvalidOptionError(f"Cannot read the {role}: {exc}") from exc


def _feature_counts(texts: Iterable[str], features: Features, dic: Dictionary | None,
                    stemmed: bool, drop_stopwords: bool) -> tuple[dict[str, int], int]:
    counts: dict[str, int] = {}
    total = 0
    stops = stopwords() if drop_stopwords else frozenset()
    for text in texts:
        toks = TextTokens(text)
        total += len(toks.words)
        if features == "categories":
            assert dic is not None
            for match in toks.hits(dic):
                counts[match.category] = counts.get(match.category, 0) + 1
            continue
        for word in toks.words:
            if word in stops:
                continue
            key = stem(word) if stemmed else word
            counts[key] = counts.get(key, 0) + 1
    return counts, total


def keyness(
    target: Any,
    reference: Any,
    *,
    measure: Measure = "chi2",
    correction: Correction = "default",
    features: Features = "words",
    dictionary: Any = None,
    stem: bool = False,
    remove_stopwords: bool = False,
    text_column: str = "text",
) -> pd.DataFrame:
    r"""Signed keyness of each feature in ``target`` against ``reference`` (quanteda's
    ``textstat_keyness``).

    For each feature a 2 × 2 table is built: ``a`` = its count in the target, ``b`` in the
    reference, ``c`` and ``d`` = all other tokens of the target and of the reference,
    ``N = a + b + c + d`` and ``E = (a + b)(a + c) / N`` (expected target count).

    * ``chi2``: :math:`N(|ad - bc| - N\delta)^2 / ((a+b)(c+d)(a+c)(b+d))`.
    * ``lr``: :math:`G^2 = 2 \sum O \ln(O / E_O + 10^{-9})` over the four cells.

    Both are signed ``+`` when ``a > E`` (over-represented in the target), else ``-``; the
    p-value is the upper tail of chi-squared with 1 df at ``|statistic|``. Corrections as in
    quanteda's code: ``"default"`` and ``"yates"`` apply Yates (``δ = 0.5``; for ``lr`` the
    cells move 0.5 toward independence) only when some expected cell is below 5 and
    ``|ad - bc| >= N/2``; ``"williams"`` divides by
    :math:`q = 1 + (N/(a+b) + N/(c+d) - 1)(N/(a+c) + N/(b+d) - 1) / (6N)` (``q = 1`` if a
    cell is 0); ``"none"`` applies nothing. (quanteda's documentation says its default for
    ``lr`` is Williams; its code applies Yates, which is what is matched here.)

    Parameters
    ----------
    target, reference : str, list, mapping, DataFrame, Article, Analysis, path, folder or glob
        A string is one raw text (not parsed) unless it is a path by the rule of
        :mod:`discourse.text.sources` (then a file, folder, glob or CSV / JSONL / Parquet
        table of documents, read with :func:`discourse.text.inputs.read_documents`); lists
        (of texts or paths), mappings and Series hold one text per item; a DataFrame /
        Article / Analysis contributes its sentence texts (so two sections are
        ``frame[frame.section_id == 1]`` and ``frame[frame.section_id == 2]``).
    measure : {"chi2", "lr"}
    correction : {"default", "yates", "williams", "none"}
    features : {"words", "categories"}
        Word types (lower-cased tokens), or dictionary categories counted against all
        tokens (quanteda: ``dfm_lookup(..., nomatch = "_unmatched")``).
    dictionary : None, mapping, path or Dictionary
        Used when ``features="categories"``.
    stem : bool
        Count Snowball stems instead of word types.
    remove_stopwords : bool
        Drop stopwords from the features (they still count in ``c`` and ``d``).
    text_column : str, default "text"
        The column holding the text in a DataFrame or table file.

    Returns
    -------
    pandas.DataFrame
        ``feature``, ``n_target``, ``n_reference``, ``statistic`` (chi2 or G2), ``p_value``;
        sorted by statistic (descending), then feature. ``attrs`` records the measure and
        correction.

    Examples
    --------
    >>> k = keyness("peace peace peace talks", "war war talks talks", correction="none")
    >>> k[["feature", "n_target", "n_reference"]].values.tolist()
    [['peace', 3, 0], ['talks', 1, 2], ['war', 0, 2]]
    >>> round(float(k.statistic.iloc[0]), 4)
    4.8
    """
    check_choice("measure", measure, ("chi2", "lr"))
    check_choice("correction", correction, ("default", "yates", "williams", "none"))
    check_choice("features", features, ("words", "categories"))
    _check_flag("stem", stem)
    _check_flag("remove_stopwords", remove_stopwords)
    import numpy as np
    import pandas as pd

    dic = load_dictionary(dictionary) if features == "categories" else None
    t_texts = _keyness_texts(target, "target", text_column)
    r_texts = _keyness_texts(reference, "reference", text_column)
    t_counts, t_total = _feature_counts(t_texts, features, dic, stem, remove_stopwords)
    r_counts, r_total = _feature_counts(r_texts, features, dic, stem, remove_stopwords)
    for role, total in (("target", t_total), ("reference", r_total)):
        if total == 0:
            raise EmptyInputError(
                f"The {role} has no word tokens; keyness needs text on both sides."
            )
    names = list(dic.categories) if dic is not None else sorted(set(t_counts) | set(r_counts))
    a = np.array([t_counts.get(f, 0) for f in names], dtype="float64")
    b = np.array([r_counts.get(f, 0) for f in names], dtype="float64")
    statistic = _keyness_statistic(a, b, float(t_total), float(r_total), measure, correction)
    p_value = np.array([math.erfc(math.sqrt(abs(s) / 2)) if s == s else math.nan
                        for s in statistic])
    table = pd.DataFrame({"feature": names, "n_target": a.astype("int64"),
                          "n_reference": b.astype("int64"), "statistic": statistic,
                          "p_value": p_value})
    table = table.sort_values(["statistic", "feature"], ascending=[False, True],
                              kind="mergesort", ignore_index=True)
    table.attrs.update(measure=measure, correction=correction, features=features)
    return table


def _keyness_statistic(a: Any, b: Any, t_total: float, r_total: float, measure: Measure,
                       correction: Correction) -> Any:
    import numpy as np

    c, d = t_total - a, r_total - b
    n = a + b + c + d
    expected = (a + b) * (a + c) / n
    sign = np.where(a > expected, 1.0, -1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        if correction in ("default", "yates"):
            small = ((a + b) * (a + c) / n < 5) | ((a + b) * (b + d) / n < 5) \
                | ((a + c) * (c + d) / n < 5) | ((c + d) * (b + d) / n < 5)
            delta = np.where((np.abs(a * d - b * c) >= n / 2) & small, 0.5, 0.0)
        else:
            delta = np.zeros_like(a)
        if correction == "williams":
            q = np.where(a * b * c * d == 0, 1.0,
                         1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1)
                         / (6 * n))
        else:
            q = np.ones_like(a)
        if measure == "chi2":
            stat = n * (np.abs(a * d - b * c) - n * delta) ** 2 \
                / ((a + b) * (c + d) * (a + c) * (b + d))
        else:
            toward = np.where(a * d - b * c > 0, -delta, delta)  # move cells toward independence
            aa, bb, cc, dd = a + toward, b - toward, c - toward, d + toward
            eps = 1e-9
            stat = 2 * (aa * np.log(aa / ((aa + bb) * (aa + cc) / n) + eps)
                        + bb * np.log(bb / ((aa + bb) * (bb + dd) / n) + eps)
                        + cc * np.log(cc / ((aa + cc) * (cc + dd) / n) + eps)
                        + dd * np.log(dd / ((bb + dd) * (cc + dd) / n) + eps))
    return stat * sign / q


def shared_dictionary(options: Mapping[str, Any], shared: dict[str, Any]) -> Dictionary:
    """The ``keywords`` option loaded once per pipeline (the keyword and topic steps share it)."""
    if "dictionary" not in shared:
        shared["dictionary"] = load_dictionary(options.get("keywords"))
    return shared["dictionary"]


class KeywordsStep(Step):
    """Keyword frequencies per section (:func:`keyword_frequencies`): the ``keywords`` table.

    Parameters
    ----------
    keywords : mapping, path to a YAML file, Dictionary or None
        The dictionary (default: peace / security / cooperation).
    """

    name = "keywords"
    order = 40
    options = ("keywords",)

    def __init__(self, keywords: Any = None, *, dictionary: Dictionary | None = None) -> None:
        self.keywords = keywords
        self.dictionary = dictionary if dictionary is not None else load_dictionary(keywords)

    @classmethod
    def from_options(cls, options: Mapping[str, Any], shared: dict[str, Any]) -> KeywordsStep:
        return cls(options.get("keywords"), dictionary=shared_dictionary(options, shared))

    def get_params(self) -> dict[str, Any]:
        return {"keywords": self.keywords}

    def resources(self) -> dict[str, Any]:
        return {"dictionary": self.dictionary}

    def run(self, article: Any, sentences: pd.DataFrame) -> StepOutput:
        table = keyword_frequencies(sentences, self.dictionary, by="section")
        return StepOutput({}, {"keywords": table})
