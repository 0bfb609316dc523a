"""What a chart worker needs, loaded on import: imported by the chart pool's fork server.

:class:`~discourse.plots.parallel.ChartPool` has its fork server import this module once,
before it forks the workers, so that every worker starts with matplotlib (Agg backend),
its PDF and SVG backends, fontTools' subsetter, pandas and the chart modules loaded, and
with the fonts of the chart styles opened. Nothing else imports it: importing it is its
only use, and a failure here only leaves the work to the workers.
"""

from __future__ import annotations

import contextlib
import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas  # noqa: F401
from matplotlib.backends import backend_pdf, backend_svg  # noqa: F401

from discourse.plots import styles
from discourse.plots.registry import registered_charts

with contextlib.suppress(ImportError):  # PDF font subsets (matplotlib depends on it)
    import fontTools.subset  # noqa: F401


def warm_fonts() -> None:
    """Draw and save a tiny figure in each format: opens the fonts, fills the caches."""
    with styles.style("paper"):
        fig, ax = plt.subplots(figsize=(1, 1))
        try:
            ax.set_title("Warm-up")
            ax.set_xlabel("0123456789")
            for fmt in ("png", "svg", "pdf"):
                fig.savefig(io.BytesIO(), format=fmt, dpi=20)
        finally:
            plt.close(fig)


registered_charts()
with contextlib.suppress(Exception):  # a warm-up only: the workers draw without it
    warm_fonts()
