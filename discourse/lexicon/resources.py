"""Package data (lexicons, word lists) loaded lazily with ``importlib.resources`` and cached."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["lexicon_digests", "lexicon_path", "library_versions", "load_lexicon"]


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

    from discourse.lexicon.yaml_nodes import fast_loader

    return yaml.load(text, Loader=fast_loader())


@cache
def lexicon_digests() -> dict[str, str]:
    """SHA-256 (first 16 hex digits) of every lexicon file shipped with the package."""
    import hashlib

    folder = lexicon_path("")
    return {
        entry.name: hashlib.sha256(entry.read_bytes()).hexdigest()[:16]
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.is_file() and not entry.name.startswith(".")
    }


def library_versions() -> dict[str, str | None]:
    """Installed versions of the package and of the libraries behind its numbers.

    Read from the ``*.dist-info`` folder names on ``sys.path`` (importing
    ``importlib.metadata`` costs a tenth of a second at every cold start), once per
    process: a corpus run records them for every document.
    """
    return dict(_library_versions())


@cache
def _library_versions() -> dict[str, str | None]:
    import sys

    wanted = {"discourse": "discourse", "textblob": "textblob",
              "vadersentiment": "vaderSentiment", "pandas": "pandas", "numpy": "numpy"}
    versions: dict[str, str | None] = dict.fromkeys(wanted.values())
    for folder in map(Path, sys.path):
        if not folder.is_dir():
            continue
        for entry in folder.glob("*.dist-info"):
            name, _, version = entry.name[: -len(".dist-info")].partition("-")
            key = wanted.get(name.lower().replace("_", "").replace("-", ""))
            if key is not None and versions[key] is None:
                versions[key] = version
    return versions


def lexicon_words(name: str, *keys: str, optional: bool = False) -> list[str]:
    """The list of words or phrases at ``keys`` in package lexicon ``name``, checked.

    Every package lexicon that holds word lists is read through here, so a broken file gives
    the same message wherever it is used: which file, which key, what was expected.

    Parameters
    ----------
    name : str
        A file in ``discourse/lexicons/``.
    *keys : str
        The path of mapping keys to the list.
    optional : bool
        A missing key gives an empty list instead of an error.

    Examples
    --------
    >>> "perhaps" in lexicon_words("stance_markers.yaml", "hedges")
    True
    """
    from discourse.errors import InvalidLexiconError

    value: Any = load_lexicon(name)
    for depth, key in enumerate(keys):
        if not isinstance(value, dict) or key not in value:
            if optional and isinstance(value, dict):
                return []
            where = ".".join(keys[: depth + 1])
            raise InvalidLexiconError(
                f"lexicons/{name}: no key {where!r}; the package data is damaged or was "
                "edited: restore the file or reinstall discourse."
            )
        value = value[key]
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise InvalidLexiconError(
            f"lexicons/{name}: {'.'.join(keys)!r} must be a list of words or phrases "
            "(quote YAML words such as \"true\" or \"no\")."
        )
    return value
