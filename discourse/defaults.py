"""The default pipeline: the registered steps of :mod:`discourse.steps`, and :func:`analyze`.

A step joins the default pipeline by setting ``order`` (its place) and ``options`` (the
:func:`analyze` options it takes) on its class; :func:`registered_steps` finds every such class
in the modules of :mod:`discourse.steps`, so no list here names them.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from discourse.errors import InvalidOptionError
from discourse.pipeline import Pipeline, Step

if TYPE_CHECKING:
    from discourse.analysis import Analysis
    from discourse.text.reading import Source
    from discourse.text.spans import Article

__all__ = ["analyze", "default_pipeline", "registered_steps"]

#: The options :func:`default_pipeline` hands to the reader rather than to a step.
READER_OPTIONS = ("boilerplate", "encoding")


def registered_steps() -> list[type[Step]]:
    """The step classes of :mod:`discourse.steps` that join the default pipeline, in order."""
    import discourse.steps

    for info in pkgutil.walk_packages(discourse.steps.__path__, "discourse.steps."):
        import_module(info.name)
    found: dict[str, type[Step]] = {}
    stack = list(Step.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.order is not None and cls.__module__.startswith("discourse.steps."):
            found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return sorted(found.values(), key=lambda c: (c.order, c.name))


def default_pipeline(**options: Any) -> Pipeline:
    """The standard steps, built from the options :func:`discourse.analyze` takes.

    Parameters
    ----------
    **options
        ``keywords``, ``targets``, ``n_segments``, ``thresholds``, ``scorer`` (for the steps)
        and ``boilerplate``, ``encoding`` (for the reader); see :func:`discourse.analyze`.

    Examples
    --------
    >>> [step.name for step in default_pipeline().steps]
    ['quotes', 'sentiment', 'markers', 'keywords', 'topics']
    >>> [step.name for step in default_pipeline(targets={"talks": ["talks"]}).steps][-1]
    'stance'
    """
    classes = registered_steps()
    known = set(READER_OPTIONS).union(*(c.options for c in classes))
    unknown = sorted(set(options) - known)
    if unknown:
        raise InvalidOptionError(
            f"unknown option(s) {unknown} for default_pipeline/analyze; the options are "
            f"{sorted(known)}."
        )
    shared: dict[str, Any] = {}
    steps = [s for s in (c.from_options(options, shared) for c in classes) if s is not None]
    return Pipeline(steps, **{k: options[k] for k in READER_OPTIONS if options.get(k) is not None})


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
    """Read an article (if needed) and run the default pipeline on it.

    The same as ``default_pipeline(**options).analyze(source)``.

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
    return default_pipeline(keywords=keywords, targets=targets, n_segments=n_segments,
                            thresholds=thresholds, boilerplate=boilerplate,
                            encoding=encoding).analyze(source)
