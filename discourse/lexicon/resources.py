"""Package data (lexicons, word lists) loaded lazily with ``importlib.resources`` and cached."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

__all__ = ["lexicon_path", "load_lexicon"]


def lexicon_path(name: str) -> Any:
    """Return a Traversable for ``discourse/lexicons/<name>``."""
    return resources.files("discourse") / "lexicons" / name


@cache
def load_lexicon(name: str) -> Any:
    """Load ``discourse/lexicons/<name>`` (YAML or JSON) once and cache it.

    Callers must not mutate the returned object.
    """
    text = lexicon_path(name).read_text(encoding="utf-8")
    if name.endswith(".json"):
        import json

        return json.loads(text)
    import yaml

    return yaml.safe_load(text)
