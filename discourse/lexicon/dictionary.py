"""Keyword dictionaries (quanteda style): categories of glob patterns and phrases.

A dictionary maps each category to the patterns that count for it::

    peace: [peace*]                      # plain list: every pattern includes
    security:
      include: [secur*, insecur*]
      exclude: [securities, securitiz*]  # hits that an exclude pattern also matches are dropped
    diplomacy:
      talks: [peace talks, negotiat*]    # nested keys give the category "diplomacy.talks"

Patterns are matched case-insensitively against word tokens (:func:`discourse.text.tokens.tokenize`,
so "co-operation" is one token). ``*`` matches any run of characters and ``?`` one character;
every other character is literal. A pattern with spaces is a phrase ("mutual security"): its
words must match consecutive tokens separated by whitespace only. The curly apostrophe and
the Unicode hyphen are read as ``'`` and ``-`` in both patterns and text.

Within one category the longest match wins and hits do not overlap (quanteda's
``nested_scope = "key"``); different categories are matched independently. An exclude
pattern drops the category's hits lying inside one of its matches, so ``exclude: [Security
Council]`` removes "security" inside "Security Council" but not elsewhere.

Scalars in YAML files are read as the text typed (``- no`` is the word "no", ``- 1990s``
the token "1990s"); an empty entry (``-`` or ``~``) is an error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from discourse.errors import InputNotFoundError, InvalidLexiconError
from discourse.lexicon.globs import TokenMatcher, compile_globs, word_matcher
from discourse.lexicon.resources import lexicon_path
from discourse.lexicon.yaml_nodes import compose, scalar
from discourse.memo import per_analysis
from discourse.text.tokens import TOKEN_PATTERN

__all__ = [
    "DEFAULT_DICTIONARY",
    "Category",
    "Dictionary",
    "Match",
    "TextTokens",
    "default_dictionary",
    "load_dictionary",
    "normalize_word",
    "text_tokens",
    "tokens_and_hits",
]

#: File name of the default dictionary in ``discourse/lexicons/``.
DEFAULT_DICTIONARY = "keywords_default.yaml"

_INCLUDE_EXCLUDE = frozenset({"include", "exclude"})
# Map the curly apostrophe and the Unicode hyphen to ASCII. Both join tokens already, so
# token boundaries and string lengths stay the same.
_NORMALIZE = str.maketrans({"’": "'", "‐": "-"})


def normalize_word(text: str, *, lower: bool = True) -> str:
    """Map the curly apostrophe and the Unicode hyphen to ASCII and lower-case ``text``.

    Parameters
    ----------
    text : str
        A word or a longer text.
    lower : bool
        Lower-case as well (``False`` keeps the case, e.g. for displaying a word).

    Examples
    --------
    >>> normalize_word("Co‐operation’s")
    "co-operation's"
    >>> normalize_word("Russia’s", lower=False)
    "Russia's"
    """
    text = text.lower() if lower else text
    # str.translate looks up every character; most texts have neither of the two.
    return text.translate(_NORMALIZE) if "’" in text or "‐" in text else text


@dataclass(frozen=True, slots=True)
class Category:
    """One dictionary category: its name and its include and exclude patterns.

    Each pattern is a tuple of lower-case word globs (one word, or several for a phrase).
    """

    name: str
    include: tuple[tuple[str, ...], ...]
    exclude: tuple[tuple[str, ...], ...] = ()


class Match(NamedTuple):
    """A dictionary hit: ``category`` matched tokens ``[first, last)``."""

    category: str
    first: int
    last: int


# A phrase pattern as matched: category index, globs of the words after the first,
# is-exclusion.
_Phrase = tuple[int, tuple[TokenMatcher, ...], bool]


class _Entry(NamedTuple):
    # What one word type can start: single-word hits (category indices, exclusions applied)
    # and phrases. Phrases whose second word is a literal are filed under it, so a common
    # first word ("we", "in", "the") tries only the few phrases its next token can start;
    # the phrases with a glob second word are tried at every occurrence.
    singles: tuple[int, ...]
    by_next: Mapping[str, tuple[_Phrase, ...]]
    wild_next: tuple[_Phrase, ...]


class Dictionary:
    """A compiled keyword dictionary. Build one with :func:`load_dictionary`.

    Matching a word type against the patterns happens once per distinct word (the result is
    cached), so scanning a long text costs one dictionary look-up per token.

    Examples
    --------
    >>> d = load_dictionary({"security": {"include": ["secur*"], "exclude": ["securities"]}})
    >>> d.categories
    ('security',)
    >>> [m.first for m in d.find(["securities", "and", "security"])]
    [2]
    """

    __slots__ = ("_by_name", "_cache", "_categories", "_has_phrases", "_phrase_glob",
                 "_phrase_literal", "_single_exc", "_single_inc", "source")

    def __init__(self, categories: Sequence[Category], *, source: str = "<mapping>") -> None:
        if not categories:
            raise InvalidLexiconError(f"Dictionary {source} has no categories; add at least one.")
        self._categories = tuple(categories)
        self._by_name = {c.name: c for c in self._categories}
        self.source = source
        self._single_inc = [compile_globs([p[0] for p in c.include if len(p) == 1],
                                          within="token") for c in self._categories]
        self._single_exc = [compile_globs([p[0] for p in c.exclude if len(p) == 1],
                                          within="token") for c in self._categories]
        # Phrases by their first word: a dict look-up for a literal word (most of them, and
        # large lexicons have hundreds), a glob match for the others.
        # Each phrase is kept with the glob of its second word (see _Entry).
        self._phrase_literal: dict[str, list[tuple[str, _Phrase]]] = {}
        phrase_glob: list[tuple[TokenMatcher, tuple[str, _Phrase]]] = []
        for index, cat in enumerate(self._categories):
            for patterns, excl in ((cat.include, False), (cat.exclude, True)):
                for first, *rest in (p for p in patterns if len(p) > 1):
                    phrase = (rest[0], (index, tuple(_word_glob(g) for g in rest), excl))
                    if _is_glob(first):
                        phrase_glob.append((_word_glob(first), phrase))
                    else:
                        self._phrase_literal.setdefault(first, []).append(phrase)
        self._phrase_glob = tuple(phrase_glob)
        self._has_phrases = bool(phrase_glob or self._phrase_literal)
        self._cache: dict[str, _Entry | None] = {}

    # -- mapping-like access -------------------------------------------------------------
    @property
    def categories(self) -> tuple[str, ...]:
        """Category names in dictionary order."""
        return tuple(c.name for c in self._categories)

    def __getitem__(self, name: str) -> Category:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.categories)

    def __len__(self) -> int:
        return len(self._categories)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __repr__(self) -> str:
        return f"Dictionary({', '.join(self.categories)}; source={self.source!r})"

    @property
    def has_phrases(self) -> bool:
        """Whether any category has a multi-word pattern."""
        return self._has_phrases

    def to_dict(self) -> dict[str, dict[str, list[str]]]:
        """The dictionary as ``{category: {"include": [...], "exclude": [...]}}``."""
        return {
            c.name: {"include": [" ".join(p) for p in c.include],
                     "exclude": [" ".join(p) for p in c.exclude]}
            for c in self._categories
        }

    # -- matching ------------------------------------------------------------------------
    def _entry(self, word: str) -> _Entry | None:
        singles = tuple(
            i for i, (inc, exc) in enumerate(zip(self._single_inc, self._single_exc, strict=True))
            if inc is not None and inc.fullmatch(word) and not (exc and exc.fullmatch(word))
        )
        phrases = (*self._phrase_literal.get(word, ()),
                   *(phrase for first, phrase in self._phrase_glob if first.fullmatch(word)))
        if not singles and not phrases:
            return None
        by_next: dict[str, list[_Phrase]] = {}
        wild_next: list[_Phrase] = []
        for second, phrase in phrases:  # in dictionary order within each list
            if _is_glob(second):
                wild_next.append(phrase)
            else:
                by_next.setdefault(second, []).append(phrase)
        return _Entry(singles, {k: tuple(v) for k, v in by_next.items()}, tuple(wild_next))

    def categories_of(self, word: str) -> tuple[str, ...]:
        """Categories a single word counts for (phrases aside), e.g. ``("security",)``.

        ``word`` is normalised with :func:`normalize_word` first.
        """
        entry = self._entry(normalize_word(word))
        return () if entry is None else tuple(self._categories[i].name for i in entry.singles)

    def find(
        self,
        words: Sequence[str],
        joinable: Callable[[int], bool] | None = None,
        *,
        nested_scope: Literal["key", "dictionary"] = "key",
    ) -> list[Match]:
        """Find the hits in a sequence of normalised tokens (see :func:`normalize_word`).

        Parameters
        ----------
        words : sequence of str
            Lower-case tokens in text order.
        joinable : callable, optional
            ``joinable(k)`` says whether tokens ``k`` and ``k + 1`` may belong to one phrase
            (e.g. only whitespace between them). By default any neighbours may.
        nested_scope : {"key", "dictionary"}
            As in quanteda: ``"key"`` keeps the longest leftmost hits within each category
            (categories overlap freely); ``"dictionary"`` across all categories, so that
            every token belongs to one hit at most (ties go to the earlier category).

        Returns
        -------
        list of Match
            Sorted by first token, then dictionary order.

        Examples
        --------
        >>> d = load_dictionary({"security": ["secur*", "mutual security"]})
        >>> d.find(["mutual", "security", "and", "secure", "borders"])
        [Match(category='security', first=0, last=2), Match(category='security', first=3, last=4)]
        >>> d = load_dictionary({"negation": ["no", "no longer"], "time": ["longer"]})
        >>> [m.category for m in d.find(["no", "longer"])]
        ['negation', 'time']
        >>> [m.category for m in d.find(["no", "longer"], nested_scope="dictionary")]
        ['negation']
        """
        cache_ = self._cache
        entry_of = self._entry
        found: list[tuple[int, int, int, bool]] = []
        n = len(words)
        for i, word in enumerate(words):
            entry = cache_.get(word, False)
            if entry is False:
                entry = cache_[word] = entry_of(word)
            if entry is None:
                continue
            for c in entry.singles:
                found.append((c, i, i + 1, False))
            if i + 1 == n or not (entry.by_next or entry.wild_next):
                continue
            # The order of phrase hits does not matter: _resolve sorts them.
            for c, rest, excl in (*entry.by_next.get(words[i + 1], ()), *entry.wild_next):
                last = i + 1 + len(rest)
                if last <= n and all(
                    glob.fullmatch(words[i + 1 + k]) and (joinable is None or joinable(i + k))
                    for k, glob in enumerate(rest)
                ):
                    found.append((c, i, last, excl))
        # Overlaps need resolving only when some category has phrases, or across categories.
        if self._has_phrases or nested_scope == "dictionary":
            found = _resolve(found, across=nested_scope == "dictionary")
        names = self._categories
        return [Match(names[c].name, first, last) for c, first, last, _ in found]


class TextTokens:
    """The word tokens of one text, normalised for matching, with their character spans.

    Tokens are those of :func:`discourse.text.tokens.tokenize`; ``words`` holds them normalised
    with :func:`normalize_word`. Spans are computed only when asked for.

    Examples
    --------
    >>> toks = TextTokens("Mutual, security and Mutual  Security.")
    >>> toks.words
    ['mutual', 'security', 'and', 'mutual', 'security']
    >>> toks.spans[1]
    (8, 16)
    >>> d = load_dictionary({"pact": ["mutual security"]})
    >>> [(m.first, m.last) for m in toks.hits(d)]  # a phrase does not cross the comma
    [(3, 5)]
    """

    __slots__ = ("_low", "_spans", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        low = normalize_word(text)
        if len(low) == len(text):
            # Fast path: offsets in the lower-cased text equal those in the original.
            self._low: str | None = low
            self.words: list[str] = TOKEN_PATTERN.findall(low)
            self._spans: list[tuple[int, int]] | None = None
        else:  # lower() expanded a character (e.g. "İ"): tokenise the original instead
            matches = list(TOKEN_PATTERN.finditer(text))
            self._low = None
            self._spans = [m.span() for m in matches]
            self.words = [normalize_word(m[0]) for m in matches]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Half-open ``(start, end)`` offsets of the tokens in ``text``."""
        if self._spans is None:
            assert self._low is not None
            self._spans = [m.span() for m in TOKEN_PATTERN.finditer(self._low)]
        return self._spans

    def joinable(self, k: int) -> bool:
        """Whether tokens ``k`` and ``k + 1`` may be words of one phrase: only whitespace
        between them, and no paragraph break."""
        spans = self.spans
        gap = self.text[spans[k][1]:spans[k + 1][0]]
        return gap.isspace() and gap.count("\n") <= 1

    def hits(self, dictionary: Dictionary) -> list[Match]:
        """The hits of ``dictionary`` in the text (see :meth:`Dictionary.find`)."""
        return dictionary.find(self.words, self.joinable if dictionary.has_phrases else None)


@per_analysis
def text_tokens(text: str) -> TextTokens:
    """The :class:`TextTokens` of ``text``, made once per analysis.

    The markers, keywords and topics steps all read every sentence's tokens; inside an
    :func:`discourse.memo.analysis_scope` they share one tokenisation (outside one this is
    ``TextTokens(text)``). The object is shared: do not change it.

    Examples
    --------
    >>> text_tokens("Peace talks, again.").words
    ['peace', 'talks', 'again']
    """
    return TextTokens(text)


@per_analysis
def tokens_and_hits(dictionary: Dictionary, text: str) -> tuple[TextTokens, tuple[Match, ...]]:
    """The tokens of ``text`` (:func:`text_tokens`) and the hits of ``dictionary`` in them
    (:meth:`TextTokens.hits`), found once per analysis.

    The keywords and topics steps look up the same dictionary in the same sentences. The
    tokens come with the hits so that a caller needing both tokenises once, in a scope or
    not.

    Examples
    --------
    >>> peace = load_dictionary({"peace": ["peace*"]})
    >>> tokens, hits = tokens_and_hits(peace, "Peace, peacefully.")
    >>> tokens.words, [(m.first, m.last) for m in hits]
    (['peace', 'peacefully'], [(0, 1), (1, 2)])
    """
    tokens = text_tokens(text)
    return tokens, tuple(tokens.hits(dictionary))


def _word_glob(glob: str) -> TokenMatcher:
    return word_matcher(glob)


def _is_glob(word: str) -> bool:
    return "*" in word or "?" in word


def _resolve(
    found: list[tuple[int, int, int, bool]], *, across: bool = False
) -> list[tuple[int, int, int, bool]]:
    """Drop excluded hits, then keep the longest leftmost non-overlapping hits per category
    (``across``: among all categories)."""
    exclusions: dict[int, list[tuple[int, int]]] = {}
    for c, first, last, excl in found:
        if excl:
            exclusions.setdefault(c, []).append((first, last))
    kept: list[tuple[int, int, int, bool]] = []
    taken_until: dict[int, int] = {}
    for hit in sorted((h for h in found if not h[3]), key=lambda h: (h[1], -h[2], h[0])):
        c, first, last, _ = hit
        if any(a <= first and last <= b for a, b in exclusions.get(c, ())):
            continue
        scope = -1 if across else c
        if first < taken_until.get(scope, 0):
            continue  # nested in (or overlapping) a longer hit of the same scope
        taken_until[scope] = last
        kept.append(hit)
    kept.sort(key=lambda h: (h[1], h[0]))
    return kept


# -- building and validating ---------------------------------------------------------------

class _Where:
    """Where a value came from, for error messages: the source and the YAML line if known."""

    def __init__(self, source: str, lines: Mapping[tuple[Any, ...], int] | None = None):
        self.source = source
        self.lines = lines or {}

    def __call__(self, path: tuple[Any, ...], key: str) -> str:
        # The nearest recorded line: the item itself, else its key.
        line = next((self.lines[path[:n]] for n in range(len(path), 0, -1)
                     if path[:n] in self.lines), None)
        at = f" (line {line})" if line is not None else ""
        return f"dictionary {self.source}, key {key!r}{at}"


def _compile_pattern(text: str, fail: Callable[[str], InvalidLexiconError]) -> tuple[str, ...]:
    words = tuple(normalize_word(text).split())
    if not words:
        raise fail("has an empty pattern; remove it or write a word")
    for word in words:
        if not any(ch.isalnum() for ch in word):
            raise fail(f"pattern {text!r} has no letters or digits and would match every word")
        # A glob can match only if some token could: try the wildcards as letters.
        if not TOKEN_PATTERN.fullmatch(word.replace("*", "a").replace("?", "a")):
            raise fail(
                f"pattern {text!r} can never match a token: tokens are letters and digits "
                "joined by inner hyphens, apostrophes or periods; remove the other "
                "punctuation (wildcards are * and ?)"
            )
    return words


def _patterns(
    value: Any, path: tuple[Any, ...], key: str, where: _Where
) -> tuple[tuple[str, ...], ...]:
    def fail(message: str, item: int | None = None) -> InvalidLexiconError:
        location = where(path if item is None else (*path, item), key)
        return InvalidLexiconError(f"{location}: {message}.")

    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise fail(f"expected a list of patterns, got {type(value).__name__} {value!r}")
    if not value:
        raise fail("has no patterns; give at least one")
    out = []
    for i, item in enumerate(value):
        if item is None:
            raise fail("has an empty pattern; remove it or write a word", i)
        if not isinstance(item, str):
            raise fail(f"patterns must be strings, got {type(item).__name__} {item!r}", i)
        out.append(_compile_pattern(item, lambda m, i=i: fail(m, i)))
    return tuple(dict.fromkeys(out))  # drop duplicates, keep order


def _build(tree: Any, where: _Where) -> list[Category]:
    if not isinstance(tree, Mapping):
        raise InvalidLexiconError(
            f"dictionary {where.source}: expected a mapping of category names to pattern lists "
            f"(e.g. {{'peace': ['peace*']}}), got {type(tree).__name__}."
        )
    out: list[Category] = []

    def walk(node: Mapping[Any, Any], prefix: str, path: tuple[Any, ...]) -> None:
        if not node:
            raise InvalidLexiconError(f"{where(path, prefix or '<top>')}: has no categories.")
        for key, value in node.items():
            kpath = (*path, key)
            if not isinstance(key, str) or not key.strip():
                raise InvalidLexiconError(
                    f"{where(kpath, str(key))}: category names must be non-empty strings."
                )
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, Mapping) and _INCLUDE_EXCLUDE & set(value):
                unknown = [k for k in value if k not in _INCLUDE_EXCLUDE]
                if unknown:
                    raise InvalidLexiconError(
                        f"{where((*kpath, unknown[0]), name)}: unknown field {unknown[0]!r}; "
                        "a category with 'include' may only have 'include' and 'exclude'."
                    )
                if "include" not in value:
                    raise InvalidLexiconError(
                        f"{where(kpath, name)}: has 'exclude' but no 'include' patterns."
                    )
                include = _patterns(value["include"], (*kpath, "include"), name, where)
                exclude = (_patterns(value["exclude"], (*kpath, "exclude"), name, where)
                           if value.get("exclude") not in (None, [], ()) else ())
                out.append(Category(name, include, exclude))
            elif isinstance(value, Mapping):
                walk(value, name, kpath)
            else:
                out.append(Category(name, _patterns(value, kpath, name, where)))

    walk(tree, "", ())
    names = [c.name for c in out]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise InvalidLexiconError(
            f"dictionary {where.source}: category {dupes[0]!r} is defined twice."
        )
    return out


def _yaml_tree(text: str, source: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse YAML into plain data, recording the line (1-based) of every key and item."""
    import yaml

    root = compose(text, error=f"dictionary {source} is not valid YAML",
                   hint=" Write one category per line, e.g. 'peace: [peace*, peaceful]'.")
    if root is None:
        raise InvalidLexiconError(f"dictionary {source} is empty; add categories such as "
                                  "'peace: [peace*]'.")
    lines: dict[tuple[Any, ...], int] = {}

    def convert(node: Any, path: tuple[Any, ...]) -> Any:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key in out:
                    raise InvalidLexiconError(
                        f"dictionary {source}, key {key!r} (line {key_node.start_mark.line + 1}): "
                        f"defined twice (first at line {lines[(*path, key)]}); merge the lists."
                    )
                lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = convert(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return scalar(node)

    return convert(root, ()), lines


def _from_yaml(text: str, source: str) -> Dictionary:
    tree, lines = _yaml_tree(text, source)
    return Dictionary(_build(tree, _Where(source, lines)), source=source)


@cache
def default_dictionary() -> Dictionary:
    """The packaged peace / security / cooperation dictionary (``keywords_default.yaml``).

    Examples
    --------
    >>> default_dictionary().categories
    ('peace', 'security', 'cooperation')
    """
    text = lexicon_path(DEFAULT_DICTIONARY).read_text(encoding="utf-8")
    return _from_yaml(text, DEFAULT_DICTIONARY)


def load_dictionary(source: Any = None) -> Dictionary:
    """Build a :class:`Dictionary` from a mapping, a YAML file or YAML text.

    Parameters
    ----------
    source : None, Dictionary, mapping, path or str
        ``None`` gives :func:`default_dictionary`. A mapping is ``{category: patterns}``
        where patterns is a string, a list of strings, ``{"include": [...], "exclude":
        [...]}`` or a nested mapping of sub-categories (named ``"parent.child"``). A path
        (``str`` or ``os.PathLike``) is read as a YAML file of the same shape; a string with
        a line break is read as YAML text.

    Raises
    ------
    InvalidLexiconError
        For invalid YAML, wrong types, empty or impossible patterns; the message names the
        category and, for YAML, the line.
    InputNotFoundError
        If a path does not exist.

    Examples
    --------
    >>> d = load_dictionary({"security": {"include": ["secur*"], "exclude": ["securities"]},
    ...                      "talks": ["peace talks", "negotiat*"]})
    >>> d.categories
    ('security', 'talks')
    >>> d["talks"].include
    (('peace', 'talks'), ('negotiat*',))
    """
    if source is None:
        return default_dictionary()
    if isinstance(source, Dictionary):
        return source
    if isinstance(source, Mapping):
        return Dictionary(_build(source, _Where("<mapping>")), source="<mapping>")
    if isinstance(source, str) and "\n" in source:
        return _from_yaml(source, "<string>")
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise InputNotFoundError(
                f"Dictionary file {str(path)!r} not found; pass an existing YAML file, YAML "
                "text, or a mapping such as {'peace': ['peace*']}."
            )
        return _from_yaml(path.read_text(encoding="utf-8"), str(path))
    raise InvalidLexiconError(
        f"Cannot use an object of type {type(source).__name__} as a dictionary; pass a mapping "
        "{category: [patterns]}, a YAML file path or None for the default dictionary."
    )
