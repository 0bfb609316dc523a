"""Exported files: valid PNG / SVG / PDF with embedded TrueType fonts, the same bytes for
the same chart; every chart with data drawn and every figure closed."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from discourse import plots
from discourse.errors import InvalidOptionError


def test_save_figure_writes_valid_files(tmp_path, analysis):
    ax = plots.plot_sentiment_arc(analysis)
    paths = plots.save_figure(ax.figure, tmp_path / "sub" / "arc.png", dpi=72)
    assert [p.name for p in paths] == ["arc.png", "arc.svg", "arc.pdf"]
    png, svg, pdf = (p.read_bytes() for p in paths)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert ET.fromstring(svg).tag.endswith("svg")
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf  # TrueType embedded, no Type 3
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == [
        "arc.pdf", "arc.png", "arc.svg"]  # no temporary files left
    # The same chart gives the same bytes (no dates in the files).
    twins = [plots.save_figure(plots.plot_keyword_rates(analysis).figure, tmp_path / name,
                               formats=("pdf", "svg")) for name in ("one", "two")]
    assert [p.read_bytes() for p in twins[0]] == [p.read_bytes() for p in twins[1]]


def _embedded_fonts(pdf: bytes) -> list:
    from fontTools.ttLib import TTFont

    fonts = []
    for number in re.findall(rb"/FontFile2 (\d+) 0 R", pdf):
        body = re.search(rb"\n" + number + rb" 0 obj\s*<<.*?>>\s*stream\r?\n(.*?)endstream",
                         pdf, re.DOTALL)
        fonts.append(TTFont(io.BytesIO(zlib.decompress(body.group(1)))))
    return fonts


def test_pdf_fonts_are_lean_subsets_with_their_glyphs(tmp_path, analysis):
    from fontTools.subset import Options

    defaults = list(Options._drop_tables_default)
    ax = plots.plot_sentiment_arc(analysis)
    (path,) = plots.save_figure(ax.figure, tmp_path / "arc", formats=("pdf",))
    fonts = _embedded_fonts(path.read_bytes())
    assert fonts
    for font in fonts:
        # outlines, metrics and the character map kept; no layout tables (PDFs never use them)
        assert {"glyf", "hmtx", "cmap"} <= set(font.keys())
        assert not {"GSUB", "GPOS", "GDEF", "kern"} & set(font.keys())
        assert 10 < len(font.getGlyphOrder()) < 300  # a subset, not the whole font
    assert Options._drop_tables_default == defaults  # fontTools' own defaults untouched


def test_pdf_subsets_are_the_same_from_the_lean_fonts(tmp_path, analysis):
    from fontTools import subset

    load_font = subset.load_font
    (first,), (second,) = (  # the second from the fonts cached by the first
        plots.save_figure(plots.plot_keyword_rates(analysis).figure, tmp_path / name,
                          formats=("pdf",)) for name in ("one", "two"))
    assert subset.load_font is load_font  # fontTools' loader given back
    assert first.read_bytes() == second.read_bytes()
    fonts = _embedded_fonts(first.read_bytes())
    assert fonts and all("glyf" in font and "GSUB" not in font for font in fonts)


def test_save_figure_rejects_unknown_formats(tmp_path):
    fig = plt.figure()
    with pytest.raises(InvalidOptionError, match="format"):
        plots.save_figure(fig, tmp_path / "x", formats=("gif",))
    with pytest.raises(InvalidOptionError):
        plots.save_figure(fig, tmp_path / "x", formats=())
    with pytest.raises(InvalidOptionError, match="dpi"):
        plots.save_figure(fig, tmp_path / "x", formats="png", dpi=0)
    assert not list(tmp_path.iterdir())


def test_save_charts_draws_every_chart_with_data(tmp_path, analysis):
    before = plt.get_fignums()
    saved = plots.save_charts(analysis, tmp_path, formats=("png", "svg"), dpi=60)
    assert set(saved) == set(plots.CHARTS)
    for name, paths in saved.items():
        assert [p.name for p in paths] == [f"{name}.png", f"{name}.svg"]
        assert paths[0].read_bytes().startswith(b"\x89PNG")
    assert plt.get_fignums() == before  # every figure closed


def test_save_charts_skips_charts_without_data(tmp_path, bare):
    saved = plots.save_charts(bare, tmp_path, formats="png", dpi=50)
    assert set(saved) == {"keyword_rates", "dispersion", "segments"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dispersion.png", "keyword_rates.png", "segments.png"]


def test_chart_figures_draws_the_charts_asked_for(analysis):
    figures = plots.chart_figures(analysis, charts=["stance", "speakers"])
    assert list(figures) == ["stance", "speakers"]
    with pytest.raises(InvalidOptionError, match="chart"):
        plots.chart_figures(analysis, charts=["pie"])
