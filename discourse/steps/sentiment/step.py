"""The sentiment step: TextBlob, VADER and the combined score per sentence, per section."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from discourse.steps.base import Step, StepOutput
from discourse.steps.sentiment.scoring import (
    DEFAULT_THRESHOLDS,
    SENTIMENT_COLUMNS,
    section_sentiment,
    sentiment_values,
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
        texts = sentences["text"].tolist()
        values = sentiment_values(texts, self.thresholds)
        sections = section_sentiment(
            sentences["section_id"].tolist(), sentences["section_heading"].tolist(),
            sentences["sentence_id"].tolist(), texts, values["sentiment_score"].tolist(),
            values["sentiment"])
        return StepOutput(values, {"sentiment_sections": sections})
