"""Tell a path from text: the one rule every function that takes documents follows.

A document can be given as a path (``str`` or :class:`os.PathLike`), as bytes, or as text.
A ``str`` is read as follows:

* :class:`Text` (``discourse.Text("...")``) is always text: the explicit way, no guessing.
* A string with a line break is text (articles have several lines; file names have none).
* A one-line string is a path when it names an existing file or folder, ends in a document
  extension (``.txt``, ``.html``, ``.csv``, ...), starts like a path (``/``, ``./``,
  ``../``, ``~``, ``C:\\``), contains a path separator without spaces (``news/a``), or is
  one token shaped like a file name, with an underscore or an inner dot
  (``Lavrov_interview``, ``report.v2``). A missing path raises
  :class:`~discourse.errors.InputNotFoundError` naming it.
* Any other one-line string (words with spaces: ``"Peace talks resume."``) is text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from discourse.errors import InputNotFoundError

__all__ = ["DOCUMENT_SUFFIXES", "Text", "classify_source", "looks_like_path", "resolve_path"]

#: Extensions of files that hold documents or tables of documents.
DOCUMENT_SUFFIXES = (
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".csv", ".tsv",
    ".json", ".jsonl", ".ndjson", ".parquet", ".pdf", ".doc", ".docx", ".rtf", ".odt",
)
_SUFFIX = re.compile(
    r".*\.(?:" + "|".join(s[1:] for s in DOCUMENT_SUFFIXES) + r")(?:\.gz)?", re.IGNORECASE
)
_PATH_START = re.compile(r"(?:/|\./|\.\./|~[/\\]?|[A-Za-z]:[\\/]|\\\\)")
_FILE_TOKEN = re.compile(r"(?=.*[^\W\d_])[\w-]*(?:_|\w\.\w)[\w.-]*\w|\S*[/\\]\S*")
SourceKind = Literal["text", "path", "bytes"]


class Text(str):
    """A string that is text to analyse, never a file name.

    Use it to pass one-line text that would otherwise look like a path.

    Examples
    --------
    >>> import discourse
    >>> discourse.read_article(discourse.Text("Lavrov_interview")).sentences[0].text
    'Lavrov_interview'
    >>> looks_like_path(Text("report.txt"))
    False
    """

    __slots__ = ()


def looks_like_path(source: str) -> bool:
    """Whether a string is taken as a path (see the module docstring for the rule).

    Examples
    --------
    >>> looks_like_path("Lavrov interview.txt"), looks_like_path("news/2017/a")
    (True, True)
    >>> looks_like_path("Peace talks resume."), looks_like_path("Talks\\n\\nThey met.")
    (False, False)
    """
    if isinstance(source, Text):
        return False
    if "\n" in source or "\r" in source or "\x00" in source or len(source) > 1024:
        return False
    stripped = source.strip()
    if not stripped:
        return False
    try:
        if Path(stripped).exists():
            return True
    except OSError:  # e.g. a name longer than the file system allows: not a path
        return False
    if _SUFFIX.fullmatch(stripped) or _PATH_START.match(stripped):
        return True
    # One token shaped like a file name: "Lavrov_interview", "report.v2" (at most 255
    # characters, the usual file-system limit). A plain word ("peace", "COVID-19") is text.
    return len(stripped) <= 255 and _FILE_TOKEN.fullmatch(stripped) is not None


def classify_source(source: object) -> SourceKind | None:
    """Return ``"text"``, ``"path"`` or ``"bytes"`` for a document, ``None`` for other objects.

    Examples
    --------
    >>> classify_source("Talks resume\\n\\nGENEVA ..."), classify_source(Path("a.txt"))
    ('text', 'path')
    >>> classify_source(b"..."), classify_source(Text("a.txt")), classify_source(3)
    ('bytes', 'text', None)
    """
    if isinstance(source, (bytes, bytearray)):
        return "bytes"
    if isinstance(source, str):
        return "path" if looks_like_path(source) else "text"
    if isinstance(source, os.PathLike):
        return "path"
    return None


def resolve_path(source: str | os.PathLike[str], *, what: str = "a file") -> Path:
    """Return the path, expanded (``~``), or raise InputNotFoundError naming it.

    Parameters
    ----------
    source : str or PathLike
    what : str
        What the path should be, for the message (``"a file"``, ``"a file or folder"``).
    """
    path = Path(os.path.expanduser(str(source).strip() if isinstance(source, str) else source))
    if path.exists():
        return path
    hint = ""
    if isinstance(source, str) and not isinstance(source, os.PathLike):
        hint = (f" If {str(source)!r} is the text to analyse rather than a file name, pass it "
                f"as discourse.Text({str(source)!r}).")
    raise InputNotFoundError(f"{path}: does not exist (expected {what}).{hint}")
