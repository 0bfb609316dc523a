"""The install is quiet: no setuptools licence warning from pyproject.toml (issue 19)."""

from __future__ import annotations

import re

import tomllib

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_license_is_an_spdx_expression_with_a_setuptools_that_reads_it():
    # A table (license = {text = ...}) makes setuptools >= 77 warn on every build.
    assert PYPROJECT["project"]["license"] == "MIT"
    assert not any(c.startswith("License ::") for c in PYPROJECT["project"]["classifiers"])
    requires = " ".join(PYPROJECT["build-system"]["requires"])
    version = re.search(r"setuptools>=(\d+)", requires)
    assert version and int(version[1]) >= 77


def test_papermill_runs_the_notebooks_and_is_pinned():
    dev = " ".join(PYPROJECT["project"]["optional-dependencies"]["dev"])
    assert "papermill" in dev
    constraints = (ROOT / "requirements" / "constraints.txt").read_text("utf-8").splitlines()
    assert any(line.startswith("papermill==") for line in constraints)
    assert not (ROOT / "discourse" / "notebook.py").exists()
