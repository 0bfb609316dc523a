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
    "MissingTableError",
    "NoArticleError",
    "SourceTypeError",
    "WorkerError",
    "check_choice",
    "check_int",
    "missing_data",
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


class MissingTableError(MissingDataError, AttributeError):
    """An analysis was asked for a table its options did not compute (``result.stance``)."""


class InvalidOptionError(DiscourseError, ValueError):
    """An option has a value outside the allowed ones."""


class WorkerError(DiscourseError, RuntimeError):
    """A worker process (e.g. one drawing charts) stopped before it finished its work."""


class SourceTypeError(DiscourseError, TypeError):
    """An input is not an article, a path, a text or bytes (``analyze(42)``)."""


def check_choice(name: str, value: object, allowed: tuple[object, ...]) -> None:
    """Raise :class:`InvalidOptionError` unless ``value`` is one of ``allowed``."""
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise InvalidOptionError(f"{name}={value!r} is not supported; use one of {choices}.")


def check_int(name: str, value: object, minimum: int) -> int:
    """``value`` if it is a whole number >= ``minimum``, else an :class:`InvalidOptionError`.

    Examples
    --------
    >>> check_int("top", 3, 1)
    3
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidOptionError(f"{name}={value!r} must be a whole number >= {minimum}.")
    return value


def missing_data(chart: str, what: str, how: str) -> MissingDataError:
    """The error a chart raises when the analysis lacks what it draws."""
    return MissingDataError(f"{chart}: the analysis has no {what}; {how}.")
