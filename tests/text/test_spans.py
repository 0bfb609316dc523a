from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse import DiscourseError, analyze
from discourse.text.reading import parse_text

# Text made of the pieces that drive the parser: headings, datelines, quotes, boilerplate.
_PIECES = st.sampled_from([
    "All news", "MOSCOW, April 4. /TASS/.", "GENEVA (Reuters) -", "By Jane Doe", "# ", "## ",
    "Heading", "Sen.", "U.S.", '"', "“", "”", "'", ".", "!", "?", "...", " ", "\n", "\n\n",
    "\r\n", "\r", "word", "Word", "1.", "2)", "•", "—", "January 31, 1990", "\u200b", "\xa0",
])
_TEXT = st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=200)


def check_spans(art):
    owner = {}
    for kind, start, end in art.spans():
        assert 0 <= start < end <= len(art.text)
        for i in range(start, end):
            assert i not in owner, f"char {i} in both {owner[i]} and {kind}"
            owner[i] = kind
    for i, ch in enumerate(art.text):
        if not ch.isspace():
            assert i in owner, f"char {i} ({ch!r}) in no span"
    for sent in art.sentences:
        assert art.text[sent.start : sent.end] == sent.text
    ids = [s.id for s in art.sentences]
    assert ids == list(range(len(ids)))
    starts = [s.start for s in art.sentences]
    assert starts == sorted(starts)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_every_character_in_exactly_one_span(text):
    try:
        art = parse_text(text)
    except DiscourseError:
        assert not text.strip()
        return
    check_spans(art)


def test_seed_spans(seed_article):
    check_spans(seed_article)
    kinds = {k for k, _, _ in seed_article.spans()}
    assert kinds == {"title", "standfirst", "body", "heading", "dateline", "boilerplate"}


def test_article_is_immutable(seed_article):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_article.title = None  # type: ignore[misc]


def test_analyze_gives_sentence_table(seed_path):
    result = analyze(seed_path)
    assert len(result.sentences) == 29
    assert result.sentences.loc[0, "kind"] == "title"
    assert "Analysis(" in repr(result)


def test_save_writes_tables(tmp_path, seed_path):
    folder = analyze(seed_path).save(tmp_path / "out")
    assert (folder / "sentences.csv").read_text("utf-8").startswith("section_id,")
    assert (folder / "analysis.json").exists()


def test_every_public_name_resolves_and_import_is_light():
    import subprocess
    import sys

    import discourse

    for name in discourse.__all__:
        assert getattr(discourse, name) is not None
    code = ("import sys, discourse; "
            "print(sorted({'pandas', 'textblob', 'nltk', 'matplotlib'} & set(sys.modules)))")
    heavy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert heavy.strip() == "[]"
