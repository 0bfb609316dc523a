from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import SEED


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_help_documents_every_command():
    out = run("--help").stdout
    for command in ("analyze", "corpus", "kwic"):
        assert command in out
    corpus_help = run("corpus", "--help").stdout
    for option in ("--out", "--jobs", "--engine", "--targets", "--keywords", "--quiet"):
        assert option in corpus_help


def test_usage_error_exit_code():
    assert run("analyze").returncode == 2
    assert run("frobnicate").returncode == 2


def test_analyze_writes_tables(tmp_path):
    proc = run("analyze", str(SEED), "--out", str(tmp_path), "--no-charts")
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / SEED.stem
    assert (folder / "sentences.csv").exists() and (folder / "analysis.json").exists()


def test_analyze_missing_file_fails_with_message(tmp_path):
    proc = run("analyze", str(tmp_path / "nope.txt"), "--out", str(tmp_path), "--quiet")
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr


def test_corpus_partial_failure(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("A title\n\nThe talks resumed. They ended.", encoding="utf-8")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    (docs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    proc = run("corpus", str(docs), "--out", str(tmp_path / "out"), "--quiet")
    assert proc.returncode == 3, proc.stderr
    errors = (tmp_path / "out" / "errors.csv").read_text("utf-8")
    assert "empty" in errors and "EmptyInputError" in errors
    assert "binary" in errors and "BinaryInputError" in errors
    assert "good" in (tmp_path / "out" / "sentences.csv").read_text("utf-8")


@pytest.mark.parametrize("pattern", ["peace", "secur*"])
def test_kwic(pattern):
    pytest.importorskip("discourse.steps.keywords")
    proc = run("kwic", str(SEED), pattern)
    assert proc.returncode == 0, proc.stderr
    assert "matches" in proc.stderr and "[" in proc.stdout


# --- usage errors, messages and exit codes (issue 19) ----------------------------------------


def test_version():
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("discourse ") and any(c.isdigit() for c in proc.stdout)


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_jobs_below_one_is_a_usage_error_naming_the_flag(tmp_path, value):
    proc = run("corpus", str(SEED), "--out", str(tmp_path), "--jobs", value)
    assert proc.returncode == 2
    assert "--jobs" in proc.stderr and "at least 1" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_kwic_window_must_be_a_whole_number():
    proc = run("kwic", str(SEED), "peace", "--window", "-1")
    assert proc.returncode == 2 and "--window" in proc.stderr


def test_analyze_out_defaults_to_output(tmp_path):
    proc = run("analyze", str(SEED), "--no-charts", "--quiet", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "output" / SEED.stem / "sentences.csv").exists()


def test_files_with_the_same_name_do_not_overwrite_each_other(tmp_path):
    for folder, title in (("a", "Talks resume in Geneva"), ("b", "Sanctions are extended")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(
            f"{title}\n\nThe minister said the talks would go on. Both sides met.\n", "utf-8")
    proc = run("analyze", "a/article.txt", "b/article.txt", "--out", "out", "--no-charts",
               cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    first = (tmp_path / "out" / "article" / "sentences.csv").read_text("utf-8")
    second = (tmp_path / "out" / "article-2" / "sentences.csv").read_text("utf-8")
    assert "Geneva" in first and "Sanctions" in second
    assert "article-2" in proc.stdout  # the user is told where the second one went


def test_out_that_cannot_be_created_names_the_flag_and_the_fix(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    proc = run("analyze", str(SEED), "--out", str(blocker / "sub"), "--no-charts")
    assert proc.returncode == 2
    assert "--out" in proc.stderr and "choose another folder with --out" in proc.stderr
    assert "the folder argument" not in proc.stderr


def test_missing_targets_file_names_the_flag(tmp_path):
    proc = run("analyze", str(SEED), "--out", str(tmp_path), "--targets", "nope.yaml")
    assert proc.returncode == 2
    assert "--targets nope.yaml" in proc.stderr and "YAML" in proc.stderr


def test_corpus_on_a_folder_without_documents_fails_clearly(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")
    proc = run("corpus", str(empty), "--out", str(tmp_path / "out"))
    assert proc.returncode in (1, 2)
    assert str(empty) in proc.stderr and "no documents" in proc.stderr
    assert "glob" in proc.stderr  # the fix: what to pass instead
    assert "0 of 0" not in proc.stdout


def test_corpus_text_column_option_is_documented():
    assert "--text-column" in run("corpus", "--help").stdout


def test_ctrl_c_prints_one_line_and_exits_130(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = SEED.read_text("utf-8")
    for i in range(60):
        (docs / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "discourse.cli", "corpus", str(docs), "--out",
                             str(out), "--quiet"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(1200):  # until the first document is finished (at most 2 minutes)
            if list(out.glob("documents/*/analysis.json")) or proc.poll() is not None:
                break
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr
    assert "interrupted; rerun with the same --out to resume" in stderr
    assert "Traceback" not in stderr


def test_warnings_print_as_one_clean_line(tmp_path):
    page = tmp_path / "page.txt"  # not English: read, analysed, and warned about
    page.write_text("Xarici işlər naziri bəyanat verdi.\n\nDanışıqlar yenidən başladı və "
                    "tərəflər sülh barədə razılığa gəldilər. Nazir bunu bildirdi.\n", "utf-8")
    proc = run("analyze", str(page), "--out", str(tmp_path / "out"), "--no-charts", "--quiet")
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines and all(line.startswith("warning: ") for line in lines), proc.stderr
    assert any("page.txt" in line and "English" in line for line in lines)
    assert "warnings.warn" not in proc.stderr and "DiscourseWarning" not in proc.stderr


def test_kwic_prints_a_header():
    proc = run("kwic", str(SEED), "peace")
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[:2]
    assert "peace" in header[0] and "left context" in header[1] and "right context" in header[1]


def test_kwic_bad_pattern_speaks_of_the_pattern():
    proc = run("kwic", str(SEED), "[secur")
    assert proc.returncode == 2
    assert "PATTERN '[secur'" in proc.stderr and "pattern" in proc.stderr
    assert "dictionary" not in proc.stderr and "<mapping>" not in proc.stderr
    assert "remove the other punctuation" in proc.stderr


def test_formats_limits_the_chart_files(tmp_path):
    article = tmp_path / "talks.txt"
    article.write_text("Peace talks resume\n\nThe minister said peace talks would resume.\n")
    proc = run("analyze", str(article), "--out", str(tmp_path / "out"), "--formats", "svg",
               "--quiet")
    assert proc.returncode == 0, proc.stderr
    charts = sorted(p.suffix for p in (tmp_path / "out" / "talks" / "charts").iterdir())
    assert charts and set(charts) == {".svg"}
    bad = run("analyze", str(article), "--formats", "gif")
    assert bad.returncode == 2 and "--formats" in bad.stderr


def test_analyze_draws_charts_in_workers_without_stdin(tmp_path):
    article = tmp_path / "talks.txt"
    article.write_text("Peace talks resume\n\nThe minister said peace talks would resume.\n")
    outs = {}
    for jobs in ("1", "2"):
        proc = subprocess.run(
            [sys.executable, "-m", "discourse.cli", "analyze", str(article), "--out",
             str(tmp_path / jobs), "--jobs", jobs, "--formats", "png", "svg", "--quiet"],
            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        charts = tmp_path / jobs / "talks" / "charts"
        outs[jobs] = {p.name: p.read_bytes() for p in sorted(charts.iterdir())}
    assert outs["1"] and outs["1"] == outs["2"]  # the same files, whoever draws them
    bad = run("analyze", str(article), "--jobs", "0")
    assert bad.returncode == 2 and "--jobs" in bad.stderr
