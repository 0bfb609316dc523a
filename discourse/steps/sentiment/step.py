"""The sentiment step: TextBlob, VADER and the combined score per sentence, per section."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from discourse.steps.base import Step, StepOutput
from discourse.steps.sentiment.scoring import (
    DEFAULT_THRESHOLDS,
    SENTIMENT_COLUMNS,
    score_sentiment,
    sentiment_by_section,
)

if TYPE_CHECKING:
    import pandas as pd

    from discourse.text.spans import Article

__all__ = ["SentimentStep"]


class SentimentStep(Step):
    """Sentence sentiment (:func:`discourse.score_sentiment`) and ``sentiment_sections``.

    Parameters
    ----------
    thresholds : (float, float)
        Label thresholds on the combined score.
    """

    name = "sentiment"
    order = 20
    options = ("thresholds",)
    requires = ("text",)
    assigns = SENTIMENT_COLUMNS

    def __init__(self, thresholds: Sequence[float] = DEFAULT_THRESHOLDS) -> None:
        self.thresholds = tuple(thresholds)

    def run(self, article: Article, sentences: pd.DataFrame) -> StepOutput:
        scores = score_sentiment(sentences, thresholds=self.thresholds)
        sections = sentiment_by_section(scores)
        return StepOutput({c: scores[c] for c in self.assigns},
                          {"sentiment_sections": sections})
