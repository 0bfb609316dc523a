"""Group chart: a measure of compare_groups per outlet, or per outlet over months."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from discourse.errors import InvalidOptionError, MissingDataError
from discourse.plots.groups import plot_groups


def groups_table() -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": ["Daily", "Daily", "Herald", "Herald"],
        "month": ["2017-04", "2017-05", "2017-04", "2017-05"],
        "documents": [1, 1, 1, 1],
        "sentiment_mean": [0.4, 0.2, -0.3, -0.5],
        "stance_peace_net": [1.0, 0.5, 0.0, -1.0],
    })


def test_bars_per_group():
    table = groups_table().groupby("outlet", as_index=False)[
        ["documents", "sentiment_mean"]].mean()
    ax = plot_groups(table)
    assert [p.get_height() for p in ax.patches] == pytest.approx([0.3, -0.4])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Daily", "Herald"]
    assert ax.get_xlabel() == "outlet"


def test_lines_per_group_over_months():
    ax = plot_groups(groups_table(), y="stance_peace_net")
    lines = {line.get_label(): line for line in ax.get_lines() if line.get_gid()}
    assert sorted(lines) == ["Daily", "Herald"]
    assert list(lines["Herald"].get_ydata()) == pytest.approx([0.0, -1.0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2017-04", "2017-05"]
    assert ax.get_xlabel() == "month"


def test_draws_on_the_axes_given():
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    assert plot_groups(groups_table(), ax=ax) is ax


def test_bad_inputs():
    with pytest.raises(MissingDataError, match="sentiment_mean"):
        plot_groups(pd.DataFrame({"outlet": ["a"], "documents": [1], "x": [1.0]}))
    with pytest.raises(InvalidOptionError):
        plot_groups([1, 2])
    with pytest.raises(MissingDataError, match="empty"):
        plot_groups(groups_table().iloc[:0])
