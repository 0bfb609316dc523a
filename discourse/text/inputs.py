"""Coerce the inputs the package accepts: one document's sentences, or a corpus's documents.

Each step (``score_sentiment``, ``keyword_frequencies``, ``segment_topics``, ...) accepts an
:class:`~discourse.text.spans.Article`, an :class:`~discourse.analysis.Analysis`, a DataFrame
with a ``text`` column, a list of strings, a path or a single string, and works on the table
returned by :func:`sentence_frame`.

Corpus functions (:func:`discourse.run_corpus`, :func:`discourse.keyness`,
:func:`discourse.corpus_topics`, :mod:`discourse.compare`) read their documents with
:func:`read_documents`: folders, globs, paths, texts, mappings, and tables (CSV, TSV, JSONL,
JSON, Parquet files and DataFrames) whose other columns become document variables.

Whether a ``str`` is a path or text is decided by one rule everywhere
(:mod:`discourse.text.sources`; :class:`discourse.Text` marks text explicitly).
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.errors import (
    EmptyInputError,
    InputNotFoundError,
    InvalidOptionError,
    MissingDataError,
    MissingDependencyError,
)
from discourse.io import safe_filename
from discourse.text.sources import Text, classify_source, resolve_path

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Document", "natural_key", "read_documents", "sentence_frame"]


def sentence_frame(data: Any) -> pd.DataFrame:
    """Return a sentence table with at least ``sentence_id`` and ``text`` columns.

    Parameters
    ----------
    data : Article, Analysis, DataFrame, list of str, str, PathLike or bytes
        An Article gives :meth:`Article.to_frame`; an Analysis its ``sentences`` table; a
        DataFrame must have a ``text`` column (a ``sentence_id`` column is added, counting
        from 0, if missing); a list of strings is one sentence per item; a string (text or a
        path, by the rule of :mod:`discourse.text.sources`), a path or bytes is read with
        :func:`discourse.read_article` first.

    Examples
    --------
    >>> sentence_frame(["Peace is near.", "War is not."])[["sentence_id", "text"]].values.tolist()
    [[0, 'Peace is near.'], [1, 'War is not.']]
    """
    import pandas as pd

    from discourse.text.spans import Article

    if isinstance(data, Article):
        return data.to_frame()
    frame = getattr(data, "sentences", None)
    if isinstance(frame, pd.DataFrame):  # an Analysis
        return frame
    if isinstance(data, pd.DataFrame):
        if "text" not in data.columns:
            raise InvalidOptionError(
                "The DataFrame given has no 'text' column; pass a table with one sentence "
                f"per row in a 'text' column (columns found: {list(data.columns)})."
            )
        if "sentence_id" not in data.columns:
            data = data.assign(sentence_id=range(len(data)))
        return data
    if isinstance(data, (str, bytes, os.PathLike)):
        from discourse.text.reading import read_article

        return read_article(data).to_frame()
    if isinstance(data, (list, tuple)) and all(isinstance(t, str) for t in data):
        return pd.DataFrame({"sentence_id": range(len(data)), "text": list(data)})
    raise InvalidOptionError(
        f"Cannot analyse an object of type {type(data).__name__}; pass an Article, an "
        "Analysis, a DataFrame with a 'text' column, a list of strings or a string."
    )


# --------------------------------------------------------------------------- documents

#: Files a folder is searched for (recursively).
DOCUMENT_FILES = (".txt", ".md", ".text", ".markdown", ".html", ".htm")
#: Files read as a table of documents, one per row.
TABLE_FILES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
_DIGITS = re.compile(r"(\d+)")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Document:
    """One document of a corpus.

    Attributes
    ----------
    doc_id : str
        A unique, file-safe id.
    path : str or None
        The file the document is read from (``None`` for text given in a table or list).
    text : str or None
        The document's text when it was given as text (a table row, a list item).
    variables : tuple of (name, value)
        Document variables: the other columns of a table row (outlet, date, ...).
    """

    doc_id: str
    path: str | None = None
    text: str | None = None
    variables: tuple[tuple[str, Any], ...] = ()

    @property
    def source(self) -> Any:
        """What :func:`discourse.read_article` is given: the path, or the text as Text."""
        return Text(self.text) if self.text is not None else Path(str(self.path))

    def read_text(self) -> str:
        """The document's text (its file's article text, for a path)."""
        if self.text is not None:
            return self.text
        from discourse.text.reading import read_article

        return read_article(Path(str(self.path))).text


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders numbers by value: ``a2`` before ``a10``.

    Examples
    --------
    >>> sorted(["doc889.txt", "doc90.txt", "doc89.txt"], key=natural_key)
    ['doc89.txt', 'doc90.txt', 'doc889.txt']
    """
    return tuple((0, int(p), p) if p.isdigit() else (1, 0, p.lower()) for p in _DIGITS.split(text))


def read_documents(inputs: Any, *, text_column: str = "text",
                   id_column: str = "doc_id") -> list[Document]:
    """Expand any corpus input into documents with unique, file-safe ids.

    Parameters
    ----------
    inputs : folder, glob, path, table file, DataFrame, mapping or list of them
        * a folder: its ``.txt``/``.md``/``.html`` files, recursively;
        * a glob (``"news/*.txt"``) or a file path;
        * a CSV / TSV / JSONL / JSON (records) / Parquet file, or a DataFrame: one document
          per row, its text in ``text_column``; the other columns are document variables;
        * a mapping ``{doc_id: text}``, or ``(doc_id, text)`` pairs;
        * a list mixing paths, globs and texts (a ``str`` is a
          path or text by the rule of :mod:`discourse.text.sources`; ``discourse.Text`` is
          always text).
        Files are sorted naturally (``9.txt`` before ``10.txt``).
    text_column : str, default "text"
        The column of a table that holds the documents' text.
    id_column : str, default "doc_id"
        The column of a table that holds the documents' ids (row numbers from 1 if absent).

    Returns
    -------
    list of Document

    Raises
    ------
    InputNotFoundError
        A path or glob that matches nothing.
    EmptyInputError
        No documents at all.
    MissingDataError
        A table without ``text_column``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"text": ["Peace now.", "War later."], "outlet": ["A", "B"]})
    >>> [(d.doc_id, d.variables) for d in read_documents(table)]
    [('1', (('outlet', 'A'),)), ('2', (('outlet', 'B'),))]
    """
    import pandas as pd

    raw: list[tuple[str, Document]] = []  # (base id, document without its final id)
    items = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
    for item in items:
        if _is_pair(item):
            raw.append((str(item[0]), Document("", text=str(item[1]))))
        elif isinstance(item, pd.DataFrame):
            raw += _table_documents(item, text_column, id_column, "the DataFrame")
        elif isinstance(item, Mapping):
            raw += [(str(k), Document("", text=str(v))) for k, v in item.items()]
        elif isinstance(item, str) and classify_source(item) == "text":
            raw.append((f"{len(raw) + 1}", Document("", text=str(item))))
        elif isinstance(item, (str, os.PathLike)):
            raw += _path_documents(item, text_column, id_column)
        else:
            raise InvalidOptionError(
                f"Cannot read documents from an object of type {type(item).__name__}; pass a "
                "folder, a glob, file paths, a table file or DataFrame with a text column, a "
                "mapping of id to text, or a list of texts."
            )
    if not raw:
        raise EmptyInputError(
            f"{_describe(inputs)}: no documents found. Pass a folder of .txt/.md/.html files, "
            "a glob such as 'speeches/*.txt', file paths, or a table (CSV, JSONL, Parquet, "
            f"DataFrame) with a {text_column!r} column."
        )
    return _unique_ids(raw)


def _is_pair(value: Any) -> bool:
    """A ``(doc_id, text)`` pair."""
    return (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str)
            and isinstance(value[0], (str, int)))


def _describe(inputs: Any) -> str:
    items = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
    named = [str(i) if isinstance(i, (str, os.PathLike)) else type(i).__name__ for i in items]
    text = ", ".join(named) or "the empty list"
    return text if len(text) <= 200 else text[:200] + "…"


def _path_documents(item: str | os.PathLike[str], text_column: str,
                    id_column: str) -> list[tuple[str, Document]]:
    raw = str(item)
    path = Path(os.path.expanduser(raw))
    if path.is_dir():
        files = [f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_FILES]
    elif path.is_file():
        files = [path]
    elif isinstance(item, str) and _GLOB_CHARS.search(raw):
        files = [Path(m) for m in glob.glob(os.path.expanduser(raw), recursive=True)]
        files = [f for f in files if f.is_file()]
        if not files:
            raise InputNotFoundError(
                f"{raw}: no files match this pattern. Pass a folder of .txt files, a glob "
                "such as 'speeches/*.txt', or file paths."
            )
    else:
        resolve_path(item, what="a file, a folder or a glob")  # raises, naming it
        files = []
    out: list[tuple[str, Document]] = []
    for f in sorted(files, key=lambda p: natural_key(str(p))):
        if f.suffix.lower() in TABLE_FILES:
            out += _table_documents(_read_table(f), text_column, id_column, str(f))
        else:
            out.append((safe_filename(f.stem), Document("", path=str(f))))
    return out


def _read_table(path: Path) -> Any:
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, dtype=str, keep_default_na=False)
        if suffix == ".tsv":
            return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
        if suffix in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True, dtype=False)
        if suffix == ".json":
            return pd.read_json(path, dtype=False)
        return pd.read_parquet(path)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{path}: reading {suffix} files needs pyarrow (`pip install pyarrow`); or save "
            "the table as CSV."
        ) from exc
    except ValueError as exc:
        raise InvalidOptionError(f"{path}: cannot read this {suffix} table ({exc}).") from exc


def _table_documents(frame: Any, text_column: str, id_column: str,
                     where: str) -> list[tuple[str, Document]]:
    if text_column not in frame.columns:
        raise MissingDataError(
            f"{where}: no {text_column!r} column holding the documents' text (columns: "
            f"{list(map(str, frame.columns))}). Name the text column with text_column= "
            "(--text-column on the command line)."
        )
    names = [str(c) for c in frame.columns if c not in (text_column, id_column)]
    ids = (frame[id_column].astype(str).tolist() if id_column in frame.columns
           else [str(i + 1) for i in range(len(frame))])
    texts = frame[text_column].tolist()
    columns = [frame[c].tolist() for c in frame.columns if c not in (text_column, id_column)]
    out = []
    for i, doc_id in enumerate(ids):
        text = texts[i]
        variables = tuple((name, _plain(col[i])) for name, col in zip(names, columns, strict=True))
        out.append((safe_filename(doc_id), Document("", text="" if _missing(text) else str(text),
                                                     variables=variables)))
    return out


def _plain(value: Any) -> Any:
    """A table cell as a plain Python value (NaN and None as None)."""
    if _missing(value):
        return None
    item = getattr(value, "item", None)
    return item() if callable(item) and not isinstance(value, str) else value


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)  # NaN
    except (TypeError, ValueError):
        return False


def _unique_ids(raw: list[tuple[str, Document]]) -> list[Document]:
    docs: list[Document] = []
    seen: set[str] = set()
    for base, doc in raw:
        base = safe_filename(base)
        doc_id, n = base, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{base}-{n}"
        seen.add(doc_id)
        docs.append(Document(doc_id, doc.path, doc.text, doc.variables))
    return docs
