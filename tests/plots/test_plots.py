"""The discourse.plots package: its public API, what every chart shares, a light import.

The articles and helpers here are shared by the tests of each chart module
(``tests/test_plots_<module>.py``) and by ``tests/test_report.py``."""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from discourse import plots
from discourse.analysis import Analysis
from discourse.lexicon.dictionary import load_dictionary
from discourse.steps.keywords import keyword_frequencies
from discourse.steps.topics.topics import segment_ids, segment_topics
from discourse.text.reading import read_article

TEXT = """\
Ministers back peace plan as talks resume

Foreign ministers said a deal on security was close

GENEVA, May 3. /Reuters/. Peace talks resumed in Geneva on Monday. "We are ready for \
peace," Foreign Minister Ann Lee said. Bo Chan said the security plan was weak.

## Security guarantees

Security was the main issue. "Cooperation is the only way," Lee said. The Security Council \
met on Tuesday.

## Next steps

Talks continue in June. Officials said cooperation would grow.
"""

# One value per sentence (10 sentences: 2 front, 3 lead, 3 + 2 under the headings).
POLARITY = [0.0, 0.1, 0.0, 0.5, -0.6, 0.0, 0.3, 0.0, 0.0, 0.4]
SCORE = [0.1, 0.2, 0.0, 0.6, -0.7, -0.1, 0.4, 0.0, 0.05, 0.5]
SUBJECTIVITY = [0.0, 0.4, 0.1, 0.6, 0.7, 0.2, 0.5, 0.0, 0.1, 0.6]
QUOTE = ["none", "indirect", "none", "direct", "indirect", "none", "direct", "none", "none",
         "indirect"]
SPEAKER = [None, "Foreign ministers", None, "Ann Lee", "Bo Chan", None, "Ann Lee", None, None,
           "Officials"]
STANCE_PEACE = ["favor", "none", "favor", "favor", "none", "none", "none", "none", "none",
                "none"]
STANCE_PLAN = ["none", "none", "none", "none", "against", "none", "favor", "none", "none",
               "none"]


def sentiment_label(score: float) -> str:
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def build_analysis(text: str = TEXT, *, full: bool = True, keywords: object = None,
                   **extra_columns: list) -> Analysis:
    """An Analysis made in code: the real structure, keyword and segment tables, plus
    (with ``full``) the sentiment, quotation, stance and speaker data other steps add."""
    article = read_article(text)
    frame = article.to_frame()
    segments = segment_topics(frame)
    frame["segment_id"] = segment_ids(frame, segments)
    tables = {"keywords": keyword_frequencies(frame, keywords, by="section"),
              "segments": segments}
    if full:
        assert len(frame) == len(POLARITY), "the test text changed: update the columns"
        frame = frame.assign(
            polarity=POLARITY, subjectivity=SUBJECTIVITY, sentiment_score=SCORE,
            vader_compound=SCORE, sentiment=[sentiment_label(s) for s in SCORE],
            quote_type=QUOTE, speaker=SPEAKER, stance_peace=STANCE_PEACE,
            stance_plan=STANCE_PLAN,
        )
        long = frame.melt(id_vars=["sentence_id"], value_vars=["stance_peace", "stance_plan"],
                          var_name="target", value_name="stance")
        long["target"] = long["target"].str.removeprefix("stance_")
        long["score"] = long["stance"].map({"favor": 0.6, "against": -0.6, "none": 0.0})
        long["cues"] = [[] for _ in range(len(long))]
        tables["stance"] = long
        tables["speakers"] = pd.DataFrame({
            "speaker": ["Ann Lee", "Bo Chan", "Foreign ministers", "Officials"],
            "role": ["foreign minister", None, None, None],
            "n_direct": [2, 0, 0, 0], "n_indirect": [0, 1, 1, 1], "n_mixed": [0, 0, 0, 0],
        })
    frame = frame.assign(**extra_columns)
    resources = {"keywords": {"dictionary": load_dictionary(keywords)}}
    return Analysis(article=article, sentences=frame, tables=tables, resources=resources)


def long_headed_text(n: int) -> str:
    """An article with ``n`` sections under long headings."""
    parts = ["Officials discuss the long peace process\n"]
    for k in range(n):
        parts.append(f"## Part {k}: a very long heading about security cooperation number {k}\n")
        parts.append("The peace talks went on. Security was discussed again.\n")
    return "\n".join(parts)


def by_gid(artists, prefix: str) -> list:
    return [a for a in artists if (a.get_gid() or "").startswith(prefix)]


def section_labels(ax) -> list[str]:
    return [t.get_text() for t in by_gid(ax.texts, "section-label") if t.get_visible()]


def tick_texts(labels) -> list[str]:
    return [t.get_text() for t in labels]


# -- the package ------------------------------------------------------------------------------

def test_public_api_is_every_plot_function_of_the_package():
    import inspect
    import pkgutil
    from importlib import import_module

    defined = set()
    for info in pkgutil.iter_modules(plots.__path__, "discourse.plots."):
        module = import_module(info.name)
        defined |= {name for name, obj in vars(module).items()
                    if name.startswith("plot_") and inspect.isfunction(obj)
                    and obj.__module__ == module.__name__}
    assert defined and defined <= set(plots.__all__)
    assert {"CHARTS", "chart_figures", "save_charts", "save_figure", "style"} <= set(plots.__all__)
    assert all(callable(getattr(plots, name)) for name in plots.__all__ if name != "CHARTS")
    assert plots.CHARTS["stance"] is plots.plot_stance


@pytest.mark.parametrize("chart", sorted(plots.CHARTS))
def test_plots_draw_on_the_axes_given(analysis, chart):
    fig, (left, right) = plt.subplots(1, 2)
    assert plots.CHARTS[chart](analysis, ax=left) is left
    assert plt.get_fignums() == [fig.number]
    assert not right.has_data()


def test_import_does_not_load_matplotlib():
    code = ("import sys, discourse.plots, discourse.report.html; "
            "print(any(m in sys.modules for m in ('matplotlib', 'pandas', 'jinja2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
