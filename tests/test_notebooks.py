"""Every notebook runs top to bottom; notebook 01 runs unchanged on another article."""

from __future__ import annotations

import json

import pytest

from discourse.notebook import execute_notebook
from tests.conftest import AGENCY_REPORT, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_exist():
    assert [p.name[:3] for p in NOTEBOOKS] == ["01_", "02_", "03_"]


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(notebook, tmp_path):
    out = execute_notebook(notebook, tmp_path / notebook.name,
                           parameters={"output_dir": str(tmp_path / "out")})
    cells = json.loads(out.read_text("utf-8"))["cells"]
    errors = [o for c in cells for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert errors == []
    assert list((tmp_path / "out").rglob("*.png")), "the notebook exports its charts"


@pytest.mark.slow
def test_notebook_01_runs_on_another_article(tmp_path):
    article = tmp_path / "another.txt"
    article.write_text(AGENCY_REPORT, encoding="utf-8")
    targets = tmp_path / "targets.yaml"
    targets.write_text("talks:\n  - talks\n  - negotiat*\n", encoding="utf-8")
    out = execute_notebook(
        ROOT / "notebooks" / "01_seed_article.ipynb", tmp_path / "01.ipynb", html=True,
        parameters={"article_path": str(article), "targets_path": str(targets),
                    "output_dir": str(tmp_path / "out")},
    )
    cells = json.loads(out.read_text("utf-8"))["cells"]
    outputs = json.dumps([c.get("outputs", []) for c in cells])
    assert "Minister says talks can bring peace" in outputs  # computed from the other article
    assert "Lavrov" not in outputs  # nothing computed comes from the seed
    assert out.with_suffix(".html").exists()
    assert (tmp_path / "out" / "report.html").exists()
