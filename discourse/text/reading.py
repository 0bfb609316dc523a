"""Read news articles and speeches into an :class:`~discourse.text.spans.Article`.

Reading has two stages. :func:`decode` turns bytes into text (UTF-8 with or without BOM,
UTF-16 with BOM, legacy encodings by detection) and rejects binary files. :func:`parse_text`
then finds the structure: boilerplate lines, the title, standfirst, byline and dateline,
section headings (plain short lines or Markdown ``#``), paragraphs and sentences. The text
is never modified; every part is a span with offsets into it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from discourse.errors import (
    BinaryInputError,
    DecodingError,
    DiscourseWarning,
    EmptyInputError,
    InputNotFoundError,
    InvalidOptionError,
)
from discourse.lexicon.resources import load_lexicon
from discourse.text.html import extract_page, looks_like_html
from discourse.text.sentences import sentence_bounds
from discourse.text.sources import Text, classify_source, resolve_path
from discourse.text.spans import Article, Dateline, Paragraph, Section, Sentence, Span

__all__ = ["decode", "parse_text", "read_article"]

Source = str | Text | os.PathLike[str] | bytes

# Magic numbers of binary formats researchers feed text tools by mistake.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.epub file)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "an executable",
    b"Rar!": "a RAR archive",
}
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?P<date>{_MONTH}\s\d{{1,2}}(?:,?\s\d{{4}})?|\d{{1,2}}\s{_MONTH}(?:\s\d{{4}})?)"
_PLACE = r"(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]*){0,3})"
_DASH = r"(?:--|[-–—])"
_DATELINES = [
    # MOSCOW, April 4. /TASS/.
    re.compile(rf"{_PLACE},\s{_DATE}\.?\s*/(?P<agency>[A-Za-z][\w\- ]{{0,24}})/\.?\s+"),
    # GENEVA (Reuters) -   WASHINGTON (AP) —   PARIS, May 3 (AFP) -   DES MOINES, Iowa (AP) —
    re.compile(
        rf"{_PLACE}(?:,\s(?P<region>[A-Z][a-z.]+(?:\s[A-Z][a-z.]+)?))?(?:,\s{_DATE})?\s"
        rf"\((?P<agency>[A-Z][\w.\- ]{{0,30}}?)\)\s*{_DASH}\s+"
    ),
    # ASTANA, May 12 —
    re.compile(rf"{_PLACE},\s{_DATE}\.?\s*{_DASH}\s+"),
    # WASHINGTON —
    re.compile(rf"{_PLACE}\s*{_DASH}\s+"),
]
_DATE_ONLY = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?{_DATE}(?:,?\s\d{{4}})?\.?"
)
_BYLINE = re.compile(r"(?:By|BY|by)\s+[A-Z][\w.'’\-]*(?:[ ,]+[\w.'’\-&]+){0,12}")
_MD_HEADING = re.compile(r"(?P<open>#{1,6})[ \t]+(?P<text>.+?)(?:[ \t]+(?P<close>#+))?[ \t]*$")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FINAL_PUNCT = tuple(".,;:!?\"'”’)»…")


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    lines: int


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, *, source: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text; return ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read directly; other bytes are
    handed to charset-normalizer (cp1251, latin-1, ...). Binary data raises
    :class:`BinaryInputError`, undecodable bytes :class:`DecodingError`.

    Examples
    --------
    >>> decode("Мир и дружба между народами".encode("cp1251"))
    ('Мир и дружба между народами', 'cp1251')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"{source}: starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} ({exc.reason} at byte {exc.start}). Re-save "
                    "the file as UTF-8."
                ) from exc
    head = data[:8]
    for magic, what in _BINARY_SIGNATURES.items():
        if head.startswith(magic):
            raise BinaryInputError(
                f"{source}: this is {what}, not text. Extract the article's text first "
                "(e.g. save it as a .txt file) and pass that."
            )
    if b"\x00" in data:
        where = data.index(b"\x00")
        raise BinaryInputError(
            f"{source}: contains NUL bytes (first at byte {where}), so it is binary "
            "or UTF-16 without a byte-order mark. Save the article as UTF-8 text."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = _detect(data)
    if best is None:
        raise DecodingError(
            f"{source}: the bytes are not UTF-8 and no other encoding fits them. Re-save the "
            "file as UTF-8, or decode it yourself and pass the text as a string."
        )
    return str(best), best.encoding


# Among equally plausible detections, the legacy encodings news text is most often in.
_PREFERRED = ("cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_15", "cp1254", "cp1250")


def _detect(data: bytes):  # type: ignore[no-untyped-def]
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        return None
    least_chaos = min(r.chaos for r in results)
    tied = [r for r in results if r.chaos <= least_chaos + 0.01]
    most_coherent = max(r.coherence for r in tied)
    tied = [r for r in tied if r.coherence >= most_coherent - 0.01]
    by_name = {r.encoding: r for r in tied}
    return next((by_name[e] for e in _PREFERRED if e in by_name), tied[0])


def read_article(
    source: Source,
    *,
    boilerplate: Iterable[str] = (),
    encoding: str | None = None,
) -> Article:
    """Read an article from a path, a string of text, an HTML page, or bytes.

    Parameters
    ----------
    source : str, PathLike, bytes or discourse.Text
        A path to a text or HTML file, the article's text (or an HTML page's source) itself,
        or raw bytes. A ``str`` is taken as a path or as text by one rule, the same in every
        function that takes documents (:mod:`discourse.text.sources`): a string with a line
        break is text; a one-line string is a path if it names an existing file, ends in a
        document extension (``.txt``, ``.html``, ...), contains a path separator, or is one
        token shaped like a file name (``Lavrov_interview``); :class:`discourse.Text` is
        always text.
    boilerplate : iterable of str, optional
        Extra regular expressions for lines to set aside as boilerplate, matched
        case-insensitively against whole lines (added to ``lexicons/boilerplate.yaml``).
    encoding : str, optional
        Force an encoding instead of detecting one.

    Returns
    -------
    Article
        For an HTML page (a ``.html``/``.htm`` file, or text that starts with
        ``<!DOCTYPE html>`` or ``<html>``), the article extracted with trafilatura:
        ``text`` is the extracted text (title, paragraphs and headings; navigation, scripts
        and page furniture left out), ``html`` the page's source, and ``author``, ``date``
        and ``url`` its metadata.

    Raises
    ------
    InputNotFoundError, EmptyInputError, BinaryInputError, DecodingError, NoArticleError

    Examples
    --------
    >>> art = read_article("Talks resume\\n\\nGENEVA (Reuters) - The talks resumed on Monday.")
    >>> art.title.text, art.dateline.place, art.dateline.agency, art.sentences[1].text
    ('Talks resume', 'GENEVA', 'Reuters', 'The talks resumed on Monday.')
    >>> read_article("Lavrov interview.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    discourse.errors.InputNotFoundError: Lavrov interview.txt: does not exist (expected a file)...
    """
    kind = classify_source(source)
    if kind == "bytes":
        text, used = _decode_with(bytes(source), encoding, "<bytes>")  # type: ignore[arg-type]
        return _parse_any(text, "<bytes>", used, boilerplate, html=looks_like_html(text))
    if kind == "text":
        return _parse_any(str(source), "<string>", "str", boilerplate,
                          html=looks_like_html(str(source)))
    if kind is None:
        raise InvalidOptionError(
            f"Cannot read an article from an object of type {type(source).__name__}; pass a "
            "path, the text as a string (or discourse.Text), or bytes."
        )
    path = resolve_path(source)  # type: ignore[arg-type]
    if not path.is_file():
        raise InputNotFoundError(
            f"{path}: is a folder, not a file. Pass the path of a text or HTML file, or the "
            "article's text as a string."
        )
    text, used = _decode_with(path.read_bytes(), encoding, str(path))
    is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(text)
    return _parse_any(text, str(path), used, boilerplate, html=is_html)


def _parse_any(text: str, source: str, encoding: str, boilerplate: Iterable[str], *,
               html: bool) -> Article:
    if not html:
        return parse_text(text, source=source, encoding=encoding, boilerplate=boilerplate)
    page = extract_page(text, source=source)
    article = parse_text(page.text, source=source, encoding=encoding, boilerplate=boilerplate)
    return replace(article, html=text, author=page.author, date=page.date, url=page.url)


def _decode_with(data: bytes, encoding: str | None, source: str) -> tuple[str, str]:
    if not data.strip():
        raise EmptyInputError(f"{source}: the input is empty. Pass a file with the article's text.")
    if encoding is None:
        return decode(data, source=source)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodingError(
            f"{source}: cannot decode as {encoding!r} ({exc}). Omit encoding= to detect it."
        ) from exc


# --------------------------------------------------------------------------- structure

_HTML = re.compile(r"<(?:!doctype|html|head|body|div|p|script|meta)\b", re.IGNORECASE)


def _warnings(text: str, source: str) -> tuple[str, ...]:
    """Warnings about input the analysis will handle, but not well."""
    import warnings

    from discourse.text.tokens import stopwords, words

    found = []
    if len(_HTML.findall(text[:20000])) >= 3:
        found.append(
            f"{source}: looks like HTML page source; tags are analysed as text. Extract the "
            "article's text first for meaningful results."
        )
    sample = words(text[:20000])
    if len(sample) >= 8:
        stops = stopwords()
        share = sum(w in stops for w in sample) / len(sample)
        if share < 0.12:
            found.append(
                f"{source}: does not look like English ({share:.0%} of words are English "
                "function words). The text is still segmented, but the lexicons behind "
                "sentiment, stance and keywords are English only."
            )
    for message in found:
        warnings.warn(message, DiscourseWarning, stacklevel=4)
    return tuple(found)


@cache
def _default_boilerplate() -> tuple[str, ...]:
    return tuple(load_lexicon("boilerplate.yaml")["patterns"])


@cache
def _boilerplate_regex(extra: tuple[str, ...]) -> re.Pattern[str]:
    patterns = _default_boilerplate() + extra
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _blocks(text: str) -> list[_Block]:
    """Paragraph-level blocks: runs of non-blank lines, or lines if no line is blank."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
    spans = []
    for a, b in lines:
        seg = text[a:b]
        stripped = seg.strip()
        if stripped:
            lead = len(seg) - len(seg.lstrip())
            spans.append((a + lead, a + lead + len(stripped)))
        else:
            spans.append(None)
    has_blank = _has_inner_blank(spans)
    blocks: list[_Block] = []
    run: list[tuple[int, int]] = []
    for span in spans:
        if span is not None and has_blank and not _is_md_heading(text, span):
            run.append(span)
            continue
        if run:
            blocks.append(_Block(run[0][0], run[-1][1], len(run)))
            run = []
        if span is not None:
            blocks.append(_Block(span[0], span[1], 1))
    if run:
        blocks.append(_Block(run[0][0], run[-1][1], len(run)))
    return blocks


def _has_inner_blank(spans: Sequence[tuple[int, int] | None]) -> bool:
    idx = [i for i, s in enumerate(spans) if s is not None]
    return bool(idx) and any(spans[i] is None for i in range(idx[0], idx[-1]))


def _is_md_heading(text: str, span: tuple[int, int]) -> bool:
    return text.startswith("#", span[0]) and _MD_HEADING.fullmatch(text, *span) is not None


def _title_like(text: str, block: _Block) -> bool:
    line = text[block.start : block.end]
    return (
        block.lines == 1
        and len(line) <= 300
        and len(line.split()) <= 30
        and not line.endswith((".", ",", ";", ":"))
        and not line[0].islower()
    )


def _heading_like(text: str, block: _Block) -> bool:
    line = text[block.start : block.end]
    return (
        block.lines == 1
        and len(line) <= 120
        and len(line.split()) <= 14
        and not line.endswith(_FINAL_PUNCT)
        and (line[0].isupper() or line[0].isdigit())
    )


def _match_dateline(text: str, start: int, end: int) -> Dateline | None:
    for pattern in _DATELINES:
        m = pattern.match(text, start, end)
        if m and m.end() < end and m["place"] == m["place"].upper():
            stop = m.end()
            while text[stop - 1].isspace():
                stop -= 1
            groups = m.groupdict()
            return Dateline(
                start, stop, text[start:stop], place=m["place"].strip(" ,"),
                date_text=groups.get("date"), agency=(groups.get("agency") or "").strip() or None,
            )
    return None


class _Builder:
    """Accumulates sections, paragraphs and sentences with running ids."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: list[Section] = []
        self.paragraphs: list[Paragraph] = []
        self.heading: Span | None = None
        self.kind = "front"
        self.n_par = 0
        self.n_sent = 0

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def paragraph(self, start: int, end: int, kind: str, *, split: bool = True) -> Paragraph:
        sec_id = len(self.sections)
        bounds = sentence_bounds(self.text[start:end]) if split else [(0, end - start)]
        sentences = []
        for a, b in bounds:
            sentences.append(
                Sentence(start + a, start + b, self.text[start + a : start + b],
                         id=self.n_sent, section_id=sec_id, paragraph_id=self.n_par, kind=kind)
            )
            self.n_sent += 1
        par = Paragraph(start, end, self.text[start:end], id=self.n_par, section_id=sec_id,
                        sentences=tuple(sentences))
        self.n_par += 1
        self.paragraphs.append(par)
        return par

    def close_section(self) -> None:
        if self.paragraphs or self.heading is not None:
            self.sections.append(
                Section(len(self.sections), self.kind, self.heading, tuple(self.paragraphs))
            )
        self.paragraphs, self.heading, self.kind = [], None, "body"


def parse_text(
    text: str,
    *,
    source: str = "<string>",
    encoding: str = "str",
    boilerplate: Iterable[str] = (),
) -> Article:
    """Find the structure of an article given as text (see :func:`read_article`).

    Examples
    --------
    >>> art = parse_text("# Report\\n\\n## Background\\n\\nIt began in May. It ended.")
    >>> art.sections[1].heading.text, [s.text for s in art.sections[1].sentences]
    ('Background', ['It began in May.', 'It ended.'])
    """
    if not text.strip():
        raise EmptyInputError(
            f"{source}: the input holds only whitespace. Pass the article's text."
        )
    bp_regex = _boilerplate_regex(tuple(boilerplate))
    b = _Builder(text)
    markup: list[Span] = []
    boiler: list[Span] = []
    content: list[_Block] = []
    for block in _blocks(text):
        if block.lines == 1 and bp_regex.fullmatch(text, block.start, block.end):
            boiler.append(b.span(block.start, block.end))
        else:
            content.append(block)

    def md_heading(block: _Block) -> Span | None:
        m = _MD_HEADING.fullmatch(text, block.start, block.end) if block.lines == 1 else None
        if m is None or not text.startswith("#", block.start):
            return None
        markup.append(b.span(m.start("open"), m.end("open")))
        if m["close"]:
            markup.append(b.span(m.start("close"), m.end("close")))
        return b.span(m.start("text"), m.end("text")) if m["text"] else None

    # Front matter: everything before the dateline, or a title line and a byline.
    title = standfirst = byline = dateline = None
    date_idx = next(
        (i for i, blk in enumerate(content[:8])
         if _match_dateline(text, blk.start, blk.end) is not None),
        None,
    )
    n_front = 0
    if date_idx is not None:
        n_front = date_idx
    elif len(content) > 1:
        byline_idx = next(
            (i for i, blk in enumerate(content[:4])
             if blk.lines == 1 and _BYLINE.fullmatch(text, blk.start, blk.end)),
            None,
        )
        first_md = content[0].lines == 1 and text.startswith("# ", content[0].start)
        if byline_idx is not None:
            n_front = byline_idx + 1
        elif first_md or _title_like(text, content[0]):
            n_front = 1
            while (n_front < len(content) - 1 and content[n_front].lines == 1
                   and _DATE_ONLY.fullmatch(text, content[n_front].start, content[n_front].end)):
                n_front += 1

    front_kind = "title"
    for block in content[:n_front]:
        if byline is None and block.lines == 1 and _BYLINE.fullmatch(text, block.start, block.end):
            byline = b.span(block.start, block.end)
        elif (date_idx is None and dateline is None and block.lines == 1
              and _DATE_ONLY.fullmatch(text, block.start, block.end)):
            dateline = Dateline(block.start, block.end, text[block.start:block.end],
                                date_text=text[block.start:block.end].rstrip("."))
        elif front_kind == "title" and (md := md_heading(block)) is not None:
            title = b.paragraph(md.start, md.end, "title", split=False).sentences[0]
            front_kind = "standfirst"
        elif front_kind == "title" and _title_like(text, block):
            title = b.paragraph(block.start, block.end, "title", split=False).sentences[0]
            front_kind = "standfirst"
        else:
            par = b.paragraph(block.start, block.end, "standfirst")
            standfirst = standfirst or par
            front_kind = "standfirst"
    b.close_section()

    body = content[n_front:]
    for i, block in enumerate(body):
        start = block.start
        if i == 0 and date_idx is not None:
            dateline = _match_dateline(text, block.start, block.end)
            assert dateline is not None
            start = dateline.end
            while text[start].isspace():
                start += 1
        heading = md_heading(block) if text.startswith("#", block.start) else None
        if heading is not None or (
            (i > 0 or date_idx is None) and i + 1 < len(body) and _heading_like(text, block)
            and not _heading_like(text, body[i + 1])
        ):
            b.close_section()
            b.heading = heading or b.span(block.start, block.end)
            continue
        b.paragraph(start, block.end, "body")
    b.close_section()

    return Article(
        warnings=_warnings(text, source),
        text=text,
        sections=tuple(b.sections),
        title=title,
        standfirst=standfirst,
        byline=byline,
        dateline=dateline,
        boilerplate=tuple(boiler),
        markup=tuple(markup),
        encoding=encoding,
        source=source,
    )
