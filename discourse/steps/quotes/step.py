"""The quotes step: quote type and speaker per sentence, and the speakers table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discourse.steps.base import Step, StepOutput
from discourse.steps.quotes.attribution import quote_columns
from discourse.steps.quotes.speakers import speaker_table

if TYPE_CHECKING:
    import pandas as pd

    from discourse.text.spans import Article

__all__ = ["QuotesStep"]


class QuotesStep(Step):
    """Who speaks in each sentence (:func:`discourse.attribute_quotes`).

    Assigns ``quote_type``, ``speaker``, ``speaker_mention``, ``speaker_start``,
    ``speaker_end``, ``reporting_verb``, ``quote_spans``, ``quote_warning``; makes the
    ``speakers`` table (:func:`discourse.speaker_table`).
    """

    name = "quotes"
    order = 10
    requires = ("text",)
    assigns = ("quote_type", "speaker", "speaker_mention", "speaker_start", "speaker_end",
               "reporting_verb", "quote_spans", "quote_warning")

    def run(self, article: Article, sentences: pd.DataFrame) -> StepOutput:
        found = quote_columns(article)
        return StepOutput({c: found.columns[c] for c in self.assigns},
                          {"speakers": speaker_table(found.columns, found.speakers)})
