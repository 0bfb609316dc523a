"""An HTML report of one analysis: the annotated article, summary tables and charts.

The article is shown as written, each sentence tinted by its sentiment, marked by its quote
type and speaker, with stance badges, keyword highlights and topic segment boundaries; the
summary tables and (optionally) the charts follow. The page is self-contained: inline CSS,
no scripts, no external resources (charts are embedded as ``data:`` PNG images).

Safety: the article text is untrusted. The template is rendered with autoescaping, and the
annotated sentences are assembled from pieces each passed through :func:`markupsafe.escape`
and joined with tags this module writes; no input text is ever inserted unescaped.
"""

from __future__ import annotations

import base64
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from discourse.errors import InvalidOptionError

if TYPE_CHECKING:
    import jinja2

    from discourse.analysis import Analysis
    from discourse.text.spans import Article, Paragraph, Sentence

__all__ = ["prepare_template", "render_html", "write_html"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SCORE_COLUMNS = ("sentiment_score", "polarity", "vader_compound")
_SCORE_NAMES = {"sentiment_score": "combined score", "polarity": "TextBlob polarity",
                "vader_compound": "VADER compound score"}
_TINT_STEPS = (0.05, 0.2, 0.4, 0.6)  # |score| at which tint levels 1-4 start
_SPEECH = ("direct", "indirect", "mixed")
_CHART_CAPTIONS = {
    "sentiment_arc": "Sentiment of each sentence in reading order (thin lines: each sentence; "
                     "thick lines: rolling mean); dashed lines separate sections.",
    "keyword_rates": "Keyword rate per 1,000 words in each section (hatched: hits inside "
                     "proper names).",
    "dispersion": "Where each keyword category occurs in the article (one tick per hit, "
                  "in reading order).",
    "stance": "Stance toward each target. By section: the colour is the net stance (favor − "
              "against sentences, as a share of the section's sentences), the cells count "
              "favor (+) and against (−) sentences, and “·” marks a section with neither. "
              "One section: bars of favor sentences to the right, against to the left.",
    "segments": "Topic segments and the sentences they span, with their key phrases.",
    "speakers": "Sentences attributed to each speaker, by quote type.",
    "subjectivity": "TextBlob subjectivity against polarity, by quote type.",
}
_CHART_TITLES = {
    "sentiment_arc": "Sentiment arc", "keyword_rates": "Keyword rates",
    "dispersion": "Keyword dispersion", "stance": "Stance toward targets",
    "segments": "Topic segments", "speakers": "Speakers", "subjectivity": "Subjectivity",
}
MIN_WORDS_FOR_RATE = 100  # a rate per 1,000 words from fewer words is flagged
_FEW_WORDS = "†"
_MARKER_NAMES = {"hedges": "Hedges", "boosters": "Boosters",
                 "attitude_markers": "Attitude markers", "self_mentions": "Self-mentions",
                 "engagement_markers": "Engagement markers"}


# -- template ---------------------------------------------------------------------------------

@cache
def _template() -> jinja2.Template:
    from importlib import resources

    import jinja2

    text = (resources.files("discourse.report") / "templates" / "report.html.j2").read_text(
        encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=False, lstrip_blocks=False)
    return env.from_string(text)


def prepare_template() -> None:
    """Import jinja2 and compile the report's template now (once per process), e.g. while
    waiting for charts drawn in other processes, so that the report is written sooner.

    Examples
    --------
    >>> prepare_template()
    """
    _template()


# -- per-sentence data ------------------------------------------------------------------------

def _rows(analysis: Analysis) -> dict[int, dict[str, Any]]:
    frame = analysis.sentences
    if "sentence_id" not in frame:
        return {}
    return {int(r["sentence_id"]): r for r in frame.to_dict("records")}


def _value(row: Mapping[str, Any], key: str) -> Any:
    value = row.get(key)
    if value is None:
        return None
    try:
        if value != value:  # NaN, pd.NA raises
            return None
    except TypeError:
        return None
    return value


def _score(row: Mapping[str, Any]) -> float | None:
    for column in _SCORE_COLUMNS:
        value = _value(row, column)
        if isinstance(value, (int, float)) and math.isfinite(value):
            return float(value)
    return None


def _tint(score: float | None) -> str | None:
    if score is None or abs(score) < _TINT_STEPS[0]:
        return None
    level = sum(abs(score) >= step for step in _TINT_STEPS)
    return f"{'pos' if score > 0 else 'neg'}{level}"


def _stance_by_sentence(analysis: Analysis) -> dict[int, list[tuple[str, str]]]:
    from discourse.views import stance_long, target_label, target_labels

    long = stance_long(analysis)
    names = target_labels(analysis)
    out: dict[int, list[tuple[str, str]]] = {}
    for sid, target, stance in long[["sentence_id", "target", "stance"]].itertuples(index=False):
        label = str(stance).lower()
        if label in ("favor", "against"):
            out.setdefault(int(sid), []).append((target_label(str(target), names), label))
    return out


def _cue_spans(analysis: Analysis, article: Article) -> dict[int, list[tuple[int, int, str]]]:
    """Article offsets of stance cues by sentence, when the stance table lists them."""
    table = analysis.tables.get("stance")
    if table is None or not {"sentence_id", "cues"} <= set(table.columns):
        return {}
    starts = {s.id: (s.start, s.end) for s in article.sentences}
    out: dict[int, list[tuple[int, int, str]]] = {}
    for sid, cues in table[["sentence_id", "cues"]].itertuples(index=False):
        if int(sid) not in starts or not isinstance(cues, (list, tuple)):
            continue
        s_start, s_end = starts[int(sid)]
        for cue in cues:
            span = _locate(article.text, cue, s_start, s_end)
            if span is not None:
                role = cue.get("role")
                polarity = cue.get("polarity")
                note = "stance cue" + (f": {role}" if isinstance(role, str) else "") + (
                    f" ({polarity:+d})" if isinstance(polarity, int) and polarity else "")
                out.setdefault(int(sid), []).append((*span, note))
    return out


def _locate(text: str, cue: Any, s_start: int, s_end: int) -> tuple[int, int] | None:
    # Cue offsets may be absolute or relative to the sentence: keep the reading that
    # points at the cue's own text inside the sentence.
    if not isinstance(cue, Mapping):
        return None
    start, end, words = cue.get("start"), cue.get("end"), cue.get("text")
    if not isinstance(start, int) or not isinstance(end, int) or start >= end:
        return None
    for a, b in ((start, end), (s_start + start, s_start + end)):
        if s_start <= a < b <= s_end and (not isinstance(words, str) or text[a:b] == words):
            return a, b
    return None


# -- annotated text ---------------------------------------------------------------------------

def _annotate(text: str, start: int, end: int,
              spans: Iterable[tuple[int, int, str, str]]) -> Markup:
    """Escape ``text[start:end]``, wrapping the spans ``(a, b, open_tag, close_tag)``.

    Overlapping spans are split at every boundary so that the tags always nest.
    """
    spans = [(max(a, start), min(b, end), o, c) for a, b, o, c in spans
             if min(b, end) > max(a, start)]
    cuts = sorted({start, end, *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    out = []
    for a, b in itertools.pairwise(cuts):
        active = [(o, c) for x, y, o, c in spans if x <= a and b <= y]
        piece = escape(text[a:b])
        out.append(Markup("").join([*(Markup(o) for o, _ in active), piece,
                                    *(Markup(c) for _, c in reversed(active))]))
    return Markup("").join(out)


def _attr(value: Any) -> Markup:
    return escape(str(value))


def _tooltip(row: Mapping[str, Any], stance: Sequence[tuple[str, str]]) -> str:
    lines = []
    quote = _value(row, "quote_type")
    speaker = _value(row, "speaker")
    if quote in _SPEECH:
        lines.append(f"{quote.capitalize()} speech" + (f": {speaker}" if speaker else ""))
    parts = []
    for column, name in (("sentiment_score", "combined"), ("polarity", "TextBlob polarity"),
                         ("subjectivity", "subjectivity"), ("vader_compound", "VADER")):
        value = _value(row, column)
        if isinstance(value, (int, float)):
            parts.append(f"{name} {value:+.2f}" if column != "subjectivity"
                         else f"{name} {value:.2f}")
    label = _value(row, "sentiment")
    if parts:
        lines.append("Sentiment" + (f" ({label})" if label else "") + ": " + ", ".join(parts))
    if stance:
        lines.append("Stance: " + "; ".join(
            f"{'in favor of' if s == 'favor' else 'against'} {t}" for t, s in stance))
    segment = _value(row, "segment_id")
    if segment is not None:
        lines.append(f"Segment {int(segment)}")
    if "sentence_id" in row:
        lines.append(f"Sentence {int(row['sentence_id'])}")
    return "\n".join(lines)


class _Renderer:
    """Builds the annotated HTML of each paragraph, remembering speaker and segment."""

    def __init__(self, analysis: Analysis, categories: list[str]) -> None:
        from discourse.plots.styles import PALETTE
        from discourse.views import keyword_dictionary

        self.analysis = analysis
        self.article = analysis.article
        self.rows = _rows(analysis)
        self.stance = _stance_by_sentence(analysis)
        self.cues = _cue_spans(analysis, self.article)
        self.index = {c: k % len(PALETTE) for k, c in enumerate(categories)}
        self.hits: dict[int, list[tuple[int, int, str, str]]] = {}
        self.used: dict[str, None] = {}  # categories with hits, in order
        frame = analysis.sentences
        if "text" in frame and "start" in frame and len(frame):
            from discourse.steps.keywords import keyword_dispersion

            hits = keyword_dispersion(frame, keyword_dictionary(analysis, None))
            if "sentence_id" in hits:
                for h in hits.itertuples(index=False):
                    self.index.setdefault(h.category, len(self.index) % len(PALETTE))
                    css = f"kw k{self.index[h.category]}" + (
                        " in-name" if h.in_name else "")
                    title = f"keyword: {h.category}" + (" (in a proper name)" if h.in_name
                                                        else "")
                    tag = Markup('<mark class="{}" title="{}">').format(css, title)
                    self.hits.setdefault(int(h.sentence_id), []).append(
                        (int(h.start), int(h.end), tag, "</mark>"))
                    self.used[h.category] = None
        labels = {}
        segments = analysis.tables.get("segments")
        if segments is not None and {"segment_id", "label"} <= set(segments.columns):
            labels = {int(i): (lab if isinstance(lab, str) else "")
                      for i, lab in zip(segments["segment_id"], segments["label"],
                                        strict=True)}
        self.segment_labels = labels
        self.segment: Any = None
        self.speaker: Any = None
        self.seen: set[str] = set()  # what the legend must explain: tint, quotes, speakers

    def rule(self, sentence: Sentence) -> Markup | None:
        """A segment rule when ``sentence`` opens a new topic segment."""
        row = self.rows.get(sentence.id, {})
        segment = _value(row, "segment_id")
        if segment is None or segment == self.segment:
            return None
        self.segment = segment
        label = self.segment_labels.get(int(segment), "")
        return Markup('<span class="seg dr-ui" role="separator"><span><b>Segment {}</b>{}'
                      "</span></span>").format(int(segment), f" · {label}" if label else "")

    def sentence(self, s: Sentence, *, speaker_tags: bool = True) -> Markup:
        text = self.article.text
        row = self.rows.get(s.id, {})
        stance = self.stance.get(s.id, [])
        classes = ["s"]
        tint = _tint(_score(row))
        if tint:
            classes.append(tint)
            self.seen.add("tint")
        quote = _value(row, "quote_type")
        if quote in _SPEECH:
            classes.append(f"q-{quote}")
            self.seen.add("quotes")
        spans = list(self.hits.get(s.id, []))
        spans += [(a, b, Markup('<span class="cue" title="{}">').format(note), "</span>")
                  for a, b, note in self.cues.get(s.id, [])]
        inner = _annotate(text, s.start, s.end, spans)
        prefix = Markup("")
        speaker = _value(row, "speaker") if quote in _SPEECH else None
        if speaker_tags and speaker and speaker != self.speaker:
            prefix = Markup('<span class="speaker" title="Speaker">{}</span>').format(speaker)
            self.seen.add("speakers")
        self.speaker = speaker if quote in _SPEECH else self.speaker
        badges = Markup("").join(
            Markup('<span class="badge {}" title="{}">{} {}</span>').format(
                label, f"Stance: {'in favor of' if label == 'favor' else 'against'} {target}",
                "+" if label == "favor" else "−", target)
            for target, label in stance)
        return Markup('{}<span class="{}" title="{}" data-sentence="{}">{}</span>{}').format(
            prefix, " ".join(classes), _tooltip(row, stance), s.id, inner, badges)

    def paragraph(self, p: Paragraph, lead: Markup) -> tuple[Markup | None, Markup]:
        """(rule before the paragraph, paragraph HTML)."""
        text = self.article.text
        parts = [lead]
        before = None
        pos = p.start
        for k, s in enumerate(p.sentences):
            parts.append(escape(text[pos:s.start]))
            rule = self.rule(s)
            if rule is not None and k == 0:
                before = rule
            elif rule is not None:
                parts.append(rule)
            parts.append(self.sentence(s))
            pos = s.end
        parts.append(escape(text[pos:p.end]))
        return before, Markup("").join(parts)


# -- summary tables ---------------------------------------------------------------------------
# Each table is a dict: ``id`` (its anchor), ``caption``, ``source`` (the CSV table it reads),
# ``note``, ``columns``, ``explain`` (one sentence per column), ``numeric``, ``rows`` and
# ``caveat`` (shown when a flagged cell appears).

def _fmt(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _rate(count: int, words: int | None) -> str:
    """``count (rate per 1,000)``, the rate flagged when it rests on too few words.

    Examples
    --------
    >>> _rate(1, 32), _rate(3, 345), _rate(0, 345)
    ('1 (31.2†)', '3 (8.7)', '0')
    """
    if not words or not count:
        return str(count)
    flag = _FEW_WORDS if words < MIN_WORDS_FOR_RATE else ""
    return f"{count} ({count / words * 1000:.1f}{flag})"


def _few_words_caveat(words: Iterable[int | None]) -> str | None:
    if not any(w is not None and 0 < w < MIN_WORDS_FOR_RATE for w in words):
        return None
    return (f"{_FEW_WORDS} The section has fewer than {MIN_WORDS_FOR_RATE} words: one hit "
            "more or less changes the rate a lot, so do not compare it with the others.")


def _section_table(analysis: Analysis, spans: list[Any]) -> dict[str, Any] | None:
    frame = analysis.sentences
    column = next((c for c in _SCORE_COLUMNS if c in frame), None)
    if column is None or "section_id" not in frame:
        return None
    rows = []
    for span in spans:
        part = frame.iloc[span.rows[0]:span.rows[1]]
        scores = part[column].astype(float)
        labels = part.get("sentiment")
        rows.append([
            span.label, len(part), _fmt(float(scores.mean())),
            int((labels == "positive").sum()) if labels is not None else int((scores > 0).sum()),
            int((labels == "negative").sum()) if labels is not None else int((scores < 0).sum()),
        ])
    return {"id": "table-sentiment", "caption": "Sentiment by section",
            "source": "sentiment_sections", "note": None, "caveat": None,
            "columns": ["Section", "Sentences", "Mean score", "Positive", "Negative"],
            "explain": ["The article's part: Front (title, standfirst), Lead, or the heading.",
                        "Sentences in the section.",
                        f"Mean {_SCORE_NAMES[column]} of its sentences, from −1 (negative) "
                        "to +1 (positive).",
                        "Sentences labelled positive (score above the positive threshold).",
                        "Sentences labelled negative (score below the negative threshold)."],
            "numeric": [False, True, True, True, True], "rows": rows}


def _keyword_table(analysis: Analysis, spans: list[Any],
                   categories: list[str]) -> dict[str, Any] | None:
    keywords = analysis.tables.get("keywords")
    if keywords is None or keywords.empty or not {"unit", "category", "count"} <= set(
            keywords.columns):
        return None
    labels = {s.id: s.label for s in spans}
    sums = keywords.groupby(["unit", "category"], sort=False)["count"].sum()
    tokens = keywords.groupby("unit", sort=False)["tokens"].first() \
        if "tokens" in keywords else {}
    present = [c for c in categories if c in set(keywords["category"])]
    rows, words = [], []
    for unit in dict.fromkeys([*labels, *keywords["unit"]]):
        n = int(tokens.get(unit, 0)) if unit in tokens else None
        words.append(n)
        cells: list[Any] = [labels.get(unit, str(unit)), n if n is not None else "–"]
        cells += [_rate(int(sums.get((unit, category), 0)), n) for category in present]
        rows.append(cells)
    return {"id": "table-keywords", "caption": "Keywords by section", "source": "keywords",
            "note": "Hits of each dictionary category, with the rate per 1,000 words in "
                    "brackets; sections without hits have no word count (–).",
            "caveat": _few_words_caveat(words),
            "columns": ["Section", "Words", *present],
            "explain": ["The article's part.", "Words in the section.",
                        *[f"Hits of the “{c}” patterns (rate per 1,000 words), hits inside "
                          "proper names included." for c in present]],
            "numeric": [False, True, *[True] * len(present)], "rows": rows}


def _marker_table(analysis: Analysis, spans: list[Any]) -> dict[str, Any] | None:
    markers = analysis.tables.get("markers")
    kinds = [k for k in _MARKER_NAMES if markers is not None and k in markers.columns]
    if markers is None or markers.empty or not kinds or not {"section_id", "n_words"} <= set(
            markers.columns):
        return None
    labels = {s.id: s.label for s in spans}
    rows, words = [], []
    for r in markers.to_dict("records"):
        n = int(r["n_words"])
        words.append(n)
        rows.append([labels.get(r["section_id"], _fmt(r["section_id"])), n,
                     *[_rate(int(r[k]), n) for k in kinds]])
    explain = {
        "hedges": "Words that withhold full commitment (“may”, “perhaps”, “the hope”).",
        "boosters": "Words that close off alternatives (“indeed”, “clearly”, “sure”).",
        "attitude_markers": "Words that state the writer's attitude (“important”, "
                            "“unfortunately”).",
        "self_mentions": "First-person references (“I”, “we”, “our”).",
        "engagement_markers": "Words that address the reader (“you”, “note that”).",
    }
    return {"id": "table-markers", "caption": "Stance markers by section", "source": "markers",
            "note": "How the text commits to its claims (Hyland 2005): markers found, with "
                    "the rate per 1,000 words in brackets.",
            "caveat": _few_words_caveat(words),
            "columns": ["Section", "Words", *[_MARKER_NAMES[k] for k in kinds]],
            "explain": ["The article's part.", "Words in the section.",
                        *[explain[k] for k in kinds]],
            "numeric": [False, True, *[True] * len(kinds)], "rows": rows}


def _segment_table(analysis: Analysis, spans: list[Any]) -> dict[str, Any] | None:
    segments = analysis.tables.get("segments")
    need = {"segment_id", "first_sentence", "last_sentence"}
    if segments is None or segments.empty or not need <= set(segments.columns):
        return None
    labels = {s.id: s.label for s in spans}
    rows = []
    for r in segments.to_dict("records"):
        rows.append([
            int(r["segment_id"]), labels.get(r.get("section_id"), _fmt(r.get("section_id"))),
            f"{int(r['first_sentence'])}–{int(r['last_sentence'])}",
            _fmt(_value(r, "label") or _value(r, "top_terms") or ""),
            _fmt(_value(r, "keyword_category") or "–"),
        ])
    return {"id": "table-segments", "caption": "Topic segments", "source": "segments",
            "note": None, "caveat": None,
            "columns": ["Segment", "Section", "Sentences", "Key phrases", "Main keyword"],
            "explain": ["Number of the segment (the rules in the text above).",
                        "The article's part the segment lies in.",
                        "First and last sentence of the segment (hover a sentence for its "
                        "number).",
                        "Phrases most typical of the segment against the rest of the article.",
                        "The dictionary category with most hits in the segment (– none)."],
            "numeric": [True, False, False, False, False], "rows": rows}


def _speaker_table(analysis: Analysis) -> dict[str, Any] | None:
    from discourse.views import speaker_counts

    counts = speaker_counts(analysis)
    if counts.empty:
        return None
    rows = []
    for r in counts.to_dict("records"):
        n = [int(r.get(t, 0) or 0) for t in _SPEECH]
        rows.append([r["speaker"], _value(r, "role") or "–", *n, sum(n)])
    rows.sort(key=lambda cells: -cells[-1])
    return {"id": "table-speakers", "caption": "Speakers", "source": "speakers",
            "note": None, "caveat": None,
            "columns": ["Speaker", "Role", "Direct", "Indirect", "Mixed", "Total"],
            "explain": ["The speaker, one name for all the ways the article refers to them.",
                        "Their role as the article states it (– not stated).",
                        "Sentences quoting them inside quotation marks.",
                        "Sentences reporting their words (“X said that …”, “according to X”).",
                        "Sentences mixing a quotation and reported speech.",
                        "All sentences attributed to them."],
            "numeric": [False, False, True, True, True, True], "rows": rows}


def _stance_table(analysis: Analysis) -> dict[str, Any] | None:
    from discourse.views import stance_long, target_label, target_labels

    long = stance_long(analysis)
    if long.empty:
        return None
    table = analysis.tables.get("stance")
    mentioned = None
    if table is not None and "mentioned" in table.columns and len(table) == len(long):
        mentioned = table["mentioned"].fillna(False).astype(bool).to_numpy()
    names = target_labels(analysis)
    stance = long["stance"].astype(str).str.lower().to_numpy()
    targets = long["target"].astype(str).to_numpy()
    rows = []
    for target in dict.fromkeys(targets):
        mine = targets == target
        f, a = int((mine & (stance == "favor")).sum()), int((mine & (stance == "against")).sum())
        if mentioned is None:
            rows.append([target_label(target, names), f, a, int(mine.sum()) - f - a,
                         f"{f - a:+d}"])
        else:
            m = int((mine & mentioned).sum())
            rows.append([target_label(target, names), m, f, a, m - f - a,
                         int(mine.sum()) - m, f"{f - a:+d}"])
    explain_net = "Favor minus against sentences."
    if mentioned is None:
        columns = ["Target", "Favor", "Against", "No stance", "Net"]
        explain = ["The target as named in the targets file.",
                   "Sentences taking a stance in favor of the target.",
                   "Sentences taking a stance against the target.",
                   "Sentences with neither (whether or not they mention the target).",
                   explain_net]
    else:
        columns = ["Target", "Mentioned", "Favor", "Against", "Neutral", "Not mentioned",
                   "Net"]
        explain = ["The target as named in the targets file.",
                   "Sentences that mention the target (its patterns match).",
                   "Mentioning sentences in favor of the target.",
                   "Mentioning sentences against the target.",
                   "Mentioning sentences with no stance either way.",
                   "Sentences that do not mention the target (no stance is scored).",
                   explain_net]
    return {"id": "table-stance", "caption": "Stance toward targets", "source": "stance",
            "note": None, "caveat": None, "columns": columns, "explain": explain,
            "numeric": [False, *[True] * (len(columns) - 1)], "rows": rows}


# -- charts -----------------------------------------------------------------------------------

def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _png_width(png: bytes) -> int:
    return int.from_bytes(png[16:20], "big") if png.startswith(_PNG_SIGNATURE) else 0


def _chart_images(analysis: Analysis, charts: Any, dpi: int = 150) -> list[dict[str, Any]]:
    """``{name, caption, src, width}`` for each chart to embed."""
    images: dict[str, tuple[bytes, int]] = {}
    if isinstance(charts, Mapping):
        for name, paths in charts.items():
            paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
            png = next((Path(p) for p in paths if str(p).lower().endswith(".png")), None)
            if png is None:
                continue
            data = png.read_bytes()
            if data.startswith(_PNG_SIGNATURE):
                images[str(name)] = (data, 300)
    elif charts:
        import io

        import matplotlib.pyplot as plt

        from discourse.plots import chart_figures

        for name, fig in chart_figures(analysis, style="paper").items():
            try:
                buffer = io.BytesIO()
                fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight",
                            pad_inches=0.05, metadata={"Software": "discourse"})
                images[name] = (buffer.getvalue(), dpi)
            finally:
                plt.close(fig)
    out = []
    for name, (data, resolution) in images.items():
        # Shown at the size drawn (in CSS pixels of 1/96 inch), or narrower on small screens.
        width = round(_png_width(data) * 96 / max(resolution, 1)) or None
        out.append({"name": name, "id": f"chart-{_slug(name)}",
                    "title": _CHART_TITLES.get(name, name.replace("_", " ").capitalize()),
                    "caption": _CHART_CAPTIONS.get(name, name),
                    "src": _data_uri(data), "width": width or ""})
    return out


# -- contents and provenance -----------------------------------------------------------------

def _slug(name: str) -> str:
    """An anchor id made of lower-case letters, digits and hyphens.

    Examples
    --------
    >>> _slug("sentiment_arc"), _slug('x" onmouseover="y')
    ('sentiment-arc', 'x-onmouseover-y')
    """
    return "-".join(re.findall(r"[a-z0-9]+", str(name).lower())) or "item"


def _data_files(analysis: Analysis, available: Iterable[str] | None) -> list[dict[str, str]]:
    """``{name, href}`` of the CSV tables saved beside the page, in the analysis's order."""
    if available is None:
        return []
    have = {str(a) for a in available}
    names = ["sentences", *analysis.tables]
    return [{"name": f"{n}.csv", "href": f"{n}.csv"} for n in names if f"{n}.csv" in have]


def _options(options: Mapping[str, Any]) -> str:
    """``name=value`` pairs, comma-separated.

    Examples
    --------
    >>> _options({"thresholds": [-0.05, 0.05], "targets": "t.yaml"})
    "thresholds=[-0.05, 0.05], targets='t.yaml'"
    """
    return ", ".join(f"{k}={v!r}" for k, v in options.items())


def _provenance(analysis: Analysis) -> list[tuple[str, str]]:
    """(label, text) lines of the footer: versions, options, source and date."""
    from datetime import datetime, timezone

    try:
        record = analysis.provenance
    except Exception:  # a hand-built Analysis may lack what provenance reads
        record = {}
    lines = []
    versions = record.get("versions") or {}
    if versions:
        lines.append(("Versions", ", ".join(f"{k} {v or 'not installed'}"
                                            for k, v in versions.items())))
    params = dict(analysis.params or {})
    steps = params.pop("steps", None)
    reader = params.pop("reader", None)
    if isinstance(reader, Mapping) and reader:
        lines.append(("Reading", _options(reader)))
    if isinstance(steps, list) and steps:
        lines.append(("Steps", "; ".join(
            f"{step.get('name')} ({_options(step.get('params') or {}) or 'defaults'})"
            for step in steps if isinstance(step, Mapping))))
    if params:
        lines.append(("Options", _options(params)))
    if record.get("source"):
        lines.append(("Input", f"{record['source']} ({record.get('encoding') or 'text'})"))
    lexicons = record.get("lexicons") or {}
    if lexicons:
        lines.append(("Lexicons", ", ".join(f"{k} {v}" for k, v in lexicons.items())))
    lines.append(("Written", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")))
    return lines


# -- public -----------------------------------------------------------------------------------

def render_html(
    analysis: Analysis,
    *,
    standalone: bool = True,
    charts: bool | Mapping[str, Any] = False,
    data_files: Iterable[str] | None = None,
) -> str:
    """The report of an analysis as HTML.

    Parameters
    ----------
    analysis : Analysis
        Every part is optional except the article: sentiment tints need
        ``sentiment_score`` (or ``polarity``); quote marks ``quote_type`` and ``speaker``;
        stance badges the ``stance`` table or ``stance_<target>`` columns; segment rules
        ``segment_id``; keyword highlights are computed with the analysis's dictionary.
    standalone : bool
        A complete page (``<!DOCTYPE html>`` ... with a content security policy that
        forbids scripts and external resources), or a fragment for Jupyter
        (``_repr_html_``): a ``<div class="discourse-report">`` with its own CSS, every
        rule scoped to that class.
    charts : bool or mapping
        ``True`` draws the charts (:func:`discourse.plots.chart_figures`) and embeds them
        as PNG ``data:`` URIs; a mapping ``{name: [paths]}`` as returned by
        :func:`discourse.plots.save_charts` embeds those PNG files instead; ``False``: no
        charts.
    data_files : iterable of str, optional
        Names of the CSV files saved beside the page (``"keywords.csv"``, ...): the
        contents and each summary table link to them with relative links.

    Returns
    -------
    str

    Examples
    --------
    >>> from discourse import analyze
    >>> html = render_html(analyze("Peace <b>talks</b>\\n\\nTalks on peace resumed."))
    >>> html.startswith("<!DOCTYPE html>"), "&lt;b&gt;talks&lt;/b&gt;" in html, "<b>t" in html
    (True, True, False)
    >>> render_html(analyze("Talks\\n\\nThey met."), standalone=False).startswith("<div")
    True
    """
    from discourse import __version__
    from discourse.plots.styles import PALETTE
    from discourse.views import category_order, section_spans

    if not isinstance(standalone, bool):
        raise InvalidOptionError(f"standalone={standalone!r} must be True or False.")
    article = analysis.article
    categories = category_order(analysis)
    renderer = _Renderer(analysis, categories)
    spans = section_spans(analysis)

    header: list[dict[str, Any]] = []
    body: list[dict[str, Any]] = []
    datelines = [article.dateline] if article.dateline is not None else []
    previous_end = 0
    for section in article.sections:
        if section.heading is not None and section.kind == "body":
            body.append({"kind": "heading", "html": escape(section.heading.text), "rule": None})
        for p in section.paragraphs:
            kinds = {s.kind for s in p.sentences}
            lead = Markup("")
            for d in datelines:
                if previous_end <= d.start and d.end <= p.start:
                    # The dateline is a span of its own; show it where it stands, before
                    # the paragraph it opens.
                    lead = Markup('<span class="dr-dateline">{}</span> ').format(d.text)
                    datelines.remove(d)
                    break
            rule, html = renderer.paragraph(p, lead)
            previous_end = p.end
            if section.kind == "front" and kinds <= {"title", "standfirst"}:
                kind = "title" if kinds == {"title"} else "standfirst"
                header.append({"kind": kind, "html": html, "rule": rule})
            else:
                body.append({"kind": "paragraph", "html": html, "rule": rule})
    if not any(b["kind"] == "title" for b in header):
        name = Path(article.source).name if article.source != "<string>" else "Article"
        header.insert(0, {"kind": "title", "html": escape(name), "rule": None})

    frame = analysis.sentences
    n_words = sum(len(s.text.split()) for s in article.sentences)
    meta = [f"{len(frame)} sentences", f"{n_words:,} words",
            f"{len(article.body_sections)} section" + ("s" if len(article.body_sections) != 1
                                                        else "")]
    if article.source != "<string>":
        meta.insert(0, f"Source: {Path(article.source).name}")
    if article.dateline is not None and article.dateline.agency:
        meta.append(f"Agency: {article.dateline.agency}")

    tables = [t for t in (_section_table(analysis, spans),
                          _keyword_table(analysis, spans, categories),
                          _marker_table(analysis, spans),
                          _segment_table(analysis, spans), _speaker_table(analysis),
                          _stance_table(analysis)) if t]
    files = _data_files(analysis, data_files)
    linked = {f["name"] for f in files}
    for t in tables:
        t["href"] = f"{t['source']}.csv" if f"{t['source']}.csv" in linked else None
    chart_images = _chart_images(analysis, charts)
    context = {
        "standalone": standalone,
        "version": __version__,
        "page_title": article.name if article.name != "<string>" else "Discourse report",
        "header": header,
        "byline": article.byline.text if article.byline is not None else None,
        "meta": meta,
        "body": body,
        "palette": PALETTE,
        "keyword_legend": [{"index": k, "category": c} for c, k in renderer.index.items()
                           if c in renderer.used],
        "legend": renderer.seen,
        "stance_legend": bool(renderer.stance),
        "cue_legend": bool(renderer.cues),
        "segment_legend": bool(renderer.segment_labels),
        "tables": tables,
        "charts": chart_images,
        "data_files": files,
        "provenance": _provenance(analysis),
    }
    return _template().render(**context)


def write_html(
    analysis: Analysis,
    path: str | Path,
    *,
    charts: bool | Mapping[str, Any] = True,
) -> Path:
    """Write the standalone report of an analysis to ``path`` (atomically, UTF-8).

    Parameters
    ----------
    analysis : Analysis
    path : str or Path
        The HTML file; folders are created.
    charts : bool or mapping
        As in :func:`render_html`; pass the result of :func:`discourse.plots.save_charts`
        to embed charts already drawn.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile
    >>> from discourse import analyze
    >>> path = write_html(analyze("Talks\\n\\nThey met."), tempfile.mkdtemp() + "/r.html",
    ...                   charts=False)
    >>> path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    from discourse.io import write_text

    beside = Path(path).parent
    saved = [p.name for p in beside.glob("*.csv")] if beside.is_dir() else []
    return write_text(path, render_html(analysis, standalone=True, charts=charts,
                                        data_files=saved))

