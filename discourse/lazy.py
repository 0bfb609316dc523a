"""Lazy public names for a package: read each module's ``__all__`` without importing it.

``discourse`` and ``discourse.plots`` expose their modules' public names this way, so that
``import discourse`` stays fast and a new module's names need no list kept by hand.
"""

from __future__ import annotations

import ast
from pathlib import Path

__all__ = ["module_exports"]


def module_exports(folder: Path, package: str) -> dict[str, str]:
    """``{name: module}`` for every name in the ``__all__`` of the modules under ``folder``.

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
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and getattr(node.targets[0], "id", None) == "__all__"):
                for name in ast.literal_eval(node.value):
                    found.setdefault(name, module)
    return found
