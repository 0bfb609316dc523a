"""Colours and style presets shared by the charts and the report."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from discourse import plots
from discourse.errors import InvalidOptionError
from discourse.plots.styles import EXPORT_RC, OKABE_ITO, PALETTE, STYLES, category_colors, rc_params
from tests.plots.test_plots import build_analysis


def test_style_presets_apply_and_restore():
    before = matplotlib.rcParams["font.size"]
    with plots.style("slides"):
        assert matplotlib.rcParams["font.size"] == 14
        assert matplotlib.rcParams["pdf.fonttype"] == 42
        ax = plots.plot_keyword_rates(build_analysis(full=False))
        assert ax.figure.get_size_inches()[0] == pytest.approx(11.0)
        plt.close(ax.figure)
    assert matplotlib.rcParams["font.size"] == before
    with pytest.raises(InvalidOptionError, match="style"), plots.style("poster"):
        pass


def test_palette_is_okabe_ito():
    assert set(PALETTE) == set(OKABE_ITO.values())
    assert category_colors(["a", "b", "a"]) == {"a": PALETTE[0], "b": PALETTE[1]}
    assert rc_params("paper")["axes.prop_cycle"].by_key()["color"] == list(PALETTE)


@pytest.mark.parametrize("name", sorted(STYLES))
def test_every_preset_exports_truetype_fonts_and_stable_svg_ids(name):
    assert EXPORT_RC.items() <= rc_params(name).items()
