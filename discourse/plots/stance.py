"""Stance chart: favor and against towards each target, by section or overall."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from discourse.errors import check_choice, missing_data
from discourse.plots.layout import (
    bar_counts,
    font_size,
    integer_axis,
    label_rows,
    legend_outside,
    new_axes,
    row_height,
    settle_layout,
    shorten,
    wrap_label,
)
from discourse.plots.registry import register_chart
from discourse.plots.styles import NEGATIVE, POSITIVE, STANCE_COLORS
from discourse.views import section_spans, sentence_rows, stance_long, target_label, target_labels

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from discourse.analysis import Analysis
    from discourse.views import SectionSpan

__all__ = ["plot_stance"]

@register_chart("stance", order=40, caption=(
    "Stance towards each target."
))
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
        ``heatmap``: net stance (favor − against sentences, as a share of the section's
        sentences) per target and section, counts written in the cells. ``bars``: per
        target over the whole article, favor sentences to the right and against to the
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
    check_choice("kind", kind, ("auto", "heatmap", "bars"))
    long = stance_long(analysis)
    if long.empty:
        raise missing_data("plot_stance", "stance table or stance_<target> columns",
                       "detect stance towards targets first")
    spans = section_spans(analysis)
    targets = list(dict.fromkeys(long["target"].astype(str)))
    names = target_labels(analysis)
    shown = [wrap_label(target_label(t, names), 24) for t in targets]
    if kind == "bars" or (kind == "auto" and len(spans) < 2):
        ax = _stance_bars(long, targets, shown, ax)
    else:
        ax = _stance_heatmap(analysis, long, targets, shown, spans, ax)
    if title:
        ax.set_title(title)
    return ax


def _tally(long: pd.DataFrame, targets: list[str], where: Any = True) -> tuple[Any, Any]:
    """Sentences in favor of and against each target (among the rows ``where`` holds)."""
    import numpy as np

    stance = long["stance"].astype(str).str.lower()
    rows = [(long["target"] == t) & where for t in targets]
    return (np.array([int((r & (stance == "favor")).sum()) for r in rows]),
            np.array([int((r & (stance == "against")).sum()) for r in rows]))


def _stance_bars(long: pd.DataFrame, targets: list[str], shown: list[str],
                 ax: Axes | None) -> Axes:
    """Diverging bars: favor to the right, against to the left, one row per target."""
    import numpy as np

    favor, against = _tally(long, targets)
    ax = ax or new_axes(height=max(2.0, row_height() * len(targets) * 1.4 + 1.4))
    y = np.arange(len(targets))
    for counts, side, stance, label in ((favor, 1, "favor", "favor"),
                                        (against, -1, "against", "against")):
        bars = ax.barh(y, side * counts, 0.65, color=STANCE_COLORS[stance], label=label,
                       gid=f"stance-{stance}", zorder=2)
        bar_counts(ax, bars, counts, padding=2)
    ax.axvline(0, color="#4D4D4D", linewidth=0.8)
    limit = max(1, int(favor.max(initial=0)), int(against.max(initial=0))) * 1.2
    ax.set_xlim(-limit, limit)
    integer_axis(ax.xaxis)
    ax.xaxis.set_major_formatter(lambda v, _: f"{abs(v):g}")
    label_rows(ax, shown, ticks=True)
    ax.set_xlabel("Sentences (← against | favor →)")
    ax.set_ylabel("Target")
    legend_outside(ax)
    return ax


def _stance_heatmap(analysis: Analysis, long: pd.DataFrame, targets: list[str],
                    shown: list[str], spans: list[SectionSpan], ax: Axes | None) -> Axes:
    """Targets × sections: net stance as colour, favor / against counts in the cells."""
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    frame = sentence_rows(analysis)
    section_of = dict(zip(frame["sentence_id"], frame["section_id"], strict=True)) \
        if {"sentence_id", "section_id"} <= set(frame.columns) else {}
    sections = [s.id for s in spans] or [0]
    labels = [s.label for s in spans] or ["Article"]
    size_of = {s.id: s.rows[1] - s.rows[0] for s in spans} or {0: len(frame)}
    sec = long["sentence_id"].map(section_of).fillna(sections[0])
    tallies = [_tally(long, targets, sec == s) for s in sections]
    n_f = np.column_stack([favor for favor, _ in tallies])
    n_a = np.column_stack([against for _, against in tallies])
    sizes = np.array([max(size_of.get(s, 1), 1) for s in sections], dtype=float)
    net = (n_f - n_a) / sizes
    limit = max(0.25, float(np.abs(net).max(initial=0)))
    cmap = LinearSegmentedColormap.from_list("stance", [NEGATIVE, "#F7F7F7", POSITIVE])
    ax = ax or new_axes(height=max(2.2, row_height() * len(targets) * 1.6 + 1.8))
    image = ax.imshow(net, cmap=cmap, vmin=-limit, vmax=limit, aspect="auto",
                      interpolation="nearest", gid="stance-heatmap")
    many = len(sections) > 6
    ax.set_xticks(range(len(sections)),
                  [shorten(lab, 24) if many else wrap_label(lab, 16) for lab in labels],
                  rotation=35 if many else 0, ha="right" if many else "center",
                  rotation_mode="anchor" if many else "default")
    ax.set_yticks(range(len(targets)), shown)
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("Section (cells: favor + / against − sentences; · none)")
    ax.set_ylabel("Target")
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.05, pad=0.02)
    bar.set_label("Net stance (favor − against,\nshare of the section's sentences)")
    bar.outline.set_visible(False)
    if not _cell_counts(ax, n_f, n_a, net, limit):
        ax.set_xlabel("Section")
    return ax


def _cell_counts(ax: Axes, n_f: Any, n_a: Any, net: Any, limit: float) -> bool:
    """Write the favor / against counts in the heatmap cells, if they fit; say if so."""
    import numpy as np

    size = font_size("xtick.labelsize")
    texts = []
    for (i, j), value in np.ndenumerate(net):
        parts = [f"+{n_f[i, j]}" if n_f[i, j] else "", f"−{n_a[i, j]}" if n_a[i, j] else ""]
        label = " ".join(p for p in parts if p) or "·"
        texts.append(ax.text(j, i, label, ha="center", va="center", fontsize=size,
                             color="white" if abs(value) > 0.6 * limit else "#262626",
                             gid="stance-count"))
    renderer = settle_layout(ax)
    left, right = ax.transData.transform([(0, 0), (1, 0)])[:, 0]
    cell = abs(right - left) * 0.92
    wide = max((t.get_window_extent(renderer).width for t in texts), default=0) \
        if renderer is not None else 0
    if wide > cell:  # the counts do not fit: leave the colours alone
        for t in texts:
            t.set_visible(False)
        return False
    return True
