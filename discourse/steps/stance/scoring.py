"""Explainable stance toward named targets, sentence by sentence.

A *target* is something an article can be for or against ("a negotiated settlement",
"the use of force"), named by glob patterns and phrases (see
:mod:`~discourse.steps.stance.targets`)::

    use_of_force: [by force, use of force, military solution, shell*]

:func:`score_stance` gives, for every sentence and target, a stance (``favor``,
``against`` or ``none``), a score in [-1, 1] and the *cues* behind it: the words that
fired, with their character offsets and their role:

``target``
    a mention of the target (a pattern match, or "this"/"it" pointing back to the
    previous sentence's target in the same paragraph);
``predicate``
    a stance predicate linked to the mention: a verb or noun whose object or subject it is
    ("support the settlement", "relations have been developing", "abandoning attempts to
    resolve the crisis by force"), an evaluative word next to it or predicated of it
    ("meaningful cooperation", "the talks were constructive"), or a target-specific cue
    from the targets file;
``negation``
    a negation in the predicate's scope ("does not support" flips the direction);
``modality``
    deontic modality (must, should, necessary, precondition, urge) in the same clause:
    it intensifies a linked predicate, and alone marks the target it governs as favoured;
``sentiment``
    the weak fallback used only when no predicate is linked: the sentence's sentiment
    (a numeric ``sentiment_score`` column of the input, if any) or its evaluative words,
    scaled by 0.3.

The link between a predicate and a target is found without a parser, from word order:
the nearest predicate before the mention in the same clause governs it as its object
(composed with the predicates governing that predicate, so "abandoning attempts to
resolve X by force" is against force and "refuse to support X" against X); else the
nearest predicate after it, in the same clause, takes it as its subject (change-of-state
verbs directly, other verbs through the polarity of their object: "games increase
aggression" is against the games). The word lists are in
``lexicons/stance_predicates.yaml``, with their sources.

Other stance models plug in through :class:`StanceScorer`: any callable taking the
sentence table and the :class:`~discourse.steps.stance.targets.Targets` and returning the same long
table. Benchmark evaluation is in :mod:`discourse.steps.stance.evaluation`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, runtime_checkable

from discourse.errors import InvalidLexiconError, InvalidOptionError
from discourse.lexicon.dictionary import Dictionary, TextTokens, load_dictionary, normalize_word
from discourse.lexicon.resources import load_lexicon
from discourse.memo import per_analysis
from discourse.steps.stance.model import (
    CLASSES,
    Evidence,
    FeatureRows,
    Features,
    load_stance_model,
    mention_features,
)
from discourse.steps.stance.targets import Target, Targets, TargetsLike, load_targets
from discourse.text.inputs import sentence_frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PROBABILITY_COLUMNS",
    "STANCE_COLUMNS",
    "STANCE_LABELS",
    "LearnedStanceScorer",
    "LexicalStanceScorer",
    "StanceScorer",
    "ZeroShotStanceScorer",
    "score_stance",
    "stance_by_section",
    "stance_columns",
    "stance_tables",
]

#: Columns every stance table has (``section_id`` follows when the input has it).
STANCE_COLUMNS = ("sentence_id", "target", "stance", "score", "cues")
#: The stance labels, in order.
STANCE_LABELS = ("favor", "against", "none")
#: Roles a cue can have.
CUE_ROLES = ("target", "predicate", "negation", "modality", "sentiment", "context", "lexicon",
             "hypothesis")

# --------------------------------------------------------------------------- lexicon

#: Cue classes of the predicate lexicon.
_PREDICATE_CLASSES = ("transitive", "ergative", "nouns", "effect")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Closed-class words the linking rules look at.
_BE = _wordset("is are was were be been being am 's get gets got become becomes")
_COPULA = _BE | _wordset("remain remains remained seem seems seemed appear appears")
_DETERMINERS = _wordset("the a an this that these those its their his her our my your")
_CONTRAST = _wordset("but however although though whereas yet unless")
_INSTRUMENT = _wordset("by through via using")
_EVALUATIVE = frozenset(("evaluative", "evaluative_nouns"))
# Words that cannot stand between an adjective and the noun it modifies.
_NP_BREAK = _DETERMINERS | _BE | _wordset(
    "to for with by from in on at as than that which who not no"
)
# A "this" / "it" followed by these is a pronoun ("This is necessary"), not a determiner.
_PRONOUN_NEXT = _wordset(
    """is was will would can could should must may might has had have means meant shows
    showed requires required makes made helps helped allows allowed gives gave remains
    seems becomes became needs led leads"""
)
_NEGATION_BREAKERS = _wordset("only just merely simply doubt")
# Between two words: a clause break; after a "this" / "it": punctuation that ends its phrase.
_CLAUSE_GAP = re.compile(r"[;:()\[\]—–]|\s-\s")
_PRONOUN_GAP = re.compile(r"[.,;:!?\"”)]")


class _Cue(NamedTuple):
    i: int  # first token
    j: int  # one past the last token
    kind: str  # transitive, ergative, nouns, effect, evaluative(_nouns), negation, modality
    polarity: int  # +1 favor, -1 against, 0 for negation / modality / effect
    governs: int = 0  # sign applied to a governed predicate (+1 for pass-through verbs)


def _inflect(lemma: str, irregular: Mapping[str, list[str]]) -> list[str]:
    """The lemma and its -s, -ed and -ing forms (first word of a phrase inflected)."""
    first, _, rest = lemma.partition(" ")
    if first in irregular:
        forms = [first, *irregular[first]]
    elif "*" in first:
        forms = [first]
    elif first.endswith("e"):
        forms = [first, first + "s", first + "d", first[:-1] + "ing"]
    elif first.endswith("y") and first[-2:-1] not in "aeiou":
        forms = [first, first[:-1] + "ies", first[:-1] + "ied", first + "ing"]
    elif first.endswith(("s", "sh", "ch", "x", "z")):
        forms = [first, first + "es", first + "ed", first + "ing"]
    else:
        forms = [first, first + "s", first + "ed", first + "ing"]
    return [f"{f} {rest}" if rest else f for f in forms]


class _Lexicon(NamedTuple):
    """The predicate lexicon as a keyword dictionary: one category per cue value."""

    dictionary: Dictionary
    values: dict[str, tuple[str, int, int]]  # category -> (kind, polarity, governs)

    def find(self, words: list[str]) -> list[tuple[int, int, tuple[str, int, int]]]:
        """Cues ``(i, j, value)``, left to right; each token in one cue at most."""
        return [(m.first, m.last, self.values[m.category])
                for m in self.dictionary.find(words, nested_scope="dictionary")]


@cache
def _lexicon(name: str = "stance_predicates.yaml") -> _Lexicon:
    """Build the cue matcher from the predicate lexicon; conflicting entries are errors."""
    lex = load_lexicon(name)
    irregular = lex.get("irregular", {})
    entries: dict[str, tuple[str, int, int]] = {}
    passing = {
        form for lemma in lex.get("pass_through", []) for form in _inflect(lemma, irregular)
    }

    def add(entry: str, kind: str, polarity: int) -> None:
        key = normalize_word(entry)
        old = entries.get(key)
        value = (kind, polarity, 1 if key in passing else polarity)
        if old is not None and old != value:
            raise InvalidLexiconError(
                f"Lexicon {name}: {entry!r} is listed as both {old[:2]} and {value[:2]}."
            )
        entries[key] = value

    for side, polarity in (("favor", 1), ("against", -1)):
        for kind in ("transitive", "ergative", "nouns", "evaluative", "evaluative_nouns"):
            for entry in lex[side].get(kind, []):
                forms = (
                    _inflect(entry, irregular)
                    if kind in ("transitive", "ergative")
                    else [entry]
                )
                for form in forms:
                    add(form, kind, polarity)
    for entry in lex.get("effect", []):
        for form in _inflect(entry, irregular):
            add(form, "effect", 0)
    for kind in ("negation", "modality"):
        for entry in lex.get(kind, []):
            add(entry, kind, 0)
    # One category per cue value, in order of appearance; "pro-" is a prefix ("pro-*").
    groups: dict[tuple[str, int, int], list[str]] = {}
    for key, value in entries.items():
        prefix = key.endswith("-") and " " not in key
        groups.setdefault(value, []).append(f"{key}*" if prefix else key)
    return _Lexicon(
        load_dictionary({" ".join(map(str, v)): keys for v, keys in groups.items()}),
        {" ".join(map(str, v)): v for v in groups},
    )


# --------------------------------------------------------------------------- one sentence


@dataclass
class _Sentence:
    """A sentence tokenised once, with its lexicon cues and clause structure."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    cues: list[_Cue]
    clause: list[int]  # clause index of each token
    commas: list[int]  # commas before each token
    pronouns: list[int]  # tokens read as anaphoric "this" / "it"

    @classmethod
    def analyse(cls, text: str, lexicon: _Lexicon) -> _Sentence:
        tokens = TextTokens(text)
        words = tokens.words
        starts = [a for a, _ in tokens.spans]
        ends = [b for _, b in tokens.spans]
        clause, commas = [], []
        c = n = 0
        prev_end = 0
        for k, word in enumerate(words):
            gap = text[prev_end:starts[k]]
            if (gap and gap != " " and _CLAUSE_GAP.search(gap)) or word in _CONTRAST:
                c += 1
            n += gap.count(",")
            clause.append(c)
            commas.append(n)
            prev_end = ends[k]
        cues = []
        for i, j, (kind, pol, governs) in lexicon.find(words):
            if kind in ("transitive", "ergative") and j - i == 1 and i > 0:
                # "the end of the year", "the value of": a noun, not a verb, unless it
                # heads a prepositional object ("the increase in", "a ban on").
                w = words[i]
                nxt = words[j] if j < len(words) else ""
                if (words[i - 1] in _DETERMINERS and not w.endswith(("ing", "ed"))
                        and nxt not in ("in", "for", "to", "on")):
                    continue
            if kind == "negation" and j < len(words) and words[j] in _NEGATION_BREAKERS:
                continue
            cues.append(_Cue(i, j, kind, pol, governs))
        pronouns = []
        for k, word in enumerate(words):
            if word not in ("this", "that", "it"):
                continue
            nxt = words[k + 1] if k + 1 < len(words) else ""
            after_gap = text[ends[k]:starts[k + 1]] if k + 1 < len(words) else "."
            if word == "it" and nxt in _BE and any(
                w in ("to", "that") for w in words[k + 2:k + 5]
            ):
                continue  # "it is important to ...": expletive
            if _PRONOUN_GAP.search(after_gap) or nxt in _PRONOUN_NEXT or word == "it":
                pronouns.append(k)
        return cls(text, starts, ends, words, cues, clause, commas, pronouns)

    def span(self, char_start: int, char_end: int) -> tuple[int, int]:
        """Token range ``[i, j)`` covering a character range."""
        return bisect_right(self.ends, char_start), bisect_left(self.starts, char_end)

    def same_clause(self, a: int, b: int) -> bool:
        return self.clause[min(a, len(self.clause) - 1)] == self.clause[
            min(b, len(self.clause) - 1)
        ]


class _Contribution(NamedTuple):
    value: float
    cues: tuple[tuple[_Cue, str], ...]  # (cue, role)


def _negated(s: _Sentence, cue: _Cue, floor: int) -> _Cue | None:
    """A negation within two words before ``cue`` (not before token ``floor``)."""
    for other in s.cues:
        if other.kind != "negation" or other.j > cue.i or other.j < floor:
            continue
        if cue.i - other.j <= 2 and s.same_clause(other.i, cue.i):
            between = [c for c in s.cues if other.j <= c.i < cue.i and c.kind in _PRED_KINDS]
            if not between:
                return other
    return None


_PRED_KINDS = frozenset(_PREDICATE_CLASSES)
_WINDOW_LEFT = 8
_WINDOW_RIGHT = 12


class LexicalStanceScorer:
    """The built-in, explainable stance scorer (see the module docstring).

    Parameters
    ----------
    min_score : float
        Absolute score from which a sentence is ``favor`` / ``against`` (else ``none``).
    sentiment_weight : float
        Weight of the sentence-sentiment fallback (used only when no predicate links).
    sentiment_column : str or None
        Numeric input column to use as the sentence sentiment; ``"auto"`` takes the first
        of ``sentiment_score``, ``sentiment``, ``vader_compound`` that is numeric, else
        the sentence's evaluative words from the lexicon; ``None`` uses the words only.
    require_mention : bool
        If ``False``, the sentiment fallback also applies to sentences that do not mention
        the target (for texts known to be about it, e.g. claims on a debate topic).
    anaphora : bool
        Read "this" / "it" / "that" as the previous sentence's target within a paragraph
        (needs a ``paragraph_id`` column, as an Article's table has).
    lexicon : str
        File name of the predicate lexicon in ``discourse/lexicons/``.

    Examples
    --------
    >>> import pandas as pd
    >>> scorer = LexicalStanceScorer(min_score=0.5)
    >>> sentences = pd.DataFrame({"sentence_id": [0], "text": ["Ties have deepened."]})
    >>> scorer(sentences, load_targets({"ties": ["ties"]}))[["stance", "score"]].values.tolist()
    [['favor', 0.7435]]
    """

    def __init__(
        self,
        *,
        min_score: float = 0.1,
        sentiment_weight: float = 0.3,
        sentiment_column: str | None = "auto",
        require_mention: bool = True,
        anaphora: bool = True,
        lexicon: str = "stance_predicates.yaml",
    ) -> None:
        if not 0 <= min_score < 1:
            raise InvalidOptionError(f"min_score={min_score!r} must be in [0, 1).")
        if not 0 <= sentiment_weight <= 1:
            raise InvalidOptionError(
                f"sentiment_weight={sentiment_weight!r} must be in [0, 1]."
            )
        self.min_score = min_score
        self.sentiment_weight = sentiment_weight
        self.sentiment_column = sentiment_column
        self.require_mention = require_mention
        self.anaphora = anaphora
        self.lexicon = _lexicon(lexicon)
        self._last: tuple[str, _Sentence] | None = None  # the sentence analysed last

    # -- linking ---------------------------------------------------------------------

    def _left(self, s: _Sentence, preds: list[_Cue], a: int) -> _Contribution | None:
        """The predicate governing a mention starting at token ``a`` as its object."""
        best = None
        for p in preds:
            if p.j <= a and p.kind != "effect" and a - p.j <= _WINDOW_LEFT \
                    and s.same_clause(p.i, a) and s.commas[a] == s.commas[p.j - 1]:
                best = p
        if best is None:
            return None
        dist = a - best.j
        between = s.words[best.j:a + 1]
        direction = best.polarity
        if dist > 0 and any(w in _INSTRUMENT for w in between[1:]):
            # The target is the means of an action: "resolve the crisis by force" uses
            # force (+1) whatever the verb; "abandon attempts to take X by force" has an
            # unknown action after "to", governed by the predicate found.
            direction = best.polarity if "to" in between[:-1] else 1
        cues: list[tuple[_Cue, str]] = [(best, "predicate")]
        neg = _negated(s, best, 0)
        if neg is not None:
            direction, cues = -direction, [*cues, (neg, "negation")]
        # Compose with the predicates governing this one ("abandon attempts to X").
        cur = best
        for _ in range(3):
            gov = None
            for q in preds:
                if q.j <= cur.i and q.kind != "effect" and cur.i - q.j <= 4 \
                        and s.same_clause(q.i, cur.i) and s.commas[cur.i] == s.commas[q.j - 1]:
                    gov = q
            if gov is None:
                break
            sign = gov.governs
            cues.append((gov, "predicate"))
            neg = _negated(s, gov, 0)
            if neg is not None:
                sign, cues = -sign, [*cues, (neg, "negation")]
            direction *= sign
            cur = gov
        weight = 1.0 - 0.5 * dist / _WINDOW_LEFT
        return _Contribution(direction * weight, tuple(cues))

    def _object_polarity(self, s: _Sentence, p: _Cue, depth: int = 0) -> tuple[int, list]:
        """Polarity of what follows predicate ``p`` (its object), with the cues used."""
        for c in s.cues:
            if c.i < p.j or c.i - p.j > 5 or not s.same_clause(p.i, c.i):
                continue
            if "to" in s.words[p.j:c.i]:
                break  # an infinitive or a "to" phrase: no longer the object
            if c.kind in _EVALUATIVE:
                pol, cues = c.polarity, [(c, "predicate")]
            elif c.kind in _PRED_KINDS and depth < 2:
                inner, inner_cues = self._object_polarity(s, c, depth + 1)
                if not inner:
                    continue
                sign = 1 if c.kind == "effect" else c.polarity
                pol, cues = sign * inner, [(c, "predicate"), *inner_cues]
            else:
                continue
            neg = _negated(s, c, p.j)
            if neg is not None:
                pol, cues = -pol, [*cues, (neg, "negation")]
            return pol, cues
        return 0, []

    def _right(
        self, s: _Sentence, preds: list[_Cue], b: int, inherent: int
    ) -> _Contribution | None:
        """The predicate taking a mention ending before token ``b`` as its subject.

        ``inherent`` is the polarity of the mention's own words: a change of state of
        something bad ("shelling continued") is a report, not a stance.
        """
        for p in preds:
            if p.i < b or p.i - b > _WINDOW_RIGHT or not s.same_clause(b - 1, p.i):
                continue
            if (s.commas[p.i] - s.commas[b - 1]) % 2:
                continue  # an odd number of commas: not a parenthesis, another clause
            if p.kind == "nouns":
                continue
            obj, obj_cues = self._object_polarity(s, p)
            passive = p.kind == "transitive" and s.words[p.i].endswith(("ed", "en", "t")) and any(
                w in _BE for w in s.words[max(b, p.i - 3):p.i]
            )
            if p.kind == "effect":
                direction = obj
            elif p.kind == "ergative":
                if inherent < 0:
                    return None
                direction = p.polarity * (obj or 1)
            elif passive:
                direction, obj_cues = p.polarity, []
            else:
                direction = p.polarity * obj
            if not direction:
                return None
            cues = [(p, "predicate"), *obj_cues]
            neg = _negated(s, p, b)
            if neg is not None:
                direction, cues = -direction, [*cues, (neg, "negation")]
            weight = 1.0 - 0.5 * (p.i - b) / _WINDOW_RIGHT
            return _Contribution(direction * weight, tuple(cues))
        return None

    def _evaluative(self, s: _Sentence, a: int, b: int) -> list[_Contribution]:
        out = []
        for e in s.cues:
            if e.kind not in _EVALUATIVE:
                continue
            attributive = e.kind == "evaluative" and e.j <= a and a - e.j <= 2 \
                and s.commas[a] == s.commas[e.j - 1] \
                and not any(w in _NP_BREAK for w in s.words[e.j:a])
            predicative = e.i >= b and e.i - b <= 6 and s.same_clause(b - 1, e.i) and any(
                w in _COPULA for w in s.words[b:e.i]
            ) and e.i - max(k for k in range(b, e.i) if s.words[k] in _COPULA) <= 3
            if not (attributive or predicative):
                continue
            direction, cues = e.polarity, [(e, "predicate")]
            neg = _negated(s, e, b if predicative else 0)
            if neg is not None:
                direction, cues = -direction, [*cues, (neg, "negation")]
            out.append(_Contribution(0.8 * direction, tuple(cues)))
        return out

    def _modality(self, s: _Sentence, a: int, b: int, near: Iterable[int]) -> _Cue | None:
        """A deontic cue in the same clause within six words of any token in ``near``."""
        spots = list(near)
        for c in s.cues:
            if c.kind == "modality" and any(
                s.same_clause(c.i, t) and min(abs(c.i - t), abs(c.j - 1 - t)) <= 6
                for t in spots
            ):
                return c
        return None

    def _modal_only(self, s: _Sentence, a: int, b: int) -> _Contribution | None:
        """Favor for a target governed by deontic modality alone ("X is necessary")."""
        for c in s.cues:
            if c.kind != "modality" or not s.same_clause(c.i, a):
                continue
            before = c.j <= a and a - c.j <= 6
            after = c.i >= b and c.i - b <= 4 and any(w in _COPULA for w in s.words[b:c.i])
            if not (before or after):
                continue
            cues: list[tuple[_Cue, str]] = [(c, "modality")]
            direction = 1
            for n in s.cues:
                inside = (before and c.j <= n.i < a) or (after and b <= n.i < c.i)
                if n.kind == "negation" and (inside or (n.j <= c.i and c.i - n.j <= 1)):
                    direction, cues = -1, [*cues, (n, "negation")]
                    break
            return _Contribution(0.5 * direction, tuple(cues))
        return None

    def _score_mentions(
        self, s: _Sentence, mentions: list[tuple[int, int]]
    ) -> list[_Contribution]:
        preds = [
            c for c in s.cues
            if c.kind in _PRED_KINDS and not any(c.i < b and a < c.j for a, b in mentions)
        ]
        out: list[_Contribution] = []
        for a, b in mentions:
            inherent = sum(c.polarity for c in s.cues if c.kind in _EVALUATIVE and a <= c.i < b)
            found = self._left(s, preds, a) or self._right(s, preds, b, inherent)
            evals = self._evaluative(s, a, b)
            if found is not None:
                pred_tokens = [c.i for c, role in found.cues if role == "predicate"]
                modal = self._modality(s, a, b, [a, *pred_tokens])
                if modal is not None:
                    found = _Contribution(found.value * 1.5, (*found.cues, (modal, "modality")))
                out.append(found)
            out.extend(evals)
            if found is None and not evals:
                modal_only = self._modal_only(s, a, b)
                if modal_only is not None:
                    out.append(modal_only)
        return out

    # -- the table -------------------------------------------------------------------

    def _sentiment_values(self, sentences: pd.DataFrame) -> list[float] | None:
        import pandas as pd

        names: tuple[str, ...]
        if self.sentiment_column is None:
            return None
        if self.sentiment_column == "auto":
            names = ("sentiment_score", "sentiment", "vader_compound")
        else:
            if self.sentiment_column not in sentences.columns:
                raise InvalidOptionError(
                    f"sentiment_column={self.sentiment_column!r} is not a column of the "
                    f"sentence table (columns: {list(sentences.columns)})."
                )
            names = (self.sentiment_column,)
        for name in names:
            if name in sentences.columns and pd.api.types.is_numeric_dtype(sentences[name]):
                return [
                    0.0 if v != v else max(-1.0, min(1.0, float(v)))  # NaN -> 0
                    for v in sentences[name].tolist()
                ]
        if self.sentiment_column != "auto":
            raise InvalidOptionError(
                f"Column {self.sentiment_column!r} is not numeric; pass a numeric sentiment "
                "score column (e.g. 'sentiment_score')."
            )
        return None

    def __call__(self, sentences: pd.DataFrame, targets: Targets) -> pd.DataFrame:
        import pandas as pd

        texts, ids, offsets, paragraphs = _sentence_columns(sentences, self.anaphora)
        sentiment = self._sentiment_values(sentences)
        rows = []
        previous: set[str] = set()
        for row, text in enumerate(texts):
            s = _Sentence.analyse(text, self.lexicon)
            base = int(offsets[row]) if offsets[row] == offsets[row] else 0
            same_par = (
                paragraphs is not None and row > 0 and paragraphs[row] == paragraphs[row - 1]
            )
            mentioned_here: set[str] = set()
            for target in targets.values():
                stance, score, cues, mentioned, _ = self._one(
                    s, target, same_par and target.name in previous,
                    None if sentiment is None else sentiment[row],
                )
                if mentioned == "direct":
                    mentioned_here.add(target.name)
                rows.append((ids[row], target.name, stance, score,
                             _cue_dicts(s, cues, base), mentioned is not None))
            previous = mentioned_here
        return pd.DataFrame(rows, columns=[*STANCE_COLUMNS, "mentioned"])

    def evidence(
        self, text: str, target: Target, *, antecedent: bool = False
    ) -> tuple[list[tuple[int, int]], Evidence, str | None]:
        """The rules' findings for one target in one sentence, as model inputs.

        Returns the character spans of the target's mentions (pattern matches, or "this" /
        "it" when ``antecedent`` says the previous sentence mentioned the target), the
        :class:`~discourse.steps.stance.model.Evidence` (score, non-target cues, whether a
        predicate was linked) and how the target was mentioned (``"direct"``,
        ``"anaphora"`` or ``None``). The sentence-sentiment fallback reads the sentence's
        own evaluative words (no sentiment column).

        Examples
        --------
        >>> scorer = LexicalStanceScorer()
        >>> target = load_targets({"force": ["use of force"]})["force"]
        >>> spans, ev, how = scorer.evidence("Russia rejects the use of force.", target)
        >>> spans, ev.cues, ev.linked, ev.score < 0, how
        ([(19, 31)], ((7, 14, 'predicate'),), True, True, 'direct')
        """
        if self._last is None or self._last[0] != text:
            self._last = (text, _Sentence.analyse(text, self.lexicon))
        s = self._last[1]
        _, score, cues, how, linked = self._one(s, target, antecedent, None)
        mentions = [(a, b) for a, b, role, _ in cues if role == "target"]
        others = tuple((a, b, role) for a, b, role, _ in cues if role != "target")
        return mentions, Evidence(score, others, linked), how

    def _one(
        self, s: _Sentence, target: Target, antecedent: bool, sentiment: float | None
    ) -> tuple[str, float, list[tuple[int, int, str, int]], str | None, bool]:
        """Stance, score, cues (char start, end, role, polarity), how it was mentioned and
        whether a predicate was linked (not the sentiment fallback)."""
        mentions: list[tuple[int, int]] = []
        cues: list[tuple[int, int, str, int]] = []
        if target.regex is not None:
            for m in target.regex.finditer(s.text):
                i, j = s.span(m.start(), m.end())
                if i < j:
                    mentions.append((i, j))
                    cues.append((m.start(), m.end(), "target", 0))
        how = "direct" if mentions else None
        if not mentions and antecedent and s.pronouns:
            mentions = [(k, k + 1) for k in s.pronouns]
            cues = [(s.starts[k], s.ends[k], "target", 0) for k in s.pronouns]
            how = "anaphora"
        contributions = self._score_mentions(s, _merge(mentions)) if mentions else []
        linked = bool(contributions)
        for rx, sign in ((target.favor_regex, 1), (target.against_regex, -1)):
            if rx is None:
                continue
            for m in rx.finditer(s.text):
                i, j = s.span(m.start(), m.end())
                if i >= j:
                    continue
                how = how or "direct"
                cues.append((m.start(), m.end(), "predicate", sign))
                neg = _negated(s, _Cue(i, j, "specific", sign), 0)
                direction = -sign if neg is not None else sign
                found = ((neg, "negation"),) if neg is not None else ()
                contributions.append(_Contribution(float(direction), found))
                linked = True
        if not contributions and (how is not None or not self.require_mention):
            contributions = self._fallback(s, sentiment, mentions)
        total = sum(c.value for c in contributions)
        score = round(math.tanh(total), 4)
        for contribution in contributions:
            for cue, role in contribution.cues:
                if role == "sentiment" and cue.kind == "sentence":
                    cues.append((0, len(s.text), role, cue.polarity))
                else:
                    cues.append((s.starts[cue.i], s.ends[cue.j - 1], role, cue.polarity))
        if score >= self.min_score:
            stance = "favor"
        elif score <= -self.min_score:
            stance = "against"
        else:
            stance = "none"
        return stance, score, cues, how, linked

    def _fallback(
        self, s: _Sentence, sentiment: float | None, mentions: list[tuple[int, int]]
    ) -> list[_Contribution]:
        """Sentence sentiment: the input column, else the polar words outside mentions."""
        if sentiment is not None:
            if not sentiment:
                return []
            cue = _Cue(0, 0, "sentence", 1 if sentiment > 0 else -1)
            return [_Contribution(self.sentiment_weight * sentiment, ((cue, "sentiment"),))]
        # Polar words outside the mentions; an evaluative word governed by a predicate
        # takes the predicate's direction too ("prevent diseases" is positive).
        free = [c for c in s.cues if not any(c.i < b and a < c.j for a, b in mentions)]
        governing: set[_Cue] = set()
        signs: list[int] = []
        used: list[tuple[_Cue, str]] = []
        for e in free:
            if e.kind not in _EVALUATIVE:
                continue
            sign = e.polarity
            gov = None
            for p in free:
                if p.kind in _PRED_KINDS and p.polarity and p.j <= e.i and e.i - p.j <= 3 \
                        and s.same_clause(p.i, e.i):
                    gov = p
            if gov is not None:
                governing.add(gov)
                sign *= gov.polarity
                used.append((gov, "sentiment"))
            if _negated(s, e, gov.j if gov is not None else 0) is not None:
                sign = -sign
            signs.append(sign)
            used.append((e, "sentiment"))
        # Unlinked attitude verbs and nouns count too; change-of-state verbs ("continued")
        # describe rather than evaluate when nothing links them.
        for p in free:
            if p.kind in ("transitive", "nouns") and p.polarity and p not in governing:
                signs.append(-p.polarity if _negated(s, p, 0) is not None else p.polarity)
                used.append((p, "sentiment"))
        if not signs:
            return []
        value = self.sentiment_weight * sum(signs) / len(signs)
        return [_Contribution(value, tuple(used))] if value else []


#: Columns the learned scorer adds: the class probabilities.
PROBABILITY_COLUMNS = ("p_favor", "p_against", "p_none")
#: The columns of the learned scorer's table.
LEARNED_COLUMNS = (*STANCE_COLUMNS, "mentioned", *PROBABILITY_COLUMNS)
_MAX_CUES = 6
_WORDLIKE = re.compile(r"\w")
_ROLE_ORDER = ("predicate", "negation", "modality", "sentiment", "lexicon", "context")


class LearnedStanceScorer:
    """The default scorer: a logistic regression over the words around each mention.

    For every sentence and target, the target's mentions are found with its patterns (and
    "this" / "it" after a sentence that mentioned it, as in :class:`LexicalStanceScorer`),
    masked, and described by :func:`discourse.steps.stance.model.mention_features`: the words
    and bigrams within a few words of the mention, the words of the sentence, the
    corrected sentiment-lexicon scores near the mention and in the sentence, where the
    mention stands, and the predicate rules' findings (:meth:`LexicalStanceScorer.evidence`)
    as features. The weights (``lexicons/stance_model.json``, fitted by
    ``tools/fit_stance.py`` on NewsMTSC) give class probabilities; the stance is the most
    probable class, the score ``p_favor - p_against``.

    Rules and model are combined in three documented ways: the rules' score is a feature
    of the model (the weight it learned); when the rules link predicates to the mention
    with a score of at least ``rule_strength`` in magnitude (a direct predicate confirmed
    by another, e.g. "boosting cooperation ... one of the priorities") and the model calls
    the opposite direction, the rules' direction wins (chosen so that it changes no call
    on the NewsMTSC dev files, where persons seldom get such evidence: it is meant for
    policy targets); and a target-specific ``favor`` / ``against`` cue of the targets file,
    in a sentence that does not mention the target, decides alone (the model needs a
    mention to look around).

    The cues of a call are the target's mentions (role ``target``, weight 0) and the words
    that pushed most toward the class chosen (up to six, ``weight`` = their push in
    log-odds): ``context`` words, ``lexicon`` words, and the rules' ``predicate``,
    ``negation``, ``modality`` and ``sentiment`` cues.

    Parameters
    ----------
    model : str
        File name of the model in ``discourse/lexicons/``.
    anaphora : bool
        Read "this" / "it" as the previous sentence's target within a paragraph.
    lexicon : str
        Predicate lexicon of the rules.
    rule_strength : float or None
        Rules' score from which they overrule an opposite model call; ``None``: never.
    require_mention : bool
        If ``False``, a sentence that does not mention the target is scored too, from its
        words and lexicon scores alone (for texts known to be about the target: claims on
        a debate topic, tweets on a hashtag); else it is ``none``.

    Examples
    --------
    >>> import pandas as pd
    >>> sentences = pd.DataFrame({"sentence_id": [0, 1], "text": [
    ...     "Critics slammed Smith for the disastrous delay.",
    ...     "Smith praised the hard-working volunteers."]})
    >>> table = LearnedStanceScorer()(sentences, load_targets({"smith": ["Smith"]}))
    >>> table["stance"].tolist()
    ['against', 'favor']
    """

    def __init__(
        self,
        *,
        model: str = "stance_model.json",
        anaphora: bool = True,
        lexicon: str = "stance_predicates.yaml",
        rule_strength: float | None = 0.9,
        require_mention: bool = True,
    ) -> None:
        if rule_strength is not None and not 0 < rule_strength <= 1:
            raise InvalidOptionError(
                f"rule_strength={rule_strength!r} must be in (0, 1], or None to never let "
                "the rules overrule the model."
            )
        self.rule_strength = rule_strength
        self.require_mention = require_mention
        self.model = load_stance_model(model)
        self.rules = LexicalStanceScorer(anaphora=anaphora, sentiment_column=None,
                                         lexicon=lexicon)
        self.anaphora = anaphora

    def call(self, text: str, target: Target, *, antecedent: bool = False) -> dict[str, Any]:
        """Stance of one sentence toward one target: a row of the table without ids.

        Cue offsets are into ``text``. ``mentioned`` is ``"direct"``, ``"anaphora"`` or
        ``None``.

        Examples
        --------
        >>> target = load_targets({"force": ["by force"]})["force"]
        >>> row = LearnedStanceScorer().call(
        ...     "They abandoned attempts to resolve the crisis by force.", target)
        >>> row["stance"], "abandoned" in [c["text"] for c in row["cues"]]
        ('against', True)
        """
        return _learned_call(self, text, target, antecedent)

    def _call(self, text: str, target: Target, antecedent: bool) -> dict[str, Any]:
        if self.require_mention and not _may_mention(text, target, antecedent):
            return _row("none", 0.0, (0.0, 0.0, 1.0), [], text, None)
        mentions, evidence, how = self.rules.evidence(text, target, antecedent=antecedent)
        targets = [(a, b, "target", 0.0) for a, b in mentions]
        if not mentions and self.require_mention:
            if how is None or not evidence.score:
                return _row("none", 0.0, (0.0, 0.0, 1.0), [], text, how)
            # a target-specific cue without a mention: the rules decide
            p = abs(evidence.score)
            label = "favor" if evidence.score > 0 else "against"
            probs = (p, 0.0, 1 - p) if evidence.score > 0 else (0.0, p, 1 - p)
            cues = [(a, b, role, evidence.score) for a, b, role in evidence.cues]
            stance = label if p >= self.rules.min_score else "none"
            return _row(stance, evidence.score, probs, cues, text, how)
        feats = mention_features(text, mentions, evidence, **self.model.feature_options)
        rows = self.model.rows(feats)  # once, for the call and for its cues
        probs = self.model.probabilities(feats, rows)
        label = int(probs.argmax())
        score = float(probs[0] - probs[1])
        rule = 0 if evidence.score > 0 else 1
        if (self.rule_strength is not None and evidence.linked and label == 1 - rule
                and abs(evidence.score) >= self.rule_strength):
            # strong linked rules overrule an opposite model call (see the class docstring)
            label, score = rule, evidence.score
        cues = targets + self._cues(text, feats, label, evidence, rows)
        return _row(CLASSES[label], score, tuple(probs.tolist()), cues, text, how)

    def _cues(
        self, text: str, feats: Features, label: int, evidence: Evidence,
        rows: FeatureRows | None = None,
    ) -> list[tuple]:
        """The words that pushed the call most, with their push (log-odds)."""
        weights: dict[tuple[int, int], float] = {}
        roles: dict[tuple[int, int], set[str]] = {}
        all_spans = feats.spans
        for name, push in self.model.contributions(feats, label, rows):
            if push <= 0:
                continue
            spans = all_spans.get(name)
            if not spans:
                continue
            share = push / len(spans)
            for a, b, role in spans:
                key = (a, b)
                old = weights.get(key)
                if old is None:
                    weights[key] = share
                    roles[key] = {role}
                else:
                    weights[key] = old + share
                    roles[key].add(role)
        # one cue per word, the most specific of its roles (a rule's role before "lexicon")
        # punctuation pushes too, but explains nothing to a reader: not a cue
        ranked = sorted(((span, w) for span, w in weights.items()
                         if _WORDLIKE.search(text, span[0], span[1])),
                        key=lambda kv: -kv[1])[:_MAX_CUES]
        out: list[tuple] = [
            (a, b, min(roles[(a, b)], key=_ROLE_ORDER.index), round(w, 4))
            for (a, b), w in ranked
        ]
        seen = {(a, b) for a, b, _, _ in out}
        direction = {0: 1, 1: -1}.get(label, 0)
        if direction and evidence.linked and evidence.score * direction > 0:
            # the rules agree with the call: all their cues explain it
            for a, b, role in evidence.cues:
                if (a, b) not in seen:
                    seen.add((a, b))
                    out.append((a, b, role, 0.0))
        return out

    def __call__(self, sentences: pd.DataFrame, targets: Targets) -> pd.DataFrame:
        return _table(self.rows(sentences, targets), list(LEARNED_COLUMNS))

    def rows(self, sentences: pd.DataFrame, targets: Targets) -> list[tuple]:
        """The rows of the table :meth:`__call__` returns, as tuples of
        :data:`LEARNED_COLUMNS` (for callers that need no DataFrame of them)."""
        texts, ids, offsets, paragraphs = _sentence_columns(sentences, self.anaphora)
        rows = []
        previous: set[str] = set()
        for k, text in enumerate(texts):
            base = int(offsets[k]) if offsets[k] == offsets[k] else 0
            same_par = paragraphs is not None and k > 0 and paragraphs[k] == paragraphs[k - 1]
            here: set[str] = set()
            lowered = text.lower()
            pronoun = same_par and _PRONOUN.search(text) is not None
            for target in targets.values():
                if self.require_mention and not target.could_match(lowered) and not (
                        pronoun and target.name in previous):
                    rows.append((ids[k], target.name, "none", 0.0, [], False, 0.0, 0.0, 1.0))
                    continue
                row = self.call(text, target, antecedent=same_par and target.name in previous)
                if row["mentioned"] == "direct":
                    here.add(target.name)
                # new dicts: the row may be shared with a repeated sentence (per_analysis)
                cues = [{**cue, "start": cue["start"] + base, "end": cue["end"] + base}
                        for cue in row["cues"]]
                rows.append((ids[k], target.name, row["stance"], row["score"], cues,
                             row["mentioned"] is not None, *row["probabilities"]))
            previous = here
        return rows


@per_analysis  # a sentence repeated in a document is scored once per target
def _learned_call(scorer: LearnedStanceScorer, text: str, target: Target,
                  antecedent: bool) -> dict[str, Any]:
    return scorer._call(text, target, antecedent)


def _table(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """The stance table from its rows, built column by column (faster than from rows)."""
    import pandas as pd

    if not rows:
        return pd.DataFrame([], columns=columns)
    return _frame(dict(zip(columns, zip(*rows, strict=True), strict=True)))


def _frame(columns: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """The stance table from its columns (not empty)."""
    import numpy as np
    import pandas as pd

    data: dict[str, Any] = {}
    for name, column in columns.items():
        if name == "cues":
            data[name] = pd.Series(column, dtype=object)
        elif name in ("score", *PROBABILITY_COLUMNS):
            data[name] = np.asarray(column, dtype=np.float64)
        else:
            data[name] = list(column)
    return pd.DataFrame(data)


def _sentence_columns(sentences: pd.DataFrame, anaphora: bool) -> tuple[list, list, list, Any]:
    """Texts, ids, start offsets and (for anaphora) paragraph ids of a sentence table."""
    texts = sentences["text"].tolist()
    if not all(type(t) is str for t in texts):  # exactly str, as astype(str) gives
        texts = sentences["text"].astype(str).tolist()
    ids = sentences["sentence_id"].tolist()
    offsets = sentences["start"].tolist() if "start" in sentences.columns else [0] * len(ids)
    paragraphs = (sentences["paragraph_id"].tolist()
                  if anaphora and "paragraph_id" in sentences.columns else None)
    return texts, ids, offsets, paragraphs


_PRONOUN = re.compile(r"\b(?:this|that|it)\b", re.IGNORECASE)


def _may_mention(text: str, target: Target, antecedent: bool) -> bool:
    """Whether a pattern or cue of the target, or an anaphoric pronoun, can be in ``text``.

    A cheap test before the sentence is analysed: most sentences mention no target.
    """
    if antecedent and _PRONOUN.search(text) is not None:
        return True
    if not target.could_match(text.lower()):
        return False
    return any(rx is not None and rx.search(text) is not None
               for rx in (target.regex, target.favor_regex, target.against_regex))


def _row(
    stance: str, score: float, probs: tuple[float, ...], cues: list[tuple], text: str,
    how: str | None,
) -> dict[str, Any]:
    direction = {"favor": 1, "against": -1}.get(stance, 0)
    out = []
    for a, b, role, weight in sorted(cues, key=lambda c: (c[0], c[1], c[2])):
        out.append({"text": text[a:b], "start": a, "end": b, "role": role,
                    "weight": float(weight),
                    "polarity": 0 if role == "target" else direction})
    return {"stance": stance, "score": round(max(-1.0, min(1.0, score)), 4),
            "probabilities": tuple(round(p, 4) for p in probs), "cues": out,
            "mentioned": how}


#: Default candidate labels of :class:`ZeroShotStanceScorer`, per stance.
ZERO_SHOT_LABELS = {"favor": "in favor of", "against": "against", "none": "neutral toward"}


class ZeroShotStanceScorer:
    """Stance from a zero-shot NLI classifier the user has on their own machine.

    ``classifier`` is any callable with the interface of a Hugging Face
    ``zero-shot-classification`` pipeline: ``classifier(sequences, candidate_labels,
    hypothesis_template=...)`` returns, per sequence, a dict with ``labels`` and ``scores``
    (a list of them for a list of sequences). Nothing is downloaded here; build the
    pipeline yourself, e.g. ``transformers.pipeline("zero-shot-classification",
    model="/path/to/an/nli-model")``.

    Each sentence that mentions the target (by its patterns) is classified with the
    hypothesis ``hypothesis_template`` in which ``{target}`` is the target's label and
    ``{}`` each candidate label ("The text is in favor of the use of force."); the stance
    is the most probable label, the score ``p_favor - p_against``. Sentences that do not
    mention the target are ``none`` unless ``require_mention=False``.

    Cues: the target's mentions (role ``target``) and one ``hypothesis`` cue per class,
    spanning the sentence, with the filled-in ``hypothesis`` and its probability as
    ``weight``.

    Parameters
    ----------
    classifier : callable
        The zero-shot classification pipeline (or anything with its interface).
    hypothesis_template : str
        Must contain ``{}`` (the candidate label); may contain ``{target}``.
    labels : mapping
        Candidate label text per stance (keys favor, against, none).
    require_mention : bool
        Classify only sentences that mention the target.

    Examples
    --------
    >>> import pandas as pd
    >>> def fake(sequences, candidate_labels, hypothesis_template):
    ...     return [{"sequence": s, "labels": list(reversed(candidate_labels)),
    ...              "scores": [0.7, 0.2, 0.1]} for s in sequences]
    >>> scorer = ZeroShotStanceScorer(fake)
    >>> frame = pd.DataFrame({"sentence_id": [0], "text": ["Talks resumed."]})
    >>> scorer(frame, load_targets({"talks": ["talks"]}))["stance"].tolist()
    ['none']
    """

    def __init__(
        self,
        classifier: Any,
        *,
        hypothesis_template: str = "The text is {} {target}.",
        labels: Mapping[str, str] = ZERO_SHOT_LABELS,
        require_mention: bool = True,
    ) -> None:
        if not callable(classifier):
            raise InvalidOptionError(
                f"classifier must be callable like a zero-shot-classification pipeline, got "
                f"{type(classifier).__name__}."
            )
        if "{}" not in hypothesis_template:
            raise InvalidOptionError(
                f"hypothesis_template={hypothesis_template!r} needs '{{}}' for the candidate "
                "label (and may use '{target}'), e.g. 'The text is {} {target}.'"
            )
        if set(labels) != set(STANCE_LABELS):
            raise InvalidOptionError(
                f"labels must map each of {list(STANCE_LABELS)} to a candidate label, got "
                f"{list(labels)}."
            )
        self.classifier = classifier
        self.hypothesis_template = hypothesis_template
        self.labels = dict(labels)
        self.require_mention = require_mention

    def _classify(self, texts: list[str], target: Target) -> list[dict[str, float]]:
        template = self.hypothesis_template.replace("{target}", target.label)
        candidates = [self.labels[k] for k in STANCE_LABELS]
        out = self.classifier(texts, candidate_labels=candidates,
                              hypothesis_template=template)
        if isinstance(out, Mapping):
            out = [out]
        if len(out) != len(texts):
            raise InvalidOptionError(
                f"The zero-shot classifier returned {len(out)} results for {len(texts)} "
                "sentences; it must return one {labels, scores} dict per sequence."
            )
        by_text = {v: k for k, v in self.labels.items()}
        probs = []
        for result in out:
            try:
                p = {by_text[label]: float(score)
                     for label, score in zip(result["labels"], result["scores"], strict=True)}
            except (KeyError, TypeError, ValueError):
                raise InvalidOptionError(
                    "The zero-shot classifier must return {'labels': [...], 'scores': [...]} "
                    f"with the candidate labels {candidates}; got {result!r:.200}."
                ) from None
            total = sum(p.values()) or 1.0
            probs.append({k: p.get(k, 0.0) / total for k in STANCE_LABELS})
        return probs

    def __call__(self, sentences: pd.DataFrame, targets: Targets) -> pd.DataFrame:
        import pandas as pd

        texts = sentences["text"].astype(str).tolist()
        ids = sentences["sentence_id"].tolist()
        offsets = sentences["start"].tolist() if "start" in sentences.columns else [0] * len(ids)
        rows = []
        for target in targets.values():
            mentions = [
                [m.span() for m in target.regex.finditer(t)] if target.regex is not None else []
                for t in texts
            ]
            chosen = [k for k, m in enumerate(mentions) if m or not self.require_mention]
            probs = dict(zip(chosen, self._classify([texts[k] for k in chosen], target)
                             if chosen else [], strict=True))
            template = self.hypothesis_template.replace("{target}", target.label)
            for k, text in enumerate(texts):
                base = int(offsets[k]) if offsets[k] == offsets[k] else 0
                p = probs.get(k)
                cues = [{"text": text[a:b], "start": base + a, "end": base + b,
                         "role": "target", "weight": 0.0, "polarity": 0}
                        for a, b in mentions[k]]
                if p is None:
                    rows.append((ids[k], target.name, "none", 0.0, cues, bool(mentions[k]),
                                 0.0, 0.0, 1.0))
                    continue
                stance = max(STANCE_LABELS, key=lambda lab: p[lab])
                for label in STANCE_LABELS:
                    cues.append({"text": text, "start": base, "end": base + len(text),
                                 "role": "hypothesis",
                                 "hypothesis": template.replace("{}", self.labels[label]),
                                 "weight": round(p[label], 4),
                                 "polarity": {"favor": 1, "against": -1}.get(label, 0)})
                score = round(p["favor"] - p["against"], 4)
                rows.append((ids[k], target.name, stance, score, cues, bool(mentions[k]),
                             round(p["favor"], 4), round(p["against"], 4), round(p["none"], 4)))
        table = pd.DataFrame(rows, columns=[*STANCE_COLUMNS, "mentioned", *PROBABILITY_COLUMNS])
        order = {sid: k for k, sid in enumerate(ids)}
        table["_order"] = table["sentence_id"].map(order)
        table = table.sort_values("_order", kind="stable").drop(columns="_order")
        return table.reset_index(drop=True)


def _merge(mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join mentions that touch or are one word apart ("violent video games to minors")."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(mentions)):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _cue_dicts(
    s: _Sentence, cues: list[tuple[int, int, str, int]], base: int
) -> list[dict[str, Any]]:
    seen = set()
    out = []
    for start, end, role, polarity in sorted(cues):
        if (start, end, role) in seen:
            continue
        seen.add((start, end, role))
        out.append({"text": s.text[start:end], "start": base + start, "end": base + end,
                    "role": role, "weight": float(polarity), "polarity": polarity})
    return out


# --------------------------------------------------------------------------- public API


@runtime_checkable
class StanceScorer(Protocol):
    """A stance model: takes the sentence table and the targets, returns the long table.

    The sentence table has at least ``sentence_id`` and ``text`` (and ``start``,
    ``section_id``, ``paragraph_id`` for an article). The result must have the columns
    :data:`STANCE_COLUMNS`: one row per sentence and target, ``stance`` in
    :data:`STANCE_LABELS`, ``score`` in [-1, 1], and ``cues`` a list (possibly empty) of
    ``{text, start, end, role}`` dicts. A zero-shot NLI model wraps easily: score each
    (sentence, target label) pair and return empty cue lists.
    """

    def __call__(self, sentences: pd.DataFrame, targets: Targets) -> pd.DataFrame: ...


def _check_result(result: Any, scorer: Any, sentences: pd.DataFrame, targets: Targets) -> None:
    import pandas as pd

    name = getattr(scorer, "__name__", type(scorer).__name__)
    if not isinstance(result, pd.DataFrame):
        raise InvalidOptionError(
            f"The stance scorer {name} returned {type(result).__name__}, not a DataFrame "
            f"with the columns {list(STANCE_COLUMNS)}."
        )
    missing = [c for c in STANCE_COLUMNS if c not in result.columns]
    if missing:
        raise InvalidOptionError(
            f"The stance scorer {name} returned a table without the column(s) {missing}; "
            f"it must return {list(STANCE_COLUMNS)} (found {list(result.columns)})."
        )
    bad = sorted(set(result["stance"].dropna()) - set(STANCE_LABELS))
    if bad or result["stance"].isna().any():
        raise InvalidOptionError(
            f"The stance scorer {name} returned stance values {bad or ['<missing>']}; use "
            f"{', '.join(STANCE_LABELS)}."
        )
    scores = pd.to_numeric(result["score"], errors="coerce")
    if scores.isna().any() or (scores.abs() > 1).any():
        raise InvalidOptionError(
            f"The stance scorer {name} returned scores that are missing, not numeric or "
            "outside [-1, 1]."
        )
    unknown = sorted(set(result["target"]) - set(targets))
    if unknown:
        raise InvalidOptionError(
            f"The stance scorer {name} returned unknown target(s) {unknown}; the targets "
            f"are {list(targets)}."
        )
    stray = set(result["sentence_id"]) - set(sentences["sentence_id"])
    if stray:
        raise InvalidOptionError(
            f"The stance scorer {name} returned sentence ids not in the input: "
            f"{sorted(stray)[:5]}."
        )
    if not all(isinstance(c, list) for c in result["cues"]):
        raise InvalidOptionError(
            f"The stance scorer {name} returned 'cues' that are not lists; use a list of "
            "{text, start, end, role} dicts per row (an empty list is fine)."
        )


def score_stance(
    data: Any,
    targets: TargetsLike,
    *,
    scorer: StanceScorer | None = None,
) -> pd.DataFrame:
    """Stance of every sentence toward every target, with the cues that explain it.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str or str
        Anything :func:`discourse.text.inputs.sentence_frame` accepts. A numeric
        ``sentiment_score`` column (e.g. from :func:`discourse.score_sentiment`)
        is used as the weak sentiment fallback.
    targets : Targets, mapping, path or YAML text
        See :func:`discourse.steps.stance.targets.load_targets`.
    scorer : StanceScorer, optional
        Another stance model; default :class:`LexicalStanceScorer`. Its table is checked.

    Returns
    -------
    pandas.DataFrame
        One row per sentence and target: ``sentence_id``, ``target``, ``stance`` (favor /
        against / none), ``score`` in [-1, 1], ``cues`` (list of ``{text, start, end, role,
        polarity}``; offsets into the article text when the input has a ``start`` column,
        else into the sentence), ``mentioned`` (the built-in scorer), and ``section_id``
        when the input has it.

    Examples
    --------
    >>> table = score_stance(
    ...     ["Moscow does not support the use of force.", "Talks resumed."],
    ...     {"use_of_force": ["use of force", "military solution"]},
    ... )
    >>> table[["sentence_id", "stance"]].values.tolist()
    [[0, 'against'], [1, 'none']]
    >>> [(c["text"], c["role"]) for c in table["cues"][0]]  # doctest: +NORMALIZE_WHITESPACE
    [('does', 'context'), ('not', 'negation'), ('support', 'predicate'), ('the', 'context'),
     ('use of force', 'target')]
    """
    frame = sentence_frame(data)
    loaded = load_targets(targets)
    model = scorer if scorer is not None else LearnedStanceScorer()
    result = model(frame, loaded)
    if scorer is not None:
        _check_result(result, scorer, frame, loaded)
    result = result.reset_index(drop=True)
    if "section_id" in frame.columns and "section_id" not in result.columns:
        result["section_id"] = _section_ids(frame, result["sentence_id"].tolist())
    return result


def _section_ids(sentences: pd.DataFrame, row_ids: list[Any]) -> list[Any]:
    """The ``section_id`` of the sentence of each row (None for an unknown sentence)."""
    sections = dict(zip(sentences["sentence_id"].tolist(), sentences["section_id"].tolist(),
                        strict=False))
    return [sections.get(i) for i in row_ids]


def stance_tables(
    sentences: pd.DataFrame, targets: Targets, scorer: StanceScorer | None = None,
) -> tuple[pd.DataFrame, dict[str, list[Any]], pd.DataFrame]:
    """What the stance step makes: the stance table, the stance per sentence per target
    and the per-section table.

    The same as :func:`score_stance`, :func:`stance_columns` (in the order of
    ``sentences``) and :func:`stance_by_section`, in one pass: with the default scorer
    the stance per sentence and the sections come from the rows, not from the table.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"sentence_id": [0, 1], "text": ["We support the talks.", "Hi."]})
    >>> long, wide, sections = stance_tables(frame, load_targets({"talks": ["talks"]}))
    >>> wide, sections["favor"].tolist()
    ({'talks': ['favor', 'none']}, [1])
    """
    ids = sentences["sentence_id"].tolist()
    if scorer is not None:
        long = score_stance(sentences, targets, scorer=scorer)
        columns = _wide_columns(long["sentence_id"].tolist(), long["target"].tolist(),
                                long["stance"].tolist(), ids)
        return long, columns, stance_by_section(long)
    rows = LearnedStanceScorer().rows(sentences, targets)
    names = list(LEARNED_COLUMNS)
    values = [list(column) for column in zip(*rows, strict=True)] if rows else [
        [] for _ in names]
    by = dict(zip(names, values, strict=True))
    if "section_id" in sentences.columns:
        by["section_id"] = _section_ids(sentences, by["sentence_id"])
        names.append("section_id")
    long = _frame(by) if rows else _table([], names)
    columns = _wide_columns(by["sentence_id"], by["target"], by["stance"], ids)
    keys = ["section_id", "target"] if "section_id" in by else ["target"]
    return long, columns, _sections_table({k: by[k] for k in keys}, by["stance"],
                                          by["score"], by["mentioned"])


def stance_columns(
    long: pd.DataFrame, *, values: Literal["stance", "score"] = "stance",
    sentence_ids: Sequence[Any] | None = None,
) -> pd.DataFrame:
    """Pivot a stance table into one ``stance_<target>`` column per target.

    Indexed by ``sentence_id`` (the table's own, sorted, or ``sentence_ids`` in their
    order, NaN where the table has no row); ``values="score"`` gives
    ``stance_score_<target>``.

    Examples
    --------
    >>> long = score_stance(["We support the talks."], {"talks": ["talks"]})
    >>> stance_columns(long).to_dict("records")
    [{'stance_talks': 'favor'}]
    """
    import pandas as pd

    from discourse.errors import check_choice

    check_choice("values", values, ("stance", "score"))
    prefix = "stance_" if values == "stance" else "stance_score_"
    row_ids = long["sentence_id"].tolist()
    ids = sorted(set(row_ids)) if sentence_ids is None else list(sentence_ids)
    columns = _wide_columns(row_ids, long["target"].tolist(), long[values].tolist(), ids)
    return pd.DataFrame({f"{prefix}{t}": v for t, v in columns.items()},
                        index=pd.Index(ids, name="sentence_id"))


def _wide_columns(row_ids: list, targets: list, values: list,
                  ids: list) -> dict[str, list[Any]]:
    """Per target, its value for each of ``ids`` (NaN where the rows have none)."""
    # One look-up per sentence and target: a pandas pivot costs more than the scoring.
    found = dict(zip(zip(row_ids, targets, strict=True), values, strict=True))
    if len(found) < len(row_ids):
        raise ValueError("the stance table has several rows for a (sentence_id, target) pair")
    return {t: [found.get((i, t), float("nan")) for i in ids] for t in dict.fromkeys(targets)}


def stance_by_section(long: pd.DataFrame) -> pd.DataFrame:
    """Counts per stance and the net stance per target (and per section, if known).

    Columns: ``section_id`` (when the table has it), ``target``, ``sentences``,
    ``mentioned`` (sentences mentioning the target, when known), ``favor``,
    ``against``, ``none``, ``net`` (favor − against) and ``mean_score`` (mean score of
    the favor / against sentences; NaN if there are none).

    Examples
    --------
    >>> long = score_stance(["We support the talks.", "They reject the talks."],
    ...                     {"talks": ["talks"]})
    >>> stance_by_section(long)[["target", "favor", "against", "net"]].values.tolist()
    [['talks', 1, 1, 0]]
    """
    keys = ["section_id", "target"] if "section_id" in long.columns else ["target"]
    return _sections_table(
        {k: long[k].tolist() for k in keys}, long["stance"].tolist(), long["score"].tolist(),
        long["mentioned"].tolist() if "mentioned" in long.columns else None)


def _sections_table(by: dict[str, list], stances: list[str], scores: list[float],
                    mentioned: list[bool] | None) -> pd.DataFrame:
    """:func:`stance_by_section` from the table's columns as lists (``by``: the group keys,
    ``section_id`` and ``target`` or ``target`` alone)."""
    import pandas as pd

    keys = list(by)
    # One pass over plain lists: a pandas groupby per (section, target) costs more than the
    # scoring itself on long articles.
    slot = {label: 2 + k for k, label in enumerate(STANCE_LABELS)}
    groups: dict[tuple[Any, ...], int] = {}
    counts: list[list[int]] = []  # per group: sentences, mentioned, then STANCE_LABELS
    scored: list[list[float]] = []  # per group: the scores of its favor / against rows
    flags = mentioned if mentioned is not None else [False] * len(stances)
    for key, label, score, flag in zip(zip(*by.values(), strict=True), stances, scores, flags,
                                       strict=True):
        g = groups.get(key)
        if g is None:
            g = groups[key] = len(counts)
            counts.append([0] * (2 + len(STANCE_LABELS)))
            scored.append([])
        row = counts[g]
        row[0] += 1
        if flag:
            row[1] += 1
        k = slot.get(label)
        if k is not None:
            row[k] += 1
        if label != "none":
            scored[g].append(score)
    order = ["section_id", "target"] if "section_id" in keys else ["target"]
    names = [*order, "sentences", *(["mentioned"] if mentioned is not None else []),
             *STANCE_LABELS, "net", "mean_score"]
    if not counts:
        return pd.DataFrame([], columns=names)
    ordered = list(groups.items())
    if "section_id" in keys:  # by section, stable: the targets keep their order within each
        at = keys.index("section_id")
        ordered.sort(key=lambda item: item[0][at])
    data: dict[str, list[Any]] = {name: [key[keys.index(name)] for key, _ in ordered]
                                  for name in order}
    rows = [counts[g] for _, g in ordered]
    data["sentences"] = [row[0] for row in rows]
    if mentioned is not None:
        data["mentioned"] = [row[1] for row in rows]
    for label, k in slot.items():
        data[label] = [row[k] for row in rows]
    data["net"] = [row[slot["favor"]] - row[slot["against"]] for row in rows]
    data["mean_score"] = [float(sum(scored[g]) / len(scored[g])) if scored[g] else float("nan")
                          for _, g in ordered]
    return pd.DataFrame(data)
