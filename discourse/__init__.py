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
    "Text": "discourse.sources",
    "tokenize": "discourse.tokens",
    "load_dictionary": "discourse.dictionary",
    "default_dictionary": "discourse.dictionary",
    "Dictionary": "discourse.dictionary",
    "keyword_frequencies": "discourse.keywords",
    "kwic": "discourse.keywords",
    "keyword_dispersion": "discourse.keywords",
    "keyness": "discourse.keywords",
    "keyword_cooccurrence": "discourse.keywords",
    "name_spans": "discourse.names",
    "attribute_quotes": "discourse.quotes",
    "find_quotes": "discourse.quotes",
    "speaker_table": "discourse.speakers",
    "score_sentiment": "discourse.sentiment",
    "sentiment_by_section": "discourse.sentiment",
    "evaluate_sentiment": "discourse.sentiment",
    "segment_sentences": "discourse.segmentation",
    "evaluate_segmenter": "discourse.segmentation",
    "pk_windowdiff": "discourse.segmentation",
    "segment_topics": "discourse.topics",
    "segment_ids": "discourse.topics",
    "corpus_topics": "discourse.topics",
    "run_corpus": "discourse.corpus",
    "score_stance": "discourse.stance",
    "stance_columns": "discourse.stance",
    "stance_by_section": "discourse.stance",
    "load_targets": "discourse.targets",
    "evaluate_stance": "discourse.stance_eval",
    "StanceScorer": "discourse.stance",
    "stance_markers": "discourse.markers",
    "marker_rates": "discourse.markers",
    "Analysis": "discourse.analysis",
    "analyze": "discourse.analysis",
    "DiscourseError": "discourse.errors",
    "DiscourseWarning": "discourse.errors",
    "InputNotFoundError": "discourse.errors",
    "EmptyInputError": "discourse.errors",
    "BinaryInputError": "discourse.errors",
    "DecodingError": "discourse.errors",
    "InvalidLexiconError": "discourse.errors",
    "InvalidOptionError": "discourse.errors",
    "MissingDataError": "discourse.errors",
    "MissingDependencyError": "discourse.errors",
    "NoArticleError": "discourse.errors",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


# Submodules reachable as attributes after a plain ``import discourse``.
_SUBMODULES = {"plots", "report", "corpus", "bench", "styles"}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f"discourse.{name}")
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
    from discourse.corpus import run_corpus
    from discourse.dictionary import Dictionary, default_dictionary, load_dictionary
    from discourse.errors import (
        BinaryInputError,
        DecodingError,
        DiscourseError,
        DiscourseWarning,
        EmptyInputError,
        InputNotFoundError,
        InvalidLexiconError,
        InvalidOptionError,
        MissingDataError,
        MissingDependencyError,
        NoArticleError,
    )
    from discourse.keywords import (
        keyness,
        keyword_cooccurrence,
        keyword_dispersion,
        keyword_frequencies,
        kwic,
    )
    from discourse.markers import marker_rates, stance_markers
    from discourse.names import name_spans
    from discourse.parse import decode, parse_text, read_article
    from discourse.quotes import attribute_quotes, find_quotes
    from discourse.segmentation import evaluate_segmenter, pk_windowdiff, segment_sentences
    from discourse.sentences import split_sentences
    from discourse.sentiment import evaluate_sentiment, score_sentiment, sentiment_by_section
    from discourse.sources import Text
    from discourse.speakers import speaker_table
    from discourse.stance import StanceScorer, score_stance, stance_by_section, stance_columns
    from discourse.stance_eval import evaluate_stance
    from discourse.targets import load_targets
    from discourse.tokens import tokenize
    from discourse.topics import corpus_topics, segment_ids, segment_topics
