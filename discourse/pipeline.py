"""Steps and the pipeline that runs them: one place where every measure is put together.

A :class:`Step` is one measure. It declares the sentence columns it reads (``requires``) and
writes (``assigns``), takes its options as constructor arguments (``get_params()`` records
them, as in scikit-learn), and its :meth:`~Step.run` returns the new columns, aligned with the
sentences, and optionally named tables. A :class:`Pipeline` checks when it is built that every
``requires`` is met, by the article's own columns or an earlier step's ``assigns``, then runs
the steps in order and joins their columns once.

The standard steps live in :mod:`discourse.steps`; each joins the default pipeline by
setting ``order`` and the ``analyze`` options it takes (see :mod:`discourse.defaults`), so
adding a measure means adding its module, not editing a list.

Examples
--------
>>> import discourse
>>> class WordCount(discourse.Step):
...     name = "word_count"
...     requires = ("text",)
...     assigns = ("n_words",)
...     def run(self, article, sentences):
...         return {"n_words": [len(t.split()) for t in sentences["text"]]}
>>> result = discourse.default_pipeline().add(WordCount()).analyze(
...     "Peace talks\\n\\nGENEVA (Reuters) - Talks on peace resumed. Both met.")
>>> result.sentences["n_words"].tolist()
[2, 4, 2]
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from discourse.errors import DiscourseError, InvalidOptionError, SourceTypeError
from discourse.memo import analysis_scope
from discourse.steps.base import Step, StepOutput, describe
from discourse.text.spans import FRAME_COLUMNS, Article

if TYPE_CHECKING:
    import pandas as pd

    from discourse.analysis import Analysis
    from discourse.text.reading import Source

__all__ = ["Pipeline"]


class Pipeline:
    """Steps run in order on an article; their columns joined once into one sentence table.

    Parameters
    ----------
    steps : iterable of Step
    boilerplate, encoding
        Passed to :func:`discourse.read_article` when :meth:`analyze` is given a source.

    Raises
    ------
    DiscourseError
        When built, if a step requires a column that neither the article nor an earlier step
        provides, if two steps share a name, or if two steps assign the same column.
    """

    def __init__(self, steps: Iterable[Step], *, boilerplate: Iterable[str] = (),
                 encoding: str | None = None) -> None:
        self.steps: tuple[Step, ...] = tuple(steps)
        self.boilerplate = tuple(boilerplate)
        self.encoding = encoding
        _check_steps(self.steps)

    def add(self, step: Step) -> Pipeline:
        """A new pipeline with ``step`` appended (checked as at construction)."""
        return Pipeline([*self.steps, step], boilerplate=self.boilerplate,
                        encoding=self.encoding)

    def __getitem__(self, name: str) -> Step:
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(f"no step named {name!r}; steps: {[s.name for s in self.steps]}")

    def get_params(self) -> dict[str, Any]:
        """The reader's options and, per step, its class and parameters (JSON-friendly)."""
        return {
            "reader": {"boilerplate": list(self.boilerplate), "encoding": self.encoding},
            "steps": [{"name": s.name, "class": f"{type(s).__module__}.{type(s).__qualname__}",
                       "params": {k: describe(v) for k, v in s.get_params().items()}}
                      for s in self.steps],
        }

    def analyze(self, source: Source | Article) -> Analysis:
        """Read ``source`` (unless already an Article) and run every step on it."""
        from discourse.text.reading import read_article

        if not isinstance(source, (Article, str, bytes, os.PathLike)):
            raise SourceTypeError(
                f"analyze() cannot read an object of type {type(source).__name__}; pass a "
                "file path (str or pathlib.Path), the article's text as a str, raw bytes, or "
                "an Article from read_article()."
            )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            article = (source if isinstance(source, Article)
                       else read_article(source, boilerplate=self.boilerplate,
                                         encoding=self.encoding))
            result = self._run(article)
        for w in caught:  # shown as usual, and kept with the result (analysis.json)
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        result.warnings = [str(w.message) for w in caught]
        return result

    def _run(self, article: Article) -> Analysis:
        from discourse.analysis import Analysis

        base = article.to_frame()
        columns: dict[str, Any] = {}
        tables: dict[str, pd.DataFrame] = {}
        resources: dict[str, dict[str, Any]] = {}
        with analysis_scope():  # the steps share their per-sentence work (discourse.memo)
            for step in self.steps:
                out = step.run(article, _step_frame(base, columns, step.requires))
                new, named = ((out.columns, out.tables) if isinstance(out, StepOutput)
                              else (out, {}))
                columns.update(_checked_columns(step, new, len(base)))
                for table, frame in named.items():
                    if table in tables or table == "sentences":
                        raise DiscourseError(
                            f"step {step.name!r} returns a table {table!r} that another step "
                            "already made; rename one of them.")
                    tables[table] = frame
                resources[step.name] = step.resources()
        return Analysis(article=article, sentences=_join(base, columns), tables=tables,
                        params=self.get_params(), resources=resources)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(map(repr, self.steps))}])"


def _check_steps(steps: Sequence[Step]) -> None:
    available = set(FRAME_COLUMNS)
    names: set[str] = set()
    for step in steps:
        if not isinstance(step, Step):
            raise InvalidOptionError(
                f"a pipeline takes Step objects; got {type(step).__name__} ({step!r}). "
                "Subclass discourse.Step and pass an instance."
            )
        if not step.name:
            raise InvalidOptionError(f"{type(step).__name__} has no name; set name = '...'.")
        if step.name in names:
            raise InvalidOptionError(f"two steps are named {step.name!r}; names must be unique.")
        names.add(step.name)
        missing = [c for c in step.requires if c not in available]
        if missing:
            raise DiscourseError(
                f"step {step.name!r} requires column(s) {missing}, which neither the article "
                "nor an earlier step provides; add the step that assigns them before it "
                f"(available: {sorted(available)})."
            )
        clash = [c for c in step.assigns if c in available]
        if clash:
            raise DiscourseError(f"step {step.name!r} assigns column(s) {clash} that already "
                                 "exist; give them other names.")
        available.update(step.assigns)


def _step_frame(base: pd.DataFrame, columns: Mapping[str, Any],
                requires: Iterable[str]) -> pd.DataFrame:
    """The article's columns plus the earlier steps' columns this step reads."""
    wanted = [c for c in requires if c in columns]
    return _join(base, {c: columns[c] for c in wanted}) if wanted else base


def _checked_columns(step: Step, new: Mapping[str, Any], n_rows: int) -> dict[str, Any]:
    if not isinstance(new, Mapping):
        raise DiscourseError(f"step {step.name!r} must return a mapping of column to values "
                             f"(or a StepOutput); it returned {type(new).__name__}.")
    if set(new) != set(step.assigns):
        raise DiscourseError(
            f"step {step.name!r} returned columns {sorted(new)} but assigns "
            f"{list(step.assigns)}; return exactly the assigned columns."
        )
    out = {}
    for column in step.assigns:
        values = new[column]
        if len(values) != n_rows:
            raise DiscourseError(
                f"step {step.name!r} returned {len(values)} values for column {column!r}; "
                f"the article has {n_rows} sentences."
            )
        out[column] = values.to_numpy() if hasattr(values, "to_numpy") else values
    return out


def _join(base: pd.DataFrame, columns: Mapping[str, Any]) -> pd.DataFrame:
    """``base`` with ``columns`` added, in one concatenation."""
    import pandas as pd

    if not columns:
        return base
    return pd.concat([base, pd.DataFrame(dict(columns), index=base.index)], axis=1)
