"""Charts of an :class:`~discourse.analysis.Analysis` and of corpus tables (matplotlib).

Every ``plot_*`` function draws on the ``ax`` given, or on a new figure when ``ax`` is None,
and returns the Axes; nothing is saved or shown. A chart whose data the analysis lacks (no
sentiment columns, no stance table, ...) raises :class:`MissingDataError`;
:func:`save_charts` skips those. Use :func:`style` for the size presets and
:func:`save_figure` to export PNG, SVG and PDF files.

Artists carry ``gid`` labels (``"section-boundary"``, ``"section-label"``, ``"raw-polarity"``,
...) so that tests and downstream code can find them; they also become element ids in SVG.

matplotlib is imported inside the functions, so ``import discourse.plots`` is cheap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from discourse import styles as _styles
from discourse.errors import DiscourseError, InvalidOptionError, MissingDataError, check_choice
from discourse.styles import (
    NEGATIVE,
    NEUTRAL,
    OKABE_ITO,
    POSITIVE,
    QUOTE_COLORS,
    STANCE_COLORS,
    StyleName,
    category_colors,
    style,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from discourse.analysis import Analysis

__all__ = [
    "CHARTS",
    "chart_figures",
    "plot_corpus_keyword_rates",
    "plot_dispersion",
    "plot_keyword_rates",
    "plot_segments",
    "plot_sentiment_arc",
    "plot_speakers",
    "plot_stance",
    "plot_subjectivity",
    "save_charts",
    "save_figure",
    "style",
]

Format = Literal["png", "svg", "pdf"]
SCORE_LABELS = {
    "polarity": "TextBlob polarity",
    "sentiment_score": "Combined score",
    "vader_compound": "VADER compound",
}
_SCORE_COLORS = {
    "polarity": OKABE_ITO["orange"],
    "sentiment_score": OKABE_ITO["blue"],
    "vader_compound": OKABE_ITO["bluish_green"],
}
_QUOTE_MARKERS = {"direct": "o", "indirect": "s", "mixed": "D", "none": "."}
_SPEECH_TYPES = ("direct", "indirect", "mixed")
_STANCE_VALUES = frozenset({"favor", "against", "none"})
_NO_CATEGORY = "no keyword"
_LABEL_GREY = "#595959"
_SHADE = "#F3F3F3"


def _missing(chart: str, what: str, how: str) -> MissingDataError:
    return MissingDataError(f"{chart}: the analysis has no {what}; {how}.")


# -- data helpers ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _SectionSpan:
    id: int
    label: str
    first: int  # first and last sentence_id (inclusive)
    last: int
    rows: tuple[int, int]  # first row, end row (exclusive) in the sentence table's order


def _table(analysis: Analysis, name: str) -> pd.DataFrame | None:
    table = getattr(analysis, "tables", {}).get(name)
    return table if table is not None and len(table.columns) else None


def _sentences(analysis: Analysis) -> pd.DataFrame:
    return analysis.sentences.reset_index(drop=True)


def _section_label(kind: Any, heading: Any, section_id: int, has_headings: bool) -> str:
    if kind == "front":
        return "Front"
    if isinstance(heading, str) and heading.strip():
        return " ".join(heading.split())
    # Text before the first heading is the lead; without any heading it is the whole body.
    return "Lead" if has_headings else ("Body" if section_id <= 1 else f"Section {section_id}")


def _section_spans(analysis: Analysis) -> list[_SectionSpan]:
    """Sections in reading order with display labels and sentence ranges."""
    frame = _sentences(analysis)
    if "section_id" not in frame or frame.empty:
        return []
    article = getattr(analysis, "article", None)
    info = {s.id: (s.kind, s.heading.text if s.heading else None)
            for s in getattr(article, "sections", ())}
    sections = frame["section_id"].tolist()
    ids = frame["sentence_id"].tolist() if "sentence_id" in frame else list(range(len(frame)))
    kinds = frame["section_kind"].tolist() if "section_kind" in frame else [None] * len(frame)
    heads = (frame["section_heading"].tolist() if "section_heading" in frame
             else [None] * len(frame))
    has_headings = any(isinstance(h, str) for h in heads) or any(
        h for _, h in info.values())
    spans: list[_SectionSpan] = []
    start = 0
    for row in range(1, len(frame) + 1):
        if row < len(frame) and sections[row] == sections[start]:
            continue
        sid = int(sections[start])
        kind, heading = info.get(sid, (kinds[start], heads[start]))
        block = ids[start:row]
        spans.append(_SectionSpan(sid, _section_label(kind, heading, sid, has_headings),
                                  int(min(block)), int(max(block)), (start, row)))
        start = row
    return spans


def _dictionary_categories(analysis: Analysis) -> list[str]:
    """Categories of the dictionary the analysis used, when it can be loaded again."""
    option = getattr(analysis, "params", {}).get("keywords")
    if option is not None and not isinstance(option, (str, dict)):
        return []
    if isinstance(option, str) and "\n" not in option and not Path(option).is_file():
        return []  # a description of an object, not a path
    try:
        from discourse.dictionary import load_dictionary

        return list(load_dictionary(option).categories)
    except (DiscourseError, OSError):
        return []


def _dictionary(analysis: Analysis, dictionary: Any) -> Any:
    if dictionary is not None:
        return dictionary
    option = getattr(analysis, "params", {}).get("keywords")
    if isinstance(option, dict) or (isinstance(option, str) and (
            "\n" in option or Path(option).is_file())):
        return option  # a mapping, YAML text or a YAML file
    return None


def _categories(analysis: Analysis, present: Iterable[Any] = ()) -> list[str]:
    """Every category in a stable order: the dictionary's, then others as they appear."""
    order = _dictionary_categories(analysis)
    for table, column in (("keywords", "category"), ("segments", "keyword_category")):
        frame = _table(analysis, table)
        if frame is not None and column in frame:
            order += [c for c in frame[column].tolist() if isinstance(c, str)]
    order += [c for c in present if isinstance(c, str)]
    return list(dict.fromkeys(order))


def _shorten(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(width - 1, 1)].rstrip() + "…"


def _wrap(text: str, width: int, lines: int = 2) -> str:
    parts = textwrap.wrap(" ".join(str(text).split()), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], _shorten(" ".join(parts[lines - 1:]), width)]
    return "\n".join(parts)


def _font_size(kind: str = "font.size") -> float:
    import matplotlib as mpl
    from matplotlib.font_manager import FontProperties

    value = mpl.rcParams[kind]
    if isinstance(value, str):  # "small", "medium", ...
        return FontProperties(size=value).get_size_in_points()
    return float(value)


def _new_axes(height: float | None = None, width: float | None = None) -> Axes:
    import matplotlib.pyplot as plt

    w, h = plt.rcParams["figure.figsize"]
    _, ax = plt.subplots(figsize=(width or w, height or h), layout="constrained")
    return ax


def _row_height() -> float:
    """Inches per row of a horizontal bar chart at the current font size."""
    return _font_size() * 2.3 / 72


def _check_int(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidOptionError(f"{name}={value!r} must be a whole number >= {minimum}.")
    return value


def _renderer(fig: Figure) -> Any:
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else None


def _settle_layout(ax: Axes) -> Any:
    """Run the figure's layout now, so that positions are final; return a renderer."""
    fig = ax.figure
    renderer = _renderer(fig)
    engine = fig.get_layout_engine()
    if engine is not None and renderer is not None:
        engine.execute(fig)
    return renderer


def _fit_text(text: Any, label: str, width_px: float, renderer: Any) -> float:
    """Shorten ``text`` (an Artist showing ``label``) until it is at most ``width_px`` wide.

    Returns its width in pixels, or 0 (and hides it) when fewer than three characters
    would remain.
    """
    text.set_visible(True)
    size = len(label)
    while True:
        candidate = label if size >= len(label) else _shorten(label, size)
        text.set_text(candidate)
        if renderer is None:  # no renderer: estimate from the font size
            wide = len(candidate) * 0.55 * text.get_fontsize() * text.figure.dpi / 72
        else:
            wide = text.get_window_extent(renderer).width
        if wide <= width_px:
            return float(wide)
        if size <= 4:
            text.set_visible(False)
            return 0.0
        size = min(size, len(candidate)) - 1


def _draw_sections(ax: Axes, bands: Sequence[tuple[float, float, str]], *,
                   shade: bool = True) -> bool:
    """Mark sections on an x axis: boundary lines, alternate shading, labels above the axes.

    ``bands`` holds ``(x0, x1, label)`` in data coordinates. Call it last (after legends
    and tick labels): the labels are measured against the final width of the axes. Each
    label is centred on its band and shortened to fit it; a label that does not fit may
    then use the room its neighbours leave free, as long as it still covers the middle of
    its band. Labels with nothing readable left are hidden. Returns whether any is shown.
    """
    if len(bands) < 2:
        return False
    size = _font_size("xtick.labelsize")
    texts = []
    for k, (x0, x1, label) in enumerate(bands):
        if k:
            ax.axvline(x0, color="#7F7F7F", linewidth=0.8, linestyle=(0, (4, 2)),
                       zorder=1.5, gid="section-boundary")
        if shade and k % 2 == 1:
            ax.axvspan(x0, x1, color=_SHADE, zorder=0, linewidth=0, gid="section-shade")
        texts.append(ax.annotate(label, xy=((x0 + x1) / 2, 1.0),
                                 xycoords=ax.get_xaxis_transform(), xytext=(0, 3),
                                 textcoords="offset points", ha="center", va="bottom",
                                 fontsize=size, color=_LABEL_GREY, annotation_clip=False,
                                 gid="section-label", in_layout=False))
    # Measured with the labels out of the layout: at full length they could overflow the
    # axes and make the layout squeeze it. Once fitted they stay within the axes.
    renderer = _settle_layout(ax)
    gap = size * 0.6 * ax.figure.dpi / 72  # keep neighbouring labels apart
    to_px = ax.transData.transform
    edges = [sorted(to_px([(x0, 0), (x1, 0)])[:, 0]) for x0, x1, _ in bands]
    lo, hi = sorted(to_px([(ax.get_xlim()[0], 0), (ax.get_xlim()[1], 0)])[:, 0])
    centres = [(a + b) / 2 for a, b in edges]
    widths = [_fit_text(t, label, b - a - gap, renderer)
              for t, (a, b), (_, _, label) in zip(texts, edges, bands, strict=True)]
    for k, (text, (_, _, label)) in enumerate(zip(texts, bands, strict=True)):
        if widths[k] and text.get_text() == label:
            continue
        # Free room between the neighbours' labels (or the axes ends).
        left = max([lo] + [centres[j] + widths[j] / 2 + gap for j in range(k) if widths[j]])
        right = min([hi] + [centres[j] - widths[j] / 2 - gap
                            for j in range(k + 1, len(texts)) if widths[j]])
        wide = _fit_text(text, label, right - left, renderer)
        centre = min(max(centres[k], left + wide / 2), right - wide / 2)
        if not wide or abs(centre - centres[k]) > wide / 2:
            text.set_visible(False)
            widths[k] = 0.0
            continue
        widths[k], centres[k] = wide, centre
        text.xy = (ax.transData.inverted().transform((centre, 0))[0], 1.0)
    for text in texts:
        text.set_in_layout(True)
    return any(widths)


def _set_title(ax: Axes, title: str | None, *, strip: bool) -> None:
    if title:
        # Leave room for the section labels drawn above the axes.
        ax.set_title(title, pad=_font_size("xtick.labelsize") * 2.0 + 4 if strip else 6)


def _sentence_bands(spans: Sequence[_SectionSpan]) -> list[tuple[float, float, str]]:
    return [(s.first - 0.5, s.last + 0.5, s.label) for s in spans]


def _integer_axis(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


# -- sentiment --------------------------------------------------------------------------------

def plot_sentiment_arc(
    analysis: Analysis,
    *,
    scores: Sequence[str] = ("polarity", "sentiment_score"),
    window: int = 3,
    sections: bool = True,
    title: str | None = "Sentiment through the article",
    ax: Axes | None = None,
) -> Axes:
    """Sentence sentiment in reading order, with a rolling mean and section boundaries.

    Parameters
    ----------
    analysis : Analysis
        Needs at least one of the ``scores`` columns in ``analysis.sentences``.
    scores : sequence of str
        Score columns to draw (those missing are skipped): ``polarity`` (TextBlob),
        ``sentiment_score`` (the combined score), ``vader_compound``.
    window : int
        Sentences in the centred rolling mean (1: no rolling mean). Raw scores are drawn
        as thin lines with dots, the rolling mean as a thick line.
    sections : bool
        Draw section boundaries (dashed lines, alternate shading) with their headings.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        x: ``sentence_id``; y: score from -1 (negative) to +1 (positive).

    Examples
    --------
    >>> from discourse import read_article
    >>> from discourse.analysis import Analysis
    >>> article = read_article("Peace talks resume\\n\\nThe talks went well. Both sides met.")
    >>> frame = article.to_frame().assign(polarity=[0.0, 0.5, 0.0],
    ...                                   sentiment_score=[0.1, 0.6, -0.1])
    >>> ax = plot_sentiment_arc(Analysis(article=article, sentences=frame))
    >>> ax.get_ylabel()
    'Sentiment (−1 negative to +1 positive)'
    >>> [line.get_label() for line in ax.get_lines() if line.get_gid().startswith("rolling")]
    ['TextBlob polarity', 'Combined score']
    """
    import numpy as np

    window = _check_int("window", window, 1)
    frame = _sentences(analysis)
    present = [c for c in scores if c in frame.columns and frame[c].notna().any()]
    if not present or frame.empty:
        raise _missing("plot_sentiment_arc", f"sentiment columns ({', '.join(scores)})",
                       "score the sentences with discourse.sentiment.score_sentiment")
    frame = frame.sort_values("sentence_id", kind="stable") if "sentence_id" in frame else frame
    x = frame.get("sentence_id", frame.index).to_numpy(float)
    ax = ax or _new_axes()
    ax.axhline(0, color="#4D4D4D", linewidth=0.8, zorder=1, gid="zero")
    peak = 0.0
    for column in present:
        y = frame[column].astype(float)
        color = _SCORE_COLORS.get(column)
        name = SCORE_LABELS.get(column, column)
        raw = ax.plot(x, y, color=color, linewidth=0.8, alpha=0.45, marker="o",
                      markersize=2.5, label=name if window == 1 else "_nolegend_",
                      gid=f"raw-{column}")[0]
        if color is None:
            color = raw.get_color()
        if window > 1:
            rolled = y.rolling(window, center=True, min_periods=1).mean()
            ax.plot(x, rolled, color=color, linewidth=2.0, label=name,
                    gid=f"rolling-{column}")
        peak = max(peak, float(np.nanmax(np.abs(y.to_numpy()))) if y.notna().any() else 0.0)
    limit = min(1.05, max(0.3, peak * 1.15))
    ax.set_ylim(-limit, limit)
    ax.set_xlim(x.min() - 0.6, x.max() + 0.6)
    _integer_axis(ax.xaxis)
    ax.set_xlabel("Sentence number (reading order)")
    ax.set_ylabel("Sentiment (−1 negative to +1 positive)")
    handles, labels = ax.get_legend_handles_labels()
    if window > 1:  # what thick and thin lines mean, once for all scores
        from matplotlib.lines import Line2D

        handles += [Line2D([], [], color="#7F7F7F", linewidth=2.0),
                    Line2D([], [], color="#7F7F7F", linewidth=0.8, alpha=0.6, marker="o",
                           markersize=2.5)]
        labels += [f"mean of {window} sentences", "single sentences"]
    # Two columns at most: the legend must not be wider than a small figure.
    ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.16),
              ncol=2 if len(labels) > 1 else 1, handlelength=1.8)
    strip = sections and _draw_sections(ax, _sentence_bands(_section_spans(analysis)))
    _set_title(ax, title, strip=strip)
    return ax


def plot_subjectivity(
    analysis: Analysis,
    *,
    title: str | None = "Subjectivity and polarity of sentences",
    ax: Axes | None = None,
) -> Axes:
    """Scatter of TextBlob subjectivity against polarity, one point per sentence.

    Points are coloured (and shaped) by ``quote_type`` when the sentences have it, so
    quoted opinion can be told apart from narration.

    Parameters
    ----------
    analysis : Analysis
        Needs ``polarity`` and ``subjectivity`` columns in ``analysis.sentences``.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One scatter collection per quote type present.

    Examples
    --------
    >>> import pandas as pd
    >>> from discourse import read_article
    >>> from discourse.analysis import Analysis
    >>> article = read_article("Talks\\n\\nIt was good. It was bad.")
    >>> frame = article.to_frame().assign(polarity=[0.0, 0.7, -0.7],
    ...                                   subjectivity=[0.0, 0.6, 0.67])
    >>> ax = plot_subjectivity(Analysis(article=article, sentences=frame))
    >>> len(ax.collections), ax.get_xlabel()
    (1, 'TextBlob polarity (−1 to +1)')
    """
    frame = _sentences(analysis)
    if not {"polarity", "subjectivity"} <= set(frame.columns) or frame.empty:
        raise _missing("plot_subjectivity", "polarity and subjectivity columns",
                       "score the sentences with discourse.sentiment.score_sentiment")
    ax = ax or _new_axes(height=None, width=None)
    ax.axvline(0, color="#7F7F7F", linewidth=0.8, zorder=1)
    ax.axhline(0.5, color="#BFBFBF", linewidth=0.8, linestyle=(0, (4, 2)), zorder=1)
    if "quote_type" in frame:
        types = frame["quote_type"].fillna("none").astype(str)
        order = [t for t in (*_SPEECH_TYPES, "none") if (types == t).any()]
        order += sorted(set(types) - set(order))
        for kind in order:
            part = frame[types == kind]
            label = "not quoted" if kind == "none" else f"{kind} quote"
            ax.scatter(part["polarity"], part["subjectivity"], s=30,
                       marker=_QUOTE_MARKERS.get(kind, "o") if kind != "none" else "o",
                       color=QUOTE_COLORS.get(kind, NEUTRAL), alpha=0.8, edgecolor="white",
                       linewidth=0.5, label=f"{label} ({len(part)})", gid=f"points-{kind}",
                       zorder=3)
        ax.legend(title="Sentences", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    else:
        ax.scatter(frame["polarity"], frame["subjectivity"], s=30, color=POSITIVE, alpha=0.8,
                   edgecolor="white", linewidth=0.5, gid="points-all", zorder=3)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-0.04, 1.04)
    ax.set_xlabel("TextBlob polarity (−1 to +1)")
    ax.set_ylabel("TextBlob subjectivity (0 objective to 1 subjective)")
    if title:
        ax.set_title(title)
    return ax


# -- keywords ---------------------------------------------------------------------------------

def _token_counts(texts: Iterable[Any]) -> list[int]:
    from discourse.dictionary import normalize_word
    from discourse.tokens import TOKEN_PATTERN

    return [len(TOKEN_PATTERN.findall(normalize_word(t))) if isinstance(t, str) else 0
            for t in texts]


def plot_keyword_rates(
    analysis: Analysis,
    *,
    exclude_names: bool = False,
    title: str | None = "Keyword rates by section",
    ax: Axes | None = None,
) -> Axes:
    """Grouped bars: the rate of each keyword category in each section, per 1,000 words.

    Parameters
    ----------
    analysis : Analysis
        Needs the ``keywords`` table (:func:`discourse.keywords.keyword_frequencies` by
        section). Sections without hits are shown with empty bars.
    exclude_names : bool
        Leave out hits inside multi-word proper names (``count_in_name``). Otherwise the
        part of each bar due to such hits is hatched.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One bar per section and category (gid ``"rate-<category>"``); hit counts are
        written above the bars when there is room.

    Examples
    --------
    >>> from discourse import analyze
    >>> ax = plot_keyword_rates(analyze("Peace talks\\n\\nPeace and security first. We met."))
    >>> ax.get_ylabel(), len(ax.patches)
    ('Keyword rate (per 1,000 words)', 4)
    """
    import numpy as np

    if not isinstance(exclude_names, bool):
        raise InvalidOptionError(f"exclude_names={exclude_names!r} must be True or False.")
    keywords = _table(analysis, "keywords")
    need = {"unit", "category", "count", "tokens"}
    if keywords is None or not need <= set(keywords.columns) or keywords.empty:
        raise _missing("plot_keyword_rates", "keyword hits (table 'keywords')",
                       "count them with discourse.keywords.keyword_frequencies(by='section')")
    spans = _section_spans(analysis)
    frame = _sentences(analysis)
    units: list[Any] = [s.id for s in spans]
    labels = {s.id: s.label for s in spans}
    tokens: dict[Any, int] = {}
    if spans and "text" in frame:
        counts = _token_counts(frame["text"])
        tokens = {s.id: sum(counts[s.rows[0]:s.rows[1]]) for s in spans}
    for unit, label, n in zip(keywords["unit"], keywords.get("label", keywords["unit"]),
                              keywords["tokens"], strict=True):
        if unit not in labels:
            units.append(unit)
            labels[unit] = "Front" if label == "front" else (
                label if isinstance(label, str) else f"Section {unit}")
        tokens[unit] = int(n)
    units = list(dict.fromkeys(units))
    in_name = keywords["count_in_name"] if "count_in_name" in keywords else 0 * keywords["count"]
    table = keywords.assign(in_name=in_name).groupby(["unit", "category"], sort=False)[
        ["count", "in_name"]].sum()
    categories = [c for c in _categories(analysis) if c in set(keywords["category"])]
    colors = category_colors(_categories(analysis))
    n_units, n_cats = len(units), len(categories)
    x = np.arange(n_units, dtype=float)
    width = 0.8 / n_cats
    per_1000 = np.array([1000 / tokens[u] if tokens.get(u) else 0.0 for u in units])
    ax = ax or _new_axes(width=None)
    annotate = n_units * n_cats <= 36
    hatched, peak = False, 0.0
    for j, category in enumerate(categories):
        counts = np.array([table["count"].get((u, category), 0) for u in units], dtype=float)
        names = np.array([table["in_name"].get((u, category), 0) for u in units], dtype=float)
        shown = counts - names if exclude_names else counts
        peak = max(peak, float((shown * per_1000).max(initial=0)))
        offset = x - 0.4 + width * (j + 0.5)
        bars = ax.bar(offset, shown * per_1000, width * 0.92, color=colors[category],
                      label=category, gid=f"rate-{category}", zorder=2)
        if not exclude_names and names.any():
            hatched = True
            ax.bar(offset, names * per_1000, width * 0.92, bottom=(counts - names) * per_1000,
                   color="none", edgecolor="white", hatch="////", linewidth=0,
                   gid=f"in-name-{category}", zorder=3)
        if annotate:
            ax.bar_label(bars, labels=[f"{int(c)}" if c else "" for c in shown], padding=1.5,
                         fontsize=_font_size("xtick.labelsize") * 0.9, color=_LABEL_GREY)
    if n_units > 5:  # slanted names only; word counts would collide
        ax.set_xticks(x, [_shorten(labels[u], 24) for u in units], rotation=35, ha="right",
                      rotation_mode="anchor")
    else:
        ax.set_xticks(x, [f"{_wrap(labels[u], 16)}\n({tokens.get(u, 0):,} words)"
                          for u in units])
    ax.tick_params(axis="x", length=0)
    ax.grid(axis="x", visible=False)
    ax.set_xlim(-0.6, n_units - 0.4)
    ax.set_ylim(0, max(peak * 1.12, 1.0))  # room for the counts above the bars
    ax.set_ylabel("Keyword rate (per 1,000 words)")
    ax.set_xlabel("Section (hits written above bars)" if annotate else "Section")
    handles, names_ = ax.get_legend_handles_labels()
    if hatched:
        from matplotlib.patches import Patch

        handles.append(Patch(facecolor="#BFBFBF", edgecolor="white", hatch="////"))
        names_.append("in proper names")
    ax.legend(handles, names_, title="Category", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if title:
        ax.set_title(title + (" (proper names excluded)" if exclude_names else ""))
    return ax


def plot_dispersion(
    analysis: Analysis,
    *,
    dictionary: Any = None,
    by: Literal["category", "term"] = "category",
    position: Literal["tokens", "relative"] = "tokens",
    max_rows: int = 20,
    title: str | None = "Where the keywords occur",
    ax: Axes | None = None,
) -> Axes:
    """Lexical dispersion (x-ray) plot: a tick for every keyword hit along the article.

    Parameters
    ----------
    analysis : Analysis
    dictionary : None, mapping, path or Dictionary
        Default: the dictionary the analysis was run with when it can be loaded again
        (a mapping or a path), else the default dictionary.
    by : {"category", "term"}
        One row per category, or per matched term (coloured by its category).
    position : {"tokens", "relative"}
        x in word tokens from the start, or in percent of the article's word tokens.
    max_rows : int
        With ``by="term"``, the most frequent terms shown.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One ``LineCollection`` per row (gid ``"hits-<row>"``); hits inside proper names
        in a second, faded collection (gid ``"in-name-<row>"``).

    Examples
    --------
    >>> from discourse import analyze
    >>> ax = plot_dispersion(analyze("Peace talks\\n\\nPeace and security. Peace now."))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['peace (3)', 'security (1)']
    """
    from discourse.keywords import keyword_dispersion

    check_choice("by", by, ("category", "term"))
    check_choice("position", position, ("tokens", "relative"))
    max_rows = _check_int("max_rows", max_rows, 1)
    frame = _sentences(analysis)
    if frame.empty or "text" not in frame:
        raise _missing("plot_dispersion", "sentences", "analyse an article first")
    hits = keyword_dispersion(frame, _dictionary(analysis, dictionary))
    if hits.empty:
        raise _missing("plot_dispersion", "keyword hits", "use a dictionary that matches")
    counts = _token_counts(frame["text"])
    total = max(sum(counts), 1)
    scale = 100 / total if position == "relative" else 1.0
    colors = category_colors(_categories(analysis, hits["category"]))
    if by == "category":
        rows = [c for c in colors if c in set(hits["category"])]
        key = hits["category"]
    else:
        key = hits["category"] + "\x00" + hits["term"]
        rows = key.value_counts(sort=True).index[:max_rows].tolist()
    ax = ax or _new_axes(height=max(2.2, _row_height() * len(rows) * 1.3 + 1.6))
    for k, row in enumerate(rows):
        part = hits[key == row]
        category = row.split("\x00")[0]
        for in_name, alpha, gid in ((False, 1.0, "hits"), (True, 0.35, "in-name")):
            sub = part[part["in_name"] == in_name]
            if sub.empty:
                continue
            ax.vlines(sub["token_index"] * scale, k - 0.36, k + 0.36, color=colors[category],
                      alpha=alpha, linewidth=1.6, gid=f"{gid}-{row.replace(chr(0), ':')}")
    names = [r.replace("\x00", ": ") if by == "term" else r for r in rows]
    ax.set_yticks(range(len(rows)),
                  [f"{_shorten(n, 28)} ({int((key == r).sum())})"
                   for n, r in zip(names, rows, strict=True)])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, total * scale)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Position in article (% of word tokens)" if position == "relative"
                  else "Position in article (word tokens from the start)")
    ax.set_ylabel("Keyword category" if by == "category" else "Term")
    spans = _section_spans(analysis)
    before = [0]
    for n in counts:
        before.append(before[-1] + n)
    bands = [(before[s.rows[0]] * scale, before[s.rows[1]] * scale, s.label) for s in spans]
    if hits["in_name"].any():
        from matplotlib.lines import Line2D

        ax.legend([Line2D([], [], color="#7F7F7F", alpha=0.5, marker="|", markersize=9,
                          markeredgewidth=2, linestyle="none")], ["inside a proper name"],
                  loc="upper left", bbox_to_anchor=(1.01, 1.0))
    strip = _draw_sections(ax, bands, shade=True)
    _set_title(ax, title, strip=strip)
    return ax


# -- stance -----------------------------------------------------------------------------------

def _target_labels(analysis: Analysis) -> dict[str, str]:
    """Display labels of the stance targets: from the targets file, else from the names."""
    table = _table(analysis, "stance")
    labels = dict(table.attrs.get("labels", {})) if table is not None else {}
    option = getattr(analysis, "params", {}).get("targets")
    if isinstance(option, dict) or (isinstance(option, str) and Path(option).is_file()):
        try:
            from discourse.targets import load_targets

            targets = load_targets(option)
            labels.update({name: targets[name].label for name in targets})
        except (ImportError, DiscourseError, OSError, TypeError, KeyError, AttributeError):
            pass  # a changed or missing targets file: fall back to the names
    return labels


def _target_label(name: str, labels: Mapping[str, str]) -> str:
    label = labels.get(name)
    return label if isinstance(label, str) and label else name.replace("_", " ")


def _is_stance_column(column: pd.Series) -> bool:
    # stance_<target> holds labels; stance_score_<target> (numbers) does not count.
    values = set(column.dropna().astype(str))
    return bool(values) and values <= _STANCE_VALUES


def _stance_long(analysis: Analysis) -> pd.DataFrame:
    """``sentence_id``, ``target``, ``stance`` from the stance table or stance_ columns."""
    import pandas as pd

    table = _table(analysis, "stance")
    if table is not None and {"sentence_id", "target", "stance"} <= set(table.columns):
        return table[["sentence_id", "target", "stance"]].copy()
    frame = _sentences(analysis)
    columns = [c for c in frame.columns if c.startswith("stance_")
               and _is_stance_column(frame[c])]
    if not columns or "sentence_id" not in frame:
        return pd.DataFrame(columns=["sentence_id", "target", "stance"])
    long = frame.melt(id_vars=["sentence_id"], value_vars=columns, var_name="target",
                      value_name="stance")
    long["target"] = long["target"].str.removeprefix("stance_")
    return long


def plot_stance(
    analysis: Analysis,
    *,
    kind: Literal["auto", "heatmap", "bars"] = "auto",
    title: str | None = "Stance towards targets",
    ax: Axes | None = None,
) -> Axes:
    """Stance towards each target: a targets × sections heatmap or diverging bars.

    Parameters
    ----------
    analysis : Analysis
        Needs the ``stance`` table (``sentence_id``, ``target``, ``stance``) or
        ``stance_<target>`` columns in the sentences (favor / against / none).
    kind : {"auto", "heatmap", "bars"}
        ``heatmap``: net stance (favour − against sentences, as a share of the section's
        sentences) per target and section, counts written in the cells. ``bars``: per
        target over the whole article, favour sentences to the right and against to the
        left. ``auto``: the heatmap when the article has two sections or more.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from discourse import read_article
    >>> from discourse.analysis import Analysis
    >>> article = read_article("Talks\\n\\nWe back the deal. We reject sanctions.")
    >>> frame = article.to_frame().assign(stance_deal=["none", "favor", "none"],
    ...                                   stance_sanctions=["none", "none", "against"])
    >>> ax = plot_stance(Analysis(article=article, sentences=frame), kind="bars")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['deal', 'sanctions']
    """
    import numpy as np

    check_choice("kind", kind, ("auto", "heatmap", "bars"))
    long = _stance_long(analysis)
    if long.empty:
        raise _missing("plot_stance", "stance table or stance_<target> columns",
                       "detect stance towards targets first")
    frame = _sentences(analysis)
    spans = _section_spans(analysis)
    targets = list(dict.fromkeys(long["target"].astype(str)))
    names = _target_labels(analysis)
    shown = [_wrap(_target_label(t, names), 24) for t in targets]
    stance = long["stance"].astype(str).str.lower()
    if kind == "auto":
        kind = "heatmap" if len(spans) >= 2 else "bars"
    if kind == "bars":
        favor = np.array([((long["target"] == t) & (stance == "favor")).sum() for t in targets])
        against = np.array([((long["target"] == t) & (stance == "against")).sum()
                            for t in targets])
        ax = ax or _new_axes(height=max(2.0, _row_height() * len(targets) * 1.4 + 1.4))
        y = np.arange(len(targets))
        bars_f = ax.barh(y, favor, 0.65, color=STANCE_COLORS["favor"], label="in favour",
                         gid="stance-favor", zorder=2)
        bars_a = ax.barh(y, -against, 0.65, color=STANCE_COLORS["against"], label="against",
                         gid="stance-against", zorder=2)
        size = _font_size("xtick.labelsize") * 0.9
        ax.bar_label(bars_f, labels=[str(v) if v else "" for v in favor], padding=2,
                     fontsize=size, color=_LABEL_GREY)
        ax.bar_label(bars_a, labels=[str(v) if v else "" for v in against], padding=2,
                     fontsize=size, color=_LABEL_GREY)
        ax.axvline(0, color="#4D4D4D", linewidth=0.8)
        limit = max(1, int(favor.max(initial=0)), int(against.max(initial=0))) * 1.2
        ax.set_xlim(-limit, limit)
        _integer_axis(ax.xaxis)
        ax.xaxis.set_major_formatter(lambda v, _: f"{abs(v):g}")
        ax.set_yticks(y, shown)
        ax.set_ylim(len(targets) - 0.5, -0.5)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel("Sentences (← against | in favour →)")
        ax.set_ylabel("Target")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
        if title:
            ax.set_title(title)
        return ax

    section_of = dict(zip(frame["sentence_id"], frame["section_id"], strict=True)) \
        if {"sentence_id", "section_id"} <= set(frame.columns) else {}
    sections = [s.id for s in spans] or [0]
    labels = [s.label for s in spans] or ["Article"]
    size_of = {s.id: s.rows[1] - s.rows[0] for s in spans} or {0: len(frame)}
    sec = long["sentence_id"].map(section_of).fillna(sections[0])
    n_f = np.zeros((len(targets), len(sections)), dtype=int)
    n_a = np.zeros_like(n_f)
    for i, t in enumerate(targets):
        for j, s in enumerate(sections):
            cell = (long["target"] == t) & (sec == s)
            n_f[i, j] = int((cell & (stance == "favor")).sum())
            n_a[i, j] = int((cell & (stance == "against")).sum())
    sizes = np.array([max(size_of.get(s, 1), 1) for s in sections], dtype=float)
    net = (n_f - n_a) / sizes
    limit = max(0.25, float(np.abs(net).max(initial=0)))
    from matplotlib.colors import LinearSegmentedColormap

    cmap = LinearSegmentedColormap.from_list("stance", [NEGATIVE, "#F7F7F7", POSITIVE])
    if ax is None:
        ax = _new_axes(height=max(2.2, _row_height() * len(targets) * 1.6 + 1.8))
    image = ax.imshow(net, cmap=cmap, vmin=-limit, vmax=limit, aspect="auto",
                      interpolation="nearest", gid="stance-heatmap")
    many = len(sections) > 6
    ax.set_xticks(range(len(sections)),
                  [_shorten(lab, 24) if many else _wrap(lab, 16) for lab in labels],
                  rotation=35 if many else 0, ha="right" if many else "center",
                  rotation_mode="anchor" if many else "default")
    ax.set_yticks(range(len(targets)), shown)
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("Section (cells: sentences in favour + / against −)")
    ax.set_ylabel("Target")
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
    bar.set_label("Net stance (favour − against,\nshare of the section's sentences)")
    bar.outline.set_visible(False)
    if not _cell_counts(ax, n_f, n_a, net, limit):
        ax.set_xlabel("Section")
    if title:
        ax.set_title(title)
    return ax


def _cell_counts(ax: Axes, n_f: Any, n_a: Any, net: Any, limit: float) -> bool:
    """Write the favour / against counts in the heatmap cells, if they fit; say if so."""
    import numpy as np

    size = _font_size("xtick.labelsize")
    texts = []
    for (i, j), value in np.ndenumerate(net):
        parts = [f"+{n_f[i, j]}" if n_f[i, j] else "", f"−{n_a[i, j]}" if n_a[i, j] else ""]
        label = " ".join(p for p in parts if p) or "·"
        texts.append(ax.text(j, i, label, ha="center", va="center", fontsize=size,
                             color="white" if abs(value) > 0.6 * limit else "#262626",
                             gid="stance-count"))
    renderer = _settle_layout(ax)
    left, right = ax.transData.transform([(0, 0), (1, 0)])[:, 0]
    cell = abs(right - left) * 0.92
    wide = max((t.get_window_extent(renderer).width for t in texts), default=0) \
        if renderer is not None else 0
    if wide > cell:  # the counts do not fit: leave the colours alone
        for t in texts:
            t.set_visible(False)
        return False
    return True


# -- segments and speakers ------------------------------------------------------------------

def plot_segments(
    analysis: Analysis,
    *,
    title: str | None = "Topic segments",
    ax: Axes | None = None,
) -> Axes:
    """Timeline of topic segments: one bar per segment over the sentences it spans.

    Each row is labelled with the segment's number and label (its distinctive words); the
    bar colour is its dominant keyword category; dashed lines separate sections.

    Parameters
    ----------
    analysis : Analysis
        Needs the ``segments`` table (:func:`discourse.topics.segment_topics`).
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One bar per segment (gid ``"segments"``).

    Examples
    --------
    >>> from discourse import analyze
    >>> result = analyze("Talks\\n\\nPeace talks went on. Peace envoys met. Oil fell. Oil rose.")
    >>> ax = plot_segments(result)
    >>> len([bar for bar in ax.patches if bar.get_gid() == "segments"]) == len(result.segments)
    True
    """
    import numpy as np

    segments = _table(analysis, "segments")
    need = {"first_sentence", "last_sentence"}
    if segments is None or segments.empty or not need <= set(segments.columns):
        raise _missing("plot_segments", "topic segments (table 'segments')",
                       "segment the article with discourse.topics.segment_topics")
    segments = segments.reset_index(drop=True)
    n = len(segments)
    ids = segments["segment_id"].tolist() if "segment_id" in segments else list(range(n))
    labels = segments["label"].tolist() if "label" in segments else [""] * n
    cats = (segments["keyword_category"].tolist() if "keyword_category" in segments
            else [None] * n)
    cats = [c if isinstance(c, str) else None for c in cats]
    colors = category_colors(_categories(analysis, cats))
    first = segments["first_sentence"].to_numpy(float)
    last = segments["last_sentence"].to_numpy(float)
    ax = ax or _new_axes(height=max(2.4, _row_height() * n + 1.9))
    y = np.arange(n)
    ax.barh(y, last - first + 1, left=first - 0.5, height=0.62,
            color=[colors[c] if c else "#BFBFBF" for c in cats], edgecolor="white",
            linewidth=0.8, gid="segments", zorder=2)
    ax.set_yticks(y, [f"{i}  {_shorten(lab if isinstance(lab, str) else '', 42)}"
                      for i, lab in zip(ids, labels, strict=True)])
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xlim(first.min() - 0.6, last.max() + 0.6)
    _integer_axis(ax.xaxis)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Sentence number (reading order)")
    ax.set_ylabel("Segment (label: distinctive words)")
    from matplotlib.patches import Patch

    shown = [c for c in colors if c in cats]
    handles = [Patch(color=colors[c]) for c in shown]
    if None in cats:
        handles.append(Patch(color="#BFBFBF"))
        shown.append(_NO_CATEGORY)
    if handles:
        ax.legend(handles, shown, title="Main keyword", loc="upper left",
                  bbox_to_anchor=(1.01, 1.0))
    strip = _draw_sections(ax, _sentence_bands(_section_spans(analysis)))
    _set_title(ax, title, strip=strip)
    return ax


def _speaker_counts(analysis: Analysis) -> pd.DataFrame:
    """``speaker``, ``role``, ``direct``, ``indirect``, ``mixed`` sentence counts."""
    import pandas as pd

    table = _table(analysis, "speakers")
    columns = {f"n_{t}" for t in _SPEECH_TYPES}
    if table is not None and "speaker" in table and columns & set(table.columns):
        out = pd.DataFrame({"speaker": table["speaker"].astype(str),
                            "role": table.get("role")})
        for t in _SPEECH_TYPES:
            out[t] = table[f"n_{t}"].fillna(0).astype(int) if f"n_{t}" in table else 0
        return out
    frame = _sentences(analysis)
    if not {"speaker", "quote_type"} <= set(frame.columns):
        return pd.DataFrame(columns=["speaker", "role", *_SPEECH_TYPES])
    spoken = frame[frame["speaker"].notna() & frame["quote_type"].isin(_SPEECH_TYPES)]
    counts = (spoken.groupby(["speaker", "quote_type"], sort=False).size()
              .unstack(fill_value=0).reindex(columns=list(_SPEECH_TYPES), fill_value=0))
    out = counts.reset_index()
    out.insert(1, "role", None)
    out.columns.name = None
    return out


def plot_speakers(
    analysis: Analysis,
    *,
    top: int = 12,
    title: str | None = "Who is quoted",
    ax: Axes | None = None,
) -> Axes:
    """Stacked bars: sentences attributed to each speaker, split by quote type.

    Parameters
    ----------
    analysis : Analysis
        Needs the ``speakers`` table (``speaker``, ``n_direct``, ``n_indirect``,
        ``n_mixed``) or ``speaker`` and ``quote_type`` columns in the sentences.
    top : int
        Speakers shown, most quoted first.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One bar per speaker and quote type (gid ``"speech-<type>"``).

    Examples
    --------
    >>> from discourse import read_article
    >>> from discourse.analysis import Analysis
    >>> article = read_article('Talks\\n\\n"We are ready," Ann Lee said. Bo Chan disagreed.')
    >>> frame = article.to_frame().assign(speaker=[None, "Ann Lee", "Bo Chan"],
    ...                                   quote_type=["none", "direct", "indirect"])
    >>> ax = plot_speakers(Analysis(article=article, sentences=frame))
    >>> [t.get_text() for t in ax.get_yticklabels()], len(ax.patches)
    (['Ann Lee', 'Bo Chan'], 6)
    """
    import numpy as np

    top = _check_int("top", top, 1)
    counts = _speaker_counts(analysis)
    if counts.empty:
        raise _missing("plot_speakers", "speakers (table 'speakers' or a 'speaker' column)",
                       "attribute quotations with discourse.quotes.attribute_quotes")
    counts = counts.assign(total=counts[list(_SPEECH_TYPES)].sum(axis=1))
    counts = counts[counts["total"] > 0].sort_values("total", ascending=False, kind="stable")
    n_all = len(counts)
    counts = counts.head(top).reset_index(drop=True)
    if counts.empty:
        raise _missing("plot_speakers", "attributed sentences", "no sentence has a speaker")
    ax = ax or _new_axes(height=max(1.6, _row_height() * len(counts) * 1.3 + 1.3))
    y = np.arange(len(counts))
    left = np.zeros(len(counts))
    for kind in _SPEECH_TYPES:
        values = counts[kind].to_numpy(float)
        ax.barh(y, values, 0.65, left=left, color=QUOTE_COLORS[kind],
                label=kind if values.any() else "_nolegend_",
                edgecolor="white", linewidth=0.6, gid=f"speech-{kind}", zorder=2)
        left += values
    size = _font_size("xtick.labelsize") * 0.9
    for k, total in enumerate(left):
        ax.annotate(f"{int(total)}", (total, k), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=size, color=_LABEL_GREY)

    def name(row: Any) -> str:
        role = row.role if isinstance(row.role, str) and row.role else None
        return _shorten(f"{row.speaker}, {role}" if role else str(row.speaker), 40)

    ax.set_yticks(y, [name(r) for r in counts.itertuples()])
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlim(0, max(left.max(), 1) * 1.12)
    _integer_axis(ax.xaxis)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Sentences attributed (count)")
    ax.set_ylabel("Speaker")
    ax.legend(title="Quote type", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if title:
        ax.set_title(title + (f" (top {top} of {n_all})" if n_all > top else ""))
    return ax


# -- corpus -----------------------------------------------------------------------------------

def _document_rates(frame: pd.DataFrame, x: str, doc: str) -> pd.DataFrame:
    """One row per document and category: ``doc``, ``x``, ``category``, ``rate``."""
    import pandas as pd

    key = doc if doc in frame.columns else x
    if {"count", "tokens"} <= set(frame.columns):
        # Rates are recomputed from counts: each unit's tokens are counted once.
        unit_cols = [key, "unit"] if "unit" in frame.columns else [key]
        tokens = frame.drop_duplicates(unit_cols).groupby(key, sort=False)["tokens"].sum()
        counts = frame.groupby([key, "category"], sort=False)["count"].sum()
        rates = counts / tokens.reindex(counts.index.get_level_values(0)).to_numpy() * 1000
    else:
        rates = frame.groupby([key, "category"], sort=False)["rate_per_1000"].sum()
    table = rates.unstack(fill_value=0.0).fillna(0.0)
    long = table.stack().rename("rate").reset_index()
    long.columns = [key, "category", "rate"]
    xs = frame.drop_duplicates(key).set_index(key)[x] if key != x else None
    long[x] = long[key].map(xs) if xs is not None else long[key]
    return pd.DataFrame(long)


def plot_corpus_keyword_rates(
    frame: pd.DataFrame,
    *,
    x: str = "year",
    doc: str = "doc_id",
    categories: Sequence[str] | None = None,
    kind: Literal["auto", "line", "bars"] = "auto",
    title: str | None = "Keyword rates across the corpus",
    ax: Axes | None = None,
) -> Axes:
    """Keyword rates per category across documents or years.

    Parameters
    ----------
    frame : pandas.DataFrame
        A keyword table with a ``category`` column, the ``x`` column and either
        ``count`` and ``tokens`` (the rate is recomputed, each ``unit``'s tokens counted
        once) or ``rate_per_1000`` (summed over the rows of a document and category).
        Typically the combined ``keywords.csv`` of a corpus run with a ``year`` column
        added, or :func:`discourse.keywords.keyword_frequencies` by document.
    x : str
        Column on the x axis: ``"year"``, ``"doc_id"``, ...
    doc : str
        Column naming documents. When ``x`` groups several documents, the mean rate over
        the documents is drawn, with ±1 standard error as a band (line) or error bar.
    categories : sequence of str, optional
        Categories to draw (default: all, in order of appearance).
    kind : {"auto", "line", "bars"}
        ``auto``: a line when ``x`` is numeric (years), else grouped bars.
    title : str or None
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "year": [2001, 2001, 2002, 2002],
    ...                       "category": ["peace", "war", "peace", "peace"],
    ...                       "rate_per_1000": [2.0, 1.0, 4.0, 6.0]})
    >>> ax = plot_corpus_keyword_rates(table)
    >>> [line.get_label() for line in ax.get_lines()]
    ['peace', 'war']
    >>> ax.get_lines()[0].get_ydata().tolist()
    [2.0, 5.0]
    """
    import numpy as np
    import pandas as pd

    check_choice("kind", kind, ("auto", "line", "bars"))
    if not isinstance(frame, pd.DataFrame):
        raise InvalidOptionError(f"frame must be a DataFrame, not {type(frame).__name__}.")
    has_rates = "rate_per_1000" in frame or {"count", "tokens"} <= set(frame.columns)
    missing = [c for c in (x, "category") if c not in frame.columns]
    if missing or not has_rates:
        raise MissingDataError(
            f"plot_corpus_keyword_rates: the table needs the columns {x!r}, 'category' and "
            f"'rate_per_1000' (or 'count' and 'tokens'); columns found: {list(frame.columns)}."
        )
    if frame.empty:
        raise MissingDataError("plot_corpus_keyword_rates: the keyword table is empty.")
    rates = _document_rates(frame, x, doc)
    wanted = list(dict.fromkeys(frame["category"])) if categories is None else list(categories)
    rates = rates[rates["category"].isin(wanted)]
    stats = rates.groupby([x, "category"], sort=True)["rate"].agg(["mean", "sem", "count"])
    xs = sorted(set(rates[x]), key=lambda v: (isinstance(v, str), v))
    numeric = all(isinstance(v, (int, float, np.integer, np.floating)) for v in xs)
    if kind == "auto":
        kind = "line" if numeric and len(xs) > 1 else "bars"
    averaged = bool((stats["count"] > 1).any())
    colors = category_colors(wanted)
    ax = ax or _new_axes()
    size = _font_size("xtick.labelsize")
    for j, category in enumerate(wanted):
        part = stats.xs(category, level="category").reindex(xs)
        mean = part["mean"].to_numpy(float)
        sem = part["sem"].fillna(0).to_numpy(float)
        if kind == "line":
            ax.plot(xs, mean, marker="o", markersize=4, color=colors[category],
                    label=category, gid=f"rate-{category}")
            if averaged:
                ax.fill_between(xs, mean - sem, mean + sem, color=colors[category], alpha=0.15,
                                linewidth=0)
        else:
            width = 0.8 / len(wanted)
            pos = np.arange(len(xs)) - 0.4 + width * (j + 0.5)
            ax.bar(pos, mean, width * 0.92, color=colors[category], label=category,
                   yerr=sem if averaged else None, error_kw={"elinewidth": 0.8, "capsize": 2},
                   gid=f"rate-{category}", zorder=2)
    if kind == "bars":
        many = len(xs) > 8
        ax.set_xticks(np.arange(len(xs)), [_shorten(str(v), 20) for v in xs],
                      rotation=45 if many else 0, ha="right" if many else "center",
                      fontsize=size)
        ax.grid(axis="x", visible=False)
    elif numeric and all(float(v).is_integer() for v in xs):
        _integer_axis(ax.xaxis)
    ax.set_ylim(bottom=0)
    ax.set_xlabel({"doc_id": "Document"}.get(x, x.replace("_", " ").capitalize()))
    ax.set_ylabel("Keyword rate (per 1,000 words)"
                  + ("\nmean of documents ± 1 SE" if averaged else ""))
    ax.legend(title="Category", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if title:
        ax.set_title(title)
    return ax


# -- export -----------------------------------------------------------------------------------

#: Charts drawn by :func:`save_charts`, by file name.
CHARTS: dict[str, Callable[..., Axes]] = {
    "sentiment_arc": plot_sentiment_arc,
    "keyword_rates": plot_keyword_rates,
    "dispersion": plot_dispersion,
    "stance": plot_stance,
    "segments": plot_segments,
    "speakers": plot_speakers,
    "subjectivity": plot_subjectivity,
}

_EXPORT_RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.hashsalt": "discourse"}
_METADATA: dict[str, dict[str, Any]] = {
    # No creation dates: the same chart gives the same file.
    "pdf": {"CreationDate": None, "Creator": "discourse"},
    "svg": {"Date": None, "Creator": "discourse"},
    "png": {"Software": "discourse"},
}


def save_figure(
    fig: Figure,
    path: str | Path,
    formats: Sequence[Format] | Format = ("png", "svg", "pdf"),
    *,
    dpi: int = 300,
) -> list[Path]:
    """Save a figure in several formats, atomically, with a tight bounding box.

    Parameters
    ----------
    fig : matplotlib Figure
    path : str or Path
        The file path without extension (an extension ``.png``/``.svg``/``.pdf`` is
        dropped). Folders are created.
    formats : sequence of {"png", "svg", "pdf"}
    dpi : int
        Resolution of the PNG (the other formats are vector graphics).

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``. PDF fonts are embedded as
        TrueType (Type 42), never as Type 3.

    Examples
    --------
    >>> import tempfile, matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> paths = save_figure(fig, tempfile.mkdtemp() + "/chart", formats=("png", "svg"))
    >>> [p.suffix for p in paths]
    ['.png', '.svg']
    >>> plt.close(fig)
    """
    import matplotlib as mpl

    from discourse.io import write_with

    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    if not formats:
        raise InvalidOptionError("formats is empty; give at least one of 'png', 'svg', 'pdf'.")
    for fmt in formats:
        check_choice("format", fmt, ("png", "svg", "pdf"))
    _check_int("dpi", dpi, 10)
    base = Path(path)
    if base.suffix.lower() in (".png", ".svg", ".pdf"):
        base = base.with_suffix("")
    written = []
    with mpl.rc_context(_EXPORT_RC):
        for fmt in dict.fromkeys(formats):
            target = base.with_name(f"{base.name}.{fmt}")

            def writer(tmp: str, fmt: str = fmt) -> None:
                fig.savefig(tmp, format=fmt, dpi=dpi, bbox_inches="tight", pad_inches=0.05,
                            metadata=_METADATA[fmt])

            written.append(write_with(target, writer))
    return written


def chart_figures(
    analysis: Analysis,
    *,
    charts: Iterable[str] | None = None,
    style: StyleName = "paper",
) -> dict[str, Figure]:
    """Draw every chart the analysis has data for; the caller closes the figures.

    Parameters
    ----------
    analysis : Analysis
    charts : iterable of str, optional
        Names from :data:`CHARTS` (default: all).
    style : {"paper", "notebook", "slides"}
        The preset the charts are drawn in (see :func:`style`).

    Returns
    -------
    dict of str to matplotlib Figure
        By chart name, in :data:`CHARTS` order; charts without data are left out.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from discourse import analyze
    >>> figures = chart_figures(analyze("Talks\\n\\nPeace talks resumed. Both met."))
    >>> {"dispersion", "keyword_rates", "segments"} <= set(figures), "speakers" in figures
    (True, False)
    >>> for fig in figures.values():
    ...     plt.close(fig)
    """
    import matplotlib.pyplot as plt

    names = list(CHARTS) if charts is None else list(charts)
    for name in names:
        check_choice("chart", name, tuple(CHARTS))
    figures: dict[str, Figure] = {}
    with _styles.style(style):
        for name in names:
            try:
                ax = CHARTS[name](analysis)
            except MissingDataError:
                continue
            except BaseException:
                for fig in figures.values():
                    plt.close(fig)
                raise
            figures[name] = ax.figure
    return figures


def save_charts(
    analysis: Analysis,
    folder: str | Path,
    formats: Sequence[Format] | Format = ("png", "svg", "pdf"),
    *,
    style: StyleName = "paper",
    dpi: int = 300,
) -> dict[str, list[Path]]:
    """Draw every chart that has data, save it in each format and close it.

    Parameters
    ----------
    analysis : Analysis
    folder : str or Path
        Files are written as ``folder/<chart>.<format>`` (folder created as needed);
        chart names are the keys of :data:`CHARTS`.
    formats : sequence of {"png", "svg", "pdf"}
    style : {"paper", "notebook", "slides"}
    dpi : int

    Returns
    -------
    dict of str to list of Path
        The files of each chart drawn; charts whose data are missing are left out.

    Examples
    --------
    >>> import tempfile
    >>> from discourse import analyze
    >>> saved = save_charts(analyze("Talks\\n\\nPeace talks resumed. Both met."),
    ...                     tempfile.mkdtemp(), formats=("png",))
    >>> saved["segments"][0].name, "speakers" in saved
    ('segments.png', False)
    """
    import matplotlib.pyplot as plt

    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    for fmt in formats:
        check_choice("format", fmt, ("png", "svg", "pdf"))
    out: dict[str, list[Path]] = {}
    figures = chart_figures(analysis, style=style)
    try:
        with _styles.style(style):
            for name, fig in figures.items():
                out[name] = save_figure(fig, Path(folder) / name, formats, dpi=dpi)
    finally:
        for fig in figures.values():
            plt.close(fig)
    return out

