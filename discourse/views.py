"""Views of an analysis shared by the charts and the report: section labels, categories,
the stance long table, target labels and speaker counts.

They read the analysis's tables and the resources its steps kept (the keyword
``Dictionary``, the stance ``Targets``); nothing here reloads an option or draws.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from discourse.analysis import Analysis

__all__ = [
    "SPEECH_TYPES",
    "SectionSpan",
    "category_order",
    "keyword_dictionary",
    "named_table",
    "section_label",
    "section_spans",
    "sentence_rows",
    "speaker_counts",
    "stance_long",
    "target_label",
    "target_labels",
]

SPEECH_TYPES = ("direct", "indirect", "mixed")
_STANCE_VALUES = frozenset({"favor", "against", "none"})


def named_table(analysis: Analysis, name: str) -> pd.DataFrame | None:
    """The analysis's table ``name``, or None when it is missing or has no columns."""
    table = getattr(analysis, "tables", {}).get(name)
    return table if table is not None and len(table.columns) else None


def sentence_rows(analysis: Analysis) -> pd.DataFrame:
    """The sentence table with a fresh 0..n-1 index."""
    return analysis.sentences.reset_index(drop=True)


@dataclass(frozen=True)
class SectionSpan:
    """A section in reading order: its id, display label and sentence range."""

    id: int
    label: str
    first: int  # first and last sentence_id (inclusive)
    last: int
    rows: tuple[int, int]  # first row, end row (exclusive) in the sentence table's order


def section_label(kind: Any, heading: Any, section_id: int, has_headings: bool) -> str:
    """"Front" for the title block, the heading when there is one, else "Lead" or "Body".

    Examples
    --------
    >>> section_label("front", None, 0, False), section_label("body", None, 1, True)
    ('Front', 'Lead')
    """
    if kind == "front":
        return "Front"
    if isinstance(heading, str) and heading.strip():
        return " ".join(heading.split())
    # Text before the first heading is the lead; without any heading it is the whole body.
    return "Lead" if has_headings else ("Body" if section_id <= 1 else f"Section {section_id}")


def section_spans(analysis: Analysis) -> list[SectionSpan]:
    """Sections in reading order with display labels and sentence ranges."""
    frame = sentence_rows(analysis)
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
    spans: list[SectionSpan] = []
    start = 0
    for section, run in groupby(frame["section_id"].tolist()):
        end = start + len(list(run))
        sid = int(section)
        kind, heading = info.get(sid, (kinds[start], heads[start]))
        block = ids[start:end]
        spans.append(SectionSpan(sid, section_label(kind, heading, sid, has_headings),
                                 int(min(block)), int(max(block)), (start, end)))
        start = end
    return spans


def keyword_dictionary(analysis: Analysis, dictionary: Any = None) -> Any:
    """``dictionary`` if given, else the ``Dictionary`` the analysis's keyword step used."""
    if dictionary is not None:
        return dictionary
    resource = getattr(analysis, "resource", None)
    return resource("dictionary") if resource is not None else None


def category_order(analysis: Analysis, present: Iterable[Any] = ()) -> list[str]:
    """Every keyword category in a stable order: the dictionary's, then others as they appear."""
    dictionary = keyword_dictionary(analysis)
    order = list(dictionary.categories) if dictionary is not None else []
    for table, column in (("keywords", "category"), ("segments", "keyword_category")):
        frame = named_table(analysis, table)
        if frame is not None and column in frame:
            order += [c for c in frame[column].tolist() if isinstance(c, str)]
    order += [c for c in present if isinstance(c, str)]
    return list(dict.fromkeys(order))


def target_labels(analysis: Analysis) -> dict[str, str]:
    """Display labels of the stance targets: from the analysis's targets, else the names."""
    table = named_table(analysis, "stance")
    labels = dict(table.attrs.get("labels", {})) if table is not None else {}
    resource = getattr(analysis, "resource", None)
    targets = resource("targets") if resource is not None else None
    if targets is not None:
        labels.update({name: targets[name].label for name in targets})
    return labels


def target_label(name: str, labels: Mapping[str, str]) -> str:
    """The label of target ``name``, else its name with spaces for underscores."""
    label = labels.get(name)
    return label if isinstance(label, str) and label else name.replace("_", " ")


def _is_stance_column(column: pd.Series) -> bool:
    # stance_<target> holds labels; stance_score_<target> (numbers) does not count.
    values = set(column.dropna().astype(str))
    return bool(values) and values <= _STANCE_VALUES


def stance_long(analysis: Analysis) -> pd.DataFrame:
    """``sentence_id``, ``target``, ``stance`` from the stance table or ``stance_`` columns."""
    import pandas as pd

    table = named_table(analysis, "stance")
    if table is not None and {"sentence_id", "target", "stance"} <= set(table.columns):
        return table[["sentence_id", "target", "stance"]].copy()
    frame = sentence_rows(analysis)
    columns = [c for c in frame.columns if c.startswith("stance_")
               and _is_stance_column(frame[c])]
    if not columns or "sentence_id" not in frame:
        return pd.DataFrame(columns=["sentence_id", "target", "stance"])
    long = frame.melt(id_vars=["sentence_id"], value_vars=columns, var_name="target",
                      value_name="stance")
    long["target"] = long["target"].str.removeprefix("stance_")
    return long


def speaker_counts(analysis: Analysis) -> pd.DataFrame:
    """``speaker``, ``role``, ``direct``, ``indirect``, ``mixed`` sentence counts."""
    import pandas as pd

    table = named_table(analysis, "speakers")
    columns = {f"n_{t}" for t in SPEECH_TYPES}
    if table is not None and "speaker" in table and columns & set(table.columns):
        out = pd.DataFrame({"speaker": table["speaker"].astype(str),
                            "role": table.get("role")})
        for t in SPEECH_TYPES:
            out[t] = table[f"n_{t}"].fillna(0).astype(int) if f"n_{t}" in table else 0
        return out
    frame = sentence_rows(analysis)
    if not {"speaker", "quote_type"} <= set(frame.columns):
        return pd.DataFrame(columns=["speaker", "role", *SPEECH_TYPES])
    spoken = frame[frame["speaker"].notna() & frame["quote_type"].isin(SPEECH_TYPES)]
    counts = (spoken.groupby(["speaker", "quote_type"], sort=False).size()
              .unstack(fill_value=0).reindex(columns=list(SPEECH_TYPES), fill_value=0))
    out = counts.reset_index()
    out.insert(1, "role", None)
    out.columns.name = None
    return out
