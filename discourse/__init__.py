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
    "Article": "discourse.text.spans",
    "Dateline": "discourse.text.spans",
    "Paragraph": "discourse.text.spans",
    "Section": "discourse.text.spans",
    "Sentence": "discourse.text.spans",
    "Span": "discourse.text.spans",
    "read_article": "discourse.text.reading",
    "parse_text": "discourse.text.reading",
    "decode": "discourse.text.reading",
    "split_sentences": "discourse.text.sentences",
    "golden_rules_score": "discourse.text.sentences",
    "tokenize": "discourse.text.tokens",
    "load_dictionary": "discourse.lexicon.dictionary",
    "default_dictionary": "discourse.lexicon.dictionary",
    "Dictionary": "discourse.lexicon.dictionary",
    "keyword_frequencies": "discourse.steps.keywords",
    "kwic": "discourse.steps.keywords",
    "keyword_dispersion": "discourse.steps.keywords",
    "keyness": "discourse.steps.keywords",
    "keyword_cooccurrence": "discourse.steps.keywords",
    "name_spans": "discourse.text.names",
    "attribute_quotes": "discourse.steps.quotes.attribution",
    "find_quotes": "discourse.steps.quotes.attribution",
    "speaker_table": "discourse.steps.quotes.speakers",
    "score_sentiment": "discourse.steps.sentiment.scoring",
    "sentiment_by_section": "discourse.steps.sentiment.scoring",
    "evaluate_sentiment": "discourse.steps.sentiment.scoring",
    "segment_sentences": "discourse.steps.topics.segmentation",
    "evaluate_segmenter": "discourse.steps.topics.segmentation",
    "pk_windowdiff": "discourse.steps.topics.segmentation",
    "segment_topics": "discourse.steps.topics.topics",
    "segment_ids": "discourse.steps.topics.topics",
    "corpus_topics": "discourse.steps.topics.topics",
    "run_corpus": "discourse.corpus",
    "score_stance": "discourse.steps.stance.scoring",
    "stance_columns": "discourse.steps.stance.scoring",
    "stance_by_section": "discourse.steps.stance.scoring",
    "load_targets": "discourse.steps.stance.targets",
    "evaluate_stance": "discourse.steps.stance.evaluation",
    "StanceScorer": "discourse.steps.stance.scoring",
    "stance_markers": "discourse.steps.markers",
    "marker_rates": "discourse.steps.markers",
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
}

__all__ = [*sorted(_EXPORTS), "__version__"]


# Submodules reachable as attributes after a plain ``import discourse``.
_SUBMODULES = {"plots", "report", "corpus"}


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
    from discourse.corpus import run_corpus
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
    )
    from discourse.lexicon.dictionary import Dictionary, default_dictionary, load_dictionary
    from discourse.steps.keywords import (
        keyness,
        keyword_cooccurrence,
        keyword_dispersion,
        keyword_frequencies,
        kwic,
    )
    from discourse.steps.markers import marker_rates, stance_markers
    from discourse.steps.quotes.attribution import attribute_quotes, find_quotes
    from discourse.steps.quotes.speakers import speaker_table
    from discourse.steps.sentiment.scoring import (
        evaluate_sentiment,
        score_sentiment,
        sentiment_by_section,
    )
    from discourse.steps.stance.evaluation import evaluate_stance
    from discourse.steps.stance.scoring import (
        StanceScorer,
        score_stance,
        stance_by_section,
        stance_columns,
    )
    from discourse.steps.stance.targets import load_targets
    from discourse.steps.topics.segmentation import (
        evaluate_segmenter,
        pk_windowdiff,
        segment_sentences,
    )
    from discourse.steps.topics.topics import corpus_topics, segment_ids, segment_topics
    from discourse.text.names import name_spans
    from discourse.text.reading import decode, parse_text, read_article
    from discourse.text.sentences import split_sentences
    from discourse.text.spans import Article, Dateline, Paragraph, Section, Sentence, Span
    from discourse.text.tokens import tokenize
