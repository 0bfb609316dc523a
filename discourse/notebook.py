"""Execute the package's notebooks with parameters (papermill-style) and export them.

A notebook's first code cell is tagged ``parameters``. :func:`execute_notebook` inserts a
cell tagged ``injected-parameters`` after it that overrides the values, runs every cell with
nbclient, and writes the executed notebook (and, optionally, an HTML export).

Run from the shell::

    python -m discourse.notebook notebooks/01_seed_article.ipynb --out output \\
        -p article_path="$PWD/seeds/tass_2017-04-04_lavrov_moscow_baku.txt"

The kernel runs in the notebook's folder, so relative paths in parameters are read from
there; pass absolute paths from elsewhere.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from discourse.errors import DiscourseError
from discourse.io import write_text

__all__ = ["NotebookError", "execute_notebook", "main"]


class NotebookError(DiscourseError, RuntimeError):
    """A notebook cell failed while executing."""


def _parameter_cell(params: Mapping[str, Any]) -> Any:
    import nbformat

    lines = ["# Parameters injected by discourse.notebook"]
    lines += [f"{name} = {value!r}" for name, value in params.items()]
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    return cell


def _coalesce_streams(outputs: list[Any]) -> list[Any]:
    """Merge consecutive stream outputs and apply carriage returns, as Jupyter displays them.

    A progress bar otherwise leaves one output per update in the saved notebook.
    """
    merged: list[Any] = []
    for out in outputs:
        if (out.get("output_type") == "stream" and merged
                and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1]["text"] += out["text"]
        else:
            merged.append(out)
    for out in merged:
        if out.get("output_type") == "stream" and "\r" in out["text"]:
            out["text"] = "\n".join(line.rsplit("\r", 1)[-1] for line in out["text"].split("\n"))
    return merged


def execute_notebook(
    path: str | Path,
    output: str | Path,
    *,
    parameters: Mapping[str, Any] | None = None,
    html: bool = False,
    cwd: str | Path | None = None,
    timeout: int = 900,
) -> Path:
    """Run a notebook top to bottom with ``parameters`` and write it to ``output``.

    Parameters
    ----------
    path : path
        The notebook to run.
    output : path
        Where to write the executed notebook (``.ipynb``); with ``html=True`` an HTML export
        is written beside it.
    parameters : mapping, optional
        Values overriding those of the cell tagged ``parameters``.
    cwd : path, optional
        Working folder of the kernel (default: the notebook's folder).

    Returns
    -------
    Path
        The executed notebook.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    # Drop a previous injection so that reruns of an executed notebook stay clean.
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    if parameters:
        index = next((i for i, c in enumerate(nb.cells)
                      if "parameters" in c.metadata.get("tags", [])), -1)
        nb.cells.insert(index + 1, _parameter_cell(parameters))
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd or path.parent)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        raise NotebookError(f"{path}: a cell failed while executing:\n{exc}") from exc
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = _coalesce_streams(cell.outputs)
    output = Path(output)
    write_text(output, nbformat.writes(nb))
    if html:
        from nbconvert import HTMLExporter

        body, _ = HTMLExporter().from_notebook_node(nb)
        write_text(output.with_suffix(".html"), body)
    return output


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m discourse.notebook",
                                     description="Execute a notebook with parameters.")
    parser.add_argument("notebook")
    parser.add_argument("--out", required=True, help="folder for the executed notebook + HTML")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter; VALUE is read as JSON if it parses, else a string")
    args = parser.parse_args(argv)
    params: dict[str, Any] = {}
    for item in args.param:
        name, _, value = item.partition("=")
        try:
            params[name] = json.loads(value)
        except json.JSONDecodeError:
            params[name] = value
    nb = Path(args.notebook)
    out = execute_notebook(nb, Path(args.out) / nb.name, parameters=params, html=True)
    print(f"{nb} -> {out} (+ .html)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
