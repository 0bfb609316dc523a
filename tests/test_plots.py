"""Charts: their elements (bars, lines, collections, labels, section markers), not pixels;
exported files: valid PNG / SVG / PDF with embedded TrueType fonts."""

from __future__ import annotations

import itertools
import subprocess
import sys
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from discourse import plots
from discourse.analysis import Analysis
from discourse.errors import InvalidOptionError, MissingDataError
from discourse.keywords import keyword_dispersion, keyword_frequencies
from discourse.parse import read_article
from discourse.topics import segment_ids, segment_topics

TEXT = """\
Ministers back peace plan as talks resume

Foreign ministers said a deal on security was close

GENEVA, May 3. /Reuters/. Peace talks resumed in Geneva on Monday. "We are ready for \
peace," Foreign Minister Ann Lee said. Bo Chan said the security plan was weak.

## Security guarantees

Security was the main issue. "Cooperation is the only way," Lee said. The Security Council \
met on Tuesday.

## Next steps

Talks continue in June. Officials said cooperation would grow.
"""

# One value per sentence (10 sentences: 2 front, 3 lead, 3 + 2 under the headings).
POLARITY = [0.0, 0.1, 0.0, 0.5, -0.6, 0.0, 0.3, 0.0, 0.0, 0.4]
SCORE = [0.1, 0.2, 0.0, 0.6, -0.7, -0.1, 0.4, 0.0, 0.05, 0.5]
SUBJECTIVITY = [0.0, 0.4, 0.1, 0.6, 0.7, 0.2, 0.5, 0.0, 0.1, 0.6]
QUOTE = ["none", "indirect", "none", "direct", "indirect", "none", "direct", "none", "none",
         "indirect"]
SPEAKER = [None, "Foreign ministers", None, "Ann Lee", "Bo Chan", None, "Ann Lee", None, None,
           "Officials"]
STANCE_PEACE = ["favor", "none", "favor", "favor", "none", "none", "none", "none", "none",
                "none"]
STANCE_PLAN = ["none", "none", "none", "none", "against", "none", "favor", "none", "none",
               "none"]


def sentiment_label(score: float) -> str:
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def build_analysis(text: str = TEXT, *, full: bool = True, keywords: object = None,
                   **extra_columns: list) -> Analysis:
    """An Analysis made in code: the real structure, keyword and segment tables, plus
    (with ``full``) the sentiment, quotation, stance and speaker data other steps add."""
    article = read_article(text)
    frame = article.to_frame()
    segments = segment_topics(frame)
    frame["segment_id"] = segment_ids(frame, segments)
    tables = {"keywords": keyword_frequencies(frame, keywords, by="section"),
              "segments": segments}
    if full:
        assert len(frame) == len(POLARITY), "the test text changed: update the columns"
        frame = frame.assign(
            polarity=POLARITY, subjectivity=SUBJECTIVITY, sentiment_score=SCORE,
            vader_compound=SCORE, sentiment=[sentiment_label(s) for s in SCORE],
            quote_type=QUOTE, speaker=SPEAKER, stance_peace=STANCE_PEACE,
            stance_plan=STANCE_PLAN,
        )
        long = frame.melt(id_vars=["sentence_id"], value_vars=["stance_peace", "stance_plan"],
                          var_name="target", value_name="stance")
        long["target"] = long["target"].str.removeprefix("stance_")
        long["score"] = long["stance"].map({"favor": 0.6, "against": -0.6, "none": 0.0})
        long["cues"] = [[] for _ in range(len(long))]
        tables["stance"] = long
        tables["speakers"] = pd.DataFrame({
            "speaker": ["Ann Lee", "Bo Chan", "Foreign ministers", "Officials"],
            "role": ["foreign minister", None, None, None],
            "n_direct": [2, 0, 0, 0], "n_indirect": [0, 1, 1, 1], "n_mixed": [0, 0, 0, 0],
        })
    frame = frame.assign(**extra_columns)
    params = {"keywords": keywords if isinstance(keywords, dict) else None}
    return Analysis(article=article, sentences=frame, tables=tables, params=params)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return build_analysis()


@pytest.fixture(scope="module")
def bare() -> Analysis:
    return build_analysis(full=False)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def by_gid(artists, prefix: str) -> list:
    return [a for a in artists if (a.get_gid() or "").startswith(prefix)]


def section_labels(ax) -> list[str]:
    return [t.get_text() for t in by_gid(ax.texts, "section-label") if t.get_visible()]


def tick_texts(labels) -> list[str]:
    return [t.get_text() for t in labels]


# -- sentiment ------------------------------------------------------------------------------

def test_sentiment_arc_draws_raw_and_rolling_lines_with_sections(analysis):
    ax = plots.plot_sentiment_arc(analysis)
    gids = [line.get_gid() for line in ax.get_lines()]
    for column in ("polarity", "sentiment_score"):
        assert f"raw-{column}" in gids and f"rolling-{column}" in gids
    raw = by_gid(ax.get_lines(), "raw-sentiment_score")[0]
    assert list(raw.get_xdata()) == list(range(10))
    assert list(raw.get_ydata()) == SCORE
    rolling = by_gid(ax.get_lines(), "rolling-polarity")[0].get_ydata()
    assert rolling[4] == pytest.approx((0.5 - 0.6 + 0.0) / 3)
    # Four sections: three boundaries, between sentences 1|2, 4|5 and 7|8.
    bounds = sorted(line.get_xdata()[0] for line in by_gid(ax.get_lines(), "section-boundary"))
    assert bounds == [1.5, 4.5, 7.5]
    assert {"Security guarantees", "Next steps"} <= set(section_labels(ax))
    assert ax.get_xlabel() == "Sentence number (reading order)"
    assert "−1 negative to +1 positive" in ax.get_ylabel()
    low, high = ax.get_ylim()
    assert low == -high and high >= 0.7


def test_sentiment_arc_window_one_has_no_rolling_line(analysis):
    ax = plots.plot_sentiment_arc(analysis, window=1, sections=False)
    assert not by_gid(ax.get_lines(), "rolling")
    assert not by_gid(ax.get_lines(), "section-boundary")
    assert not section_labels(ax)


def test_sentiment_arc_draws_only_the_columns_present():
    only_polarity = build_analysis(full=False, polarity=POLARITY)
    ax = plots.plot_sentiment_arc(only_polarity)
    assert {line.get_gid() for line in by_gid(ax.get_lines(), "r")} == {
        "raw-polarity", "rolling-polarity"}


def test_sentiment_arc_without_scores_raises(bare):
    with pytest.raises(MissingDataError, match="score_sentiment"):
        plots.plot_sentiment_arc(bare)


def test_sentiment_arc_rejects_bad_window(analysis):
    with pytest.raises(InvalidOptionError, match="window"):
        plots.plot_sentiment_arc(analysis, window=0)


def test_plots_draw_on_the_axes_given(analysis):
    fig, (left, right) = plt.subplots(1, 2)
    assert plots.plot_sentiment_arc(analysis, ax=left) is left
    assert plots.plot_keyword_rates(analysis, ax=right) is right
    assert plt.get_fignums() == [fig.number]


def test_subjectivity_scatter_one_collection_per_quote_type(analysis):
    ax = plots.plot_subjectivity(analysis)
    collections = {c.get_gid(): len(c.get_offsets()) for c in ax.collections}
    assert collections == {"points-direct": 2, "points-indirect": 3, "points-none": 5}
    assert ax.get_xlabel() == "TextBlob polarity (−1 to +1)"
    assert "subjectivity" in ax.get_ylabel()
    assert ax.get_legend() is not None


def test_subjectivity_without_quote_types_is_one_collection():
    ax = plots.plot_subjectivity(build_analysis(full=False, polarity=POLARITY,
                                                subjectivity=SUBJECTIVITY))
    assert [c.get_gid() for c in ax.collections] == ["points-all"]


# -- keywords ---------------------------------------------------------------------------------

def test_keyword_rates_one_bar_per_section_and_category(analysis):
    ax = plots.plot_keyword_rates(analysis)
    table = analysis.keywords
    categories = ["peace", "security", "cooperation"]
    for category in categories:
        bars = by_gid(ax.patches, f"rate-{category}")
        assert len(bars) == 4  # every section, zeros included
        expected = []
        for unit in range(4):
            rows = table[(table.unit == unit) & (table.category == category)]
            expected.append(float(rows["rate_per_1000"].sum()) if len(rows) else 0.0)
        assert [b.get_height() for b in bars] == pytest.approx(expected)
    labels = tick_texts(ax.get_xticklabels())
    assert labels[0].startswith("Front") and "(16 words)" in labels[0]
    assert labels[2].startswith("Security")
    assert ax.get_ylabel() == "Keyword rate (per 1,000 words)"
    assert [t.get_text() for t in ax.get_legend().get_texts()][:3] == categories
    # "Security Council" is a hit inside a name: its share of the bar is hatched.
    assert len(by_gid(ax.patches, "in-name-security")) == 4


def test_keyword_rates_can_drop_hits_in_names(analysis):
    full = plots.plot_keyword_rates(analysis)
    heights = [b.get_height() for b in by_gid(full.patches, "rate-security")]
    ax = plots.plot_keyword_rates(analysis, exclude_names=True)
    dropped = [b.get_height() for b in by_gid(ax.patches, "rate-security")]
    assert dropped[2] == pytest.approx(heights[2] / 2)  # 1 of 2 hits is in a name
    assert not by_gid(ax.patches, "in-name")
    assert "proper names excluded" in ax.get_title()


def test_keyword_rates_without_table_raises():
    article = read_article(TEXT)
    empty = Analysis(article=article, sentences=article.to_frame())
    with pytest.raises(MissingDataError, match="keyword"):
        plots.plot_keyword_rates(empty)


def test_dispersion_one_row_per_category_with_counts(analysis):
    ax = plots.plot_dispersion(analysis)
    hits = keyword_dispersion(analysis.sentences)
    counts = hits["category"].value_counts()
    assert tick_texts(ax.get_yticklabels()) == [
        f"{c} ({counts[c]})" for c in ("peace", "security", "cooperation")]
    drawn = sum(len(c.get_segments()) for c in ax.collections
                if (c.get_gid() or "").startswith(("hits-", "in-name-")))
    assert drawn == len(hits)
    assert by_gid(ax.collections, "in-name-security")  # Security Council
    xs = sorted(seg[0][0] for c in by_gid(ax.collections, "hits-peace")
                for seg in c.get_segments())
    assert xs == sorted(hits.loc[(hits.category == "peace") & ~hits.in_name, "token_index"])
    assert len(by_gid(ax.get_lines(), "section-boundary")) == 3
    assert "word tokens" in ax.get_xlabel()


def test_dispersion_relative_positions_and_terms(analysis):
    ax = plots.plot_dispersion(analysis, position="relative", by="term")
    assert ax.get_xlim() == (0, 100)
    assert "%" in ax.get_xlabel()
    assert "peace: peace (3)" in tick_texts(ax.get_yticklabels())


def test_dispersion_uses_the_analysis_dictionary():
    custom = build_analysis(keywords={"talks": ["talk*"]})
    ax = plots.plot_dispersion(custom)
    assert tick_texts(ax.get_yticklabels()) == ["talks (3)"]


# -- stance -----------------------------------------------------------------------------------

def test_stance_heatmap_targets_by_sections(analysis):
    ax = plots.plot_stance(analysis)
    image = by_gid(ax.images, "stance-heatmap")[0]
    net = image.get_array()
    assert net.shape == (2, 4)
    # Section 1 (3 sentences): peace favoured twice -> 2/3; section 2: plan +1 of 3.
    assert net[0, 1] == pytest.approx(2 / 3)
    assert net[1, 1] == pytest.approx(-1 / 3)
    assert net[1, 2] == pytest.approx(1 / 3)
    assert tick_texts(ax.get_yticklabels()) == ["peace", "plan"]
    cells = [t.get_text() for t in by_gid(ax.texts, "stance-count")]
    assert cells.count("+2") == 1 and "−1" in cells
    assert len(ax.figure.axes) == 2  # the colour bar


def test_stance_bars_and_wide_columns_agree(analysis):
    ax = plots.plot_stance(analysis, kind="bars")
    favor = [b.get_width() for b in by_gid(ax.patches, "stance-favor")]
    against = [b.get_width() for b in by_gid(ax.patches, "stance-against")]
    assert favor == [3, 1] and against == [0, -1]
    # Without the long table the stance_<target> columns give the same chart.
    tables = {k: v for k, v in analysis.tables.items() if k != "stance"}
    wide = Analysis(article=analysis.article, sentences=analysis.sentences, tables=tables)
    ax2 = plots.plot_stance(wide, kind="bars")
    assert [b.get_width() for b in by_gid(ax2.patches, "stance-favor")] == favor
    assert "against" in ax.get_xlabel() and "favour" in ax.get_xlabel()


def test_stance_ignores_score_columns_and_needs_data(bare):
    scores_only = build_analysis(full=False, stance_score_peace=[0.1] * 10)
    for candidate in (bare, scores_only):
        with pytest.raises(MissingDataError, match="stance"):
            plots.plot_stance(candidate)


# -- segments and speakers ------------------------------------------------------------------

def test_segments_timeline(analysis):
    ax = plots.plot_segments(analysis)
    segments = analysis.segments
    bars = by_gid(ax.patches, "segments")
    assert len(bars) == len(segments)
    first = bars[0]
    assert first.get_x() == pytest.approx(segments.first_sentence[0] - 0.5)
    assert first.get_width() == pytest.approx(segments.n_sentences[0])
    labels = tick_texts(ax.get_yticklabels())
    assert labels[1] == f"1  {segments.label[1]}"
    assert len(by_gid(ax.get_lines(), "section-boundary")) == 3
    assert ax.get_legend() is not None


def test_speakers_stacked_by_quote_type(analysis):
    ax = plots.plot_speakers(analysis)
    names = tick_texts(ax.get_yticklabels())
    assert names[0] == "Ann Lee, foreign minister"  # most quoted first
    assert len(names) == 4
    for kind in ("direct", "indirect", "mixed"):
        assert len(by_gid(ax.patches, f"speech-{kind}")) == 4
    assert by_gid(ax.patches, "speech-direct")[0].get_width() == 2
    assert ax.get_xlabel() == "Sentences attributed (count)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct", "indirect"]


def test_speakers_from_sentence_columns_and_top(analysis):
    tables = {k: v for k, v in analysis.tables.items() if k != "speakers"}
    from_columns = Analysis(article=analysis.article, sentences=analysis.sentences,
                            tables=tables)
    ax = plots.plot_speakers(from_columns, top=2)
    assert tick_texts(ax.get_yticklabels())[0] == "Ann Lee"
    assert len(by_gid(ax.patches, "speech-direct")) == 2
    assert "top 2 of 4" in ax.get_title()


def test_speakers_missing_raises(bare):
    with pytest.raises(MissingDataError):
        plots.plot_speakers(bare)


# -- layout -----------------------------------------------------------------------------------

def long_headed_text(n: int) -> str:
    parts = ["Officials discuss the long peace process\n"]
    for k in range(n):
        parts.append(f"## Part {k}: a very long heading about security cooperation number {k}\n")
        parts.append("The peace talks went on. Security was discussed again.\n")
    return "\n".join(parts)


def test_section_labels_never_overlap():
    many = build_analysis(long_headed_text(12), full=False,
                          polarity=[0.1] * 25, sentiment_score=[0.2] * 25)
    for draw in (plots.plot_sentiment_arc, plots.plot_segments, plots.plot_dispersion):
        ax = draw(many)
        fig = ax.figure
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in by_gid(ax.texts, "section-label")
                 if t.get_visible()]
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), draw.__name__
        if draw is plots.plot_sentiment_arc:
            assert len(boxes) >= 6
            shortened = [t for t in section_labels(ax) if t.endswith("…")]
            assert shortened, "long headings are shortened to fit"


def test_many_sections_keyword_labels_slant():
    many = build_analysis(long_headed_text(8), full=False)
    ax = plots.plot_keyword_rates(many)
    labels = ax.get_xticklabels()
    assert len(labels) == 9
    assert all(t.get_rotation() == 35 for t in labels)


# -- corpus -----------------------------------------------------------------------------------

def corpus_table() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c"],
        "year": [2001, 2001, 2002, 2002, 2002],
        "unit": [0, 0, 0, 0, 1],
        "category": ["peace", "war", "peace", "peace", "peace"],
        "count": [2, 1, 4, 3, 3],
        "tokens": [1000, 1000, 1000, 500, 500],
        "rate_per_1000": [2.0, 1.0, 4.0, 6.0, 6.0],
    })


def test_corpus_rates_by_year_average_documents():
    ax = plots.plot_corpus_keyword_rates(corpus_table())
    lines = {line.get_label(): line for line in ax.get_lines()}
    # Doc c: 6 hits in 1,000 tokens (two units of 500) -> 6; 2002 = mean(4, 6) = 5.
    assert list(lines["peace"].get_ydata()) == pytest.approx([2.0, 5.0])
    assert list(lines["war"].get_ydata()) == pytest.approx([1.0, 0.0])
    assert list(lines["peace"].get_xdata()) == [2001, 2002]
    assert "SE" in ax.get_ylabel() and "per 1,000 words" in ax.get_ylabel()
    assert ax.collections  # the ±1 SE band


def test_corpus_rates_by_document_as_bars():
    table = corpus_table().drop(columns=["count", "tokens"]).iloc[:3]
    ax = plots.plot_corpus_keyword_rates(table, x="doc_id", categories=["peace"])
    bars = by_gid(ax.patches, "rate-peace")
    assert [b.get_height() for b in bars] == pytest.approx([2.0, 4.0])
    assert tick_texts(ax.get_xticklabels()) == ["a", "b"]
    assert ax.get_xlabel() == "Document"


def test_corpus_rates_need_columns():
    with pytest.raises(MissingDataError, match="year"):
        plots.plot_corpus_keyword_rates(pd.DataFrame({"category": ["x"], "count": [1]}))


# -- styles and export ------------------------------------------------------------------------

def test_style_presets_apply_and_restore():
    before = matplotlib.rcParams["font.size"]
    with plots.style("slides"):
        assert matplotlib.rcParams["font.size"] == 14
        assert matplotlib.rcParams["pdf.fonttype"] == 42
        ax = plots.plot_keyword_rates(build_analysis(full=False))
        assert ax.figure.get_size_inches()[0] == pytest.approx(11.0)
    assert matplotlib.rcParams["font.size"] == before
    with pytest.raises(InvalidOptionError, match="style"), plots.style("poster"):
        pass


def test_palette_is_okabe_ito():
    from discourse.styles import OKABE_ITO, PALETTE, category_colors

    assert set(PALETTE) == set(OKABE_ITO.values())
    assert category_colors(["a", "b", "a"]) == {"a": PALETTE[0], "b": PALETTE[1]}


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


def test_save_figure_rejects_unknown_formats(tmp_path):
    fig = plt.figure()
    with pytest.raises(InvalidOptionError, match="format"):
        plots.save_figure(fig, tmp_path / "x", formats=("gif",))
    with pytest.raises(InvalidOptionError):
        plots.save_figure(fig, tmp_path / "x", formats=())
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


def test_import_does_not_load_matplotlib():
    code = ("import sys, discourse.plots, discourse.report; "
            "print(any(m in sys.modules for m in ('matplotlib', 'pandas', 'jinja2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
