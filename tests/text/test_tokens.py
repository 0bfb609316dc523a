"""Tokens, stopwords and stems."""

from __future__ import annotations

import re

from snowballstemmer.english_stemmer import EnglishStemmer

from discourse.text.tokens import content_words, stem, tokenize
from tests.golden import ROOT


def test_tokens_keep_offsets_and_inner_punctuation() -> None:
    text = "Co-operation isn't over, Lavrov said."
    tokens = tokenize(text, offset=10)
    assert [t.text for t in tokens] == ["Co-operation", "isn't", "over", "Lavrov", "said"]
    assert all(text[t.start - 10:t.end - 10] == t.text for t in tokens)


def test_stems_equal_the_pure_python_snowball_stemmer() -> None:
    # The C build (PyStemmer) is used when installed; it must give the reference stems.
    reference = EnglishStemmer()
    words = set()
    for path in sorted((ROOT / "data" / "corpus").glob("*/*.txt"))[:20]:
        words.update(re.findall(r"[a-z]+(?:'[a-z]+)?", path.read_text(encoding="utf-8").lower()))
    assert len(words) > 3000
    assert [stem(w) for w in sorted(words)] == [reference.stemWord(w) for w in sorted(words)]


def test_curly_apostrophes_stem_like_straight_ones() -> None:
    assert stem("nation’s") == stem("nation's")


def test_content_words_drop_stopwords_numbers_and_short_words() -> None:
    assert content_words("The 2017 talks on peace and security", stemmed=True) == [
        "talk", "peac", "secur"]
