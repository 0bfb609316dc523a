"""Exceptions raised by discourse.

Every error the package raises on purpose derives from :class:`DiscourseError`, so a
script can catch one class. Messages say what was wrong, where, and how to fix it.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "DecodingError",
    "DiscourseError",
    "DiscourseWarning",
    "EmptyInputError",
    "InputNotFoundError",
    "InvalidLexiconError",
    "InvalidOptionError",
    "MissingDataError",
    "MissingDependencyError",
    "NoArticleError",
]


class DiscourseError(Exception):
    """Base class of every error raised by discourse."""


class DiscourseWarning(UserWarning):
    """Input the package handles, but whose results deserve caution (e.g. not English)."""


class InputNotFoundError(DiscourseError, FileNotFoundError):
    """The path given does not exist or is not a file."""


class EmptyInputError(DiscourseError, ValueError):
    """The input is empty or holds only whitespace."""


class BinaryInputError(DiscourseError, ValueError):
    """The input is a binary file (PDF, ZIP, image, ...) rather than text."""


class DecodingError(DiscourseError, UnicodeError):
    """The bytes could not be decoded as text in any supported encoding."""


class NoArticleError(DiscourseError, ValueError):
    """An HTML page holds no article text to extract."""


class MissingDependencyError(DiscourseError, ImportError):
    """An optional library a feature needs is not installed."""


class InvalidLexiconError(DiscourseError, ValueError):
    """A dictionary, targets or lexicon file is malformed."""


class MissingDataError(DiscourseError, ValueError):
    """The analysis lacks the columns or table a step or chart needs."""


class InvalidOptionError(DiscourseError, ValueError):
    """An option has a value outside the allowed ones."""


def check_choice(name: str, value: object, allowed: tuple[object, ...]) -> None:
    """Raise :class:`InvalidOptionError` unless ``value`` is one of ``allowed``."""
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise InvalidOptionError(f"{name}={value!r} is not supported; use one of {choices}.")
