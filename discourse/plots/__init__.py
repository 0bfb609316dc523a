"""Charts of an :class:`~discourse.analysis.Analysis` and of corpus tables (matplotlib).

Every ``plot_*`` function draws on the ``ax`` given, or on a new figure when ``ax`` is None,
and returns the Axes; nothing is saved or shown. A chart whose data the analysis lacks (no
sentiment columns, no stance table, ...) raises :class:`~discourse.errors.MissingDataError`;
:func:`save_charts` skips those. Use :func:`style` for the size presets and
:func:`save_figure` to export PNG, SVG and PDF files.

Artists carry ``gid`` labels (``"section-boundary"``, ``"section-label"``, ``"raw-polarity"``,
...) so that tests and downstream code can find them; they also become element ids in SVG.

The modules, by job: :mod:`~discourse.plots.sentiment`, :mod:`~discourse.plots.keywords`,
:mod:`~discourse.plots.stance`, :mod:`~discourse.plots.segments`,
:mod:`~discourse.plots.speakers`, :mod:`~discourse.plots.corpus` (one chart family each),
:mod:`~discourse.plots.export` (drawing them all, saving files); ``_common`` reads the
analysis and ``_layout`` holds the drawing helpers. matplotlib and pandas are imported
inside the functions, so ``import discourse.plots`` is cheap.
"""

from __future__ import annotations

from discourse.plots.corpus import plot_corpus_keyword_rates
from discourse.plots.export import CHARTS, chart_figures, save_charts, save_figure
from discourse.plots.keywords import plot_dispersion, plot_keyword_rates
from discourse.plots.segments import plot_segments
from discourse.plots.sentiment import plot_sentiment_arc, plot_subjectivity
from discourse.plots.speakers import plot_speakers
from discourse.plots.stance import plot_stance
from discourse.plots.styles import style

__all__ = [
    "CHARTS",
    "chart_figures",
    "plot_corpus_keyword_rates",
    "plot_dispersion",
    "plot_keyword_rates",
    "plot_segments",
    "plot_sentiment_arc",
    "plot_speakers",
    "plot_stance",
    "plot_subjectivity",
    "save_charts",
    "save_figure",
    "style",
]
