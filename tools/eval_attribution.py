"""Evaluate quotation and speaker attribution on PolNeAR train and dev; write the figures.

Usage (from the repository root)::

    python tools/eval_attribution.py [POLNEAR_FOLDER] [--out data/results/attribution_polnear.json]

``POLNEAR_FOLDER`` holds the ``train/`` and ``dev/`` compartments (default
``../shared/benchmarks/attribution/polnear``). Only those two are read: the test month is held
out and never opened. PolNeAR states no licence, so only the figures are written, never its
texts. The protocol is in :mod:`discourse.steps.quotes.evaluation`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from discourse.steps.quotes.evaluation import evaluate_attribution  # noqa: E402

SPLITS = ("train", "dev")


def _commit() -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?",
                        default=str(ROOT.parent / "shared/benchmarks/attribution/polnear"))
    parser.add_argument("--out", default=str(ROOT / "data/results/attribution_polnear.json"))
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    figures = {
        "benchmark": "PolNeAR v1.0.0 (Newell, Margolin & Ruths, LREC 2018)",
        "protocol": "sentence level; see discourse/steps/quotes/evaluation.py",
        "computed": datetime.now(UTC).strftime("%Y-%m-%d"),
        "commit": _commit(),
        "splits": {split: evaluate_attribution(folder / split) for split in SPLITS},
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for split, f in figures["splits"].items():
        print(f"{split}: recall {f['recall']} (speech cues {f['recall_speech_cue']}), "
              f"precision {f['precision']}, speaker accuracy {f['speaker_accuracy']} "
              f"(direct {f['speaker_accuracy_direct']}, pronouns {f['speaker_accuracy_pronoun']})")
    return figures


if __name__ == "__main__":
    main()
