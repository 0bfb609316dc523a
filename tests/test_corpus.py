from __future__ import annotations

import pandas as pd
import pytest

from discourse import InputNotFoundError, InvalidOptionError
from discourse.corpus import find_documents, run_corpus

DOCS = {
    "a_peace.txt": "Peace talks\n\nGENEVA (Reuters) - The talks resumed. Both sides met.",
    "b_war.txt": "War looms\n\nThe army moved. \"We will fight,\" the general said.",
    "c_plain.txt": "One sentence only.",
}


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "d_empty.txt").write_bytes(b"")
    (folder / "e_binary.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return folder


def test_bad_documents_are_logged_and_the_rest_complete(corpus_dir, tmp_path):
    result = run_corpus(corpus_dir, tmp_path / "out", progress=False)
    assert result.documents["status"].tolist() == ["ok", "ok", "ok", "failed", "failed"]
    errors = result.errors.set_index("doc_id")
    assert errors.loc["d_empty", "error_type"] == "EmptyInputError"
    assert errors.loc["e_binary", "error_type"] == "BinaryInputError"
    assert "PDF" in errors.loc["e_binary", "message"]
    sentences = result.table("sentences")
    assert sentences["doc_id"].unique().tolist() == ["a_peace", "b_war", "c_plain"]
    assert len(sentences) == 3 + 3 + 1
    on_disk = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert sorted(on_disk["doc_id"]) == ["d_empty", "e_binary"]


def test_rerun_skips_finished_documents(corpus_dir, tmp_path):
    out = tmp_path / "out"
    first = run_corpus(corpus_dir, out, progress=False)
    before = (out / "sentences.csv").read_bytes()
    second = run_corpus(corpus_dir, out, progress=False)
    assert second.documents["status"].tolist()[:3] == ["skipped"] * 3
    assert (out / "sentences.csv").read_bytes() == before
    assert first.documents["sentences"].tolist() == second.documents["sentences"].tolist()


TARGETS = {"peace": ["peace*", "talks"], "war": ["war", "army"]}


def assert_same_tables(a, b):
    names = sorted(p.name for p in a.glob("*.csv") if p.name != "documents.csv")
    assert "stance.csv" in names and "keywords.csv" in names
    assert names == sorted(p.name for p in b.glob("*.csv") if p.name != "documents.csv")
    for name in names:  # byte-identical, whatever order the documents finished in
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_parallel_run_gives_identical_tables(corpus_dir, tmp_path):
    run_corpus(corpus_dir, tmp_path / "one", jobs=1, progress=False, targets=TARGETS)
    run_corpus(corpus_dir, tmp_path / "two", jobs=2, progress=False, targets=TARGETS)
    assert_same_tables(tmp_path / "one", tmp_path / "two")


@pytest.mark.slow
def test_dask_engine_matches_local(corpus_dir, tmp_path):
    pytest.importorskip("dask.distributed")
    run_corpus(corpus_dir, tmp_path / "local", jobs=2, progress=False, targets=TARGETS)
    run_corpus(corpus_dir, tmp_path / "dask", jobs=2, engine="dask", progress=False,
               targets=TARGETS)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")


def test_document_ids_are_unique_and_safe(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same name.txt").write_text("Text.", encoding="utf-8")
    ids = [d.doc_id for d in find_documents(tmp_path)]
    assert ids == ["same_name", "same_name-2"]


def test_bad_arguments(tmp_path):
    with pytest.raises(InputNotFoundError):
        run_corpus(tmp_path / "missing" / "*.txt", tmp_path / "out")
    with pytest.raises(InvalidOptionError, match="engine"):
        run_corpus(tmp_path, tmp_path / "out", engine="spark")


def test_interrupted_run_leaves_no_partial_file_and_resumes(corpus_dir, tmp_path):
    out = tmp_path / "out"

    def interrupt(record):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus(corpus_dir, out, progress=False, on_result=interrupt)
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    resumed = run_corpus(corpus_dir, out, progress=False)
    assert resumed.documents["status"].tolist() == ["skipped", "ok", "ok", "failed", "failed"]
    fresh = run_corpus(corpus_dir, tmp_path / "fresh", progress=False)
    assert (out / "sentences.csv").read_bytes() == (fresh.out / "sentences.csv").read_bytes()
