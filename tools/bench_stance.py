"""Time the stance step against the sentiment step on the 124 speeches of ``data/corpus``.

The stance step (the default learned scorer, the four example targets of
``data/targets/lavrov_2017.yaml``) should take at most 1.5 times the sentiment step
(``score_sentiment`` with all columns) on the same sentence tables. Articles are read
before timing; each step runs once on every speech, after one warm-up call that loads the
lexicons and the model.

Usage::

    python tools/bench_stance.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from discourse.steps.sentiment.scoring import score_sentiment  # noqa: E402
from discourse.steps.stance.scoring import score_stance  # noqa: E402
from discourse.steps.stance.targets import load_targets  # noqa: E402
from discourse.text.reading import read_article  # noqa: E402


def main() -> int:
    frames = [read_article(p).to_frame() for p in sorted((ROOT / "data/corpus").glob("*/*.txt"))]
    targets = load_targets(ROOT / "data/targets/lavrov_2017.yaml")
    score_sentiment(frames[0])
    score_stance(frames[0], targets)
    start = time.perf_counter()
    for frame in frames:
        score_sentiment(frame)
    sentiment = time.perf_counter() - start
    start = time.perf_counter()
    for frame in frames:
        score_stance(frame, targets)
    stance = time.perf_counter() - start
    n = sum(len(f) for f in frames)
    print(f"{len(frames)} speeches, {n} sentences, {len(targets)} targets")
    print(f"sentiment step {sentiment:.2f} s, stance step {stance:.2f} s, "
          f"ratio {stance / sentiment:.2f} (goal <= 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
