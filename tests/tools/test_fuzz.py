"""The pipeline property over arbitrary text (bounded here; `python -m tools.fuzz` runs
many more) and determinism of the written tables."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from discourse import analyze
from tools.fuzz import check_pipeline, texts


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts())
def test_pipeline_covers_every_character_or_raises_a_discourse_error(text):
    check_pipeline(text)


def test_articles_without_sentences_give_empty_tables(tmp_path):
    for text in ("©", "All news", "Read more\n\nAdvertisement"):
        result = analyze(text, targets={"peace": ["peace"]})
        assert len(result.sentences) == 0
        assert all(len(t) == 0 for t in result.tables.values())
        result.save(tmp_path / "out")
        assert (tmp_path / "out" / "report.html").exists()


def test_same_input_gives_byte_identical_files(tmp_path, seed_path):
    targets = {"peace": ["peace*", "settlement"], "force": ["by force"]}
    first = analyze(seed_path, targets=targets).save(tmp_path / "a", charts=False)
    second = analyze(seed_path, targets=targets).save(tmp_path / "b", charts=False)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
