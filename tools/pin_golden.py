"""Pin the seed's and the 124 speeches' tables as golden files in ``tests/golden/``.

Run from the repository root after a change that is *meant* to alter results, and name every
changed value in the commit message::

    python tools/pin_golden.py

``tests/test_golden.py`` compares the package's tables with these files (floats within 1e-9).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.golden import GOLDEN, seed_tables, speech_tables  # noqa: E402


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, table in seed_tables().items():
        table.to_csv(GOLDEN / f"seed_{name}.csv", index=False, lineterminator="\n")
    for name, table in speech_tables().items():
        table.to_csv(GOLDEN / f"speeches_{name}.csv.gz", index=False, lineterminator="\n",
                     compression={"method": "gzip", "mtime": 0})  # same bytes, same file
    print(f"wrote {len(list(GOLDEN.iterdir()))} files to {GOLDEN}")


if __name__ == "__main__":
    main()
