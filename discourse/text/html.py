"""Extract the article from an HTML page with trafilatura.

trafilatura (Barbaresi 2021, https://trafilatura.readthedocs.io) finds the main text of a
web page and drops navigation, scripts, comments and page furniture. :func:`extract_page`
turns its structured output into the plain-text layout :func:`discourse.parse_text` reads:
the title as a Markdown ``#`` line, then one block per paragraph, list item or quotation,
separated by blank lines, and headings as ``##`` lines. The page's metadata (title, author,
date, URL) are returned beside the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from discourse.errors import MissingDependencyError, NoArticleError

__all__ = ["Page", "extract_page", "looks_like_html"]

_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<(?:head|body|div|p|script|meta|article|nav|span|a)\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLOCKS = {"p", "item", "quote", "head", "code"}


@dataclass(frozen=True)
class Page:
    """The article extracted from an HTML page.

    Attributes
    ----------
    text : str
        The article as text (title line, paragraphs and headings, blank lines between).
    title, author, date, url : str or None
        The page's metadata, as trafilatura found them (``date`` as ``YYYY-MM-DD``).
    """

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page (it starts with ``<!DOCTYPE html>`` or ``<html>``,
    or starts with a tag and holds several common HTML tags).

    Examples
    --------
    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi.</p></body></html>")
    True
    >>> looks_like_html("Talks resume\\n\\nThe <b>talks</b> resumed.")
    False
    """
    head = text[:20000]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_TAGS.findall(head)) >= 3


def extract_page(html: str, *, source: str = "<string>") -> Page:
    """Extract the article's title, metadata, paragraphs and headings from an HTML page.

    Parameters
    ----------
    html : str
        The page's source.
    source : str
        Where the page came from, for messages.

    Returns
    -------
    Page

    Raises
    ------
    NoArticleError
        If the page holds no article text (a front page, a login wall, a page built by
        JavaScript).
    MissingDependencyError
        If trafilatura is not installed.

    Examples
    --------
    >>> page = extract_page(
    ...     "<html><head><title>Talks</title></head><body><nav><a href='/'>Home</a></nav>"
    ...     "<article><h1>Talks resume</h1><p>The talks resumed on Monday in Geneva after "
    ...     "a break of two weeks, officials said.</p></article></body></html>")
    >>> print(page.text)
    # Talks resume
    <BLANKLINE>
    The talks resumed on Monday in Geneva after a break of two weeks, officials said.
    """
    try:
        import trafilatura
        from lxml import etree
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise MissingDependencyError(
            f"{source}: reading HTML needs trafilatura; install it with "
            "`pip install trafilatura`, or save the article's text as a .txt file."
        ) from exc
    xml = trafilatura.extract(
        html, output_format="xml", include_formatting=True, with_metadata=True,
        include_comments=False, include_tables=False, include_images=False,
        favor_recall=True, deduplicate=False, config=_config(),
    )
    root = etree.fromstring(xml.encode("utf-8")) if xml else None
    main = root.find("main") if root is not None else None
    blocks = [] if main is None else _blocks(main)
    if not any(kind != "head" for kind, _, _ in blocks):
        raise NoArticleError(
            f"{source}: no article text found in this HTML page (it may be a front page, a "
            "login wall, or a page built by JavaScript). Save the article's text as a .txt "
            "file, or pass the text itself as discourse.Text(...)."
        )
    meta = dict(root.attrib)
    title = _clean(meta.get("title", "")) or None
    lines: list[str] = []
    if blocks[0][0] == "head" and (title is None or blocks[0][2] == title or blocks[0][1] == 1):
        _, _, title = blocks.pop(0)
    if title:
        lines.append(f"# {title}")
    for kind, level, text in blocks:
        lines.append(f"{'#' * max(2, level)} {text}" if kind == "head" else text)
    return Page("\n\n".join(lines) + "\n", title=title, author=meta.get("author") or None,
                date=meta.get("date") or None, url=meta.get("url") or None)


@cache
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura falls back to the page's whole text when the article it finds is shorter
    # than 250 characters; short news items are articles too, so take what it finds.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def _blocks(main: Any) -> list[tuple[str, int, str]]:
    """(kind, heading level, text) of each paragraph-level element, in order."""
    found: list[tuple[str, int, str]] = []
    for el in main.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _BLOCKS or _inside_block(el):
            continue
        text = _clean(_text_of(el))
        if not text:
            continue
        level = 0
        if tag == "head":
            m = re.fullmatch(r"h([1-6])", el.get("rend", ""))
            level = int(m[1]) if m else 2
        found.append(("head" if tag == "head" else "p", level, text))
    return found


def _inside_block(el: Any) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in _BLOCKS:
            return True
        parent = parent.getparent()
    return False


def _text_of(el: Any) -> str:
    """The element's text, with ``<lb/>`` as a line break."""
    parts = [el.text or ""]
    for child in el:
        parts.append("\n" if child.tag == "lb" else _text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
