from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse import DiscourseError, read_article
from discourse.errors import InvalidOptionError
from discourse.steps.quotes.attribution import (
    QUOTE_COLUMNS,
    attribute_quotes,
    find_attributions,
    find_quotes,
)
from discourse.steps.quotes.mentions import role_class
from discourse.steps.quotes.speakers import speaker_table


def rows(text: str) -> list[dict]:
    """The sentences of an article with their attribution, as dicts (text included)."""
    art = read_article(text)
    frame = attribute_quotes(art)
    out = []
    for s, row in zip(art.sentences, frame.to_dict("records"), strict=True):
        row = {k: (None if not isinstance(v, list) and pd.isna(v) else v) for k, v in row.items()}
        row["text"] = s.text
        row["quoted"] = [art.text[a:b] for a, b in row["quote_spans"]]
        out.append(row)
    return out


def find(table: list[dict], start: str) -> dict:
    return next(r for r in table if r["text"].startswith(start))


# --------------------------------------------------------------------------- the seed
SEED_INDIRECT = (
    "The further deepening", "Lavrov pointed out", "The Russian top diplomat went on",
    "Lavrov has expressed the hope", "According to Russia", "The minister noted",
)


def test_seed_speakers_and_types(seed_article):
    frame = attribute_quotes(seed_article)
    assert list(frame.columns) == list(QUOTE_COLUMNS)
    assert frame["sentence_id"].tolist() == [s.id for s in seed_article.sentences]
    body = [(s, row) for s, row in zip(seed_article.sentences, frame.itertuples(), strict=True)
            if s.kind == "body"]
    assert len(body) == 27
    assert {row.speaker for _, row in body} == {"Sergey Lavrov"}
    expected = ["indirect" if s.text.startswith(SEED_INDIRECT) else "direct" for s, _ in body]
    right = sum(row.quote_type == e for (_, row), e in zip(body, expected, strict=True))
    assert right >= 25
    assert frame["quote_warning"].isna().all()


def test_seed_front_sentences_report_speech(seed_article):
    frame = attribute_quotes(seed_article)
    title, standfirst = frame.iloc[0], frame.iloc[1]
    assert (title.quote_type, title.speaker, title.reporting_verb) == (
        "indirect", "Sergey Lavrov", "says")
    assert (standfirst.quote_type, standfirst.reporting_verb) == ("indirect", "expressed the hope")
    assert standfirst.speaker_mention == "Russian Foreign Minister Sergey Lavrov"


def test_seed_mentions_offsets_and_continuations(seed_article):
    table = rows(seed_article.text)
    by_text = {r["text"]: r for r in table}
    assert by_text['"We are doing our utmost for this.']["quote_type"] == "direct"
    cont = find(table, "We carry out our mediation")
    assert (cont["quote_type"], cont["speaker"], cont["speaker_start"]) == (
        "direct", "Sergey Lavrov", -1)
    assert find(table, '"The ties connecting')["speaker_mention"] == "the Russian top diplomat"
    assert find(table, "According to Russia")["speaker_mention"] == "Russia’s top diplomat"
    assert find(table, "According to Russia")["reporting_verb"] == "according to"
    assert find(table, "The Russian top diplomat went")["reporting_verb"] == "went on to say"
    assert find(table, '"We share')["speaker_mention"] == "he"
    # The names inside a quotation (Putin, Aliyev) are never speakers.
    assert find(table, "A trust-based dialogue")["speaker_mention"] == "Lavrov"
    for r in table:
        if r["speaker_start"] >= 0:
            assert seed_article.text[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]
        for q in r["quoted"]:
            assert q and q in r["text"] and '"' not in q


def test_seed_speaker_table(seed_article):
    table = speaker_table(seed_article)
    assert table["speaker"].tolist() == ["Sergey Lavrov"]
    lavrov = table.iloc[0]
    assert (lavrov.kind, lavrov.role, lavrov.nationality) == (
        "person", "foreign minister", "Russia")
    assert lavrov.n_direct + lavrov.n_indirect + lavrov.n_mixed == lavrov.n_sentences == 29
    assert lavrov.first_mention == seed_article.text.index("Lavrov says")
    forms = {m.lower() for m in lavrov.mentions}
    assert {"lavrov", "russian foreign minister sergey lavrov", "the russian top diplomat",
            "russia’s top diplomat", "the russian foreign minister", "the minister",
            "he"} <= forms


# --------------------------------------------------------------------------- agency report
AGENCY = """\
Nurtleu says Astana backs Caspian talks

ASTANA, May 12. /Kazinform/. Kazakh Foreign Minister Murat Nurtleu said on Friday that the \
Caspian summit would take place in August.

"We have prepared every document," the Kazakh top diplomat told reporters. "The summit will \
be a success."

The minister added that Astana was ready to host the talks. According to the foreign \
minister, five states will sign the convention.

"Our region needs stability," Nurtleu stressed.
"""


def test_agency_report_role_equivalences():
    table = rows(AGENCY)
    assert [r["speaker"] for r in table] == ["Murat Nurtleu"] * len(table)
    assert [r["quote_type"] for r in table] == [
        "indirect", "indirect", "direct", "direct", "indirect", "indirect", "direct"]
    assert find(table, "The minister added")["speaker_mention"] == "The minister"
    assert find(table, "According to")["speaker_mention"] == "the foreign minister"
    assert find(table, '"The summit')["speaker_start"] == -1
    spk = speaker_table(read_article(AGENCY)).iloc[0]
    assert (spk.role, spk.nationality) == ("foreign minister", "Kazakhstan")


# --------------------------------------------------------------------------- wire story
WIRE = """\
Senators clash over budget

By Jane Roe and Tom Poe

WASHINGTON (AP) — Sen. John Miller, D-Ohio, said Tuesday that the budget was "dead on \
arrival." "We will not vote for it," Miller told reporters. "Never."

"It is a good budget," said Anna Petrova, a 54-year-old teacher. "I support it." "You would," \
Miller replied. "I do," she said.

"We are talking to both sides," a senior diplomat said on condition of anonymity. The \
diplomat added that talks would go on.

Officials say the vote is set for Friday. "Nothing has changed," they said.
"""


def test_wire_story_names_appositions_and_alternation():
    table = rows(WIRE)
    first = find(table, "Sen. John Miller")
    assert (first["quote_type"], first["speaker"], first["speaker_mention"]) == (
        "mixed", "John Miller", "Sen. John Miller")
    assert first["quoted"] == ["dead on arrival."]
    assert find(table, '"We will not')["reporting_verb"] == "told reporters"
    assert find(table, '"Never."')["speaker"] == "John Miller"
    # Two speakers alternating within one paragraph; "she" is Anna Petrova, not Miller.
    para = [find(table, t) for t in ('"It is a good', '"I support', '"You would', '"I do')]
    assert [r["speaker"] for r in para] == ["Anna Petrova", "Anna Petrova", "John Miller",
                                            "Anna Petrova"]
    assert [r["quote_type"] for r in para] == ["direct"] * 4
    assert para[0]["reporting_verb"] == "said" and para[1]["speaker_mention"] is None


def test_wire_story_anonymous_and_group_sources():
    table = rows(WIRE)
    anon = find(table, '"We are talking')
    assert (anon["speaker"], anon["speaker_mention"]) == ("A senior diplomat", "a senior diplomat")
    assert find(table, "The diplomat added")["speaker"] == "A senior diplomat"
    assert find(table, "Officials say")["speaker"] == "Officials"
    assert find(table, '"Nothing has changed')["speaker"] == "Officials"


def test_wire_story_speaker_table():
    table = speaker_table(read_article(WIRE)).set_index("speaker")
    assert list(table.index[:3]) == ["John Miller", "Anna Petrova", "A senior diplomat"]
    assert table.loc["John Miller", "role"] == "senator"
    assert table.loc["John Miller", "organisation"] == "Democratic Party"
    assert table.loc["Anna Petrova", "role"] == "teacher"
    assert not table.loc["A senior diplomat", "named"]
    assert table.loc["Officials", "kind"] == "group"
    assert table.loc["John Miller", ["n_direct", "n_mixed"]].tolist() == [3, 1]


# --------------------------------------------------------------------------- press release
RELEASE = """\
# Acme opens plant in Ohio

## Overview

Acme Corp. today opened a new plant in Dayton. “This is a great day for our workers,” said \
Jane Doe, chief executive of Acme. “We are proud.”

## Quotes

According to the company, the plant will employ 500 people. Doe said: “We chose Ohio for its \
people. They work hard.”

“We will hire locally,” she added, “and train everyone.”
"""


def test_markdown_release_curly_quotes_before_and_split():
    table = rows(RELEASE)
    assert table[0]["text"] == "Acme opens plant in Ohio"
    assert table[0]["quote_type"] == "none"
    assert find(table, "Acme Corp.")["quote_type"] == "none"
    great = find(table, "“This is a great")
    assert great["speaker"] == "Jane Doe"
    assert great["quoted"] == ["This is a great day for our workers,"]
    company = find(table, "According to the company")
    assert (company["quote_type"], company["speaker_mention"]) == ("indirect", "the company")
    before = find(table, "Doe said:")
    assert (before["quote_type"], before["speaker"]) == ("direct", "Jane Doe")
    assert find(table, "They work hard.”")["speaker"] == "Jane Doe"
    split = find(table, "“We will hire")
    assert split["quoted"] == ["We will hire locally,", "and train everyone."]
    assert (split["speaker"], split["speaker_mention"]) == ("Jane Doe", "she")
    spk = speaker_table(read_article(RELEASE)).set_index("speaker")
    assert spk.loc["Jane Doe", "role"] == "chief executive"
    assert spk.loc["Jane Doe", "organisation"] == "Acme"


# --------------------------------------------------------------------------- quotation marks
def test_quotation_continued_across_paragraphs():
    text = ('Title here\n\n"We will fight on," Smith said. "We will never give up.\n\n'
            '"We will win. Always.\n\n"Nobody can stop us."\n\nThe rally ended.')
    table = rows(text)
    assert [r["quote_type"] for r in table[1:]] == ["direct"] * 5 + ["none"]
    assert {r["speaker"] for r in table[1:6]} == {"Smith"}
    assert all(r["quote_warning"] is None for r in table)
    quotes, strays = find_quotes(read_article(text))
    assert strays == [] and len({q.chain for q in quotes}) == 2


def test_nested_single_quotes_and_british_style():
    table = rows("A title\n\n\"He told me 'never again,' and I believed him,\" Smith said.\n\n"
                 "'We will win,' Jones said. 'Britain's voters agree.'")
    assert table[1]["quoted"] == ["He told me 'never again,' and I believed him,"]
    assert table[1]["speaker"] == "Smith"
    assert [r["speaker"] for r in table[2:]] == ["Jones", "Jones"]
    assert table[3]["quoted"] == ["Britain's voters agree."]


def test_unbalanced_marks_are_flagged_and_rest_attributed():
    text = ('A title\n\n"This opens a quotation and never closes it, Smith said.\n\n'
            'It continues," the senator added.\n\n"We agree," Jones said.')
    table = rows(text)
    assert "not closed" in table[1]["quote_warning"]
    assert "no opening mark" in table[2]["quote_warning"]
    last = table[3]
    assert (last["quote_type"], last["speaker"], last["quote_warning"]) == ("direct", "Jones", None)


def test_unattributed_quote_is_flagged():
    table = rows('A title\n\n"We are ready for anything."')
    assert table[1]["quote_type"] == "direct"
    assert table[1]["speaker"] is None
    assert "no speaker" in table[1]["quote_warning"]


def test_names_and_scare_quotes_are_not_quotations():
    table = rows('A title\n\nThe paper "Bakinsky Rabochy" ran the article. The so-called '
                 '"peace plan" failed.')
    assert [r["quote_type"] for r in table[1:]] == ["none", "none"]
    assert table[1]["quote_spans"] == []


# --------------------------------------------------------------------------- attributions
@pytest.mark.parametrize(
    ("sentence", "mention", "verb"),
    [
        ("Talks failed, Russian Foreign Minister Sergey Lavrov said.",
         "Russian Foreign Minister Sergey Lavrov", "said"),
        ("Anna Petrova, a 54-year-old teacher, said the school was closed.", "Anna Petrova",
         "said"),
        ("Kremlin spokesman Dmitry Peskov told reporters the talks were over.",
         "Kremlin spokesman Dmitry Peskov", "told reporters"),
        ("The Foreign Ministry said in a statement that talks would resume.",
         "The Foreign Ministry", "said"),
        ("According to a statement from the Kremlin, talks failed.", "the Kremlin",
         "according to"),
        ("The minister has also repeatedly stressed the need for talks.", "The minister",
         "stressed"),
        ("Lavrov on Tuesday said the talks had failed.", "Lavrov", "said"),
    ],
)
def test_find_attributions(sentence, mention, verb):
    found = find_attributions(sentence, 0, len(sentence), [])
    assert [(a.mention.text, a.verb) for a in found][:1] == [(mention, verb)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister added a clause to the bill.",
        "Moscow continues to pay attention to the problem.",
        "The law says nothing about it.",
        "She asked for help.",
        "It is said that the talks failed.",
    ],
)
def test_no_attribution_without_a_speaker_or_speech(sentence):
    assert find_attributions(sentence, 0, len(sentence), []) == []


def test_headlines_attributed():
    assert rows("Putin: Russia ready for talks\n\nThe talks begin.")[0]["speaker"] == "Putin"
    head = rows("Lavrov Says Moscow Is Ready\n\nThe talks begin.")[0]
    assert (head["quote_type"], head["speaker"]) == ("indirect", "Lavrov")


def test_pronoun_it_and_surname_resolution():
    table = rows("Talks end\n\nThe Foreign Ministry said talks would resume. It added that "
                 "Moscow was ready.\n\nLater, Putin spoke. Russian President Vladimir Putin "
                 "said the talks were useful. \"We will see,\" Putin said.")
    assert [r["speaker"] for r in table[1:3]] == ["Foreign Ministry", "Foreign Ministry"]
    assert table[-1]["speaker"] == "Vladimir Putin"


def test_role_classes():
    assert role_class("top diplomat") == role_class("foreign minister") == "foreign minister"
    assert role_class("54-year-old teacher") == "teacher"


# --------------------------------------------------------------------------- inputs, tables
def test_inputs_and_speaker_table_from_frame(seed_path):
    from discourse import analyze

    by_path = attribute_quotes(seed_path)
    by_analysis = attribute_quotes(analyze(seed_path))
    pd.testing.assert_frame_equal(by_path, by_analysis)
    table = speaker_table(by_path)
    assert table["speaker"].tolist() == ["Sergey Lavrov"]
    bare = by_path.copy()
    bare.attrs = {}
    assert speaker_table(bare).iloc[0]["n_sentences"] == 29
    with pytest.raises(InvalidOptionError, match="attribute_quotes"):
        speaker_table(pd.DataFrame({"text": ["a"]}))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(
    st.text(),
    st.lists(st.sampled_from(['"', "“", "”", "‘", "’", "'", "«", "»", " ", ",", ".", ":",
                              "\n\n", "said", "Lavrov", "the minister", "he", "Sen.", "D-Ohio",
                              ", a teacher,", "according to", "it", "they", "Mr.", "’s"]),
             max_size=60).map("".join),
))
def test_arbitrary_text_never_raises(text):
    # "\n" keeps read_article from taking a long one-line string for a file path.
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            art = read_article(text + "\n")
    except DiscourseError:
        return
    frame = attribute_quotes(art)
    assert len(frame) == len(art.sentences)
    for row in frame.itertuples():
        assert row.quote_type in ("direct", "indirect", "mixed", "none")
        for a, b in row.quote_spans:
            assert 0 <= a < b <= len(art.text)
        if row.speaker_start >= 0:
            assert art.text[row.speaker_start : row.speaker_end] == row.speaker_mention
    speaker_table(frame)


def test_sentence_tables_are_refused():
    with pytest.raises(InvalidOptionError, match="whole article"):
        attribute_quotes(pd.DataFrame({"text": ["He said so."]}))
