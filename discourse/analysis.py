"""The :class:`Analysis` result and :func:`analyze`, which runs every step on one article."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.io import atomic_write, ensure_folder, write_text
from discourse.text.reading import Source, read_article
from discourse.text.spans import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Analysis", "analyze"]


@dataclass
class Analysis:
    """An article and the tidy tables computed from it.

    Attributes
    ----------
    article : Article
        The parsed article; every offset in the tables points into ``article.text``.
    sentences : pandas.DataFrame
        One row per sentence: the columns of :meth:`Article.to_frame` plus one group of
        columns per analysis step that ran.
    tables : dict of str to pandas.DataFrame
        Further tables by name, also readable as attributes (``analysis.keywords``):
        ``speakers``, ``keywords``, ``segments``, ``sentiment_sections``, ``markers`` and,
        with targets, ``stance`` and ``stance_sections`` (columns in the README).
    params : dict
        The options :func:`analyze` was called with.
    """

    article: Article
    sentences: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        # analysis.keywords, analysis.segments, ... read from `tables`.
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"{type(self).__name__!s} has no attribute or table {name!r}")

    @property
    def provenance(self) -> dict[str, Any]:
        """Versions of the package and the libraries behind the numbers, and the options."""
        from importlib.metadata import PackageNotFoundError, version

        versions = {}
        for dist in ("discourse", "textblob", "vaderSentiment", "nltk", "pandas"):
            try:
                versions[dist] = version(dist)
            except PackageNotFoundError:
                versions[dist] = None
        return {
            "source": self.article.source,
            "encoding": self.article.encoding,
            "versions": versions,
            "lexicons": _lexicon_digests(),
            "params": self.params,
        }

    def save(self, folder: str | Path, *, charts: bool = True, report: bool = True) -> Path:
        """Write every table as CSV, the charts, ``report.html`` and ``analysis.json``.

        Parameters
        ----------
        folder : path
            Created as needed. Tables go to ``<table>.csv``, charts to
            ``charts/<chart>.{png,svg,pdf}``, the annotated article to ``report.html`` and the
            provenance to ``analysis.json``.
        charts, report : bool
            Skip the charts or the report (a corpus run writes tables only).

        Every file is written atomically; ``analysis.json`` is written last, so its presence
        marks a complete folder. Returns the folder.
        """
        out = ensure_folder(folder)
        for name, table in {"sentences": self.sentences, **self.tables}.items():
            with atomic_write(out / f"{name}.csv") as handle:
                table.to_csv(handle, index=False, lineterminator="\n")
        saved: dict[str, Any] = {}
        if charts:
            from discourse.plots import save_charts

            saved = save_charts(self, out / "charts")
        if report:
            self.to_html(out / "report.html", charts=saved or False)
        write_text(out / "analysis.json",
                   json.dumps(self.provenance, indent=2, sort_keys=True, default=str))
        return out

    def to_html(self, path: str | Path, *, charts: Any = True) -> Path:
        """Write the annotated article and its summary tables as one self-contained HTML file.

        ``charts`` embeds the charts (drawn now, or the PNG files from
        :func:`discourse.plots.save_charts`); ``False`` leaves them out.
        """
        from discourse.report.html import write_html

        return write_html(self, path, charts=charts)

    def _repr_html_(self) -> str:
        from discourse.report.html import render_html

        return render_html(self, standalone=False)

    def __repr__(self) -> str:
        return f"Analysis({self.article!r}, tables={sorted(['sentences', *self.tables])})"


def analyze(
    source: Source | Article,
    *,
    keywords: Any = None,
    targets: Any = None,
    n_segments: int | None = None,
    thresholds: tuple[float, float] = (-0.05, 0.05),
    boilerplate: Iterable[str] = (),
    encoding: str | None = None,
) -> Analysis:
    """Read an article (if needed) and run every analysis step on it.

    Parameters
    ----------
    source : path, str, bytes or Article
        Passed to :func:`discourse.read_article` unless already an Article.
    keywords : mapping, path to a YAML file, or Dictionary, optional
        The keyword dictionary (default: peace / security / cooperation); see
        :func:`discourse.load_dictionary`.
    targets : mapping, path to a YAML file, or Targets, optional
        Stance targets, ``{name: [patterns]}`` (see :func:`discourse.load_targets`). Without
        targets no stance is scored (stance markers are counted all the same).
    n_segments : int, optional
        Topic segments per body section; chosen from the text by default.
    thresholds : (float, float)
        Sentiment label thresholds on the combined score (see
        :func:`discourse.score_sentiment`).
    boilerplate, encoding
        Passed to :func:`discourse.read_article`.

    Returns
    -------
    Analysis
        ``sentences`` (one row per sentence: quote type and speaker, sentiment, stance
        marker counts, one
        ``stance_<target>`` column per target, ``segment_id``) and the tables ``keywords``
        (per section, category and term), ``segments`` (topic segments), ``speakers``
        (one row per speaker),
        ``sentiment_sections`` (per-section sentiment), ``markers`` (stance markers per
        1,000 words per section) and, with targets, ``stance`` (one row per sentence and
        target, with cues) and ``stance_sections`` (per section and target).

    Examples
    --------
    >>> result = analyze("Talks resume\\n\\nGENEVA (Reuters) - Talks on peace resumed. Both met.")
    >>> result.sentences["text"].tolist()
    ['Talks resume', 'Talks on peace resumed.', 'Both met.']
    >>> result.keywords[["category", "term", "count"]].values.tolist()
    [['peace', 'peace', 1]]
    """
    from discourse.lexicon.dictionary import load_dictionary
    from discourse.steps.keywords import keyword_frequencies
    from discourse.steps.markers import MARKER_CATEGORIES, marker_rates, stance_markers
    from discourse.steps.quotes.attribution import attribute_quotes
    from discourse.steps.quotes.speakers import speaker_table
    from discourse.steps.sentiment.scoring import (
        SENTIMENT_COLUMNS,
        score_sentiment,
        sentiment_by_section,
    )
    from discourse.steps.topics.topics import segment_ids, segment_topics

    article = (source if isinstance(source, Article)
               else read_article(source, boilerplate=boilerplate, encoding=encoding))
    dictionary = load_dictionary(keywords)
    sentences = article.to_frame()
    quotes = attribute_quotes(article)
    sentences = _join(sentences, quotes, quotes.columns.drop("sentence_id"))
    scores = score_sentiment(sentences, thresholds=thresholds)
    sentences = _join(sentences, scores, SENTIMENT_COLUMNS)
    markers = stance_markers(sentences)
    sentences = _join(sentences, markers, MARKER_CATEGORIES)
    segments = segment_topics(sentences, n_segments=n_segments, dictionary=dictionary)
    sentences["segment_id"] = segment_ids(sentences, segments)
    tables = {
        "speakers": speaker_table(quotes),
        "keywords": keyword_frequencies(sentences, dictionary, by="section"),
        "segments": segments,
        "sentiment_sections": sentiment_by_section(sentences),
        "markers": marker_rates(markers, by="section"),
    }
    if targets is not None:
        from discourse.steps.stance.scoring import score_stance, stance_by_section, stance_columns

        stance = score_stance(sentences, targets)
        wide = stance_columns(stance).reindex(sentences["sentence_id"])
        sentences = _join(sentences, wide, wide.columns)
        tables["stance"] = stance
        tables["stance_sections"] = stance_by_section(stance)
    params = {"keywords": _describe(keywords), "targets": _describe(targets),
              "n_segments": n_segments,
              "thresholds": list(thresholds),
              "boilerplate": list(boilerplate), "encoding": encoding}
    return Analysis(article=article, sentences=sentences, tables=tables, params=params)


def _join(frame: pd.DataFrame, step: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Add a step's columns (row-aligned with ``frame``) in one concatenation."""
    import pandas as pd

    added = pd.DataFrame({c: step[c].to_numpy() for c in columns}, index=frame.index)
    return pd.concat([frame, added], axis=1)


@cache
def _lexicon_digests() -> dict[str, str]:
    """SHA-256 (first 16 hex digits) of every lexicon file shipped with the package."""
    import hashlib

    from discourse.lexicon.resources import lexicon_path

    folder = lexicon_path("")
    return {
        entry.name: hashlib.sha256(entry.read_bytes()).hexdigest()[:16]
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.is_file() and not entry.name.startswith(".")
    }


def _describe(option: Any) -> Any:
    """A JSON-friendly record of an option (a path, a mapping, or the default)."""
    if option is None or isinstance(option, (str, Path, dict)):
        return str(option) if isinstance(option, Path) else option
    return repr(option)
