"""Smoke tests of the benchmark harness: rows, columns, ratios and output; never timings."""

from __future__ import annotations

import re

import pytest

from discourse.errors import InvalidOptionError
from tools import bench
from tools.bench import (
    COLUMNS,
    SECTIONS,
    BenchInput,
    format_header,
    format_markdown,
    format_table,
    load_inputs,
    machine_info,
    main,
    parse_importtime,
    run_benchmark,
)

TINY = 'He left at 5 p.m. on Jan. 5. She stayed.\n\n"We won," he said. Mr. Smith agreed.'
ARTICLE = (
    "Talks on peace resume in Geneva\n\n"
    "GENEVA (Reuters) - Peace talks resumed on Monday. Both sides met for an hour.\n\n"
    "The security council welcomed the talks. Diplomats said cooperation was good.\n\n"
    "Oil prices fell in London. Traders sold shares and bonds."
)
INPUTS = {"tiny": TINY, "article": ARTICLE}
SENTENCE_TOOLS = {"discourse", "discourse.bounds", "pysbd", "blingfire", "naive_regex"}
TOOLS = {
    "baseline": {"pysbd+TextBlob"},
    "vader": {"vaderSentiment"},
    "pipeline": {"discourse.analyze"},
    "sentiment": {
        "discourse.score_sentiment",
        "score_sentiment(columns='combined')",
        "textblob.PatternAnalyzer",
        "TextBlob(s).sentiment",
    },
    "keywords": {"keyword_frequencies", "keyword_frequencies (cold)"},
    "topics": {"segment_sentences", "segment_topics"},
}
MEASURED = ["mb", "sentences", "seconds", "sentences_per_s", "mb_per_s", "runs"]
IN_PROCESS = ("sentences", *TOOLS)


@pytest.fixture(scope="module")
def frame():
    return run_benchmark(IN_PROCESS, repeat=1, quick=True, inputs=INPUTS)


@pytest.fixture
def files(tmp_path):
    """A seed article and a two-document corpus folder."""
    seed = tmp_path / "seed.txt"
    seed.write_text(ARTICLE, encoding="utf-8")
    corpus = tmp_path / "speeches"
    corpus.mkdir()
    (corpus / "a.txt").write_text("First speech. It ends.\n\nSecond part.", encoding="utf-8")
    (corpus / "b.txt").write_text("Peace and security.\n\nWe will cooperate.", encoding="utf-8")
    return seed, corpus


def test_every_section_is_registered():
    assert list(SECTIONS) == [
        "sentences",
        "baseline",
        "vader",
        "pipeline",
        "sentiment",
        "keywords",
        "topics",
        "import",
        "corpus",
    ]


def test_frame_has_the_documented_columns_in_section_order(frame):
    assert list(frame.columns) == list(COLUMNS)
    assert list(dict.fromkeys(frame.section)) == list(IN_PROCESS)


def test_sentences_one_row_per_tool_and_input(frame):
    rows = frame[frame.section == "sentences"]
    assert len(rows) == len(SENTENCE_TOOLS) * 2
    assert set(rows.tool) == SENTENCE_TOOLS
    assert set(rows.input) == set(INPUTS)
    ours = rows[(rows.tool == "discourse") & (rows.input == "tiny")].iloc[0]
    assert ours.sentences == 4
    assert ours.score.endswith("/48")
    bounds = rows[rows.tool == "discourse.bounds"].set_index("input").sentences.to_dict()
    assert bounds == rows[rows.tool == "discourse"].set_index("input").sentences.to_dict()


@pytest.mark.parametrize("name", list(TOOLS))
def test_section_rows_are_complete_or_marked_not_installed(frame, name):
    rows = frame[frame.section == name]
    assert set(rows.tool) == TOOLS[name]
    assert set(rows.input) == set(INPUTS)
    done = rows[~rows.note.str.startswith("not installed")]
    assert done[MEASURED].notna().all().all()
    assert (done.runs == 1).all()
    assert (done.sentences > 0).all()
    traced = done[done.tool != "keyword_frequencies (cold)"]
    assert (traced.peak_traced_mb >= 0).all()
    assert done.max_rss_mb.isna().all()  # only fresh-process sections measure RSS


def test_ratios_are_relative_to_each_sections_reference(frame):
    def ratios(section, tool):
        rows = frame[(frame.section == section) & (frame.tool == tool)]
        return rows.ratio.tolist()

    assert ratios("sentences", "pysbd") == [1.0, 1.0]
    assert ratios("baseline", "pysbd+TextBlob") == [1.0, 1.0]
    assert ratios("sentiment", "textblob.PatternAnalyzer") == [1.0, 1.0]
    for section in ("vader", "pipeline"):  # versus the baseline section's row
        assert frame[frame.section == section].ratio.gt(0).all()
    assert frame[frame.section.isin(["keywords", "topics"])].ratio.isna().all()


def test_targets_say_met_or_missed(frame):
    targets = {
        "pipeline": "sentences/s",
        "sentiment": "TextBlob's",
        "keywords": "< 2 s",
    }
    for section, text in targets.items():
        marked = frame[(frame.section == section) & (frame.target != "")]
        assert len(marked) >= 2
        assert marked.target.str.contains(text, regex=False).all()
        assert marked.target.str.endswith(("met", "MISSED")).all()


def test_a_missing_baseline_leaves_pipeline_ratio_empty():
    df = run_benchmark(("pipeline",), repeat=1, quick=True, memory=False, inputs={"a": ARTICLE})
    assert df.ratio.isna().all()
    assert df.peak_traced_mb.isna().all()  # memory=False


def test_repeated_text_is_noted():
    df = run_benchmark(
        ("sentiment",), repeat=1, quick=True, memory=False, inputs={"rep": "Same here. " * 20}
    )
    ours = df[df.tool == "discourse.score_sentiment"].iloc[0]
    assert "1 distinct of 20 sentences" in ours.note
    assert "distinct sentence once" in ours.note


def test_missing_inputs_are_reported_not_raised(tmp_path):
    df = run_benchmark(("sentences",), repeat=1, seed=tmp_path / "none.txt", corpus=tmp_path)
    assert len(df) == 2
    assert df.note.str.contains("none.txt").any()
    assert df.note.str.contains("no \\*.txt", regex=True).any()


def test_unknown_section_is_an_option_error():
    with pytest.raises(InvalidOptionError, match="sentences"):
        run_benchmark(("nope",), repeat=1, inputs={"t": "A."})


def test_a_failing_section_gives_an_error_row(monkeypatch):
    def broken(config):
        raise RuntimeError("boom")

    monkeypatch.setitem(SECTIONS, "broken", broken)
    df = run_benchmark(("broken", "vader"), repeat=1, memory=False, inputs={"t": TINY})
    assert df[df.section == "broken"].note.tolist() == ["error: RuntimeError: boom"]
    assert (df.section == "vader").sum() == 1


def test_load_inputs_corpus_folders_and_sample(files, tmp_path):
    seed, corpus = files
    other = tmp_path / "more"
    other.mkdir()
    (other / "c.txt").write_text("Third document here.", encoding="utf-8")
    inputs, missing = load_inputs(seed, [corpus, other], target_mb=0.001)
    assert missing == []
    names = [i.name for i in inputs]
    assert names == ["seed", "seed_0.001mb", "speeches+more"]
    speeches = inputs[2]
    assert [d for d, _ in speeches.documents] == ["speeches/a", "speeches/b", "more/c"]
    assert speeches.paragraphs[:2] == ("First speech. It ends.", "Second part.")
    assert inputs[1].nbytes >= 1000 and len(inputs[1].documents) == 1
    sample = speeches.head_documents(40)
    assert len(sample.documents) == 1
    assert sample.note == "sample: first 1 of 3 documents"
    assert speeches.head_documents(10_000) is speeches


def test_parse_importtime_keeps_top_level_imports():
    log = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:       200 |       3000 | textblob.en",
            "import time:      2000 |       2000 |   nltk",
            "import time:       100 |       1000 | pandas",
            "import time:        10 |         10 | json",
            "something else",
        ]
    )
    assert parse_importtime(log) == [
        ("textblob.en", 0.003, 0.0002),
        ("pandas", 0.001, 0.0001),
        ("json", 1e-05, 1e-05),
    ]
    assert parse_importtime("") == []


def test_machine_header_names_the_peers():
    info = machine_info()
    for key in ("date", "platform", "cpu", "cores", "python", *bench.PEERS):
        assert info[key]
    text = format_header(info)
    assert text.startswith("discourse benchmark") and "textblob" in text
    assert format_header(info, markdown=True).splitlines()[2].startswith("- **date**")


def test_format_table_and_markdown_have_one_block_per_section(frame):
    text = format_table(frame)
    titles = [line for line in text.splitlines() if line.startswith("==")]
    assert [t.split()[1] for t in titles] == list(IN_PROCESS)
    assert "peak MB (traced)" in text and "x baseline" in text
    md = format_markdown(frame)
    assert re.findall(r"^### (\w+)$", md, flags=re.M) == list(IN_PROCESS)
    table = [line for line in md.splitlines() if line.startswith("| tool")]
    assert len(table) == len(IN_PROCESS)
    assert "max RSS MB" not in md  # empty columns are left out


def test_main_prints_table_and_writes_csv(files, tmp_path, capsys):
    seed, corpus = files
    csv = tmp_path / "out.csv"
    args = ["--quick", "--no-memory", "--seed", str(seed), "--corpus", str(corpus)]
    assert main([*args, "--csv", str(csv), "--sections", "vader", "--section", "keywords"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("discourse benchmark")
    assert "== vader ==" in out and "== keywords ==" in out and "== sentences" not in out
    assert "seed_0.25mb" in out and "speeches" in out
    assert csv.read_text(encoding="utf-8").startswith(",".join(COLUMNS))


def test_main_markdown(files, capsys):
    seed, corpus = files
    assert (
        main(
            [
                "--quick",
                "--markdown",
                "--seed",
                str(seed),
                "--corpus",
                str(corpus),
                "--section",
                "vader",
                "--no-memory",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("## discourse benchmark")
    assert "### vader" in out and "| tool | input |" in out


def test_main_rejects_unknown_section(capsys):
    with pytest.raises(SystemExit):
        main(["--sections", "nope"])
    assert "invalid choice" in capsys.readouterr().err


def test_import_section_in_fresh_processes(files):
    seed, corpus = files
    df = run_benchmark(("import",), repeat=1, quick=True, seed=seed, corpus=corpus)
    tools = df.tool.tolist()
    assert tools[:3] == ["python -c pass", "import discourse", "discourse analyze (cold)"]
    assert [t.split(":")[0] for t in tools[3:]] == [
        "importtime #1",
        "importtime #2",
        "importtime #3",
    ]
    assert df.seconds.notna().all() and (df.seconds > 0).all()
    assert df.loc[1, "target"].startswith("≤ 0.5 s")
    from discourse import analyze

    assert df.loc[2, "sentences"] == len(analyze(ARTICLE).sentences)  # read from sentences.csv


@pytest.mark.slow
def test_corpus_section_in_fresh_processes(files):
    seed, corpus = files
    df = run_benchmark(("corpus",), repeat=1, quick=False, seed=seed, corpus=corpus)
    assert df.tool.tolist() == ["run_corpus jobs=1", "run_corpus jobs=2", "run_corpus jobs=2"]
    assert df.input.tolist() == ["speeches", "speeches", "speeches x10"]
    assert df.sentences.tolist()[2] == 10 * df.sentences.tolist()[0]
    assert (df.max_rss_mb > 0).all()
    assert df.ratio.tolist()[0] == 1.0
    assert "speed-up" in df.target[1] and "max RSS" in df.target[2]
    assert df.note[1].startswith("2 docs;") and "largest worker" in df.note[1]


def test_corpus_section_quick_skips_the_10x_run(files):
    seed, corpus = files
    df = run_benchmark(("corpus",), repeat=1, quick=True, seed=seed, corpus=corpus)
    assert df.input.tolist() == ["speeches", "speeches"]
    assert df.peak_traced_mb.isna().all() and df.max_rss_mb.notna().all()


def test_bench_input_from_paragraphs_is_one_document():
    inp = BenchInput.from_paragraphs("p", ["A.", "B."])
    assert inp.documents == (("p", "A.\n\nB."),)
    assert inp.head(2).paragraphs == ("A.",)
