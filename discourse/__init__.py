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

from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it; the steps' names are found in their modules' __all__
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
    "Text": "discourse.text.sources",
    "tokenize": "discourse.text.tokens",
    "load_dictionary": "discourse.lexicon.dictionary",
    "default_dictionary": "discourse.lexicon.dictionary",
    "Dictionary": "discourse.lexicon.dictionary",
    "name_spans": "discourse.text.names",
    "run_corpus": "discourse.corpus",
    "compare_groups": "discourse.compare",
    "keyness_by": "discourse.compare",
    "Analysis": "discourse.analysis",
    "analyze": "discourse.defaults",
    "default_pipeline": "discourse.defaults",
    "registered_steps": "discourse.defaults",
    "Pipeline": "discourse.pipeline",
    "save_analysis": "discourse.save",
    "MissingTableError": "discourse.errors",
    "SourceTypeError": "discourse.errors",
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



# Submodules reachable as attributes after a plain ``import discourse``.
_SUBMODULES = {"plots", "report", "corpus", "views"}


@cache
def _exports() -> dict[str, str]:
    from discourse.lazy import module_exports

    steps = module_exports(Path(__file__).parent / "steps", "discourse.steps")
    return {**steps, **_EXPORTS}


def __getattr__(name: str) -> Any:
    if name == "__all__":
        return [*sorted(_exports()), "__version__"]
    if name in _SUBMODULES:
        return import_module(f"discourse.{name}")
    module = _exports().get(name)
    if module is None:
        raise AttributeError(f"module 'discourse' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*sorted(_exports()), "__version__"]
