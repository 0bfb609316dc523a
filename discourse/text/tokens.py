"""Word tokens with character offsets, stopwords and optional Snowball stemming.

The tokenizer is a regular expression (no downloaded models): a token is a run of letters
or digits, with inner hyphens, apostrophes and periods kept ("co-operation", "don't",
"U.S"). Offsets are half-open and point into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from discourse.lexicon.resources import lexicon_path

__all__ = ["Token", "content_words", "stem", "stopwords", "tokenize"]

TOKEN_PATTERN = re.compile(r"\w+(?:[-‐'’.]\w+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """A word token: ``text`` and its half-open offsets ``[start, end)``."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, *, offset: int = 0) -> list[Token]:
    """Split ``text`` into word tokens (punctuation is skipped).

    Examples
    --------
    >>> [t.text for t in tokenize("Co-operation isn't over, Lavrov said.")]
    ['Co-operation', "isn't", 'over', 'Lavrov', 'said']
    """
    return [Token(m.start() + offset, m.end() + offset, m[0]) for m in TOKEN_PATTERN.finditer(text)]


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``, without offsets (the fast path)."""
    return TOKEN_PATTERN.findall(text.lower())


@cache
def stopwords() -> frozenset[str]:
    """English stopwords shipped with the package (``lexicons/stopwords.txt``)."""
    text = lexicon_path("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201b": "'"})


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    # The Snowball project's English (Porter2) stemmer, as NLTK's SnowballStemmer, without
    # importing NLTK (and through it scipy): PyStemmer, its C build, else snowballstemmer,
    # its pure-Python build (importing that one loads all its 30 languages).
    try:
        import Stemmer
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("english")
    return Stemmer.Stemmer("english")


@cache
def stem(word: str) -> str:
    """Snowball (Porter2) stem of a lower-case word; cached, since vocabularies repeat.

    Examples
    --------
    >>> stem("cooperation"), stem("securing")
    ('cooper', 'secur')
    """
    # Curly apostrophes as straight ones, so "nation’s" stems like "nation's" (as NLTK).
    return _stemmer().stemWord(word.translate(_APOSTROPHES))


def content_words(text: str, *, stemmed: bool = False, min_length: int = 3) -> list[str]:
    """Lower-cased words of ``text`` without stopwords, numbers and short words."""
    stops = stopwords()
    out: Iterable[str] = (
        w for w in words(text)
        if len(w) >= min_length and w not in stops and not w[0].isdigit()
    )
    return [stem(w) for w in out] if stemmed else list(out)
