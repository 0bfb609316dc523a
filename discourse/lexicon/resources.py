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
    ``importlib.metadata`` costs a tenth of a second at every cold start).
    """
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
