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


# --------------------------------------------------------------------------- table corpora
ROWS = [
    ("Peace talks resume\n\nGENEVA (Reuters) - Peace talks resumed on Monday. The envoys "
     "praised the good progress toward a ceasefire.", "Daily", "2017-04-04"),
    ("Army moves\n\nThe army moved to the border. Officials warned of war and insecurity.",
     "Herald", "2017-04-20"),
    ("Ceasefire holds\n\nThe ceasefire held. Diplomats welcomed the peace and security talks.",
     "Daily", "2017-05-02"),
    ("Fighting resumes\n\nFighting resumed after the terrible attack. The war goes on and "
     "security is bad.",
     "Herald", "2017-05-15"),
]


@pytest.fixture
def table_csv(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame(ROWS, columns=["body", "outlet", "date"]).to_csv(path, index=False)
    return path


def test_table_corpus_round_trip(table_csv, tmp_path):
    from discourse.compare import compare_groups, keyness_by

    result = run_corpus(table_csv, tmp_path / "out", text_column="body", progress=False,
                        targets=TARGETS)
    assert result.variables == ("outlet", "date")
    for name in ("sentences", "keywords", "documents", "stance"):
        table = result.table(name)
        assert table.columns[:3].tolist() == ["doc_id", "outlet", "date"], name
        assert set(table["outlet"]) == {"Daily", "Herald"}, name
    documents = result.table("documents")
    assert documents["doc_id"].tolist() == ["1", "2", "3", "4"]
    assert documents["date"].tolist() == [d for _, _, d in ROWS]
    assert documents["path"].isna().all()
    sentences = result.table("sentences")
    assert sentences.loc[sentences["doc_id"] == "2", "outlet"].unique().tolist() == ["Herald"]

    groups = compare_groups(result, "outlet")
    assert groups["outlet"].tolist() == ["Daily", "Herald"]
    assert groups["documents"].tolist() == [2, 2]
    daily, herald = groups["sentiment_mean"].tolist()
    assert daily > herald
    assert {"stance_peace_net", "stance_war_mentioned"} <= set(groups.columns)
    assert any(c.startswith("keywords_") and c.endswith("_per_1000") for c in groups.columns)
    by_month = compare_groups(result, ["outlet", "month"])
    assert by_month[["outlet", "month"]].values.tolist() == [
        ["Daily", "2017-04"], ["Daily", "2017-05"], ["Herald", "2017-04"], ["Herald", "2017-05"]]

    key = keyness_by(result, "outlet", correction="none")
    top = key.sort_values("statistic", ascending=False).groupby("outlet")["feature"].first()
    assert top["Daily"] in {"peace", "talks", "ceasefire"}
    assert top["Herald"] in {"war", "army", "attack", "fighting", "resumed"}
    same = keyness_by(table_csv, "outlet", text_column="body", correction="none")
    assert set(same["outlet"]) == {"Daily", "Herald"}


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", "frame"])
def test_other_table_forms(suffix, tmp_path):
    frame = pd.DataFrame(ROWS, columns=["text", "outlet", "date"])
    if suffix == "frame":
        source = frame
    else:
        source = tmp_path / f"news{suffix}"
        if suffix == ".jsonl":
            frame.to_json(source, orient="records", lines=True)
        else:
            pytest.importorskip("pyarrow")
            frame.to_parquet(source)
    docs = find_documents(source)
    assert [dict(d.variables)["outlet"] for d in docs] == ["Daily", "Herald", "Daily", "Herald"]
    assert docs[0].text.startswith("Peace talks resume")


def test_table_without_the_text_column_says_which_columns_it_has(table_csv, tmp_path):
    from discourse import MissingDataError

    with pytest.raises(MissingDataError, match=r"'text'.*body.*text_column"):
        run_corpus(table_csv, tmp_path / "out", progress=False)


def test_keyness_and_topics_read_table_files(table_csv):
    from discourse import corpus_topics, keyness

    k = keyness(table_csv, "war war war army", text_column="body", correction="none")
    assert k.set_index("feature").loc["peace", "n_target"] == 3
    model = corpus_topics(table_csv, n_topics=2, min_words=2, text_column="body")
    assert sorted(model.shares["doc_id"].unique()) == ["1", "2", "3", "4"]


def test_files_sort_naturally(tmp_path):
    for n in (889, 9, 90, 89):
        (tmp_path / f"doc{n}.txt").write_text(f"Document {n}.", encoding="utf-8")
    assert [d.doc_id for d in find_documents(tmp_path)] == ["doc9", "doc89", "doc90", "doc889"]
    assert [d.doc_id for d in find_documents(str(tmp_path / "*.txt"))] == [
        "doc9", "doc89", "doc90", "doc889"]


def test_no_documents_is_a_clear_error(tmp_path):
    from discourse import DiscourseError, EmptyInputError

    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(EmptyInputError, match="no documents found") as info:
        run_corpus(tmp_path, tmp_path / "out", progress=False)
    assert isinstance(info.value, DiscourseError)
    with pytest.raises(EmptyInputError):
        run_corpus(pd.DataFrame({"text": []}), tmp_path / "out2", progress=False)


def test_resumed_documents_keep_their_sentence_counts(corpus_dir, tmp_path):
    out = tmp_path / "out"
    first = run_corpus(corpus_dir, out, progress=False)
    (out / "documents.csv").unlink()  # as after a run interrupted before its summary
    second = run_corpus(corpus_dir, out, progress=False)
    assert second.documents["status"].tolist()[:3] == ["skipped"] * 3
    assert second.documents["sentences"].tolist() == first.documents["sentences"].tolist()
    assert second.documents["sentences"].tolist()[:3] == [3, 3, 1]


def test_warnings_are_recorded_per_document(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "ru.txt").write_text(
        "Лавров заявил, что сотрудничество России и Азербайджана обеспечит безопасность. "
        "Москва продолжает уделять внимание проблеме.", encoding="utf-8")
    (folder / "en.txt").write_text("The talks resumed. Both sides met.", encoding="utf-8")
    result = run_corpus(folder, tmp_path / "out", progress=False)
    warnings = result.table("documents").set_index("doc_id")["warnings"]
    assert "not look like English" in warnings["ru"]
    assert pd.isna(warnings["en"]) or warnings["en"] == ""


def test_texts_and_paths_mix_in_a_list(corpus_dir, tmp_path):
    docs = find_documents([corpus_dir / "a_peace.txt", "Talks\n\nThey met. They left."])
    assert [d.path is not None for d in docs] == [True, False]
    with pytest.raises(InputNotFoundError, match=r"missing name\.txt"):
        find_documents(["missing name.txt"])


def test_table_corpus_in_parallel_matches_one_process(table_csv, tmp_path):
    run_corpus(table_csv, tmp_path / "one", text_column="body", progress=False, targets=TARGETS)
    run_corpus(table_csv, tmp_path / "two", text_column="body", jobs=2, progress=False,
               targets=TARGETS)
    assert_same_tables(tmp_path / "one", tmp_path / "two")


def test_keyness_reads_paths_not_path_strings(corpus_dir):
    from discourse import keyness

    k = keyness(str(corpus_dir / "a_peace.txt"), str(corpus_dir / "b_war.txt"))
    assert "txt" not in set(k["feature"]) and "peace" in set(k["feature"])
    with pytest.raises(InputNotFoundError, match=r"594\.txt"):
        keyness("594.txt", "war")
