"""The tables pinned in ``tests/golden/`` and the code that rebuilds them.

``tools/pin_golden.py`` writes them; ``test_golden.py`` compares. The speeches' sentence table
leaves out ``text`` (it is ``article.text[start:end]``, checked elsewhere) to keep the file small.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

import discourse

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
SEED = ROOT / "seeds" / "tass_2017-04-04_lavrov_moscow_baku.txt"
SEED_TARGETS = ROOT / "data" / "targets" / "lavrov_2017.yaml"


def _tables(result) -> dict[str, pd.DataFrame]:
    return {"sentences": result.sentences, **result.tables}


def seed_tables() -> dict[str, pd.DataFrame]:
    return _tables(discourse.analyze(SEED, targets=SEED_TARGETS))


def speech_tables() -> dict[str, pd.DataFrame]:
    parts: dict[str, list[pd.DataFrame]] = {}
    for path in sorted((ROOT / "data" / "corpus").glob("*/*.txt")):
        doc_id = f"{path.parent.name}/{path.stem}"
        for name, table in _tables(discourse.analyze(path)).items():
            parts.setdefault(name, []).append(table.assign(doc_id=doc_id))
    tables = {name: pd.concat(p, ignore_index=True) for name, p in parts.items()}
    tables["sentences"] = tables["sentences"].drop(columns=["text"])
    return tables


def as_read(table: pd.DataFrame) -> pd.DataFrame:
    """The table as it reads back from CSV, so it compares with a golden file type for type."""
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, lineterminator="\n")
    buffer.seek(0)
    return pd.read_csv(buffer)
