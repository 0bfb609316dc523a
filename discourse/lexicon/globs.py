"""Glob patterns: the one translation of the package's pattern syntax into regular expressions.

Keyword dictionaries (:mod:`discourse.lexicon.dictionary`) and stance targets
(:mod:`discourse.steps.stance.targets`) share one pattern syntax: ``*`` is any run of
characters, ``?`` one character, every other character is literal, and a space separates
the words of a phrase. They apply it at two levels:

``within="token"``
    one glob word, to be matched in full against one normalised word token
    (:func:`discourse.lexicon.dictionary.normalize_word`); the dictionary matches phrases token by
    token. ``*`` may run over a token's inner hyphens and apostrophes.
``within="text"``
    a whole pattern, to be searched for in running text (its case ignored): words match
    whole words, ``*`` runs over word characters only, phrases match across whitespace or
    hyphens, dashes and apostrophes are interchangeable, and punctuation in a pattern is
    kept ("roe v. wade"). Target patterns need this: they match inside hyphenated and
    possessive tokens ("Azerbaijan" in "Azerbaijan's") and hold punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, overload

from discourse.errors import InvalidLexiconError, check_choice

__all__ = ["TokenMatcher", "compile_globs", "glob_regex", "word_matcher"]

_HYPHENS = "-‐‑–"
_HYPHEN_CLASS = r"\-‐‑–"  # the same, for use inside [...]
#: where every text pattern starts: not after a word character
_WORD_START = r"(?<!\w)"
# What each special character of a glob word becomes; any other character is literal.
_TOKEN_GLOB = {"*": ".*", "?": "."}
_TEXT_GLOB = {
    "*": r"\w*",
    "?": r"\w",
    "'": "['’]",
    "’": "['’]",
    **dict.fromkeys(_HYPHENS, rf"[{_HYPHEN_CLASS}\s]?"),
}
# A lone "*" in a text pattern is any one word, hyphenated or with an apostrophe.
_ANY_WORD = r"\w+(?:['’-]\w+)*"


def _translate(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch) or re.escape(ch) for ch in word)


def glob_regex(pattern: str, *, within: Literal["text", "token"] = "text") -> str:
    """Translate a glob pattern into a regular expression.

    Parameters
    ----------
    pattern : str
        With ``within="text"``, a word or phrase: ``*`` matches any run of word characters
        (``shell*``: shell, shells, shelling), a lone ``*`` word any one word (``use *
        force``), ``?`` one word character. Words of a phrase match across any whitespace
        or a hyphen; a hyphen in a pattern also matches a dash, a space or nothing
        ("Russian-Azerbaijani" finds "Russian–Azerbaijani"); straight and curly apostrophes
        are the same. The pattern matches whole words, except that one ending in a hyphen
        is a prefix ("pro-" finds "pro-Kremlin"). Compile it with ``re.IGNORECASE``.
        With ``within="token"``, one normalised glob word: ``*`` matches any run of
        characters and ``?`` one; use it with ``fullmatch`` on a normalised token.
    within : {"text", "token"}
        Where the expression is used (see the module docstring).

    Raises
    ------
    InvalidLexiconError
        A text pattern without letters or digits (it would match any word).

    Examples
    --------
    >>> rx = re.compile(glob_regex("shell*"), re.IGNORECASE)
    >>> [m[0] for m in rx.finditer("Shelling resumed; the shells fell near Shell Beach.")]
    ['Shelling', 'shells', 'Shell']
    >>> bool(re.search(glob_regex("use of force"), "the use\\nof force"))
    True
    >>> bool(re.fullmatch(glob_regex("co-operat*", within="token"), "co-operation's"))
    True
    """
    check_choice("within", within, ("text", "token"))
    if within == "token":
        return _translate(pattern, _TOKEN_GLOB)
    text = pattern.strip()
    if not re.search(r"\w", text.replace("*", "").replace("?", "")):
        raise InvalidLexiconError(
            f"The pattern {pattern!r} has no letters or digits, so it would match any word; "
            "write at least one literal letter (e.g. 'shell*')."
        )
    words = [_ANY_WORD if w == "*" else _translate(w, _TEXT_GLOB) for w in text.split()]
    right = r"(?!\w)"
    if text[-1] in _HYPHENS:  # a prefix: the final hyphen must be there ("pro-")
        words[-1] = _translate(text.split()[-1][:-1], _TEXT_GLOB) + f"[{_HYPHEN_CLASS}]"
        right = ""
    body = rf"[\s{_HYPHEN_CLASS}]+".join(words)
    return rf"{_WORD_START}{body}{right}"


class TokenMatcher:
    """Token globs: a set look-up for the literal words, one regex for the wildcard ones.

    Most lexicon entries are plain words; compiling them into a regex costs far more at
    start-up than a set, and matches no faster.
    """

    __slots__ = ("literal", "regex")

    def __init__(self, patterns: Iterable[str]) -> None:
        wild = sorted({p for p in patterns if "*" in p or "?" in p}, key=lambda p: (-len(p), p))
        self.literal = frozenset(p for p in patterns if "*" not in p and "?" not in p)
        self.regex = (re.compile("(?:" + "|".join(glob_regex(p, within="token") for p in wild)
                                 + ")", re.DOTALL) if wild else None)

    def fullmatch(self, word: str) -> bool:
        """Whether ``word`` (a normalised token) matches one of the patterns."""
        return word in self.literal or (self.regex is not None
                                        and self.regex.fullmatch(word) is not None)


def word_matcher(glob: str) -> TokenMatcher:
    """A matcher for one token glob (``fullmatch`` as on a compiled regex)."""
    return TokenMatcher([glob])


@overload
def compile_globs(patterns: Iterable[str], *,
                  within: Literal["token"]) -> TokenMatcher | None: ...
@overload
def compile_globs(patterns: Iterable[str], *,
                  within: Literal["text"] = "text") -> re.Pattern[str] | None: ...
def compile_globs(
    patterns: Iterable[str], *, within: Literal["text", "token"] = "text"
) -> re.Pattern[str] | TokenMatcher | None:
    """One regular expression matching any of ``patterns`` (``None`` if there are none).

    Longest patterns come first, so that a phrase wins over a word it starts with. Text
    patterns ignore case; token patterns expect normalised tokens and give a
    :class:`TokenMatcher` (its ``fullmatch`` is all a token match needs).

    Examples
    --------
    >>> rx = compile_globs(["peace", "peace talks"])
    >>> rx.search("The Peace talks began.")[0]
    'Peace talks'
    >>> compile_globs(["secur*", "safe"], within="token").fullmatch("security")
    True
    >>> compile_globs([]) is None
    True
    """
    ordered = sorted(set(patterns), key=lambda p: (-len(p), p))
    if not ordered:
        return None
    if within == "token":
        return TokenMatcher(ordered)
    parts = [glob_regex(p, within=within) for p in ordered]
    # Every text pattern starts at a word start: testing that once per position, before
    # the alternatives, makes a search several times faster than testing it in each one.
    body = "|".join(p.removeprefix(_WORD_START) for p in parts)
    return re.compile(f"{_WORD_START}(?:{body})", re.IGNORECASE)
