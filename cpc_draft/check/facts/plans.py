"""The financial plan and its oversight (element E), the plan to sustain progress after
the compact (F) and the management of child protection data (G).

An article on the topic is the plan where the draft has one; otherwise the blocks that
use the topic's cue words (data/cues.yaml) stand for it, which the element statuses
weigh as a mention in passing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cpc_draft.check.facts.stream import Stream
from cpc_draft.check.facts.term import YEAR_RANGE
from cpc_draft.model import HEADING, TABLE_ROW, TextBlock
from cpc_draft.text.cues import has

_YEAR_ROW = re.compile(r"^\s*(?:FY\s*)?(?:19|20)\d\d\b")  # a table row that starts with a year


class FinancialPlan(NamedTuple):
    has_article: bool
    by_year: bool  # a table with a row per year ("2022", "FY2023", "Year 1", "2022–2023")
    oversight: tuple[TextBlock, ...]


class Sustainability(NamedTuple):
    blocks: tuple[TextBlock, ...]  # the article's, else those that mention sustaining
    has_article: bool


class DataManagement(NamedTuple):
    blocks: tuple[TextBlock, ...]  # the article's, else those that mention the data
    has_article: bool
    systems: tuple[TextBlock, ...]  # blocks naming a case management or information system


def find_plan(stream: Stream) -> FinancialPlan:
    language = stream.language
    return FinancialPlan(
        has_article=stream.has_section("financial_plan"),
        by_year=any(
            YEAR_RANGE.search(b.text) or _names_a_year(b, language)
            for b in stream.blocks
            if b.kind == TABLE_ROW
        ),
        oversight=tuple(b for b in stream.blocks if has("oversight", language, b.text)),
    )


def find_sustainability(stream: Stream) -> Sustainability:
    section = _article(stream, "sustainability")
    blocks = section or [b for b in stream.blocks if has("sustainability", stream.language, b.text)]
    return Sustainability(tuple(blocks), bool(section))


def find_data_management(stream: Stream) -> DataManagement:
    language = stream.language
    section = _article(stream, "data")
    systems = tuple(b for b in stream.blocks if has("data_system", language, b.text))
    blocks = section or [b for b in stream.blocks if has("data", language, b.text)]
    return DataManagement(tuple(blocks), bool(section), systems)


def _article(stream: Stream, key: str) -> list[TextBlock]:
    return [b for b in stream.in_section(key) if b.kind != HEADING]


def _names_a_year(row: TextBlock, language: str) -> bool:
    """A table row for one year of the plan: "2022", "FY2023", "Year 1", "Año 1"."""
    from cpc_draft.nlp.periods import label_period

    label = row.cells[0] if row.cells else row.text
    return _YEAR_ROW.match(row.text) is not None or label_period(label, language) is not None
