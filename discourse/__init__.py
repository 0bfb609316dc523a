"""discourse: political discourse analysis of news articles and speeches.

Public names are imported lazily (PEP 562) so that ``import discourse`` stays fast: pandas,
TextBlob/NLTK and matplotlib load only when a step that needs them runs.

Examples
--------
>>> import discourse
>>> art = discourse.read_article("Peace talks resume\\n\\nGENEVA (Reuters) - Talks resumed.")
>>> art.dateline.agency
'Reuters'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Article": "discourse.article",
    "Dateline": "discourse.article",
    "Paragraph": "discourse.article",
    "Section": "discourse.article",
    "Sentence": "discourse.article",
    "Span": "discourse.article",
    "read_article": "discourse.parse",
    "parse_text": "discourse.parse",
    "decode": "discourse.parse",
    "split_sentences": "discourse.sentences",
    "tokenize": "discourse.tokens",
    "Analysis": "discourse.analysis",
    "analyze": "discourse.analysis",
    "DiscourseError": "discourse.errors",
    "InputNotFoundError": "discourse.errors",
    "EmptyInputError": "discourse.errors",
    "BinaryInputError": "discourse.errors",
    "DecodingError": "discourse.errors",
    "InvalidLexiconError": "discourse.errors",
    "InvalidOptionError": "discourse.errors",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'discourse' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from discourse.analysis import Analysis, analyze
    from discourse.article import Article, Dateline, Paragraph, Section, Sentence, Span
    from discourse.errors import (
        BinaryInputError,
        DecodingError,
        DiscourseError,
        EmptyInputError,
        InputNotFoundError,
        InvalidLexiconError,
        InvalidOptionError,
    )
    from discourse.parse import decode, parse_text, read_article
    from discourse.sentences import split_sentences
    from discourse.tokens import tokenize
