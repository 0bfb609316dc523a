"""Tests of the benchmark's logic on tiny inputs: ratios, targets, tables, sections, skips.

No timing is asserted: only that times exist, are positive and are combined correctly.
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from tools import bench
from tools.bench import (
    SECTIONS,
    BenchConfig,
    BenchError,
    Row,
    Target,
    Timing,
    fnc_bodies,
    format_report,
    interleave,
    interleaved_calls,
    interleaved_processes,
    long_document,
    main,
    parse_importtime,
    ratio,
    run_benchmark,
    seed_repeated,
    step_times,
)

ARTICLE = (
    "Talks on peace resume in Geneva\n\n"
    "GENEVA (Reuters) - Peace talks resumed on Monday. Both sides met for an hour, "
    'said John Smith.\n\n"We support the talks," said Mary Jones. Diplomats welcomed them.'
)
SPEECH_A = "Fellow citizens, peace is our aim.\n\nWe will keep the peace. Security matters."
SPEECH_B = "My friends, the talks go on.\n\nWe seek cooperation with every nation."
TARGETS_YAML = "talks:\n  - talks\n  - negotiations\npeace:\n  - peace\n"


@pytest.fixture
def config(tmp_path):
    """A config whose inputs are all tiny files; the FNC-1 file is absent."""
    seed = tmp_path / "seed.txt"
    seed.write_text(ARTICLE, encoding="utf-8")
    targets = tmp_path / "targets.yaml"
    targets.write_text(TARGETS_YAML, encoding="utf-8")
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    (speeches / "a.txt").write_text(SPEECH_A, encoding="utf-8")
    (speeches / "b.txt").write_text(SPEECH_B, encoding="utf-8")
    return BenchConfig(
        seed=seed,
        targets=targets,
        corpus=(speeches,),
        fnc=tmp_path / "no_fnc.csv",
        manifesto=tmp_path / "no_manifesto.jsonl",
        runs=1,
        repeat=1,
        seed_copies=3,
        fnc_bodies=2,
        long_mb=(0.00005, 0.0001),
    )


def _fnc_csv(path, bodies):
    lines = ["Body ID,articleBody"] + [f'{i},"{b}"' for i, b in enumerate(bodies)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- results


def test_ratio_divides_measured_by_reference():
    assert ratio(3.0, 1.5) == pytest.approx(2.0)
    assert ratio(None, 1.0) is None
    assert ratio(1.0, None) is None
    assert ratio(1.0, 0.0) is None


def test_timing_statistics():
    times = [0.5, 0.2, 0.4, 0.3]
    assert Timing("t", times).seconds == pytest.approx(0.2)
    assert Timing("t", times, "median").seconds == pytest.approx(0.35)
    assert Timing("t", []).seconds is None
    assert Timing("t", times, "median").runs == "median/4"
    assert Timing("t", [1.0], "once").runs == "once"


def test_target_limits_and_text():
    assert Target(1.5).met(1.5) and not Target(1.5).met(1.5001)
    assert Target(0.05, "s", strict=True).met(0.049)
    assert not Target(0.05, "s", strict=True).met(0.05)
    assert str(Target(2)) == "≤ 2.00x"
    assert str(Target(0.05, "s", strict=True)) == "< 0.050 s"


def test_row_ratio_and_result():
    fast, slow = Timing("a", [1.0]), Timing("b", [4.0])
    row = Row("s", "n", slow, fast, Target(2.0))
    assert row.ratio == pytest.approx(4.0)
    assert row.result == "FAIL"
    assert Row("s", "n", fast, slow, Target(2.0)).result == "pass"
    assert Row("s", "n", fast, slow).result == "-"
    assert Row("s", "n", None, note="skipped: x").result == "skipped"
    seconds = Row("s", "n", Timing("a", [0.02]), target=Target(0.05, "s"))
    assert seconds.ratio is None and seconds.value == pytest.approx(0.02)
    assert seconds.result == "pass"


def test_row_to_dict_is_json_ready_with_every_run():
    row = Row("warm", "seed", Timing("a", [0.3, 0.2]), Timing("b", [0.1]), Target(2.0), "n")
    data = json.loads(json.dumps(row.to_dict()))
    assert data["measured"]["times"] == [0.3, 0.2]
    assert data["measured_seconds"] == pytest.approx(0.2)
    assert data["ratio"] == pytest.approx(2.0)
    assert data["target"] == "≤ 2.00x" and data["result"] == "pass"


# --------------------------------------------------------------------------- output


ROWS = [
    Row("cold", "analyze vs import pandas", Timing("analyze", [2.0, 3.0, 2.5], "median"),
        Timing("import pandas", [1.0, 1.0, 1.0], "median"), Target(1.6)),
    Row("warm", "seed", Timing("pipeline", [0.012]), Timing("TextBlob", [0.010]), Target(2.0)),
    Row("warm", "FNC-1", None, note="skipped: no FNC-1 bodies file x.csv"),
    Row("long", "5 MB vs 1 MB", Timing("big", [12.5], "once"), Timing("small", [2.5], "once")),
]


def test_text_report_has_header_table_summary_and_notes():
    text = format_report(ROWS, {"cpu": "Test CPU", "cores": "2"})
    lines = text.splitlines()
    assert lines[:3] == ["discourse benchmark", "  cpu: Test CPU", "  cores: 2"]
    table = [line for line in lines if line.startswith(("cold", "warm", "long"))]
    assert len(table) == 4
    assert table[0].split()[-3:] == ["≤", "1.60x", "FAIL"]  # median 2.5 / 1.0
    assert "2.50x" in table[0] and "median/3" in table[0]
    assert table[1].endswith("pass") and "1.20x" in table[1]
    assert table[2].endswith("skipped")
    assert table[3].endswith("-") and "5.00x" in table[3] and "12.5" in table[3]
    assert "1 of 2 targets met" in text
    assert "warm, FNC-1: skipped: no FNC-1 bodies file x.csv" in text


def test_markdown_report_is_one_table():
    md = format_report(ROWS, {"date": "2026-01-01"}, markdown=True)
    lines = md.splitlines()
    assert lines[0] == "## discourse benchmark" and lines[2] == "- **date**: 2026-01-01"
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 2 + len(ROWS)
    assert table[0].startswith("| section | comparison | measured | s | runs | reference |")
    assert {line.count("|") for line in table} == {len(bench._HEADERS) + 1}
    assert "| ≤ 1.60x | FAIL |" in table[2]
    assert "- warm, FNC-1: skipped" in md


def test_machine_info_names_the_machine():
    info = bench.machine_info()
    for key in ("date", "cpu", "cores", "python"):
        assert info[key]
    assert info["python"].split()[1] == ".".join(map(str, sys.version_info[:3]))


def test_parse_importtime_keeps_top_level_imports():
    log = "\n".join([
        "import time: self [us] | cumulative | imported package",
        "import time:       200 |       3000 | textblob.en",
        "import time:      2000 |       2000 |   nltk",
        "import time:       100 |       1000 | pandas",
        "something else",
    ])
    assert parse_importtime(log) == [("textblob.en", 0.003), ("pandas", 0.001)]
    assert parse_importtime("") == []


# --------------------------------------------------------------------------- timing


def test_interleaved_calls_alternate_after_a_warm_up():
    order = []
    calls = {"a": lambda: order.append("a"), "b": lambda: order.append("b")}
    times = interleaved_calls(calls, 3)
    assert order[:2] == ["a", "b"]  # the warm-up
    assert order[2:6] == ["a", "b", "a", "b"]  # then alternating
    assert len(times["a"]) == len(times["b"]) >= 3  # short calls get more repetitions
    assert all(t >= 0 for t in times["a"])


def test_interleaved_processes_raise_on_failure():
    ok = interleaved_processes({"pass": [sys.executable, "-c", "pass"]}, 2, warmup=False)
    assert len(ok["pass"]) == 2 and min(ok["pass"]) > 0
    with pytest.raises(BenchError, match="exited 3"):
        interleaved_processes({"bad": [sys.executable, "-c", "raise SystemExit(3)"]}, 1)


# --------------------------------------------------------------------------- inputs


def test_fnc_bodies_distinct_in_order_with_limit(tmp_path):
    path = _fnc_csv(tmp_path / "bodies.csv", ["First body.", "Second body.", "First body.",
                                              "Third body."])
    assert [t for _, t in fnc_bodies(path)] == ["First body.", "Second body.", "Third body."]
    assert [i for i, _ in fnc_bodies(path, 2)] == ["0", "1"]
    assert fnc_bodies(tmp_path / "absent.csv") is None


def test_long_document_never_repeats_a_paragraph():
    docs = [("a", "One.\n\nTwo."), ("b", "Two.\n\nThree."), ("c", "One."), ("d", "Four.")]
    text, size, used = long_document(docs, 1000)
    assert text.split("\n\n") == ["One.", "Two.", "Three.", "Four."]
    assert size == len(text.encode("utf-8")) and used == 3  # "c" adds nothing new
    short, short_size, _ = long_document(docs, 12)
    assert short == "One.\n\nTwo." and short_size == 10


def test_interleave_spreads_sources_by_bytes():
    news = [(f"n{i}", "x" * 10) for i in range(4)]
    speeches = [("s0", "y" * 20), ("s1", "y" * 20)]
    assert [n for n, _ in interleave(news, speeches)] == ["n0", "s0", "n1", "n2", "s1", "n3"]


def test_seed_repeated_keeps_title_once_and_repeats_body():
    doc = seed_repeated(ARTICLE, 3)
    assert doc.count("Talks on peace resume in Geneva") == 1
    assert doc.count("GENEVA (Reuters) - Peace talks resumed") == 3
    assert doc.count("Diplomats welcomed them.") == 3


# --------------------------------------------------------------------------- sections


def test_sections_are_registered_in_order():
    assert list(SECTIONS) == ["cold", "warm", "steps", "long", "charts", "stance", "import",
                              "sentences", "parallel"]


def test_quick_config_scales_down():
    quick, full = BenchConfig.scaled(quick=True), BenchConfig.scaled()
    assert quick.long_mb == (0.1, 0.5) and full.long_mb == (1.0, 5.0)
    assert quick.runs < full.runs and quick.repeat < full.repeat
    assert BenchConfig.scaled(quick=True, runs=7).runs == 7


def test_unknown_section_is_rejected(config):
    with pytest.raises(ValueError, match="nope"):
        run_benchmark(["nope"], config)


def test_a_failing_section_gives_an_error_row(monkeypatch, config):
    def broken(cfg):
        raise RuntimeError("boom")

    monkeypatch.setitem(SECTIONS, "broken", broken)
    rows = run_benchmark(["broken", "import"], config)
    assert [r.section for r in rows] == ["broken", "import"]
    assert rows[0].result == "skipped" and rows[0].note == "error: RuntimeError: boom"
    assert rows[1].measured.seconds > 0


def test_warm_skips_fnc_when_absent(config):
    rows = run_benchmark(["warm"], config)
    names = [r.name for r in rows]
    assert names == ["seed", "seed, pipeline built once", "seed body x3",
                     "FNC-1 2 bodies"]
    for row in rows[:3]:
        assert row.ratio > 0 and row.result in ("pass", "FAIL", "-")
        assert row.measured.sentences == row.reference.sentences > 0
    assert rows[2].measured.sentences > rows[0].measured.sentences
    assert rows[3].result == "skipped" and "no_fnc.csv" in rows[3].note


def test_warm_runs_the_fnc_corpus_when_present(config, tmp_path):
    config.fnc = _fnc_csv(tmp_path / "bodies.csv", [
        "Talks resumed in Geneva on Monday. Peace is near, officials said.",
        "Oil prices fell. Traders sold shares.",
        "A third body that the limit leaves out.",
    ])
    corpus, memory = bench._warm_corpus(config, bench._load_targets(config))
    assert corpus.name == "FNC-1 2 bodies, run_corpus jobs=1"
    assert corpus.result in ("pass", "FAIL") and memory.result == "-"
    assert corpus.measured.sentences == corpus.reference.sentences == 4
    assert corpus.note == "2 documents, 0.00 MB; run_corpus writes every table to disk"
    assert memory.reference is corpus.reference and memory.ratio > 0


def test_step_times_cover_every_step_and_leave_the_pipeline_as_it_was():
    import discourse

    pipeline = discourse.default_pipeline(targets={"talks": ["talks"]})
    names = [s.name for s in pipeline.steps]
    times = step_times(pipeline, ARTICLE, 2)
    assert list(times) == [*names, "reading and tables"]
    assert all(len(t) == 2 and min(t) >= 0 for t in times.values())
    assert all("run" not in vars(s) for s in pipeline.steps)  # the wrappers are gone
    assert "stance_talks" in pipeline.analyze(ARTICLE).sentences


def test_steps_section_rows(config):
    rows = run_benchmark(["steps"], config)
    names = [r.name for r in rows]
    assert names[0] == "seed: quotes" and names[-1] == "seed body x3: reading and tables"
    assert len(names) == 2 * (len(names) // 2)
    assert all(r.result == "-" and r.ratio >= 0 for r in rows)


def test_long_with_speeches_only(config):
    (row,) = run_benchmark(["long"], config)
    assert row.measured.mb > row.reference.mb > 0
    assert row.target.limit == pytest.approx(6 / 5 * row.measured.mb / row.reference.mb)
    assert "speeches only" in row.note and row.ratio > 0
    assert row.measured.sentences > row.reference.sentences > 0
    assert re.search(r"\d+ vs \d+ speakers", row.note)


def test_stance_against_sentiment(config):
    (row,) = run_benchmark(["stance"], config)
    assert row.measured.label == "score_stance, 2 targets"
    assert row.measured.sentences == row.reference.sentences > 0
    assert row.ratio > 0 and str(row.target) == "≤ 1.50x"


def test_process_sections_skip_without_a_seed(config, tmp_path):
    config.seed = tmp_path / "absent.txt"
    rows = run_benchmark(["cold", "charts", "warm"], config)
    assert [r.result for r in rows] == ["skipped"] * 3
    assert all("absent.txt" in r.note for r in rows)


def test_main_selects_and_skips_sections_and_writes_json(config, tmp_path, capsys):
    out = tmp_path / "bench.json"
    args = ["--quick", "--seed", str(config.seed), "--corpus", *map(str, config.corpus),
            "--targets", str(config.targets), "--fnc", str(config.fnc), "--runs", "1"]
    assert main([*args, "--sections", "import", "stance", "--skip", "stance",
                 "--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("discourse benchmark")
    assert "import discourse" in text and "score_stance" not in text
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["sections"] == ["import"]
    assert [r["name"] for r in data["rows"]] == ["import discourse"]
    assert len(data["rows"][0]["measured"]["times"]) == 3  # at least 3 processes
    assert {"date", "cpu", "cores", "python", "options"} <= set(data["machine"])
    assert main([*args, "--sections", "import", "--markdown"]) == 0
    assert capsys.readouterr().out.startswith("## discourse benchmark")


def test_main_rejects_an_unknown_section(capsys):
    with pytest.raises(SystemExit):
        main(["--sections", "nope"])
    assert "invalid choice" in capsys.readouterr().err
