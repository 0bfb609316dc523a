"""Evaluate quotation and speaker attribution on PolNeAR's brat files, sentence by sentence.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution of 2016 US election
news with its source, cue and content. This module reads a PolNeAR folder (``text/*.txt`` and
``attributions/*.ann``; the first annotator's file of each article) and compares
:func:`discourse.attribute_quotes` with it at the level of sentences:

- A sentence is **gold-attributed** when an attribution's content covers at least a quarter
  of it, or when the sentence holds that attribution's cue and part of its content. Its gold
  attribution is the one covering most of it (the one whose cue it holds first); nested
  attributions covering nearly as much ("X said, according to CNN") are kept beside it.
- **Recall**: gold-attributed sentences given a quote type other than ``none``; reported
  overall, for attributions whose cue is a verb of speech (:data:`SPEECH_CUES`), for direct
  quotes (content inside quotation marks) and for the rest.
- **Precision**: sentences given a quote type other than ``none`` that overlap any
  attribution (its content, cue or source); sentences touching spans the annotators set
  aside (``Discard``/``Discuss``) are left out.
- **Speaker accuracy** on recalled sentences with an annotated source: the speaker found
  matches the gold source, or the source of a nested attribution of the sentence
  (:func:`same_speaker`). A pronoun source ("he") is replaced by the
  nearest earlier annotated source that is not a pronoun; accuracy is also reported on those
  sentences alone.

Examples
--------
>>> same_speaker("Hillary Clinton", "Clinton’s running mate, Tim Kaine", None)
False
>>> same_speaker("Tim Kaine", "Clinton’s running mate, Tim Kaine", None)
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from discourse.errors import InputNotFoundError

__all__ = ["SPEECH_CUES", "GoldAttribution", "attribution_records", "evaluate_attribution",
           "read_brat", "same_speaker"]

#: Lemmas of the cues counted as verbs of speech (PolNeAR also has beliefs, intentions, polls).
SPEECH_CUES = frozenset({
    "say", "tell", "add", "ask", "state", "announce", "declare", "write", "tweet", "claim",
    "explain", "argue", "insist", "deny", "warn", "note", "report", "reply", "respond",
    "answer", "call", "accuse", "comment", "remark", "admit", "acknowledge", "suggest",
    "complain", "charge", "testify", "confirm", "repeat", "recall", "predict", "promise",
    "vow", "pledge", "urge", "continue", "concede", "contend", "maintain", "stress",
    "emphasize", "point", "quip", "joke", "shout", "yell", "scream", "mock", "praise",
    "criticize", "blast", "slam", "attack", "describe", "assert", "allege", "retort",
    "counter", "interject", "boast", "brag", "lament", "reiterate", "post",
    "speak", "talk", "question", "demand", "dismiss", "label", "refer",
})

_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_DROP = frozenset({
    "the", "a", "an", "his", "her", "their", "its", "mr", "mrs", "ms", "dr", "sen", "rep",
    "gov", "president", "former", "said", "says", "of", "for", "and", "'s", "’s",
})
_WORD = re.compile(r"[\w’'\-.]+")
_CUT = re.compile(r"\s(?:for|of|at|with|from|in|on|who|which|whose|that)\s|[,(—–]")
_DOUBLE_MARKS = '"“”'
_QUANTITY_OF = re.compile(
    r"^(?:(?:a|an|the|only|nearly|about|almost|some)\s+)*(?:[\w.%-]+\s+)?(?:majority|percent|"
    r"number|one|some|most|many|all|half|none|few|several|each|group|third|quarter|dozens|"
    r"hundreds|thousands|millions|two|three|four|five|six|seven|eight|nine|ten|\d+%?)\s+of\s+"
    r"(?:the\s+|\d+\s+)?", re.IGNORECASE)


@dataclass
class GoldAttribution:
    """One annotated attribution: each part is a list of ``(start, end)`` spans."""

    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    cue_text: str = ""


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for piece in field_.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def read_brat(path: str | Path, text: str) -> tuple[list[GoldAttribution], list[tuple[int, int]]]:
    """Read one PolNeAR ``.ann`` file.

    Returns
    -------
    attributions : list of GoldAttribution
    set_aside : list of (start, end)
        The spans labelled ``Discard`` or ``Discuss``.

    Examples
    --------
    >>> import tempfile, os
    >>> ann = ("T1\\tSource 0 3\\tBob\\nT2\\tCue 4 8\\tsaid\\nT3\\tContent 9 11\\thi\\n"
    ...        "E1\\tAttribution:T2 Source:T1 Cue:T2 Content:T3\\n")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "a.ann")
    ...     _ = open(p, "w").write(ann)
    ...     atts, aside = read_brat(p, "Bob said hi")
    >>> atts[0].source_text, atts[0].cue_text, atts[0].content
    ('Bob', 'said', [(9, 11)])
    """
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # the rest of a span text that holds a line break
        if line.startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            try:
                spans[fields[0]] = (label, _spans(offsets))
            except ValueError:
                continue
        elif line.startswith("E"):
            events.append(fields[1])
    out: list[GoldAttribution] = []
    for event in events:
        att = GoldAttribution()
        for arg in event.split():
            role, _, tid = arg.partition(":")
            if tid not in spans:
                continue
            got = spans[tid][1]
            if role == "Source":
                att.source += got
            elif role == "Cue":
                att.cue += got
            elif role.startswith("Content"):
                att.content += got
        att.source_text = " ".join(text[a:b] for a, b in att.source)
        att.cue_text = " ".join(text[a:b] for a, b in att.cue)
        if att.content:
            out.append(att)
    aside = [sp for label, sps in spans.values() if label in ("Discard", "Discuss") for sp in sps]
    return out, aside


def _overlap(spans: list[tuple[int, int]], a: int, b: int) -> int:
    return sum(max(0, min(y, b) - max(x, a)) for x, y in spans)


def _cue_lemma(cue: str) -> str:
    words = [w.lower() for w in _WORD.findall(cue)]
    words = [w for w in words if w not in {"has", "have", "had", "was", "were", "is", "are",
                                           "be", "been", "will", "would", "also", "not",
                                           "did", "does", "do", "later", "then"}]
    if not words:
        return ""
    w = words[0]
    irregular = {"said": "say", "told": "tell", "wrote": "write", "written": "write",
                 "spoke": "speak", "spoken": "speak", "says": "say", "tells": "tell"}
    if w in irregular:
        return irregular[w]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", ""), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)] + repl
            for cand in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
                if cand in SPEECH_CUES:
                    return cand
    return w


def _heads(source: str) -> set[str]:
    """The words that identify a source phrase: the last word of each comma-separated part
    before any prepositional complement, without titles or possessive endings."""
    heads: set[str] = set()
    # "A majority of voters", "52 percent of registered voters": the head follows "of".
    source = _QUANTITY_OF.sub("", source)
    for part in re.split(r"[,(]", source):
        part = _CUT.split(" " + part + " ")[0] if _CUT.search(" " + part + " ") else part
        words = [w.strip(".'’").lower() for w in _WORD.findall(part)]
        words = [re.sub(r"['’]s$", "", w) for w in words if w]
        kept = [w for w in words if w and w not in _DROP]
        if kept or words:
            heads.add((kept or words)[-1])  # "the president": a title is a head too
    return heads


def _norm(word: str) -> str:
    word = re.sub(r"['’]s$", "", word.lower().strip(".'’"))
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def same_speaker(found: str | None, gold: str, mention: str | None) -> bool:
    """Whether the speaker found names the gold source.

    True when a head word of the gold source phrase (:func:`_heads`, plural or singular)
    is a word of the speaker found or of ``mention``: the phrases that named it (in the
    sentence, or anywhere in the article: "the president" for Obama).
    """
    if not isinstance(found, str) or not found:
        return False
    words = {_norm(w) for w in _WORD.findall(found)}
    if isinstance(mention, str) and mention:
        words |= {_norm(w) for w in _WORD.findall(mention)} - {_norm(p) for p in _PRONOUNS}
    return any(_norm(h) in words for h in _heads(gold))


def _is_pronoun(source: str) -> bool:
    return source.strip().lower() in _PRONOUNS


def _gold_source(gold: GoldAttribution, text: str, named: list[tuple[int, str]]) -> str:
    """The gold source phrase, with three repairs: a source and cue swapped by the
    annotator ("said" as source) are swapped back; a relative pronoun ("who") becomes the
    phrase before it; a personal pronoun becomes the nearest earlier annotated source that
    is not a pronoun (one with a capitalised word for "he"/"she")."""
    source = gold.source_text
    swapped = _cue_lemma(gold.cue_text) not in SPEECH_CUES
    if source and swapped and _cue_lemma(source) in SPEECH_CUES:
        source = gold.cue_text
    if not source or not gold.source:
        return source
    at = gold.source[0][0]
    low = source.strip().lower()
    if low in _RELATIVES:
        before = text[max(0, at - 120) : at].rstrip(" ,")
        before = re.split(r"[.;:!?\n”\"]", before)[-1]
        return " ".join(before.split()[-6:])
    if low in _PRONOUNS:
        personal = low in ("he", "she", "him", "her", "i")
        cands = [t for a, t in named if a < at
                 and (not personal or any(w[:1].isupper() for w in t.split()[1:] + t.split()[:1]
                                          if w.lower() not in _DROP))]
        return cands[-1] if cands else ""
    return source


def _gold_for_sentence(atts: list[GoldAttribution], a: int, b: int) -> list[GoldAttribution]:
    """The gold attributions of a sentence, best first: the one whose content covers most
    of it, then nested ones covering about as much ("X said, according to CNN": both X
    and CNN are sources of the sentence)."""
    scored = []
    for att in atts:
        cov = _overlap(att.content, a, b)
        if cov <= 0:
            continue
        has_cue = _overlap(att.cue, a, b) > 0
        if not (cov >= 0.25 * (b - a) or has_cue):
            continue
        scored.append(((cov, has_cue), att))
    if not scored:
        return []
    scored.sort(key=lambda x: x[0], reverse=True)
    top = scored[0][0][0]
    return [att for (cov, _), att in scored if cov >= 0.8 * top]


def _articles(folder: Path) -> list[tuple[Path, Path]]:
    texts = folder / "text"
    anns = folder / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise InputNotFoundError(
            f"{folder} is not a PolNeAR folder: it needs text/ and attributions/ subfolders "
            "(for example .../polnear/dev)."
        )
    by_article: dict[str, list[Path]] = {}
    for ann in sorted(anns.glob("*.ann")):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    out = []
    for txt in sorted(texts.glob("*.txt")):
        if txt.stem in by_article:
            out.append((txt, by_article[txt.stem][0]))
    return out


def attribution_records(folder: str | Path, *, limit: int | None = None) -> Any:
    """One row per sentence of a PolNeAR folder: gold and found attribution side by side.

    Columns: ``article``, ``sentence_id``, ``text``, ``gold`` (bool), ``speech_cue``,
    ``direct`` (gold content in quotation marks), ``gold_source`` (after pronoun
    replacement), ``gold_pronoun``, ``gold_cue``, ``any_gold`` (touches any attribution),
    ``aside`` (touches a Discard/Discuss span), ``quote_type``, ``speaker``,
    ``speaker_mention``, ``reporting_verb``, ``correct_speaker``.
    """
    import pandas as pd

    from discourse.steps.quotes.attribution import attribute_quotes
    from discourse.text.reading import parse_text

    rows = []
    pairs = _articles(Path(folder))
    for txt, ann in pairs[:limit] if limit else pairs:
        text = txt.read_text(encoding="utf-8")
        atts, aside = read_brat(ann, text)
        article = parse_text(text)
        frame = attribute_quotes(article)
        # Every phrase that named each speaker in the article ("the president" for Obama).
        named_as = {e["speaker"]: " ".join(m for m in e["mentions"] if m.lower() not in _PRONOUNS)
                    for e in frame.attrs.get("speakers", [])}
        # Pronoun sources: the nearest earlier source that is not a pronoun.
        named = sorted((att.source[0][0], att.source_text) for att in atts
                       if att.source and not _is_pronoun(att.source_text)
                       and att.source_text.strip().lower() not in _RELATIVES)
        for s, found in zip(article.sentences, frame.itertuples(index=False), strict=True):
            a, b = s.start, s.end
            golds = _gold_for_sentence(atts, a, b)
            gold = golds[0] if golds else None
            any_gold = any(_overlap(t.content + t.cue + t.source, a, b) > 0 for t in atts)
            row: dict[str, Any] = {
                "article": txt.stem, "sentence_id": s.id, "text": text[a:b],
                "gold": gold is not None, "any_gold": any_gold,
                "aside": _overlap(aside, a, b) > 0,
                "quote_type": found.quote_type, "speaker": found.speaker,
                "speaker_mention": found.speaker_mention,
                "reporting_verb": found.reporting_verb,
                "speech_cue": False, "direct": False, "gold_source": None,
                "gold_pronoun": False, "gold_cue": None, "correct_speaker": None,
            }
            if gold is not None:
                inside = "".join(text[max(x, a) : min(y, b)] for x, y in gold.content)
                row["speech_cue"] = _cue_lemma(gold.cue_text) in SPEECH_CUES
                row["direct"] = any(c in inside for c in _DOUBLE_MARKS) or "''" in inside
                row["gold_cue"] = gold.cue_text
                source = _gold_source(gold, text, named)
                row["gold_pronoun"] = _is_pronoun(gold.source_text)
                row["gold_source"] = source or None
                if source and found.quote_type != "none":
                    mention = None if row["gold_pronoun"] else found.speaker_mention
                    words = " ".join(x for x in (mention, named_as.get(found.speaker))
                                     if isinstance(x, str)) or None
                    sources = [source] + [s for s in (_gold_source(g, text, named)
                                                      for g in golds[1:]) if s]
                    row["correct_speaker"] = any(same_speaker(found.speaker, s, words)
                                                 for s in sources)
            rows.append(row)
    return pd.DataFrame(rows)


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def evaluate_attribution(folder: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    """Sentence-level recall, precision and speaker accuracy on a PolNeAR folder.

    Parameters
    ----------
    folder : str or Path
        A PolNeAR compartment with ``text/`` and ``attributions/`` (train or dev).
    limit : int, optional
        Read only the first ``limit`` articles.

    Returns
    -------
    dict
        ``articles``, ``sentences``, ``gold_sentences``; ``recall``, ``recall_speech_cue``,
        ``recall_direct``, ``recall_other``; ``precision``, ``f1``; ``speaker_accuracy``,
        ``speaker_accuracy_direct``, ``speaker_accuracy_pronoun``; and the counts behind
        each (``n_*``). Also ``recall_by_type``: the share of recalled sentences per quote
        type found.

    Raises
    ------
    InputNotFoundError
        When ``folder`` lacks ``text/`` or ``attributions/``.
    """
    frame = attribution_records(folder, limit=limit)
    return summarise(frame)


def summarise(frame: Any) -> dict[str, Any]:
    """The figures of :func:`evaluate_attribution` from its per-sentence records."""
    found = frame["quote_type"] != "none"
    gold = frame["gold"]
    out: dict[str, Any] = {
        "articles": int(frame["article"].nunique()),
        "sentences": len(frame),
        "gold_sentences": int(gold.sum()),
    }
    for name, sel in (("", gold), ("_speech_cue", gold & frame["speech_cue"]),
                      ("_direct", gold & frame["direct"]), ("_other", gold & ~frame["direct"])):
        out[f"recall{name}"] = _ratio(int((sel & found).sum()), int(sel.sum()))
        out[f"n_recall{name}"] = int(sel.sum())
    judged = found & ~frame["aside"]
    out["precision"] = _ratio(int((judged & frame["any_gold"]).sum()), int(judged.sum()))
    out["n_precision"] = int(judged.sum())
    r, p = out["recall"] or 0.0, out["precision"] or 0.0
    out["f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    scored = frame["correct_speaker"].notna()
    for name, sel in (("", scored), ("_direct", scored & frame["direct"]),
                      ("_pronoun", scored & frame["gold_pronoun"])):
        hits = int(frame.loc[sel, "correct_speaker"].astype(bool).sum())
        out[f"speaker_accuracy{name}"] = _ratio(hits, int(sel.sum()))
        out[f"n_speaker{name}"] = int(sel.sum())
    recalled = frame[gold & found]
    out["recall_by_type"] = {k: round(v, 4) for k, v in
                             recalled["quote_type"].value_counts(normalize=True).items()}
    return out
