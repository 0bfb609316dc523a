"""Smoke tests of the benchmark harness: shape and columns only, never timings."""

from __future__ import annotations

import json
import re

import pytest

from discourse.bench import COLUMNS, golden_rules_score, main, run_benchmark
from discourse.errors import InputNotFoundError, InvalidOptionError

TINY = 'He left at 5 p.m. on Jan. 5. She stayed.\n\n"We won," he said. Mr. Smith agreed.'
TOOLS = {"discourse", "discourse.bounds", "pysbd", "blingfire", "naive_regex"}


@pytest.fixture(scope="module")
def frame():
    return run_benchmark(("sentences",), repeat=1, inputs={"tiny": TINY, "one": "Just one."})


def test_one_row_per_tool_and_input(frame):
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(TOOLS) * 2
    assert set(frame.tool) == TOOLS
    assert set(frame.input) == {"tiny", "one"}
    assert (frame.section == "sentences").all()


def test_rows_are_complete_or_marked_not_installed(frame):
    done = frame[frame.note != "not installed"]
    assert done[["mb", "sentences", "seconds", "mb_per_s", "sentences_per_s"]].notna().all().all()
    assert (done.runs == 1).all()
    ours = frame[(frame.tool == "discourse") & (frame.input == "tiny")].iloc[0]
    assert ours.sentences == 4
    assert ours.score.endswith("/48")
    bounds = frame[frame.tool == "discourse.bounds"].set_index("input").sentences
    assert (
        bounds.to_dict() == frame[frame.tool == "discourse"].set_index("input").sentences.to_dict()
    )


def test_ratio_is_relative_to_pysbd(frame):
    pysbd = frame[frame.tool == "pysbd"]
    if (pysbd.note == "not installed").all():
        assert frame.ratio.isna().all()
    else:
        assert pysbd.ratio.tolist() == [1.0, 1.0]


def test_missing_inputs_are_reported_not_raised(tmp_path):
    df = run_benchmark(repeat=1, seed=tmp_path / "none.txt", corpus=tmp_path)
    assert len(df) == 2
    assert df.note.str.contains("none.txt").any()
    assert df.note.str.contains("no \\*.txt", regex=True).any()


def test_unknown_section_is_an_option_error():
    with pytest.raises(InvalidOptionError, match="sentences"):
        run_benchmark(("nope",), repeat=1, inputs={"t": "A."})


def test_golden_rules_score_counts_exact_matches(tmp_path):
    cases = [
        {"id": 1, "text": "A b. C d.", "sentences": ["A b.", "C d."]},
        {"id": 2, "text": "Mr. X came.", "sentences": ["Mr. X came."]},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(cases), encoding="utf-8")
    # Splits after every period; padding and empty pieces are ignored by the scorer.
    naive = lambda text: [f" {s} " for s in re.split(r"(?<=\.)", text)]  # noqa: E731
    assert golden_rules_score(naive, path) == (1, 2, [2])


def test_golden_rules_default_file_has_48_cases():
    passed, total, failed = golden_rules_score(lambda text: [text])
    assert total == 48
    assert passed == 18  # the cases that expect one sentence
    assert len(failed) == 30


def test_golden_rules_missing_file(tmp_path):
    with pytest.raises(InputNotFoundError, match="golden"):
        golden_rules_score(lambda text: [text], tmp_path / "golden.json")


def test_main_prints_table(tmp_path, capsys):
    seed = tmp_path / "seed.txt"
    seed.write_text(TINY, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("First speech. It ends.\n\nSecond part.", encoding="utf-8")
    csv = tmp_path / "out.csv"
    assert (
        main(
            [
                "--repeat",
                "1",
                "--quick",
                "--seed",
                str(seed),
                "--corpus",
                str(corpus),
                "--csv",
                str(csv),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "== sentences ==" in out
    assert "seed_0.5mb" in out and "corpus" in out
    assert csv.read_text(encoding="utf-8").startswith(",".join(COLUMNS))
