"""The learned stance model: features around a masked target mention, and its weights.

:func:`mention_features` turns one sentence, the character spans of a target's mentions in
it and the rule evidence of :class:`discourse.steps.stance.scoring.LexicalStanceScorer` into named
features, each tied to the words that fire it (so every feature that pushes a call can be
shown as a cue with offsets):

``w:`` / ``l:`` / ``r:`` / ``n:`` + word
    the words within ``window`` words of a mention (either side / left / right / within
    ``near`` words), lower case, the mention itself masked; a word after a negation
    ("not", "never", "n't") in the same clause gets ``neg_`` (Das & Chen 2001);
``b:`` + two words, ``p3:`` / ``n3:`` / ``c3:`` + three words
    bigrams of the window and the trigrams ending, starting or centred on the mention,
    the mention read as ``<t>`` ("<t> said", "criticized <t>");
``s:`` + word
    every word of the sentence outside the mentions (its topic and tone), capitalised
    words inside the sentence read as ``<name>`` (names and nationalities carry the
    sentiment of the news the model was trained on, not a stance);
``lex_*``, ``lexd_*``
    the corrected sentiment lexicon scores (:func:`discourse.steps.sentiment.features.features`,
    with the negation, contraction and "but" fixes) of the left window, the right window
    and the sentence, and the VADER / AFINN valences of the words by side and distance,
    tied to the lexicon words found there;
``rule_*``
    the predicate rules' score toward the target (linked to a mention or the fallback),
    and whether a negation or deontic modality was linked, tied to the rules' cue words;
``pos_*`` / ``quote_*``
    where the mention stands: first word, share of the sentence before it, inside a
    quotation, next to a reporting verb ("X said"), several mentions;
``no_mention``
    a sentence scored without a mention (only ``s:``, ``lex_sent_*`` and ``rule_*``).

:class:`StanceModel` holds the weights of a multinomial logistic regression over these
features (classes favor, against, none), read from ``lexicons/stance_model.json`` with the
standard library and numpy alone; ``tools/fit_stance.py`` fits it with scikit-learn.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

import numpy as np

from discourse.errors import InvalidLexiconError
from discourse.lexicon.resources import lexicon_path
from discourse.memo import per_analysis

__all__ = [
    "Evidence",
    "FeatureRows",
    "Features",
    "StanceModel",
    "load_stance_model",
    "mention_features",
]

_FEATURE_OPTIONS = ("window", "trigrams", "distance", "mask_names", "near")
#: The model's classes, in the order of its weight columns.
CLASSES = ("favor", "against", "none")

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*|[^\w\s]")
_NEGATORS = frozenset(
    ["not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "cannot"]
)
_CLAUSE_BREAK = frozenset(".,;:!?()[]—–\"“”")
_OPENERS = frozenset("\"“«‘'([:—–-")
_REPORTING = frozenset(
    [
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states",
    "wrote", "writes", "argued", "argues", "claimed", "claims", "insisted", "insists",
    "explained", "explains", "noted", "notes", "asked", "asks", "replied", "replies", "warned",
    "warns", "declared", "declares", "announced", "announces", "tweeted", "tweets",
    ]
)


@dataclass(frozen=True)
class Evidence:
    """What the predicate rules found for one target in one sentence.

    ``score`` is the rules' score in [-1, 1]; ``cues`` their cues as ``(start, end, role)``
    character spans in the sentence (roles ``predicate``, ``negation``, ``modality``,
    ``sentiment``); ``linked`` is True when a predicate or an evaluative word was linked
    to a mention (not the sentence-sentiment fallback).
    """

    score: float = 0.0
    cues: tuple[tuple[int, int, str], ...] = ()
    linked: bool = False


@dataclass
class Features:
    """Named feature values of one mention, with the character spans that fire each."""

    values: dict[str, float] = field(default_factory=dict)
    #: feature name -> ``(start, end, role)`` of the words that fire it
    spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def add(self, name: str, value: float, span: tuple[int, int] | None = None,
            role: str = "context") -> None:
        """Add ``value`` to feature ``name``, fired by the words at ``span``."""
        self.values[name] = self.values.get(name, 0.0) + value
        if span is not None:
            self.spans.setdefault(name, []).append((span[0], span[1], role))


@per_analysis  # a sentence is read once for all the targets it mentions
def _tokens(text: str) -> tuple[list[str], list[tuple[int, int]], list[bool]]:
    """Lower-case word and punctuation tokens, their spans, and which are names (read only).

    "isn't" gives "is", "not" (both on the token's span). A name is a capitalised word
    inside the sentence (not its first word, not after an opening quote or bracket, not
    "I"), unless the sentence is a headline in Title Case.
    """
    matches = list(_WORD.finditer(text))
    titled = long_words = 0
    for m in matches:
        if len(m[0]) > 3 and m[0][0].isalpha():
            long_words += 1
            titled += m[0][0].isupper()
    headline = long_words >= 3 and titled >= 0.8 * long_words
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    names: list[bool] = []
    opens = True
    for m in matches:
        raw = m[0]
        w = raw.lower().replace("’", "'")
        if not raw[0].isalnum():
            words.append(w)
            spans.append(m.span())
            names.append(False)
            opens = raw in _OPENERS
            continue
        name = not opens and not headline and raw[0].isupper() and raw != "I"
        opens = False
        if w.endswith("n't") and len(w) > 3:
            words += (w[:-3], "not")
            spans += (m.span(), m.span())
            names += (name, False)
            continue
        if w.endswith("'s") and len(w) > 2:
            w = w[:-2]
        words.append(w)
        spans.append(m.span())
        names.append(name)
    return words, spans, names


def _lexicon_scores(text: str) -> tuple[float, float, float]:
    """Positive, negative and net polarity of a text from the corrected lexicon pass."""
    from discourse.steps.sentiment.features import lexicon_inputs

    if not text.strip():
        return 0.0, 0.0, 0.0
    x = lexicon_inputs(text)
    # vader_pos_norm, vader_neg_norm, afinn_norm, tb_polarity
    return x[1], x[2], 0.5 * (x[0] + x[4])


def mention_features(
    text: str,
    mentions: Sequence[tuple[int, int]],
    evidence: Evidence | None = None,
    *,
    window: int = 6,
    trigrams: bool = True,
    distance: bool = True,
    mask_names: bool | str = "sentence",
    near: int = 2,
) -> Features:
    """The features of one target in one sentence (see the module docstring).

    Parameters
    ----------
    text : str
        The sentence.
    mentions : sequence of (int, int)
        Character spans of the target's mentions in ``text``; none: the sentence alone
        (``no_mention``).
    evidence : Evidence, optional
        The predicate rules' findings for the target.
    window : int
        Words on each side of a mention that count as its context.
    trigrams : bool
        Add the trigrams that end, start or centre on the mention.
    distance : bool
        Add the lexicon valences of the words by side and distance (``lexd_*``).
    mask_names : bool or "sentence"
        Read capitalised words inside the sentence as ``<name>``: everywhere (``True``),
        in the sentence bag only (``"sentence"``) or nowhere (``False``).
    near : int
        Words within this distance also give ``n:`` features (0: none).

    Examples
    --------
    >>> f = mention_features("Critics slammed Smith for the delay.", [(16, 21)])
    >>> f.values["b:slammed_<t>"], f.values["l:slammed"]
    (1.0, 1.0)
    >>> f.spans["l:slammed"]
    [(8, 15, 'context')]
    """
    words, spans, names = _tokens(text)
    if mask_names is True:
        words = ["<name>" if name else w for w, name in zip(words, names, strict=True)]
    n = len(words)
    if len(mentions) == 1:
        (a, b), = mentions
        inside = [a < e and s < b for s, e in spans]
    else:
        inside = [any(a < e and s < b for a, b in mentions) for s, e in spans]
    feats = Features()
    # masked sequence: one "<t>" per mention
    seq: list[tuple[str, tuple[int, int], int]] = []  # (word, span, index or -1 for <t>)
    negated = [False] * n
    scope = 0
    for k, w in enumerate(words):
        if w in _CLAUSE_BREAK:
            scope = 0
        elif scope:
            negated[k] = True
            scope -= 1
        if w in _NEGATORS:
            scope = 3
    for k in range(n):
        if inside[k]:
            if not seq or seq[-1][2] != -1:
                seq.append(("<t>", spans[k], -1))
            continue
        seq.append((words[k], spans[k], k))
    t_pos = [i for i, item in enumerate(seq) if item[2] == -1]
    if not t_pos:
        _sentence_features(feats, text, seq, names if mask_names else None, negated)
        if evidence is not None:
            _rule_features(feats, evidence)
        return feats
    gap = _distances(len(seq), t_pos)  # words to the nearest mention
    # Features.add inlined: this loop runs for every word of every mention's sentence.
    values, spans_of = feats.values, feats.spans
    n_t = len(t_pos)
    for i, (w, span, k) in enumerate(seq):
        if k < 0:
            continue
        word = f"neg_{w}" if negated[k] else w
        fired = [f"s:{'<name>' if mask_names and names[k] else word}"]
        dist = gap[i]
        if dist <= window:
            j = bisect.bisect_right(t_pos, i)
            fired.append(f"w:{word}")
            if dist <= near:
                fired.append(f"n:{word}")
            if j < n_t and t_pos[j] - i <= window:  # a mention within the window after
                fired.append(f"l:{word}")
            if j > 0 and i - t_pos[j - 1] <= window:  # and before
                fired.append(f"r:{word}")
        cue = (span[0], span[1], "context")
        for name in fired:
            values[name] = values.get(name, 0.0) + 1.0
            found = spans_of.get(name)
            if found is None:
                spans_of[name] = [cue]
            else:
                found.append(cue)

    if trigrams:
        for t in t_pos:
            for lo, hi, tag in ((t - 2, t + 1, "p3"), (t, t + 3, "n3"), (t - 1, t + 2, "c3")):
                if lo < 0 or hi > len(seq):
                    continue
                part = seq[lo:hi]
                name = f"{tag}:" + "_".join(w for w, _, _ in part)
                feats.values[name] = 1.0
                feats.spans.setdefault(name, []).extend(
                    (*sp, "context") for _, sp, k in part if k >= 0
                )
    for i in range(len(seq) - 1):
        (w1, s1, k1), (w2, s2, k2) = seq[i], seq[i + 1]
        if k1 < 0 and k2 < 0:
            continue
        if min(gap[i], gap[i + 1]) <= window:
            name = f"b:{w1}_{w2}"
            values[name] = 1.0
            spans_of.setdefault(name, []).extend(
                [(*s, "context") for s, k in ((s1, k1), (s2, k2)) if k >= 0]
            )
    _position_features(feats, seq, t_pos, text, mentions)
    _lexicon_features(feats, text, seq, t_pos, window)
    if distance:
        _lexicon_spans(feats, _word_polarity_features(feats, seq, t_pos, negated))
    if evidence is not None:
        _rule_features(feats, evidence)
    return feats


def _distances(n: int, positions: list[int]) -> list[int]:
    """For each of ``n`` indices, the distance to the nearest of ``positions`` (not empty).

    Examples
    --------
    >>> _distances(6, [1, 4])
    [1, 0, 1, 1, 0, 1]
    """
    marks = set(positions)
    out = []
    nearest = n
    for i in range(n):  # from the left, then from the right
        nearest = 0 if i in marks else nearest + 1
        out.append(nearest)
    nearest = n
    for i in range(n - 1, -1, -1):
        nearest = 0 if i in marks else nearest + 1
        out[i] = min(out[i], nearest)
    return out


def _sentence_features(feats: Features, text: str, seq: list, names: list[bool] | None,
                       negated: list[bool]) -> None:
    """Without a mention: the sentence's words and lexicon scores, and ``no_mention``."""
    feats.add("no_mention", 1.0)
    r = _rules()
    for w, span, k in seq:
        word = f"neg_{w}" if negated[k] else w
        feats.add(f"s:{'<name>' if names and names[k] else word}", 1.0, span)
        v = _valence(w, r)
        if v:
            v = -0.74 * v if negated[k] else v
            feats.add(f"lexd_r_sent_{'pos' if v > 0 else 'neg'}", abs(v) / 4.0, span, "lexicon")
    pos, neg, net = _lexicon_scores(text)
    for name, value in (("pos", pos), ("neg", neg), ("net", net)):
        if value:
            feats.add(f"lex_sent_{name}", value)
    _lexicon_spans(feats)


def _position_features(
    feats: Features, seq: list, t_pos: list[int], text: str, mentions: Sequence[tuple[int, int]]
) -> None:
    first = t_pos[0]
    feats.add("pos_first", float(first == 0))
    feats.add("pos_share_before", first / max(len(seq) - 1, 1))
    feats.add("pos_several", float(len(t_pos) > 1))
    before = text[:min(m[0] for m in mentions)]
    # inside a quotation: an odd number of straight quotes, or more curly ones opened
    opened = before.count('"') % 2 + sum(before.count(q) for q in "“«") - sum(
        before.count(q) for q in "”»")
    feats.add("quote_inside", float(opened > 0))
    feats.add("quote_in_sentence", float(any(q in text for q in '"“”«»')))
    after = [w for w, _, k in seq[first + 1:first + 4] if k >= 0]
    feats.add("quote_reporting_after", float(any(w in _REPORTING for w in after)))
    before_w = [w for w, _, k in seq[max(0, first - 3):first] if k >= 0]
    feats.add("quote_reporting_before", float(any(w in _REPORTING for w in before_w)))


def _lexicon_features(feats: Features, text: str, seq: list, t_pos: list[int],
                      window: int) -> None:
    first, last = t_pos[0], t_pos[-1]
    lo = max(0, first - window)
    hi = min(len(seq) - 1, last + window)
    left_span = (seq[lo][1][0], seq[first][1][0]) if first > 0 else None
    right_span = (seq[last][1][1], seq[hi][1][1]) if last < len(seq) - 1 else None
    for side, span in (("left", left_span), ("right", right_span), ("sent", (0, len(text)))):
        if span is None or span[0] >= span[1]:
            continue
        pos, neg, net = _lexicon_scores(text[span[0]:span[1]])
        for name, value in (("pos", pos), ("neg", neg), ("net", net)):
            if value:
                feats.add(f"lex_{side}_{name}", value)


def _lexicon_spans(feats: Features, lexd: Sequence[str] | None = None) -> None:
    """Tie the window and sentence lexicon scores to the lexicon words found there.

    ``lexd``: the ``lexd_*`` feature names, in the order they were first added (found in
    ``feats.spans`` when not given).
    """
    if lexd is None:
        lexd = [name for name in feats.spans if name.startswith("lexd_")]
    words: dict[str, list[tuple[int, int, str]]] = {"l": [], "r": []}
    for name in lexd:
        words[name[5]].extend(feats.spans[name])
    for name in [n for n in feats.values if n.startswith("lex_")]:
        side = name.split("_")[1]
        found = words["l"] if side == "left" else words["r"] if side == "right" else (
            words["l"] + words["r"])
        if found:
            feats.spans[name] = list(found)


def _rules() -> Any:
    from discourse.steps.sentiment.features import rules

    return rules()


def _valence(word: str, r: Any) -> float:
    """VADER's valence of a word, else AFINN's scaled to VADER's range, else 0."""
    v = r.vader.get(word)
    if v is None:
        a = r.afinn.get(word)
        return 0.0 if a is None else 0.8 * a
    return float(v)


_DISTANCE_BINS = ((2, "near"), (5, "mid"), (10, "far"))


def _word_polarity_features(feats: Features, seq: list, t_pos: list[int],
                            negated: list[bool]) -> list[str]:
    """``lexd_<side>_<distance>_<sign>``: lexicon valences of the words by distance.

    Returns the names added, in the order they were first added.
    """
    r = _rules()
    vader, afinn = r.vader, r.afinn
    added: dict[str, None] = {}
    for i, (w, span, k) in enumerate(seq):
        if k < 0:
            continue
        v = vader.get(w)
        if v is None:  # _valence inlined
            a = afinn.get(w)
            if a is None:
                continue
            v = 0.8 * a
        else:
            v = float(v)
        if not v:
            continue
        if negated[k]:
            v *= -0.74
        j = bisect.bisect_right(t_pos, i)  # the nearest mention, the left one on a tie
        if j == 0 or (j < len(t_pos) and t_pos[j] - i < i - t_pos[j - 1]):
            t = t_pos[j]
        else:
            t = t_pos[j - 1]
        d = abs(t - i)
        where = next((name for limit, name in _DISTANCE_BINS if d <= limit), "sent")
        side = "l" if i < t else "r"
        name = f"lexd_{side}_{where}_{'pos' if v > 0 else 'neg'}"
        feats.add(name, abs(v) / 4.0, span, "lexicon")
        added[name] = None
    return list(added)


def _rule_features(feats: Features, evidence: Evidence) -> None:
    """``rule_linked_*`` / ``rule_fallback_*``: the rules' score; ``rule_<role>``: cues."""
    cues = list(evidence.cues)
    if evidence.score:
        kind = "linked" if evidence.linked else "fallback"
        side = "pos" if evidence.score > 0 else "neg"
        name = f"rule_{kind}_{side}"
        feats.values[name] = abs(evidence.score)
        feats.spans[name] = cues
    for role in ("negation", "modality"):
        mine = [c for c in cues if c[2] == role]
        if mine:
            feats.values[f"rule_{role}"] = 1.0
            feats.spans[f"rule_{role}"] = mine


# --------------------------------------------------------------------------- the model


class FeatureRows(NamedTuple):
    """The features of one mention that a :class:`StanceModel` knows, in their order."""

    names: list[str]
    #: row of each feature in the model's weights
    index: np.ndarray
    values: np.ndarray


class StanceModel:
    """Multinomial logistic regression weights over :func:`mention_features`.

    Parameters
    ----------
    spec : mapping
        The JSON object written by ``tools/fit_stance.py``: ``features`` (names),
        ``coef`` (one row per class, one value per feature), ``intercept``, ``classes``
        and ``params`` (``window``).

    Examples
    --------
    >>> model = load_stance_model()
    >>> probs = model.probabilities(mention_features("We praise Smith.", [(10, 15)]))
    >>> round(float(probs.sum()), 6)
    1.0
    """

    def __init__(self, spec: Mapping[str, Any]) -> None:
        try:
            names = list(spec["features"])
            coef = np.asarray(spec["coef"], dtype=float)
            intercept = np.asarray(spec["intercept"], dtype=float)
            classes = tuple(spec["classes"])
            self.params = dict(spec.get("params", {}))
        except (KeyError, TypeError, ValueError) as err:
            raise InvalidLexiconError(
                f"The stance model is malformed ({err}); rerun tools/fit_stance.py."
            ) from None
        if classes != CLASSES or coef.shape != (len(CLASSES), len(names)):
            raise InvalidLexiconError(
                f"The stance model has classes {classes} and weights {coef.shape}; expected "
                f"{CLASSES} and (3, {len(names)}). Rerun tools/fit_stance.py."
            )
        self.index = {name: k for k, name in enumerate(names)}
        self.weights = coef.T.copy()  # (features, classes)
        self.intercept = intercept
        #: keyword arguments of :func:`mention_features` the model was fitted with
        self.feature_options = {
            k: self.params[k] for k in _FEATURE_OPTIONS if k in self.params
        }

    def rows(self, feats: Features) -> FeatureRows:
        """The features the model knows, in their order: names, weight rows and values.

        Compute them once and pass them to :meth:`probabilities` and
        :meth:`contributions` to score and explain one mention.
        """
        index = self.index
        names: list[str] = []
        idx: list[int] = []
        vals: list[float] = []
        for name, value in feats.values.items():
            k = index.get(name)
            if k is not None:
                names.append(name)
                idx.append(k)
                vals.append(value)
        return FeatureRows(names, np.array(idx, dtype=np.int64), np.array(vals, dtype=float))

    def logits(self, feats: Features, rows: FeatureRows | None = None) -> np.ndarray:
        """Class scores before the softmax (favor, against, none)."""
        _, idx, vals = self.rows(feats) if rows is None else rows
        return self.intercept + vals @ self.weights[idx]

    def probabilities(self, feats: Features, rows: FeatureRows | None = None) -> np.ndarray:
        """Class probabilities (favor, against, none)."""
        z = self.logits(feats, rows)
        z = np.exp(z - z.max())
        return z / z.sum()

    def contributions(self, feats: Features, label: int,
                      rows: FeatureRows | None = None) -> list[tuple[str, float]]:
        """Each feature's push toward class ``label`` against the mean of the others."""
        names, idx, vals = self.rows(feats) if rows is None else rows
        w = self.weights[idx]
        others = [c for c in range(len(CLASSES)) if c != label]
        push = vals * (w[:, label] - w[:, others].mean(axis=1))
        return list(zip(names, push.tolist(), strict=True))


@cache
def load_stance_model(name: str = "stance_model.json") -> StanceModel:
    """The shipped stance model (``lexicons/stance_model.json``), read once."""
    path = lexicon_path(name)
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InvalidLexiconError(
            f"Cannot read the stance model {path} ({err}); reinstall the package or rerun "
            "tools/fit_stance.py."
        ) from None
    return StanceModel(spec)


def softmax_score(probs: np.ndarray) -> float:
    """The signed score p(favor) - p(against), in [-1, 1]."""
    return float(math.fsum((probs[0], -probs[1])))
