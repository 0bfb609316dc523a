"""The HTML report: content, structure, self-containment and safety with hostile input."""

from __future__ import annotations

import base64
import re
import warnings
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from discourse import plots, report
from discourse.analysis import Analysis
from discourse.errors import DiscourseWarning
from discourse.report import html as html_module
from discourse.steps.keywords import keyword_dispersion, keyword_frequencies
from discourse.text.reading import read_article
from tests.plots.test_plots import build_analysis

PNG = b"\x89PNG\r\n\x1a\n"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(HTMLParser):
    """Collects elements, their attributes, and the text of each annotated sentence."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.sentences: dict[int, str] = {}
        self.text: list[str] = []
        self._stack: list[tuple[str, int | None]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in VOID:
            return
        sentence = attributes.get("data-sentence")
        self._stack.append((tag, int(sentence) if sentence is not None else None))
        if sentence is not None:
            self.sentences[int(sentence)] = ""

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        for _, sentence in self._stack:
            if sentence is not None:
                self.sentences[sentence] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag and all(
            (a.get(k) or "").split().count(v) or a.get(k) == v for k, v in attrs.items())]

    def with_class(self, name: str) -> list[tuple[str, dict]]:
        return [(t, a) for t, a in self.elements if name in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return build_analysis()


@pytest.fixture(scope="module")
def page(analysis) -> Page:
    return Page(report.render_html(analysis))


def test_standalone_page_structure(analysis, page):
    html = report.render_html(analysis)
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert page.find("title")
    assert page.find("h1")
    assert [t for t, _ in page.elements].count("style") == 2
    assert not re.search(r"https?://", html)  # nothing external


def test_every_sentence_is_shown_once_with_its_text(analysis, page):
    article = analysis.article
    assert sorted(page.sentences) == [s.id for s in article.sentences]
    for s in article.sentences:
        assert page.sentences[s.id] == s.text  # escaped once, not twice, and complete


def test_title_standfirst_headings_and_dateline(page):
    text = "".join(page.text)
    assert page.find("h1") and page.find("p", **{"class": "dr-standfirst"})
    assert "Security guarantees" in text and "Next steps" in text
    # The two headings, then "Summary tables" and the provenance footer.
    assert len(page.find("h2")) == 2 + 2
    assert "GENEVA, May 3. /Reuters/." in text
    assert page.with_class("dr-dateline")


def test_sentiment_tints_follow_the_score(analysis, page):
    classes = {int(a["data-sentence"]): a["class"].split()
               for _, a in page.elements if a.get("data-sentence")}
    assert "pos4" in classes[3]  # 0.6
    assert "neg4" in classes[4]  # -0.7
    assert "pos3" in classes[6]  # 0.4
    assert "neg1" in classes[5]  # -0.1
    assert not any(c.startswith(("pos", "neg")) for c in classes[2])  # 0.0
    assert "pos1" in classes[8]  # 0.05


def test_quotes_speakers_and_stance_badges(analysis, page):
    classes = {int(a["data-sentence"]): a for _, a in page.elements if a.get("data-sentence")}
    assert "q-direct" in classes[3]["class"] and "q-indirect" in classes[4]["class"]
    assert "Direct speech: Ann Lee" in classes[3]["title"]
    speakers = [a for _, a in page.with_class("speaker") if a.get("title") == "Speaker"]
    # Ann Lee (3), Bo Chan (4), Ann Lee (6), Foreign ministers (1), Officials (9).
    assert len(speakers) == 5
    favor = page.with_class("favor")
    against = page.with_class("against")
    assert len([a for _, a in favor if a.get("title", "").startswith("Stance")]) == 4
    assert len([a for _, a in against if a.get("title", "").startswith("Stance")]) == 1


def test_keywords_are_marked_at_their_offsets(analysis, page):
    hits = keyword_dispersion(analysis.sentences)
    marks = page.find("mark")
    assert len(marks) == len(hits)
    assert sum("in-name" in (m.get("class") or "") for m in marks) == int(hits.in_name.sum())
    html = report.render_html(analysis)
    assert 'title="keyword: peace">Peace</mark> talks resumed' in html


def test_segment_rules_and_tables(analysis, page):
    rules = page.with_class("seg")
    assert len(rules) == len(analysis.segments)
    captions = ("Sentiment by section", "Keywords by section", "Topic segments", "Speakers",
                "Stance toward targets")
    text = "".join(page.text)
    for caption in captions:
        assert caption in text
    assert len(page.find("table")) == 5  # no markers table in this analysis
    assert "Ann Lee" in text and "foreign minister" in text


def test_fragment_is_scoped(analysis):
    html = report.render_html(analysis, standalone=False)
    assert html.startswith('<div class="discourse-report">')
    assert "<!DOCTYPE" not in html and "<body" not in html
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    selectors = [s.strip() for rule in re.findall(r"([^{}]+)\{", css) for s in rule.split(",")]
    assert selectors and all(s.startswith(".discourse-report") for s in selectors)


def test_minimal_analysis_renders():
    article = read_article("Talks\n\nThey met.")
    html = report.render_html(Analysis(article=article, sentences=article.to_frame()))
    page = Page(html)
    assert sorted(page.sentences) == [0, 1]
    assert not page.find("table") and not page.find("mark")


def test_embedded_charts(analysis):
    html = report.render_html(analysis, charts=True)
    images = Page(html).find("img")
    assert len(images) == len(plots.CHARTS)
    for image in images:
        src = image["src"]
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(PNG)


def test_charts_from_saved_files_and_write_html(tmp_path, analysis):
    saved = plots.save_charts(analysis, tmp_path / "charts", formats=("png",), dpi=40)
    path = report.write_html(analysis, tmp_path / "out" / "report.html", charts=saved)
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert len(Page(html).find("img")) == len(saved)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report.html"]


def test_rejects_non_boolean_standalone(analysis):
    from discourse.errors import InvalidOptionError

    with pytest.raises(InvalidOptionError):
        report.render_html(analysis, standalone="yes")


# -- safety ---------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
HOSTILE = f"""\
Peace {SCRIPT} plan {IMG}

Leaders said {SVG} security was close

## Talks {SCRIPT} and {IMG}

"Peace {SVG} now {SCRIPT}," said Ann {IMG} Lee. Talks on security went on.

## Next {SVG}

<a href="javascript:alert(1)">cooperation</a> grew.
"""


def hostile_analysis() -> Analysis:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DiscourseWarning)  # "looks like HTML": on purpose
        article = read_article(HOSTILE)
    frame = article.to_frame()
    n = len(frame)
    frame = frame.assign(
        sentiment_score=[0.5] * n, polarity=[0.1] * n,
        sentiment=[SCRIPT] * n, quote_type=["direct"] * n, speaker=[IMG] * n,
        segment_id=list(range(n)),
    )
    frame[f"stance_{SVG}"] = ["favor"] * n
    segments = frame[["section_id", "segment_id"]].assign(
        first_sentence=frame["sentence_id"], last_sentence=frame["sentence_id"],
        n_sentences=1, label=SVG, top_terms=IMG, keyword_category=SCRIPT)
    stance = frame[["sentence_id"]].assign(
        target=SCRIPT, stance="against", score=-0.5,
        cues=[[{"text": "x", "start": 0, "end": 1, "role": SVG}]] * n)
    speakers = pd.DataFrame({"speaker": [IMG], "role": [SCRIPT], "n_direct": [n],
                             "n_indirect": [0], "n_mixed": [0]})
    keywords = {SVG: ["peace*"], SCRIPT: ["secur*"], IMG: ["cooperat*"]}
    tables = {"segments": segments, "stance": stance, "speakers": speakers,
              "keywords": keyword_frequencies(frame, keywords)}
    return Analysis(article=article, sentences=frame, tables=tables,
                    params={"keywords": keywords})


@pytest.mark.parametrize("standalone", [True, False])
def test_hostile_input_cannot_inject_markup(standalone):
    hostile = hostile_analysis()
    assert SCRIPT in hostile.article.text and hostile.article.title is not None
    html = report.render_html(hostile, standalone=standalone)
    page = Page(html)
    tags = [t for t, _ in page.elements]
    assert "script" not in tags and "svg" not in tags
    # The only links are the report's own: anchors of its sections and CSV files beside it.
    for href in [a.get("href") or "" for a in page.find("a")]:
        assert re.fullmatch(r"#[a-z0-9-]+|[a-z_]+\.csv", href), href
    assert not {"iframe", "object", "embed", "link", "base", "form"} & set(tags)
    for tag, attrs in page.elements:
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert not (value or "").strip().lower().startswith("javascript:")
    for image in page.find("img"):
        assert image["src"].startswith("data:image/png;base64,")
    lowered = html.lower()
    for raw in ("<script", "<svg", "<img src=x", "<a href=\"javascript"):
        assert raw not in lowered
    # The hostile text is still shown, as text.
    text = "".join(page.text)
    assert SCRIPT in text and IMG in text and SVG in text
    assert sum(1 for s in page.sentences.values() if SCRIPT in s) >= 2
    assert page.find("mark")  # keyword marks with hostile category names


def test_hostile_input_with_charts_only_embeds_our_images():
    html = report.render_html(hostile_analysis(), charts=True)
    page = Page(html)
    images = page.find("img")
    assert images and all(i["src"].startswith("data:image/png;base64,") for i in images)
    assert "svg" not in [t for t, _ in page.elements]


# -- a report a researcher can use (issue 19) -------------------------------------------------


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory, seed_article):
    from discourse import analyze
    from tests.conftest import DATA

    result = analyze(seed_article, targets=DATA / "targets" / "lavrov_2017.yaml")
    folder = result.save(tmp_path_factory.mktemp("seed"), charts=True)
    html = (folder / "report.html").read_text("utf-8")
    return folder, html, Page(html)


def test_contents_list_links_to_an_anchor_per_section(seed_report):
    _, html, page = seed_report
    nav = html[html.index('<nav class="dr-contents'):html.index("</nav>")]
    targets = re.findall(r'href="#([a-z0-9-]+)"', nav)
    ids = {a["id"] for _, a in page.elements if a.get("id")}
    assert {"article", "charts", "tables", "data", "provenance"} <= set(targets)
    assert set(targets) <= ids  # every entry lands somewhere
    assert any(t.startswith("chart-") for t in targets)
    assert any(t.startswith("table-") for t in targets)


def test_tables_link_to_their_csv_files_beside_the_report(seed_report):
    folder, _, page = seed_report
    hrefs = {a["href"] for a in page.find("a") if not a["href"].startswith("#")}
    assert {"keywords.csv", "markers.csv", "stance.csv", "segments.csv"} <= hrefs
    for href in hrefs:
        assert "/" not in href and (folder / href).is_file()  # relative, and it exists


def test_no_csv_links_when_nothing_is_saved_beside(analysis):
    page = Page(report.render_html(analysis))
    assert [a for a in page.find("a") if not a["href"].startswith("#")] == []


def test_provenance_footer_has_versions_parameters_and_date(seed_report):
    _, html, _ = seed_report
    footer = html[html.index('id="provenance"'):]
    assert "discourse 0." in footer and "pandas" in footer and "textblob" in footer
    assert "targets=" in footer and "lavrov_2017.yaml" in footer
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", footer)


def test_every_column_of_every_table_is_explained(seed_report):
    _, html, _ = seed_report
    for section in re.findall(r'<section class="dr-table".*?</section>', html, re.S):
        columns = re.findall(r'<th[^>]*title="([^"]+)"[^>]*>([^<]+)</th>', section)
        explained = re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", section)
        assert columns and [c for _, c in columns] == [c for c, _ in explained]
        assert all(len(text) > 10 for _, text in explained)


def test_stance_table_splits_not_mentioned_from_neutral(seed_report):
    folder, html, _ = seed_report
    import pandas as pd

    stance = pd.read_csv(folder / "stance.csv")
    section = html[html.index('id="table-stance"'):]
    section = section[:section.index("</section>")]
    assert "Neither" not in section
    assert ">Mentioned<" in section and ">Neutral<" in section and ">Not mentioned<" in section
    first = stance[stance["target"] == "russia_azerbaijan_relations"]
    mentioned = int(first["mentioned"].sum())
    neutral = int((first["mentioned"] & (first["stance"] == "none")).sum())
    not_mentioned = int((~first["mentioned"]).sum())
    row = re.search(r"<tr><td>Russia.Azerbaijan relations</td>(.*?)</tr>", section).group(1)
    cells = [int(c) for c in re.findall(r">(\d+)<", row)]
    assert cells[0] == mentioned and cells[3] == neutral and cells[4] == not_mentioned


def test_favor_is_spelt_as_in_the_data_and_the_dot_is_explained(seed_report):
    _, html, _ = seed_report
    assert "favour" not in html.lower()
    caption = re.search(r'<figure id="chart-stance">.*?<figcaption>(.*?)</figcaption>', html,
                        re.S).group(1)
    assert "·" in caption and "neither" in caption


def test_rates_from_few_words_carry_a_caveat(seed_report):
    _, html, _ = seed_report
    section = html[html.index('id="table-keywords"'):]
    section = section[:section.index("</section>")]
    # The seed's front (title and standfirst) has 32 words: its rates are flagged.
    front = re.search(r"<tr><td>Front</td>(.*?)</tr>", section).group(1)
    assert "†" in front
    lead = re.search(r"<tr><td>Lead</td>(.*?)</tr>", section).group(1)
    assert "†" not in lead
    assert f"fewer than {html_module.MIN_WORDS_FOR_RATE} words" in section


def test_stance_marker_rates_are_shown(seed_report):
    folder, html, _ = seed_report
    import pandas as pd

    markers = pd.read_csv(folder / "markers.csv")
    section = html[html.index('id="table-markers"'):]
    section = section[:section.index("</section>")]
    for name in ("Hedges", "Boosters", "Attitude markers", "Self-mentions"):
        assert f">{name}<" in section
    lead = markers.iloc[1]
    assert f"{int(lead['boosters'])} ({lead['boosters_per_1000']:.1f})" in section
