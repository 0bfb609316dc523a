"""TextBlob's default sentiment (``PatternAnalyzer``), reimplemented without importing TextBlob.

``TextBlob(text).sentiment`` calls pattern's ``Sentiment`` (``textblob/_text.py`` with the
English settings of ``textblob/en/__init__.py``): pattern's tokeniser (``find_tokens``),
then a scan of the lower-cased tokens against ``textblob/en/en-sentiment.xml`` with
intensifiers (the words' intensity values), negation ("no", "not", "never"), "!", the
sarcasm mark "(!)" and emoticons. :func:`pattern_sentiment` does the same steps and returns
the same floats; ``tests/test_sentiment.py`` checks that on every snippet of
``data/sentiment``. Importing ``textblob`` costs about a second (it imports NLTK), so the
lexicon is read from the installed package's data file, which is found without running the
package, and the few constants below are copied from ``textblob/_text.py`` (pattern, BSD
licence; TextBlob, MIT licence).

Most sentences need none of pattern's per-sentence steps (paragraph breaks, the sarcasm
mark, emoticons split by the tokeniser); those that might go through a literal port of
them.
"""

from __future__ import annotations

import os
import re
from functools import cache
from importlib.util import find_spec
from xml.etree import ElementTree

from discourse.errors import InvalidLexiconError

__all__ = ["PatternLexicon", "pattern_lexicon", "pattern_sentiment", "pattern_tokens"]

# --- constants of textblob/_text.py (copied: importing that module imports NLTK) ----------

PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"
ABBREVIATIONS = frozenset(
    (
        "a.", "adj.", "adv.", "al.", "a.m.", "c.", "cf.", "comp.", "conf.", "def.", "ed.",
        "e.g.", "esp.", "etc.", "ex.", "f.", "fig.", "gen.", "id.", "i.e.", "int.", "l.",
        "m.", "Med.", "Mil.", "Mr.", "n.", "n.q.", "orig.", "pl.", "pred.", "pres.", "p.m.",
        "ref.", "v.", "vs.", "w/",
    )
)
# Built exactly as pattern builds it, sets included, so that the emoticon regular
# expression below lists its alternatives in pattern's order (the first one that fits
# wins: ": c )" is read as ":c)", not ":c").
EMOTICONS = {  # (facial expression, sentiment)-keys
    ("love", +1.00): set(("<3", "♥")),
    ("grin", +1.00): set(
        (">:D", ":-D", ":D", "=-D", "=D", "X-D", "x-D", "XD", "xD", "8-D")
    ),
    ("taunt", +0.75): set(
        (">:P", ":-P", ":P", ":-p", ":p", ":-b", ":b", ":c)", ":o)", ":^)")
    ),
    ("smile", +0.50): set(
        (">:)", ":-)", ":)", "=)", "=]", ":]", ":}", ":>", ":3", "8)", "8-)")
    ),
    ("wink", +0.25): set((">;]", ";-)", ";)", ";-]", ";]", ";D", ";^)", "*-)", "*)")),
    ("gasp", +0.05): set((">:o", ":-O", ":O", ":o", ":-o", "o_O", "o.O", "°O°", "°o°")),
    ("worry", -0.25): set(
        (">:/", ":-/", ":/", ":\\", ">:\\", ":-.", ":-s", ":s", ":S", ":-S", ">.>")
    ),
    ("frown", -0.75): set(
        (">:[", ":-(", ":(", "=(", ":-[", ":[", ":{", ":-<", ":c", ":-c", "=/")
    ),
    ("cry", -1.00): set((":'(", ":'''(", ";'(")),
}
EOS = "END-OF-SENTENCE"
NEGATIONS = frozenset(("no", "not", "n't", "never"))

_RE_ABBR1 = re.compile(r"^[A-Za-z]\.$")
_RE_ABBR2 = re.compile(r"^([A-Za-z]\.)+$")
_RE_ABBR3 = re.compile("^[A-Z][" + "|".join("bcdfghjklmnpqrstvwxz") + "]+.$")
_RE_EMOTICONS = re.compile(
    "({})($|\\s)".format(
        "|".join(r" ?".join(re.escape(c) for c in e) for v in EMOTICONS.values() for e in v)
    )
)
_RE_SARCASM = re.compile(r"\( ?\! ?\)")
# pattern's contraction rules ("'d" -> " 'd", ..., "n't" -> " n't"), applied one after the
# other; they only ever insert a space, at disjoint places, so one pass does the same.
_RE_CONTRACTION = re.compile(r"(?='(?:d|m|s|ll|re|ve))|(?=n't)")
_RE_LINEBREAK = re.compile(r"\n{2,}")
_LEADING = tuple(PUNCTUATION.replace(".", ""))
_TRAILING = (*_LEADING, ".")
_LEADING_SET = frozenset(_LEADING)
_TRAILING_SET = frozenset(_TRAILING)
_CLOSERS = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")", EOS))
_TERMINATORS = frozenset(("...", ".", "!", "?", EOS))
_QUOTES = {"“": " “ ", "”": " ” ", "‘": " ‘ ", "’": " ’ ", "'": " ' ", '"': ' " '}
# An emoticon the tokeniser split ("8 )") must be joined again; that needs two successive
# characters of an emoticon on either side of a space. Texts without that skip the step.
_EMOTICON_GAPS = frozenset(
    e[k] + " " + e[k + 1] for v in EMOTICONS.values() for e in v for k in range(len(e) - 1)
)
_EMOTICON_GAP_START = re.compile(
    "[{}](?= [{}])".format(
        *(re.escape("".join(sorted({g[k] for g in _EMOTICON_GAPS}))) for k in (0, 2))
    )
)


def _emoticon_scores() -> dict[str, float]:
    # pattern's lookup: lower-cased tokens that are not alphabetic, at most 5 characters
    # and not a substring of PUNCTUATION; the first expression listing a face wins.
    out: dict[str, float] = {}
    for (_, p), faces in EMOTICONS.items():
        for e in faces:
            face = e.lower()
            if not face.isalpha() and len(face) <= 5 and face not in PUNCTUATION:
                out.setdefault(face, p)
    return out


_EMOTICON_SCORES = _emoticon_scores()

# --- the lexicon --------------------------------------------------------------------------


def _textblob_dir() -> str:
    # find_spec on a top-level package locates it without executing its __init__ (which
    # would import NLTK).
    spec = find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise InvalidLexiconError(
            "TextBlob's sentiment lexicon (textblob/en/en-sentiment.xml) was not found; "
            "install textblob (pip install textblob)."
        )
    return next(iter(spec.submodule_search_locations))


def _avg(values: tuple[float, ...] | list[float]) -> float:
    return sum(values) / float(len(values) or 1)  # pattern's avg(), same float steps


@cache
def _senses() -> dict[str, dict[str | None, tuple[float, float, float]]]:
    """word -> {part of speech (None = all): (polarity, subjectivity, intensity)}.

    As ``textblob.en.Sentiment.load``: senses averaged per part of speech, then over the
    parts of speech; then every adjective also gives its "-ly" adverb ("terrible" ->
    "terribly") the adjective's scores.
    """
    path = os.path.join(_textblob_dir(), "en", "en-sentiment.xml")
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        raise InvalidLexiconError(
            f"could not read TextBlob's sentiment lexicon {path}: {exc}; reinstall textblob."
        ) from None
    words: dict[str, dict[str | None, list[tuple[float, float, float]]]] = {}
    for w in root.findall("word"):
        form = w.attrib.get("form")
        psi = (
            float(w.attrib.get("polarity", 0.0)),
            float(w.attrib.get("subjectivity", 0.0)),
            float(w.attrib.get("intensity", 1.0)),
        )
        if form:
            words.setdefault(form, {}).setdefault(w.attrib.get("pos"), []).append(psi)
    out: dict[str, dict[str | None, tuple[float, float, float]]] = {}
    for form, by_pos in words.items():
        means = {
            pos: tuple(_avg(each) for each in zip(*psi, strict=True)) for pos, psi in by_pos.items()
        }
        means[None] = tuple(  # type: ignore[misc]
            _avg(each) for each in zip(*means.values(), strict=True)
        )
        out[form] = means  # type: ignore[assignment]
    for form, by_pos in list(out.items()):
        if "JJ" in by_pos:
            if form.endswith("y"):
                form = form[:-1] + "i"
            if form.endswith("le"):
                form = form[:-2]
            adverb = out.setdefault(form + "ly", {})
            adverb["RB"] = adverb[None] = by_pos["JJ"]
    return out


#: word -> (polarity, subjectivity, intensity, the word modifies the next one)
PatternLexicon = dict[str, tuple[float, float, float, bool]]


@cache
def pattern_lexicon() -> PatternLexicon:
    """TextBlob's sentiment lexicon: the scores pattern uses for each word, and whether
    the word is an adverb (pattern then lets it modify the next word).

    Examples
    --------
    >>> pattern_lexicon()["good"][:2]
    (0.7, 0.6000000000000001)
    """
    return {w: (*s[None], "RB" in s) for w, s in _senses().items()}  # type: ignore[misc]


# --- tokens -------------------------------------------------------------------------------


def _split_punctuation(t: str, tokens: list[str]) -> None:
    # find_tokens' loop for one whitespace-delimited chunk that starts or ends with
    # punctuation (its `t not in replace` tests are always true: no chunk keeps an
    # apostrophe).
    tail = []
    while t.startswith(_LEADING):
        tokens.append(t[0])
        t = t[1:]
    while t.endswith(_TRAILING):
        if t.endswith(_LEADING):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if (
                t in ABBREVIATIONS
                or _RE_ABBR1.match(t) is not None
                or _RE_ABBR2.match(t) is not None
                or _RE_ABBR3.match(t) is not None
            ):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        tokens.append(t)
    tokens.extend(reversed(tail))


def _sentences(tokens: list[str]) -> list[str]:
    # find_tokens' sentence grouping, sarcasm mark and emoticon repair, as pattern does them.
    sentences: list[list[str]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in _TERMINATORS:
            while j < len(tokens) and tokens[j] in _CLOSERS:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    joined = (_RE_SARCASM.sub("(!)", " ".join(s)) for s in sentences if len(s) > 0)
    return [
        _RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s)
        for s in joined
    ]


def _emoticon_gap(joined: str) -> bool:
    for m in _EMOTICON_GAP_START.finditer(joined):
        p = m.start()
        if joined[p : p + 3] in _EMOTICON_GAPS:
            return True
    return False


def pattern_tokens(text: str) -> list[str]:
    """The lower-cased tokens pattern scores: ``" ".join(find_tokens(text)).split()``.

    Examples
    --------
    >>> pattern_tokens("I don't like it :( ...")
    ['i', 'do', 'n', "'", 't', 'like', 'it', ':(', '...']
    """
    s = text
    if "'" in s:
        s = _RE_CONTRACTION.sub(" ", s)
    for quote, spaced in _QUOTES.items():
        if quote in s:
            s = s.replace(quote, spaced)
    if "\r\n" in s:
        s = s.replace("\r\n", "\n")
    if "\n\n" in s:
        s = _RE_LINEBREAK.sub(f" {EOS} ", s)
    tokens: list[str] = []
    for t in s.split():
        if t[0] in _LEADING_SET or t[-1] in _TRAILING_SET:
            _split_punctuation(t, tokens)
        else:
            tokens.append(t)
    joined = " ".join(tokens)
    # Sentence boundaries only matter to the steps below: skip them when nothing can match.
    if EOS in joined or ("!" in joined and _RE_SARCASM.search(joined)) or _emoticon_gap(joined):
        joined = " ".join(_sentences(tokens))
    return joined.lower().split()


# --- scores -------------------------------------------------------------------------------


def pattern_sentiment(text: str) -> tuple[float, float]:
    """``(polarity, subjectivity)``: exactly ``TextBlob(text).sentiment``.

    Examples
    --------
    >>> pattern_sentiment("The food was not very good!")
    (-0.33653846153846145, 0.46153846153846156)
    >>> pattern_sentiment("They met on Monday.")
    (0.0, 0.0)
    """
    lexicon = pattern_lexicon()
    emoticons = _EMOTICON_SCORES
    # One [polarity, subjectivity, intensity, negated] per assessed word, as in
    # pattern's Sentiment.assessments.
    a: list[list] = []
    m: str | None = None  # preceding modifier (an adverb)
    n: str | None = None  # preceding negation
    for w in pattern_tokens(text):
        entry = lexicon.get(w)
        if entry is not None:
            p, s, i, modifies = entry
            if m is None:
                a.append([p, s, i, False])
            else:  # "really good": the adverb's intensity scales the word
                last = a[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if n is not None:  # "not (really) good"
                last = a[-1]
                last[2] = 1.0 / last[2]
                last[3] = True
            m = w if modifies else None
            n = w if w in NEGATIONS else None
            continue
        if w in NEGATIONS:
            n = w
        elif n and len(w.strip("'")) > 1:
            n = None  # a negation reaches across short words only ("not a good")
        if n is not None and m is not None and m.endswith("ly"):
            a[-1][3] = True  # "really not good"
            n = None
        elif m and len(w) > 2:
            m = None
        if w == "!" and a:
            a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
        if w == "(!)":
            a.append([0.0, 1.0, 1.0, False])
        face = emoticons.get(w)
        if face is not None:
            a.append([face, 1.0, 1.0, False])
    if not a:
        return 0.0, 0.0
    polarity = subjectivity = 0.0
    for p, s, _, negated in a:
        # "not good" is slightly bad, "not bad" slightly good
        polarity += p * -0.5 if negated else p
        subjectivity += s
    return polarity / float(len(a)), subjectivity / float(len(a))
