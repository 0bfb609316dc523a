"""Fit the combined sentence sentiment score and write ``discourse/lexicons/sentiment_model.json``.

The model is a ridge regression without intercept (text with no sentiment words scores 0)
of the human mean rating / 4 on the corrected lexicon inputs of
:func:`discourse.steps.sentiment.features.model_inputs`. It is trained ONLY on the tweets, movie
review and Amazon review snippets of Hutto & Gilbert (2014), each data set weighted
equally. The NYT editorial snippets are the held-out test set: this script never reads
them. Choices were made on leave-one-data-set-out cross-validation, which is printed and
stored with the coefficients. Adding AFINN-165 (``afinn_norm``) raised the mean
leave-one-set-out r from 0.659 to 0.667; separate AFINN positive/negative sums, an AFINN
per-word sum, a count of negated words, the negated VADER sum and separate TextBlob
positive/negative parts did not add 0.005 on top and were left out.

The fit is closed-form (numpy only), so reruns write byte-identical files.

Usage::

    python tools/fit_sentiment.py            # fit, print CV, write the JSON
    python tools/fit_sentiment.py --check    # fail if the stored JSON differs
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from discourse.steps.sentiment.features import MODEL_INPUTS, features, model_inputs  # noqa: E402

TRAINING_SETS = {
    "tweets": "tweets.tsv",
    "movie_reviews": "movie_review_snippets.tsv",
    "amazon_reviews": "amazon_review_snippets.tsv",
}
RIDGE = 1.0  # on weights normalised to mean 1; CV is flat between 1e-3 and 1
FOLDS = 5


def read_tsv(path: Path) -> tuple[list[str], np.ndarray]:
    """Texts and human mean ratings of one ground-truth file (unquoted TSV)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [r[2] for r in rows], np.array([float(r[1]) for r in rows])


def design(texts: list[str]) -> np.ndarray:
    return np.array([model_inputs(features(t)) for t in texts], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted ridge regression through the origin (closed form)."""
    w = w / w.mean()
    xw = x * np.sqrt(w)[:, None]
    yw = y * np.sqrt(w)
    return np.linalg.solve(xw.T @ xw + RIDGE * np.eye(x.shape[1]), xw.T @ yw)


def stack(parts: dict[str, tuple[np.ndarray, np.ndarray]], names: list[str]):
    x = np.vstack([parts[n][0] for n in names])
    y = np.concatenate([parts[n][1] for n in names])
    # every data set weighs the same, whatever its size
    w = np.concatenate([np.full(len(parts[n][1]), 1.0 / len(parts[n][1])) for n in names])
    return x, y, w


def cross_validate(parts: dict[str, tuple[np.ndarray, np.ndarray]]) -> dict[str, dict]:
    names = list(parts)
    out: dict[str, dict] = {"leave_one_set_out": {}, "five_fold": {}}
    for held in names:
        x, y, w = stack(parts, [n for n in names if n != held])
        coef = fit(x, y, w)
        r = np.corrcoef(parts[held][0] @ coef, parts[held][1])[0, 1]
        out["leave_one_set_out"][held] = round(float(r), 4)
    rng = np.random.default_rng(20240601)  # fixed seed: folds are reproducible
    for name in names:
        xs, ys = parts[name]
        fold = rng.integers(0, FOLDS, len(ys))
        pred = np.zeros(len(ys))
        for k in range(FOLDS):
            sub = {n: (parts[n] if n != name else (xs[fold != k], ys[fold != k])) for n in names}
            coef = fit(*stack(sub, names))
            pred[fold == k] = xs[fold == k] @ coef
        out["five_fold"][name] = round(float(np.corrcoef(pred, ys)[0, 1]), 4)
    return out


def build(data_dir: Path) -> dict:
    parts = {}
    digests = {}
    for name, file in TRAINING_SETS.items():
        texts, gold = read_tsv(data_dir / file)
        parts[name] = (design(texts), gold / 4.0)
        digests[file] = hashlib.sha256((data_dir / file).read_bytes()).hexdigest()
    cv = cross_validate(parts)
    coef = fit(*stack(parts, list(parts)))
    return {
        "description": (
            "Combined sentence sentiment: sentiment_score = clip(sum(coefficients[i] * "
            "inputs[i]), -1, 1), inputs from discourse.steps.sentiment.features.model_inputs. "
            "Ridge "
            "regression through the origin of human mean rating / 4, data sets weighted "
            "equally. Written by tools/fit_sentiment.py; do not edit by hand."
        ),
        "inputs": list(MODEL_INPUTS),
        "coefficients": [float(c) for c in coef],
        "target": "mean_human_rating / 4",
        "ridge": RIDGE,
        "trained_on": {"source": "Hutto & Gilbert (2014) VADER ground truth", "files": digests},
        "not_used": "nyt_editorial_snippets.tsv (held-out test set)",
        "cross_validation_pearson_r": cv,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "sentiment")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "discourse" / "lexicons" / "sentiment_model.json"
    )
    parser.add_argument("--check", action="store_true", help="compare with the stored file")
    args = parser.parse_args(argv)
    text = json.dumps(build(args.data), indent=2) + "\n"
    model = json.loads(text)
    print("inputs:      ", ", ".join(model["inputs"]))
    print("coefficients:", ", ".join(f"{c:+.4f}" for c in model["coefficients"]))
    for kind, scores in model["cross_validation_pearson_r"].items():
        print(f"CV r ({kind}):", ", ".join(f"{k} {v:.3f}" for k, v in scores.items()))
    if args.check:
        if args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} differs from a fresh fit; rerun without --check.")
            return 1
        print(f"{args.out} is up to date.")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
