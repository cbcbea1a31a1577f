"""The layout of a side-by-side redline: the new version's own.

A side-by-side draft is a borderless table on landscape pages, one row per clause and a
column per language; its redline is the same table, each cell holding that language's
part of the redline (the changed words, moves, tables and signature blocks of
:mod:`cpc_draft.render.redline`). The row that holds the signature blocks does not split
across pages, as in the draft, and the row before it (the place and date of signature)
stays on its page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpc_draft.render import wordml
from cpc_draft.render.docx import CELL_PADDING
from cpc_draft.render.wordml import Cell

if TYPE_CHECKING:
    from cpc_draft.render.redline import RedlineBlock


@dataclass(frozen=True)
class SideBySide:
    """Rows of the redline; each row a cell per column (language), each cell its blocks."""

    rows: tuple[tuple[tuple[RedlineBlock, ...], ...], ...]

    def blocks(self) -> list[RedlineBlock]:
        return [block for row in self.rows for cell in row for block in cell]


def side_by_side_body(writer, layout: SideBySide, width: int) -> str:
    """The body: one borderless table; ``writer`` (the redline's) writes each cell."""
    columns = max((len(row) for row in layout.rows), default=1)
    column = width // columns
    rows: list[list[Cell]] = []
    signed = [any(block.signatures for cell in row for block in cell) for row in layout.rows]
    for index, row in enumerate(layout.rows):
        cells = [*row, *([()] * (columns - len(row)))]
        # the row before the signature blocks ("Done at …") stays on their page
        writer.keep_with_next = True if signed[index + 1 : index + 2] == [True] else None
        rows.append([Cell(writer.body(cell, column - CELL_PADDING), column) for cell in cells])
    writer.keep_with_next = None
    keep_together = frozenset(index for index, signs in enumerate(signed) if signs)
    if not rows:
        return wordml.paragraph()
    table = wordml.table(rows, [column] * columns, grid=False, unsplittable_rows=keep_together)
    return table + wordml.paragraph(tiny=True)  # a body ends with a paragraph
