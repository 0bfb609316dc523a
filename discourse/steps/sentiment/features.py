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

from discourse.lexicon.resources import lexicon_path, lexicon_words, load_lexicon
from discourse.memo import per_analysis

__all__ = [
    "FEATURES",
    "MODEL_INPUTS",
    "Rules",
    "features",
    "lexicon_inputs",
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

    @property
    def modifiers(self) -> frozenset[str]:
        """Words that may change the words after them (checked first, for speed)."""
        found = self.__dict__.get("_modifiers")
        if found is None:
            found = frozenset(self.negators | self.negation_breakers | self.contrast
                              | set(self.intensifiers) | {"kind", "sort", "pretty"})
            object.__setattr__(self, "_modifiers", found)
        return found


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


def _words(name: str, *keys: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_words(name, *keys))


@cache
def rules() -> Rules:
    """Load both lexicons and the rule files once."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    spec = load_lexicon("sentiment_rules.yaml")
    # VADER's boosters are +-0.293 on its -4..4 scale; as a relative change that is +-0.3.
    intensifiers = {w: (0.3 if v > 0 else -0.3) for w, v in BOOSTER_DICT.items() if " " not in w}
    intensifiers.update({str(w).lower(): float(v) for w, v in spec["intensifiers"].items()})
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lexicon_words("sentiment_neutral.yaml", "phrases", optional=True):
        first, *rest = phrase.lower().split()
        phrases.setdefault(first, []).append(tuple(rest))
    contrast = spec["contrast"]
    contractions = {k.lower(): v for k, v in spec["contractions"].items()}
    negators = _words("sentiment_rules.yaml", "negators")
    afinn, afinn_phrases = _afinn_lexicon(contractions, negators, intensifiers)
    return Rules(
        tb=_pattern_lexicon(),
        vader=dict(vader_analyzer().lexicon),
        afinn=afinn,
        afinn_phrases=afinn_phrases,
        contractions=contractions,
        negators=negators,
        negation_window=int(spec["negation_window"]),
        negation_breakers=_words("sentiment_rules.yaml", "negation_breakers"),
        shifters=_words("sentiment_rules.yaml", "shifters"),
        contrast=_words("sentiment_rules.yaml", "contrast", "words"),
        contrast_before=float(contrast["before"]),
        contrast_after=float(contrast["after"]),
        intensifiers=intensifiers,
        like_words=_words("sentiment_rules.yaml", "like_words"),
        like_subjects=_words("sentiment_rules.yaml", "like_subjects"),
        neutral_words=_words("sentiment_neutral.yaml", "words"),
        title_words=_words("sentiment_neutral.yaml", "title_words"),
        head_nouns=_words("sentiment_neutral.yaml", "head_nouns"),
        connectors=_words("sentiment_neutral.yaml", "connectors"),
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        not_names=_words("sentiment_neutral.yaml", "not_names"),
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


class _Hits:
    """One lexicon's hits in a text: values and weights, and where the current sentence began
    (a contrastive conjunction damps the hits of its own sentence only)."""

    __slots__ = ("start", "subjectivity", "values", "weights")

    def __init__(self) -> None:
        self.values: list[float] = []
        self.weights: list[float] = []
        self.subjectivity: list[float] = []  # TextBlob's hits only
        self.start = 0

    def add(self, value: float, weight: float, subjectivity: float | None = None) -> None:
        self.values.append(value)
        self.weights.append(weight)
        if subjectivity is not None:
            self.subjectivity.append(subjectivity)

    def new_sentence(self) -> None:
        self.start = len(self.values)

    def damp_sentence(self, factor: float) -> None:
        weights = self.weights
        for j in range(self.start, len(weights)):
            weights[j] *= factor

    def signed_sums(self) -> tuple[float, float]:
        """Weighted sums of the positive values and of the (negated) negative values."""
        pos = neg = 0.0
        for v, w in zip(self.values, self.weights, strict=True):
            if v > 0:
                pos += v * w
            else:
                neg -= v * w
        return pos, neg

    def weighted_means(self) -> tuple[float, float, float]:
        """TextBlob's positive and negative polarity parts and subjectivity, weighted means."""
        if not self.weights:
            return 0.0, 0.0, 0.0
        total = sum(self.weights)
        pos = neg = subj = 0.0
        for p, s, w in zip(self.values, self.subjectivity, self.weights, strict=True):
            if p > 0:
                pos += p * w
            else:
                neg -= p * w
            subj += s * w
        return pos / total, neg / total, subj / total


class _Scope:
    """What the words before the current one do to it: negation, a shifter ("lacks",
    "prevent"), an intensifier, and the weight of the clause (after "but": more)."""

    __slots__ = ("boost", "boost_left", "neg_left", "shift_left", "weight")

    def __init__(self) -> None:
        self.weight = 1.0
        self.neg_left = self.shift_left = self.boost_left = 0
        self.boost = 0.0

    def reset(self) -> None:
        self.neg_left = self.shift_left = self.boost_left = 0

    def step(self) -> None:
        """One word further: every scope shrinks by one."""
        if self.neg_left:
            self.neg_left -= 1
        if self.shift_left:
            self.shift_left -= 1
        if self.boost_left:
            self.boost_left -= 1


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
    skip = _neutral_mask(low, kind, shape, initial, r)
    # VADER's caps rule: an ALL-CAPS word is emphasis only when not every word is in caps.
    n_words = kind.count(0)
    n_caps = shape.count(2)
    caps_diff = 0 < n_caps < n_words
    tb, vader, afinn = _Hits(), _Hits(), _Hits()
    hits = (tb, vader, afinn)
    modifiers = r.modifiers
    scope = _Scope()
    a_next = 0  # words before this index belong to an AFINN phrase already counted
    for i in range(len(low)):
        k = kind[i]
        if k == 3:
            _emoticon(low[i], r, scope, tb, vader)
        elif k:
            scope.reset()
            if k == 2:  # a sentence end
                if tb.values and "!" in low[i]:
                    # pattern's rule: "!" strengthens the word before it by 25% per mark
                    tb.values[-1] = max(-1.0, min(1.0, tb.values[-1] * 1.25 ** min(
                        low[i].count("!"), 3)))
                for lexicon_hits in hits:
                    lexicon_hits.new_sentence()
                scope.weight = 1.0
        elif not (low[i] in modifiers and _modifier(low, i, r, scope, skip[i], hits)):
            a_next = _word(low, i, r, scope, skip[i], caps_diff and shape[i] == 2, a_next,
                           hits)
    return _summary(tb, vader, afinn, n_excl, n_quest, n_words)


def _emoticon(emo: str, r: Rules, scope: _Scope, tb: _Hits, vader: _Hits) -> None:
    v = r.vader.get(emo)
    if v is not None:
        vader.add(v, scope.weight)
    p = r.tb_emoticons.get(emo.lower())
    if p is not None:
        tb.add(p, scope.weight, 1.0)


def _modifier(low: list[str], i: int, r: Rules, scope: _Scope, skipped: bool,
              hits: tuple[_Hits, _Hits, _Hits]) -> bool:
    """Handle a word that changes the words after it (negator, "but", intensifier); say so."""
    w = low[i]
    if w in r.negators:
        scope.neg_left = r.negation_window
        return True
    if w in r.negation_breakers and i and low[i - 1] in r.negators:
        scope.neg_left = 0  # "not only", "no doubt"
        return True
    if w in r.contrast:
        for h in hits:
            h.damp_sentence(r.contrast_before)
        scope.weight = r.contrast_after
        scope.reset()
        return True
    if w in r.intensifiers and not skipped:
        scope.boost, scope.boost_left = r.intensifiers[w], 3
        if scope.neg_left:
            scope.neg_left -= 1
        return True
    if (w == "kind" or w == "sort") and i + 1 < len(low) and low[i + 1] == "of":
        scope.boost, scope.boost_left = -0.3, 3  # "kind of good"
        return True
    if w == "pretty" and i + 1 < len(low) and low[i + 1] in r.tb:
        scope.boost, scope.boost_left = 0.15, 1  # "pretty good": a mild intensifier
        return True
    return False


def _word(low: list[str], i: int, r: Rules, scope: _Scope, skipped: bool, caps: bool,
          a_next: int, hits: tuple[_Hits, _Hits, _Hits]) -> int:
    """Count word ``i`` in each lexicon that has it; return where AFINN may look next."""
    tb_hits, vader_hits, afinn_hits = hits
    w = low[i]
    t = r.tb.get(w)
    v = r.vader.get(w)
    a = None
    if i >= a_next:
        a = r.afinn.get(w)
        for rest, value in r.afinn_phrases.get(w, ()):
            if tuple(low[i + 1 : i + 1 + len(rest)]) == rest:
                a, a_next = value, i + 1 + len(rest)
                break
    if skipped or (t is None and v is None and a is None) or (
        w in r.like_words and not (i and low[i - 1] in r.like_subjects)
    ):
        if w in r.shifters:
            scope.shift_left = r.negation_window + 1
        scope.step()
        return a_next
    # A negator or a shifter ("lacks charm", "prevent war") before the word flips it.
    negated = (scope.neg_left > 0) != (scope.shift_left > 0)
    b = scope.boost if scope.boost_left else 0.0
    weight = scope.weight
    if t is not None:
        p, s = t[0], t[1]
        if b:
            p = max(-1.0, min(1.0, p * (1.0 + b)))
            s = max(0.0, min(1.0, s * (1.0 + b)))
        if negated:
            p *= -0.5  # pattern's own rule: "not good" is slightly bad
        tb_hits.add(p, weight, s)
    if v is not None:
        if v and b:
            v += b * _BOOST_SCALE if v > 0 else -b * _BOOST_SCALE
        if v and caps:
            v += math.copysign(_CAPS_INCR, v)
        if negated:
            v *= _N_SCALAR
        vader_hits.add(v, weight)
    if a is not None:
        # AFINN, like VADER, sums valences: VADER's negation scalar, relative boosts
        if b:
            a *= 1.0 + b
        if negated:
            a *= _N_SCALAR
        afinn_hits.add(a, weight)
    scope.boost_left = 0
    if scope.neg_left:
        scope.neg_left -= 1
    if scope.shift_left:
        scope.shift_left -= 1
    if w in r.shifters:
        scope.shift_left = r.negation_window
    return a_next


def _summary(tb: _Hits, vader: _Hits, afinn: _Hits, n_excl: int, n_quest: int,
             n_words: int) -> tuple[float, ...]:
    tb_pos, tb_neg, tb_subj = tb.weighted_means()
    pos, neg = vader.signed_sums()
    vsum = pos - neg
    if vsum:
        # VADER's punctuation emphasis: up to 4 "!" add 0.292 each; 2-3 "?" add 0.18 each.
        quest = 0.0 if n_quest < 2 else 0.96 if n_quest > 3 else 0.18 * n_quest
        emph = min(n_excl, 4) * 0.292 + quest
        vsum += emph if vsum > 0 else -emph
    a_pos, a_neg = afinn.signed_sums()
    n_hits = len(tb.values) + len(vader.values) + len(afinn.values)
    return (tb_pos - tb_neg, tb_subj, tb_pos, tb_neg, vsum, pos, neg, a_pos, a_neg,
            float(n_hits), float(n_words))


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


@per_analysis
def lexicon_inputs(text: str) -> tuple[float, ...]:
    """``model_inputs(features(text))``, computed once per text in an analysis.

    The sentiment step scores every sentence with it and the stance step reads it again for
    each target a sentence mentions (:mod:`discourse.memo`).

    Examples
    --------
    >>> lexicon_inputs("A good plan.") == model_inputs(features("A good plan."))
    True
    """
    return model_inputs(features(text))
