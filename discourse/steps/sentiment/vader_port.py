"""VADER's ``polarity_scores``, reimplemented to run several times faster with the same floats.

:func:`vader_scores` follows ``SentimentIntensityAnalyzer.polarity_scores`` of
vaderSentiment 3.3.2 step by step (emoji descriptions, punctuation stripping, ALL-CAPS
emphasis, boosters and dampeners with their distance damping, the three-word negation
window, "no", "never so", "without doubt", "least", "kind of", the special-case idioms,
the "but" rule including its quirks, "!" and "?" emphasis, normalisation and rounding).
It lower-cases each word once instead of once per rule, and skips the emoji scan of texts
without emoji. The lexicons and word lists are the installed package's own.
``tests/test_sentiment.py`` checks equality with VADER itself on every snippet of
``data/sentiment``.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass
from functools import cache

__all__ = ["vader_scores"]

_PUNCTUATION = string.punctuation


@dataclass(frozen=True)
class _Vader:
    lexicon: dict[str, float]
    emojis: dict[str, str]
    emoji_chars: frozenset[str]
    ascii_emojis: bool
    boosters: dict[str, float]
    negate: frozenset[str]
    special_cases: dict[str, float]
    n_scalar: float
    c_incr: float


@cache
def _vader() -> _Vader:
    from vaderSentiment import vaderSentiment as v

    from discourse.steps.sentiment.features import vader_analyzer

    analyzer = vader_analyzer()
    emoji_chars = frozenset(e for e in analyzer.emojis if len(e) == 1)
    return _Vader(
        lexicon=analyzer.lexicon,
        emojis=analyzer.emojis,
        emoji_chars=emoji_chars,
        ascii_emojis=any(e.isascii() for e in emoji_chars),
        boosters=v.BOOSTER_DICT,
        negate=frozenset(v.NEGATE),
        special_cases=v.SPECIAL_CASES,
        n_scalar=v.N_SCALAR,
        c_incr=v.C_INCR,
    )


def _replace_emojis(text: str, emojis: dict[str, str]) -> str:
    out = []
    prev_space = True
    for ch in text:
        if ch in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[ch])
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out)


def _scalar_inc_dec(word: str, valence: float, is_cap_diff: bool, v: _Vader) -> float:
    scalar = 0.0
    word_lower = word.lower()
    if word_lower in v.boosters:
        scalar = v.boosters[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += v.c_incr
            else:
                scalar -= v.c_incr
    return scalar


def _negated(word: str, v: _Vader) -> bool:
    word = word.lower()
    return word in v.negate or "n't" in word


def _negation_check(valence: float, low: list[str], start_i: int, i: int, v: _Vader) -> float:
    if start_i == 0:
        if _negated(low[i - 1], v):
            valence = valence * v.n_scalar
    elif start_i == 1:
        if low[i - 2] == "never" and (low[i - 1] == "so" or low[i - 1] == "this"):
            valence = valence * 1.25
        elif low[i - 2] == "without" and low[i - 1] == "doubt":
            pass
        elif _negated(low[i - 2], v):
            valence = valence * v.n_scalar
    else:
        if (
            (low[i - 3] == "never" and (low[i - 2] == "so" or low[i - 2] == "this"))
            or (low[i - 1] == "so" or low[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
            pass
        elif _negated(low[i - 3], v):
            valence = valence * v.n_scalar
    return valence


def _special_idioms_check(valence: float, low: list[str], i: int, v: _Vader) -> float:
    special = v.special_cases
    onezero = f"{low[i - 1]} {low[i]}"
    twoonezero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
    twoone = f"{low[i - 2]} {low[i - 1]}"
    threetwoone = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
    threetwo = f"{low[i - 3]} {low[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(low) - 1 > i:
        zeroone = f"{low[i]} {low[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(low) - 1 > i + 1:
        zeroonetwo = f"{low[i]} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in v.boosters:
            valence = valence + v.boosters[n_gram]
    return valence


def _least_check(valence: float, low: list[str], i: int, v: _Vader) -> float:
    lexicon = v.lexicon
    if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
        if low[i - 2] != "at" and low[i - 2] != "very":
            valence = valence * v.n_scalar
    elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
        valence = valence * v.n_scalar
    return valence


def _but_check(low: list[str], sentiments: list[float]) -> list[float]:
    # VADER's loop as written: it finds each score by value (the first equal one) while
    # rewriting the list, which is part of its results.
    if "but" in low:
        bi = low.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _punctuation_emphasis(text: str) -> float:
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm_amplifier


def _score_valence(sentiments: list[float], text: str) -> tuple[float, float, float, float]:
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(sentiments))
    punct_emph_amplifier = _punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    compound = -1.0 if compound < -1.0 else 1.0 if compound > 1.0 else compound
    pos_sum = neg_sum = 0.0
    neu_count = 0
    for score in sentiments:
        if score > 0:
            pos_sum += float(score) + 1
        if score < 0:
            neg_sum += float(score) - 1
        if score == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    pos = math.fabs(pos_sum / total)
    neg = math.fabs(neg_sum / total)
    neu = math.fabs(neu_count / total)
    return round(compound, 4), round(pos, 3), round(neu, 3), round(neg, 3)


def vader_scores(text: str) -> tuple[float, float, float, float]:
    """``(compound, pos, neu, neg)``: exactly VADER's ``polarity_scores(text)``.

    Examples
    --------
    >>> vader_scores("The book was only kind of good, but the plot was GREAT!!")
    (0.8789, 0.477, 0.523, 0.0)
    >>> vader_scores("")
    (0.0, 0.0, 0.0, 0.0)
    """
    v = _vader()
    if (v.ascii_emojis or not text.isascii()) and not v.emoji_chars.isdisjoint(text):
        text = _replace_emojis(text, v.emojis)
    text = text.strip()
    # SentiText: strip punctuation from each token unless 2 characters or fewer remain
    # (":)" would vanish)
    words = [t if len(w := t.strip(_PUNCTUATION)) <= 2 else w for t in text.split()]
    n = len(words)
    low = list(map(str.lower, words))
    allcaps = sum(map(str.isupper, words))
    is_cap_diff = 0 < n - allcaps < n
    lexicon, boosters, n_scalar, c_incr = v.lexicon, v.boosters, v.n_scalar, v.c_incr
    # Words outside the lexicon, boosters and the "kind" of "kind of" score 0 (an int, as
    # in VADER).
    sentiments: list[float] = [0] * n
    for i in [i for i, w in enumerate(low) if w in lexicon]:
        item, item_lowercase = words[i], low[i]
        if item_lowercase in boosters or (
            i < n - 1 and item_lowercase == "kind" and low[i + 1] == "of"
        ):
            continue
        valence = lexicon[item_lowercase]
        # "no" before another lexicon word negates it instead of counting itself
        if item_lowercase == "no" and i != n - 1 and low[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and low[i - 1] == "no")
            or (i > 1 and low[i - 2] == "no")
            or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[item_lowercase] * n_scalar
        if item.isupper() and is_cap_diff:
            if valence > 0:
                valence += c_incr
            else:
                valence -= c_incr
        for start_i in range(3):
            if i > start_i and low[i - (start_i + 1)] not in lexicon:
                s = _scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff, v)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, low, start_i, i, v)
                if start_i == 2:
                    valence = _special_idioms_check(valence, low, i, v)
        sentiments[i] = _least_check(valence, low, i, v)
    sentiments = _but_check(low, sentiments)
    return _score_valence(sentiments, text)
