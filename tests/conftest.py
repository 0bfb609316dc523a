"""Shared fixtures: paths of the repository's data and small articles built in code."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = ROOT / "seeds" / "tass_2017-04-04_lavrov_moscow_baku.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_article():
    from discourse import read_article

    return read_article(SEED)


AGENCY_REPORT = """\
Minister says talks can bring peace

The foreign minister has said negotiations remain the only path

KYIV, May 3. /Interfax/. The talks will resume next week, the minister told reporters.

"We are ready. We have always been ready," he said.

Background

The conflict began in 2014.
"""

WIRE_STORY = """\
Senate passes budget deal

By Jane Doe and John Roe

WASHINGTON (AP) — The Senate passed the budget on Friday.

Sen. John Miller, D-Ohio, said the deal was "a good start." Miller voted for it.
"""

MARKDOWN_RELEASE = """\
# Ministry welcomes agreement

## Summary

The ministry welcomed the agreement. It called it a step forward.

## Next steps

Talks continue in June.
"""


@pytest.fixture
def agency_report() -> str:
    return AGENCY_REPORT


@pytest.fixture
def wire_story() -> str:
    return WIRE_STORY


@pytest.fixture
def markdown_release() -> str:
    return MARKDOWN_RELEASE


# Fixtures of the chart tests (tests/test_plots*.py).
@pytest.fixture(scope="module")
def analysis():
    from tests.plots.test_plots import build_analysis

    return build_analysis()


@pytest.fixture(scope="module")
def bare():
    from tests.plots.test_plots import build_analysis

    return build_analysis(full=False)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    # Only where a test drew something: most tests never import matplotlib.
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
