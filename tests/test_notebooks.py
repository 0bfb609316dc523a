"""Every notebook runs top to bottom with papermill; notebook 01 runs as the main job runs it
(scripts/run_notebook.sh, in the main job's environment) with every chart drawn as an image,
and unchanged on another article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AGENCY_REPORT, ROOT, SEED

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NOTEBOOK_01 = ROOT / "notebooks" / "01_seed_article.ipynb"


def execute(notebook: Path, output: Path, **parameters: object) -> list[dict]:
    """Run ``notebook`` with papermill (in its own folder); return the executed cells."""
    papermill = pytest.importorskip("papermill")
    papermill.execute_notebook(str(notebook), str(output), parameters=parameters,
                               kernel_name="python3", cwd=str(notebook.parent),
                               progress_bar=False)
    return json.loads(output.read_text("utf-8"))["cells"]


def errors_in(cells: list[dict]) -> list[dict]:
    return [o for c in cells for o in c.get("outputs", []) if o["output_type"] == "error"]


def chart_cells_without_image(cells: list[dict]) -> list[str]:
    """The source of each code cell that shows a chart but holds no PNG output."""
    def has_image(cell: dict) -> bool:
        return any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))

    return ["".join(c["source"])[:80] for c in cells
            if c["cell_type"] == "code" and "plt.show()" in "".join(c["source"])
            and not has_image(c)]


def main_job_environment() -> dict[str, str]:
    """The environment of ``scripts/run_seed.sh``: pytest's own variables removed, and
    ``MPLBACKEND=Agg`` set as scripts once exported it (the kernel must not inherit it)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env["MPLBACKEND"] = "Agg"
    if not (ROOT / ".venv" / "bin" / "python").exists():  # the script's fallback: python3
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_the_three_notebooks_exist():
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_use_only_the_public_api(notebook):
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    imports = [line.strip() for line in code.splitlines()
               if line.strip().startswith(("import discourse", "from discourse", "from tools"))]
    allowed = {"import discourse", "from discourse import plots"}
    assert set(imports) <= allowed, imports


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_have_a_parameters_cell(notebook):
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    tags = [c.get("metadata", {}).get("tags", []) for c in cells if c["cell_type"] == "code"]
    assert "parameters" in tags[0]


@pytest.mark.slow
def test_main_job_notebook_has_every_chart_as_an_image(tmp_path):
    targets = ROOT / "data" / "targets" / "lavrov_2017.yaml"
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "run_notebook.sh"), str(NOTEBOOK_01), str(tmp_path),
         "-p", "article_path", str(SEED), "-p", "targets_path", str(targets),
         "-p", "output_dir", str(tmp_path / "01_seed_article")],
        cwd=ROOT, env=main_job_environment(), capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "without encryption" not in proc.stderr
    executed = tmp_path / NOTEBOOK_01.name
    assert executed.with_suffix(".html").exists()
    cells = json.loads(executed.read_text("utf-8"))["cells"]
    assert errors_in(cells) == []
    assert chart_cells_without_image(cells) == []
    images = [o for c in cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) >= 7
    assert any("injected-parameters" in c.get("metadata", {}).get("tags", []) for c in cells)


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS[1:], ids=lambda p: p.stem)
def test_notebook_executes(notebook, tmp_path):
    cells = execute(notebook, tmp_path / notebook.name, output_dir=str(tmp_path / "out"))
    assert errors_in(cells) == []
    assert list((tmp_path / "out").rglob("*.png")), "the notebook exports its charts"


@pytest.mark.slow
def test_notebook_01_runs_on_another_article(tmp_path):
    article = tmp_path / "another.txt"
    article.write_text(AGENCY_REPORT, encoding="utf-8")
    targets = tmp_path / "targets.yaml"
    targets.write_text("talks:\n  - talks\n  - negotiat*\n", encoding="utf-8")
    cells = execute(NOTEBOOK_01, tmp_path / "01.ipynb", article_path=str(article),
                    targets_path=str(targets), output_dir=str(tmp_path / "out"))
    assert errors_in(cells) == []
    outputs = json.dumps([c.get("outputs", []) for c in cells])
    assert "Minister says talks can bring peace" in outputs  # computed from the other article
    assert "Lavrov" not in outputs  # nothing computed comes from the seed
    assert (tmp_path / "out" / "report.html").exists()
