"""What the charts read from an Analysis: its tables, sentences, sections and categories.

Nothing here draws; :mod:`discourse.report.html` uses these helpers too, so that the report's
tables name sections, categories and targets exactly as the charts do.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from discourse.errors import DiscourseError, InvalidOptionError, MissingDataError

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd

    from discourse.analysis import Analysis

_SPEECH_TYPES = ("direct", "indirect", "mixed")


def _missing(chart: str, what: str, how: str) -> MissingDataError:
    return MissingDataError(f"{chart}: the analysis has no {what}; {how}.")


def _check_int(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidOptionError(f"{name}={value!r} must be a whole number >= {minimum}.")
    return value


def _table(analysis: Analysis, name: str) -> pd.DataFrame | None:
    table = getattr(analysis, "tables", {}).get(name)
    return table if table is not None and len(table.columns) else None


def _sentences(analysis: Analysis) -> pd.DataFrame:
    return analysis.sentences.reset_index(drop=True)


@dataclass(frozen=True)
class _SectionSpan:
    id: int
    label: str
    first: int  # first and last sentence_id (inclusive)
    last: int
    rows: tuple[int, int]  # first row, end row (exclusive) in the sentence table's order


def _section_label(kind: Any, heading: Any, section_id: int, has_headings: bool) -> str:
    if kind == "front":
        return "Front"
    if isinstance(heading, str) and heading.strip():
        return " ".join(heading.split())
    # Text before the first heading is the lead; without any heading it is the whole body.
    return "Lead" if has_headings else ("Body" if section_id <= 1 else f"Section {section_id}")


def _section_spans(analysis: Analysis) -> list[_SectionSpan]:
    """Sections in reading order with display labels and sentence ranges."""
    frame = _sentences(analysis)
    if "section_id" not in frame or frame.empty:
        return []
    article = getattr(analysis, "article", None)
    info = {s.id: (s.kind, s.heading.text if s.heading else None)
            for s in getattr(article, "sections", ())}
    ids = frame["sentence_id"].tolist() if "sentence_id" in frame else list(range(len(frame)))
    kinds, heads = (frame[c].tolist() if c in frame else [None] * len(frame)
                    for c in ("section_kind", "section_heading"))
    has_headings = any(isinstance(h, str) for h in heads) or any(
        h for _, h in info.values())
    spans: list[_SectionSpan] = []
    start = 0
    for section, run in groupby(frame["section_id"].tolist()):
        end = start + len(list(run))
        sid = int(section)
        kind, heading = info.get(sid, (kinds[start], heads[start]))
        block = ids[start:end]
        spans.append(_SectionSpan(sid, _section_label(kind, heading, sid, has_headings),
                                  int(min(block)), int(max(block)), (start, end)))
        start = end
    return spans


def _reloadable(option: Any) -> bool:
    """Whether a ``keywords`` option can be loaded again: a mapping, YAML text or a file."""
    return isinstance(option, dict) or (isinstance(option, str) and (
        "\n" in option or Path(option).is_file()))


def _dictionary(analysis: Analysis, dictionary: Any) -> Any:
    """``dictionary``, else the one the analysis used when it can be loaded again."""
    if dictionary is not None:
        return dictionary
    option = getattr(analysis, "params", {}).get("keywords")
    return option if _reloadable(option) else None


def _dictionary_categories(analysis: Analysis) -> list[str]:
    """Categories of the dictionary the analysis used, when it can be loaded again."""
    option = getattr(analysis, "params", {}).get("keywords")
    if option is not None and not _reloadable(option):
        return []  # e.g. the description of an object, not a path
    try:
        from discourse.lexicon.dictionary import load_dictionary

        return list(load_dictionary(option).categories)
    except (DiscourseError, OSError):
        return []


def _categories(analysis: Analysis, present: Iterable[Any] = ()) -> list[str]:
    """Every category in a stable order: the dictionary's, then others as they appear."""
    order = _dictionary_categories(analysis)
    for table, column in (("keywords", "category"), ("segments", "keyword_category")):
        frame = _table(analysis, table)
        if frame is not None and column in frame:
            order += [c for c in frame[column].tolist() if isinstance(c, str)]
    order += [c for c in present if isinstance(c, str)]
    return list(dict.fromkeys(order))
