"""Speaker chart: who is quoted, and how (direct, indirect, mixed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discourse.plots._common import _SPEECH_TYPES, _check_int, _missing, _sentences, _table
from discourse.plots._layout import (
    _LABEL_GREY,
    _font_size,
    _integer_axis,
    _legend_outside,
    _new_axes,
    _row_height,
    _rows,
    _shorten,
)
from discourse.plots.styles import QUOTE_COLORS

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from discourse.analysis import Analysis


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


def _speaker_name(row: Any) -> str:
    role = row.role if isinstance(row.role, str) and row.role else None
    return _shorten(f"{row.speaker}, {role}" if role else str(row.speaker), 40)


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
                       "attribute quotations with discourse.attribute_quotes")
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
    _rows(ax, [_speaker_name(r) for r in counts.itertuples()])
    ax.set_xlim(0, max(left.max(), 1) * 1.12)
    _integer_axis(ax.xaxis)
    ax.set_xlabel("Sentences attributed (count)")
    ax.set_ylabel("Speaker")
    _legend_outside(ax, title="Quote type")
    if title:
        ax.set_title(title + (f" (top {top} of {n_all})" if n_all > top else ""))
    return ax
