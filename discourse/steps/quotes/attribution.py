"""Quotations and speaker attribution, sentence by sentence (rules only, no models).

Three passes over one article:

1. **Quotation marks.** A state machine reads the quotation marks of the whole text,
   paragraph by paragraph, before any sentence is looked at: straight and curly double
   marks (and guillemets); single marks nested inside them belong to the quotation. A
   paragraph (or a line, in texts without blank lines) that opens a quotation and does not
   close it continues into the next one if that one opens with a quotation mark (the
   journalistic convention); otherwise the mark is unbalanced and the sentences concerned
   get a ``quote_warning``. Quotations in single marks only ('We will win,' he said) are
   read too, but since apostrophes look the same they never raise a warning: one that does
   not close is ignored.
2. **Attributions.** Reporting verbs and phrases (``lexicons/reporting_verbs.yaml``) outside
   quotations, with the speaker phrase before them ("Lavrov said", "the minister noted",
   "Anna Petrova, a teacher, said", "a spokesman for the ministry said"), after them
   ('," said Anna Petrova, a teacher.') or after "according to". Speaker phrases are read
   and resolved within the article by :mod:`discourse.steps.quotes.mentions`.
3. **Sentences.** The quotation spans are mapped to the sentences they overlap. Each
   sentence gets a quote type and a speaker: a quotation's speaker is its own attribution
   (in the sentence where it ends or begins, or in another part of the same quotation),
   else the latest speaker of the paragraph (a quotation that goes on with a speaker's
   words), else the first speaker attributed later in the paragraph, else the speaker of
   the previous paragraph of the section.

Cues (``lexicons/reporting_verbs.yaml``) are verbs of speech and their neighbours (deny, call
X "...", accuse, warn, tweet, write, argue, insist, complain ...), phrases ("according to",
"told reporters"), participles after a clause (", saying ..."), verbs of manner next to a
quotation ('," Miller snapped'), colons ('X: "..."', 'Howard Kurtz, Fox News: "..."', a
transcript's "PENCE: ..." and "X added:" before a paragraph) and dashes ('"..." ― Name').
Subjects may be names, descriptions, common-noun groups ("officials in the capital", "a
bartender", "most of them", "one in three") with adverbs, auxiliaries, appositions,
parentheses and relative clauses between them and the verb. Beliefs, intentions and findings
("believes", "wants", "plans", "a poll found") get the quote type ``belief``.

Quote types: ``direct`` (the sentence is quotation, possibly with its reporting clause),
``mixed`` (quoted words inside reported or narrated speech: 'Lavrov said the ties had "stood
the test of time".'), ``indirect`` (a reporting verb or "according to" without quotation
marks), ``belief`` (see above) and ``none``. Short capitalised quoted names ('the "Bakinsky
Rabochy" newspaper'), "so-called" labels and short scare quotes without a reporting verb are
not quotations.
Quoted words inside narration without any attribution get no inherited speaker.

Front sentences (title and standfirst) are attributed like body sentences: a headline such as
"Lavrov says Moscow-Baku cooperation can ensure security" is indirect speech by Lavrov, and
"Lavrov: Moscow ready to help" (a name, a colon) too. Headline verbs match in any case
("Lavrov Says ...").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from discourse.lexicon.resources import load_lexicon
from discourse.steps.quotes.mentions import (
    Entity,
    Mention,
    Resolver,
    Tok,
    apposition,
    interpret,
    lexicon,
    make_tok,
    merge_apposition,
    name_mentions,
    np_after,
    np_before,
    tokens,
)
from discourse.text.spans import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "QUOTE_COLUMNS", "Quote", "QuoteColumns", "attribute_quotes", "find_quotes", "quote_columns",
    "quotes_and_speakers",
]

QuoteType = Literal["direct", "indirect", "mixed", "belief", "none"]

#: Columns of :func:`attribute_quotes`, in order.
QUOTE_COLUMNS = (
    "sentence_id", "quote_type", "speaker", "speaker_mention", "speaker_start", "speaker_end",
    "reporting_verb", "quote_spans", "quote_warning",
)

_DOUBLE = re.compile('["“”„«»]')
_SINGLE = re.compile("['‘’]")
_DOUBLE_OPENERS = "“„«"
_DOUBLE_CLOSERS = "”»"
_ALL_OPENERS = '"“„«'
_BEFORE_OPEN = "([{—–-/\u00a0"  # characters after which a mark opens a quotation
_AFTER_CLOSE = ".,;:!?)]}—–…"  # characters before which a mark closes one
_INTRO = ":,;—–-([\"“'‘"  # characters that introduce a full quotation
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_SOURCE_LINKS = frozenset({"from", "by", "of", "issued"})
_PREPOSITIONS = frozenset({"for", "of", "at", "from", "in", "with", "on", "to"})
# Finite verbs that show a clause after a reporting verb ("Ryder added the strikes were").
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                     "could", "should", "may", "might", "must", "did", "does", "do", "remains",
                     "remained", "won't", "wouldn't", "isn't", "wasn't", "aren't", "weren't"})


# --------------------------------------------------------------------------- quotation marks


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its text is ``article.text[start:end]`` (without the marks).

    ``open`` is the offset of the opening mark; ``close`` that of the closing mark, or -1
    when the quotation runs to the end of its paragraph (continued in the next one, or
    unclosed). Quotations continued across paragraphs share a ``chain`` number.
    """

    open: int
    start: int
    end: int
    close: int
    paragraph_id: int
    chain: int
    warning: str | None = None


def find_quotes(article: Article) -> tuple[list[Quote], list[tuple[int, str]]]:
    """Find the quotations of an article; return them and the stray-mark warnings.

    Returns
    -------
    quotes : list of Quote
        In text order.
    strays : list of (offset, message)
        Closing marks without an opening mark.

    Examples
    --------
    >>> from discourse import read_article
    >>> art = read_article('Title\\n\\n"We won," he said. "And we will win again.')
    >>> quotes, strays = find_quotes(art)
    >>> [art.text[q.start:q.end] for q in quotes], quotes[1].warning is not None
    (['We won,', 'And we will win again.'], True)
    """
    text = marks_text(article.text)
    pars = article.paragraphs
    quotes: list[Quote] = []
    strays: list[tuple[int, str]] = []
    carried = [-1, -1]  # chain continued from the previous paragraph: double, single
    counter = [0]
    for pi, par in enumerate(pars):
        following = pars[pi + 1] if pi + 1 < len(pars) else None
        if following is not None and following.section_id != par.section_id:
            following = None
        found, carried[0] = _double_quotes(text, par, following, carried[0], counter, strays)
        singles, carried[1] = _single_quotes(text, par, following, carried[1], counter, found)
        quotes += sorted(found + singles, key=lambda q: q.open)
    return quotes, strays


_TWO_APOSTROPHES = re.compile(r"''|``")


def marks_text(text: str) -> str:
    """The text with the typewriter double marks ``''`` and ````` (two characters) written
    as one double mark and a space, so that the offsets stay those of ``text``.

    An opening pair (after a space or an opening bracket) becomes ``' "'``, a closing one
    ``'" '``.

    Examples
    --------
    >>> marks_text("He said, ''We won.'' Then") == 'He said,  "We won."  Then'
    True
    """
    if "''" not in text and "``" not in text:
        return text
    out = []
    last = 0
    for m in _TWO_APOSTROPHES.finditer(text):
        a = m.start()
        prev = text[a - 1] if a > 0 else " "
        nxt = text[a + 2] if a + 2 < len(text) else " "
        out.append(text[last:a])
        opening = m.group() == "``" or ((prev.isspace() or prev in _BEFORE_OPEN)
                                         and not nxt.isspace())
        out.append(' "' if opening else '" ')
        last = a + 2
    out.append(text[last:])
    return "".join(out)


def _new_chain(counter: list[int]) -> int:
    counter[0] += 1
    return counter[0] - 1


def _line_start(text: str, ps: int, i: int) -> bool:
    """Whether position ``i`` starts a line inside the paragraph starting at ``ps``."""
    j = i
    while j > ps and text[j - 1] in " \t":
        j -= 1
    return j > ps and text[j - 1] in "\n\r"


def _double_quotes(text: str, par: Any, following: Any, carried: int, counter: list[int],
                   strays: list[tuple[int, str]]) -> tuple[list[Quote], int]:
    """The quotations in double marks of one paragraph, and the chain it hands on (or -1).

    An opening mark at the start of a line while a quotation is open continues it (the
    paragraph convention, for texts whose paragraphs are single lines).
    """
    ps, pe = par.start, par.end
    found: list[Quote] = []
    opened = -1
    chain = -1
    depth = 0  # curly quotations opened inside the open one ('“… what he calls “hell” …”')
    for m in _DOUBLE.finditer(text, ps, pe):
        i = m.start()
        c = text[i]
        if opened >= 0 and c in _DOUBLE_OPENERS and not _line_start(text, ps, i) and (
            _nested(text, i, pe, depth)
        ):
            depth += 1
            continue
        if depth and c in _DOUBLE_CLOSERS:
            depth -= 1
            continue
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        opener_like = (prev.isspace() or prev in _BEFORE_OPEN) and not nxt.isspace()
        closer_like = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSE)
        if c in _DOUBLE_OPENERS:
            role = "open"
        elif c in _DOUBLE_CLOSERS:
            role = "close"
        elif opened < 0:
            role = "stray" if closer_like and not opener_like else "open"
        else:
            role = "open" if opener_like and not closer_like else "close"
        if role == "open":
            if opened >= 0:
                continues = _line_start(text, ps, i)
                found.append(Quote(opened, opened + 1, _rstrip(text, opened + 1, i), -1, par.id,
                                   chain, None if continues else _unclosed(opened)))
                if not continues:
                    chain = _new_chain(counter)
            elif i == ps and carried >= 0:
                chain = carried
            else:
                chain = _new_chain(counter)
            opened = i
        elif role == "close" and opened >= 0:
            found.append(Quote(opened, opened + 1, i, i, par.id, chain))
            opened = -1
        else:
            strays.append((i, f"closing quotation mark at {i} has no opening mark"))
    if opened < 0:
        return found, -1
    if following is not None and text[following.start] in _ALL_OPENERS:
        found.append(Quote(opened, opened + 1, pe, -1, par.id, chain))
        return found, chain
    found.append(Quote(opened, opened + 1, pe, -1, par.id, chain, _unclosed(opened)))
    return found, -1


def _nested(text: str, i: int, end: int, depth: int) -> bool:
    """Whether the curly opening mark at ``i`` opens a quotation inside the open one: the
    rest of the paragraph has a closing mark for it and for every one still open."""
    rest = text[i + 1 : end]
    closers = sum(rest.count(c) for c in _DOUBLE_CLOSERS)
    openers = sum(rest.count(c) for c in _DOUBLE_OPENERS)
    return closers - openers >= depth + 2


def _unclosed(at: int) -> str:
    return f"quotation mark at {at} is not closed"


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_quotes(text: str, par: Any, following: Any, carried: int, counter: list[int],
                   doubles: list[Quote]) -> tuple[list[Quote], int]:
    """Quotations in single marks outside double ones ('We will win,' he said).

    Apostrophes look the same, so single marks never raise a warning: a quotation that is
    not closed in its paragraph is dropped, unless the next paragraph (or line) opens with a
    single mark, which continues it.
    """
    ps, pe = par.start, par.end
    if "'" not in text[ps:pe] and "‘" not in text[ps:pe]:
        return [], -1
    inside = [(q.open, q.close if q.close >= 0 else q.end) for q in doubles]
    out: list[Quote] = []
    pending: list[Quote] = []  # line-level continuations, kept if the quotation closes
    opened = -1
    chain = -1
    for m in _SINGLE.finditer(text, ps, pe):
        i = m.start()
        if inside and any(a <= i <= b for a, b in inside):
            continue
        c = text[i]
        prev = text[i - 1] if i > ps else " "
        nxt = text[i + 1] if i + 1 < pe else " "
        starts = c in "‘'" and (prev.isspace() or prev in _BEFORE_OPEN) and nxt.isalpha()
        if opened >= 0 and starts and _line_start(text, ps, i):
            pending.append(Quote(opened, opened + 1, _rstrip(text, opened + 1, i), -1, par.id,
                                 chain))
            opened = i
            continue
        if opened < 0:
            if starts:
                opened = i
                chain = carried if (i == ps and carried >= 0) else _new_chain(counter)
            continue
        if c in "’'" and not prev.isspace() and not nxt.isalnum():
            # "the leaders' summit": a plural possessive, not the end of the quotation.
            after = text[i + 1 : i + 3]
            if prev in "sz" and after[:1] == " " and after[1:2].islower():
                continue
            out += pending
            pending = []
            out.append(Quote(opened, opened + 1, i, i, par.id, chain))
            opened = -1
    if opened >= 0 and following is not None and text[following.start] in "'‘":
        out += pending
        out.append(Quote(opened, opened + 1, pe, -1, par.id, chain))
        return out, chain
    return out, -1


# --------------------------------------------------------------------------- reporting verbs


class _FormPatterns:
    """One pattern per first word for the forms that start with it, compiled on first use.

    There are hundreds; compiling them all would cost every cold start about 50 ms.
    """

    def __init__(self, grouped: dict[str, list[str]]) -> None:
        self._groups = grouped
        self._compiled: dict[str, re.Pattern[str]] = {}

    def get(self, word: str) -> re.Pattern[str] | None:
        pattern = self._compiled.get(word)
        if pattern is None and word in self._groups:
            pattern = self._compiled[word] = re.compile(
                "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in self._groups[word])
                + r")(?![\w’'\-])",
                re.IGNORECASE,
            )
        return pattern


@dataclass(frozen=True)
class _Verbs:
    by_first_word: _FormPatterns  # first word -> the forms that start with it
    forms: dict[str, tuple[str, str]]  # surface -> (lemma, kind)
    needs_complement: frozenset[str]
    between: frozenset[str]
    complement_starts: frozenset[str]
    all_forms: frozenset[str]


_WORD = re.compile(r"[A-Za-z]+")
_WORD_CHARS = "’'-"


@cache
def _verbs() -> _Verbs:
    data = load_lexicon("reporting_verbs.yaml")
    forms: dict[str, tuple[str, str]] = {}
    for lemma, surfaces in data["verbs"].items():
        for f in surfaces:
            forms[f] = (lemma, "verb")
    for lemma, surfaces in data["phrases"].items():
        for f in surfaces:
            forms[f] = (lemma, "phrase")
    for f in data["source_phrases"]:
        forms[f] = (f, "source")
    for lemma, surfaces in (data.get("beliefs") or {}).items():
        for f in surfaces:
            forms.setdefault(f, (lemma, "belief"))
    for lemma, surfaces in (data.get("participles") or {}).items():
        for f in surfaces:
            forms.setdefault(f, (lemma, "participle"))
    # One small pattern per first word: a scan over the words of a sentence with a dict
    # lookup is much faster than one alternation of every form.
    grouped: dict[str, list[str]] = {}
    for f in sorted(forms, key=len, reverse=True):
        grouped.setdefault(f.split()[0], []).append(f)
    return _Verbs(
        by_first_word=_FormPatterns(grouped),
        forms=forms,
        needs_complement=frozenset(data["needs_complement"]),
        between=frozenset(w for w in data["between"] if " " not in w),
        complement_starts=frozenset(data["complement_starts"]),
        all_forms=frozenset(f for f, (_, kind) in forms.items() if kind == "verb"),
    )


def _opens(text: str, start: int, a: int) -> bool:
    """Whether position ``a`` starts the sentence beginning at ``start`` (quotes aside)."""
    return not text[start:a].strip(_INTRO + "”’ \t")


def _verb_matches(text: str, start: int, end: int, masked: list[tuple[int, int]],
                  headline: bool) -> list[re.Match[str]]:
    """Reporting verbs and phrases in ``text[start:end]`` outside the masked ranges.

    Outside headlines a verb is lower case, or capitalised at most ("According to").
    """
    by_first = _verbs().by_first_word
    out: list[re.Match[str]] = []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        low = word.lower()
        pattern = by_first.get(low)
        if pattern is None:
            continue
        a = m.start()
        if a > 0 and (text[a - 1].isalnum() or text[a - 1] in _WORD_CHARS):
            continue
        # Capitalised only at the start of a sentence ("According to"), so that "Islamic
        # State" or "the United States" hold no verb.
        if not headline and word != low and (word[1:] != low[1:] or not _opens(text, start, a)):
            continue
        if masked and any(x <= a < y for x, y in masked):
            continue
        found = pattern.match(text, a, end)
        if found is not None:
            out.append(found)
    return out


@dataclass
class Attribution:
    """A speaker phrase with its reporting verb inside one sentence."""

    mention: Mention
    verb: str
    verb_start: int
    verb_end: int
    that: int = -1  # offset of a "that" complement after the verb, or -1
    entity: Entity | None = None
    belief: bool = False  # a belief, intention or finding ("thinks", "wants", "a poll found")
    transcript: bool = False  # a transcript's speaker tag ("PENCE: ...")

    @property
    def start(self) -> int:
        return min(self.mention.start, self.verb_start)

    @property
    def end(self) -> int:
        return max(self.mention.end, self.verb_end)


#: Past participles that follow a document as a modifier ("a message posted Friday").
_MODIFYING = frozenset({"posted", "released", "issued", "published", "sent", "written",
                        "obtained", "filed", "signed", "circulated", "shared", "leaked"})
_LONG_WORD = re.compile(r"[A-Za-z][a-z’'-]{3,}")
_GLUED = re.compile(r"[a-z][A-Z]")


def _verb_only(surface: str) -> bool:
    """Whether a reporting form read in a Title Case sentence is a verb, not a noun."""
    lemma, kind = _verbs().forms.get(" ".join(surface.split()), (surface, "verb"))
    word = surface.split()[0]
    return kind in ("verb", "phrase") and lemma not in _NOUN_LIKE and (
        word.endswith(("s", "ed")) or word in _PAST_VERBS) and word != lemma


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether a sentence is written in Title Case, as headlines are ("Trump Says He Never
    Pledged To Kill Family Members"): 80% of its words longer than three letters capitalised."""
    words = _LONG_WORD.findall(text, start, end)
    if not 3 <= len(words) <= 16 or _GLUED.search(text, start, end):
        return False  # not "RelatedIsis: Iraqi Officials Confirm …" (page text run together)
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_AS_BEFORE = re.compile(r"(?<![\w’'])[Aa]s\s+$")


def find_attributions(text: str, start: int, end: int, masked: list[tuple[int, int]], *,
                      headline: bool = False) -> list[Attribution]:
    """Reporting verbs with their speaker phrases in ``text[start:end]``, in order.

    ``masked`` are the quoted ranges (marks included) of the sentence, where neither verbs
    nor speakers are looked for.

    Examples
    --------
    >>> s = "The talks failed, Russian Foreign Minister Sergey Lavrov said."
    >>> [(a.mention.text, a.verb) for a in find_attributions(s, 0, len(s), [])]
    [('Russian Foreign Minister Sergey Lavrov', 'said')]
    """
    verbs = _verbs()
    if masked and masked[0][0] == start:
        tag = _quoted_tag(text, start, end)
        if tag is not None:
            return [tag]
    matches = _verb_matches(text, start, end, masked, headline)
    if not matches and not headline and _title_case(text, start, end):
        # A Title Case sentence capitalises its verbs ("Trump Says He …"); only verb forms
        # that cannot be nouns count there ("Says", "Warned", not "Demand", "Claim", "States").
        matches = [m for m in _verb_matches(text, start, end, masked, True)
                   if _verb_only(m.group().lower())]
    colon = text.find(":", start, end)
    if not matches and colon < 0 and not masked:
        return []
    toks = tokens(text, start, end, masked)
    at = {t.start: i for i, t in enumerate(toks)}
    out: list[Attribution] = []
    for m in matches:
        vi = at.get(m.start())
        if vi is None:
            continue
        vj = vi
        while vj + 1 < len(toks) and toks[vj].end < m.end():
            vj += 1
        surface = " ".join(m.group().lower().split())
        lemma, kind = verbs.forms.get(surface, (surface, "verb"))
        if kind == "source":
            mention = _source(toks, vj + 1, text)
            if mention is not None:
                out.append(Attribution(mention, surface, m.start(), m.end()))
            continue
        if kind == "participle":
            if (lemma in verbs.needs_complement or lemma == "claim") and not _complement(
                toks, vj + 1, verbs.complement_starts
            ) and not any(t.kind == "q" for t in toks[vj + 1 : vj + 4]):
                continue  # "adding to his victories", "claiming his third victory"
            if vi >= 2 and toks[vi - 1].low in _BE:
                # "Clinton is stressing that ...", "The family has been demanding ...".
                mention, _ = _subject_aux(toks, vi - 1, text)
                if mention is not None:
                    out.append(Attribution(mention, surface, m.start(), m.end()))
                continue
            pronoun = _contracted_subject(toks, vi, text)
            if pronoun is not None:
                # "He’s claiming that …", "They’re warning …".
                out.append(Attribution(pronoun, surface, m.start(), m.end()))
                continue
            k = vj + 1 + (vj + 1 < len(toks) and toks[vj + 1].text == ",")
            if vi >= 1 and toks[vi - 1].upper and k < len(toks) and toks[k].kind == "q":
                # "footage of Hillary Clinton asking, “Why …?”": the name before it.
                name, _ = _phrase_before(toks, vi - 1, text)
                if name is not None and name.form == "name" and name.kind == "person":
                    out.append(Attribution(name, surface, m.start(), m.end()))
                    continue
            # "..., calling the reports “anonymous hearsay”": the subject of the clause.
            if vi >= 1 and (toks[vi - 1].text in ",—–-" or toks[vi - 1].low == "by" or (
                toks[vi - 1].kind == "q" and toks[vi - 1].text.rstrip("”\"'’")[-1:] == ",")):
                mention = _clause_subject(toks, vi, text, out)
                if mention is not None:
                    out.append(Attribution(mention, surface, m.start(), m.end()))
            continue
        nxt = toks[vj + 1].low if vj + 1 < len(toks) else ""
        prev = toks[vi - 1] if vi >= 1 else None
        if prev is not None and prev.kind == "w" and prev.low in _ARTICLES and kind != "source":
            continue  # "on top of the reported $170 million": an adjective
        if _noun_reading(toks, vi, vj, surface, lemma) or nxt in _NO_SPEECH or (
            lemma == "ask" and nxt == "for"
        ) or (surface in ("called", "known", "dubbed", "named", "went on") and nxt == "to") or (
            surface == "said" and nxt == "to" and vj + 2 < len(toks)
            and toks[vj + 2].low in ("be", "have", "been", "include", "contain", "cost")
        ) or (
            surface == "called" and prev is not None and prev.kind == "w" and not prev.upper
            and prev.low not in lexicon().pronouns and prev.low not in _AUX
            and (prev.low in _NAMED_THINGS or not _agentive(prev.low, prev.low.endswith("s"),
                                                            False))
            and (vj + 1 < len(toks) and (toks[vj + 1].upper or toks[vj + 1].kind == "q"))
        ):
            continue  # "says nothing", "asked for help", "said to be", "a site called X"
        mention, aux = _subject_aux(toks, vi, text)
        if (lemma == "put it" or surface == "written") and (
                mention is None or not _AS_BEFORE.search(text, max(start, mention.start - 4),
                                                         mention.start)):
            continue  # only "As X put it", "As X had written", not "a book written by"
        quoted_soon = any(t.kind == "q" for t in toks[vj + 1 : vj + 9])
        if mention is not None and lemma in verbs.needs_complement and kind == "verb" and (
            not _complement(toks, vj + 1, verbs.complement_starts)
        ) and not quoted_soon:
            mention = None
        if (mention is not None and not headline and not aux and surface == lemma
                and " " not in surface and mention.form != "pronoun"
                and mention.kind in ("person", "organisation")
                and not mention.text.endswith("s")):
            mention = None  # "How will Disney explain it?": a base form after a singular
        if (mention is not None and mention.kind == "document" and surface in _MODIFYING
                and any(o.start() > m.end() for o in matches)):
            mention = None  # "In a Facebook message posted Friday, Cruz said": a modifier
        if mention is not None and kind == "belief" and lemma in _DOCUMENT_BELIEFS and (
            not _finding_source(mention)
        ):
            mention = None  # "a poll found", "FEC records show", not "he found a job"
        if mention is None and (vi == 0 or toks[vi - 1].kind == "q"
                                or toks[vi - 1].text in ",—–"):
            mention = _inverted(toks, vj + 1, text, kind == "verb" and vi >= 1 and (
                toks[vi - 1].kind == "q" and toks[vi - 1].text.rstrip("”\"'’»")[-1:] in ",?!—–"))
        ci, _ = _skip_between(toks, vi - 1)
        if mention is None and ci >= 1 and toks[ci].low in ("and", "but") and (
            toks[ci - 1].kind == "w"
        ):
            # "The nominee outlined his plan and vowed to punish ...", "... but has said":
            # a shared subject.
            mention = _clause_subject(toks, ci, text, out)
        if mention is not None and lemma == "read" and mention.kind != "document":
            mention = None  # "reads" only for a text ("the letter reads")
        if mention is None:
            continue
        that = next((t.start for t in toks[vj + 1 : vj + 14] if t.kind == "w" and t.low == "that"),
                    -1)
        barrier = next((t.start for t in toks[vj + 1 :] if t.kind == "q"), end)
        that = that if that < barrier else -1
        out.append(Attribution(mention, surface, m.start(), m.end(), that, belief=kind == "belief"))
    if colon >= 0 and not out:
        att = _colon(toks, text, headline)
        if att is not None:
            out.append(att)
    if masked and not out:
        out += _dash_attributions(toks, text) or _clause_colon(toks, text)
    if masked:
        out += _manner_attributions(toks, text, out)
    first = {t.start: i for i, t in enumerate(toks)}
    kept = []
    for a in out:
        a.mention = _whole(a.mention, text)
        k = first.get(a.mention.start, -1)
        if _plausible(a.mention, toks, k, text):
            kept.append(a)
    return kept


_DOCUMENT_BELIEFS = frozenset({"find", "show"})
#: Things that are named ("a blog called All This", "a group called Lashkar-e-Taiba").
_NAMED_THINGS = frozenset({
    "blog", "video", "website", "site", "book", "film", "documentary", "program", "programme",
    "show", "series", "app", "group", "feature", "page", "account", "campaign", "movement",
    "organization", "organisation", "company", "firm", "town", "village", "city", "place",
    "area", "region", "thing", "tool", "game", "song", "album", "novel", "play", "event",
    "operation", "project", "initiative", "system", "device", "software", "service",
    "product", "platform", "network", "channel", "newspaper", "magazine", "report", "study",
    "party", "band", "team", "club", "phenomenon", "condition", "disease",
})
_ARTICLES = frozenset({"the", "a", "an", "this", "these", "those", "his", "her", "its", "their",
                       "our", "my", "your"})
_BE = frozenset({"is", "are", "was", "were", "been", "be", "'s", "’s"})
#: Verbs that are also nouns ("Gulf states", "Daily reports", "North Korean state media").
_NOUN_LIKE = frozenset({"state", "report", "claim", "comment", "call", "note", "answer", "tweet",
                        "post", "charge", "counter", "remark", "estimate", "promise", "pledge",
                        "demand", "question", "vow", "concern", "plan", "hope", "fear", "want",
                        "doubt", "support", "favor", "show", "find", "warn", "write", "attack",
                        "joke"})


#: Words that make the next word a noun ("daily reports", "media reports").
_NOUN_MODIFIERS = frozenset({"daily", "weekly", "recent", "latest", "new", "previous", "earlier",
                             "further", "similar", "such", "repeated", "numerous", "multiple",
                             "conflicting", "unconfirmed", "news", "media", "press", "initial",
                             "official", "several", "many", "these", "those", "terror"})


def _finding_source(m: Mention) -> bool:
    """Whether a phrase can be the source of a finding ("a poll", "FEC records", "Fox")."""
    if m.kind in ("document", "organisation"):
        return True
    words = m.text.lower().split()
    head = m.roles[0].split()[-1] if m.roles else (words[-1] if words else "")
    stem = head[:-1] if head.endswith("s") else head
    return head in lexicon().documents or stem in lexicon().documents or head in _FINDINGS


_FINDINGS = frozenset({"records", "footage", "data", "figures", "numbers", "results", "polls",
                       "surveys", "tallies", "estimates", "documents", "emails", "files",
                       "filings", "analysis", "analyses", "research", "studies", "statistics"})


def _noun_reading(toks: list[Tok], vi: int, vj: int, surface: str, lemma: str) -> bool:
    """Whether a base or -s form of a verb that is also a noun is the noun here: a finite
    verb or a lower-case word that starts no clause follows ("Gulf states said", "state
    media reported"), or an adjective or determiner precedes it ("the claims")."""
    if lemma not in _NOUN_LIKE or not (surface == lemma or surface.endswith("s")):
        return False
    lex = lexicon()
    if vi >= 1 and toks[vi - 1].kind == "w" and toks[vi - 1].low in lex.determiners:
        return True
    if vi >= 1 and toks[vi - 1].low in _NOUN_MODIFIERS | _PREP_LINKS:
        return True  # "daily reports", "with attacks"
    if vi >= 2 and toks[vi - 1].upper and toks[vi - 2].low in _NOUN_MODIFIERS:
        return True  # "the recent Baga attacks"
    if vj + 1 >= len(toks):
        return True
    nxt = toks[vj + 1]
    if nxt.kind != "w":
        # "Mixed messages on Trump leave plan.", not "..., The Guardian reports." or
        # '"...?" the editorial board writes.'
        return (nxt.text in ".!?" and vj + 2 >= len(toks) and vi >= 1
                and toks[vi - 1].kind == "w" and not toks[vi - 1].upper
                and not any(t.kind == "q" for t in toks[:vi]))
    if nxt.low in _FINITE or nxt.low in _verbs().all_forms:
        return True
    starts = _verbs().complement_starts
    return not nxt.upper and nxt.low not in starts and nxt.low not in lex.determiners and (
        nxt.low not in lex.pronouns and nxt.low not in ("to", "him", "her", "them", "us", "me")
    )


_CONTRACTED_BE = re.compile(r"(?i)(he|she|it|they|we|i)[’'](?:s|re|m)")


def _contracted_subject(toks: list[Tok], vi: int, text: str) -> Mention | None:
    """The pronoun of a contracted "is"/"are"/"am" right before token ``vi`` ("He’s")."""
    if vi < 1 or toks[vi - 1].kind != "w":
        return None
    t = toks[vi - 1]
    m = _CONTRACTED_BE.fullmatch(t.text)
    if m is None:
        return None
    return interpret([make_tok(m.group(1), t.start, t.start + len(m.group(1)))], text)


#: Words that open an introductory phrase ending in a comma ("Here in Columbia, Sanders …").
_LEADS = frozenset({"in", "of", "from", "at", "across", "near", "around", "inside", "after",
                    "before", "during", "while", "here", "there", "on", "earlier", "later",
                    "speaking", "asked", "when", "since", "as", "with", "for"})


def _clause_subject(toks: list[Tok], vi: int, text: str,
                    found: list[Attribution]) -> Mention | None:
    """The subject of the clause a participle hangs on: the speaker already found in the
    sentence, else the phrase that starts the clause ("Mr. Durham has denied wrongdoing,
    calling ..."), after an introductory phrase ending in a comma."""
    if found:
        return found[-1].mention
    k = 0
    lead = toks[0] if toks else None
    if lead is not None and lead.kind == "w" and lead.low in _LEADS:
        k = next((i + 1 for i, t in enumerate(toks[:vi]) if t.text == ","), vi)
    while k < vi and toks[k].kind != "w":
        k += 1
    if k >= vi:
        return None
    parts = [toks[k]] if toks[k].low in lexicon().pronouns else np_after(toks, k)
    if not parts:
        return None
    mention = interpret(parts, text)
    if mention is None:
        mention, _ = _common_np(toks, k + len(parts) - 1, text)
    end = k + len(parts)
    if mention is not None and end + 1 < vi and toks[end].low in ("and", "for", "of", "at", "from"):
        # "The New York Times and the Gannett chain filed ...", "A reporter for USA Today".
        more = np_after(toks, end + 1)
        if more and more[-1].low not in lexicon().determiners and not (
            more[-1].text.endswith(("’s", "'s"))
        ):
            end += 1 + len(more)
            mention.end = toks[end - 1].end
            mention.text = text[mention.start : mention.end]
    if mention is not None and end < vi and toks[end].text == ",":
        # "Dean, a former party chairman, poked at ..., tweeting": skip the apposition.
        close = next((j for j in range(end + 1, min(vi, end + 20)) if toks[j].text == ","), -1)
        if close > 0:
            end = close + 1
    while end < vi and toks[end].kind == "w":
        low = toks[end].low
        if low in _verbs().between or (low.endswith("ly") and low not in _LY_NOUNS):
            end += 1  # "The nominee also outlined ..."
        elif low in _TIME_DETS and end + 1 < vi and (toks[end + 1].low in _WEEKDAYS
                                                     or toks[end + 1].low in _TIME_NOUNS):
            end += 2  # "Donald Trump on Thursday ratcheted up …"
        else:
            break
    if mention is None or end >= vi or toks[end].kind != "w":
        return None
    nxt = toks[end]
    if nxt.low not in _AUX and not nxt.low.endswith(("ed", "s")) and nxt.low not in (
        _verbs().all_forms
    ) and nxt.low not in _PAST_VERBS:
        return None  # the phrase must be followed by its verb
    if mention.kind not in ("person", "organisation", "group") and mention.form != "pronoun":
        return None
    return mention if _plausible(mention, toks, k, text) else None


def _complement(toks: list[Tok], k: int, starts: frozenset[str]) -> bool:
    """Whether a verb that is not always speech ("added", "noted") introduces speech here:
    "that", punctuation, a quotation, a preposition or a clause follows, not an object."""
    while k < len(toks) and toks[k].kind == "w" and (
        toks[k].low in ("more", "less", "very", "most") or (
            toks[k].low.endswith("ly") and toks[k].low not in _LY_NOUNS)):
        k += 1  # "spoke emotionally of", "speaks more frequently about"
    if k >= len(toks) or toks[k].kind != "w" or toks[k].low in starts or (
        _CONTRACTED_BE.fullmatch(toks[k].text)
    ):
        return True  # "claiming it’s from a TV show"
    for t in toks[k : k + 8]:
        if t.kind != "w":
            return False
        if t.low in _FINITE:
            return True
    return False


_AUX = frozenset({"will", "would", "could", "can", "may", "might", "must", "should", "did",
                  "does", "do", "not", "never", "n't", "has", "have", "had", "just", "all",
                  "both", "each", "still", "long"})
#: Objects that say no speech follows ("the law says nothing about it").
_NO_SPEECH = frozenset({"nothing", "little", "anything", "no", "goodbye", "hello", "grace",
                        "up", "off"})  # "says nothing", "showed up"
_TIME_NOUNS = frozenset({"week", "month", "year", "morning", "afternoon", "evening", "night",
                         "weekend", "summer", "spring", "fall", "autumn", "winter"})
_TIME_DETS = frozenset({"this", "last", "next", "that", "on", "in", "earlier", "late", "early"})
_APPOSITION_STARTS = frozenset({"who", "whose", "which", "of", "from", "in", "at", "with", "for",
                                "a", "an", "the", "now", "then", "formerly", "himself",
                                "herself", "itself", "themselves"})
_CLAUSE_WORDS = frozenset({"and", "but", "or", "that", "while", "as", "because", "when", "if",
                           "so", "where", "although", "though", "since", "after", "before",
                           "yet", "whereas", "until", "once", "then", "also", "meanwhile",
                           "instead", "however", "still", "even", "now"})
#: Lower-case words that never stand in a common-noun speaker phrase.
_NOT_NOUNS = frozenset({
    "it", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "could", "can", "may", "might", "must", "should", "not", "no",
    "there", "here", "what", "who", "whom", "which", "why", "how", "where", "when", "than",
    "to", "by", "about", "into", "over", "under", "up", "down", "out", "off", "very", "much",
    "more", "less", "so", "such", "too", "also", "just", "only", "even", "as", "if", "or",
    "and", "but", "that", "this", "these", "those", "me", "him", "us", "them",
    "something", "nothing", "anything", "everything", "everyone", "anyone", "nobody",
    "somebody", "someone", "whatever", "whoever", "else", "ago", "later", "earlier", "again",
}) | _CLAUSE_WORDS
#: Words before a phrase that make it an adverbial, not a subject ("As for the MacBook Air,").
_INTRO_WORDS = frozenset({"for", "as", "of", "in", "on", "at", "from", "about", "with", "to",
                          "by", "after", "before", "like", "unlike", "despite", "than"})
_PREP_LINKS = frozenset({"in", "of", "from", "at", "across", "near", "around", "inside",
                         "outside", "on", "for", "with"})
_CONTRACTIONS = ("’ve", "'ve", "’ll", "'ll", "’re", "'re", "’d", "'d", "’m", "'m")
_LY_NOUNS = frozenset({"family", "ally", "italy", "july", "assembly", "rally", "daily", "supply",
                       "monopoly", "anomaly", "bully", "belly", "lily", "holly", "polly"})
_SENTENCE_SUFFIXES = ("ing", "ly", "ive", "al", "ous", "ful", "able", "ible", "ary", "ic",
                      "less", "est", "ed", "ion", "ness", "ment", "ity", "ism")


#: Sentence adverbs set off by commas ("Others, however, say").
_ASIDES = frozenset({"however", "though", "too", "meanwhile", "instead", "also", "meantime"})


def _skip_between(toks: list[Tok], i: int) -> tuple[int, bool]:
    """Skip the words between a speaker and the verb ("has also", "famously", "on Friday",
    "just this month"); return the index of the last speaker token and whether an
    auxiliary ("did", "will") was skipped."""
    between = _verbs().between
    aux = False
    while i >= 0 and (toks[i].kind == "w" or toks[i].text == ","):
        t = toks[i]
        low = t.low
        if t.text == "," and not (i >= 2 and toks[i - 1].low in _ASIDES
                                  and toks[i - 2].text == ","):
            break
        if low in between:
            aux = aux or low in ("has", "have", "had")
            i -= 1
        elif low in _AUX and not t.upper:
            aux = True
            i -= 1
        elif not t.upper and low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS:
            i -= 1
        elif len(low) == 4 and low.isdigit() and i >= 1 and toks[i - 1].low in ("in", "since"):
            i -= 2  # "who in 2010 said"
        elif low in _WEEKDAYS:
            i -= 2 if i >= 1 and toks[i - 1].low == "on" else 1
        elif t.text == "," and i >= 2 and toks[i - 1].low in _ASIDES and toks[i - 2].text == ",":
            i -= 3  # "Others, however, say"
        elif low in _TIME_NOUNS and i >= 1 and toks[i - 1].low in _TIME_DETS:
            i -= 2
        else:
            break
    return i, aux


def _subject(toks: list[Tok], vi: int, text: str) -> Mention | None:
    """The speaker phrase before the verb at token ``vi``, or None."""
    mention, _ = _subject_aux(toks, vi, text)
    return mention


def _subject_aux(toks: list[Tok], vi: int, text: str) -> tuple[Mention | None, bool]:
    lex = lexicon()
    i, aux = _skip_between(toks, vi - 1)
    if i < 0:
        return None, aux
    t = toks[i]
    if t.kind == "w" and t.low in lex.pronouns:
        return interpret([t], text), aux
    if t.kind == "w" and t.text == "who" and i >= 2 and toks[i - 1].text == ",":
        # "Alhakim, who said ...": the speaker is the phrase before the relative clause.
        head, _ = _phrase_before(toks, i - 2, text)
        return (head if head is not None and head.form != "pronoun" else None), aux
    if t.text == ")":
        # "Rep. John Mica (R-Fla.) said": a parenthesis between the name and the verb.
        j = i
        while j > 0 and toks[j].text != "(" and i - j < 12:
            j -= 1
        if toks[j].text == "(" and j >= 1 and toks[j - 1].kind == "w":
            head, first = _phrase_before(toks, j - 1, text)
            if head is not None and head.form != "pronoun" and _plausible(head, toks, first,
                                                                          text):
                return _with_apposition(head, toks[j + 1 : i], text), aux
        return _comma_subject(toks, i, text), aux
    if t.text in (",", "-", "—", "–"):
        return _comma_subject(toks, i, text), aux
    quantity = _quantity_subject(toks, i, text)
    if quantity is not None:
        return quantity, aux
    head, first = _phrase_before(toks, i, text)
    if head is not None and head.form == "descriptor" and head.kind == "person":
        # "Icy Ng, a 22-year-old design student at the university said": an apposition
        # whose closing comma is missing.
        j = first - 1
        while j >= 0 and first - j <= 6 and toks[j].kind == "w":
            j -= 1
        if j >= 1 and toks[j].text == ",":
            name, nfirst = _phrase_before(toks, j - 1, text)
            c = nfirst
            while c > 0 and toks[c - 1].text not in ",;:" and toks[c - 1].kind != "q":
                c -= 1
            opens = toks[c].low not in _INTRO_WORDS and (
                nfirst == 0 or toks[nfirst - 1].kind != "w"
                or toks[nfirst - 1].low not in _INTRO_WORDS)
            if name is not None and name.form == "name" and name.kind == "person" and opens:
                return merge_apposition(name, head), aux
    if head is not None and not _plausible(head, toks, first, text):
        return None, aux
    if head is not None and head.form == "name" and first >= 2 and toks[first - 1].text == ",":
        c = first - 1
        while c > 0 and toks[c - 1].kind == "w" and first - c < 10:
            c -= 1
        if _ends_in_place(toks, (c, first - 1)) and _place_continues(
            toks, (first, i + 1), (c, first - 1)
        ):
            # "Colleen Clarke-Murphy of Heart's Desire, Newfoundland in Canada said".
            outer, _ = _phrase_before(toks, first - 2, text)
            if outer is not None and outer.form != "pronoun":
                return outer, aux
    return head, aux


_PRONOMINAL = frozenset({"some", "others", "many", "most", "few", "several", "both", "all",
                         "another", "one", "half", "everyone", "everybody", "someone",
                         "somebody", "nobody", "none", "majority", "minority", "percent", "%"})
_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                      "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                      "eighty", "ninety", "hundred", "half", "third", "quarter"})


def _quantity_subject(toks: list[Tok], i: int, text: str) -> Mention | None:
    """Subjects that count people: "Others say", "Some say", "most of them said", "One in
    three said", "Thirty percent said", "58 percent of Florida Latino voters said"."""
    t = toks[i]
    if t.kind != "w":
        return None
    low = t.low
    j = i
    # "most of them", "many of those polled": a pronoun after "of".
    if low in ("them", "us", "those", "these") and i >= 2 and toks[i - 1].low == "of":
        j = i - 2
        low = toks[j].low
    elif i >= 2 and toks[i - 1].low == "in" and (low in _NUMBERS or low.isdigit()):
        j = i - 2  # "One in three"
        low = toks[j].low
    if low not in _PRONOMINAL:
        if low not in _NUMBERS and not low.isdigit():
            return None
        if i == j:
            return None  # a bare number is no subject
    k = j
    while k > 0 and toks[k - 1].kind == "w" and toks[k - 1].low in (
        _NUMBERS | {"some", "about", "nearly", "almost", "roughly", "only", "just", "over",
                    "another", "the", "a"} or toks[k - 1].low.isdigit()
    ):
        k -= 1
    before = toks[k - 1] if k > 0 else None
    if before is not None and before.kind == "w" and before.low not in _CLAUSE_WORDS:
        return None  # "the deal that some ...": not the start of a clause
    start, end = toks[k].start, t.end
    single = low in ("one", "another", "someone", "somebody", "everyone", "everybody", "nobody")
    return Mention(start, end, text[start:end], "descriptor", "person" if single else "group",
                   roles=(low,), definite=False)


def _plausible(head: Mention, toks: list[Tok], first: int, text: str) -> bool:
    """False for a one-word 'name' that is a capitalised common word starting the sentence
    ("Critical in both states", "Having said that") or a platform ("Twitter said")."""
    lex = lexicon()
    low = head.text.lower()
    if low in _platforms() or not any(c.isalpha() for c in low) or (
        low.rstrip(".") in lex.state_abbreviations and head.text.endswith(".")
    ):
        return False  # "Twitter said", "a Hollywood, Fla., rabbi said"
    if low in _adjectives():
        # "according to Argentine folklore": an adjective before its noun, not a source
        # ("Cuban said" after "Mark Cuban" is a surname).
        after = next((t for t in toks if t.start >= head.end), None)
        if after is None or (after.kind == "w" and not after.upper
                             and after.low not in _verbs().all_forms):
            return False
    words = low.split()
    if any(w.endswith(_CONTRACTIONS) for w in words) or (
        words[0].endswith("ly") and words[0] not in _LY_NOUNS and head.form != "name"
    ):
        return False  # "I’ve felt", "allegedly quotes parts suppliers claim"
    if head.form != "name" or len(head.text.split()) > 1:
        return True
    before = toks[first - 1] if first > 0 else None
    # After a quotation that ends in a comma ('"...," Reed said') the clause goes on.
    starts = before is None or (before.kind == "q" and before.text.rstrip("”\"'’")[-1:] != ",") or (
        before.text in "([\"“‘'—–-:")
    if not starts:
        return True
    if low in _stopwords() or low in lex.not_names:
        return False
    # "Hannity interjected", "Djokovic told": a word with a common ending is a name when
    # the article writes it capitalised inside a sentence ("host Sean Hannity") and never
    # in lower case.
    return not low.endswith(_SENTENCE_SUFFIXES) or head.text in _proper_words(text)


_INNER_CAPITALS = re.compile(r"(?<=[a-z,;] )[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")


@lru_cache(maxsize=4)
def _proper_words(text: str) -> frozenset[str]:
    """The words of ``text`` written capitalised after a lower-case word or a comma (not
    because they open a sentence or a Title Case headline) and never in lower case."""
    lower = frozenset(_LOWER_WORD.findall(text))
    return frozenset(w for m in _INNER_CAPITALS.finditer(text) for w in m.group().split()
                     if w.lower() not in lower)


@cache
def _adjectives() -> frozenset[str]:
    data = load_lexicon("nationalities.yaml")
    return frozenset(data["adjectives"]) | frozenset(data.get("religions") or ())


def _whole(m: Mention, text: str) -> Mention:
    """A name glued to the word before it by a slash or an ampersand ("Re/Code") is kept
    whole."""
    a = m.start
    if m.form != "name" or a < 2 or text[a - 1] not in "/&" or not text[a - 2].isalnum():
        return m
    while a > 0 and not text[a - 1].isspace() and text[a - 1] not in "([“\"'‘":
        a -= 1
    surface = text[a : m.end]
    name = (surface,) if m.kind == "organisation" else (surface, *m.name[1:])
    return Mention(a, m.end, surface, m.form, m.kind, name=name, roles=m.roles,
                   nationality=m.nationality, organisation=m.organisation, gender=m.gender,
                   definite=m.definite, speaker=m.speaker)


@cache
def _stopwords() -> frozenset[str]:
    from discourse.text.tokens import stopwords

    return stopwords()


@cache
def _platforms() -> frozenset[str]:
    return frozenset(load_lexicon("speaker_roles.yaml").get("platforms") or ())


def _segments(toks: list[Tok], i: int) -> list[tuple[int, int]]:
    """The comma- or dash-separated stretches before token ``i`` (a comma), nearest first,
    within the clause (no quotation, semicolon or colon crossed); parentheses stay whole."""
    segs: list[tuple[int, int]] = []
    end = i
    k = i - 1
    depth = 0
    while k >= 0 and i - k <= 48:
        t = toks[k]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and ((t.kind == "q" and len(t.text.split()) > 5) or t.text in ";:!?"):
            break  # a short quotation is a title: 'the co-author of "Going Viral," said'
        elif depth == 0 and t.text in (",", "-", "—", "–"):
            if k + 1 < end:
                segs.append((k + 1, end))
            end = k
        k -= 1
    if k + 1 < end:
        segs.append((k + 1, end))
    return segs


def _place_phrase(toks: list[Tok], seg: tuple[int, int]) -> bool:
    """Whether a stretch is a preposition and a capitalised name ("of Springfield")."""
    a, b = seg
    return (toks[a].kind == "w" and toks[a].low in _PREP_LINKS and b - a <= 5
            and all(t.kind == "w" and t.upper and t.low not in lexicon().not_names
                    for t in toks[a + 1 : b]) and b - a >= 2)  # not "In July"


def _place_continues(toks: list[Tok], seg: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether a capitalised stretch goes on with the place that ends the stretch before it
    ("... from Tampa, Florida,", "... of Heart's Desire, Newfoundland in Canada")."""
    a, b = seg
    words = toks[a:b]
    if not words or not words[0].upper or words[0].low in lexicon().first_names:
        return False
    if not all(t.kind == "w" and (t.upper or t.low in ("in", "of")) for t in words):
        return False
    lex = lexicon()
    # "Florida", "Va.", "South Carolina".
    one_place = (b - a == 1 and (words[0].low in lex.nationality or words[0].text.endswith(".")
                                 )) or " ".join(t.low for t in words) in lex.place_words
    return (one_place or any(t.low in ("in", "of") for t in words)) and _ends_in_place(
        toks, outer)


def _ends_in_place(toks: list[Tok], seg: tuple[int, int]) -> bool:
    """Whether a stretch ends with a preposition and a capitalised name ("The massage
    therapist from Tampa"), so that the next capitalised stretch ("Florida") goes on
    with the place."""
    a, b = seg
    j = b - 1
    while j > a and toks[j].kind == "w" and toks[j].upper:
        j -= 1
    return (a < j < b - 1 and toks[j].kind == "w"
            and toks[j].low in ("from", "in", "of", "near"))  # not "In Estonia, Obama said"


_RELATIVE_PRONOUNS = frozenset({"who", "whose", "which", "whom"})


def _comma_subject(toks: list[Tok], i: int, text: str) -> Mention | None:
    """The speaker before '..., said' with appositions or a relative clause in between:
    "Anna Petrova, a teacher, said", "Schiff, 56, who has served for a decade, told",
    "one of the family's attorneys, Justin Bamberg, said", "Kall -- co-editor of X -- said",
    "Rep. Gregory Meeks (D-N.Y.), chairman of the caucus, said"."""
    segs = _segments(toks, i)
    appositions: list[list[Tok]] = []
    # "Mr. Slinker, whose latest start-up, Paradata, uses big data, said": everything up to
    # a relative pronoun belongs to the relative clause.
    rel = next((n for n, (a, _) in enumerate(segs[:5]) if n + 1 < len(segs)
                and toks[a].low in ("who", "whose", "which")), -1)
    if rel > 0:
        appositions += [toks[a:b] for a, b in segs[:rel]]
        segs = segs[rel:]
    for n, (a, b) in enumerate(segs[:5]):
        first = toks[a]
        if b - a == 1 and first.low in _ASIDES and n < len(segs) - 1:
            continue  # "Sanders, meanwhile, who sits at zero endorsements, said"
        lowered = first.kind == "w" and not first.upper
        place = n + 1 < len(segs) and _place_continues(toks, (a, b), segs[n + 1])
        if place:
            continue  # "The massage therapist from Tampa, Florida, said": a place
        outer_prep = n + 1 < len(segs) and _place_phrase(toks, segs[n + 1])
        tagged = first.upper and (
            (b - a <= 3 and apposition(toks[a:b], text) is not None)
            or first.text.endswith(("’s", "'s"))  # "Twitter’s director of ..."
            or any(t.kind == "w" and not t.upper and t.low in lexicon().role_words
                   for t in toks[a:b]))  # "South Carolina director for Sanders"
        if n < len(segs) - 1 and (lowered or first.text == "(" or first.low[:1].isdigit()
                                  or first.low in _APPOSITION_STARTS or outer_prep or tagged):
            # "a Tennessee Republican who has met with Mr. Trump": the verbs of a relative
            # clause inside the apposition do not make it a clause of its own.
            rel_at = next((x for x in range(a, b) if toks[x].low in _RELATIVE_PRONOUNS), b)
            if first.low in _CLAUSE_WORDS or (
                first.low not in _RELATIVE_PRONOUNS
                and any(t.kind == "w" and t.low in _FINITE for t in toks[a:rel_at])
            ):
                return None  # "..., and the meeting deteriorated, said": a clause
            appositions.append(toks[a:b])
            continue
        if n == 0 and toks[b - 1].text != ")":
            # "one of the family's attorneys, Justin Bamberg, said": a name in apposition.
            name, start = _phrase_before(toks, b - 1, text)
            if (name is None or name.form != "name" or name.kind != "person" or start != a
                    or len(segs) < 2):
                return None
            _oa, ob = segs[1]
            outer, _ = _phrase_before(toks, ob - 1, text)
            if outer is None:
                outer, _ = _common_np(toks, ob - 1, text, strict=False)  # "the assailant"
            if outer is None or outer.form == "name" or outer.kind not in ("person", "group"):
                return None
            name.organisation = name.organisation or outer.organisation
            return merge_apposition(name, outer) if outer.kind == "person" else name
        end = b - 1
        paren: list[Tok] = []
        if toks[end].text == ")":
            j = end
            while j > a and toks[j].text != "(":
                j -= 1
            paren = toks[j + 1 : end]
            end = j - 1
        if end < a:
            return None
        head, start = _phrase_before(toks, end, text)
        if head is None or head.form == "pronoun" or head.kind not in (
            "person", "organisation", "group"
        ):
            return None
        if start > a and toks[start - 1].kind == "w" and toks[start - 1].low in _PREP_LINKS:
            return None  # "..., of Springfield, Va., said": a place, not the speaker
        if not _plausible(head, toks, start, text):
            return None
        if paren:
            head = _with_apposition(head, paren, text)
        for app in reversed(appositions):
            head = _with_apposition(head, app, text)
        return head
    return None


def _phrase_before(toks: list[Tok], i: int, text: str) -> tuple[Mention | None, int]:
    """The speaker phrase ending at token ``i`` and the index of its first token.

    A prepositional complement is part of it: "a spokesman for the Foreign Ministry" is a
    spokesman of that organisation, "the Syrian Observatory for Human Rights" one name.
    """
    parts = np_before(toks, i)
    k = i - len(parts)
    if parts and k >= 1 and toks[k].kind == "w" and toks[k].low in _PREPOSITIONS:
        head_parts = np_before(toks, k - 1)
        head = interpret(head_parts, text)
        if head is None and toks[k].low in _PREP_LINKS:
            # "Experts on North Korea said": the speaker is the common noun.
            common, cfirst = _common_np(toks, k - 1, text)
            if common is not None:
                common.end = toks[i].end
                common.text = text[common.start : common.end]
                return common, cfirst
        of = interpret(parts, text)
        first = k - len(head_parts)
        if (head is not None and head.form == "name" and first >= 2
                and toks[first - 1].low in ("of", "from") and toks[first - 2].upper):
            # "Colleen Clarke-Murphy of Newfoundland in Canada said": places after a name.
            outer, ofirst = _phrase_before(toks, first - 2, text)
            if outer is not None and outer.form == "name" and outer.kind == "person":
                outer.end = toks[i].end
                outer.text = text[outer.start : outer.end]
                return outer, ofirst
        if (head is not None and head.form == "descriptor" and head.kind == "person"
                and of is not None and of.form == "name" and of.kind == "person"
                and len(of.name) >= 2 and parts[0].text not in of.name):
            # "Secretary of State John Kerry", "the director of the FBI James Comey": a
            # title whose complement ends in the name of its holder.
            name = Mention(head.start, of.end, text[head.start : of.end], "name", "person",
                           name=of.name, roles=head.roles, nationality=head.nationality,
                           organisation=head.organisation, gender=of.gender or head.gender)
            return name, first
        if head is not None and head.kind in ("person", "group") and head.form != "pronoun":
            if of is not None and of.form == "name" and toks[k].low in ("for", "of", "at"):
                head.organisation = head.organisation or " ".join(of.name)
            head.end = toks[i].end
            head.text = text[head.start : head.end]
            return head, first
        if head is not None and head.form == "descriptor":
            # "A report from Vancouver said": the description, not the place.
            head.end = toks[i].end
            head.text = text[head.start : head.end]
            return head, first
        if (head is not None and head.kind == "organisation" and head.form == "name"
                and of is not None and of.form == "name" and toks[k].low in ("for", "of")):
            skip = 1 if head_parts[0].low in lexicon().determiners else 0
            org = text[head_parts[skip].start : toks[i].end]
            return Mention(head.start, toks[i].end, text[head.start : toks[i].end], "name",
                           "organisation", name=(org,), nationality=head.nationality), first
    found = interpret(parts, text)
    if found is None:
        for j in range(1, len(parts)):
            # "Everything Trump says": drop words before the phrase that make no sense of it.
            found = interpret(parts[j:], text)
            if found is not None and found.form == "name":
                return found, i - len(parts) + 1 + j
        return _common_np(toks, i, text)
    if found.form == "descriptor" and parts and parts[0].low not in lexicon().determiners and (
        not parts[0].text.endswith(("’s", "'s"))
    ):
        # "the SITE monitoring service", "a top Sanaa airport official", "Britain's Mail on
        # Sunday newspaper": words the lists do not know before the head.
        longer, lfirst = _common_np(toks, i, text)
        if longer is not None and longer.start < found.start:
            found.start, found.text = longer.start, text[longer.start : found.end]
            return found, lfirst
    return found, i - len(parts) + 1


_QUANTIFIERS = frozenset({"one", "two", "three", "four", "five", "some", "many", "several",
                          "most", "few", "all", "both", "each", "none", "dozens", "hundreds",
                          "thousands", "millions", "half", "majority", "number", "group"})


_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "eer", "ee", "ier", "man", "woman", "men",
                   "women", "people", "folk", "folks")
#: Words with an agent-like ending that name things, not people.
_THINGS = frozenset({
    "paper", "letter", "order", "number", "matter", "computer", "water", "power", "center",
    "centre", "corner", "border", "chapter", "answer", "counter", "cancer", "weather", "river",
    "finger", "character", "container", "factor", "sector", "error", "motor", "mirror",
    "color", "colour", "floor", "door", "honor", "humor", "labor", "tractor", "elevator",
    "indicator", "corridor", "register", "poster", "flyer", "trailer", "filter", "printer",
    "scanner", "sticker", "tower", "barrier", "shelter", "quarter", "ladder", "cover", "offer",
    "winter", "summer", "dinner", "meter", "metre", "theater", "theatre", "layer",
    "career", "manner", "banner", "chamber", "shower", "rumor",
    "rumour", "tumor", "vapor", "favor", "flavor", "behavior", "behaviour", "razor",
    "radiator", "reactor", "detector", "sensor", "processor", "simulator",
    "charter", "disaster", "guarantee", "fee", "tree",
    "degree", "jubilee", "coffee", "toffee", "cyberattack", "plan", "scan", "house", "online",
    "level", "rate", "price", "cost", "sale", "share", "point", "dollar", "year", "month",
    "day", "week", "time", "way", "thing", "life", "exchange", "list", "twist", "wrist",
    "fist", "mist", "gist",
})
#: Lower-case heads for people and sources not ending like agents.
_PEOPLE = frozenset({
    "student", "resident", "president", "agent", "client", "patient", "parent", "respondent",
    "correspondent", "opponent", "proponent", "dissident", "adolescent", "assistant",
    "servant", "immigrant", "migrant", "applicant", "participant", "merchant", "tenant",
    "lieutenant", "consultant", "attendant", "accountant", "contestant", "defendant",
    "claimant", "informant", "protestant", "sergeant", "child", "children", "kid", "kids",
    "girl", "boy", "guy", "guys", "mom", "dad", "wife", "husband", "son", "daughter",
    "sister", "brother", "aunt", "uncle", "niece", "nephew", "cousin", "friend", "family",
    "relative", "couple", "team", "crew", "staff", "group", "groups", "panel", "jury", "crowd",
    "public", "audience", "community", "union", "campaign", "side", "camp", "colleague",
    "boss", "chief", "head", "host", "guest", "victim", "witness", "survivor", "local",
    "native", "citizen", "expert", "analyst", "official", "source", "insider", "aide",
    "adviser", "staffer", "critic", "fan", "user", "rep", "spokesperson", "doctor", "nurse",
    "surgeon", "police", "media", "press", "government", "administration", "state", "city",
    "country", "company", "firm", "agency", "ministry", "department", "office", "committee",
    "council", "court", "judge", "board", "party", "coalition", "alliance", "army",
    "military", "navy", "authority", "authorities", "regime", "movement", "network",
    "channel", "outlet", "newspaper", "magazine", "site", "website", "blog", "book", "video",
    "petition", "graphic", "ad", "advert", "advertisement", "documentary", "film", "account",
    "post", "tweet", "study", "survey", "poll", "report", "statement", "letter", "memo",
    "filing", "complaint", "lawsuit", "analysis", "analyses", "research", "data", "document",
    "story", "slide", "editorial", "individual", "percent", "majority", "minority", "mate",
    "brief", "motion", "submission", "testimony", "affidavit", "speech", "remarks",
    "everyone", "nobody", "person", "mogul", "magnate", "tycoon", "tabloid", "billionaire",
    "millionaire",
    "candidate", "nominee", "frontrunner", "front-runner", "hopeful", "incumbent", "delegate",
    "veteran", "widow", "widower", "pastor", "priest", "bishop", "rabbi", "imam", "cleric",
    "ceo", "executive", "pundit", "operative", "ally", "allies", "rival", "marine", "sheriff",
    "chef", "poet", "celebrity", "star", "actress", "athlete", "coach", "attorney", "counsel",
    "plaintiff", "suspect", "justice", "scholar", "nun", "monk", "activist",
    "congressman", "congresswoman", "lawmaker", "governor", "senator", "mayor", "teen",
    "teenager", "mother", "father", "grandmother", "grandfather", "spouse",
    "fiancée", "fiancee", "fiancé", "partner", "neighbour", "neighbor",
})
_ACRONYM = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")  # "U.S.", "U.N."
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?%?")
#: "the 46-year-old": an age used as a noun names a person.
_AGE_NOUN = re.compile(r"\d+-year-old")


_PAST_VERBS = frozenset({"began", "went", "made", "took", "got", "gave", "came", "became", "saw",
                         "knew", "left", "kept", "held", "brought", "found", "put", "ran",
                         "sent", "set", "met", "paid", "won", "lost", "led", "fell", "is",
                         "was", "are", "were", "has", "have", "had", "threw", "stood", "drew",
                         "broke", "chose", "rose", "struck", "swore", "fought", "sought",
                         "bought", "caught", "taught", "thought", "felt", "meant", "spent",
                         "built", "dealt", "sold", "hit", "cut", "quit", "shut", "spread",
                         "flew", "grew", "blew", "shook", "sang", "fled", "shot", "sat",
                         "spoke", "told", "wrote", "hung", "stuck", "swept", "wept"})
_ING_NOUNS = frozenset({"building", "meeting", "hearing", "briefing", "morning", "evening",
                        "ruling", "training", "funding", "housing", "polling", "monitoring",
                        "marketing", "banking", "shipping", "mining", "lobbying", "engineering",
                        "accounting", "publishing", "advertising", "broadcasting", "clothing",
                        "manufacturing", "trading", "nursing", "teaching", "fighting"})


def _agentive(word: str, plural: bool, upper: bool) -> bool:
    """Whether a head noun the word lists do not know can name a speaker: people
    ("bartender", "residents", "Europeans"), groups, organisations and documents."""
    lex = lexicon()
    if plural and (upper or word[:-1] not in _THINGS):
        return True  # "Europeans", "Republicans", "Mrs. Clinton's confidants"
    stem = word
    if plural and word not in lex.groups:
        stem = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        if word.endswith("men"):
            stem = word
    if word in lex.groups or stem in lex.term_class or stem in lex.role_words:
        return True
    if stem in lex.documents or stem in _PEOPLE or word in _PEOPLE or (
        stem in lex.org_heads and (upper or stem not in _THINGS)
    ):
        return True
    return stem.endswith(_AGENT_SUFFIXES) and stem not in _THINGS


def _common_np(toks: list[Tok], i: int, text: str,
               strict: bool = True) -> tuple[Mention | None, int]:
    """A common-noun speaker phrase ending at token ``i`` that the word lists do not know:
    "a bartender", "environmental groups", "the Europeans", "one of the family's attorneys",
    "residents of border villages", "officials in the capital".

    The head must be a lower-case noun-like word (or a plural capitalised one such as
    "Europeans"); the phrase starts at a determiner or possessive, or, for a plural head, at
    the start of a clause.
    """
    lex = lexicon()
    head = toks[i] if 0 <= i < len(toks) else None
    if head is not None and i >= 1 and _AGE_NOUN.fullmatch(head.text) and (
        toks[i - 1].low in ("the", "a", "an")
    ):
        # "said the 46-year-old": an age used as a noun.
        start, end = toks[i - 1].start, head.end
        return Mention(start, end, text[start:end], "descriptor", "person", roles=(head.low,),
                       definite=toks[i - 1].low == "the"), i - 1
    if head is None or head.kind != "w" or not head.text.isalpha():
        return None, i
    hlow = head.low
    plural = hlow.endswith("s") and not hlow.endswith(("ss", "us", "is")) and len(hlow) > 3
    adverb = hlow.endswith("ly") and hlow not in _LY_NOUNS
    if hlow in _NOT_NOUNS or hlow in lex.pronouns or hlow.endswith(("ed", "ing")) or adverb or (
        hlow in lex.determiners or hlow in _QUANTIFIERS
    ):
        return None, i
    if head.upper and not plural:
        return None, i
    k = i - 1
    det = None
    while k >= 0 and i - k <= 5:
        t = toks[k]
        if t.kind != "w":
            break
        low = t.low
        if low in lex.determiners or low in _QUANTIFIERS or t.text.endswith(("’s", "'s")) or (
            _NUMBER.fullmatch(low) and k == i - 1 and hlow in ("percent", "%")
        ):
            det = low  # "the", "two", "Britain's", "52 percent"
            break
        if low in _NOT_NOUNS or low in lex.pronouns or (
            t.upper and not t.low.isalpha() and not _ACRONYM.fullmatch(t.text)
        ) or (low in _PREP_LINKS) or (
            low in _verbs().all_forms or low in _PAST_VERBS
            or (low.endswith("ing") and not t.upper and low not in _ING_NOUNS)
        ):
            break  # "the men on the panel began making sexist jokes": a clause
        k -= 1
    first = k if det is not None else k + 1
    if det is not None and toks[k].upper and toks[k].text.endswith(("’s", "'s")):
        while first > 0 and toks[first - 1].kind == "w" and toks[first - 1].upper and (
            toks[first - 1].low not in lex.determiners
        ):
            first -= 1  # "Saudi Arabia’s national carrier"
    if det is None:
        before = toks[first - 1] if first >= 1 else None
        boundary = before is None or before.kind != "w" or before.low in _CLAUSE_WORDS
        if not plural or not boundary:
            # "residents of border villages", "officials in the capital": a complement.
            if before is not None and before.kind == "w" and before.low in _PREP_LINKS:
                outer, ofirst = _common_np(toks, first - 2, text)
                if outer is not None:
                    outer.end = head.end
                    outer.text = text[outer.start : outer.end]
                    return outer, ofirst
            return None, i
    elif det in ("of",):
        return None, i
    # "one of the family's attorneys": a quantifier before "of" takes the phrase.
    if first >= 2 and toks[first - 1].low == "of" and toks[first - 2].low in _QUANTIFIERS:
        first -= 2
    if first >= 1 and toks[first - 1].kind == "w" and toks[first - 1].low in _PREP_LINKS:
        outer, ofirst = _common_np(toks, first - 2, text)
        if outer is not None:
            outer.end = head.end
            outer.text = text[outer.start : outer.end]
            return outer, ofirst
    if strict and not _agentive(hlow, plural, head.upper):
        return None, i  # "a kidney", "a feature", "each day": not a speaker
    start, end = toks[first].start, head.end
    group = plural or det in _QUANTIFIERS - {"one"}
    return Mention(start, end, text[start:end], "descriptor", "group" if group else "person",
                   roles=(hlow,), definite=det in ("the", "this", "that")), first


def _with_apposition(head: Mention, app_toks: list[Tok], text: str) -> Mention:
    """Add an apposition to a speaker phrase; a name in apposition to a description or an
    organisation ("his mother, Diane Foley,") becomes the speaker phrase."""
    if head.form != "name" or head.kind == "organisation":
        name = None
        if app_toks and app_toks[-1].kind == "w":
            parts = np_before(app_toks, len(app_toks) - 1)
            name = interpret(parts, text) if len(parts) == len(app_toks) else None
        if name is not None and name.form == "name" and name.kind == "person":
            if head.kind == "organisation":
                name.organisation = name.organisation or head.name[0]
                return name
            return merge_apposition(name, head)
    app = apposition(app_toks, text)
    return merge_apposition(head, app) if app is not None else head


def _inverted(toks: list[Tok], k: int, text: str, quoted: bool = False) -> Mention | None:
    """The speaker phrase after an inverted verb ('," said Anna Petrova, a teacher.'); after
    a quotation (``quoted``) also a common noun ('," said one former executive who …')."""
    parts = np_after(toks, k)
    head = interpret(parts, text)
    e = k + len(parts)
    f = e
    while f < len(toks) and f - e < 3 and toks[f].kind == "w" and not toks[f].upper and (
        toks[f].low not in _NOT_NOUNS and toks[f].low not in _PREP_LINKS
    ):
        f += 1
    if f > e and (f == len(toks) or toks[f].kind != "w"):
        # '," said Clinton’s communications director, Jennifer Palmieri': words the lists do
        # not know before the head of the phrase.
        longer, first = _phrase_before(toks, f - 1, text)
        if longer is not None and first == k:
            head, e = longer, f
    if head is None:
        return _postposed(toks, k, text) if quoted else None
    if e < len(toks) and toks[e].kind == "w" and not toks[e].upper and (
        (toks[e].low not in _PREP_LINKS and toks[e].low not in _verbs().complement_starts)
        or toks[e].low == "that"
    ) and not (quoted and head.form == "name" and toks[e].low in ("who", "whose")):
        # "..., suggests 2015’s iPhone lineup could ...", "..., told Forbes that ...": an
        # object, not an inverted subject; '," said one Republican involved in …' is one.
        return _postposed(toks, k, text) if quoted else None
    if head.form != "pronoun" and e < len(toks) and toks[e].text == ",":
        f = e + 1
        while f < len(toks) and toks[f].kind != "q" and toks[f].text not in ",.;:!?" and f - e < 16:
            f += 1
        head = _with_apposition(head, toks[e + 1 : f], text)
    return head


#: Capitalised singular nouns for people ("said one Republican involved in the talks").
_MEMBER_NOUNS = frozenset({"republican", "democrat", "conservative", "liberal", "independent",
                           "libertarian", "progressive", "socialist", "communist"})
#: Roles held "to" someone ("an aide to Trump"), unlike "said his mother to CNN".
_ROLES_TO = frozenset({"aide", "adviser", "advisor", "assistant", "counsel", "envoy",
                       "ambassador", "spokesman", "spokeswoman", "spokesperson", "consultant",
                       "secretary", "counselor", "successor", "heir", "deputy"})
#: Words that may follow a postposed speaker: a modifier or the end of the clause.
_AFTER_SPEAKER = frozenset({"who", "whose", "which", "involved", "close", "familiar",
                            "briefed", "speaking", "with", "in", "at", "on", "from",
                            "for", "to", "of", "and", "but", "as", "after", "before", "during",
                            "when", "while", "adding", "noting", "according"})


def _described_name(toks: list[Tok], k: int, text: str) -> Mention | None:
    """A name at the end of a description the lists do not know, ending the clause: '," said
    9/11 widow Terry Strada.', '," said former Pennsylvania Gov. and Democratic National
    Committee Chairman Ed Rendell.', '," said Sen. Jim Whelan who represents …'."""
    lex = lexicon()
    e = k
    while e < len(toks) and e - k < 14 and (toks[e].kind == "w" or toks[e].text in "/-") and (
        toks[e].upper or toks[e].low not in _AFTER_SPEAKER
        or (toks[e].low == "and" and e + 1 < len(toks) and toks[e + 1].upper)  # "Gov. and …"
    ):
        if not toks[e].upper and (toks[e].low in _verbs().all_forms or toks[e].low in (
                lex.pronouns) or toks[e].low in _PREP_LINKS or toks[e].low in lex.determiners):
            return None  # a clause or an object, not a description
        e += 1
    if e == k or not toks[e - 1].upper:
        return None
    parts = np_before(toks, e - 1)
    name = interpret(parts, text)
    if name is None or name.form != "name" or name.kind != "person" or len(name.name) < 2:
        return None
    name.start, name.text = toks[k].start, text[toks[k].start : name.end]
    return name


def _named_description(toks: list[Tok], k: int, text: str) -> Mention | None:
    """'the base chief known as Bob', 'a worker named Antonio Arroyo': the name the
    description gives, from token ``k``."""
    for j in range(k + 1, min(k + 7, len(toks) - 1)):
        low = toks[j].low
        n = 2 if low == "known" and toks[j + 1].low == "as" else 1 if low in ("named",
                                                                              "called") else 0
        if not n or j + n >= len(toks) or not toks[j + n].upper:
            continue
        head, first = _common_np(toks, j - 1, text)
        parts = np_after(toks, j + n)
        name = interpret(parts, text)
        if head is None or first != k or name is None or name.form != "name" or (
            name.kind != "person"
        ):
            return None
        name.start, name.text = toks[k].start, text[toks[k].start : name.end]
        return merge_apposition(name, head)
    return None


def _postposed(toks: list[Tok], k: int, text: str) -> Mention | None:
    """A speaker after an inverted verb that is no plain name: a name ending a description
    (:func:`_described_name`, :func:`_named_description`) or a common noun: '," said one of
    two witnesses who …',
    '," said one Republican involved in the talks', '," said the former top aide to
    President George W. Bush'."""
    if k >= len(toks) or toks[k].kind != "w":
        return None
    named = _described_name(toks, k, text) or _named_description(toks, k, text)
    if named is not None:
        return named
    for j in range(k, min(k + 7, len(toks))):
        t = toks[j]
        if t.kind != "w":
            return None
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if nxt is not None and nxt.kind == "w" and nxt.low not in _AFTER_SPEAKER:
            continue  # the head is the last noun before a modifier or the clause's end
        if t.upper and t.low in (_MEMBER_NOUNS | _adjectives()) and j > k and (
            toks[j - 1].low in ("one", "a", "an", "another")
        ):
            a, b = toks[k].start, t.end
            return Mention(a, b, text[a:b], "descriptor", "person", roles=(t.low,),
                           definite=False)
        head, first = _common_np(toks, j, text)
        if head is None or first != k:
            continue
        if head.kind == "group" and not any(
            _agentive(t.low[:-n], False, False) for n in (1, 2)
        ):
            return None  # '," shows the simultaneous executions': a plural thing
        if nxt is not None and (nxt.low in ("for", "of", "at") or (
            nxt.low == "to" and t.low in _ROLES_TO
        )) and j + 2 < len(toks):
            # "the former top aide to President George W. Bush": whose aide.
            of = interpret(np_after(toks, j + 2), text)
            if of is not None and of.form == "name":
                end = toks[j + 1 + len(np_after(toks, j + 2))].end
                head.end, head.text = end, text[head.start : end]
                head.organisation = head.organisation or " ".join(of.name)
        return head
    return None


def _source(toks: list[Tok], k: int, text: str) -> Mention | None:
    """The source after "according to" ("according to a statement from the Kremlin")."""
    parts = np_after(toks, k)
    mention = interpret(parts, text)
    e = k + len(parts)
    f = e
    lex = lexicon()
    while f < len(toks) and f - e < 4 and toks[f].kind == "w" and (
        toks[f].low not in _NOT_NOUNS and toks[f].low not in _PREP_LINKS
        and toks[f].low not in lex.determiners and toks[f].low not in lex.not_names
        and (toks[f].low not in _verbs().all_forms or toks[f].low in lex.documents)
        and not (toks[f].low.endswith(("ly", "ed")) and "-" not in toks[f].low)
    ):
        f += 1  # "a recent report", "a single well-placed source", "Citi 97.3 FM Online"
    g = f
    while g < len(toks) and toks[g].kind == "w" and toks[g].upper:
        g += 1
    if g > f and f > e:
        # "according to conservative talk radio host Rush Limbaugh": the name it ends with.
        name = interpret(np_before(toks, g - 1), text)
        if name is not None and name.form == "name" and name.kind == "person" and len(
                name.name) >= 2 and name.start >= toks[k].start:
            name.start, name.text = toks[k].start, text[toks[k].start : name.end]
            return name
    if parts and f > e and (parts[-1].upper or mention is None):
        # "according to a TV appearance", "a CNN poll": a name used as a modifier.
        a, b = parts[0].start, toks[f - 1].end
        return Mention(a, b, text[a:b], "descriptor", "document", roles=(toks[f - 1].low,),
                       definite=parts[0].low not in ("a", "an"))
    if mention is None and not parts:
        # "according to polls at the time", "according to exit polls": a bare plural.
        for j in range(k, min(k + 4, len(toks))):
            t = toks[j]
            if t.kind != "w" or t.upper or t.low in _PREP_LINKS or t.low in _verbs().all_forms:
                break
            if t.low.endswith("s") and len(t.low) > 3 and (
                t.low in _FINDINGS or _agentive(t.low[:-1], False, False)
            ):  # not "according to circumstances"
                a, b = toks[k].start, t.end
                return Mention(a, b, text[a:b], "descriptor", "group", roles=(t.low,),
                               definite=False)
    if (mention is not None and mention.kind == "document" and e + 1 < len(toks)
            and toks[e].kind == "w" and toks[e].low in _SOURCE_LINKS):
        better = interpret(np_after(toks, e + 1), text)
        if better is not None and better.form != "pronoun":
            return better
    return mention


def _colon(toks: list[Tok], text: str, headline: bool) -> Attribution | None:
    """'Lavrov: Moscow ready to help' (headline), 'Lavrov: "We are ready."', 'Howard Kurtz,
    Fox News: "..."' or a transcript's speaker tag ('PENCE: Well, the question ...')."""
    k = next((i for i, t in enumerate(toks) if t.text == ":"), -1)
    if k < 1 or k + 1 >= len(toks):
        return None
    before = toks[:k]
    tag = k <= 3 and all(t.kind == "w" and t.text.isupper() and t.text.rstrip(".").isalpha()
                         for t in before)
    if tag and toks[0].start > 0 and text[toks[0].start - 1] not in "\n":
        tag = False  # a speaker tag starts its line
    if tag and any(t.low in lexicon().not_names or t.low in _stopwords() or t.low in _LABELS
                   or t.low.endswith(("ing", "ion", "ed")) for t in before):
        tag = False  # "BREAKING:", "CORRECTION:", "FROM EARLIER:" are labels
    if not headline and toks[k + 1].kind != "q" and not tag:
        return None
    if tag:
        words = tuple(t.text.title() for t in before if t.low not in lexicon().titles)
        if not words:
            return None
        start, end = before[0].start, before[-1].end
        mention = Mention(start, end, text[start:end], "name", "person", name=words)
        return Attribution(mention, ":", toks[k].start, toks[k].end, transcript=True)
    comma = next((i for i, t in enumerate(before) if t.text == ","), -1)
    org = None
    if comma > 0 and all(t.kind == "w" and t.upper for t in before[comma + 1 :]):
        org = text[before[comma + 1].start : before[-1].end] if comma + 1 < k else None
        last = comma - 1
    else:
        last = k - 1
    paren: list[Tok] = []
    if toks[last].text == ")":
        # "Rep. Trey Gowdy (R-S.C.): “...”".
        j = last
        while j > 0 and toks[j].text != "(":
            j -= 1
        paren, last = toks[j + 1 : last], j - 1
    if last < 0:
        return None
    mention, first = _phrase_before(toks, last, text)
    # The phrase is all that comes before the colon, or follows a dash ("RED STATES
    # OUTNUMBER BLUE STATES - Jeffrey M. Jones: “...”").
    if first != 0 and not (first >= 2 and toks[first - 1].text in "-—–"):
        return None
    if mention is None or mention.kind != "person" or mention.form == "pronoun":
        return None
    if paren:
        mention = _with_apposition(mention, paren, text)
    if org:
        mention.organisation = mention.organisation or org
    return Attribution(mention, ":", toks[k].start, toks[k].end)


_QUOTED_TAG = re.compile(r"[\"“]([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


def _quoted_tag(text: str, start: int, end: int) -> Attribution | None:
    """A transcript's speaker tag just inside the opening mark of a quoted passage that starts
    its line ('"PENCE: Well, look, …')."""
    m = _QUOTED_TAG.match(text, start, end)
    if m is None or (start > 0 and text[start - 1] != "\n"):
        return None
    words = tuple(w.title() for w in m.group(1).split() if w.lower().rstrip(".") not in (
        lexicon().titles))
    low = m.group(1).lower()
    if not words or low in lexicon().not_names or low in _stopwords() or low in _LABELS:
        return None
    a, b = m.span(1)
    mention = Mention(a, b, text[a:b], "name", "person", name=words)
    return Attribution(mention, ":", b, b + 1, transcript=True)


_LABELS = frozenset({"horror", "shock", "pictured", "revealed", "warning", "graphic", "note",
                     "credit", "caption", "source", "sources", "more", "related", "watch",
                     "video", "photo", "photos", "exclusive", "update", "live", "read", "see",
                     "also", "editor", "disclaimer", "transcript", "tip", "tips", "fact"})


def _manner_attributions(toks: list[Tok], text: str,
                         found: list[Attribution]) -> list[Attribution]:
    """A quotation ending in a comma, question or exclamation mark, then a verb of manner
    the lists do not know and the speaker, or the other way round ('," scoffed Arianna Gil.',
    '," Miller snapped.')."""
    out = []
    taken = {a.verb_start for a in found} | {a.mention.start for a in found}
    known = _verbs().all_forms
    for i, t in enumerate(toks[:-1]):
        if t.kind != "q" or t.text.rstrip("”\"'’»")[-1:] not in (",", "?", "!"):
            continue
        nxt = toks[i + 1]
        if nxt.start in taken:
            continue
        if _manner_verb(nxt, known):
            mention = _inverted(toks, i + 2, text)
            verb = nxt
        else:
            parts = ([nxt] if nxt.kind == "w" and nxt.low in lexicon().pronouns
                     else np_after(toks, i + 1))
            e = i + 1 + len(parts)
            if not parts or e >= len(toks) or not _manner_verb(toks[e], known):
                continue
            if e + 1 < len(toks) and toks[e + 1].kind == "w" and not (
                toks[e + 1].low.endswith("ly") or toks[e + 1].low in _PREP_LINKS
            ):
                continue  # '," Miller snapped the book shut': an object follows
            mention = interpret(parts, text)
            verb = toks[e]
        if mention is not None and (mention.kind in ("person", "organisation", "group")
                                    or mention.form == "pronoun"):
            out.append(Attribution(mention, verb.low, verb.start, verb.end))
    return out


def _manner_verb(t: Tok, known: frozenset[str]) -> bool:
    return (t.kind == "w" and not t.upper and t.low.endswith("ed") and len(t.low) > 4
            and t.low not in known and t.low not in _NOT_NOUNS)


def _clause_colon(toks: list[Tok], text: str) -> list[Attribution]:
    """A clause whose subject is a person's name, then a colon and a quotation: 'Clinton has
    since apologized for what happened: "Yes, I should have …"'."""
    c = next((i for i, t in enumerate(toks[:-1]) if t.text == ":" and toks[i + 1].kind == "q"),
             -1)
    parts = np_after(toks, 0)
    if c < 0 or not parts or c <= len(parts) + 1:
        return []
    name = interpret(parts, text)
    verb = toks[len(parts)]
    if name is None or name.form != "name" or name.kind != "person" or verb.kind != "w" or (
        verb.upper
    ) or not (verb.low in _AUX or verb.low in _FINITE or verb.low in _PAST_VERBS
              or verb.low.endswith(("ed", "s"))):
        return []
    return [Attribution(name, ":", toks[c].start, toks[c].end)]


def _dash_attributions(toks: list[Tok], text: str) -> list[Attribution]:
    """A quotation signed with a dash and a name: '“…” ― Esther Tapia'."""
    out = []
    for i in range(len(toks) - 2):
        if toks[i].kind != "q" or toks[i + 1].text not in ("―", "—", "–", "-"):
            continue
        parts = np_after(toks, i + 2)
        mention = interpret(parts, text) if parts else None
        if mention is None or mention.form != "name" or mention.kind != "person":
            continue
        e = i + 2 + len(parts)
        if e < len(toks) and toks[e].kind != "q" and toks[e].text not in ".,;":
            continue
        out.append(Attribution(mention, toks[i + 1].text, toks[i + 1].start, toks[i + 1].end))
    return out


# --------------------------------------------------------------------------- sentences


@dataclass
class _Piece:
    start: int
    end: int
    quote: int  # index into the quotes list
    full: bool  # a clausal quotation rather than words embedded in a sentence
    words: int


def _pieces(text: str, s_start: int, s_end: int, quotes: list[Quote], idx: list[int],
            forms: frozenset[str], labels: set[int]) -> tuple[list[_Piece], list[tuple[int, int]]]:
    """The parts of quotations inside one sentence, and the ranges to mask (marks included).

    Quoted names and labels are added to ``labels``: they are not quotations.
    """
    pieces: list[_Piece] = []
    masked: list[tuple[int, int]] = []
    for qi in idx:
        q = quotes[qi]
        a, b = max(q.start, s_start), min(q.end, s_end)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        mask_a = q.open if q.open >= s_start else s_start
        if mask_a > s_start and text[mask_a - 1] in "'`":
            mask_a -= 1  # the first character of a '' mark
        close_end = q.close + (2 if text[q.close : q.close + 2] == "''" else 1)
        mask_b = min(close_end, s_end) if q.close >= 0 and q.close < s_end else max(b, a)
        if q.close >= 0 and q.close >= s_end:
            mask_b = s_end
        if b <= a and not (q.open >= s_start):
            continue
        masked.append((mask_a, max(mask_b, mask_a + 1)))
        if b <= a:
            continue
        quoted = text[a:b]
        n_words = len(quoted.split())
        full = True
        if q.open >= s_start:
            head = text[s_start : q.open].rstrip()
            if head and head[-1] not in _INTRO:
                prev_word = head.rsplit(None, 1)[-1].lower()
                full = (prev_word in forms and quoted[:1].isupper()
                        and not _name_like(quoted, n_words))
                if prev_word == "so-called":
                    labels.add(qi)  # the so-called "peace plan": a label, not a quotation
                    continue
        if not full and _name_like(quoted, n_words):
            labels.add(qi)  # 'the "Bakinsky Rabochy" newspaper': a name, not a quotation
            continue
        pieces.append(_Piece(a, b, qi, full, n_words))
    return pieces, masked


def _name_like(quoted: str, n_words: int) -> bool:
    if n_words > 5 or quoted[-1:] in ".!?,;:…":
        return False
    words = quoted.split()
    small = {"of", "the", "and", "for", "de", "in", "on", "to", "a"}
    return words[0][:1].isupper() and all(w[:1].isupper() or w in small for w in words)


def attribute_quotes(data: Any) -> pd.DataFrame:
    """Quote type and speaker of every sentence of an article (see :func:`quotes_and_speakers`).

    Examples
    --------
    >>> attribute_quotes('Talks\\n\\n"We are ready," said Anna Petrova.')["speaker"].tolist()
    [nan, 'Anna Petrova']
    """
    frame, speakers = quotes_and_speakers(data)
    frame.attrs["speakers"] = speakers
    return frame


def quotes_and_speakers(data: Any) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Quote type and speaker of every sentence of an article.

    Parameters
    ----------
    data : Article, Analysis, str, bytes or path
        The article (an Analysis gives its ``article``; text, bytes or a path is read with
        :func:`discourse.read_article`). A sentence table is not enough: quotations run
        across sentences and paragraphs.

    Raises
    ------
    InvalidOptionError
        For any other type of input.

    Returns
    -------
    quotes : pandas.DataFrame
        One row per sentence of ``article.sentences`` (front sentences included), with
        columns:

        - ``sentence_id``: the sentence's id.
        - ``quote_type``: ``"direct"``, ``"indirect"``, ``"mixed"``, ``"belief"`` (a
          belief, intention or finding without speech: "Trump wants a wall", "a poll found
          ...", so that it can be kept or dropped) or ``"none"``.
        - ``speaker``: canonical name (the fullest personal name used in the article,
          without titles: "Sergey Lavrov"), organisation ("Kremlin"), or the description of
          an unnamed source ("A senior diplomat"); missing when no speaker.
        - ``speaker_mention``: the phrase naming the speaker in this sentence ("the Russian
          top diplomat", "he"); missing when the speaker is inherited from another
          sentence of the same quotation or paragraph.
        - ``speaker_start``, ``speaker_end``: offsets of that phrase in ``article.text``,
          -1 when inherited.
        - ``reporting_verb``: the reporting verb or phrase of this sentence, lower case
          ("said", "pointed out", "went on to say", "according to", ":" for a
          "Name: ..." headline); missing when inherited or absent.
        - ``quote_spans``: list of ``(start, end)`` offsets of the quoted text (without the
          marks) inside this sentence.
        - ``quote_warning``: why the result may be wrong (an unclosed or stray quotation
          mark, a quotation without speaker), else missing.

    speakers : list of dict
        One dict per speaker (kind, role, nationality, organisation, first mention,
        mentions) for :func:`discourse.speaker_table` (``speakers=``);
        :func:`attribute_quotes` keeps it in ``quotes.attrs["speakers"]``.

    Examples
    --------
    >>> text = ('Talks resume\\n\\nMOSCOW, May 3. /TASS/. "We are ready," Foreign Minister '
    ...         'Sergey Lavrov said. "We have always been."\\n\\nThe minister said talks '
    ...         'would resume.')
    >>> frame, speakers = quotes_and_speakers(text)
    >>> [s["speaker"] for s in speakers]
    ['Sergey Lavrov']
    >>> frame[["quote_type", "speaker"]].values.tolist()[1:]
    [['direct', 'Sergey Lavrov'], ['direct', 'Sergey Lavrov'], ['indirect', 'Sergey Lavrov']]
    >>> frame["speaker_mention"].tolist()[1:]
    ['Foreign Minister Sergey Lavrov', nan, 'The minister']
    """
    import pandas as pd

    found = quote_columns(data)
    columns = dict(found.columns)
    columns["quote_spans"] = pd.Series(columns["quote_spans"], dtype=object)
    # The speakers come beside the frame, not in its attrs: pandas deep-copies attrs on
    # every column read.
    return pd.DataFrame(columns), found.speakers


class QuoteColumns(NamedTuple):
    """What :func:`quote_columns` finds in an article."""

    #: :data:`QUOTE_COLUMNS` by name, one value per sentence (``quote_spans`` a list)
    columns: dict[str, Any]
    #: one dict per speaker, for :func:`discourse.speaker_table`
    speakers: list[dict[str, Any]]
    #: the work of the speaker resolution (tests check that it grows linearly)
    resolver_operations: int


def quote_columns(data: Any) -> QuoteColumns:
    """The columns of :func:`quotes_and_speakers` as arrays and lists, without a DataFrame.

    The quotes step reads them as they are; building the frame and taking it apart again
    costs more than attributing a short article.

    Examples
    --------
    >>> found = quote_columns('Talks\\n\\n"We are ready," said Anna Petrova.')
    >>> list(found.columns["speaker"]), [s["speaker"] for s in found.speakers]
    ([None, 'Anna Petrova'], ['Anna Petrova'])
    """
    import numpy as np

    article = _as_article(data)
    text = article.text
    sentences = article.sentences
    quotes, strays = find_quotes(article)
    forms = _verbs().all_forms

    # Quotations overlapping each sentence.
    starts = [s.start for s in sentences]
    overlap: list[list[int]] = [[] for _ in sentences]
    for qi, q in enumerate(quotes):
        si = max(bisect.bisect_right(starts, q.open) - 1, 0)
        while si < len(sentences) and sentences[si].start < max(q.end, q.open + 1):
            if sentences[si].end > q.open:
                overlap[si].append(qi)
            si += 1

    pieces: list[list[_Piece]] = []
    atts: list[list[Attribution]] = []
    labels: set[int] = set()
    for si, s in enumerate(sentences):
        ps, masked = _pieces(text, s.start, s.end, quotes, overlap[si], forms, labels)
        pieces.append(ps)
        found = find_attributions(text, s.start, s.end, masked, headline=s.kind == "title")
        for a in found:
            if a.belief and any(0 <= b.that < a.start and not b.belief for b in found):
                # "He said that Mr. Trump wanted …": a belief inside reported speech does not
                # make its subject the latest speaker.
                a.mention.speaker = False
        atts.append(found)

    # Resolve every speaker phrase in text order, with the names of the whole article.
    # Names in the narration only: a pronoun never goes to a name inside quoted words.
    quoted = sorted((q.start, q.end) for i, q in enumerate(quotes) if i not in labels)
    q_starts = [a for a, _ in quoted]
    names = [m for p in article.paragraphs for m in name_mentions(text, p.start, p.end)
             if not _inside(quoted, q_starts, m.start)]
    resolver = Resolver(names + [a.mention for sa in atts for a in sa])
    events: list[tuple[int, int, Mention, Attribution | None]] = [
        (m.start, 0, m, None) for m in names
    ]
    events += [(a.mention.start, 1, a.mention, a) for sa in atts for a in sa]
    events.sort(key=lambda e: (e[0], e[1]))
    subjects = _sentence_subjects(text, sentences, names)
    context = _Narration(text, sentences, atts, names, [m.start for m in names], quoted,
                         q_starts, subjects, resolver)
    for _, _, mention, att in events:
        si = _sentence_of(starts, mention.start)
        not_them: frozenset[str] = frozenset()
        if att is not None and mention.form == "pronoun":
            mention, not_them = context.pronoun(mention, si)
        ent = resolver.resolve(mention, not_them)
        if att is None and ent is not None and subjects.get(si) is mention:
            ent.last_subject = max(ent.last_subject, mention.start)
        if att is not None:
            att.entity = ent

    own = _quote_attributions(text, quotes, starts, atts, labels)
    rows = _sentence_rows(article, quotes, strays, overlap, pieces, atts, own)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(QUOTE_COLUMNS)
    data = dict(zip(QUOTE_COLUMNS, columns, strict=True))
    for name in ("sentence_id", "speaker_start", "speaker_end"):
        data[name] = np.asarray(data[name], dtype=np.int64)
    data["quote_spans"] = list(data["quote_spans"])
    spoken = {r[2] for r in rows if r[2] is not None}
    speakers = [_entity_info(e) for e in resolver.entities.values() if e.key in spoken]
    return QuoteColumns(data, speakers, resolver.operations)


@dataclass
class _Narration:
    """What a speaker pronoun is read against: the article's sentences, their attributions,
    the names of the narration and the resolver so far."""

    text: str
    sentences: Any
    atts: list[list[Attribution]]
    names: list[Mention]
    name_starts: list[int]
    quoted: list[tuple[int, int]]
    q_starts: list[int]
    subjects: dict[int, Mention]
    resolver: Resolver

    def pronoun(self, mention: Mention, si: int) -> tuple[Mention, frozenset[str]]:
        """The mention a speaker pronoun of sentence ``si`` is resolved as (a name or a
        description the context gives, else the pronoun itself) and the entities it cannot
        stand for."""
        text, sentences, atts = self.text, self.sentences, self.atts
        low = mention.text.lower()
        subject = self.subjects.get(si)
        if subject is not None and subject.start < mention.start and _same_gender(subject,
                                                                                  mention):
            # "Former Rep. Chris Shays was for Kasich, he said": the sentence's own subject.
            mention = Mention(mention.start, mention.end, mention.text, "name", "person",
                              name=subject.name, gender=subject.gender)
        elif low in ("he", "she"):
            before = si - 1  # the sentence of narration before the quotation, if any
            while before >= 0 and not atts[before] and _inside(self.quoted, self.q_starts,
                                                               sentences[before].start + 1):
                before -= 1
            newcomer = (_introduced(text, self.resolver, self.names, self.name_starts,
                                    sentences[before])
                        if before >= 0 and not atts[before] else None)
            if newcomer is not None and _same_gender(newcomer, mention):
                # '… that concerns Henry Crespo, president of …. “…,” he said.': a person
                # the sentence before introduces with an apposition, last.
                mention = Mention(mention.start, mention.end, mention.text, "name", "person",
                                  name=newcomer.name, gender=newcomer.gender)
        elif low in ("it", "they") and si >= 1 and not atts[si - 1]:
            # "The city sent a letter. It says …": the subject of the narration just before.
            described = _narration_subject(text, sentences[si - 1], low)
            if described is not None:
                self.resolver.resolve(described)
                return described, frozenset()
        if mention.form != "pronoun":
            return mention, frozenset()
        # "…,” he told Hannity': a name later in the clause is not what the pronoun stands for.
        k = bisect.bisect_right(self.name_starts, mention.end - 1)
        later = []
        while k < len(self.names) and self.names[k].start < sentences[si].end:
            later.append(self.names[k])
            k += 1
        return mention, frozenset(self.resolver.key(m) for m in later)


def _sentence_of(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1


def _sentence_subjects(text: str, sentences: Any, names: list[Mention]) -> dict[int, Mention]:
    """The personal name that opens each sentence of narration, by sentence index."""
    starts = [s.start for s in sentences]
    out: dict[int, Mention] = {}
    for m in names:
        if m.kind != "person":
            continue
        si = _sentence_of(starts, m.start)
        if si < 0 or si in out:
            continue
        lead = text[sentences[si].start : m.start].strip(" \t\n\"“‘'(")
        after = text[m.end : m.end + 2]
        # "Lazar had …", "At a campaign event in Ohio, 62-year-old Brenda Johnson railed …",
        # "Tennis great Billie Jean King remembered …": the name before the verb.
        if not lead or (after[:1] == " " and after[1:].islower() and (
            (lead.endswith(",") and not _QUOTE_MARK.search(lead))
            or (len(lead.split()) <= 3 and not _PUNCTUATION.search(lead)
                and not any(_not_a_title(w.lower()) for w in lead.split()))
        )):
            out[si] = m
    return out


def _not_a_title(word: str) -> bool:
    """Whether a word before a name shows it is not the subject ("She told …", "Campaigning
    against …"), unlike "Tennis great"."""
    return (word in _INTRO_WORDS or word.endswith(("ing", "ed")) or word in lexicon().pronouns
            or word in _FINITE or word in _verbs().all_forms)


_QUOTE_MARK = re.compile("[\"“”‘’']")
_PUNCTUATION = re.compile(r"[,;:.!?\"“”()—–]")


def _introduced(text: str, resolver: Resolver, names: list[Mention], name_starts: list[int],
                sentence: Any) -> Mention | None:
    """The last personal name of a sentence when the article names that person there for
    the first time, with an apposition ("Henry Crespo, president of …")."""
    k = bisect.bisect_left(name_starts, sentence.end) - 1
    while k >= 0 and names[k].start >= sentence.start and names[k].kind != "person":
        k -= 1
    if k < 0 or names[k].start < sentence.start or len(names[k].name) < 2:
        return None
    m = names[k]
    if not _APPOSITION_AFTER.match(text, m.end):
        return None
    ent = resolver.entities.get(resolver.key(m))
    return m if ent is not None and ent.first_mention >= sentence.start else None


_APPOSITION_AFTER = re.compile(r", (?:a|an|the|[a-z]+ of|president|director|chairman|"
                               r"spokesman|spokeswoman|head|founder|executive)\b")


def _narration_subject(text: str, sentence: Any, pronoun: str) -> Mention | None:
    """The description or organisation that opens a sentence of narration as its subject
    ("The city sent …", "Donald Trump’s campaign is defending …"), when ``pronoun`` ("it",
    "they") can stand for it."""
    end = sentence.end
    mark = _ANY_MARK.search(text, sentence.start, end)
    toks = tokens(text, sentence.start, mark.start() if mark else end, [])
    verbs = _verbs().all_forms
    v = next((i for i, t in enumerate(toks) if i and t.kind == "w" and not t.upper and (
        t.low in _FINITE or t.low in _AUX or t.low in verbs or t.low in _PAST_VERBS)), -1)
    if v < 1:
        return None
    head, first = _phrase_before(toks, v - 1, text)
    if head is None or first != 0 or head.form == "pronoun":
        return None
    lex = lexicon()
    kinds = lex.pronouns[pronoun].get("kinds") or ()
    word = head.roles[0] if head.form == "descriptor" and head.roles else ""
    collective = word in lex.org_heads or word in lex.documents or word in _COLLECTIVES
    if pronoun == "it" and head.kind == "person" and collective:
        head.kind = "organisation"  # "The city sent …. It says …"
    if head.kind not in kinds or (pronoun == "they" and head.kind == "person"):
        return None
    head.speaker = False
    return head


#: Singular nouns for bodies that "it" stands for, besides organisations and documents.
_COLLECTIVES = frozenset({"city", "campaign", "company", "country", "firm", "team", "group",
                          "site", "ad", "show", "school", "county", "town", "village",
                          "state", "government", "administration", "panel", "jury"})


_ANY_MARK = re.compile("[\"“”‘’«»]")


def _same_gender(name: Mention, pronoun: Mention) -> bool:
    if pronoun.text.lower() not in ("he", "she"):
        return False
    return name.gender is None or pronoun.gender is None or name.gender == pronoun.gender


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _as_article(data: Any) -> Article:
    import os

    if isinstance(data, Article):
        return data
    article = getattr(data, "article", None)
    if isinstance(article, Article):
        return article
    if not isinstance(data, (str, bytes, os.PathLike)):
        from discourse.errors import InvalidOptionError

        raise InvalidOptionError(
            f"attribute_quotes() cannot read a {type(data).__name__}: quotations run across "
            "sentences and paragraphs, so it needs the whole article. Pass an Article, an "
            "Analysis, the article's text or its path."
        )
    from discourse.text.reading import read_article

    return read_article(data)


def _quote_attributions(text: str, quotes: list[Quote], starts: list[int],
                        atts: list[list[Attribution]],
                        labels: set[int]) -> list[Attribution | None]:
    """The attribution of each quotation: next to it (no other quotation in between) in
    the sentence where it ends or begins, else one of another quotation of its chain."""
    opens = [q.open for i, q in enumerate(quotes) if i not in labels]
    closes = sorted(q.close for i, q in enumerate(quotes) if q.close >= 0 and i not in labels)
    own: list[Attribution | None] = []
    for q in quotes:
        before = after = None
        if q.close >= 0:
            sc = bisect.bisect_right(starts, q.close) - 1
            for a in atts[sc] if sc >= 0 else ():
                if a.start > q.close:
                    k = bisect.bisect_right(opens, q.close)
                    if k >= len(opens) or opens[k] > a.start:
                        after = a
                    break
            if after is None and text[q.close - 1 : q.close] in "?!" and sc + 1 < len(atts):
                # '“Why isn’t this clear?” Vitter demanded.': split after the question mark.
                nxt = atts[sc + 1]
                if nxt and not text[q.close + 1 : nxt[0].start].strip(" \t") and (
                    len(text[nxt[0].start : nxt[0].end].split()) <= 5
                ):
                    after = nxt[0]
        so = bisect.bisect_right(starts, q.open) - 1
        earlier = [a for a in atts[so] if a.end <= q.open] if so >= 0 else []
        # "…, the vice president said, that if his son had planned …, ''I would …''": the
        # speech, not a belief in between.
        spoken = [a for a in earlier if not a.belief]
        if earlier:
            a = (spoken or earlier)[-1]
            k = bisect.bisect_right(closes, a.end)
            if k >= len(closes) or closes[k] >= q.open:
                before = a
        tag = next((a for a in atts[so] if a.transcript and a.mention.start == q.start),
                   None) if so >= 0 else None
        own.append(tag or _nearer(text, q, before, after))  # '"PENCE: Well, …'
    by_chain: dict[int, Attribution] = {}
    for q, a in zip(quotes, own, strict=True):
        if a is not None:
            by_chain.setdefault(q.chain, a)
    return [a if a is not None else by_chain.get(q.chain) for q, a in zip(quotes, own,
                                                                          strict=True)]


def _nearer(text: str, q: Quote, before: Attribution | None,
            after: Attribution | None) -> Attribution | None:
    """The attribution a quotation belongs to: the one right after it ('," said X'), unless
    only the one before it is adjacent ('X said via email that, "...'; 'X: "..."')."""
    if before is None or after is None:
        return after or before
    lead = text[before.end : q.open]
    if lead.strip() == ":" or (after.belief and not before.belief):
        # 'X said via email that, “…” against what the campaign sees as …': speech over a
        # belief.
        return before
    tail = text[q.close + 1 : after.start] if q.close >= 0 else ""
    if len(tail.split()) > 3 and len(lead.split()) <= 4:
        return before
    return after


def _sentence_rows(
    article: Article,
    quotes: list[Quote],
    strays: list[tuple[int, str]],
    overlap: list[list[int]],
    pieces: list[list[_Piece]],
    atts: list[list[Attribution]],
    own: list[Attribution | None],
) -> list[tuple[Any, ...]]:
    sentences = article.sentences
    stray_pos = [p for p, _ in strays]
    chain_speaker: dict[int, str | None] = {}
    rows: list[tuple[Any, ...]] = []
    # The first speaker attributed to a quotation of each paragraph.
    par_speaker: dict[int, str] = {}
    for q, a in zip(quotes, own, strict=True):
        if a is not None and a.entity is not None:
            par_speaker.setdefault(q.paragraph_id, a.entity.key)
    par_id = sec_id = -1
    tagged: Attribution | None = None
    announced: Attribution | None = None
    last: str | None = None  # latest speaker in the paragraph
    carry: str | None = None  # speaker carried over from the previous paragraph
    ahead: str | None = None  # first speaker attributed later in the paragraph
    for si, s in enumerate(sentences):
        if s.paragraph_id != par_id:
            # A quotation opening a paragraph without attribution continues the speaker of
            # the previous paragraph (same section), unless this paragraph names one.
            carry = last if s.section_id == sec_id else None
            last = None
            # A transcript speaker tag's attribution, for the paragraph; or the one that
            # announced this paragraph with a colon ("The governor added:").
            tagged = announced if s.section_id == sec_id else None
            announced = None
            par_id, sec_id = s.paragraph_id, s.section_id
            ahead = par_speaker.get(par_id)
        ps = pieces[si]
        sa = atts[si]
        full = [p for p in ps if p.full]
        embedded = [p for p in ps if not p.full]
        warnings: list[str] = []
        for qi in overlap[si]:
            if quotes[qi].warning:
                warnings.append(quotes[qi].warning)  # type: ignore[arg-type]
        k = bisect.bisect_left(stray_pos, s.start)
        while k < len(strays) and strays[k][0] < s.end:
            warnings.append(strays[k][1])
            k += 1

        att: Attribution | None = None
        speaker: str | None = None
        kept = ps
        if full:
            first = full[0]
            qtype: str = "direct"
            if embedded or any(0 <= a.that < first.start for a in sa):
                qtype = "mixed"
            att = own[first.quote]
            if att is not None:
                speaker = att.entity.key if att.entity else None
            else:
                chain = quotes[first.quote].chain
                if chain not in chain_speaker:
                    chain_speaker[chain] = last or ahead or carry
                speaker = chain_speaker[chain]
            if qtype == "mixed" and sa and att is None:
                att = sa[0]
                speaker = att.entity.key if att.entity else None
        elif embedded and (sa or max(p.words for p in embedded) >= 4):
            qtype = "mixed"
            att = sa[0] if sa else own[embedded[0].quote]
            # Quoted words inside narration without any attribution are not inherited.
            speaker = att.entity.key if att is not None and att.entity else None
        elif sa:
            spoken = [a for a in sa if not a.belief]
            qtype = "indirect" if spoken else "belief"
            kept = []
            att = _best(spoken or sa, article.text, s.end, s.start)
            speaker = att.entity.key if att.entity else None
            if att.transcript:
                qtype, tagged = "direct", att  # "PENCE: Well, ..." is his own words
        elif tagged is not None:
            qtype, kept = "direct", []
            speaker = tagged.entity.key if tagged.entity else None
        else:
            qtype = "none"
            kept = []
        if qtype != "none" and speaker is None:
            warnings.append("no speaker found for this quotation"
                            if qtype != "indirect" else "speaker phrase not resolved")
        in_sentence = att is not None and s.start <= att.mention.start < s.end
        closing = article.text[s.start : s.end].rstrip()[-1:]
        if in_sentence and qtype == "indirect" and closing == ":":
            announced = att  # "Limbaugh added:" and the speech in the next paragraph
        if speaker is not None:
            last = speaker
        rows.append((
            s.id, qtype, speaker,
            att.mention.text if in_sentence else None,  # type: ignore[union-attr]
            att.mention.start if in_sentence else -1,  # type: ignore[union-attr]
            att.mention.end if in_sentence else -1,  # type: ignore[union-attr]
            att.verb if in_sentence else None,  # type: ignore[union-attr]
            [(p.start, p.end) for p in kept],
            "; ".join(dict.fromkeys(warnings)) or None,
        ))
    return rows


def _best(atts: list[Attribution], text: str = "", end: int = -1,
          start: int = 0) -> Attribution:
    """The attribution that governs a sentence: not one inside an opening subordinate clause
    ("By the time those primaries concluded, 40 percent of Clinton voters said …"); a closing
    reporting clause ("..., the source added.", "..., according to the attorneys."), else the
    first naming a person, group or organisation rather than a document ("In a Facebook
    message posted Friday, Cruz said"), else the first."""
    if len(atts) > 1 and text and _SUBORDINATE.match(text, start, end):
        comma = text.find(",", start, end)
        if comma > 0:
            atts = [a for a in atts if a.start > comma] or atts
    if len(atts) > 1 and end >= 0:
        last = atts[-1]
        rest = text[last.end : end].strip(" .”’\"')!?\n")
        # "..., according to Fox News on Jan. 3.": a short tail after "according to".
        closing = not rest or (_verbs().forms.get(last.verb, ("", ""))[1] == "source"
                               and len(rest.split()) <= 4)
        if closing and text[: last.start].rstrip()[-1:] in ",—–":
            return last
    for a in atts:
        if a.mention.kind != "document":
            return a
    return atts[0]


_SUBORDINATE = re.compile(r"\s*(?:By the time|When|Whenever|After|Before|As|If|While|Because|"
                          r"Although|Though|Since|Until|Once|Unless)\b")


def _entity_info(e: Entity) -> dict[str, Any]:
    return {
        "speaker": e.key,
        "kind": e.kind,
        "named": e.named,
        "role": e.roles[0] if e.roles else None,
        "nationality": e.nationality,
        "organisation": e.organisation,
        "first_mention": e.first_mention,
        "mentions": list(e.mentions),
    }
