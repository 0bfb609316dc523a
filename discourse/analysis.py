"""The :class:`Analysis` result: an article, its sentence table, named tables and what made them.

The result knows nothing of charts or files: :func:`discourse.save.save_analysis` writes it
(``Analysis.save`` is a shortcut), :mod:`discourse.report` renders it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from discourse.errors import MissingTableError

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from discourse.text.spans import Article

__all__ = ["Analysis"]

# Tables a step makes only when given an option, and the option that asks for them.
_OPTIONAL_TABLES = {"stance": "targets", "stance_sections": "targets"}


@dataclass
class Analysis:
    """An article and the tidy tables computed from it.

    Attributes
    ----------
    article : Article
        The parsed article; every offset in the tables points into ``article.text``.
    sentences : pandas.DataFrame
        One row per sentence: the columns of :meth:`Article.to_frame` plus the columns each
        step assigns.
    tables : dict of str to pandas.DataFrame
        Further tables by name, also readable as attributes (``analysis.keywords``):
        ``speakers``, ``sentiment_sections``, ``markers``, ``keywords``, ``segments`` and,
        with targets, ``stance`` and ``stance_sections`` (columns in the README).
    params : dict
        The reader's options and every step's class and parameters
        (:meth:`discourse.Pipeline.get_params`).
    resources : dict of str to dict
        Per step name, the resources its results were made with: ``resources["keywords"]
        ["dictionary"]``, ``resources["stance"]["targets"]``, ... Charts and the report read
        these, never the options again.
    warnings : list of str
        The warnings raised while reading and analysing (also in ``analysis.json``).
    """

    article: Article
    sentences: pd.DataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __getattr__(self, name: str) -> pd.DataFrame:
        # analysis.keywords, analysis.segments, ... read from `tables`.
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        if name in _OPTIONAL_TABLES:
            raise MissingTableError(
                f"this analysis has no {name!r} table: pass {_OPTIONAL_TABLES[name]}= to "
                f"discourse.analyze (e.g. targets='targets.yaml') to compute it."
            )
        raise AttributeError(f"{type(self).__name__!s} has no attribute or table {name!r}")

    def resource(self, name: str, default: Any = None) -> Any:
        """The first step resource called ``name`` (``"dictionary"``, ``"targets"``, ...).

        Examples
        --------
        >>> import discourse
        >>> result = discourse.analyze("Peace talks resume.\\n\\nBoth sides met.")
        >>> sorted(result.resource("dictionary").categories)
        ['cooperation', 'peace', 'security']
        """
        for loaded in self.resources.values():
            if name in loaded:
                return loaded[name]
        return default

    @property
    def provenance(self) -> dict[str, Any]:
        """Versions of the package, libraries and lexicons behind the numbers, and the steps."""
        from discourse.lexicon.resources import lexicon_digests, library_versions

        return {
            "source": self.article.source,
            "encoding": self.article.encoding,
            "versions": library_versions(),
            "lexicons": lexicon_digests(),
            "params": self.params,
            "warnings": self.warnings,
        }

    def save(self, folder: str | Path, *, charts: bool = True, report: bool = True,
             formats: tuple[str, ...] = ("png", "svg", "pdf"), pool: Any = None) -> Path:
        """Write the tables, charts, report and provenance; see :func:`discourse.save_analysis`."""
        from discourse.save import save_analysis

        return save_analysis(self, folder, charts=charts, report=report, formats=formats,
                             pool=pool)

    def to_html(self, path: str | Path, *, charts: Any = True) -> Path:
        """Write the annotated article and its summary tables as one self-contained HTML file.

        ``charts`` embeds the charts (drawn now, or the PNG files from
        :func:`discourse.plots.save_charts`); ``False`` leaves them out.
        """
        from discourse.report import write_html

        return write_html(self, path, charts=charts)

    def _repr_html_(self) -> str:
        from discourse.report import render_html

        return render_html(self, standalone=False)

    def __repr__(self) -> str:
        return f"Analysis({self.article!r}, tables={sorted(['sentences', *self.tables])})"
