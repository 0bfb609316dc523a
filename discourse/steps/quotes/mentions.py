"""Speaker phrases and their resolution within one article (rules and word lists only).

This module knows nothing of quotations: :mod:`discourse.steps.quotes.attribution` finds the
reporting verbs and calls it, and :mod:`discourse.steps.quotes.speakers` summarises the
speakers found.

A speaker phrase is found next to a reporting verb: a name with its titles ("Russian Foreign
Minister Sergey Lavrov", "Sen. John Miller"), a description
("the Russian top diplomat", "a senior diplomat", "officials"), an organisation ("the
Kremlin") or a pronoun. :class:`Resolver` then links the phrases of an article to entities:
surnames to the fullest form of the name used anywhere in the article, definite descriptions
to the most recently mentioned entity whose role is compatible (role classes and their
broader roles come from ``lexicons/speaker_roles.yaml``), and pronouns to the most recent
speaker of the right kind and gender.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import Any, Literal, NamedTuple

from discourse.lexicon.resources import load_lexicon

__all__ = ["Entity", "Mention", "Resolver", "Tok", "interpret", "lexicon", "role_class", "tokens"]

MentionForm = Literal["name", "descriptor", "pronoun"]
EntityKind = Literal["person", "organisation", "group", "document"]

# Upper-case letters of the Latin, Greek and Cyrillic blocks, for names like "Éric" or "Şahin".
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
_UP = f"[{re.escape(_UPPER)}]"
#: Word tokens (inner hyphens, apostrophes, periods kept) or single punctuation characters.
_TOKEN = re.compile(r"\w+(?:[-‐'’.&]\w+)*|\S")
_AGE = re.compile(r"\d+(?:-year-old|-years-old)?|\d+s")
_PARTY_TAG = re.compile(r"([DRI])-([A-Z][\w.]*)")
_ACRONYM = re.compile(r"[A-Z0-9&]{2,}(?:\.[A-Z0-9]+)*\.?")
_POSSESSIVE = ("’s", "'s", "s’", "s'")
#: Runs of two or more capitalised words (names, with titles and particles).
_CAP_RUN = re.compile(
    rf"{_UP}[\w’'\-]*\.?(?:[ \t]+(?:{_UP}[\w’'\-]*\.?|(?:de|van|von|der|bin|al|da|di|la|le|del)"
    rf"(?=[ \t]+{_UP})))+"
)
#: Arabic names with the article in lower case ("al-Baghdadi", "el-Sisi").
_ARTICLE_NAME = re.compile(rf"(?:al|el|ad|an|ar|as|ash|at|az|ul)-{_UP}")
_LAST_WORD = re.compile(r"([\w’'-]+)\s+$")
#: Organisation heads that name an organisation only when capitalised ("the White House",
#: "The Times"; "his house" is not one).
_CAPITAL_ONLY_HEADS = frozenset({"house", "times", "front", "region", "review", "exchange",
                                 "chamber", "state", "states", "post", "news", "daily", "mission",
                                 "club", "league", "staff", "forces", "guard", "republic",
                                 "online", "tv", "wire", "insider"})
#: Generational suffixes after a surname ("Joseph R. Biden Jr."); not part of the key.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_COMPANY_WORDS = frozenset({"corp", "corporation", "inc", "ltd", "plc", "llc", "group", "company",
                            "co", "holding", "holdings"})


# --------------------------------------------------------------------------- word lists


@dataclass(frozen=True)
class _Lexicon:
    titles: dict[str, str | None]
    gender: dict[str, str]
    term_class: dict[str, str]  # role phrase -> role class
    broader: dict[str, frozenset[str]]  # role class -> broader classes
    role_words: frozenset[str]  # every word of a role phrase, title or occupation
    title_words: frozenset[str]  # capitalised words that belong to a title, not to a name
    modifiers: frozenset[str]
    groups: frozenset[str]
    org_heads: frozenset[str]
    documents: frozenset[str]
    pronouns: dict[str, dict[str, Any]]
    determiners: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    parties: dict[str, str]
    nationality: dict[str, str]  # adjective or country alias (lower case) -> country
    capitals: dict[str, str]  # capital (lower case) -> country
    first_names: dict[str, str]  # first name (lower case) -> gender
    max_term: int
    place_words: frozenset[str] = frozenset()
    #: Titles and US states written abbreviated with a period ("Sen.", "Pa."), unlike "said
    #: the senator."
    abbreviations: frozenset[str] = frozenset()
    state_abbreviations: frozenset[str] = frozenset()  # "fla", "n.y": places, never speakers


@cache
def lexicon() -> _Lexicon:
    """The speaker word lists, compiled once."""
    roles = load_lexicon("speaker_roles.yaml")
    nat = load_lexicon("nationalities.yaml")
    abbreviations = load_lexicon("abbreviations.yaml")
    term_class: dict[str, str] = {}
    broader: dict[str, frozenset[str]] = {}
    for cls, spec in roles["roles"].items():
        term_class[cls] = cls
        for term in spec.get("terms") or ():
            term_class.setdefault(term, cls)
        broader[cls] = frozenset(spec.get("broader") or ())
    for word in roles["occupations"]:
        term_class.setdefault(word, word)
    titles = {k: v for k, v in roles["titles"].items()}
    role_words = {w for term in term_class for w in term.split()}
    role_words |= set(titles) | {v for v in titles.values() if v}
    role_words -= {"of", "the", "state", "house", "affairs", "with", "person", "familiar", "matter",
                   "for", "and", "in", "on", "at", "to", "a", "an"}
    gender = {w: g for g, words in roles["gender"].items() for w in words}
    nationality = {k: v for k, v in nat["adjectives"].items()}
    nationality.update(nat["countries"])
    nationality.update({v.lower(): v for v in nat["adjectives"].values()})
    title_words = frozenset(role_words | {
        "foreign", "prime", "deputy", "vice", "first", "chief", "acting", "former", "senior",
        "top", "press", "defense", "defence", "interior", "finance", "trade", "justice",
        "health", "energy", "education", "economy", "executive", "managing", "assistant",
        "associate", "special", "permanent", "supreme", "secretary", "general", "attorney",
        "ex", "interim", "outgoing", "incoming", "elect",
    })
    return _Lexicon(
        titles=titles,
        gender=gender,
        term_class=term_class,
        broader=broader,
        role_words=frozenset(role_words),
        title_words=title_words,
        modifiers=frozenset(roles["modifiers"]),
        groups=frozenset(roles["groups"]),
        org_heads=frozenset(roles["organisation_heads"]),
        documents=frozenset(roles["documents"]),
        pronouns=dict(roles["pronouns"]),
        determiners=frozenset(roles["determiners"]),
        particles=frozenset(roles["name_particles"]),
        not_names=frozenset(roles["not_names"]),
        parties={k: v for k, v in roles["parties"].items()},
        nationality=nationality,
        capitals=dict(nat["capitals"]),
        first_names={n: g for g, names in roles["first_names"].items() for n in names},
        max_term=max(len(t.split()) for t in term_class),
        place_words=frozenset(roles.get("place_words") or ()),
        abbreviations=frozenset(abbreviations["prepositive"]) | frozenset(abbreviations["places"])
        | {k for k, v in titles.items() if v and v != k and len(k) <= 4},  # "Del.", "Pa."
        state_abbreviations=frozenset(abbreviations["places"]),
    )


def role_class(role: str) -> str | None:
    """The role class of a role phrase: its longest known ending, else its last word.

    Examples
    --------
    >>> role_class("Russian top diplomat"), role_class("54-year-old teacher")
    ('foreign minister', 'teacher')
    """
    lex = lexicon()
    words = [w for w in role.lower().split() if not _AGE.fullmatch(w)]
    for n in range(min(len(words), lex.max_term), 0, -1):
        cls = lex.term_class.get(" ".join(words[-n:]))
        if cls is not None:
            return cls
    return words[-1] if words else None


# --------------------------------------------------------------------------- tokens


class Tok(NamedTuple):
    """A token of a sentence: ``kind`` is ``"w"`` (word), ``"p"`` (punctuation) or ``"q"``
    (quoted text, a barrier no speaker phrase crosses). ``low`` is the lower-cased text
    without a final period; ``upper`` tells a capitalised word."""

    text: str
    start: int
    end: int
    kind: str
    low: str
    upper: bool


def make_tok(text: str, start: int, end: int, kind: str = "w") -> Tok:
    return Tok(text, start, end, kind, text.lower().rstrip("."),
               kind == "w" and text[0].isupper())


def tokens(text: str, start: int, end: int, masked: list[tuple[int, int]]) -> list[Tok]:
    """Tokens of ``text[start:end]``; each masked range becomes one ``"q"`` token.

    Abbreviated titles and states, initials and dotted acronyms keep their final period
    ("Sen.", "Pa.", "J.", "U.S."), other words do not ("said the senator.").
    """
    abbreviated = lexicon().abbreviations
    out: list[Tok] = []
    mi = 0
    n_masked = len(masked)
    skip_to = -1
    for m in _TOKEN.finditer(text, start, end):
        a = m.start()
        if a < skip_to:
            continue
        if n_masked:
            while mi < n_masked and masked[mi][1] <= a:
                mi += 1
            if mi < n_masked and masked[mi][0] <= a:
                qa, qb = masked[mi]
                out.append(Tok(text[qa:qb], qa, qb, "q", "", False))
                skip_to = qb
                continue
        word = m.group()
        b = m.end()
        c = word[0]
        if c.isalnum() or c == "_":
            if b < end and text[b] == "." and (
                (len(word) == 1 and c.isupper()) or "." in word or word.lower() in abbreviated
                or word.lower() in _SUFFIXES
            ):
                b += 1
                word += "."
                skip_to = b
            upper = c.isupper() or (c.islower() and word.isalpha() and not word.islower())
            out.append(Tok(word, a, b, "w", word.lower().rstrip("."), upper))  # "eBay" too
        else:
            out.append(Tok(word, a, b, "p", word, False))
    return out


# --------------------------------------------------------------------------- mentions


@dataclass
class Mention:
    """A speaker phrase found in the text, before resolution.

    ``start``/``end`` are offsets into the article text; ``name`` holds the tokens of a
    personal or organisation name; ``roles`` the role phrases stated with it ("foreign
    minister", "teacher"); ``definite`` is False for "a senior diplomat".
    """

    start: int
    end: int
    text: str
    form: MentionForm
    kind: EntityKind | None
    name: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    nationality: str | None = None
    organisation: str | None = None
    gender: str | None = None
    definite: bool = True
    speaker: bool = True

    @property
    def classes(self) -> frozenset[str]:
        return frozenset(c for c in (role_class(r) for r in self.roles) if c)


def _is_name_token(tok: Tok, lex: _Lexicon) -> bool:
    if not tok.upper:
        return _ARTICLE_NAME.match(tok.text) is not None  # "al-Baghdadi"
    low = tok.low
    if low in lex.title_words or low in lex.not_names or low in lex.nationality:
        return False
    if low in lex.org_heads or low in lex.groups or low in lex.documents:
        return False
    if tok.text.endswith(_POSSESSIVE):
        return False
    # Initials ("J.") are names; other all-capital tokens are acronyms of organisations.
    return not (_ACRONYM.fullmatch(tok.text) and not re.fullmatch(r"[A-Z]\.", tok.text))


def _describes(low: str, lex: _Lexicon) -> bool:
    """A lower-case word that may stand in a speaker description ("senior", "officials")."""
    return (low in lex.role_words or low in lex.modifiers or low in lex.groups
            or low in lex.org_heads or low in lex.documents or low in lex.title_words
            or _AGE.fullmatch(low) is not None)


def np_before(toks: list[Tok], i: int) -> list[Tok]:
    """The tokens of the noun phrase ending at token ``i`` (scanning leftwards)."""
    lex = lexicon()
    parts: list[Tok] = []
    k = i
    while k >= 0:
        t = toks[k]
        if t.kind != "w":
            break
        low = t.low
        if low in lex.determiners:
            parts.append(t)
            if not (low == "the" and parts[-2:-1] and parts[-2].upper and k >= 2
                    and toks[k - 1].kind == "w" and toks[k - 1].low in _CONNECTORS
                    and _org_head_before(toks, k - 2)):
                break
            k -= 1  # "Committee for the Promotion of Virtue and the Prevention of Vice"
            continue
        if t.text.endswith(_POSSESSIVE) and parts:
            parts.append(t)  # "Russia's top diplomat", "the ministry's spokesman"
            # "Hong Kong's residents", "the New York Medical Examiner's Office": a possessor
            # of several capitalised words is kept whole.
            while t.upper and k > 0 and toks[k - 1].kind == "w" and toks[k - 1].upper and (
                toks[k - 1].low not in lex.not_names and toks[k - 1].low not in lex.determiners
            ):
                k -= 1
                parts.append(toks[k])
            if k > 0 and toks[k - 1].kind == "w" and toks[k - 1].low == "the":
                parts.append(toks[k - 1])
            break
        if t.upper:
            if low in lex.not_names and low not in lex.pronouns and not (
                len(t.text) > 1 and t.text.isupper()
            ):  # "WHO concluded": an acronym, not the pronoun
                break
            parts.append(t)
        elif _describes(low, lex) or _ARTICLE_NAME.match(t.text) or (
            low in lex.particles and parts and parts[-1].upper and k > 0 and toks[k - 1].upper
        ):
            parts.append(t)
        elif (low in _CONNECTORS and parts and (parts[-1].upper or parts[-1].low == "the") and k > 0
              and toks[k - 1].kind == "w" and toks[k - 1].upper
              and (parts[0].low in _ORG_TAILS or _org_head_before(toks, k - 1)
                   or (low == "of" and len(parts) == 1
                       and (k < 2 or toks[k - 2].kind != "w" or not toks[k - 2].upper)))):
            parts.append(t)  # "the Gauteng Department of Education", "Institute for the
            #                  Study of War"
        else:
            break
        k -= 1
    parts.reverse()
    return parts


#: Lower-case words inside organisation names ("Department of Education").
_CONNECTORS = frozenset({"of", "for", "and", "on", "&"})
#: Last words of names of organisations and laws that are not organisation heads.
_ORG_TAILS = frozenset({
    "act", "law", "bill", "studies", "research", "relief", "affairs", "education", "health",
    "rights", "justice", "commerce", "defense", "defence", "state", "america", "technology",
    "science", "sciences", "arts", "reconciliation", "development", "security", "peace",
    "policy", "freedom", "democracy", "progress", "standards", "publications",
})


def _org_head_before(toks: list[Tok], k: int) -> bool:
    """Whether an organisation head stands among the capitalised words (and connectors)
    ending at token ``k`` ("Institute for the Study" before "of War")."""
    lex = lexicon()
    j = k
    while j >= 0 and k - j < 12 and toks[j].kind == "w" and (
        toks[j].upper or toks[j].low in _CONNECTORS or toks[j].low == "the"
    ):
        if toks[j].upper and toks[j].low in lex.org_heads:
            return True
        j -= 1
    return False


def _org_run(toks: list[Tok], k: int, parts: list[Tok]) -> list[Tok]:
    """The connector at ``k`` and the capitalised words after it when they continue the name
    of an organisation in ``parts`` ("the Foundation for Relief and Reconciliation")."""
    lex = lexicon()
    run: list[Tok] = []
    j = k + 1
    if j < len(toks) and toks[j].low == "the":
        j += 1
    while j < len(toks) and toks[j].kind == "w" and toks[j].upper and (
        toks[j].low not in lex.not_names
    ):
        run.append(toks[j])
        j += 1
    if not run:
        return []
    if toks[k].low == "of" and len([t for t in parts if t.upper]) == 1 and len(run) == 1:
        return toks[k:j]  # "Cult of Mac", "Bank of America": one word of another
    if any(t.low in lex.org_heads for t in parts if t.upper) or run[-1].low in _ORG_TAILS or (
        run[-1].low in lex.org_heads
    ):
        return toks[k:j]
    return []


def np_after(toks: list[Tok], i: int) -> list[Tok]:
    """The tokens of the noun phrase starting at token ``i`` (scanning rightwards)."""
    lex = lexicon()
    parts: list[Tok] = []
    k = i
    n = len(toks)
    if k < n and toks[k].kind == "w" and (
        toks[k].low in lex.determiners or toks[k].text.endswith(_POSSESSIVE)
    ):
        parts.append(toks[k])
        k += 1
    while k < n:
        t = toks[k]
        if t.kind != "w":
            break
        low = t.low
        if t.upper:
            if low in lex.not_names:
                break
            parts.append(t)
        elif _describes(low, lex) or _ARTICLE_NAME.match(t.text) or (
            low in lex.particles and parts and parts[-1].upper and k + 1 < n and toks[k + 1].upper
        ):
            parts.append(t)
        elif low in _CONNECTORS and parts and parts[-1].upper and (run := _org_run(toks, k,
                                                                                    parts)):
            parts += run
            k += len(run)
            continue
        else:
            break
        k += 1
    return parts


def interpret(parts: list[Tok], text: str) -> Mention | None:
    """Read a noun phrase as a speaker phrase, or return None if it cannot be one."""
    lex = lexicon()
    if not parts:
        return None
    start, end = parts[0].start, parts[-1].end
    surface = text[start:end]
    if len(parts) == 1 and parts[0].low in lex.pronouns and parts[0].kind == "w":
        low = parts[0].low
        spec = lex.pronouns[low]
        return Mention(start, end, surface, "pronoun", None, gender=spec.get("gender"))
    det = None
    body = parts
    first = parts[0]
    if first.low in lex.determiners:
        det = first.low
        body = parts[1:]
        if det == "that" and body and (body[0].upper or body[-1].low.endswith("s")):
            # "reports that ISIS militants ...": a conjunction, not a determiner.
            det, parts, first = None, body, body[0]
            start, surface = first.start, text[first.start : end]
    elif first.text.endswith(_POSSESSIVE) and len(parts) > 1:
        det = "'s"
        body = parts[1:]
    if not body:
        return None
    head = body[-1]
    hlow = head.low
    if (len(body) >= 3 and body[0].upper and head.upper
            and any(t.low in _CONNECTORS and not t.upper for t in body[1:-1])
            and (any(t.low in lex.org_heads or t.low in _ORG_TAILS for t in body if t.upper)
                 or (len(body) == 3 and body[1].low == "of"))):
        org = text[body[0].start : head.end]
        return Mention(start, end, surface, "name", "organisation", name=(org,),
                       definite=det not in ("a", "an"))
    possessor = None
    if det == "'s":
        possessor = re.sub(r"['’]s?$", "", first.text)
    elif len(parts) > 2 and parts[1].text.endswith(_POSSESSIVE) and det == "the":
        possessor = re.sub(r"['’]s?$", "", parts[1].text)
        body = parts[2:]

    # A personal or organisation name: the capitalised tokens at the end.
    name: list[Tok] = []
    for t in reversed(body):
        if _is_name_token(t, lex) or (
            name and t.kind == "w" and t.low in lex.particles and not t.upper
        ):
            name.insert(0, t)
        else:
            break
    while name and not name[0].upper and not _ARTICLE_NAME.match(name[0].text):
        name.pop(0)
    if (not name and len(body) >= 2 and head.upper and hlow in lex.nationality
            and body[-2].low in lex.first_names):
        name = body[-2:]  # "Mark Cuban": a surname that is also a nationality
    prefix = body[: len(body) - len(name)]
    if (len(name) == 1 and prefix and prefix[-1].upper and not name[0].text.endswith(".")
            and (prefix[-1].low in lex.org_heads or _ACRONYM.fullmatch(prefix[-1].text))
            and not any(t.low in lex.role_words or t.low in lex.titles for t in prefix)):
        # "Britain's Daily Mail", "BBC New": the name of an outlet, kept whole.
        run = [name[0]]
        for t in reversed(prefix):
            if not t.upper:
                break
            run.insert(0, t)
        org = " ".join(t.text for t in run)
        return Mention(start, end, surface, "name", "organisation", name=(org,),
                       nationality=lex.nationality.get(possessor.lower()) if possessor else None)
    # "John Major", "Martin Luther King": a title word right after a first name is a surname.
    if (not name and len(body) >= 2 and head.upper and head.low in lex.title_words
            and not _ACRONYM.fullmatch(head.text) and _is_name_token(body[-2], lex)
            and det is None):
        name = body[-2:]
        prefix = body[:-2]

    nationality, organisation, roles, gender = _read_prefix(prefix, text)
    if possessor:
        country = lex.nationality.get(possessor.lower())
        if country:
            nationality = nationality or country
        else:
            organisation = organisation or possessor
    if prefix:
        gender = gender or next((lex.gender[t.low] for t in prefix if t.low in lex.gender), None)

    while len(name) > 1 and name[-1].low in _SUFFIXES:
        name = name[:-1]
    if name:
        words = tuple(t.text for t in name)
        last = name[-1].low
        joined = " ".join(words).lower()
        if last in lex.place_words or joined in lex.place_words:
            return None  # "Station Road", "Middle East": places never speak
        if len(name) > 1 and any(t.low.endswith("ing") and len(t.low) > 5 for t in name):
            # "Comedians in Cars Getting Coffee", "Opposing Views": a title, not a person.
            return Mention(start, end, surface, "name", "organisation", name=(" ".join(words),))
        if joined in lex.capitals:  # "Moscow said": the government of a country
            return Mention(start, end, surface, "name", "organisation", name=words,
                           nationality=lex.capitals[joined])
        is_org = (
            last in lex.org_heads
            or (len(name) == 1 and _ACRONYM.fullmatch(name[0].text) is not None)
            or joined in lex.nationality
            or (det is not None and det != "'s" and not roles and not prefix)
        )
        if is_org:
            org = " ".join(t.text for t in body if t.upper)
            return Mention(start, end, surface, "name", "organisation", name=(org,),
                           nationality=nationality, definite=det != "a")
        return Mention(start, end, surface, "name", "person", name=words, roles=roles,
                       nationality=nationality, organisation=organisation,
                       gender=gender or _name_gender(words, lex))

    acronym = len(body) == 1 and len(head.text) >= 2 and _ACRONYM.fullmatch(head.text) is not None
    if (hlow in lex.org_heads and (head.upper or hlow not in _CAPITAL_ONLY_HEADS)) or (
        head.upper and hlow in lex.nationality
    ) or acronym:
        if head.upper:
            org = " ".join(t.text for t in body if t.upper)
            return Mention(start, end, surface, "name", "organisation", name=(org,),
                           nationality=nationality or lex.capitals.get(org.lower()))
        return Mention(start, end, surface, "descriptor", "organisation", name=(hlow,),
                       nationality=nationality, organisation=organisation,
                       definite=det not in ("a", "an"))
    plural = _plural_role(hlow, lex)
    if plural:
        return Mention(start, end, surface, "descriptor", "group", roles=roles or (hlow,),
                       nationality=nationality, organisation=organisation, definite=False)
    if hlow in lex.documents:
        return Mention(start, end, surface, "descriptor", "document", name=(hlow,),
                       organisation=organisation, definite=det not in ("a", "an"))
    if hlow in lex.role_words or hlow in lex.term_class:
        if det is None and not head.upper and not prefix[:1]:
            return None  # a bare lower-case role noun ("minister said") is not a phrase
        return Mention(start, end, surface, "descriptor", "person", roles=roles or (hlow,),
                       nationality=nationality, organisation=organisation, gender=gender,
                       definite=det not in ("a", "an", "one", "another"))
    return None


def _name_gender(words: tuple[str, ...], lex: _Lexicon) -> str | None:
    """Gender from a first name, or from a Slavic surname ending ("Petrova", "Lavrov")."""
    if len(words) > 1 and (g := lex.first_names.get(words[0].lower())):
        return g
    last = words[-1].lower()
    if last.endswith(("ova", "eva", "yova", "skaya", "tskaya")):
        return "female"
    if last.endswith(("ov", "ev", "sky", "skiy", "ovich", "evich")):
        return "male"
    return None


def _plural_role(word: str, lex: _Lexicon) -> bool:
    if word in lex.groups:
        return True
    if word.endswith("ies") and word[:-3] + "y" in lex.role_words:
        return True
    if word.endswith("men") and word[:-3] + "man" in lex.role_words:
        return True
    return word.endswith("s") and word[:-1] in lex.term_class and not word.endswith("ss")


def _read_prefix(
    prefix: list[Tok], text: str
) -> tuple[str | None, str | None, tuple[str, ...], str | None]:
    """Nationality, organisation, roles and gender stated before a name or as its head."""
    lex = lexicon()
    nationality = organisation = gender = None
    words: list[Tok] = []
    # An organisation: capitalised words ending in an organisation head ("Foreign Ministry").
    org_end = next((i for i in range(len(prefix) - 1, -1, -1)
                    if prefix[i].upper and prefix[i].low in lex.org_heads), None)
    org_start = None
    if org_end is not None:
        org_start = org_end
        while org_start > 0 and prefix[org_start - 1].upper and (
            prefix[org_start - 1].low not in lex.nationality
        ):
            org_start -= 1
        organisation = " ".join(t.text for t in prefix[org_start : org_end + 1])
    for i, t in enumerate(prefix):
        if org_start is not None and org_start <= i <= org_end:  # type: ignore[operator]
            continue
        low = t.low
        if low in lex.gender and gender is None:
            gender = lex.gender[low]
        if low in lex.nationality and nationality is None:
            nationality = lex.nationality[low]
            continue
        if low in lex.titles:
            implied = lex.titles[low]
            if implied:
                words.append(make_tok(implied, t.start, t.end))
            continue
        words.append(t)
    roles: tuple[str, ...] = ()
    # The role: the last run of role words ("top diplomat", "foreign minister").
    run: list[str] = []
    for t in reversed(words):
        low = t.low
        if low in lex.role_words or low in lex.modifiers or low in lex.title_words or (
            _AGE.fullmatch(low)
        ):
            run.insert(0, low)
        elif run:
            break
    while run and _AGE.fullmatch(run[0]):
        run.pop(0)
    if run and any(w in lex.role_words for w in run):
        roles = (" ".join(run),)
    elif words and not run and organisation is None:
        caps = [t.text for t in words if t.upper]
        if caps:
            organisation = " ".join(caps)  # "Kremlin spokesman": an unknown org word
    return nationality, organisation, roles, gender


def apposition(toks: list[Tok], text: str) -> Mention | None:
    """Read an apposition ("a 54-year-old teacher", "D-Ohio", "CEO of Acme") for its
    role, organisation and nationality; None if it says nothing usable."""
    lex = lexicon()
    if not toks or any(t.kind == "q" for t in toks):
        return None
    if len(toks) <= 3 and (m := _PARTY_TAG.fullmatch("".join(t.text for t in toks))):
        party = lex.parties.get(m.group(1).lower())
        return Mention(toks[0].start, toks[-1].end, text[toks[0].start : toks[-1].end], "name",
                       "person", organisation=party)
    words = [t for t in toks if t.kind == "w"]
    if not words or words[0].low in ("who", "whose", "which", "speaking", "adding"):
        return None
    if words[0].low in lex.determiners:
        words = words[1:]
    organisation = None
    for i, t in enumerate(words):
        if t.low in ("of", "for", "at", "with", "in") and i > 0:
            org_words = [w.text for w in words[i + 1 :] if w.upper or w.low in ("of", "and")]
            organisation = " ".join(org_words).strip() or None
            words = words[:i]
            break
    if not words:
        return None
    nationality, org2, roles, gender = _read_prefix(words, text)
    if not roles and words and words[-1].low not in lex.role_words:
        return None
    return Mention(toks[0].start, toks[-1].end, text[toks[0].start : toks[-1].end], "descriptor",
                   "person", roles=roles, nationality=nationality,
                   organisation=organisation or org2, gender=gender)


def merge_apposition(head: Mention, app: Mention) -> Mention:
    """Add what an apposition states to the phrase it follows."""
    head.roles = head.roles + tuple(r for r in app.roles if r not in head.roles)
    head.nationality = head.nationality or app.nationality
    head.organisation = head.organisation or app.organisation
    head.gender = head.gender or app.gender
    return head


# --------------------------------------------------------------------------- names in text


def name_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Names (with titles) of people and organisations in ``text[start:end]``, as mentions
    that are not speakers.

    They tell the resolver the full form of a name and the roles stated with it, so that a
    later "Putin said", "the Azerbaijani president said" or "the ministry said" can be
    resolved.
    """
    lex = lexicon()
    out: list[Mention] = []
    for m in _CAP_RUN.finditer(text, start, end):
        a = m.start()
        # Look back only when a description may lead up to the name ("his Azerbaijani
        # counterpart Ilham Aliyev"); tokenising is the costly part.
        before = _LAST_WORD.search(text, max(start, a - 40), a)
        if before is not None and _describes(before.group(1).lower(), lex):
            a = max(start, a - 60)
        toks = tokens(text, a, m.end(), [])
        if not toks:
            continue
        parts = np_before(toks, len(toks) - 1)
        while parts and parts[0].upper and parts[0].low in lex.determiners:
            parts = parts[1:]
        mention = interpret(parts, text) if parts else None
        if mention is None or mention.form != "name":
            continue
        if mention.kind == "person" and len(mention.name) < 2 and not mention.roles:
            continue
        mention.speaker = False
        out.append(mention)
    return out


# --------------------------------------------------------------------------- resolution


@dataclass
class Entity:
    """A speaker (or a person named in the article) after resolution."""

    key: str
    kind: EntityKind
    named: bool
    name: tuple[str, ...] = ()
    roles: list[str] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    nationality: str | None = None
    organisation: str | None = None
    gender: str | None = None
    first_mention: int = -1
    last_mention: int = -1
    last_spoke: int = -1
    last_subject: int = -1  # the last sentence of narration this entity's name opened
    mentions: list[str] = field(default_factory=list)

    def covers(self, cls: str) -> bool:
        lex = lexicon()
        if cls in self.classes:
            return True
        return any(cls in lex.broader.get(c, ()) for c in self.classes)

    def absorb(self, m: Mention) -> None:
        for r in m.roles:
            if r not in self.roles:
                self.roles.append(r)
        self.classes |= m.classes
        self.nationality = self.nationality or m.nationality
        self.organisation = self.organisation or m.organisation
        self.gender = self.gender or m.gender
        if self.first_mention < 0 or m.start < self.first_mention:
            self.first_mention = m.start
        self.last_mention = max(self.last_mention, m.start)
        if m.speaker and m.text.lower() not in {t.lower() for t in self.mentions}:
            self.mentions.append(m.text)


def _capitalise(s: str) -> str:
    return s[:1].upper() + s[1:]


class Resolver:
    """Link the speaker phrases of one article to entities, in text order.

    Build it with every name found in the article (``names``), then call :meth:`resolve`
    on each mention in order of position.
    """

    #: How many recently mentioned entities a description or pronoun is compared with.
    RECENT = 40

    def __init__(self, names: list[Mention]) -> None:
        self.entities: dict[str, Entity] = {}
        #: Entity keys, least recently mentioned first (bounded look-ups, not all pairs).
        self._recent: dict[str, None] = {}
        #: Candidates examined, for tests of the cost per mention.
        self.operations = 0
        # Full names (two or more words) by their last word: each distinct form with the
        # sorted positions where it occurs.
        self._full: dict[str, dict[tuple[str, ...], list[int]]] = {}
        for m in sorted((m for m in names if m.kind == "person" and len(m.name) >= 2),
                        key=lambda m: m.start):
            forms = self._full.setdefault(m.name[-1].lower(), {})
            forms.setdefault(m.name, []).append(m.start)

    def canonical(self, name: tuple[str, ...], pos: int) -> tuple[str, ...]:
        """The fullest form of ``name`` in the article (the one nearest before ``pos``).

        Examples
        --------
        >>> r = Resolver([Mention(0, 12, "Sergey Lavrov", "name", "person",
        ...                       name=("Sergey", "Lavrov"))])
        >>> r.canonical(("Lavrov",), 50)
        ('Sergey', 'Lavrov')
        """
        forms = self._full.get(name[-1].lower())
        if not forms:
            return name
        wanted = {w.lower() for w in name}
        best: tuple[tuple[int, int, int, int], tuple[str, ...]] | None = None
        for full, positions in forms.items():
            self.operations += 1
            if not wanted <= {w.lower() for w in full}:
                continue
            k = bisect.bisect_right(positions, pos)
            # Prefer forms used before ``pos``: the most used one ("Ted Cruz" over a
            # "Heidi Cruz" named once), then the longest, then the latest; else the
            # earliest form after ``pos``.
            key = ((1, k, len(full), positions[k - 1]) if k
                   else (0, 0, len(full), -positions[0]))
            if best is None or key > best[0]:
                best = (key, full)
        return best[1] if best is not None else name

    def _candidates(self) -> list[Entity]:
        """The most recently mentioned entities, most recent first (at most RECENT)."""
        out = [self.entities[k] for k in islice(reversed(self._recent), self.RECENT)]
        self.operations += len(out)
        return out

    def _entity(self, key: str, kind: EntityKind, named: bool, name: tuple[str, ...] = ()):
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(key, kind, named, name)
            self.entities[key] = ent
        return ent

    def key(self, m: Mention) -> str:
        """The key of the entity a name mention would resolve to (no entity is made)."""
        if m.form == "name" and m.kind == "person":
            return " ".join(self.canonical(m.name, m.start))
        return m.name[0] if m.form == "name" and m.name else _capitalise(m.text)

    def resolve(self, m: Mention, not_them: frozenset[str] = frozenset()) -> Entity | None:
        """The entity ``m`` names (made when new); a pronoun never goes to the entities
        keyed in ``not_them``."""
        ent = self._find(m, not_them)
        if ent is None:
            return None
        if m.form == "pronoun":
            # A pronoun says nothing new about its antecedent; taking its gender would turn
            # one wrong guess into several.
            m = Mention(m.start, m.end, m.text, "pronoun", None, speaker=m.speaker)
        ent.absorb(m)
        self._recent.pop(ent.key, None)
        self._recent[ent.key] = None
        if m.speaker:
            ent.last_spoke = max(ent.last_spoke, m.start)
        return ent

    def _find(self, m: Mention, not_them: frozenset[str]) -> Entity | None:
        if m.form == "name":
            surname = len(m.name) == 1 and " " not in m.name[0] and (
                m.name[0].lower() in self._full)
            if m.kind == "person" or surname:
                # "Cuban said" after "Mark Cuban": a surname, not a nationality.
                full = self.canonical(m.name, m.start)
                return self._entity(" ".join(full), "person", True, full)
            return self._entity(m.name[0], "organisation", True, m.name)
        if m.form == "pronoun":
            return self._antecedent(m, not_them)
        # Descriptions.
        if m.kind == "person" and m.definite:
            ent = self._compatible(m)
            if ent is not None:
                return ent
            if m.roles and m.roles[0].endswith("-year-old"):
                # "the 21-year-old said": the person last named, as AP style uses it.
                named = [e for e in self._candidates() if e.kind == "person" and e.named
                         and (e.gender or e.last_spoke >= 0)  # a person, not "Cork Village"
                         and 0 <= e.last_mention <= m.start and e.key not in not_them]
                if named:
                    return max(named, key=lambda e: e.last_mention)
        if m.kind == "organisation" and m.definite and m.name:
            word = m.name[0]
            words = _COMPANY_WORDS if word in _COMPANY_WORDS else {word}
            orgs = [e for e in self._candidates() if e.kind == "organisation"
                    and any(w.lower().rstrip(".") in words for w in " ".join(e.name).split())]
            if orgs:
                return max(orgs, key=lambda e: e.last_mention)
        key = _capitalise(m.text)
        return self._entity(key, m.kind or "person", False)

    def _compatible(self, m: Mention) -> Entity | None:
        classes = m.classes
        best = None
        for ent in self._candidates():
            if ent.kind != "person" or not ent.classes:
                continue
            if not any(ent.covers(c) for c in classes):
                continue
            if m.nationality and ent.nationality and m.nationality != ent.nationality:
                continue
            if m.gender and ent.gender and m.gender != ent.gender:
                continue
            if best is None or ent.last_mention > best.last_mention:
                best = ent
        return best

    def _antecedent(self, m: Mention, not_them: frozenset[str]) -> Entity | None:
        lex = lexicon()
        spec = lex.pronouns.get(m.text.lower(), {})
        kinds = spec.get("kinds") or ["person"]
        gender = spec.get("gender")
        for only_speakers in (True, False):
            best = None
            for ent in self._candidates():
                if ent.kind not in kinds or (gender and ent.gender and ent.gender != gender) or (
                        ent.key in not_them):
                    continue
                when = _when(ent, only_speakers)
                if when < 0 or when > m.start:
                    continue
                if best is None or when > _when(best, only_speakers):
                    best = ent
            if best is not None:
                # "they" prefers groups and organisations over a single person.
                if m.text.lower() == "they" and best.kind == "person":
                    groups = [e for e in self._candidates()
                              if e.kind in ("group", "organisation") and e.last_spoke >= 0]
                    if groups:
                        return max(groups, key=lambda e: e.last_spoke)
                return best
        return None


def _when(ent: Entity, speaker_or_subject: bool) -> int:
    """When the entity last spoke or opened a sentence of narration, or was last mentioned."""
    return max(ent.last_spoke, ent.last_subject) if speaker_or_subject else ent.last_mention
