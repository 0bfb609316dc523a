"""The seed's and the speeches' tables equal the pinned golden files (floats within 1e-9).

A change meant to alter results re-pins them with ``python tools/pin_golden.py`` and names
the changed values in its commit message.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.golden import GOLDEN, as_read, seed_tables, speech_tables


def _check(prefix: str, tables: dict[str, pd.DataFrame], suffix: str) -> None:
    files = GOLDEN.glob(f"{prefix}_*{suffix}")
    pinned = sorted(p.name[len(prefix) + 1: -len(suffix)] for p in files)
    assert sorted(tables) == pinned
    for name, table in tables.items():
        expected = pd.read_csv(GOLDEN / f"{prefix}_{name}{suffix}")
        pd.testing.assert_frame_equal(as_read(table), expected, check_exact=False,
                                      rtol=1e-9, atol=1e-12, obj=f"{prefix} {name}")


def test_seed_tables_match_the_golden_files():
    _check("seed", seed_tables(), ".csv")


@pytest.mark.slow
def test_speech_tables_match_the_golden_files():
    _check("speeches", speech_tables(), ".csv.gz")
