"""Tests for discourse.text.names: multi-word proper names found from capitalisation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse.text.names import in_name, name_spans
from discourse.text.tokens import tokenize

KEYWORD = re.compile(r"(?:peace|secur|cooperat|co-operat)", re.IGNORECASE)


def spans_of(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in tokenize(text)]


def keyword_flags(text: str) -> list[bool]:
    """``in_name`` of every peace / security / cooperation word, in text order."""
    spans = spans_of(text)
    return [in_name(text, spans, k) for k, (a, b) in enumerate(spans)
            if KEYWORD.match(text[a:b])]


def named(text: str) -> list[str]:
    return [text[a:b] for a, b in name_spans(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The treaty is the Treaty of Amity, Cooperation and Mutual Security of 1997.",
         [True, True]),
        ("The UN Security Council met.", [True]),
        ("Security Council members met today.", [True]),
        ("Security is our priority.", [False]),
        ("We will protect Social Security and Medicare.", [True]),
        ("We met the Organization for Security and Co-operation in Europe.", [True, True]),
        ("Lavrov Says Cooperation Can Ensure Security", [False, False]),
        ("WORLD PEACE", [False]),
        ("Russia wants peace, Lavrov said.", [False]),
        ("Peace, Lavrov said, is near.", [False]),
        ('He said: "Security matters most."', [False]),
        ("Moscow and Baku discussed Security.", [False]),
        ("We thanked France, Security experts and others.", [False]),
    ],
)
def test_in_name_flags(sentence: str, expected: list[bool]) -> None:
    assert keyword_flags(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia signed the Treaty of Amity, Cooperation and Mutual Security in 1997.",
         ["Treaty of Amity, Cooperation and Mutual Security"]),
        ("We want peace and security.", []),
        ("The UN Security Council met. Security is our priority.", ["The UN Security Council"]),
        ("We met the Organization for Security and Co-operation in Europe.",
         ["Organization for Security and Co-operation"]),
        # A list without "of"/"for" before it is not one name; "Germany and Italy" is.
        ("We met France, Germany and Italy.", ["Germany and Italy"]),
        ("Lavrov Says Cooperation Can Ensure Security", []),
        ("WORLD PEACE", []),
        ("He spoke of the Security\nCouncil.", []),  # a line break ends a name
        ("I met Lavrov.", []),
    ],
)
def test_name_spans(text: str, expected: list[str]) -> None:
    assert named(text) == expected


def test_offsets_point_into_the_larger_text() -> None:
    article = "Headline\n\nDiplomats met at the Security Council in Geneva."
    start = article.index("Diplomats")
    sentence = article[start:]
    spans = name_spans(sentence, offset=start)
    assert [article[a:b] for a, b in spans] == ["Security Council"]
    assert name_spans("") == []


WORDS = ["Security", "Council", "Peace", "Treaty", "Baku", "peace", "talks", "of", "and",
         "the", "for", "I", "met"]
GAPS = [" ", " ", " ", ", ", ". ", "\n", ': "']


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)),
                min_size=1, max_size=12))
def test_spans_hold_exactly_the_words_in_names(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in pieces)
    spans = spans_of(text)
    names = name_spans(text)
    for k, (a, b) in enumerate(spans):
        inside = any(x <= a and b <= y for x, y in names)
        if text[a].isupper() and text[a:b] != "I":
            assert inside == in_name(text, spans, k), (text, text[a:b])
        else:
            assert not in_name(text, spans, k)
