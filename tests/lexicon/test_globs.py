"""Tests for discourse.lexicon.globs: the glob pattern syntax as regular expressions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discourse.errors import InvalidLexiconError, InvalidOptionError
from discourse.lexicon.globs import compile_globs, glob_regex


def test_glob_patterns_match_words_phrases_and_dashes():
    rx = re.compile(glob_regex("shell*"), re.IGNORECASE)
    assert [m[0] for m in rx.finditer("Shelling and shells, not bombshells.")] == [
        "Shelling", "shells"]
    dash = re.compile(glob_regex("Russian-Azerbaijani"), re.IGNORECASE)
    assert dash.search("Russian–Azerbaijani ties") and dash.search("russian azerbaijani")
    assert re.search(glob_regex("use * force"), "use of force")
    assert re.search(glob_regex("pro-"), "a pro-Kremlin party")
    assert not re.search(glob_regex("pro-"), "a proper party")


def test_text_patterns_keep_punctuation_and_apostrophes():
    assert re.search(glob_regex("roe v. wade"), "Roe v. Wade", re.IGNORECASE)
    assert re.search(glob_regex("god's"), "in God’s name", re.IGNORECASE)
    assert re.search(glob_regex("peace talks"), "peace-talks")
    assert not re.search(glob_regex("peace talks"), "peace, talks")


def test_text_pattern_without_letters_is_an_error():
    with pytest.raises(InvalidLexiconError, match="no letters or digits"):
        glob_regex("* ?")


def test_unknown_level_is_an_error():
    with pytest.raises(InvalidOptionError, match="within"):
        glob_regex("peace", within="word")  # type: ignore[arg-type]


def test_token_globs_match_whole_normalised_tokens():
    def full(glob: str, token: str) -> bool:
        return re.fullmatch(glob_regex(glob, within="token"), token) is not None

    assert full("secur*", "security-related") and not full("secur*", "insecure")
    assert full("?n", "in") and not full("?n", "inn")
    assert full("u.s", "u.s") and not full("u.s", "uas")  # "." is literal


def test_compile_globs_prefers_the_longest_pattern():
    rx = compile_globs(["peace", "peace talks", "talks"])
    assert [m[0] for m in rx.finditer("Peace talks and peace.")] == ["Peace talks", "peace"]
    tokens = compile_globs(["peace", "peace*"], within="token")
    assert tokens.fullmatch("peaceful") and not tokens.fullmatch("appease")
    assert compile_globs([]) is None and compile_globs([], within="token") is None


@given(st.text(alphabet="abc-’' *?", min_size=1, max_size=12))
def test_any_text_pattern_compiles_or_is_refused(pattern):
    try:
        regex = glob_regex(pattern)
    except InvalidLexiconError:
        assert not re.search(r"\w", pattern.replace("*", "").replace("?", ""))
    else:
        re.compile(regex)
