"""Tests for discourse.lexicon.dictionary: building, validating and matching dictionaries."""

from __future__ import annotations

import re

import pytest

from discourse.errors import DiscourseError, InputNotFoundError, InvalidLexiconError
from discourse.lexicon.dictionary import (
    Dictionary,
    Match,
    TextTokens,
    default_dictionary,
    load_dictionary,
    normalize_word,
    text_tokens,
    tokens_and_hits,
)
from discourse.memo import analysis_scope


def words(text: str) -> list[str]:
    return normalize_word(text).split()


def hits(d: Dictionary, text: str) -> list[tuple[str, str]]:
    ws = words(text)
    return [(m.category, " ".join(ws[m.first:m.last])) for m in d.find(ws)]


# -- matching -------------------------------------------------------------------------------

def test_glob_star_and_question_mark() -> None:
    d = load_dictionary({"security": ["secur*"], "war": ["wa?"]})
    assert hits(d, "secure security securing war was wars insecure") == [
        ("security", "secure"), ("security", "security"), ("security", "securing"),
        ("war", "war"), ("war", "was"),
    ]


def test_other_characters_are_literal() -> None:
    d = load_dictionary({"x": ["u.s", "co-op*"]})
    assert hits(d, "u.s uxs co-operation coxoperation") == [("x", "u.s"), ("x", "co-operation")]


def test_patterns_are_case_insensitive() -> None:
    d = load_dictionary({"security": ["SECURITY", "Mutual Security"]})
    assert d.categories_of("Security") == ("security",)
    assert d["security"].include == (("security",), ("mutual", "security"))


def test_exclusions_in_both_forms() -> None:
    d = load_dictionary(
        {"security": {"include": ["secur*"], "exclude": ["securities", "securitis*"]}}
    )
    assert d.categories_of("securities") == ()
    assert d.categories_of("securitisation") == ()
    assert d.categories_of("securing") == ("security",)
    plain = load_dictionary({"security": ["secur*"]})
    assert plain.categories_of("securities") == ("security",)


def test_exclude_phrase_drops_hits_inside_it_only() -> None:
    d = load_dictionary({"security": {"include": ["secur*"], "exclude": ["security council"]}})
    assert hits(d, "the security council and security") == [("security", "security")]
    assert d.find(words("the security council and security")) == [Match("security", 4, 5)]


def test_phrase_needs_consecutive_tokens_and_longest_match_wins() -> None:
    d = load_dictionary({"security": ["secur*", "mutual security"], "peace": ["peace"]})
    assert hits(d, "mutual security and mutual trust and security") == [
        ("security", "mutual security"), ("security", "security"),
    ]
    # Categories are matched independently: a phrase of one does not hide another's hit.
    both = load_dictionary({"a": ["peace talks"], "b": ["talks"]})
    assert hits(both, "peace talks") == [("a", "peace talks"), ("b", "talks")]


def test_phrases_with_a_literal_or_a_glob_second_word_share_a_first_word() -> None:
    # Phrases are filed by their second word when it is literal; glob ones are tried always.
    d = load_dictionary({"a": ["we must", "we shall", "we sh*", "in fact"],
                         "b": ["we", "we must act", "w* must"]})
    assert hits(d, "we must act in fact we shall we shout") == [
        ("a", "we must"), ("b", "we must act"), ("a", "in fact"), ("a", "we shall"),
        ("b", "we"), ("a", "we shout"), ("b", "we")]
    assert hits(d, "we must") == [("a", "we must"), ("b", "we must")]  # "w* must" for b
    assert hits(d, "wo must") == [("b", "wo must")]
    assert hits(d, "we") == [("b", "we")]


def test_tokens_and_hits_are_shared_inside_an_analysis_only() -> None:
    d = load_dictionary({"peace": ["peace*"]})
    with analysis_scope():
        tokens, found = tokens_and_hits(d, "Peace now.")
        assert text_tokens("Peace now.") is tokens
        assert tokens_and_hits(d, "Peace now.")[1] is found
    assert text_tokens("Peace now.") is not text_tokens("Peace now.")
    assert [(m.category, m.first) for m in found] == [("peace", 0)]


def test_phrase_respects_joinable() -> None:
    d = load_dictionary({"s": ["mutual security"]})
    ws = ["mutual", "security"]
    assert d.find(ws, joinable=lambda k: False) == []
    assert d.find(ws, joinable=lambda k: True) == [Match("s", 0, 2)]


def test_nested_categories_get_dotted_names() -> None:
    d = load_dictionary({"diplomacy": {"talks": ["negotiat*"], "visits": ["visit*"]}})
    assert d.categories == ("diplomacy.talks", "diplomacy.visits")
    assert d.categories_of("negotiations") == ("diplomacy.talks",)


def test_curly_apostrophe_and_unicode_hyphen_are_normalised() -> None:
    d = load_dictionary({"x": ["don't", "co-operation"]})
    assert d.categories_of("Don’t") == ("x",)
    assert d.categories_of("co‐operation") == ("x",)


def test_normalize_word_can_keep_the_case() -> None:
    assert normalize_word("Co‐operation’s") == "co-operation's"
    assert normalize_word("Co‐operation’s", lower=False) == "Co-operation's"


# -- text tokens ------------------------------------------------------------------------------

def test_text_tokens_spans_point_into_the_original() -> None:
    text = "Peace’s  co‐operation."
    toks = TextTokens(text)
    assert toks.words == ["peace's", "co-operation"]
    assert [text[a:b] for a, b in toks.spans] == ["Peace’s", "co‐operation"]
    # Lower-casing "İ" adds a character; spans must still index the original text.
    text = "İstanbul security"
    toks = TextTokens(text)
    assert [text[a:b] for a, b in toks.spans] == ["İstanbul", "security"]
    assert toks.words[1] == "security"


def test_text_tokens_phrases_stop_at_punctuation_and_paragraphs() -> None:
    d = load_dictionary({"s": ["mutual security"]})
    assert [(m.first, m.last) for m in TextTokens("Mutual\nsecurity").hits(d)] == [(0, 2)]
    assert TextTokens("Mutual\n\nsecurity").hits(d) == []
    assert TextTokens("Mutual; security").hits(d) == []


# -- default dictionary ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("peace", ("peace",)), ("peaceful", ("peace",)), ("peacefully", ("peace",)),
        ("peacekeeping", ("peace",)), ("peacemaker", ("peace",)), ("peacock", ()),
        ("peach", ()), ("secure", ("security",)), ("securing", ("security",)),
        ("insecurity", ("security",)), ("cyber-security", ("security",)),
        ("securities", ()), ("securitisation", ()), ("securitization", ()),
        ("cooperation", ("cooperation",)), ("co-operation", ("cooperation",)),
        ("cooperative", ("cooperation",)), ("cooperate", ("cooperation",)),
        ("collaboration", ()), ("co-chairs", ()),
    ],
)
def test_default_dictionary_word_families(word: str, expected: tuple[str, ...]) -> None:
    assert default_dictionary().categories_of(word) == expected


def test_default_is_loaded_for_none() -> None:
    assert load_dictionary(None) is default_dictionary()
    assert default_dictionary().categories == ("peace", "security", "cooperation")


# -- input forms ----------------------------------------------------------------------------

def test_yaml_file_and_text(tmp_path) -> None:
    text = "peace:\n  - peace*\nsecurity:\n  include: [secur*]\n  exclude: [securities]\n"
    path = tmp_path / "dict.yaml"
    path.write_text(text, encoding="utf-8")
    for source in (path, str(path), text):
        d = load_dictionary(source)
        assert d.categories == ("peace", "security")
        assert d["security"].exclude == (("securities",),)


def test_yaml_scalars_are_read_as_typed() -> None:
    d = load_dictionary("x:\n  - no\n  - 1990s\n  - 2017\n")
    assert d["x"].include == (("no",), ("1990s",), ("2017",))


def test_dictionary_passes_through_and_to_dict_round_trips() -> None:
    d = load_dictionary(
        {"s": {"include": ["secur*", "mutual security"], "exclude": ["securities"]}}
    )
    assert load_dictionary(d) is d
    assert load_dictionary(d.to_dict()).to_dict() == d.to_dict()


# -- errors ---------------------------------------------------------------------------------

def error_of(source: object) -> str:
    with pytest.raises(InvalidLexiconError) as info:
        load_dictionary(source)
    assert isinstance(info.value, DiscourseError)
    return str(info.value)


def test_invalid_yaml_names_the_line() -> None:
    message = error_of("peace: [peace*\nsecurity: [secur*]\n")
    assert "not valid YAML" in message
    assert re.search(r"line [12]\b", message)


def test_wrong_type_names_key_and_line() -> None:
    message = error_of("peace:\n  - peace*\nsecurity:\n  - secur*\n  - [nested]\n")
    assert "'security'" in message and "line 5" in message and "list" in message


def test_empty_pattern_names_key_and_line() -> None:
    message = error_of("peace:\n  - peace*\n  -\n")
    assert "'peace'" in message and "line 3" in message and "empty" in message


def test_impossible_pattern_is_rejected() -> None:
    message = error_of("peace:\n  - peace!\n")
    assert "'peace!'" in message and "line 2" in message and "never match" in message
    assert "every word" in error_of({"all": ["*"]})


def test_duplicate_key_names_both_lines() -> None:
    message = error_of("peace: [peace]\nwar: [war]\npeace: [peaceful]\n")
    assert "'peace'" in message and "line 3" in message and "line 1" in message


def test_unknown_field_and_missing_include() -> None:
    assert "unknown field 'exlude'" in error_of("s:\n  include: [secur*]\n  exlude: [x]\n")
    assert "no 'include'" in error_of({"s": {"exclude": ["securities"]}})


def test_mapping_errors_name_the_key() -> None:
    assert "'peace'" in error_of({"peace": [5]}) and "int" in error_of({"peace": [5]})
    assert "no patterns" in error_of({"peace": []})
    assert "expected a mapping" in error_of("just a word\n")
    assert "empty" in error_of("\n")
    assert "Cannot use" in error_of(42)


def test_missing_file() -> None:
    with pytest.raises(InputNotFoundError, match="not found"):
        load_dictionary("no_such_dictionary.yaml")
