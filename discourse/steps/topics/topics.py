"""Topic segments of an article, with labels, and NMF topics over a corpus of texts.

:func:`segment_topics` splits each body section of an article into topic segments with
:func:`discourse.steps.topics.segmentation.segment_sentences` (paragraph breaks are the preferred
boundaries; segments never cross sections) and describes each segment by its distinctive
words and its dominant keyword category. :func:`segment_ids` gives the segment of every
sentence. :func:`corpus_topics` fits an NMF topic model (scikit-learn) to the paragraphs of
many texts.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import EmptyInputError, InvalidOptionError, check_choice
from discourse.lexicon.dictionary import (
    Dictionary,
    load_dictionary,
    normalize_word,
    tokens_and_hits,
)
from discourse.lexicon.resources import load_lexicon
from discourse.steps.topics.segmentation import (
    ParagraphMode,
    segment_sentences,
    segments_from_boundaries,
)
from discourse.text.inputs import read_documents, sentence_frame
from discourse.text.sources import classify_source
from discourse.text.tokens import TOKEN_PATTERN, stem, stopwords

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SEGMENT_COLUMNS",
    "CorpusTopics",
    "corpus_topics",
    "segment_ids",
    "segment_topics",
]

#: Columns of :func:`segment_topics`, in order.
SEGMENT_COLUMNS = (
    "section_id",
    "segment_id",
    "first_sentence",
    "last_sentence",
    "n_sentences",
    "label",
    "top_terms",
    "keyword_category",
)

_LABEL_TERMS = 3
_PHRASE_BONUS = 0.5  # score factor per word beyond the first of a key phrase
# Spelled-out numbers count as content words but make poor labels.
_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
    "billion", "trillion", "first", "second", "third",
})


def segment_topics(
    data: Any,
    *,
    n_segments: int | None = None,
    dictionary: Any = None,
    front: Literal["segment", "skip"] = "segment",
    paragraphs: ParagraphMode = "prefer",
    min_length: int = 2,
    max_length: int = 40,
    penalty: float = 1.2,
    n_terms: int = 6,
) -> pd.DataFrame:
    """Split each section of an article into topic segments and describe them.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
        Anything :func:`discourse.text.inputs.sentence_frame` accepts. The ``section_id`` and
        ``paragraph_id`` columns are used when present; without ``section_id`` the whole
        text is one section.
    n_segments : int, optional
        Segments wanted in each body section (fewer if the section is too short); by
        default chosen from the text.
    dictionary : None, mapping, path or Dictionary
        The keyword categories, in any form :func:`discourse.lexicon.dictionary.load_dictionary`
        accepts; ``None`` is the default peace / security / cooperation dictionary.
    front : {"segment", "skip"}
        The front matter (rows with ``section_kind == "front"``: title and standfirst) is
        one segment of its own (``"segment"``) or left out (``"skip"``).
    paragraphs : {"prefer", "only", "ignore"}
        How paragraph breaks guide boundaries; see
        :func:`~discourse.steps.topics.segmentation.segment_sentences`.
    min_length, max_length, penalty
        Passed to :func:`~discourse.steps.topics.segmentation.segment_sentences`.
    n_terms : int
        Number of distinctive terms in ``top_terms``.

    Returns
    -------
    pandas.DataFrame
        One row per segment, in reading order:

        - ``section_id``: the section (0 when the input has no sections);
        - ``segment_id``: counts segments through the article from 0;
        - ``first_sentence``, ``last_sentence``: ``sentence_id`` of its first and last
          sentence (inclusive);
        - ``n_sentences``;
        - ``label``: its 3 best key phrases (fewer when the segment has fewer), ", "-joined;
        - ``top_terms``: its ``n_terms`` best key phrases, ", "-joined: runs of one to
          three adjacent content words that cross no stopword or punctuation, scored by
          TF-IDF of the segment against the article's other segments with a bonus for
          each word beyond the first, no two sharing a word (each shown in its most
          frequent form; reporting verbs such as "said" and role words such as
          "minister" left out; see ``_key_phrases``);
        - ``keyword_category``: the dictionary category with most hits in the segment
          (matched as :mod:`discourse.lexicon.dictionary` does: phrases and exclusions count; the
          first in dictionary order on a tie), or None without hits.

    Examples
    --------
    >>> table = segment_topics(["Peace talks resumed in Geneva.", "Peace envoys met.",
    ...                         "Oil prices fell.", "Oil traders sold."])
    >>> table[["segment_id", "first_sentence", "last_sentence", "keyword_category"]].values.tolist()
    [[0, 0, 1, 'peace'], [1, 2, 3, None]]
    >>> table["label"].tolist()
    ['talks resumed, Geneva, peace', 'oil, traders sold, prices fell']
    """
    return segments_with_ids(
        data, n_segments=n_segments, dictionary=dictionary, front=front, paragraphs=paragraphs,
        min_length=min_length, max_length=max_length, penalty=penalty, n_terms=n_terms,
    )[0]


def segments_with_ids(data: Any, **options: Any) -> tuple[pd.DataFrame, pd.Series]:
    """:func:`segment_topics` and :func:`segment_ids` of ``data`` in one pass.

    The topics step needs both; this reads the sentence table once and finds each
    sentence's segment from the segments' rows instead of reading the table back.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
        As for :func:`segment_topics`.
    **options
        The keyword arguments of :func:`segment_topics`.

    Returns
    -------
    (pandas.DataFrame, pandas.Series)
        The segments table and the ``segment_id`` of every sentence.

    Examples
    --------
    >>> texts = ["Peace talks resumed.", "Peace envoys met.", "Oil prices fell.", "Oil fell."]
    >>> table, ids = segments_with_ids(texts)
    >>> len(table), ids.tolist()
    (2, [0, 0, 1, 1])
    """
    import numpy as np
    import pandas as pd

    check_choice("front", options.get("front", "segment"), ("segment", "skip"))
    n_terms = options.pop("n_terms", 6)
    dic = load_dictionary(options.pop("dictionary", None))
    frame = sentence_frame(data)
    column = frame["text"]
    # An article's texts are of the str dtype already: astype(str) would only copy them.
    texts = (column if column.dtype == "str" else column.astype(str)).tolist()
    ids = frame["sentence_id"].tolist()
    spans = _segment_spans(frame, texts, **options)
    table = _segment_table(spans, texts, ids, dic, n_terms)
    if all(a < b for a, b in pairwise(ids)):  # ids in reading order: rows map to segments
        of = np.full(len(ids), -1, dtype=np.int64)  # -1: in no segment
        for number, (_, first, end) in enumerate(spans):
            of[first:end] = number
    else:
        of = np.array([-1 if s is None else s for s in _segment_of(ids, table)], dtype=np.int64)
    # Int64 from the values and their mask (<NA> in no segment), without a per-item pass.
    return table, pd.Series(pd.arrays.IntegerArray(of, of < 0), index=frame.index,
                            name="segment_id")


def _segment_spans(
    frame: pd.DataFrame,
    texts: list[str],
    *,
    n_segments: int | None = None,
    front: Literal["segment", "skip"] = "segment",
    paragraphs: ParagraphMode = "prefer",
    min_length: int = 2,
    max_length: int = 40,
    penalty: float = 1.2,
) -> list[tuple[int, int, int]]:
    """``(section_id, first row, end row)`` of every segment, in reading order."""
    kinds = frame["section_kind"].tolist() if "section_kind" in frame.columns else None
    paragraph_ids = (frame["paragraph_id"].tolist() if "paragraph_id" in frame.columns
                     else None)
    spans = []  # (section_id, first row, end row)
    for section, first, end in _sections(frame):
        if kinds is not None and kinds[first] == "front":
            if front == "segment":
                spans.append((section, first, end))
            continue
        breaks = _paragraph_breaks(paragraph_ids, first, end)
        bounds = segment_sentences(
            texts[first:end], n_segments=n_segments, paragraph_breaks=breaks,
            paragraphs=paragraphs, min_length=min_length, max_length=max_length,
            penalty=penalty,
        )
        spans += [(section, first + r.start, first + r.stop)
                  for r in segments_from_boundaries(bounds, end - first)]
    return spans


def _segment_table(spans: list[tuple[int, int, int]], texts: list[str], ids: list[Any],
                   dic: Dictionary, n_terms: int) -> pd.DataFrame:
    """The table of :func:`segment_topics`, built once from its columns."""
    import numpy as np
    import pandas as pd

    terms = _key_phrases([texts[a:b] for _, a, b in spans], n_terms)
    rows = []
    for number, ((section, a, b), top) in enumerate(zip(spans, terms, strict=True)):
        category = _dominant_category(texts[a:b], dic)
        rows.append((section, number, ids[a], ids[b - 1], b - a,
                     ", ".join(top[:_LABEL_TERMS]), ", ".join(top), category))
    columns = (list(zip(*rows, strict=True)) if rows
               else [np.array([], dtype=object)] * len(SEGMENT_COLUMNS))
    data: dict[str, Any] = dict(zip(SEGMENT_COLUMNS, columns, strict=True))
    for column in ("section_id", "segment_id", "first_sentence", "last_sentence", "n_sentences"):
        data[column] = np.asarray(data[column], dtype=np.int64)
    # Object dtype keeps None (pandas 3 would store NaN in a str column).
    data["keyword_category"] = pd.Series(data["keyword_category"], dtype=object)
    return pd.DataFrame(data)


def segment_ids(data: Any, segments: pd.DataFrame) -> pd.Series:
    """The ``segment_id`` of every sentence, aligned with the sentence table of ``data``.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
        The input given to :func:`segment_topics`.
    segments : pandas.DataFrame
        The table :func:`segment_topics` returned for it.

    Returns
    -------
    pandas.Series
        Named ``segment_id``, dtype ``Int64``, same index as the sentence table; ``<NA>``
        for sentences in no segment (front matter skipped with ``front="skip"``).

    Examples
    --------
    >>> texts = ["Peace talks resumed.", "Peace envoys met.", "Oil prices fell.", "Oil fell."]
    >>> segment_ids(texts, segment_topics(texts)).tolist()
    [0, 0, 1, 1]
    """
    import pandas as pd

    frame = sentence_frame(data)
    return pd.Series(_segment_of(frame["sentence_id"].tolist(), segments), index=frame.index,
                     name="segment_id", dtype="Int64")


def _segment_of(sentence_ids: list[int], segments: pd.DataFrame) -> list[int | None]:
    """Each sentence's segment number (None in no segment): one pass over sorted ranges."""
    ranges = sorted(zip(segments["first_sentence"].tolist(), segments["last_sentence"].tolist(),
                        segments["segment_id"].tolist(), strict=True))
    firsts = [r[0] for r in ranges]
    out: list[int | None] = []
    for sid in sentence_ids:
        k = bisect.bisect_right(firsts, sid) - 1
        out.append(ranges[k][2] if k >= 0 and sid <= ranges[k][1] else None)
    return out


def _sections(frame: pd.DataFrame) -> list[tuple[int, int, int]]:
    """(section_id, first row, end row) of each run of rows with the same section."""
    n = len(frame)
    if n == 0:
        return []
    if "section_id" not in frame.columns:
        return [(0, 0, n)]
    values = frame["section_id"].tolist()
    runs = []
    first = 0
    for i in range(1, n + 1):
        if i == n or values[i] != values[first]:
            runs.append((int(values[first]), first, i))
            first = i
    return runs


def _paragraph_breaks(paragraph_ids: list[Any] | None, first: int, end: int) -> list[int] | None:
    """Rows of ``first:end`` (counted from ``first``) that start a new paragraph."""
    if paragraph_ids is None:
        return None
    values = paragraph_ids[first:end]
    return [i for i in range(1, len(values)) if values[i] != values[i - 1]]


# --- labels and categories -----------------------------------------------------------------


@cache
def _role_words() -> frozenset[str]:
    """Head words of titles and roles ("minister", "president"): they name who speaks."""
    roles = load_lexicon("speaker_roles.yaml")
    names = [*roles.get("titles", {}), *(v for v in roles.get("titles", {}).values() if v)]
    for role, entry in roles.get("roles", {}).items():
        names += [role, *(entry or {}).get("terms", []), *(entry or {}).get("broader", [])]
    heads = [str(n).lower().split()[-1] for n in names if str(n).strip()]
    return frozenset([*heads, *(f"{h}s" for h in heads)])


@cache
def _label_stopwords() -> frozenset[str]:
    # Reporting verbs ("said", "noted") fill news quotes, and titles and roles name who
    # speaks: neither says what a segment is about.
    verbs = load_lexicon("abbreviations.yaml").get("attribution_verbs", [])
    return stopwords() | frozenset(v.lower() for v in verbs) | _NUMBER_WORDS | _role_words()


# Each word token with the text before it (back to the previous token), in one C call: the
# gap is the punctuation test of _runs. Tokens are those of TOKEN_PATTERN, since a gap can
# hold no word character.
_GAP_AND_TOKEN = re.compile(rf"(\W*?)({TOKEN_PATTERN.pattern})")


def _runs(text: str) -> list[list[tuple[int, str, str]]]:
    """Runs of adjacent content words: broken by stopwords, punctuation and possessives;
    the words before a role ("Russian foreign" in "Russian foreign minister") are dropped.

    Each word is ``(number of the token in the text, lower-case form, written form)``, both
    forms normalised; token 0 opens the text.

    Examples
    --------
    >>> [[w for _, _, w in run] for run in _runs("The Nagorno-Karabakh settlement, and "
    ...                                          "diplomatic relations (25 years).")]
    [['Nagorno-Karabakh', 'settlement'], ['diplomatic', 'relations'], ['years']]
    """
    stops, roles = _label_stopwords(), _role_words()
    runs: list[list[tuple[int, str, str]]] = []
    current: list[tuple[int, str, str]] = []
    # Normalised once: the mapping keeps the length, the tokens and the gaps between them.
    tokens = _GAP_AND_TOKEN.findall(normalize_word(text, lower=False))
    for number, (gap, written) in enumerate(tokens):
        word = written.lower()
        if word in roles:  # "the Russian foreign minister": the words before name a role
            current = []
        # a content word: three letters or more, not a stopword, not a possessive
        content = (len(word) >= 3 and word not in stops and word[0].isalpha()
                   and not word.endswith("'s"))
        # more than whitespace since the last word (nothing comes before the first): a break
        if (number and not gap.isspace()) or not content:
            if current:
                runs.append(current)
            current = []
        if content:
            current.append((number, word, written))
    if current:
        runs.append(current)
    return runs


#: The candidate phrases of a sentence, in order: (stems, written form).
_Phrases = list[tuple[tuple[str, ...], str]]


def _phrase_counts(texts: list[str], forms: dict[tuple[str, ...], dict[str, int]],
                   max_words: int, read: dict[str, _Phrases | None]) -> dict[tuple[str, ...], int]:
    """Counts of candidate phrases (1 to ``max_words`` adjacent content words, as stems).

    Records how often each phrase is written each way in ``forms``; a form that opens a
    sentence is recorded lower-cased with a leading space (its capital says nothing about
    it). Phrases come in the order they are first met, shorter ones of a run first.
    ``read`` keeps the phrases of the sentences it has as keys (those repeated in the
    article: each is read once).
    """
    counts: dict[tuple[str, ...], int] = {}
    count = counts.get
    for text in texts:
        phrases = read.get(text)
        if phrases is None:
            phrases = _sentence_phrases(text, max_words)
            if text in read:
                read[text] = phrases
        for key, form in phrases:
            counts[key] = count(key, 0) + 1
            seen = forms.get(key)
            if seen is None:
                forms[key] = {form: 1}
            else:
                seen[form] = seen.get(form, 0) + 1
    return counts


def _sentence_phrases(text: str, max_words: int) -> _Phrases:
    """The candidate phrases of one sentence, in order, as ``(stems, written form)``."""
    out = []
    for run in _runs(text):
        words = [w for _, w, _ in run]
        written = [w for _, _, w in run]
        stems = [stem(w) for w in words]
        opens = run[0][0] == 0  # the run opens the sentence (its first word only)
        for n in range(1, max_words + 1):
            for i in range(len(run) - n + 1):
                form = (" " + " ".join(words[i:i + n]) if i == 0 and opens
                        else " ".join(written[i:i + n]))
                out.append((tuple(stems[i:i + n]), form))
    return out


def _display(forms: dict[str, int]) -> str:
    """The most frequent form of a phrase, lower-cased unless never written in lower case."""
    lowered: Counter[str] = Counter()
    for form, count in forms.items():
        if not form.startswith(" "):
            lowered[form.lower()] += count
    if not lowered:  # seen only at the start of sentences
        return next(iter(forms))[1:]
    best = max(lowered, key=lowered.__getitem__)  # max keeps the first of equals
    if best in forms:
        return best
    return max((f for f in forms if f.lower() == best), key=forms.__getitem__)


def _key_phrases(groups: list[list[str]], n_terms: int, max_words: int = 3) -> list[list[str]]:
    """Top ``n_terms`` key phrases per group of texts, scored against the other groups.

    Candidates are runs of 1 to ``max_words`` adjacent content words that cross no
    stopword and no punctuation (stemmed, so "relations" and "relation" are one). A
    candidate's score in a group is its count there times its inverse document frequency
    over the groups (``log((1 + n) / (1 + df)) + 1``, as scikit-learn's smooth IDF), times
    ``1 + 0.5 * (words - 1)`` (a phrase of two words that occurs as often as one word says
    more); phrases of three or more words count only when they recur in the article.
    Phrases that overlap a better one (share a word with it) are skipped, so the
    labels do not repeat themselves.

    Examples
    --------
    >>> _key_phrases([["Diplomatic relations began in 1992.", "Diplomatic relations grew."],
    ...               ["The Karabakh settlement needs talks.", "A Karabakh settlement, soon."]], 2)
    [['diplomatic relations', 'began'], ['Karabakh settlement', 'needs talks']]
    """
    forms: dict[tuple[str, ...], dict[str, int]] = {}
    # Only repeated sentences are remembered: keeping the phrases of every sentence of a
    # long document costs more in garbage-collector walks than reading them again.
    seen = Counter(text for texts in groups for text in texts)
    read: dict[str, _Phrases | None] = {text: None for text, n in seen.items() if n > 1}
    counts = [_phrase_counts(texts, forms, max_words, read) for texts in groups]
    df: Counter[tuple[str, ...]] = Counter()
    for c in counts:
        df.update(c.keys())
    return [_best_phrases(c, df, len(groups), forms, n_terms) for c in counts]


def _best_phrases(counts: dict[tuple[str, ...], int], df: Mapping[tuple[str, ...], int],
                  n_groups: int, forms: dict[tuple[str, ...], dict[str, int]],
                  n_terms: int) -> list[str]:
    """The ``n_terms`` best phrases of one group (see :func:`_key_phrases`), as shown."""
    import math

    # The IDF of each document frequency and the bonus of each phrase length, once.
    idf = [math.log((1 + n_groups) / (1 + d)) + 1 for d in range(n_groups + 1)]
    bonus = [1 + _PHRASE_BONUS * (n - 1) for n in range(max(map(len, counts), default=0) + 1)]
    # Each candidate decorated once with its sort key: best score first, then longer, then
    # earlier phrases. Phrases of three or more words must recur in the article (here or in
    # another group): seen once, they are a stretch of one sentence rather than a name for
    # its topic.
    ranked = sorted(
        (-(count * idf[df[key]] * bonus[len(key)]), -len(key), -sum(map(len, key)), order, key)
        for order, (key, count) in enumerate(counts.items())
        if len(key) < 3 or count > 1 or df[key] > 1
    )
    used: set[str] = set()  # stems of the phrases chosen
    lowered: set[str] = set()  # the phrases shown, lower-cased
    shown: list[str] = []
    for *_, key in ranked:
        if used.intersection(key):
            continue
        text = _display(forms[key])
        if text.lower() in lowered:
            continue
        used.update(key)
        lowered.add(text.lower())
        shown.append(text)
        if len(shown) == n_terms:
            break
    return shown


def _dominant_category(texts: list[str], dic: Dictionary) -> str | None:
    # The keywords step has looked up the same dictionary in these sentences.
    hits = Counter(m.category for text in texts for m in tokens_and_hits(dic, text)[1])
    if not hits:
        return None
    return max(dic.categories, key=hits.__getitem__)  # max keeps the first of equals


# --- corpus topics ------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusTopics:
    """An NMF topic model of a corpus's paragraphs. Build one with :func:`corpus_topics`.

    Attributes
    ----------
    topics : pandas.DataFrame
        One row per topic: ``topic`` (from 0), ``label`` (3 top terms, ", "-joined),
        ``top_terms`` (", "-joined), ``share`` (its share of the corpus's topic weight).
    terms : pandas.DataFrame
        ``topic``, ``rank`` (from 1), ``term``, ``weight``: the top terms of every topic.
    shares : pandas.DataFrame
        ``doc_id``, ``topic``, ``share``: each document's topic shares (summing to 1 per
        document with any weight).
    paragraphs : pandas.DataFrame
        ``doc_id``, ``paragraph_id`` (from 0 per document), ``text``, ``topic`` (the
        strongest, -1 when all weights are 0) and ``weight`` (its share of the paragraph).
    """

    topics: pd.DataFrame
    terms: pd.DataFrame
    shares: pd.DataFrame
    paragraphs: pd.DataFrame


def corpus_topics(
    texts: Any,
    n_topics: int = 10,
    *,
    n_terms: int = 10,
    min_words: int = 5,
    max_features: int = 5000,
    random_state: int = 0,
    text_column: str = "text",
) -> CorpusTopics:
    """Fit an NMF topic model to the paragraphs of a corpus.

    Each text is split into paragraphs at blank lines, and at line breaks in blocks whose
    lines are longer than 100 characters (one paragraph per line, not hard-wrapped);
    paragraphs with fewer than ``min_words`` content words are left out. Paragraphs
    are TF-IDF vectors of lower-cased content words (no stopwords, no numbers; terms must
    occur in 2 paragraphs once there are 10 or more), factorised with scikit-learn's
    ``NMF`` (``init="nndsvda"``, so results are deterministic).

    Parameters
    ----------
    texts : list of str, mapping of str to str, DataFrame, folder, glob or table file
        The documents: a list (ids ``0, 1, ...``), a mapping from id to text, a DataFrame
        with a text column (ids from a ``doc_id`` column, else the index), or anything
        :func:`discourse.text.inputs.read_documents` reads (a folder, a glob, paths, a
        CSV / JSONL / Parquet file).
    n_topics : int
        Number of topics.
    n_terms : int
        Top terms kept per topic.
    min_words : int
        Fewest content words in a paragraph used for the model.
    max_features : int
        Largest vocabulary (most frequent terms).
    random_state : int
        Passed to NMF.
    text_column : str, default "text"
        The column holding the text in a DataFrame or table file.

    Returns
    -------
    CorpusTopics

    Examples
    --------
    >>> docs = {"a": "Peace talks resumed.  Negotiators met.\\n\\nTrade and tariffs rose.",
    ...         "b": "Trade deals and tariffs.\\n\\nPeace negotiators talks again."}
    >>> model = corpus_topics(docs, n_topics=2, min_words=2)
    >>> sorted(model.shares["doc_id"].unique().tolist())
    ['a', 'b']
    """
    import numpy as np
    import pandas as pd
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    from discourse.text.tokens import content_words

    if not isinstance(n_topics, int) or n_topics < 1:
        raise InvalidOptionError(f"n_topics must be a positive integer (got {n_topics!r}).")
    docs = _documents(texts, text_column)
    if not docs:
        raise EmptyInputError(
            "corpus_topics: there are no documents to model; pass a list of texts, a mapping "
            "{doc_id: text}, or the sentences table of a corpus run."
        )
    rows = []
    for doc_id, text in docs:
        for number, paragraph in enumerate(_paragraphs(text)):
            if len(content_words(paragraph)) >= min_words:
                rows.append((doc_id, number, paragraph))
    paragraphs = pd.DataFrame(rows, columns=["doc_id", "paragraph_id", "text"])
    if len(paragraphs) < n_topics:
        raise InvalidOptionError(
            f"n_topics={n_topics} needs at least as many paragraphs with {min_words} or more "
            f"content words; the corpus has {len(paragraphs)}. Ask for fewer topics or "
            "lower min_words."
        )
    vectorizer = TfidfVectorizer(
        tokenizer=content_words, lowercase=False, token_pattern=None, sublinear_tf=True,
        min_df=2 if len(paragraphs) >= 10 else 1, max_features=max_features,
    )
    matrix = vectorizer.fit_transform(paragraphs["text"])
    vocabulary = vectorizer.get_feature_names_out()
    if n_topics > min(matrix.shape):
        raise InvalidOptionError(
            f"n_topics={n_topics} is more than the {min(matrix.shape)} paragraphs or terms "
            "the corpus offers; ask for fewer topics."
        )
    model = NMF(n_components=n_topics, init="nndsvda", random_state=random_state, max_iter=500)
    weights = model.fit_transform(matrix)
    components = model.components_

    term_rows, topic_rows = [], []
    totals = weights.sum(axis=0)
    for topic in range(n_topics):
        top = np.argsort(-components[topic], kind="stable")[:n_terms]
        words = [str(vocabulary[i]) for i in top]
        term_rows += [(topic, rank + 1, w, float(components[topic, i]))
                      for rank, (w, i) in enumerate(zip(words, top, strict=True))]
        share = float(totals[topic] / totals.sum()) if totals.sum() > 0 else 0.0
        topic_rows.append((topic, ", ".join(words[:_LABEL_TERMS]), ", ".join(words), share))

    row_sum = weights.sum(axis=1)
    paragraphs["topic"] = np.where(row_sum > 0, weights.argmax(axis=1), -1)
    paragraphs["weight"] = np.where(
        row_sum > 0, weights.max(axis=1) / np.where(row_sum > 0, row_sum, 1), 0.0
    )
    by_doc = pd.DataFrame(weights).groupby(paragraphs["doc_id"].to_numpy(), sort=False).sum()
    by_doc = by_doc.div(by_doc.sum(axis=1).replace(0, 1), axis=0)
    by_doc.index.name, by_doc.columns.name = "doc_id", "topic"
    shares = by_doc.stack().rename("share").reset_index()
    return CorpusTopics(
        topics=pd.DataFrame(topic_rows, columns=["topic", "label", "top_terms", "share"]),
        terms=pd.DataFrame(term_rows, columns=["topic", "rank", "term", "weight"]),
        shares=shares,
        paragraphs=paragraphs,
    )


def _documents(texts: Any, text_column: str = "text") -> list[tuple[Any, str]]:
    import pandas as pd

    if isinstance(texts, pd.DataFrame):
        if text_column not in texts.columns:
            raise InvalidOptionError(
                f"The DataFrame given has no {text_column!r} column; pass one document per row "
                f"in a {text_column!r} column (columns found: {list(texts.columns)})."
            )
        ids = texts["doc_id"] if "doc_id" in texts.columns else texts.index
        return list(zip(ids.tolist(), texts[text_column].astype(str).tolist(), strict=True))
    if isinstance(texts, Mapping):
        return [(k, str(v)) for k, v in texts.items()]
    if isinstance(texts, (list, tuple)) and all(
        isinstance(t, str) and classify_source(t) == "text" for t in texts
    ):
        return list(enumerate(texts))
    if isinstance(texts, (str, os.PathLike, list, tuple)):
        # Folders, globs, paths and table files (CSV, JSONL, Parquet), one rule for all.
        return [(d.doc_id, d.text if d.text is not None else d.read_text())
                for d in read_documents(texts, text_column=text_column)]
    raise InvalidOptionError(
        f"Cannot read a corpus from an object of type {type(texts).__name__}; pass a list "
        "of strings, a mapping of id to text, a DataFrame with a text column, a folder, a "
        "glob or a table file."
    )


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
#: A block holding a line longer than this is not hard-wrapped: each line is a paragraph.
_WRAP_WIDTH = 100


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: blocks between blank lines, or lines when the lines of a
    block are too long to be a hard-wrapped paragraph (one paragraph per line)."""
    out = []
    for block in _BLANK_LINE.split(text):
        lines = [line for line in block.splitlines() if line.strip()]
        if any(len(line) > _WRAP_WIDTH for line in lines):
            out += [" ".join(line.split()) for line in lines]
        elif lines:
            out.append(" ".join(block.split()))
    return out
