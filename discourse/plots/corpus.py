"""Corpus chart: keyword rates per category across documents or years."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from discourse.errors import InvalidOptionError, MissingDataError, check_choice
from discourse.plots.layout import (
    font_size,
    integer_axis,
    legend_outside,
    new_axes,
    shorten,
)
from discourse.plots.styles import category_colors

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes


__all__ = ["plot_corpus_keyword_rates"]

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
        added, or :func:`discourse.steps.keywords.keyword_frequencies` by document.
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
    ax = ax or new_axes()
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
        ax.set_xticks(np.arange(len(xs)), [shorten(str(v), 20) for v in xs],
                      rotation=45 if many else 0, ha="right" if many else "center",
                      fontsize=font_size("xtick.labelsize"))
        ax.grid(axis="x", visible=False)
    elif numeric and all(float(v).is_integer() for v in xs):
        integer_axis(ax.xaxis)
    ax.set_ylim(bottom=0)
    ax.set_xlabel({"doc_id": "Document"}.get(x, x.replace("_", " ").capitalize()))
    ax.set_ylabel("Keyword rate (per 1,000 words)"
                  + ("\nmean of documents ± 1 SE" if averaged else ""))
    legend_outside(ax, title="Category")
    if title:
        ax.set_title(title)
    return ax
