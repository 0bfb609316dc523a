"""The topics step: topic segments within each section, with labels."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from discourse.lexicon.dictionary import Dictionary, load_dictionary
from discourse.steps.base import Step, StepOutput
from discourse.steps.keywords import shared_dictionary
from discourse.steps.topics.topics import segments_with_ids

if TYPE_CHECKING:
    import pandas as pd

    from discourse.text.spans import Article

__all__ = ["TopicsStep"]


class TopicsStep(Step):
    """Topic segments (:func:`discourse.segment_topics`): ``segment_id`` and ``segments``.

    Parameters
    ----------
    n_segments : int, optional
        Segments per body section; chosen from the text by default.
    keywords : mapping, path, Dictionary or None
        The keyword dictionary whose dominant category each segment is tagged with.
    """

    name = "topics"
    order = 50
    options = ("n_segments", "keywords")
    requires = ("text",)
    assigns = ("segment_id",)

    def __init__(self, n_segments: int | None = None, keywords: Any = None, *,
                 dictionary: Dictionary | None = None) -> None:
        self.n_segments = n_segments
        self.keywords = keywords
        self.dictionary = dictionary if dictionary is not None else load_dictionary(keywords)

    @classmethod
    def from_options(cls, options: Mapping[str, Any], shared: dict[str, Any]) -> TopicsStep:
        return cls(options.get("n_segments"), options.get("keywords"),
                   dictionary=shared_dictionary(options, shared))

    def get_params(self) -> dict[str, Any]:
        return {"n_segments": self.n_segments, "keywords": self.keywords}

    def run(self, article: Article, sentences: pd.DataFrame) -> StepOutput:
        segments, ids = segments_with_ids(sentences, n_segments=self.n_segments,
                                          dictionary=self.dictionary)
        return StepOutput({"segment_id": ids}, {"segments": segments})
