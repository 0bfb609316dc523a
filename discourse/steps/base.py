"""The base class of every measure: :class:`Step`, and what its ``run`` returns.

It lives apart from :mod:`discourse.pipeline` so that step modules depend on it alone:
the pipeline imports the steps' base, never the other way round.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

    from discourse.text.spans import Article

__all__ = ["Step", "StepOutput"]


class StepOutput(NamedTuple):
    """What :meth:`Step.run` may return: new columns and named tables.

    A plain mapping of columns is also accepted (no tables).
    """

    columns: Mapping[str, Sequence[Any]]
    tables: Mapping[str, pd.DataFrame] = {}


class Step:
    """One measure in a :class:`Pipeline`.

    Subclasses set ``name``, ``requires`` and ``assigns`` (class attributes, or properties
    when they depend on the options, as the stance step's ``stance_<target>`` columns do),
    take their options as keyword arguments of ``__init__`` stored under the same names,
    and implement :meth:`run`.

    Attributes
    ----------
    name : str
        Unique within a pipeline; keys the step's resources and parameters.
    requires : tuple of str
        Sentence columns read by :meth:`run`.
    assigns : tuple of str
        Sentence columns :meth:`run` returns, exactly these.
    order : float or None
        Place in :func:`default_pipeline`; ``None`` (the default) keeps a step out of it.
    options : tuple of str
        The :func:`discourse.analyze` options :meth:`from_options` passes to ``__init__``.
    """

    name: ClassVar[str] = ""
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    order: ClassVar[float | None] = None
    options: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_options(cls, options: Mapping[str, Any], shared: dict[str, Any]) -> Step | None:
        """Build the step from :func:`discourse.analyze` options (``None`` leaves it out).

        ``shared`` lets steps load a resource once (the keyword dictionary is read by the
        keyword and the topic steps).
        """
        return cls(**{k: options[k] for k in cls.options if k in options})

    def get_params(self) -> dict[str, Any]:
        """The constructor arguments and their values, as in scikit-learn."""
        if type(self).__init__ is object.__init__:
            return {}
        parameters = list(inspect.signature(type(self).__init__).parameters.values())[1:]
        return {p.name: getattr(self, p.name, None) for p in parameters
                if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}

    def resources(self) -> dict[str, Any]:
        """Loaded resources the results were made with (a dictionary, targets, a model)."""
        return {}

    def run(self, article: Article, sentences: pd.DataFrame) -> StepOutput | Mapping[str, Any]:
        """Compute the step on one article.

        Parameters
        ----------
        article : Article
            The article; offsets in ``sentences`` point into ``article.text``.
        sentences : pandas.DataFrame
            The article's own columns plus the ``requires`` columns of earlier steps.

        Returns
        -------
        StepOutput or mapping
            ``{column: values}`` for every name in ``assigns``, aligned with ``sentences``,
            and optionally named tables.
        """
        raise NotImplementedError(f"{type(self).__name__} must implement run(article, sentences)")

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={describe(v)!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"


def describe(option: Any) -> Any:
    """A JSON-friendly record of an option value."""
    if option is None or isinstance(option, (str, int, float, bool)):
        return option
    if isinstance(option, Path):
        return str(option)
    if isinstance(option, (list, tuple)):
        return [describe(v) for v in option]
    if isinstance(option, Mapping):
        return {str(k): describe(v) for k, v in option.items()}
    return repr(option)
