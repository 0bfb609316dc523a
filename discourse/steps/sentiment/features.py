"""The corrected lexicon pass behind the combined sentiment score.

One regular-expression tokenisation of a sentence feeds three lexicon scores:

* a TextBlob-style score: the weighted mean polarity (and subjectivity) of the words known
  to TextBlob's pattern lexicon, as ``PatternAnalyzer`` computes it,
* a VADER-style score: the sum of VADER lexicon valences, normalised like VADER's compound,
  and
* an AFINN score: the sum of AFINN-165 valences (-5..5; the word list of Nielsen 2011,
  shipped as package data under the ODbL), including its multi-word entries ("bad luck", "fed up"),

with the fixes TextBlob and VADER lack or get wrong on news text:

* contractions: "isn't" is read as "is not" (TextBlob never sees the "n't");
* negation scope: a negator negates the next three words up to punctuation or "but";
* "but" clauses: words before a contrastive conjunction count half, words after it 1.5x;
* intensifiers and downtoners ("very good" > "good" > "somewhat good");
* "like" counts as a verb only after a subject or auxiliary ("I like", not "states like Iran");
* titles, roles, institutions and names are skipped (``lexicons/sentiment_neutral.yaml``).

The rules are data: ``lexicons/sentiment_rules.yaml`` and ``lexicons/sentiment_neutral.yaml``;
the lexicons are read once from the installed ``textblob`` and ``vaderSentiment`` and from
AFINN-165, shipped as package data (``lexicons/afinn_en_165.txt``, ODbL).
Nothing here is fitted; :mod:`discourse.steps.sentiment.scoring` combines the features with
the learned weights in ``lexicons/sentiment_model.json``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from discourse.errors import InvalidLexiconError
from discourse.lexicon.resources import lexicon_path, load_lexicon

__all__ = [
    "FEATURES",
    "MODEL_INPUTS",
    "Rules",
    "features",
    "model_inputs",
    "rules",
    "vader_analyzer",
]

#: Names of the values :func:`features` returns, in order.
FEATURES = (
    "tb_polarity",
    "tb_subjectivity",
    "tb_pos",
    "tb_neg",
    "vader_sum",
    "vader_pos",
    "vader_neg",
    "afinn_pos",
    "afinn_neg",
    "n_hits",
    "n_words",
)

# Emoticons must stand alone between spaces; words keep inner apostrophes, hyphens and
# periods ("isn't", "well-known", "U.S"); punctuation marks clause and sentence ends.
_TOKEN = re.compile(
    r"(?<!\S)(?:<3+|[:;=>][-'^]?[()\[\]{}DPpOo3/\\|*@$Ssbc]+)(?!\S)"
    r"|https?://\S+|[@#]\w+"
    r"|[^\W_]+(?:['’.\-][^\W_]+)*['’]?"
    r"|[.!?]+|[,;:()\[\]\"“”‘\u2013\u2014]|--"
)
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"“‘([:\u2013\u2014-")
# VADER's constants: negation scalar and ALL-CAPS emphasis.
_N_SCALAR = -0.74
_CAPS_INCR = 0.733
# Intensifier values are relative (0.3 = "very"); VADER adds 0.293 to a word after "very".
_BOOST_SCALE = 0.293 / 0.3


@dataclass(frozen=True)
class Rules:
    """Lexicons and word lists of the corrected pass, loaded once (see :func:`rules`)."""

    # word -> (polarity, subjectivity, intensity, is a modifier) of TextBlob's lexicon
    tb: dict[str, tuple[float, float, float, bool]]
    vader: dict[str, float]
    afinn: dict[str, float]
    afinn_phrases: dict[str, tuple[tuple[tuple[str, ...], float], ...]]  # first word -> rest
    contractions: dict[str, str]
    negators: frozenset[str]
    negation_window: int
    negation_breakers: frozenset[str]
    shifters: frozenset[str]
    contrast: frozenset[str]
    contrast_before: float
    contrast_after: float
    intensifiers: dict[str, float]
    like_words: frozenset[str]
    like_subjects: frozenset[str]
    neutral_words: frozenset[str]
    title_words: frozenset[str]
    head_nouns: frozenset[str]
    connectors: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> remaining words
    not_names: frozenset[str]
    tb_emoticons: dict[str, float]


def _pattern_lexicon() -> dict[str, tuple[float, float, float, bool]]:
    # TextBlob's lexicon (pattern's en-sentiment.xml), read without importing TextBlob.
    from discourse.steps.sentiment.textblob_port import pattern_lexicon

    return dict(pattern_lexicon())


def _pattern_emoticons() -> dict[str, float]:
    from discourse.steps.sentiment.textblob_port import EMOTICONS

    return {e.lower(): float(p) for (_, p), faces in EMOTICONS.items() for e in faces}


def _afinn_lexicon(
    contractions: dict[str, str], negators: frozenset[str], intensifiers: dict[str, float]
) -> tuple[dict[str, float], dict[str, tuple[tuple[tuple[str, ...], float], ...]]]:
    """AFINN-165 (Nielsen 2011; ``lexicons/afinn_en_165.txt``, ODbL): words and phrases.

    Multi-word entries are split like the text ("can't" -> "can not"). Entries with a
    negator or opening with an intensifier ("not good", "damn good") are left out: the
    negation and intensifier rules score them (AFINN's "not good" -2 is close to the
    rule's 3 x -0.74).
    """
    text = lexicon_path("afinn_en_165.txt").read_text(encoding="utf-8")
    words: dict[str, float] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for line in text.splitlines():
        entry, _, value = line.rpartition("\t")
        if not entry:
            continue
        tokens: list[str] = []
        for t in entry.lower().split():
            if t.endswith("n't"):
                tokens += (contractions.get(t) or t[:-3], "not")
            else:
                tokens.append(t)
        if len(tokens) == 1:
            words[tokens[0]] = float(value)
        elif tokens[0] not in intensifiers and not negators.intersection(tokens):
            phrases.setdefault(tokens[0], []).append((tuple(tokens[1:]), float(value)))
    return words, {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in phrases.items()}


@cache
def vader_analyzer() -> Any:
    """The one :class:`SentimentIntensityAnalyzer` the package uses (it reads its lexicon once)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _words(data: dict[str, Any], key: str, source: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise InvalidLexiconError(
            f"lexicons/{source}: '{key}' must be a list of words; fix the file or reinstall."
        )
    return frozenset(w.lower() for w in value)


@cache
def rules() -> Rules:
    """Load both lexicons and the rule files once."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    spec = load_lexicon("sentiment_rules.yaml")
    neutral = load_lexicon("sentiment_neutral.yaml")
    # VADER's boosters are +-0.293 on its -4..4 scale; as a relative change that is +-0.3.
    intensifiers = {w: (0.3 if v > 0 else -0.3) for w, v in BOOSTER_DICT.items() if " " not in w}
    intensifiers.update({str(w).lower(): float(v) for w, v in spec["intensifiers"].items()})
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in neutral.get("phrases", []):
        first, *rest = phrase.lower().split()
        phrases.setdefault(first, []).append(tuple(rest))
    contrast = spec["contrast"]
    contractions = {k.lower(): v for k, v in spec["contractions"].items()}
    negators = _words(spec, "negators", "sentiment_rules.yaml")
    afinn, afinn_phrases = _afinn_lexicon(contractions, negators, intensifiers)
    return Rules(
        tb=_pattern_lexicon(),
        vader=dict(vader_analyzer().lexicon),
        afinn=afinn,
        afinn_phrases=afinn_phrases,
        contractions=contractions,
        negators=negators,
        negation_window=int(spec["negation_window"]),
        negation_breakers=_words(spec, "negation_breakers", "sentiment_rules.yaml"),
        shifters=_words(spec, "shifters", "sentiment_rules.yaml"),
        contrast=_words(contrast, "words", "sentiment_rules.yaml"),
        contrast_before=float(contrast["before"]),
        contrast_after=float(contrast["after"]),
        intensifiers=intensifiers,
        like_words=_words(spec, "like_words", "sentiment_rules.yaml"),
        like_subjects=_words(spec, "like_subjects", "sentiment_rules.yaml"),
        neutral_words=_words(neutral, "words", "sentiment_neutral.yaml"),
        title_words=_words(neutral, "title_words", "sentiment_neutral.yaml"),
        head_nouns=_words(neutral, "head_nouns", "sentiment_neutral.yaml"),
        connectors=_words(neutral, "connectors", "sentiment_neutral.yaml"),
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        not_names=_words(neutral, "not_names", "sentiment_neutral.yaml"),
        tb_emoticons=_pattern_emoticons(),
    )


def _tokenize(
    text: str, r: Rules
) -> tuple[list[str], list[int], list[int], list[bool], int, int]:
    """Lower-cased tokens with contractions expanded, plus kind, shape and context.

    kind: 0 word, 1 clause break, 2 sentence end, 3 emoticon. shape: 0 lower case,
    1 Titlecase, 2 ALL CAPS. ``initial`` is True for a word that opens a sentence or
    follows an opening quote, bracket, colon or dash.
    """
    low: list[str] = []
    kind: list[int] = []
    shape: list[int] = []
    initial: list[bool] = []
    n_excl = n_quest = 0
    opens = True
    contractions = r.contractions
    for t in _TOKEN.findall(text):
        c = t[0]
        if c.isalnum():
            w = t.lower()
            if "’" in w:
                w = w.replace("’", "'")
            if w[-1] == "'":
                w = w[:-1]
            sh = 2 if (len(t) > 1 and t.isupper()) else (1 if c.isupper() else 0)
            if w.endswith("n't") or w == "cannot":
                base = contractions.get(w) or w[:-3]
                low += (base, "not")
                kind += (0, 0)
                shape += (sh, 0)
                initial += (opens, False)
            else:
                if w.endswith("'s"):
                    w = w[:-2]
                low.append(w)
                kind.append(0)
                shape.append(sh)
                initial.append(opens)
            opens = False
        elif c == "@" or c == "#" or t.startswith("http"):
            # Mentions, hashtags and links: skipped, but the next word opens a phrase.
            low.append(t)
            kind.append(1)
            shape.append(0)
            initial.append(False)
            opens = True
        elif c in _SENTENCE_END:
            n_excl += t.count("!")
            n_quest += t.count("?")
            low.append(t)
            kind.append(2)
            shape.append(0)
            initial.append(False)
            opens = True
        elif len(t) > 1 and c in ":;=<>":
            low.append(t)  # emoticons keep their case (":D" and ":d" differ in VADER)
            kind.append(3)
            shape.append(0)
            initial.append(False)
        else:
            low.append(t)
            kind.append(1)
            shape.append(0)
            initial.append(False)
            opens = c in _OPENERS
    return low, kind, shape, initial, n_excl, n_quest


def _neutral_mask(
    low: list[str], kind: list[int], shape: list[int], initial: list[bool], r: Rules
) -> list[bool]:
    """Mark words inside titles, roles, institutions and names (see sentiment_neutral.yaml)."""
    n = len(low)
    skip = [False] * n
    neutral, titles, heads = r.neutral_words, r.title_words, r.head_nouns
    connectors, phrases, not_names = r.connectors, r.phrases, r.not_names
    long_words = titled = 0
    for i in range(n):
        if kind[i]:
            continue
        w = low[i]
        if len(w) > 3:
            long_words += 1
            titled += shape[i] == 1
        if w in neutral:
            skip[i] = True
        if w in phrases:
            for rest in phrases[w]:
                if tuple(low[i + 1 : i + 1 + len(rest)]) == rest:
                    for j in range(i, i + 1 + len(rest)):
                        skip[j] = True
                    break
        if w in titles:
            # "top (foreign policy) adviser": title words, then a head noun within 3 words.
            j = i + 1
            while j < n and j <= i + 3 and kind[j] == 0:
                if low[j] in heads:
                    for k in range(i, j + 1):
                        skip[k] = True
                    break
                if low[j] not in titles:
                    break
                j += 1
        elif w in heads and i + 2 < n and low[i + 1] in connectors and low[i + 2] in titles:
            # "minister of justice", "secretary for defence"
            skip[i] = True
            j = i + 2
            while j < n and kind[j] == 0 and low[j] in titles:
                skip[j] = True
                j += 1
    # Headlines in Title Case: capitals say nothing about names there.
    if long_words >= 3 and titled >= 0.8 * long_words:
        return skip
    for i in range(n):
        if shape[i] != 1 or kind[i]:
            continue
        w = low[i]
        if not initial[i] and w not in not_names and w != "i" and not w.startswith("i'"):
            skip[i] = True
    return skip


def _signed_sums(values: list[float], weights: list[float]) -> tuple[float, float]:
    """Weighted sums of the positive values and of the (negated) negative values."""
    pos = neg = 0.0
    for v, w in zip(values, weights, strict=True):
        if v > 0:
            pos += v * w
        else:
            neg -= v * w
    return pos, neg


def features(text: str, r: Rules | None = None) -> tuple[float, ...]:
    """The corrected lexicon features of one text (see :data:`FEATURES`).

    * ``tb_polarity`` / ``tb_subjectivity``: weighted mean polarity / subjectivity of the
      TextBlob-lexicon words (and pattern emoticons) found, after the fixes; 0 if none.
      Weights are 1, or 0.5 / 1.5 before / after a contrastive conjunction;
    * ``tb_pos`` / ``tb_neg``: the positive and negative parts of ``tb_polarity``;
    * ``vader_sum``: weighted sum of VADER valences after the fixes, plus VADER's "!"/"?"
      emphasis;
    * ``vader_pos`` / ``vader_neg``: weighted sums of the positive valences and of the
      magnitudes of the negative ones;
    * ``afinn_pos`` / ``afinn_neg``: the same for AFINN-165 (negation as in VADER, x -0.74;
      an intensifier multiplies by 1 + its value);
    * ``n_hits``: number of lexicon entries counted (all three lexicons);
    * ``n_words``: number of word tokens after expanding contractions.

    Examples
    --------
    >>> f = dict(zip(FEATURES, features("This isn't a bad idea.")))
    >>> f["tb_polarity"] > 0, f["vader_sum"] > 0, f["afinn_pos"] > 0
    (True, True, True)
    >>> dict(zip(FEATURES, features("We are fed up.")))["afinn_neg"]  # a multi-word entry
    3.0
    """
    if r is None:
        r = rules()
    low, kind, shape, initial, n_excl, n_quest = _tokenize(text, r)
    n = len(low)
    skip = _neutral_mask(low, kind, shape, initial, r)
    tb, vader, afinn, afinn_phrases = r.tb, r.vader, r.afinn, r.afinn_phrases
    negators, breakers, contrast = r.negators, r.negation_breakers, r.contrast
    shifters = r.shifters
    intensifiers, like_words, like_subjects = r.intensifiers, r.like_words, r.like_subjects
    window = r.negation_window
    emoticons = r.tb_emoticons
    # VADER's caps rule: an ALL-CAPS word is emphasis only when not every word is in caps.
    n_words = kind.count(0)
    n_caps = shape.count(2)
    caps_diff = 0 < n_caps < n_words
    tp: list[float] = []
    ts: list[float] = []
    tw: list[float] = []
    vv: list[float] = []
    vw: list[float] = []
    av: list[float] = []
    aw: list[float] = []
    t_start = v_start = a_start = 0  # first entry of the current sentence ("but" rule)
    a_next = 0  # words before this index belong to an AFINN phrase already counted
    weight = 1.0
    neg_left = shift_left = 0
    boost = 0.0
    boost_left = 0
    for i in range(n):
        k = kind[i]
        if k:
            if k == 3:
                emo = low[i]
                v = vader.get(emo)
                if v is not None:
                    vv.append(v)
                    vw.append(weight)
                p = emoticons.get(emo.lower())
                if p is not None:
                    tp.append(p)
                    ts.append(1.0)
                    tw.append(weight)
                continue
            neg_left = shift_left = boost_left = 0
            if k == 2:
                if tp and "!" in low[i]:
                    # pattern's rule: "!" strengthens the word before it by 25% per mark
                    tp[-1] = max(-1.0, min(1.0, tp[-1] * 1.25 ** min(low[i].count("!"), 3)))
                t_start, v_start, a_start, weight = len(tp), len(vv), len(av), 1.0
            continue
        w = low[i]
        if w in negators:
            neg_left = window
            continue
        if w in breakers and i and low[i - 1] in negators:
            neg_left = 0  # "not only", "no doubt"
            continue
        if w in contrast:
            before = r.contrast_before
            for j in range(t_start, len(tw)):
                tw[j] *= before
            for j in range(v_start, len(vw)):
                vw[j] *= before
            for j in range(a_start, len(aw)):
                aw[j] *= before
            weight = r.contrast_after
            neg_left = shift_left = boost_left = 0
            continue
        if w in intensifiers and not skip[i]:
            boost, boost_left = intensifiers[w], 3
            if neg_left:
                neg_left -= 1
            continue
        if (w == "kind" or w == "sort") and i + 1 < n and low[i + 1] == "of":
            boost, boost_left = -0.3, 3  # "kind of good"
            continue
        if w == "pretty" and i + 1 < n and low[i + 1] in tb:
            boost, boost_left = 0.15, 1  # "pretty good": a mild intensifier, not beauty
            continue
        t = tb.get(w)
        v = vader.get(w)
        a = None
        if i >= a_next:
            a = afinn.get(w)
            for rest, value in afinn_phrases.get(w, ()):
                if tuple(low[i + 1 : i + 1 + len(rest)]) == rest:
                    a, a_next = value, i + 1 + len(rest)
                    break
        if skip[i] or (t is None and v is None and a is None) or (
            w in like_words and not (i and low[i - 1] in like_subjects)
        ):
            if w in shifters:
                shift_left = window + 1
            if neg_left:
                neg_left -= 1
            if shift_left:
                shift_left -= 1
            if boost_left:
                boost_left -= 1
            continue
        # A negator or a shifter ("lacks charm", "prevent war") before the word flips it.
        negated = (neg_left > 0) != (shift_left > 0)
        b = boost if boost_left else 0.0
        if t is not None:
            p, s = t[0], t[1]
            if b:
                p = max(-1.0, min(1.0, p * (1.0 + b)))
                s = max(0.0, min(1.0, s * (1.0 + b)))
            if negated:
                p *= -0.5  # pattern's own rule: "not good" is slightly bad
            tp.append(p)
            ts.append(s)
            tw.append(weight)
        if v is not None:
            if v and b:
                v += b * _BOOST_SCALE if v > 0 else -b * _BOOST_SCALE
            if v and caps_diff and shape[i] == 2:
                v += math.copysign(_CAPS_INCR, v)
            if negated:
                v *= _N_SCALAR
            vv.append(v)
            vw.append(weight)
        if a is not None:
            # AFINN, like VADER, sums valences: VADER's negation scalar, relative boosts
            if b:
                a *= 1.0 + b
            if negated:
                a *= _N_SCALAR
            av.append(a)
            aw.append(weight)
        boost_left = 0
        if neg_left:
            neg_left -= 1
        if shift_left:
            shift_left -= 1
        if w in shifters:
            shift_left = window
    tb_pos = tb_neg = tb_subj = 0.0
    if tw:
        total = sum(tw)
        for p, s, w in zip(tp, ts, tw, strict=True):
            if p > 0:
                tb_pos += p * w
            else:
                tb_neg -= p * w
            tb_subj += s * w
        tb_pos /= total
        tb_neg /= total
        tb_subj /= total
    pos, neg = _signed_sums(vv, vw)
    vsum = pos - neg
    if vsum:
        # VADER's punctuation emphasis: up to 4 "!" add 0.292 each; 2-3 "?" add 0.18 each.
        quest = 0.0 if n_quest < 2 else 0.96 if n_quest > 3 else 0.18 * n_quest
        emph = min(n_excl, 4) * 0.292 + quest
        vsum += emph if vsum > 0 else -emph
    a_pos, a_neg = _signed_sums(av, aw)
    return (
        tb_pos - tb_neg, tb_subj, tb_pos, tb_neg, vsum, pos, neg, a_pos, a_neg,
        float(len(tw) + len(vv) + len(av)), float(n_words),
    )


#: Inputs of the learned combination, computed from :func:`features` by :func:`model_inputs`.
MODEL_INPUTS = (
    "tb_polarity",
    "vader_pos_norm",
    "vader_neg_norm",
    "vader_per_sqrt_word",
    "afinn_norm",
)
# AFINN's -5..5 valences, rescaled to VADER's -4..4 before VADER's normalisation.
_AFINN_TO_VADER = 4.0 / 5.0


def model_inputs(f: tuple[float, ...]) -> tuple[float, ...]:
    """Turn :func:`features` into the inputs of the linear model (:data:`MODEL_INPUTS`).

    VADER-style sums are squashed with VADER's own normalisation ``x / sqrt(x^2 + 15)``;
    ``vader_per_sqrt_word`` is the sum over the square root of the word count, over 4
    (long sentences dilute a single loaded word). ``afinn_norm`` is the AFINN sum, times
    4/5 to VADER's scale, squashed the same way.

    Examples
    --------
    >>> [round(x, 2) for x in model_inputs(features("A good plan."))]
    [0.7, 0.44, 0.0, 0.27, 0.53]
    """
    tb_pol, vsum, vpos, vneg, apos, aneg, n_words = f[0], f[4], f[5], f[6], f[7], f[8], f[10]
    asum = (apos - aneg) * _AFINN_TO_VADER
    return (
        tb_pol,
        vpos / math.sqrt(vpos * vpos + 15.0),
        vneg / math.sqrt(vneg * vneg + 15.0),
        vsum / math.sqrt(max(n_words, 1.0)) / 4.0,
        asum / math.sqrt(asum * asum + 15.0),
    )
