from __future__ import annotations

import subprocess
import sys

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
