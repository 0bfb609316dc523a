"""The article data model: immutable spans with half-open character offsets.

Every span points into :attr:`Article.text`, the decoded input stored unmodified, so that
``article.text[span.start:span.end] == span.text`` always holds (spaCy's convention).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Article",
    "Dateline",
    "Paragraph",
    "Section",
    "Sentence",
    "Span",
]

SentenceKind = Literal["title", "standfirst", "body"]
SectionKind = Literal["front", "body"]

#: Columns of :meth:`Article.to_frame`, in order.
FRAME_COLUMNS = (
    "section_id",
    "section_heading",
    "section_kind",
    "paragraph_id",
    "sentence_id",
    "kind",
    "start",
    "end",
    "text",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int
    text: str

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """One sentence. ``id`` counts sentences through the article from 0."""

    id: int = 0
    section_id: int = 0
    paragraph_id: int = 0
    kind: SentenceKind = "body"


@dataclass(frozen=True, slots=True)
class Paragraph(Span):
    """A paragraph: a block of text between blank lines, and its sentences."""

    id: int = 0
    section_id: int = 0
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A run of paragraphs under one heading (or none).

    ``kind`` is ``"front"`` for the front matter (title and standfirst) and ``"body"``
    otherwise. The text before the first heading forms a body section with no heading.
    """

    id: int
    kind: SectionKind
    heading: Span | None
    paragraphs: tuple[Paragraph, ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @property
    def start(self) -> int | None:
        first = self.heading or (self.paragraphs[0] if self.paragraphs else None)
        return None if first is None else first.start

    @property
    def end(self) -> int | None:
        last = self.paragraphs[-1] if self.paragraphs else self.heading
        return None if last is None else last.end


@dataclass(frozen=True, slots=True)
class Dateline(Span):
    """The dateline opening a news report, e.g. ``MOSCOW, April 4. /TASS/.``.

    ``place``, ``date_text`` and ``agency`` are ``None`` where the dateline lacks them.
    """

    place: str | None = None
    date_text: str | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed article. Build one with :func:`discourse.read_article`.

    Attributes
    ----------
    text : str
        The decoded input, unmodified. Every offset points into it.
    title, standfirst : Sentence or Paragraph or None
        The headline (a front sentence) and the summary paragraph before the dateline.
    byline, dateline : Span, Dateline or None
    boilerplate : tuple of Span
        Lines recognised as site furniture ("All news", "Read more", ...), kept, not dropped.
    markup : tuple of Span
        Markdown markers (``#``) around headings.
    sections : tuple of Section
        The front section (if the article has a title or standfirst) then the body sections.
    encoding : str
        The encoding the bytes were decoded with (``"str"`` for text given as a string).
    source : str
        The path read, or ``"<string>"``.
    html : str or None
        For an article read from an HTML page: the page's source, unmodified (:attr:`text`
        is the article extracted from it, and every offset points into :attr:`text`).
    author, date, url : str or None
        Metadata of an HTML page, as the extractor found them (``date`` as ``YYYY-MM-DD``).
    """

    text: str
    sections: tuple[Section, ...]
    title: Sentence | None = None
    standfirst: Paragraph | None = None
    byline: Span | None = None
    dateline: Dateline | None = None
    boilerplate: tuple[Span, ...] = ()
    markup: tuple[Span, ...] = ()
    encoding: str = "str"
    source: str = "<string>"
    warnings: tuple[str, ...] = field(default=())
    html: str | None = field(default=None, repr=False)
    author: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence in reading order, front sentences included."""
        return tuple(s for sec in self.sections for p in sec.paragraphs for s in p.sentences)

    @property
    def body_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind == "body")

    @property
    def name(self) -> str:
        """A short name for the article: its title, else its source."""
        return self.title.text if self.title is not None else self.source

    def spans(self) -> Iterator[tuple[str, int, int]]:
        """Yield every span once as ``(kind, start, end)``, in text order.

        Kinds: ``"title"``, ``"standfirst"``, ``"body"`` (sentences), ``"heading"``,
        ``"byline"``, ``"dateline"``, ``"boilerplate"``, ``"markup"``. Every non-whitespace
        character of :attr:`text` lies in exactly one of them.
        """
        items: list[tuple[str, int, int]] = [(s.kind, s.start, s.end) for s in self.sentences]
        items += [("heading", s.heading.start, s.heading.end) for s in self.sections if s.heading]
        for kind, span in (("byline", self.byline), ("dateline", self.dateline)):
            if span is not None:
                items.append((kind, span.start, span.end))
        items += [("boilerplate", b.start, b.end) for b in self.boilerplate]
        items += [("markup", m.start, m.end) for m in self.markup]
        yield from sorted(items, key=lambda item: item[1])

    def to_frame(self) -> pd.DataFrame:
        """One row per sentence with its ids, offsets and text.

        Columns: ``section_id``, ``section_heading``, ``section_kind``, ``paragraph_id``,
        ``sentence_id``, ``kind`` (title / standfirst / body), ``start``, ``end``, ``text``.

        Examples
        --------
        >>> from discourse import read_article
        >>> art = read_article("Peace talks resume\\n\\nThe talks resumed. Both sides met.")
        >>> art.to_frame()[["sentence_id", "kind", "text"]].values.tolist()[:2]
        [[0, 'title', 'Peace talks resume'], [1, 'body', 'The talks resumed.']]
        """
        import numpy as np
        import pandas as pd

        columns: dict[str, list[Any]] = {c: [] for c in FRAME_COLUMNS}
        for sec in self.sections:
            heading = sec.heading.text if sec.heading else None
            for par in sec.paragraphs:
                for s in par.sentences:
                    for column, value in zip(FRAME_COLUMNS, (
                            sec.id, heading, sec.kind, par.id, s.id, s.kind, s.start, s.end,
                            s.text), strict=True):
                        columns[column].append(value)
        ints = ("section_id", "paragraph_id", "sentence_id", "start", "end")
        data = {c: np.asarray(v, dtype=np.int64) if c in ints else v for c, v in columns.items()}
        return pd.DataFrame(data)

    def __repr__(self) -> str:
        n_sent = len(self.sentences)
        return (
            f"Article(name={self.name!r}, sections={len(self.sections)}, "
            f"sentences={n_sent}, chars={len(self.text)}, encoding={self.encoding!r})"
        )
