"""Outcome indicators (element D): from a table with baseline and target columns where
the draft has one, else from the indicator phrases of its prose; and the key indicators
named for the annual dialogue."""

from __future__ import annotations

import re
from typing import NamedTuple

from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TABLE_ROW, Indicator, TextBlock
from cpc_draft.text.cues import cue, has

_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*")
# "the number of X, the number of Y and the" -> each indicator without the joining words
_TRAILING_JOINER = re.compile(
    r"(\s*[,;]?\s*\b(and|y|et|the|el|la|los|las|le|les|du|des)\b)+$", re.IGNORECASE
)
_YES = {"yes", "sí", "si", "oui", "x", "✓"}  # a "key indicator" column's mark


class Indicators(NamedTuple):
    listed: tuple[Indicator, ...]
    key_mentions: tuple[TextBlock, ...]  # blocks that speak of key indicators

    @property
    def names_key_ones(self) -> bool:
        """Key indicators for the annual dialogue are named, in a sentence or a column."""
        return bool(self.key_mentions) or any(i.key for i in self.listed)


def find_indicators(stream: Stream) -> Indicators:
    language = stream.language
    section = stream.in_section("indicators", "annual_dialogue")
    key_mentions = tuple(b for b in stream.blocks if has("key_indicator", language, b.text))
    listed = _from_tables(section or stream.blocks, language) or _from_prose(
        section or stream.blocks, language
    )
    return Indicators(tuple(listed), key_mentions)


def _from_tables(blocks, language: str) -> list[Indicator]:
    tables: dict[int, list[TextBlock]] = {}
    for block in blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    found: list[Indicator] = []
    for rows in tables.values():
        header = rows[0].cells
        targets = [i for i, cell in enumerate(header) if has("target", language, cell)]
        baselines = [i for i, cell in enumerate(header) if has("baseline", language, cell)]
        if (
            not targets
            and not baselines
            and not any(has("indicator", language, r.text) for r in rows)
        ):
            continue
        keys = [i for i, cell in enumerate(header) if has("key_indicator", language, cell)]
        found += [_table_indicator(row, targets, baselines, keys) for row in rows[1:]]
    return found


def _table_indicator(row: TextBlock, targets, baselines, keys) -> Indicator:
    cells = row.cells
    values = [cells[i].strip() for i in targets if i < len(cells) and cells[i].strip()]
    baseline = cells[baselines[0]].strip() if baselines and baselines[0] < len(cells) else None
    key = bool(keys) and keys[0] < len(cells) and cells[keys[0]].strip().casefold() in _YES
    unit = cells[1].strip() if len(cells) > 2 and not _NUMBER.fullmatch(cells[1].strip()) else None
    return Indicator(
        cells[0].strip(), unit, baseline or None, tuple(values), row.index, row.page, key
    )


def _from_prose(blocks, language: str) -> list[Indicator]:
    indicator = cue("indicator", language)
    found: list[Indicator] = []
    for block in blocks:
        starts = [m.start() for m in indicator.finditer(block.text)]
        if not starts:
            continue
        with_target = has("target", language, block.text)
        for at, end in zip(starts, [*starts[1:], len(block.text)], strict=True):
            piece = block.text[at:end].strip(" ,;.")
            piece = _TRAILING_JOINER.sub("", piece)
            figures = _NUMBER.findall(piece) if with_target else []
            found.append(
                Indicator(
                    piece, None, None, tuple(f.strip() for f in figures), block.index, block.page
                )
            )
    return found
