"""The layout of a redline: the new version's own, side by side when it is, and
signature blocks as a draft sets them.

A side-by-side draft is a borderless table on landscape pages, one row per clause and a
column per language; its redline is the same table, each cell holding that language's
part of the redline (the changed words, moves, tables and signature blocks of
:mod:`cpc_draft.render.redline`). The row that holds the signature blocks does not split
across pages, as in the draft, and the row before it (the place and date of signature)
stays on its page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpc_draft.render import wordml
from cpc_draft.render.docx import CELL_PADDING
from cpc_draft.render.wordml import Cell

if TYPE_CHECKING:
    from cpc_draft.render.redline import RedlineBlock, RedlineSpan

SIGNATURE_LINE = re.compile(r"^\s*_{5,}")  # the line a signatory signs on


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


def signature_cell(writer, segments: Sequence[RedlineSpan], change: str | None) -> str:
    """A cell of signature blocks as a draft sets them: a paragraph a line, the heading
    over each line to sign in bold with room to sign below it; ``writer`` (the
    redline's) writes the runs."""
    lines = _lines(segments)
    paragraphs = []
    for index, line in enumerate(lines):
        runs = writer.runs(line, change)
        following = lines[index + 1] if index + 1 < len(lines) else ()
        to_sign = SIGNATURE_LINE.match("".join(s.text for s in following))
        if to_sign:  # a run without properties is "<w:r>" (wordml.plain_run)
            runs = runs.replace("<w:r>", "<w:r><w:rPr><w:b/></w:rPr>")
            if index:  # room between one signatory's block and the next
                paragraphs.append(wordml.paragraph())
        paragraphs.append(wordml.paragraph([runs]))
        if to_sign:
            paragraphs.append(wordml.paragraph())
    return "".join(paragraphs) or wordml.paragraph()


def _lines(segments: Sequence[RedlineSpan]) -> list[tuple[RedlineSpan, ...]]:
    """The segments cut at line breaks, a line's segments each."""
    lines: list[list[RedlineSpan]] = [[]]
    for segment in segments:
        for position, piece in enumerate(segment.text.split("\n")):
            if position:
                lines.append([])
            if piece:
                lines[-1].append(type(segment)(segment.op, piece))
    return [tuple(line) for line in lines]
