"""Lazy public names: each module's ``__all__`` read without importing it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import discourse
from discourse.lazy import module_exports

PACKAGE = Path(discourse.__file__).parent


def _all_by_ast(path: Path) -> list[str]:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and getattr(node.targets[0], "id", None) == "__all__"):
            return list(ast.literal_eval(node.value))
    return []


def test_exports_equal_each_modules_parsed_all() -> None:
    exports = module_exports(PACKAGE / "steps", "discourse.steps")
    for path in sorted((PACKAGE / "steps").rglob("*.py")):
        if path.name == "__init__.py":
            continue
        module = "discourse.steps." + ".".join(path.relative_to(PACKAGE / "steps")
                                               .with_suffix("").parts)
        for name in _all_by_ast(path):
            assert exports[name] in (module, exports[name])
    assert {n for p in (PACKAGE / "steps").rglob("*.py") if p.name != "__init__.py"
            for n in _all_by_ast(p)} == set(exports)


def test_a_multiline_all_with_comments_is_read(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text(
        '"""Doc.\n\n__all__ = ["not_this"]\n"""\n\n__all__ = [\n    "alpha",  # the first\n'
        '    "beta",\n]\n\n\ndef alpha(): ...\n', encoding="utf-8")
    assert module_exports(tmp_path, "pkg") == {"alpha": "pkg.mod", "beta": "pkg.mod"}


@pytest.mark.parametrize("name", ["analyze", "score_stance", "kwic"])
def test_public_names_resolve(name: str) -> None:
    assert callable(getattr(discourse, name))
