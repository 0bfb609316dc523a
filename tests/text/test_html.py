"""Reading HTML pages: the article is extracted, page furniture is not analysed."""

from __future__ import annotations

import html

import pytest

from discourse import read_article
from discourse.errors import DiscourseError, NoArticleError
from discourse.text.html import looks_like_html
from tests.text.test_spans import check_spans


def seed_page(text: str) -> str:
    """The seed article as a news site would serve it: header, navigation, scripts, an
    aside and a footer around the article."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    title, lead, *body = blocks[1:]  # blocks[0] is the site's "All news" link
    parts = [f"<h2>{html.escape(b)}</h2>" if len(b) < 60 and not b.endswith(".")
             else f"<p>{html.escape(b)}</p>" for b in body]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} - Politics - TASS</title>
<meta name="author" content="TASS">
<meta property="article:published_time" content="2017-04-04T10:15:00+03:00">
<script>window.dataLayer = [{{"page": "news"}}]; function t() {{ return "Lavrov said."; }}</script>
<style>body {{ font-family: sans-serif; }}</style></head>
<body><header><a href="/">TASS</a><nav><ul><li><a href="/all">All news</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/world">World</a></li>
<li><a href="/economy">Business &amp; Economy</a></li></ul></nav></header>
<main><article><h1>{html.escape(title)}</h1><p class="lead"><em>{html.escape(lead)}</em></p>
{"".join(parts)}
</article>
<aside><h3>Read also</h3><ul><li><a href="/x">Putin meets Aliyev in Sochi</a></li>
<li><a href="/y">Lavrov to visit Baku next week</a></li></ul></aside></main>
<footer><p>&copy; TASS 2017. All rights reserved.</p><a href="/about">About us</a></footer>
<script src="/static/app.js"></script></body></html>"""


@pytest.fixture(scope="module")
def page(seed_path) -> str:
    return seed_page(seed_path.read_text("utf-8"))


def body(article) -> list[str]:
    return [s.text for s in article.sentences if s.kind == "body"]


def test_seed_page_gives_the_seed_title_and_body_sentences(page, seed_article, tmp_path):
    path = tmp_path / "lavrov.html"
    path.write_text(page, encoding="utf-8")
    for art in (read_article(page), read_article(path)):
        assert art.title.text == seed_article.title.text
        assert len(body(art)) == 27
        assert body(art) == body(seed_article)
        assert art.html == page
        assert art.date == "2017-04-04"
        assert [s.heading.text for s in art.sections if s.heading] == ["Nagorno-Karabakh conflict"]
        for sentence in art.sentences:
            assert "<" not in sentence.text and ">" not in sentence.text
            assert not any(w in sentence.text for w in ("dataLayer", "All rights", "Read also"))
        check_spans(art)
    assert read_article(path).source == str(path)


def test_html_bytes_are_extracted(page):
    art = read_article(page.encode("utf-8"))
    assert len(body(art)) == 27 and art.html == page


def test_page_without_an_article_says_so():
    page = ("<!DOCTYPE html><html><body><nav><a href='/'>Home</a><a href='/b'>News</a></nav>"
            "<script>var x = 1;</script></body></html>")
    with pytest.raises(NoArticleError, match="no article text") as info:
        read_article(page)
    assert isinstance(info.value, DiscourseError)


def test_html_detection():
    assert looks_like_html("  <!doctype html>\n<html><body></body></html>")
    assert looks_like_html("<html lang='en'><body><p>x</p></body></html>")
    assert not looks_like_html("Talks resume\n\nThe <b>talks</b> resumed.")
