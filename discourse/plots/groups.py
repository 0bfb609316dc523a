"""Group chart: one measure per group of documents (outlets, months, outlets by month)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discourse.errors import InvalidOptionError, MissingDataError
from discourse.plots.styles import category_colors

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

_NOT_MEASURES = {"documents", "sentences", "words"}

__all__ = ["plot_groups"]


def plot_groups(
    data: pd.DataFrame,
    *,
    y: str = "sentiment_mean",
    by: str | None = None,
    over: str | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One measure per group: bars per group, or one line per group over a period.

    Parameters
    ----------
    data : pandas.DataFrame
        A table of :func:`discourse.compare.compare_groups`: one row per group, the group
        keys in the first columns, measures such as ``sentiment_mean``,
        ``stance_<target>_net`` or ``keywords_<category>_per_1000``.
    y : str, default "sentiment_mean"
        The measure drawn.
    by : str, optional
        The group column (default: the first column).
    over : str, optional
        A second key (``"month"``): draws one line per ``by`` group across its values.
        Default: the second key column when the table has two.
    title : str, optional
        Default: the measure's name.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"outlet": ["Daily", "Herald"], "documents": [2, 2],
    ...                       "sentiment_mean": [0.3, -0.2]})
    >>> ax = plot_groups(table)
    >>> [round(float(p.get_height()), 2) for p in ax.patches], ax.get_xlabel()
    ([0.3, -0.2], 'outlet')
    """
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    if not isinstance(data, pd.DataFrame):
        raise InvalidOptionError(f"data must be a DataFrame, not {type(data).__name__}.")
    if y not in data.columns:
        measures = [c for c in data.columns if c not in _NOT_MEASURES
                    and pd.api.types.is_numeric_dtype(data[c])]
        raise MissingDataError(
            f"plot_groups: no column {y!r} in the table; measures found: {measures}. Build "
            "the table with discourse.compare.compare_groups."
        )
    if data.empty:
        raise MissingDataError("plot_groups: the table is empty.")
    keys = _key_columns(data)
    by = by or keys[0]
    if over is None and len(keys) >= 2:
        over = next(k for k in keys if k != by)
    for name in (by, over):
        if name is not None and name not in data.columns:
            raise MissingDataError(f"plot_groups: no group column {name!r} in the table.")
    if ax is None:
        _, ax = plt.subplots(layout="constrained")
    groups = list(dict.fromkeys(data[by].astype(str)))
    colors = category_colors(groups)
    if over is None:
        values = data[y].to_numpy(float)
        ax.bar(np.arange(len(groups)), values, 0.7, color=[colors[g] for g in groups],
               gid="group-bar", zorder=2)
        ax.set_xticks(np.arange(len(groups)), groups,
                      rotation=45 if len(groups) > 8 else 0,
                      ha="right" if len(groups) > 8 else "center")
        ax.set_xlabel(by)
        ax.grid(axis="x", visible=False)
    else:
        xs = sorted(set(data[over].astype(str)))
        for group in groups:
            rows = data[data[by].astype(str) == group]
            series = pd.Series(rows[y].to_numpy(float), index=rows[over].astype(str))
            series = series.groupby(level=0).mean().reindex(xs)
            ax.plot(np.arange(len(xs)), series.to_numpy(float), marker="o", markersize=4,
                    color=colors[group], label=group, gid=f"group-{group}")
        ax.set_xticks(np.arange(len(xs)), xs, rotation=45 if len(xs) > 8 else 0,
                      ha="right" if len(xs) > 8 else "center")
        ax.set_xlabel(over)
        ax.legend(title=by, frameon=False)
    if np.nanmin(data[y].to_numpy(float)) < 0:
        ax.axhline(0, color="0.5", linewidth=0.8, zorder=1)
    ax.set_ylabel(y.replace("_", " "))
    ax.set_title(title if title is not None else f"{y.replace('_', ' ')} by {by}")
    return ax


def _key_columns(data: pd.DataFrame) -> list[str]:
    """The group-key columns: those before ``documents`` (compare_groups' layout), else the
    first column."""
    columns = list(data.columns)
    if "documents" in columns and columns.index("documents") > 0:
        return columns[: columns.index("documents")]
    return columns[:1]
