"""The stance step: stance toward each named target per sentence, and per section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from discourse.steps.base import Step, StepOutput
from discourse.steps.stance.scoring import LearnedStanceScorer, StanceScorer, stance_tables
from discourse.steps.stance.targets import load_targets

if TYPE_CHECKING:
    import pandas as pd

    from discourse.text.spans import Article

__all__ = ["StanceStep"]


class StanceStep(Step):
    """Stance toward targets (:func:`discourse.score_stance`).

    Assigns one ``stance_<target>`` column per target; makes the ``stance`` (one row per
    sentence and target, with cues) and ``stance_sections`` tables. Left out of the default
    pipeline when no targets are given.

    Parameters
    ----------
    targets : mapping, path to a YAML file, or Targets
    scorer : StanceScorer, optional
        Another stance model returning the same table.
    """

    name = "stance"
    order = 60
    options = ("targets", "scorer")

    def __init__(self, targets: Any, scorer: StanceScorer | None = None) -> None:
        self.targets = targets
        self.scorer = scorer
        self.loaded_targets = load_targets(targets)

    @classmethod
    def from_options(cls, options: Mapping[str, Any], shared: dict[str, Any]) -> StanceStep | None:
        if options.get("targets") is None:
            return None
        return cls(options["targets"], options.get("scorer"))

    @property
    def requires(self) -> tuple[str, ...]:  # type: ignore[override]
        # The learned scorer reads the words alone; another scorer (e.g. the lexical one)
        # may read the sentence's sentiment score.
        return ("text",) if self.scorer is None else ("text", "sentiment_score")

    @property
    def assigns(self) -> tuple[str, ...]:  # type: ignore[override]
        return tuple(f"stance_{name}" for name in self.loaded_targets)

    def resources(self) -> dict[str, Any]:
        return {"targets": self.loaded_targets,
                "scorer": self.scorer if self.scorer is not None else LearnedStanceScorer()}

    def run(self, article: Article, sentences: pd.DataFrame) -> StepOutput:
        import numpy as np

        stance, wide, sections = stance_tables(sentences, self.loaded_targets, self.scorer)
        # object arrays, as the columns of stance_columns(stance) give; NaN without rows
        return StepOutput({f"stance_{t}": np.array(wide[t], dtype=object) if t in wide
                           else [float("nan")] * len(sentences) for t in self.loaded_targets},
                          {"stance": stance, "stance_sections": sections})
