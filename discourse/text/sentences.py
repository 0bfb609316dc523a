"""Lossless, quote-aware sentence segmentation with character offsets.

The segmenter is rule-based and needs no downloaded data. It finds candidate boundaries
(terminal punctuation, optional closing quotes or brackets, then whitespace) with one
compiled regular expression, then decides each candidate from the word before it and the
word after it: abbreviations, titles, initials, numbers, ellipses, list markers and
quotation marks. Quotations are split into their sentences (``"We did it. We will go
on," he said.`` gives two sentences); a quotation closed by a comma keeps its attribution.

Pieces between boundaries are stripped of whitespace, so every non-whitespace character of
the input lies in exactly one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from discourse.errors import InputNotFoundError
from discourse.lexicon.resources import load_lexicon
from discourse.text.spans import Span

__all__ = ["golden_rules_score", "sentence_bounds", "split_sentences"]

_CANDIDATE = re.compile(
    r"""
    (?P<punct>
        \.(?:[ \t]\.){2,}          # spaced ellipsis: ". . ." or ". . . ."
      | [.!?…‽]+                   # a run of terminal marks
    )
    (?P<close>["'”’»)\]]*)         # closing quotation marks and brackets
    (?=\s)
    """,
    re.VERBOSE,
)
_PREV_TOKEN = re.compile(r"\S*$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([\w’'-]*)")
_MULTI_PERIOD = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?P<bullet>[•⁃‣◦▪][ \t]?)?(?P<num>\d{1,3}|[a-z])(?P<style>\.\)|\)|\.)(?=\s)"
)
_BULLET = re.compile(r"(?<=\s)[•⁃‣◦▪](?=\s|\w)")
_OPENING_QUOTES = "\"'“‘«"
_CLOSING_QUOTES = "\"'”’»"


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    data = load_lexicon("abbreviations.yaml")
    verbs = "|".join(sorted(set(data["attribution_verbs"])))
    attribution = re.compile(rf"(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:{verbs})\b")
    return (
        frozenset(data["prepositive"]),
        frozenset(data["abbreviations"]),
        frozenset(data["starters"]),
        attribution,
    )


def _list_markers(text: str) -> tuple[list[int], set[int]]:
    """Return (positions where list items start, positions of periods inside markers)."""
    starts: list[int] = []
    inside: set[int] = set()
    plain: list[re.Match[str]] = []
    for m in _MARKER.finditer(text):
        if m["bullet"]:
            starts.append(m.start())
            inside.update(range(m.start("style"), m.end("style")))
        else:
            plain.append(m)
    # Plain markers ("1.", "b)") count only as a chain of consecutive values in one style,
    # starting at the beginning of the text or after a sentence end.
    chain: list[re.Match[str]] = []

    def flush() -> None:
        if len(chain) >= 2:
            for c in chain:
                starts.append(c.start())
                inside.update(range(c.start("style"), c.end("style")))

    for m in plain:
        if chain and m["style"] == chain[-1]["style"] and _follows(chain[-1]["num"], m["num"]):
            chain.append(m)
            continue
        flush()
        head = text[max(0, m.start() - 50) : m.start()].rstrip()
        chain = [m] if m.start() == 0 or (head and head[-1] in ".!?:") else []
    flush()
    starts += [m.start() for m in _BULLET.finditer(text)]
    return starts, inside


def _token_before(text: str, end: int) -> str:
    """The whitespace-delimited token ending at ``end`` (skipping whitespace before it)."""
    # A bounded window keeps this O(1) per candidate, so long paragraphs stay linear.
    window = text[max(0, end - 80) : end].rstrip()
    return _PREV_TOKEN.search(window)[0]


def _follows(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return a.isalpha() and b.isalpha() and ord(b) == ord(a) + 1


def _is_boundary(text: str, m: re.Match[str], nxt: int) -> int | None:
    """Decide one candidate. Return the boundary position, or None."""
    prepositive, abbreviations, starters, attribution = _lists()
    punct, close = m["punct"], m["close"]
    if nxt >= len(text):
        return None
    c = text[nxt]
    word = _NEXT_WORD.match(text, nxt)
    next_word = word[1] if word else ""
    upper = c.isupper() or (c in _OPENING_QUOTES and next_word[:1].isupper())
    if upper and any(q in close for q in _CLOSING_QUOTES) and attribution.match(text, nxt):
        return None  # "Why?" Lavrov asked.

    if " " in punct or "\t" in punct:  # spaced ellipsis
        attached = m.start() > 0 and not text[m.start() - 1].isspace()
        dots = punct.count(".")
        if attached and dots >= 4 and upper:
            return m.start() + 1  # "compounds. . . . The" -> break after "compounds."
        return m.end() if (not attached and dots >= 4 and upper) else None
    if "." not in punct or len(punct) > 1:
        dots = punct.count(".") + 3 * punct.count("…")
        # "that.... She" breaks; "really ... well" and "... I mean" do not.
        if dots == 3 and next_word == "I" and "?" not in punct and "!" not in punct:
            return None
        if not upper:
            return None
        return m.end()

    # A single period.
    if close:
        return m.end() if upper else None
    prev = _token_before(text, m.start()).lstrip("\"'“‘«([")
    low = prev.lower()
    if c.isdigit():
        word_end = prev.isalpha() and len(prev) > 1 and low not in abbreviations | prepositive
        return m.end() if word_end or (prev.isdigit() and len(prev) > 1) else None
    if not upper:
        return None
    if low in prepositive:
        return None
    if len(prev) == 1 and prev.isupper():
        # An initial ("Jonas E. Smith") unless it is the pronoun I after a lower-case word.
        if prev != "I":
            return None
        before = _token_before(text, m.start() - 1)
        return None if before[:1].isupper() else m.end()
    if low in abbreviations or _MULTI_PERIOD.fullmatch(prev) or (len(prev) == 1):
        return m.end() if next_word.lower() in starters else None
    return m.end()


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence of ``text``, stripped of whitespace.

    Examples
    --------
    >>> sentence_bounds("He left. She stayed.")
    [(0, 8), (9, 20)]
    """
    cuts: list[int] = []
    list_starts, in_marker = _list_markers(text)
    for m in _CANDIDATE.finditer(text):
        if m.start() in in_marker:
            continue
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        cut = _is_boundary(text, m, nxt)
        if cut is not None:
            cuts.append(cut)
    if list_starts:
        cuts = sorted(set(cuts) | set(list_starts))
    bounds: list[tuple[int, int]] = []
    prev = 0
    for cut in [*cuts, len(text)]:
        piece = text[prev:cut]
        stripped = piece.strip()
        if stripped:
            start = prev + (len(piece) - len(piece.lstrip()))
            bounds.append((start, start + len(stripped)))
        prev = cut
    return bounds


def split_sentences(text: str, *, offset: int = 0) -> list[Span]:
    """Split ``text`` into sentences with half-open character offsets.

    Parameters
    ----------
    text : str
        Any text; a paragraph is the usual unit.
    offset : int, default 0
        Added to every offset, for text cut out of a larger document.

    Returns
    -------
    list of Span
        Each with ``text``, ``start`` and ``end``; ``text[start - offset:end - offset]``
        equals the sentence's text. Sentences are in order, do not overlap and together
        cover every non-whitespace character.

    Examples
    --------
    >>> [s.text for s in split_sentences('"We are doing our utmost. We carry on," he said.')]
    ['"We are doing our utmost.', 'We carry on," he said.']
    >>> split_sentences("Sen. John Miller, D-Ohio, spoke at 5 p.m. on Jan. 5. He left.")[1]
    Span(start=53, end=61, text='He left.')
    """
    return [Span(offset + a, offset + b, text[a:b]) for a, b in sentence_bounds(text)]


def golden_rules_score(
    segment_fn: Callable[[str], Iterable[Any]], path: str | Path
) -> tuple[int, int, list[int]]:
    """Score a sentence segmenter on sentence-boundary cases such as the English Golden Rules.

    A case passes when the segmenter's output, each sentence stripped and empty ones
    dropped, equals the expected list exactly.

    Parameters
    ----------
    segment_fn : callable
        Takes a text; returns its sentences as strings or as objects with ``.text``
        (such as :class:`~discourse.Span`).
    path : path
        A JSON list of cases ``{"id", "text", "sentences"}``, such as the repository's
        ``data/sentences/golden_rules_en.json`` (48 cases, pySBD's list).

    Returns
    -------
    passed : int
    total : int
    failed : list of int
        The ``id`` of each failed case.

    Examples
    --------
    >>> import json, tempfile
    >>> cases = [{"id": 1, "text": "Hi. Mr. Li came.", "sentences": ["Hi.", "Mr. Li came."]}]
    >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    ...     json.dump(cases, f)
    >>> golden_rules_score(split_sentences, f.name)
    (1, 1, [])
    """
    import json

    gold = Path(path)
    if not gold.is_file():
        raise InputNotFoundError(
            f"sentence-boundary cases {gold} not found; pass the path of a JSON list of "
            "cases such as data/sentences/golden_rules_en.json."
        )
    cases = json.loads(gold.read_text(encoding="utf-8"))
    failed: list[int] = []
    for case in cases:
        got = [getattr(s, "text", s).strip() for s in segment_fn(case["text"])]
        if [g for g in got if g] != case["sentences"]:
            failed.append(case["id"])
    return len(cases) - len(failed), len(cases), failed
