"""The layout of a redline: the new version's own, side by side when it is, and
signature blocks as a draft sets them.

A side-by-side draft is a borderless table on landscape pages, one row per clause and a
column per language; its redline is the same table, each cell holding that language's
part of the redline (the changed words, moves, tables and signature blocks of
:mod:`cpc_draft.render.redline`), with data tables set full width between its rows as in
the draft. The row that holds the signature blocks does not split
across pages, as in the draft, and the row before it (the place and date of signature)
stays on its page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpc_draft.model import TABLE_ROW
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
    """The body: borderless layout tables; ``writer`` (the redline's) writes each cell.
    As in the draft, a row whose columns hold data tables at the same places is cut
    around them: each language's table is set full width between layout tables, so its
    header row repeats on each page (Word repeats none of a nested table)."""
    columns = max((len(row) for row in layout.rows), default=1)
    column = width // columns
    parts: list[str] = []
    rows: list[list[Cell]] = []
    keep_together: set[int] = set()

    def end_layout() -> None:
        if rows:
            parts.append(
                wordml.table(
                    rows,
                    [column] * columns,
                    grid=False,
                    unsplittable_rows=frozenset(keep_together),
                )
            )
        rows.clear()
        keep_together.clear()

    signed = [any(block.signatures for cell in row for block in cell) for row in layout.rows]
    for index, row in enumerate(layout.rows):
        cells = [*row, *([()] * (columns - len(row)))]
        # the row before the signature blocks ("Done at …") stays on their page
        writer.keep_with_next = True if signed[index + 1 : index + 2] == [True] else None
        pieces = None if signed[index] else _pieces(cells)
        if pieces is None:
            if signed[index]:
                keep_together.add(len(rows))
            pieces = [(False, cells)]
        for is_table, per_column in pieces:
            if is_table:
                end_layout()
                parts += [writer.body(blocks) + _GAP for blocks in per_column]
            else:
                inner = column - CELL_PADDING
                rows.append([Cell(writer.body(blocks, inner), column) for blocks in per_column])
    writer.keep_with_next = None
    end_layout()
    if not parts:
        return wordml.paragraph()
    return "".join(parts) + wordml.paragraph(tiny=True)  # a body ends with a paragraph


def _pieces(cells) -> list[tuple[bool, list[tuple]]] | None:
    """A row's blocks cut into pieces, (is a table, each column's blocks): text, a data
    table, text…; None when the row has no table, its columns' tables do not stand at the
    same places, or one opens it (its text would have no row to stand in)."""
    cut = [_segments(cell) for cell in cells]
    patterns = {tuple(is_table for is_table, _ in segments) for segments in cut}
    if len(patterns) != 1:
        return None
    pattern = next(iter(patterns))
    if not any(pattern) or pattern[0]:
        return None
    return [
        (is_table, [segments[index][1] for segments in cut])
        for index, is_table in enumerate(pattern)
    ]


def _segments(blocks) -> list[tuple[bool, tuple]]:
    """The blocks in runs: each table's rows, and the blocks between tables."""
    segments: list[tuple[bool, tuple]] = []
    for (is_table, _), run in itertools.groupby(blocks, _segment_key):
        segments.append((is_table, tuple(run)))
    return segments


def _segment_key(block) -> tuple[bool, int | None]:
    if block.kind == TABLE_ROW and not block.signatures:
        return True, block.table
    return False, None


_GAP = wordml.paragraph(space_after=0)  # between a table and the next, so they do not join


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
