"""Lazy public names for a package: read each module's ``__all__`` without importing it.

``discourse`` and ``discourse.plots`` expose their modules' public names this way, so that
``import discourse`` stays fast and a new module's names need no list kept by hand.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

__all__ = ["load_export", "module_exports"]


@cache
def module_exports(folder: Path, package: str) -> dict[str, str]:
    """``{name: module}`` for every name in the ``__all__`` of the modules under ``folder``.

    Cached: callers must not change the mapping returned.

    Parameters
    ----------
    folder : Path
        A package folder, searched recursively (``__init__.py`` files are skipped).
    package : str
        The dotted name of ``folder``.

    Examples
    --------
    >>> import discourse
    >>> exports = module_exports(Path(discourse.__file__).parent / "steps", "discourse.steps")
    >>> exports["score_sentiment"]
    'discourse.steps.sentiment.scoring'
    """
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        module = ".".join([package, *path.relative_to(folder).with_suffix("").parts])
        for name in _all_names(path.read_text(encoding="utf-8")):
            found.setdefault(name, module)
    return found


# ``__all__ = [...]`` at the start of a line, up to the bracket that closes it; parsing the
# list alone is much faster than parsing whole modules on every cold start. The last one
# counts: a module docstring may show one in an example.
_ALL = re.compile(r"^__all__\s*=\s*[\[(].*?[\])]", re.MULTILINE | re.DOTALL)


def _all_names(source: str) -> list[str]:
    """The names of a module's ``__all__`` list (none without one)."""
    found = _ALL.findall(source)
    return list(ast.literal_eval(found[-1].split("=", 1)[1])) if found else []


def load_export(namespace: dict[str, Any], exports: Mapping[str, str], name: str,
                package: str) -> Any:
    """Import public ``name`` from its module, keep it in ``namespace`` and return it.

    What a package's ``__getattr__`` does for a name it does not hold yet (PEP 562).
    """
    module = exports.get(name)
    if module is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    namespace[name] = value
    return value
