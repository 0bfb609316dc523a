"""discourse.memo: results kept inside one analysis, never across analyses."""

from __future__ import annotations

import pytest

import discourse
from discourse.memo import analysis_scope, per_analysis
from discourse.steps.sentiment import features as lexicon


def _counting():
    calls: list[str] = []

    @per_analysis
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    return length, calls


def test_a_scope_computes_each_argument_once():
    length, calls = _counting()
    with analysis_scope():
        assert [length("ab"), length("ab"), length("abc")] == [2, 2, 3]
    assert calls == ["ab", "abc"]


def test_nothing_is_kept_outside_or_after_a_scope():
    length, calls = _counting()
    length("ab")
    with analysis_scope():
        length("ab")
    with analysis_scope():
        length("ab")
    length("ab")
    assert len(calls) == 4


def test_nested_scopes_start_empty_and_restore_the_outer_one():
    length, calls = _counting()
    with analysis_scope():
        length("ab")
        with analysis_scope():
            length("ab")
        length("ab")
    assert len(calls) == 2


def test_keyword_calls_are_not_remembered():
    calls = []

    @per_analysis
    def twice(x, *, factor=2):
        calls.append(x)
        return x * factor

    with analysis_scope():
        assert twice(3, factor=3) == twice(3, factor=3) == 9
    assert len(calls) == 2


def test_an_error_closes_the_scope():
    length, calls = _counting()
    with pytest.raises(ValueError), analysis_scope():
        length("ab")
        raise ValueError
    length("ab")
    assert len(calls) == 2


def test_sentiment_and_stance_read_each_sentence_once(monkeypatch):
    calls: list[str] = []
    original = lexicon.features

    def counted(text, r=None):
        calls.append(text)
        return original(text, r)

    monkeypatch.setattr(lexicon, "features", counted)
    text = "Talks\n\nCritics slammed Smith for the delay. Smith praised Jones."
    result = discourse.analyze(text, targets={"Smith": ["Smith"], "Jones": ["Jones"]})
    sentences = result.sentences["text"].tolist()
    # Both steps read the whole sentences; each was scored once (the stance step also
    # scores the words around each mention, which are not whole sentences).
    assert all(calls.count(s) == 1 for s in sentences)
    assert any(c not in sentences for c in calls)


def test_a_step_gives_the_same_rows_inside_and_outside_a_scope():
    text = "Talks\n\nCritics slammed Smith for the delay. Smith praised Jones, who left."
    pipeline = discourse.default_pipeline(targets={"Smith": ["Smith"], "Jones": ["Jones"]})
    result = pipeline.analyze(text)  # the pipeline runs its steps in a scope
    alone = pipeline["stance"].run(result.article, result.sentences)  # no scope
    for name, table in alone.tables.items():
        assert table.equals(result.tables[name]), name


def test_a_full_scope_computes_new_arguments_as_usual(monkeypatch):
    monkeypatch.setattr("discourse.memo.MAX_RESULTS", 2)
    length, calls = _counting()
    with analysis_scope():
        for text in ("a", "b", "c", "a", "b", "c"):
            length(text)
    assert calls == ["a", "b", "c", "c"]  # the first two kept, the third not
