from __future__ import annotations

import re

import pytest

from discourse import (
    BinaryInputError,
    DecodingError,
    DiscourseError,
    EmptyInputError,
    InputNotFoundError,
    read_article,
)
from discourse.text.reading import decode


# --------------------------------------------------------------------------- the seed
def test_seed_structure(seed_article):
    art = seed_article
    assert art.title.text == (
        "Lavrov says Moscow-Baku cooperation can ensure security in South Caucasus"
    )
    assert art.standfirst.text.startswith("Russian Foreign Minister Sergey Lavrov has expressed")
    assert art.dateline.place == "MOSCOW"
    assert art.dateline.agency == "TASS"
    assert art.dateline.date_text == "April 4"
    assert [b.text for b in art.boilerplate] == ["All news"]
    body = art.body_sections
    assert len(body) == 2
    assert body[0].heading is None
    assert body[1].heading.text == "Nagorno-Karabakh conflict"
    assert sum(len(s.sentences) for s in body) == 27
    texts = [s.text for s in art.sentences]
    assert "We are doing our utmost for this." in [t.strip('"') for t in texts]
    kinds = [s.kind for s in art.sentences]
    assert kinds[:2] == ["title", "standfirst"] and set(kinds[2:]) == {"body"}
    # The dateline is metadata, never part of a sentence.
    assert all("/TASS/" not in t for t in texts)


def test_seed_frame(seed_article):
    frame = seed_article.to_frame()
    assert list(frame.columns) == [
        "section_id", "section_heading", "section_kind", "paragraph_id", "sentence_id",
        "kind", "start", "end", "text",
    ]
    assert len(frame) == 29
    assert frame["sentence_id"].tolist() == list(range(29))
    for row in frame.itertuples():
        assert seed_article.text[row.start : row.end] == row.text


# --------------------------------------------------------------------------- house styles
@pytest.mark.parametrize(
    ("opening", "place", "date", "agency"),
    [
        ("MOSCOW, April 4. /TASS/.", "MOSCOW", "April 4", "TASS"),
        ("GENEVA (Reuters) -", "GENEVA", None, "Reuters"),
        ("WASHINGTON (AP) —", "WASHINGTON", None, "AP"),
        ("PARIS, May 3 (AFP) -", "PARIS", "May 3", "AFP"),
        ("ASTANA, May 12 —", "ASTANA", "May 12", None),
        ("NEW YORK —", "NEW YORK", None, None),
        ("DES MOINES, Iowa (AP) —", "DES MOINES", None, "AP"),
    ],
)
def test_datelines(opening, place, date, agency):
    art = read_article(f"Headline here\n\n{opening} The talks resumed on Monday. They ended.")
    d = art.dateline
    assert (d.place, d.date_text, d.agency) == (place, date, agency)
    assert d.text == opening
    assert [s.text for s in art.body_sections[0].sentences] == [
        "The talks resumed on Monday.", "They ended."
    ]


def test_no_dateline_in_plain_text():
    art = read_article("The talks resumed. They ended.\n\nA second paragraph follows.")
    assert art.dateline is None and art.title is None
    assert len(art.sentences) == 3


def test_wire_story_byline(wire_story):
    art = read_article(wire_story)
    assert art.title.text == "Senate passes budget deal"
    assert art.byline.text == "By Jane Doe and John Roe"
    assert art.dateline.agency == "AP"
    assert art.sentences[1].text == "The Senate passed the budget on Friday."


def test_agency_report_heading_and_standfirst(agency_report):
    art = read_article(agency_report)
    assert art.standfirst.text.startswith("The foreign minister has said")
    assert art.dateline.agency == "Interfax"
    assert [s.heading.text if s.heading else None for s in art.body_sections] == [
        None, "Background"
    ]


def test_markdown_headings(markdown_release):
    art = read_article(markdown_release)
    assert art.title.text == "Ministry welcomes agreement"
    assert [s.heading.text for s in art.body_sections] == ["Summary", "Next steps"]
    assert [m.text for m in art.markup] == ["#", "##", "##"]
    assert [s.text for s in art.body_sections[0].sentences] == [
        "The ministry welcomed the agreement.", "It called it a step forward."
    ]


def test_single_newline_paragraphs():
    art = read_article("First paragraph here.\nSecond paragraph here.\nThird one.")
    assert len(art.paragraphs) == 3


def test_blank_lines_separate_paragraphs_and_lines_wrap():
    art = read_article("One line\ncontinues here.\n\nAnother paragraph.")
    assert [p.text for p in art.paragraphs] == ["One line\ncontinues here.", "Another paragraph."]


def test_crlf_and_cr_line_endings():
    art = read_article("Title line\r\n\r\nBody one. Body two.\r\rLast paragraph.")
    assert art.title.text == "Title line"
    assert [p.text for p in art.paragraphs][1:] == ["Body one. Body two.", "Last paragraph."]


def test_custom_boilerplate():
    text = "Home | World\n\nThe talks resumed.\n\nMore text."
    art = read_article(text, boilerplate=[r"home \| .*"])
    assert [b.text for b in art.boilerplate] == ["Home | World"]


def test_speech_title_and_date_line():
    text = "ADDRESS ON THE STATE OF THE UNION\n\nJanuary 31, 1990\n\nMr. President, thank you."
    art = read_article(text)
    assert art.title.text == "ADDRESS ON THE STATE OF THE UNION"
    assert art.dateline.date_text == "January 31, 1990"
    assert art.sentences[-1].text == "Mr. President, thank you."


# --------------------------------------------------------------------------- decoding
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings(tmp_path, encoding):
    text = "Мир и сотрудничество\n\nMOSCOW, April 4. /TASS/. Peace “matters”."
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    art = read_article(path)
    assert art.text == text
    assert art.encoding == encoding
    assert art.dateline.agency == "TASS"


def test_legacy_encodings(tmp_path):
    ru = "Лавров заявил, что сотрудничество России и Азербайджана обеспечит безопасность. " * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(ru.encode("cp1251"))
    art = read_article(path)
    assert art.text == ru
    assert art.encoding.replace("_", "").lower() in {"cp1251", "windows1251"}
    fr = "Le ministre a salué la coopération et la sécurité régionale à Genève. " * 3
    path.write_bytes(fr.encode("latin-1"))
    assert read_article(path).text == fr


def test_decode_returns_encoding():
    assert decode(b"plain") == ("plain", "utf-8")


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (b"", EmptyInputError),
        (b"  \n\t \r\n", EmptyInputError),
        (b"%PDF-1.7\n1 0 obj\n", BinaryInputError),
        (b"PK\x03\x04\x14\x00\x00\x00", BinaryInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryInputError),
        (b"Some text\x00with a NUL byte", BinaryInputError),
        (b"\xef\xbb\xbfok" , None),
        (b"\xff\xfe\x00\xd8", DecodingError),  # UTF-16 BOM then a lone surrogate
    ],
)
def test_bad_files_name_the_file(tmp_path, payload, error):
    path = tmp_path / "bad_input.txt"
    path.write_bytes(payload)
    if error is None:
        assert read_article(path).text == "ok"
        return
    with pytest.raises(error) as info:
        read_article(path)
    assert isinstance(info.value, DiscourseError)
    assert "bad_input.txt" in str(info.value)


def test_missing_path_names_the_file(tmp_path):
    missing = tmp_path / "nowhere" / "article.txt"
    with pytest.raises(InputNotFoundError, match=r"article\.txt"):
        read_article(missing)
    with pytest.raises(InputNotFoundError, match="does not exist"):
        read_article("missing_article.txt")
    with pytest.raises(InputNotFoundError, match="folder"):
        read_article(tmp_path)


def test_whitespace_string_is_empty():
    with pytest.raises(EmptyInputError, match="whitespace"):
        read_article("   \n\n  ")


# --------------------------------------------------------------------------- warnings
@pytest.mark.parametrize("text", [
    "Лавров заявил, что сотрудничество России и Азербайджана обеспечит безопасность. "
    "Москва продолжает уделять внимание проблеме.",
    "Lavrov bildirib ki, Rusiya ilə Azərbaycan arasında əməkdaşlıq təhlükəsizliyi təmin edir. "
    "Moskva Dağlıq Qarabağ probleminə böyük diqqət yetirir.",
])
def test_non_english_text_warns_but_is_segmented(text):
    from discourse.errors import DiscourseWarning

    with pytest.warns(DiscourseWarning, match="not look like English"):
        art = read_article(text)
    assert len(art.sentences) == 2 and art.warnings


def test_html_fragment_with_tags_warns():
    from discourse.errors import DiscourseWarning

    text = "Peace now, he said.\n<div><p>Peace now.</p><p>War later.</p><script>x</script></div>"
    with pytest.warns(DiscourseWarning, match="HTML"):
        art = read_article(text)
    assert art.sentences and art.html is None


def test_long_single_line_string_is_text_not_a_path():
    art = read_article("a" * 300)
    assert art.sentences[0].text == "a" * 300


def test_two_date_lines_keep_both_spans():
    # Found by the fuzzer: a second date line used to replace the first dateline.
    from tests.text.test_spans import check_spans

    art = read_article("January 5 2017\nJanuary 6 2017\n0\n")
    check_spans(art)
    assert art.dateline.text == "January 5 2017"


def test_two_bylines_keep_both_spans():
    from tests.text.test_spans import check_spans

    text = "Title here\n\nBy Ann Lee\n\nBy Bob Roe\n\nGENEVA (Reuters) - Talks resumed."
    art = read_article(text)
    check_spans(art)
    assert art.byline.text == "By Ann Lee"


# --------------------------------------------------------------------------- paths vs text
@pytest.mark.parametrize("name", ["missing name.txt", "Lavrov_interview", "news/missing",
                                  "./missing", "Lavrov interview.HTML"])
def test_one_line_file_names_are_paths(name):
    with pytest.raises(InputNotFoundError, match=re.escape(name)) as info:
        read_article(name)
    assert "discourse.Text" in str(info.value)


def test_text_wrapper_is_never_a_path():
    import discourse

    art = read_article(discourse.Text("Lavrov_interview.txt"))
    assert art.text == "Lavrov_interview.txt" and len(art.sentences) == 1
    assert discourse.Text("a") == "a" and isinstance(discourse.Text("a"), str)


@pytest.mark.parametrize("text", ["Peace talks resume.", "peace", "COVID-19", "3.5", "©",
                                  "Talks resume\n\nGENEVA (Reuters) - The talks resumed."])
def test_plain_strings_stay_text(text):
    assert read_article(text).text == text


def test_every_document_function_follows_the_rule():
    import discourse

    with pytest.raises(InputNotFoundError, match="Lavrov_interview"):
        discourse.analyze("Lavrov_interview")
    with pytest.raises(InputNotFoundError, match=r"missing name\.txt"):
        discourse.keyword_frequencies("missing name.txt")
    result = discourse.analyze("Talks resume\n\nGENEVA (Reuters) - The talks resumed on Monday.")
    assert result.sentences["text"].tolist()[-1] == "The talks resumed on Monday."


def test_cli_analyze_of_a_missing_file_fails_and_names_it(tmp_path, capsys, monkeypatch):
    from discourse.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["analyze", "missing name.txt", "--out", str(tmp_path / "x")]) != 0
    assert "missing name.txt" in capsys.readouterr().err
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").rglob("*.csv"))
