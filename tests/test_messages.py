"""Error messages fit their context: they name what was wrong and how to fix it (issue 19)."""

from __future__ import annotations

import pytest

import discourse
from discourse.errors import DiscourseError


@pytest.fixture(scope="module")
def analysis(seed_article):
    return discourse.analyze(seed_article)


def test_kwic_with_an_unmatchable_pattern_speaks_of_a_pattern(seed_article):
    with pytest.raises(DiscourseError) as err:
        discourse.kwic(seed_article, "[secur")
    message = str(err.value)
    assert "pattern '[secur'" in message and "remove the other punctuation" in message
    assert "dictionary" not in message and "<mapping>" not in message


def test_kwic_with_a_number_says_the_pattern_must_be_a_string(seed_article):
    with pytest.raises(DiscourseError) as err:
        discourse.kwic(seed_article, 5)
    message = str(err.value)
    assert "pattern=5" in message and "int" in message and "must be a string" in message
    assert "as a dictionary" not in message


def test_analyze_of_a_number_names_the_type_and_what_is_accepted():
    with pytest.raises(DiscourseError) as err:
        discourse.analyze(42)
    assert isinstance(err.value, TypeError)
    message = str(err.value)
    assert "int" in message and "path" in message and "text" in message


def test_stance_sections_without_targets_says_pass_targets(analysis):
    with pytest.raises(DiscourseError) as err:
        _ = analysis.stance_sections
    assert isinstance(err.value, AttributeError)  # hasattr() and getattr(default) still work
    assert "targets=" in str(err.value)
    assert not hasattr(analysis, "stance")


def test_other_missing_attributes_stay_plain_attribute_errors(analysis):
    with pytest.raises(AttributeError) as err:
        _ = analysis.no_such_table
    assert "no_such_table" in str(err.value)


def test_plot_sentiment_arc_names_the_bad_score_and_the_allowed_ones(analysis):
    from discourse import plots

    with pytest.raises(DiscourseError) as err:
        plots.plot_sentiment_arc(analysis, scores=("bogus",))
    message = str(err.value)
    assert "'bogus'" in message and "'sentiment_score'" in message and "'polarity'" in message
    assert "score_sentiment" not in message


def test_corpus_topics_of_nothing_says_there_are_no_documents():
    pytest.importorskip("sklearn")
    with pytest.raises(DiscourseError) as err:
        discourse.corpus_topics([])
    assert "no documents" in str(err.value) and "n_topics" not in str(err.value)
