"""Lossless, quote-aware sentence segmentation with character offsets.

The segmenter is rule-based and needs no downloaded data. It finds candidate boundaries
(terminal punctuation, optional closing quotes or brackets and a citation such as ``[1]``,
then whitespace) with one compiled regular expression, then decides each candidate from the
word before it and the word after it: abbreviations, titles, initials, times ("at 6 P.M.
Travelers"), places ("Palo Alto, Calif. Hewlett-Packard"), numbers, ellipses, list markers
and quotation marks. Quotations are split into their sentences (``"We did it. We will go
on," he said.`` gives two sentences); a quotation closed by a comma keeps its attribution.

Line breaks: a blank line always ends a sentence. A single line break ends one where lines
are units (titles, list items, captions), and not inside hard-wrapped prose: a run of lines
is taken as wrapped when its widest line is 40 to 100 characters long, most of its lines
are full (the next line's first word would not have fitted on them) and most lines do not
start like a sentence (a capital, a digit, a quotation mark). In wrapped prose, a line that
is not full, a line in capitals and a headline-style line still end their sentence.

Pieces between boundaries are stripped of whitespace, so every non-whitespace character of
the input lies in exactly one sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from discourse.errors import InputNotFoundError
from discourse.lexicon.resources import load_lexicon
from discourse.text.spans import Span

__all__ = ["golden_rules_score", "sentence_bounds", "split_sentences"]

_CANDIDATE = re.compile(
    r"""
    (?P<wide>[。．！？]+[”’」』)]*)     # full-width marks: no space needed after them
  | (?P<punct>
        \.(?:[ \t]\.){2,}          # spaced ellipsis: ". . ." or ". . . ."
      | [.!?…‽]+                   # a run of terminal marks
    )
    (?P<close>["'”’»)\]]*)         # closing quotation marks and brackets
    (?P<cite>                      # a citation right after the full stop
        (?:\[\d{1,3}(?:[-–,]\s?\d{1,3})*\])+      # ".[1]", ".[7][8]"
      | (?<=[^\W\d_]\.|\)\.)\d{1,3}(?:[ \t]\d{1,3})*  # ".11 12", "(1987).1"
    )?
    (?=\s)
    """,
    re.VERBOSE,
)
# A full stop with no space after it between a word and a capitalised word ("world.Today").
_GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=\d{3}))\.(?=[A-Z][a-z]+\b)")
_GLUED_TOKEN = re.compile(r"[\w@/:-]*$")
_TLDS = frozenset({"com", "net", "org", "gov", "edu", "info", "biz", "io", "co", "uk", "ru", "de"})
_PREV_TOKEN = re.compile(r"\S*$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([\w’'-]*)")
_MULTI_PERIOD = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_MARKER = re.compile(
    r"(?:(?<=\s)|^)(?P<bullet>[•⁃‣◦▪][ \t]?)?(?P<open>\()?(?P<num>\d{1,3}|[a-zA-Z])"
    r"(?P<style>\.\)|\)|\.)(?=\s)"
)
_BULLET = re.compile(r"(?<=\s)[•⁃‣◦▪](?=\s|\w)")
_BLANK_LINES = re.compile(r"[ \t\f\v]*(?:\r\n|\r|\n)(?:[ \t\f\v]*(?:\r\n|\r|\n))+")
_BREAK = re.compile(r"\r\n|\r|\n")
_TIME = re.compile(r"\d{1,2}(?:[:.]\d\d)?")
_ZONE = re.compile(r"[A-Z]{2,4}")
_OPENING_QUOTES = "\"'“‘«"
_OPENING = "\"'“‘«(["
_CLOSING_QUOTES = "\"'”’»"
_SYMBOL_STARTS = "-–—*•#"
_AFTER_SYMBOLS = re.compile(r"[-–—*•#]+[ \t]*")
_TERMINAL = ".!?…‽。．！？"
# Hard-wrapped prose is wrapped at a width in this range; outside it, lines are units.
_WRAP_WIDTHS = (40, 100)


class _Lists(NamedTuple):
    prepositive: frozenset[str]
    abbreviations: frozenset[str]
    starters: frozenset[str]
    places: frozenset[str]
    time_followers: frozenset[str]
    exclamation_names: frozenset[str]
    attribution: re.Pattern[str]


@cache
def _lists() -> _Lists:
    data = load_lexicon("abbreviations.yaml")
    verbs = "|".join(sorted(set(data["attribution_verbs"])))
    return _Lists(
        *(frozenset(data[key]) for key in _Lists._fields[:-1]),
        attribution=re.compile(rf"(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:{verbs})\b"),
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
            if m["num"].isdigit() and _at_line_start(text, m.start()):
                # "1. This is a list item." at the start of a line: the marker is no sentence.
                inside.update(range(m.start("style"), m.end("style")))
    # Plain markers ("1.", "b)", "(c)") count only as a chain of consecutive values in one
    # style, starting at the beginning of the text or after a sentence end.
    chain: list[re.Match[str]] = []

    def flush() -> None:
        if len(chain) >= 2:
            for c in chain:
                starts.append(c.start())
                inside.update(range(c.start("style"), c.end("style")))

    for m in plain:
        if chain and _style(m) == _style(chain[-1]) and _follows(chain[-1]["num"], m["num"]):
            chain.append(m)
            continue
        flush()
        head = text[max(0, m.start() - 50) : m.start()].rstrip()
        # "... their opinion by 1) taking ... and 2) judging ...": a ")" list may start
        # inside a sentence if it counts from 1 or a.
        inline = m["style"] == ")" and not m["open"] and m["num"] in ("1", "a")
        chain = [m] if m.start() == 0 or inline or (head and head[-1] in ".!?:") else []
    flush()
    starts += [m.start() for m in _BULLET.finditer(text)]
    return starts, inside


def _style(m: re.Match[str]) -> tuple[bool, str, bool]:
    return bool(m["open"]), m["style"], m["num"].isupper()


def _at_line_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 20) : pos]
    stripped = head.rstrip(" \t")
    return (pos - len(head) == 0 and not stripped) or stripped.endswith(("\n", "\r"))


def _token_before(text: str, end: int) -> str:
    """The whitespace-delimited token ending at ``end`` (skipping whitespace before it)."""
    # A bounded window keeps this O(1) per candidate, so long paragraphs stay linear.
    window = text[max(0, end - 80) : end].rstrip()
    return _PREV_TOKEN.search(window)[0]


def _follows(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return a.isalpha() and b.isalpha() and ord(b) == ord(a) + 1


def _starts_unit(text: str, nxt: int, next_word: str) -> bool:
    """Whether the text at ``nxt`` can open a sentence: a capital, or a quote, bracket or
    dash before one (but not a parenthetical citation such as "(Smith 55).")."""
    c = text[nxt]
    if c.isupper():
        return True
    if c == "(":
        close = text.find(")", nxt, nxt + 80)
        after = text[close + 1 : close + 2]
        cited = close > 0 and text[close - 1] not in _TERMINAL and bool(after) and after in ".,;"
        return next_word[:1].isupper() and not cited
    if c in _OPENING:
        return next_word[:1].isupper()
    if c == "<":
        return True
    if c in _SYMBOL_STARTS:
        rest = _AFTER_SYMBOLS.match(text, nxt)
        after = text[rest.end() : rest.end() + 1]
        return not after or after.isupper() or after in "\n\r"
    return False


def _time_ends(text: str, m: re.Match[str], nxt: int, start: int, next_word: str) -> bool:
    """Whether "a.m."/"p.m." after a time ends the sentence ("He left at 6 P.M. Travelers")."""
    lists = _lists()
    before = text[start : m.start()].split()
    if len(before) < 4 or not _TIME.fullmatch(before[-2]):
        return False  # "At 5 a.m. Mr. Smith went" opens its sentence with the time
    if next_word.lower() in lists.time_followers or _ZONE.fullmatch(next_word):
        return False  # "at 9 a.m. Monday", "at 3 p.m. EST"
    after = text[nxt + len(next_word) : nxt + len(next_word) + 6].split()
    return not (after and after[0].lower().startswith("time"))  # "at 3 p.m. Moscow time"


def _place_ends(text: str, m: re.Match[str], prev: str, low: str) -> bool:
    """Whether "City, State." ends the sentence ("Palo Alto, Calif. Hewlett-Packard Co.")."""
    if low not in _lists().places:
        return False
    before = _token_before(text, m.start() - len(prev))
    return before.endswith(",")


def _dots_run(text: str, m: re.Match[str], upper: bool) -> list[int] | None:
    """Cuts around a detached run of 2 or 4+ dots ("Sentence. .. Next", "reste .... Ensuite")."""
    punct = m["punct"]
    if m.start() == 0 or not text[m.start() - 1].isspace() or set(punct) != {"."}:
        return None
    if len(punct) == 3 or len(punct) < 2 or not upper:
        return None
    ended = text[: m.start()].rstrip()[-1:] in _TERMINAL + "\"'”’)]"
    return [m.start() if ended else m.start() + 1, m.end()]


def _is_boundary(text: str, m: re.Match[str], nxt: int, start: int,
                 glued: Sequence[int]) -> list[int]:
    """Decide one candidate. Return the boundary positions it gives (usually one or none).

    ``start`` is where the current sentence began, ``glued`` the positions of boundaries
    made at full stops with no space after them.
    """
    lists = _lists()
    if nxt >= len(text):
        return []
    if m["wide"]:
        return [m.end()]
    punct, close = m["punct"], m["close"]
    c = text[nxt]
    word = _NEXT_WORD.match(text, nxt)
    next_word = word[1] if word else ""
    upper = _starts_unit(text, nxt, next_word)
    if c in _SYMBOL_STARTS and punct == "." and len(text[start : m.start()].split()) < 5:
        upper = False  # a dateline: "BOUCHERVILLE, Que. - Gary Bettman has denied ..."
    if upper and any(q in close for q in _CLOSING_QUOTES) and lists.attribution.match(text, nxt):
        return []  # "Why?" Lavrov asked.

    if " " in punct or "\t" in punct:  # spaced ellipsis
        attached = m.start() > 0 and not text[m.start() - 1].isspace()
        dots = punct.count(".")
        if attached and dots >= 4 and upper:
            return [m.start() + 1]  # "compounds. . . . The" -> break after "compounds."
        return [m.end()] if (not attached and dots >= 4 and upper) else []
    if "." not in punct or len(punct) > 1:
        run = _dots_run(text, m, upper)
        if run is not None:
            return run
        dots = punct.count(".") + 3 * punct.count("…")
        # "that.... She" breaks; "really ... well" and "... I mean" do not.
        if dots == 3 and next_word == "I" and "?" not in punct and "!" not in punct:
            return []
        if punct == "!" and not close:
            name = _token_before(text, m.start()).lstrip(_OPENING).lower()
            if name in lists.exclamation_names:
                return []  # "Yahoo! Research"
        return [m.end()] if upper else []

    # A single period.
    if close or m["cite"]:
        return [m.end()] if upper else []
    prev = _token_before(text, m.start())
    i = bisect_right(glued, m.start() - 1)
    if i and glued[i - 1] > m.start() - len(prev):
        prev = text[glued[i - 1] : m.start()]  # "Tuesday.Mr. Smith": the token is "Mr"
    prev = prev.lstrip(_OPENING)
    low = prev.lower()
    if c.isdigit():
        word_end = prev.isalpha() and len(prev) > 1 and low not in lists.abbreviations
        word_end = word_end and low not in lists.prepositive
        return [m.end()] if word_end or (prev.isdigit() and len(prev) > 1) else []
    if not upper:
        return []
    if low in lists.prepositive:
        return []
    if len(prev) == 1 and prev.isupper():
        # An initial ("Jonas E. Smith") unless it is the pronoun I after a lower-case word.
        if prev != "I":
            return []
        before = _token_before(text, m.start() - 1)
        return [] if before[:1].isupper() else [m.end()]
    if low in lists.abbreviations or _MULTI_PERIOD.fullmatch(prev) or (len(prev) == 1):
        opener = re.split(r"[’']", next_word)[0].lower()
        if opener in lists.starters:
            return [m.end()]
        if low in ("a.m", "p.m") and c.isalpha():
            return [m.end()] if _time_ends(text, m, nxt, start, next_word) else []
        if c.isalpha() and _place_ends(text, m, prev, low):
            return [m.end()]
        return []
    return [m.end()]


def _glued_stops(text: str) -> list[int]:
    """Boundaries at full stops with no space after them ("Hello world.Today is ...").

    Taken only where the text runs its sentences together as a habit (at least as many
    such stops as full stops followed by a space), not at one typo in well-spaced text.
    """
    found = list(_GLUED.finditer(text))
    if not found or len(found) < text.count(". "):
        return []
    lists = _lists()
    cuts = []
    for m in found:
        token = _GLUED_TOKEN.search(text, max(0, m.start() - 40), m.start())[0]
        low = token.lower()
        if any(ch in token for ch in "@/:") or low in lists.prepositive | lists.abbreviations:
            continue  # an e-mail address, a URL or "Mr.Smith"
        if text[max(0, m.start() - len(token) - 1) : m.start() - len(token)] == ".":
            continue  # "www.example.Com", "U.S.Army": part of a dotted name
        after = re.match(r"[^\s.,;]*", text[m.end() : m.end() + 60])[0]
        if "@" in after or "/" in after or after.lower() in _TLDS:
            continue  # "Jane.Doe@example.com", "Amazon.Com"
        cuts.append(m.end())
    return cuts if len(cuts) >= text.count(". ") else []


def _line_cuts(text: str) -> list[int]:
    """Boundaries at line breaks: every blank line, and single line breaks between units.

    Within a run of lines, the line breaks of hard-wrapped prose are not boundaries (see the
    module docstring for when a run is taken as wrapped). Elsewhere (a run of short lines,
    of long lines that are paragraphs of their own, or of lines that each start like a
    sentence), every line is a unit: a title, a list item, a caption.
    """
    if "\n" not in text and "\r" not in text:
        return []
    cuts: list[int] = []
    pos = 0
    for m in _BLANK_LINES.finditer(text):
        cuts += _wrap_cuts(text, pos, m.start())
        cuts.append(m.start())
        pos = m.end()
    cuts += _wrap_cuts(text, pos, len(text))
    return cuts


def _wrap_cuts(text: str, start: int, end: int) -> list[int]:
    breaks = [m.start() for m in _BREAK.finditer(text, start, end)]
    if not breaks:
        return []
    edges = [start, *[b + 1 for b in breaks]]
    lines = [text[a:b].strip() for a, b in zip(edges, [*breaks, end], strict=True)]
    width = max(len(line) for line in lines)
    if not (_WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1]):
        return breaks
    full = []
    for i in range(len(breaks)):
        line, nxt = lines[i], lines[i + 1]
        first = nxt.split(None, 1)[0] if nxt else ""
        # Full: the next word would not have fitted, and the line is near the width (a
        # short item followed by a long word is no wrapped line).
        full.append(bool(line and nxt) and len(line) + 1 + len(first) > width
                    and len(line) >= 0.7 * width)
    if 2 * sum(full) < len(full):
        return breaks  # mostly short lines: a list, an address, captions
    opens = [bool(n) and (n[0].isupper() or n[0].isdigit() or n[0] in _OPENING)
             for n in lines[1:]]
    if 2 * sum(opens) > len(opens):
        return breaks  # most lines start like sentences: items, not a wrapped paragraph
    cuts = []
    for i, pos in enumerate(breaks):
        nxt = lines[i + 1]
        heading = nxt.isupper() and sum(ch.isalpha() for ch in nxt) >= 2
        if not full[i] or heading or _title_case(lines[i]):
            cuts.append(pos)
    return cuts


def _title_case(line: str) -> bool:
    """A headline-style line ("1. Multiple Sources Are Confirming the End of Beats"): no
    final punctuation, and at least four words, three in four of them capitalised."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4 or line[-1:] in _TERMINAL + ",;:-":
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence of ``text``, stripped of whitespace.

    Examples
    --------
    >>> sentence_bounds("He left. She stayed.")
    [(0, 8), (9, 20)]
    >>> sentence_bounds("Talks resume\\nGENEVA, May 3 - The talks resumed.")
    [(0, 12), (13, 47)]
    """
    list_starts, in_marker = _list_markers(text)
    glued = _glued_stops(text) if "." in text else []
    cuts: list[int] = [*glued]
    start = 0
    for m in _CANDIDATE.finditer(text):
        if m.start() in in_marker:
            continue
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        found = _is_boundary(text, m, nxt, start, glued)
        if found:
            cuts += found
            start = found[-1]
    extra = _line_cuts(text)
    if list_starts or extra or glued:
        cuts = sorted(set(cuts) | set(list_starts) | set(extra))
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
