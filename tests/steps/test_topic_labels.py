"""Segment labels are 2-4 key phrases, multi-word where the text has them (issue 19)."""

from __future__ import annotations

import pytest

import discourse


@pytest.fixture(scope="module")
def segments(seed_article):
    return discourse.analyze(seed_article).segments


def test_labels_hold_two_to_four_phrases(segments):
    for label in segments["label"]:
        assert 2 <= len(label.split(", ")) <= 4, label


def test_labels_use_multi_word_phrases_where_the_text_has_them(segments):
    phrases = [p for label in segments["top_terms"] for p in label.split(", ")]
    assert sum(" " in p for p in phrases) >= len(segments)  # about one per segment or more
    assert "diplomatic relations" in phrases


def test_phrases_name_topics_not_speakers(segments):
    words = {w.lower() for label in segments["top_terms"] for w in label.replace(",", " ").split()}
    assert not words & {"said", "minister", "ministers", "president", "diplomat"}


def test_phrases_cross_no_punctuation_and_do_not_repeat_a_word():
    table = discourse.segment_topics(
        ["The peace talks, said the envoy, resumed in Geneva.", "Peace talks went on in Geneva.",
         "Oil prices fell sharply.", "Oil prices rose again later."])
    first = table["top_terms"].iloc[0].split(", ")
    assert "peace talks" in first
    assert not any("talks resumed" in p or "envoy resumed" in p for p in first)
    words = [w.lower() for p in first for w in p.split()]
    assert len(words) == len(set(words))
