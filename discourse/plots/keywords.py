"""Keyword charts: rates by section, and where the hits occur (dispersion)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import InvalidOptionError, check_choice, check_int, missing_data
from discourse.plots.layout import (
    bar_counts,
    label_rows,
    legend_outside,
    new_axes,
    row_height,
    section_strip,
    shorten,
    wrap_label,
)
from discourse.plots.registry import register_chart
from discourse.plots.styles import category_colors
from discourse.views import (
    category_order,
    keyword_dictionary,
    named_table,
    section_spans,
    sentence_rows,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from discourse.analysis import Analysis


__all__ = ["plot_dispersion", "plot_keyword_rates"]

def _token_counts(texts: Iterable[Any]) -> list[int]:
    from discourse.lexicon.dictionary import normalize_word
    from discourse.text.tokens import TOKEN_PATTERN

    return [len(TOKEN_PATTERN.findall(normalize_word(t))) if isinstance(t, str) else 0
            for t in texts]


@register_chart("keyword_rates", order=20, cost=1.1, caption=(
    "Keyword rate per 1,000 words in each section (hatched: hits inside proper "
    "names)."
))
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
        Needs the ``keywords`` table (:func:`discourse.steps.keywords.keyword_frequencies` by
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
    keywords = named_table(analysis, "keywords")
    need = {"unit", "category", "count", "tokens"}
    if keywords is None or not need <= set(keywords.columns) or keywords.empty:
        raise missing_data("plot_keyword_rates", "keyword hits (table 'keywords')",
                       "count them with discourse.steps.keywords.keyword_frequencies(by='section')")
    spans = section_spans(analysis)
    frame = sentence_rows(analysis)
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
    order = category_order(analysis)
    categories = [c for c in order if c in set(keywords["category"])]
    colors = category_colors(order)
    n_units, n_cats = len(units), len(categories)
    x = np.arange(n_units, dtype=float)
    width = 0.8 / n_cats
    per_1000 = np.array([1000 / tokens[u] if tokens.get(u) else 0.0 for u in units])
    ax = ax or new_axes()
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
            bar_counts(ax, bars, shown, padding=1.5)
    if n_units > 5:  # slanted names only; word counts would collide
        ax.set_xticks(x, [shorten(labels[u], 24) for u in units], rotation=35, ha="right",
                      rotation_mode="anchor")
    else:
        ax.set_xticks(x, [f"{wrap_label(labels[u], 16)}\n({tokens.get(u, 0):,} words)"
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
    legend_outside(ax, handles, names_, title="Category")
    if title:
        ax.set_title(title + (" (proper names excluded)" if exclude_names else ""))
    return ax


@register_chart("dispersion", order=30, cost=0.9, caption=(
    "Where each keyword category occurs in the article."
))
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
    from discourse.steps.keywords import keyword_dispersion

    check_choice("by", by, ("category", "term"))
    check_choice("position", position, ("tokens", "relative"))
    max_rows = check_int("max_rows", max_rows, 1)
    frame = sentence_rows(analysis)
    if frame.empty or "text" not in frame:
        raise missing_data("plot_dispersion", "sentences", "analyse an article first")
    hits = keyword_dispersion(frame, keyword_dictionary(analysis, dictionary))
    if hits.empty:
        raise missing_data("plot_dispersion", "keyword hits", "use a dictionary that matches")
    before = list(accumulate(_token_counts(frame["text"]), initial=0))  # tokens before a row
    total = max(before[-1], 1)
    scale = 100 / total if position == "relative" else 1.0
    colors = category_colors(category_order(analysis, hits["category"]))
    if by == "category":
        rows = [c for c in colors if c in set(hits["category"])]
        key = hits["category"]
    else:
        key = hits["category"] + "\x00" + hits["term"]
        rows = key.value_counts(sort=True).index[:max_rows].tolist()
    ax = ax or new_axes(height=max(2.2, row_height() * len(rows) * 1.3 + 1.6))
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
    label_rows(ax, [f"{shorten(n, 28)} ({int((key == r).sum())})"
               for n, r in zip(names, rows, strict=True)])
    ax.set_xlim(0, total * scale)
    ax.set_xlabel("Position in article (% of word tokens)" if position == "relative"
                  else "Position in article (word tokens from the start)")
    ax.set_ylabel("Keyword category" if by == "category" else "Term")
    if hits["in_name"].any():
        from matplotlib.lines import Line2D

        legend_outside(ax, [Line2D([], [], color="#7F7F7F", alpha=0.5, marker="|",
                                    markersize=9, markeredgewidth=2, linestyle="none")],
                        ["inside a proper name"])
    bands = [(before[s.rows[0]] * scale, before[s.rows[1]] * scale, s.label)
             for s in section_spans(analysis)]
    section_strip(ax, bands, title)
    return ax
