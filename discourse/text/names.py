"""Multi-word proper names and titles in running text, found from capitalisation alone.

Words inside names ("Security Council", "Treaty of Amity, Cooperation and Mutual Security",
"Peace Corps") are not used in their common sense, so keyword counts report them apart
and other steps may skip them. The rule, on the original capitalisation:

* the word must be capitalised (the pronoun "I" does not count);
* not sentence-initial: it must belong to a run of at least two capitalised words. A run
  joins capitalised words separated by a space, by one or two of the lower-case connectors
  "of", "and", "for", "the", "on" ("Organization for Security and Co-operation"), or by a
  comma inside a name of the form "X of A, B and C" (the run already has "of"/"for" and
  goes on to "and" plus a capitalised word);
* sentence-initial (first word of the text, or after ``.!?:;``, a line break or an opening
  quote or bracket): only when the next word is capitalised too ("Security Council members
  met"), since every sentence starts with a capital;
* in a headline-case sentence (three or more words and every word that is not a stopword
  capitalised) or an all-caps one (two or more words) capitals carry no information, so
  nothing is in a name there.

The heuristic ignores names of one word ("Peace" as a person's name) and lower-case names.
To keep the cost per word bounded, a sentence is looked at for at most 80 words on each
side of the word, and a name for at most 12.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from discourse.lexicon.dictionary import normalize_word
from discourse.text.tokens import TOKEN_PATTERN, stopwords

__all__ = ["in_name", "name_spans"]

# A gap before a token that starts a sentence or a quotation.
_INITIAL_GAP = re.compile(r"[.!?:;\n\r…]|[\"“‘'(\[]\Z")
_CONNECTORS = frozenset({"of", "and", "for", "the", "on"})
_LIST_NAME_HEADS = frozenset({"of", "for"})
_NAME_WINDOW = 12  # tokens looked at on each side of a word to find the name around it
_SENTENCE_REACH = 80  # at most this many tokens are scanned for sentence bounds


def name_spans(text: str, *, offset: int = 0) -> list[tuple[int, int]]:
    """Character spans of the multi-word proper names and titles in ``text``.

    Parameters
    ----------
    text : str
        A sentence or a longer text, with its original capitalisation.
    offset : int
        Added to every offset (the position of ``text`` in a larger text, as in
        :func:`discourse.text.tokens.tokenize`).

    Returns
    -------
    list of (int, int)
        Half-open ``(start, end)`` offsets, in text order, each from the first to the last
        word of one name that the rules of this module put in it (connectors and commas
        between them included). The capitalised words inside the spans are those for
        which :func:`in_name` is true (barring names of more than 12 words, beyond which
        it does not look). A sentence-initial word followed by a capitalised one starts
        the span ("The UN Security Council met." gives "The UN Security Council").

    Examples
    --------
    >>> text = "Russia signed the Treaty of Amity, Cooperation and Mutual Security in 1997."
    >>> [text[a:b] for a, b in name_spans(text)]
    ['Treaty of Amity, Cooperation and Mutual Security']
    >>> name_spans("We want peace and security.")
    []
    >>> name_spans("Peace Corps volunteers", offset=100)
    [(100, 111)]
    """
    words = _Words(text, [m.span() for m in TOKEN_PATTERN.finditer(text)])
    n = len(words.spans)
    inside = [_in_name(words, k) for k in range(n)]
    starts = [k for k in range(n) if _initial(words, k)]
    spans = []
    # Group the words in names by the run they belong to, so a span takes in the connectors.
    for lo, hi in pairwise([*starts, n]):
        for first, last, _ in _name_runs(words, lo, hi):
            flagged = [k for k in range(first, last + 1) if inside[k]]
            if flagged:
                spans.append((words.spans[flagged[0]][0] + offset,
                              words.spans[flagged[-1]][1] + offset))
    return spans


def in_name(text: str, spans: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether word ``index`` of ``text`` lies in a multi-word proper name or title.

    Checking one word looks only at the words around it, so this is the fast way to ask
    about a few words (dictionary hits) of a long text.

    Parameters
    ----------
    text : str
        A sentence or a longer text, with its original capitalisation.
    spans : sequence of (int, int)
        Half-open offsets of the word tokens of ``text``, in order: ``(t.start, t.end)`` of
        :func:`discourse.text.tokens.tokenize` (with ``offset=0``) or
        :attr:`discourse.lexicon.dictionary.TextTokens.spans`.
    index : int
        The word asked about, an index into ``spans``.

    Examples
    --------
    >>> from discourse.text.tokens import tokenize
    >>> text = "The UN Security Council met. Security is our priority."
    >>> spans = [(t.start, t.end) for t in tokenize(text)]
    >>> [text[a:b] for k, (a, b) in enumerate(spans) if in_name(text, spans, k)]
    ['The', 'UN', 'Security', 'Council']
    """
    return _in_name(_Words(text, spans), index)


class _Words:
    """A text and the spans of its word tokens."""

    __slots__ = ("spans", "text")

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans

    def token(self, k: int) -> str:
        start, end = self.spans[k]
        return self.text[start:end]

    def gap(self, k: int) -> str:
        """The text between token ``k - 1`` and token ``k``."""
        spans = self.spans
        return self.text[spans[k - 1][1]:spans[k][0]]


def _is_cap(token: str) -> bool:
    return token[:1].isupper() and token != "I"


def _space(gap: str) -> bool:
    return gap.isspace() and "\n" not in gap


def _comma(gap: str) -> bool:
    return gap.strip() == "," and "\n" not in gap


def _initial(words: _Words, k: int) -> bool:
    return k == 0 or _INITIAL_GAP.search(words.gap(k)) is not None


def _sentence_bounds(words: _Words, i: int) -> tuple[int, int]:
    start = i
    while start > 0 and i - start < _SENTENCE_REACH and not _initial(words, start):
        start -= 1
    end, n = i + 1, len(words.spans)
    while end < n and end - i < _SENTENCE_REACH and not _initial(words, end):
        end += 1
    return start, end


def _headline_case(words: _Words, start: int, end: int) -> bool:
    tokens = [t for t in (words.token(k) for k in range(start, end)) if t[0].isalpha()]
    if len(tokens) >= 2 and all(t.isupper() for t in tokens):
        return True  # an all-caps line such as "WORLD PEACE"
    if end - start < 3:
        return False
    stops = stopwords()
    content = [t for t in tokens if normalize_word(t) not in stops]
    return len(content) >= 2 and all(_is_cap(t) for t in content)


def _closes_with_and(words: _Words, k: int, hi: int) -> bool:
    """Whether the list-like name continuing at token ``k`` ends with "and" + a capital."""
    while k + 1 < hi:
        gap, nxt = words.gap(k + 1), words.token(k + 1)
        if not ((_space(gap) or _comma(gap)) and _is_cap(nxt)):
            return (_space(gap) and nxt == "and" and k + 2 < hi
                    and _space(words.gap(k + 2)) and _is_cap(words.token(k + 2)))
        k += 1
    return False


def _name_runs(words: _Words, lo: int, hi: int) -> Iterator[tuple[int, int, int]]:
    """Yield ``(first, last, n_capitalised)`` for each run of capitalised words in [lo, hi)."""
    cap = [_is_cap(words.token(k)) for k in range(lo, hi)]
    k = lo
    while k < hi:
        if not cap[k - lo]:
            k += 1
            continue
        first = last = k
        n_caps, list_head = 1, False
        while last + 1 < hi:
            nxt = last + 1
            if _space(words.gap(nxt)) and cap[nxt - lo]:
                last, n_caps = nxt, n_caps + 1
                continue
            m = nxt  # one or two lower-case connectors, then a capitalised word
            while (m < hi and m - nxt < 2 and _space(words.gap(m))
                   and words.token(m) in _CONNECTORS):
                m += 1
            if m > nxt and m < hi and _space(words.gap(m)) and cap[m - lo]:
                list_head = list_head or any(words.token(x) in _LIST_NAME_HEADS
                                             for x in range(nxt, m))
                last, n_caps = m, n_caps + 1
                continue
            if (list_head and _comma(words.gap(nxt)) and cap[nxt - lo]
                    and _closes_with_and(words, nxt, hi)):
                last, n_caps = nxt, n_caps + 1
                continue
            break
        yield first, last, n_caps
        k = last + 1


def _in_name(words: _Words, i: int) -> bool:
    """Whether token ``i`` lies in a multi-word proper name."""
    if not _is_cap(words.token(i)):
        return False
    start, end = _sentence_bounds(words, i)
    if _headline_case(words, start, end):
        return False
    if i == start:
        return i + 1 < end and _space(words.gap(i + 1)) and _is_cap(words.token(i + 1))
    for first, last, n_caps in _name_runs(words, max(start, i - _NAME_WINDOW),
                                          min(end, i + _NAME_WINDOW + 1)):
        if first <= i <= last:
            return n_caps >= 2
    return False
