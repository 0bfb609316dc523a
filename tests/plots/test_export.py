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
from discourse.plots import export


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


def _streams(pdf: bytes) -> list[bytes]:
    return [zlib.decompress(body) for body in re.findall(
        rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL) if body[:1] == b"x"]


def _pdf_of(tmp_path, name: str, text: str) -> bytes:
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.set_title(text)  # bold
    ax.set_xlabel(text)
    ax.plot([0, 1], [-1, 1])  # a minus sign on the y axis
    try:
        (path,) = plots.save_figure(fig, tmp_path / name, formats=("pdf",))
    finally:
        plt.close(fig)
    return path.read_bytes()


def _whole_fonts_only(monkeypatch) -> None:
    monkeypatch.setattr(export, "_repertoire_font", lambda path, number: None)


@pytest.mark.parametrize("text", [
    "Lavrov said: “Baku – Moscow” 2017 (±5 %) €",
    "Лавров — Λ, ŝ, ǅ, ẞ, ½ → ∑ √ ≤ ≠",  # Cyrillic, Greek, Latin Extended, arrows, math
])
def test_pdf_text_in_the_repertoire_gives_the_same_bytes_as_from_the_whole_font(
        tmp_path, monkeypatch, text):
    import matplotlib.font_manager as fm

    regular = fm.findfont(fm.FontProperties(family="DejaVu Sans"))
    cut = export._repertoire_font(regular, 0)
    whole = _glyph_count(regular)
    assert cut is not None and 500 < len(cut.glyphs) < whole / 2  # a third of the font
    lean = _pdf_of(tmp_path, "lean", text)
    _whole_fonts_only(monkeypatch)
    assert lean == _pdf_of(tmp_path, "whole", text)
    fonts = _embedded_fonts(lean)
    mapped = set().union(*(font.getBestCmap() for font in fonts))
    assert {ord(c) for c in text if not c.isspace()} | {0x2212} <= mapped
    for font in fonts:  # Windows' character maps only
        assert {table.platformID for table in font["cmap"].tables} == {3}


def _glyph_count(path: str) -> int:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return len(font.getGlyphOrder())


def test_pdf_falls_back_to_the_whole_font_outside_the_repertoire(tmp_path, monkeypatch):
    import matplotlib.font_manager as fm

    text = "Peace ☮ talks ★"  # misc symbols: in DejaVu Sans, not in the repertoire
    regular = fm.findfont(fm.FontProperties(family="DejaVu Sans"))
    font = fm.get_font(regular)
    glyphs = {font.get_char_index(ord(c)) for c in "☮★"}
    assert 0 not in glyphs  # the font has them ...
    assert not glyphs & export._repertoire_font(regular, 0).glyphs.keys()  # ... the cut not
    assert not any(start <= ord(c) < stop for c in "☮★" for start, stop in export.REPERTOIRE)
    pdf = _pdf_of(tmp_path, "symbols", text)
    mapped = set().union(*(f.getBestCmap() for f in _embedded_fonts(pdf)))
    assert {ord("☮"), ord("★"), ord("P")} <= mapped  # drawn from the whole font
    # selectable and searchable: the ToUnicode map of the PDF names both characters
    cmaps = b"".join(s for s in _streams(pdf) if b"begincmap" in s)
    assert b"262E" in cmaps.upper() and b"2605" in cmaps.upper()
    _whole_fonts_only(monkeypatch)
    assert pdf == _pdf_of(tmp_path, "whole", text)


def test_png_is_written_with_fast_lossless_compression(tmp_path):
    from PIL import Image

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [0, 1])
    try:
        (path,) = plots.save_figure(fig, tmp_path / "line", formats=("png",), dpi=50)
    finally:
        plt.close(fig)
    data = path.read_bytes()
    idat = data.index(b"IDAT") + 4
    assert export.PNG_COMPRESS_LEVEL == 3
    assert data[idat:idat + 2] == b"\x78\x5e"  # zlib header: a fast level (2-5), not 6
    with Image.open(path) as image:
        assert image.mode == "RGBA" and image.info["Software"] == "discourse"
        image.load()


def test_layout_engine_alone_gives_the_layout_and_box_of_a_draw(analysis):
    from discourse.plots import styles

    with styles.style("paper"):
        figures = plots.chart_figures(analysis)
        twins = plots.chart_figures(analysis)
        try:
            for name, fig in figures.items():
                twin = twins[name]  # laid out by an unpainted draw, as matplotlib does
                renderer = twin.canvas.get_renderer()
                with renderer._draw_disabled():
                    twin.draw(renderer)
                expected = twin.get_tightbbox(renderer).padded(0.05)
                with export._laid_out_once(fig) as bbox:
                    assert bbox.bounds == pytest.approx(expected.bounds, abs=1e-9), name
                    for ax, other in zip(fig.axes, twin.axes, strict=True):
                        assert ax.get_position().bounds == pytest.approx(
                            other.get_position().bounds, abs=1e-12), name
        finally:
            for fig in [*figures.values(), *twins.values()]:
                plt.close(fig)


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
