"""YAML read as typed, for user files (dictionaries, targets): errors name the line."""

from __future__ import annotations

from typing import Any

from discourse.errors import InvalidLexiconError


def compose(text: str, *, error: str = "Invalid YAML", hint: str = "") -> Any:
    """The root node of ``text`` (``None`` if empty), without resolving scalar types.

    Invalid YAML raises :class:`InvalidLexiconError` ``"<error> at line N: <problem>.<hint>"``.

    Examples
    --------
    >>> compose("a: [1, no]").value[0][1].value[1].value
    'no'
    >>> compose("a: [b", error="File x.yaml is not valid YAML")
    Traceback (most recent call last):
    discourse.errors.InvalidLexiconError: File x.yaml is not valid YAML at line 1: expected ',' or
    ']', but got '<stream end>'.
    """
    import yaml

    try:
        return yaml.compose(text, Loader=fast_loader())
    except yaml.YAMLError:
        pass  # parse again with the pure-Python loader: its messages name the problem
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InvalidLexiconError(f"{error}{line}: {problem}.{hint}") from None


def fast_loader() -> Any:
    """PyYAML's libyaml-backed safe loader where the wheel has it (about 8 times faster)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def scalar(node: Any) -> str | None:
    """A scalar node's text as typed ("no" stays a word, "1990" a token); ``None`` for null."""
    return None if node.tag == "tag:yaml.org,2002:null" else node.value


def plain(node: Any) -> Any:
    """Plain Python value of a node: lists, dicts and scalars as typed (see :func:`scalar`).

    Examples
    --------
    >>> plain(compose("talks: [peace talks, no, 1990]"))
    {'talks': ['peace talks', 'no', '1990']}
    """
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [plain(n) for n in node.value]
    return {plain(k): plain(v) for k, v in node.value}
