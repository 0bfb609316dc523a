"""Stance targets: what an article can be for or against, named by glob patterns.

A target maps a name to the patterns that mention it, searched in running text (see
:func:`discourse.lexicon.globs.glob_regex`). :func:`load_targets` reads targets from a mapping, a
YAML file or YAML text; :func:`phrase_patterns` derives patterns from a phrase naming a
target.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from discourse.errors import InputNotFoundError, InvalidLexiconError
from discourse.lexicon.globs import compile_globs
from discourse.lexicon.yaml_nodes import compose, plain

__all__ = ["Target", "Targets", "TargetsLike", "load_targets", "phrase_patterns"]

_TARGET_NAME = re.compile(r"[^\W\d]\w*")
_TARGET_KEYS = ("label", "patterns", "favor", "against")


@dataclass(frozen=True)
class Target:
    """One stance target: its name, a label for display and its patterns.

    ``favor`` and ``against`` are optional target-specific cues: patterns whose mere
    presence signals a stance toward the target ("pro-life" against legal abortion).
    """

    name: str
    label: str
    patterns: tuple[str, ...]
    favor: tuple[str, ...] = ()
    against: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    favor_regex: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    against_regex: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        name: str,
        patterns: Iterable[str],
        *,
        label: str | None = None,
        favor: Iterable[str] = (),
        against: Iterable[str] = (),
    ) -> Target:
        """Validate and compile a target (errors name the target)."""
        pats, fav, ag = tuple(patterns), tuple(favor), tuple(against)
        try:
            return cls(
                name=name,
                label=label or name.replace("_", " "),
                patterns=pats,
                favor=fav,
                against=ag,
                regex=compile_globs(pats),
                favor_regex=compile_globs(fav),
                against_regex=compile_globs(ag),
            )
        except InvalidLexiconError as err:
            raise InvalidLexiconError(f"Target {name!r}: {err}") from None


class Targets(Mapping[str, Target]):
    """An ordered, read-only mapping of target names to :class:`Target`.

    Build one with :func:`load_targets`.
    """

    def __init__(self, targets: Iterable[Target] = (), *, source: str = "<mapping>") -> None:
        self._targets = {t.name: t for t in targets}
        self.source = source

    def __getitem__(self, name: str) -> Target:
        return self._targets[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)

    def __repr__(self) -> str:
        return f"Targets({list(self._targets)}, source={self.source!r})"


def _check_name(name: object, where: str) -> str:
    if not isinstance(name, str) or not _TARGET_NAME.fullmatch(name):
        raise InvalidLexiconError(
            f"Target name {name!r} {where} is not valid: use letters, digits and underscores, "
            "starting with a letter (e.g. use_of_force); put free text in 'label'."
        )
    return name


def _check_patterns(value: object, name: str, key: str, where: str) -> list[str]:
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(p, str) and p.strip() for p in value
    ):
        raise InvalidLexiconError(
            f"Target {name!r}, key {key!r} {where}: expected a list of non-empty pattern "
            f"strings, got {value!r}."
        )
    return list(value)


def _target_from_value(name: str, value: object, where: str) -> Target:
    if isinstance(value, (list, tuple)):
        return Target.build(name, _check_patterns(value, name, "patterns", where))
    if isinstance(value, Mapping):
        unknown = [k for k in value if k not in _TARGET_KEYS]
        if unknown:
            raise InvalidLexiconError(
                f"Target {name!r} {where} has unknown key(s) {unknown}; allowed keys are "
                f"{', '.join(_TARGET_KEYS)}."
            )
        label = value.get("label")
        if label is not None and not isinstance(label, str):
            raise InvalidLexiconError(f"Target {name!r}, key 'label' {where}: expected text.")
        lists = {
            k: _check_patterns(value[k], name, k, where) if value.get(k) is not None else []
            for k in ("patterns", "favor", "against")
        }
        if not any(lists.values()):
            raise InvalidLexiconError(
                f"Target {name!r} {where} has no patterns; give a list under 'patterns'."
            )
        return Target.build(name, lists["patterns"], label=label, favor=lists["favor"],
                            against=lists["against"])
    raise InvalidLexiconError(
        f"Target {name!r} {where}: expected a list of patterns or a mapping with "
        f"'label' and 'patterns', got {type(value).__name__}."
    )


def _targets_from_yaml(text: str, source: str) -> Targets:
    import yaml

    root = compose(text, error=f"Targets file {source}: invalid YAML")
    if root is None:
        raise InvalidLexiconError(f"Targets file {source} is empty; add 'name: [patterns]'.")
    if not isinstance(root, yaml.MappingNode):
        raise InvalidLexiconError(
            f"Targets file {source}, line {root.start_mark.line + 1}: expected a mapping of "
            "target names to pattern lists (name: [patterns])."
        )
    targets: list[Target] = []
    seen: set[str] = set()
    for key, value in root.value:
        where = f"(line {key.start_mark.line + 1} of {source})"
        name = _check_name(key.value if isinstance(key, yaml.ScalarNode) else None, where)
        if name in seen:
            raise InvalidLexiconError(f"Target {name!r} {where} is defined twice.")
        seen.add(name)
        targets.append(_target_from_value(name, plain(value), where))
    return Targets(targets, source=source)


#: What :func:`load_targets` accepts: targets, a mapping, a YAML path or YAML text.
TargetsLike = Targets | Mapping[str, Any] | str | Path


def load_targets(source: TargetsLike) -> Targets:
    """Read stance targets from a mapping, a YAML file or YAML text.

    Each target maps a name to a list of patterns (see
    :func:`discourse.lexicon.globs.glob_regex`), or to a mapping with ``patterns``, an optional
    ``label`` and optional target-specific ``favor`` / ``against`` cue patterns::

        use_of_force:
          label: Use of force
          patterns: [by force, use of force, military solution, shell*]
        settlement: [settlement, peace talks, negotiat*]

    Raises
    ------
    InvalidLexiconError
        Bad YAML or wrong types, naming the target and the line.
    InputNotFoundError
        A path ending in .yaml / .yml that does not exist.

    Examples
    --------
    >>> targets = load_targets({"use_of_force": ["by force", "shell*"]})
    >>> targets["use_of_force"].label, targets["use_of_force"].patterns
    ('use of force', ('by force', 'shell*'))
    """
    if isinstance(source, Targets):
        return source
    if isinstance(source, Mapping):
        targets = []
        for name, value in source.items():
            where = "(in the mapping given)"
            targets.append(_target_from_value(_check_name(name, where), value, where))
        return Targets(targets)
    if isinstance(source, Path) or (
        isinstance(source, str) and "\n" not in source and ":" not in source.replace("\\", "")[2:]
    ):
        path = Path(source)
        if not path.is_file():
            raise InputNotFoundError(
                f"Targets file {str(path)!r} not found; pass a path to a YAML file, YAML text "
                "or a mapping {name: [patterns]}."
            )
        return _targets_from_yaml(path.read_text(encoding="utf-8"), str(path))
    if isinstance(source, str):
        return _targets_from_yaml(source, "<text>")
    raise InvalidLexiconError(
        f"Cannot read targets from an object of type {type(source).__name__}; pass a mapping "
        "{name: [patterns]}, a YAML path or YAML text."
    )


def phrase_patterns(phrase: str, *, min_stem: int = 4) -> list[str]:
    """Derive target patterns from a phrase naming the target.

    The phrase itself, plus each content word (stopwords removed) as a glob on the part it
    shares with its Snowball stem, so that inflected forms match ("games" → ``game*``).

    Examples
    --------
    >>> phrase_patterns("the sale of violent video games to minors")
    ['the sale of violent video games to minors', 'sale*', 'violent*', 'video*', 'game*', 'minor*']
    """
    from discourse.text.tokens import content_words, stem

    out = [phrase.strip()]
    for word in content_words(phrase):
        root = stem(word)
        common = 0
        while common < min(len(word), len(root)) and word[common] == root[common]:
            common += 1
        pattern = f"{word[:common]}*" if common >= min_stem else word
        if pattern not in out:
            out.append(pattern)
    return out
