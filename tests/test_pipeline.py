"""The pipeline: user steps, the requires check, the step contract, and results that carry
the resources they were made with."""

from __future__ import annotations

import json
import pickle

import pandas as pd
import pytest

import discourse
from discourse.defaults import registered_steps
from tests.conftest import SEED

TEXT = """Ministers back peace plan as talks resume

GENEVA (Reuters) - Foreign ministers said on Monday that the peace plan could work.

"We support the plan fully," said Ann Lee, the foreign minister. Critics reject the plan.
"""


class WordCount(discourse.Step):
    name = "word_count"
    requires = ("text",)
    assigns = ("n_words",)

    def run(self, article, sentences):
        return {"n_words": [len(t.split()) for t in sentences["text"]]}


def test_word_count_example_from_the_issue_works_as_written(tmp_path):
    result = discourse.default_pipeline().add(WordCount()).analyze(SEED)
    assert result.sentences["n_words"].tolist() == [
        len(t.split()) for t in result.sentences["text"]]
    folder = result.save(tmp_path / "out", charts=False, report=False)
    assert "n_words" in pd.read_csv(folder / "sentences.csv").columns
    steps = json.loads((folder / "analysis.json").read_text())["params"]["steps"]
    assert steps[-1] == {"name": "word_count", "class": "tests.test_pipeline.WordCount",
                         "params": {}}
    assert {"name": "sentiment", "params": {"thresholds": [-0.05, 0.05]}}.items() <= {
        k: v for k, v in steps[1].items() if k != "class"}.items()


def test_a_missing_requirement_fails_when_the_pipeline_is_built():
    class NeedsEmotion(discourse.Step):
        name = "emotion_summary"
        requires = ("text", "emotion")
        assigns = ("emotion_flag",)

        def run(self, article, sentences):  # pragma: no cover - never runs
            raise AssertionError("the pipeline must fail before reading input")

    with pytest.raises(discourse.DiscourseError, match=r"'emotion_summary'.*'emotion'"):
        discourse.default_pipeline().add(NeedsEmotion())


def test_a_step_sees_earlier_columns_it_requires():
    class Positive(discourse.Step):
        name = "positive"
        requires = ("sentiment_score",)
        assigns = ("is_positive",)

        def run(self, article, sentences):
            return {"is_positive": sentences["sentiment_score"] > 0}

    result = discourse.default_pipeline().add(Positive()).analyze(TEXT)
    assert (result.sentences["is_positive"] == (result.sentences["sentiment_score"] > 0)).all()


def test_a_step_returning_other_columns_is_named_in_the_error():
    class Wrong(discourse.Step):
        name = "wrong"
        assigns = ("a",)

        def run(self, article, sentences):
            return {"b": [0] * len(sentences)}

    with pytest.raises(discourse.DiscourseError, match=r"'wrong' returned columns \['b'\]"):
        discourse.Pipeline([Wrong()]).analyze(TEXT)


def test_analyze_equals_the_default_pipeline():
    options = {"targets": {"plan": ["peace plan", "plan"]}, "n_segments": 2}
    a = discourse.analyze(TEXT, **options)
    b = discourse.default_pipeline(**options).analyze(TEXT)
    pd.testing.assert_frame_equal(a.sentences, b.sentences)
    assert a.tables.keys() == b.tables.keys()
    assert a.params == b.params


def test_unknown_options_are_named():
    with pytest.raises(discourse.InvalidOptionError, match="'keyword'"):
        discourse.default_pipeline(keyword="x.yaml")


def test_the_pipeline_pickles_for_workers():
    pipeline = discourse.default_pipeline(targets={"plan": ["plan"]})
    clone = pickle.loads(pickle.dumps(pipeline))
    pd.testing.assert_frame_equal(clone.analyze(TEXT).sentences,
                                  pipeline.analyze(TEXT).sentences)


@pytest.mark.parametrize("cls", registered_steps(), ids=lambda c: c.name)
def test_every_registered_step_keeps_its_contract(cls):
    step = cls.from_options({"targets": {"plan": ["plan"]}}, {})
    article = discourse.read_article(TEXT)
    frame = discourse.default_pipeline(targets={"plan": ["plan"]}).analyze(article).sentences
    available = frame[list(dict.fromkeys([*article.to_frame().columns, *step.requires]))]
    first = step.run(article, available)
    columns = first.columns if isinstance(first, discourse.StepOutput) else first
    assert list(columns) == list(step.assigns) or set(columns) == set(step.assigns)
    assert all(len(v) == len(frame) for v in columns.values())
    again = step.run(article, available)
    again_cols = again.columns if isinstance(again, discourse.StepOutput) else again
    for name in step.assigns:
        assert list(pd.Series(columns[name]).astype(str)) == list(
            pd.Series(again_cols[name]).astype(str))


@pytest.mark.parametrize("cls", registered_steps(), ids=lambda c: c.name)
def test_every_registered_step_survives_an_empty_article(cls):
    step = cls.from_options({"targets": {"plan": ["plan"]}}, {})
    article = discourse.read_article("All news")  # boilerplate only: no sentence
    assert len(article.sentences) == 0
    empty = article.to_frame().assign(sentiment_score=pd.Series(dtype=float))
    out = step.run(article, empty)
    columns = out.columns if isinstance(out, discourse.StepOutput) else out
    assert set(columns) == set(step.assigns)
    assert all(len(v) == 0 for v in columns.values())


def test_results_carry_the_resources_they_were_made_with(tmp_path):
    keywords = tmp_path / "keywords.yaml"
    keywords.write_text("fruit: [apple*]\nplans: [plan*]\n")
    targets = tmp_path / "targets.yaml"
    targets.write_text("the_plan:\n  label: The peace plan\n  patterns: [peace plan, plan]\n")
    result = discourse.analyze(TEXT, keywords=keywords, targets=targets)
    assert result.resource("dictionary").categories == ("fruit", "plans")
    assert list(result.resource("targets")) == ["the_plan"]
    # Editing the files after analysing changes nothing the result shows.
    keywords.write_text("other: [x*]\n")
    targets.write_text("other:\n  patterns: [x]\n")
    assert discourse.views.category_order(result)[:2] == ["fruit", "plans"]
    assert discourse.views.target_labels(result) == {"the_plan": "The peace plan"}


def _figure_texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


def test_charts_and_report_show_the_users_categories_and_targets(tmp_path):
    import matplotlib.pyplot as plt

    keywords = tmp_path / "keywords.yaml"
    keywords.write_text("plans: [plan*]\nministers: [minister*]\n")
    targets = tmp_path / "targets.yaml"
    targets.write_text("the_plan:\n  label: The peace plan\n  patterns: [peace plan, plan]\n")
    result = discourse.analyze(TEXT, keywords=keywords, targets=targets)
    keywords.write_text("security: [secur*]\n")  # edited after analysing: must not show
    figures = discourse.plots.chart_figures(result, charts=["keyword_rates", "dispersion",
                                                            "stance"])
    try:
        for name in ("keyword_rates", "dispersion"):
            text = _figure_texts(figures[name])
            assert "plans" in text and "ministers" in text and "security" not in text
        assert "The peace plan" in _figure_texts(figures["stance"])
    finally:
        for fig in figures.values():
            plt.close(fig)
    html = discourse.report.render_html(result, charts=False)
    assert "The peace plan" in html and "ministers" in html
    assert "cooperation" not in html.lower()  # a default category the user replaced
