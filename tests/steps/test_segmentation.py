"""Tests of discourse.steps.topics.segmentation: the cohesion segmenter, Pk and WindowDiff."""

from __future__ import annotations

import pytest

from discourse.errors import InvalidOptionError
from discourse.steps.topics.segmentation import (
    boundary_string,
    evaluate_segmenter,
    pk_windowdiff,
    read_benchmark,
    segment_sentences,
    segments_from_boundaries,
)
from tests.conftest import DATA

CHOI = DATA / "segmentation" / "choi_400.jsonl"
MANIFESTOS = DATA / "segmentation" / "manifesto_us.jsonl"

FOOTBALL = [
    "The striker scored a late goal for the club.",
    "His goal won the cup final for the club.",
    "Fans of the club cheered the striker and the goal.",
    "The coach praised the striker after the final.",
]
BANKING = [
    "The central bank raised interest rates again.",
    "Higher interest rates slow bank lending.",
    "The bank expects inflation and rates to ease.",
    "Lending by the central bank fell in March.",
]
WEATHER = [
    "Heavy rain flooded the coastal towns.",
    "The rain and storm winds closed coastal roads.",
    "Forecasters expect more rain and storm damage.",
]


@pytest.fixture(scope="module")
def choi_docs():
    return read_benchmark(CHOI)


def test_two_topics_split_where_the_vocabulary_changes():
    assert segment_sentences(FOOTBALL + BANKING) == [4]


def test_three_topics_found_without_a_count():
    assert segment_sentences(FOOTBALL + BANKING + WEATHER) == [4, 8]


def test_output_is_deterministic():
    text = FOOTBALL + BANKING + WEATHER + FOOTBALL
    assert segment_sentences(text) == segment_sentences(list(text))


@pytest.mark.parametrize("sentences", [[], ["One sentence only."], FOOTBALL[:2]])
def test_short_inputs_give_one_segment(sentences):
    assert segment_sentences(sentences) == []
    assert segment_sentences(sentences, n_segments=3) == []


def test_known_number_of_segments_is_honoured():
    text = FOOTBALL + BANKING + WEATHER
    assert len(segment_sentences(text, n_segments=2)) == 1
    assert len(segment_sentences(text, n_segments=5)) == 4
    assert segment_sentences(text, n_segments=1) == []


def test_number_of_segments_is_capped_by_min_length():
    text = FOOTBALL + BANKING  # 8 sentences: at most 4 segments of 2
    got = segment_sentences(text, n_segments=10, min_length=2)
    assert got == [2, 4, 6]


@pytest.mark.parametrize("min_length", [1, 2, 3, 4])
def test_segments_respect_min_length(min_length):
    text = FOOTBALL + BANKING + WEATHER + BANKING
    for n_segments in (None, 3, 4):
        spans = segments_from_boundaries(
            segment_sentences(text, n_segments=n_segments, min_length=min_length), len(text)
        )
        assert min(len(r) for r in spans) >= min_length


def test_segments_respect_max_length():
    text = (FOOTBALL + BANKING) * 4  # 32 sentences
    spans = segments_from_boundaries(segment_sentences(text, max_length=5), len(text))
    assert max(len(r) for r in spans) <= 5


def test_max_length_is_raised_to_reach_a_small_n_segments():
    text = FOOTBALL * 5  # 20 sentences
    assert len(segment_sentences(text, n_segments=2, max_length=4)) == 1


def test_paragraph_breaks_move_a_boundary_onto_a_break():
    text = FOOTBALL + BANKING
    # The lexical boundary is at 4; with a paragraph starting at 3 instead, "prefer" keeps
    # the strong lexical boundary, "only" moves it to the paragraph break.
    assert segment_sentences(text, paragraph_breaks=[0, 3]) in ([3], [4])
    assert segment_sentences(text, paragraph_breaks=[3], paragraphs="only") == [3]
    assert segment_sentences(text, paragraph_breaks=[3], paragraphs="ignore") == [4]


def test_only_mode_keeps_boundaries_on_breaks_when_possible():
    text = FOOTBALL + BANKING + WEATHER
    breaks = [2, 4, 6, 8]
    got = segment_sentences(text, paragraph_breaks=breaks, paragraphs="only", n_segments=3)
    assert set(got) <= set(breaks)


@pytest.mark.parametrize(
    "options",
    [{"min_length": 0}, {"max_length": -1}, {"n_segments": 0}, {"n_segments": 2.5},
     {"paragraphs": "sometimes"}, {"alpha": 0.0}, {"penalty": -1.0}],
)
def test_invalid_options_raise(options):
    with pytest.raises(InvalidOptionError):
        segment_sentences(FOOTBALL + BANKING, **options)


def test_boundary_string_and_segments_round_trip():
    assert boundary_string([2, 5], 7) == "0010010"
    assert [r.start for r in segments_from_boundaries([2, 5], 7)][1:] == [2, 5]
    assert segments_from_boundaries([], 0) == []


def test_pk_windowdiff_values():
    assert pk_windowdiff([4, 8], [4, 8], 12) == (0.0, 0.0, 2)
    # Boundary off by two: the windows that straddle either one disagree.
    pk, wd, k = pk_windowdiff([6], [4], 12)
    assert k == 3
    assert pk == pytest.approx(4 / 10)
    assert wd == pytest.approx(4 / 10)
    # A missed and a spurious boundary count in WindowDiff but cancel in neither.
    assert pk_windowdiff([6], [], 12)[0] > 0
    assert pk_windowdiff([6], [3, 6, 9], 12)[1] > pk_windowdiff([6], [6], 12)[1]


def test_evaluate_segmenter_passes_the_gold_count_with_known_k():
    calls = []

    def spy(sentences, **options):
        calls.append(options)
        return [1]

    docs = [{"doc_id": "x", "range": "r", "sentences": ["a"] * 6, "boundaries": [2, 4]}]
    table = evaluate_segmenter(docs, spy, known_k=True, min_length=1)
    assert calls == [{"n_segments": 3, "min_length": 1}]
    assert table.columns.tolist() == [
        "doc_id", "range", "n_sentences", "n_gold", "n_pred", "k", "pk", "windowdiff",
    ]
    assert table[["n_gold", "n_pred", "k"]].iloc[0].tolist() == [3, 2, 1]
    assert evaluate_segmenter(docs, spy, ranges=["other"]).empty


def test_choi_3_11_mean_pk_automatic(choi_docs):
    table = evaluate_segmenter(choi_docs, ranges=["3-11"])
    assert len(table) == 100
    pk, wd = table["pk"].mean(), table["windowdiff"].mean()
    print(f"\nChoi 3-11, automatic number of segments: Pk {pk:.3f}, WindowDiff {wd:.3f}")
    assert pk <= 0.20


def test_choi_3_11_mean_pk_known_k(choi_docs):
    table = evaluate_segmenter(choi_docs, ranges=["3-11"], known_k=True)
    assert (table["n_pred"] == table["n_gold"]).all()
    pk = table["pk"].mean()
    print(f"\nChoi 3-11, known number of segments: Pk {pk:.3f}")
    assert pk <= 0.20


def test_long_document_is_segmented_like_its_parts(choi_docs):
    # The 100 Choi "3-11" documents in a row (7,000 sentences): the prior is measured
    # locally, so the concatenation is segmented about as well as the documents one by one.
    sentences, gold = [], []
    for doc in (d for d in choi_docs if d["range"] == "3-11"):
        gold += [len(sentences) + b for b in [0, *doc["boundaries"]]]
        sentences += doc["sentences"]
    predicted = segment_sentences(sentences)
    pk, _, _ = pk_windowdiff(gold[1:], predicted, len(sentences))
    print(f"\n{len(sentences)} sentences in one document: Pk {pk:.3f}")
    assert pk <= 0.20
    assert 0.6 * len(gold) <= len(predicted) + 1 <= 1.4 * len(gold)


def test_large_known_k_uses_the_penalty_search(choi_docs, monkeypatch):
    import discourse.steps.topics.segmentation as seg

    doc = choi_docs[0]
    exact = segment_sentences(doc["sentences"], n_segments=10)
    monkeypatch.setattr(seg, "_EXACT_BUDGET", 0)
    searched = segment_sentences(doc["sentences"], n_segments=10)
    assert abs(len(searched) - len(exact)) <= 1
    assert pk_windowdiff(exact, searched, len(doc["sentences"]))[0] <= 0.1


def test_manifestos_evaluate_and_split():
    table = evaluate_segmenter(MANIFESTOS, min_length=1)
    assert len(table) == 6
    print("\nManifestos (automatic):", table[["pk", "windowdiff"]].mean().round(3).to_dict())
    assert (table["n_pred"] > 10).all()
    assert table["pk"].mean() < 0.45
