"""A comparison as a Word redline: the merged text of both versions, every difference a
tracked change, so that accepting all changes gives the new version and rejecting all
gives the old one.

The redline keeps the layout of the new version. When the new version sets its
languages side by side (a table with a column per language, as `assemble` writes by
default), so does the redline, on landscape pages: each block goes to the row the new
version gives it, and a block only the old version had to the row of the block that
follows it. Otherwise each language version follows the other. Signature blocks keep
their look: no grid, a paragraph a line.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from cpc_draft.compare.versions import LanguageComparison, Piece, VersionComparison
from cpc_draft.compare.worddiff import DELETE, EQUAL, INSERT, BlockDiff, DiffSpan
from cpc_draft.fileio.output import write_atomically
from cpc_draft.model import TABLE_ROW, Document, TextBlock
from cpc_draft.render.redline import RedlineBlock, RedlineSpan, redline_docx
from cpc_draft.render.redline_layout import SIGNATURE_LINE, SideBySide

_WHOLE_CHANGE = {
    "insert": "insert",
    "delete": "delete",
    "move_from": "move_from",
    "move_to": "move_to",
}
_AWAY = ("delete", "move_from")  # pieces that are whole articles of the old version only


class _Placed(NamedTuple):
    block: RedlineBlock
    row: int | None  # its row in the new version's side-by-side table
    away: bool = False  # in an article the new version has elsewhere or not at all


def write_redline(
    comparison: VersionComparison,
    output: Path,
    *,
    author: str,
    force: bool = False,
    date: dt.datetime | None = None,
) -> None:
    moment = (date or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    body = redline_layout(comparison)
    title = f"Redline: {Path(comparison.old.path).name} → {Path(comparison.new.path).name}"
    data = redline_docx(body, author=author, date=moment, title=title)
    write_atomically(output, lambda path: path.write_bytes(data), force=force)


def redline_layout(comparison: VersionComparison) -> list[RedlineBlock] | SideBySide:
    """The redline's blocks in the new version's layout (module notes)."""
    columns = _columns(comparison.new)
    placed = {found.language: _placed(found) for found in comparison.languages}
    if len(columns) < 2 or len(placed) < 2:
        return [item.block for blocks in placed.values() for item in blocks]
    languages = sorted(placed, key=lambda language: columns.get(language, len(columns)))
    cells: dict[tuple[int, int], dict[str, list[RedlineBlock]]] = {}
    for language in languages:
        blocks = placed[language]
        for item, row in zip(blocks, _rows(blocks), strict=True):
            cells.setdefault(row, {}).setdefault(language, []).append(item.block)
    return SideBySide(
        tuple(
            tuple(tuple(cells[row].get(language, ())) for language in languages)
            for row in sorted(cells)
        )
    )


def redline_blocks(comparison: VersionComparison) -> list[RedlineBlock]:
    """The redline's blocks, one language version after the other."""
    return [item.block for found in comparison.languages for item in _placed(found)]


def _columns(document: Document) -> dict[str, int]:
    """Language -> the side-by-side column it fills in ``document`` (none if it has none)."""
    seen: dict[str, Counter] = {}
    for block in document.blocks:
        if block.column is not None and block.language is not None:
            seen.setdefault(block.language, Counter())[block.column] += 1
    found = {language: counts.most_common(1)[0][0] for language, counts in seen.items()}
    return found if len(set(found.values())) >= 2 else {}


def _rows(placed: list[_Placed]) -> list[tuple[int, int]]:
    """Each block's row: its own where it has one (a block of the new version); an article
    only the old version has there (deleted, or moved away) a row of its own just before
    the row of what follows it; another block of the old version the next block's row,
    before that block."""
    keys: list[tuple[int, int] | None] = [None] * len(placed)
    following: int | None = None
    for position in range(len(placed) - 1, -1, -1):
        row, away = placed[position].row, placed[position].away
        if row is not None:
            following = row
            keys[position] = (row, 1)
        elif following is not None:
            keys[position] = (following, 0 if away else 1)
    last = (0, 1)
    for position, key in enumerate(keys):
        if key is None:  # after the last block of the new version
            key = (last[0], 2 if placed[position].away else 1)
        keys[position] = last = key
    return keys  # type: ignore[return-value]


def _placed(found: LanguageComparison) -> list[_Placed]:
    tables = _TableNumbers()
    placed: list[_Placed] = []
    for piece in found.merged:
        if piece.edits:
            placed += _moved_and_edited(piece, tables)
            continue
        away = piece.role in _AWAY
        for diff in piece.blocks:
            row = _row(diff.new)
            placed += [_Placed(_signed(b), row, away) for b in _blocks(piece, diff, tables)]
    return placed


def _row(block: TextBlock | None) -> int | None:
    """The side-by-side row of a block of the new version."""
    return block.row if block is not None and block.column is not None else None


def _signed(block: RedlineBlock) -> RedlineBlock:
    """A table row of signature blocks, marked as such."""
    texts = (span.text for cell in block.cells for span in cell)
    if block.kind == TABLE_ROW and any(
        SIGNATURE_LINE.match(line) for text in texts for line in text.split("\n")
    ):
        return replace(block, signatures=True)
    return block


def _moved_and_edited(piece: Piece, tables: _TableNumbers) -> list[_Placed]:
    """One place of an article moved and edited: at the old place the old text, the words
    the edit removed deleted; at the new place the new text, the words it added inserted;
    the rest moved. Table rows are moved whole (Word tracks no row moves: they become a
    deletion and an insertion anyway)."""
    leaving = piece.role == "move_from"
    hidden = INSERT if leaving else DELETE  # what the other place shows
    blocks: list[_Placed] = []
    for diff in piece.edits:
        block = diff.old if leaving else diff.new
        if block is None:
            continue  # a paragraph only the other version has: shown at the other place
        row = None if leaving else _row(block)
        if block.kind == TABLE_ROW:
            blocks.append(
                _Placed(_signed(_whole(block, piece.role, tables, piece.move)), row, leaving)
            )
            continue
        if diff.old is None or diff.new is None:  # lost or gained by the moved article
            segments = (RedlineSpan(DELETE if leaving else INSERT, block.text),)
        else:
            segments = tuple(RedlineSpan(s.op, s.text) for s in diff.segments if s.op != hidden)
        moved = RedlineBlock(
            kind=block.kind,
            segments=segments,
            change=piece.role,
            table=tables.end(),
            move_name=piece.move,
        )
        blocks.append(_Placed(moved, row, leaving))
    return blocks


def _blocks(piece: Piece, diff: BlockDiff, tables: _TableNumbers) -> list[RedlineBlock]:
    whole = _WHOLE_CHANGE.get(piece.role)
    if whole is None and diff.old is None:
        whole = "insert"
    elif whole is None and diff.new is None:
        whole = "delete"
    source = diff.new if whole in ("insert", "move_to", None) else diff.old
    if whole is not None:
        return [_whole(source, whole, tables, piece.move)]
    if source.kind == TABLE_ROW and not diff.cells:  # rows of different widths
        return [_whole(diff.old, "delete", tables), _whole(diff.new, "insert", tables)]
    table = tables.number(diff.old, diff.new) if source.kind == TABLE_ROW else tables.end()
    return [
        RedlineBlock(
            kind=source.kind,
            segments=_converted(diff.segments),
            cells=tuple(_converted(cell) for cell in diff.cells),
            table=table,
        )
    ]


def _whole(block: TextBlock, change: str, tables: _TableNumbers, move: str | None = None):
    op = DELETE if change in ("delete", "move_from") else INSERT
    is_row = block.kind == TABLE_ROW
    old_side = block if op == DELETE else None
    new_side = block if op == INSERT else None
    # a moved paragraph's words are the move's own (deleted or inserted ones are edits)
    shown = EQUAL if change in ("move_from", "move_to") else op
    return RedlineBlock(
        kind=block.kind,
        segments=() if is_row else (RedlineSpan(shown, block.text),),
        cells=tuple((RedlineSpan(op, cell),) for cell in block.cells) if is_row else (),
        change=change,
        table=tables.number(old_side, new_side) if is_row else tables.end(),
        move_name=move,
    )


def _converted(spans: tuple[DiffSpan, ...]) -> tuple[RedlineSpan, ...]:
    return tuple(RedlineSpan(span.op, span.text) for span in spans)


class _TableNumbers:
    """Consecutive rows form one redline table while they come from the same table of
    each version; any other block, or a row of another table, starts a new one."""

    def __init__(self) -> None:
        self.current = 0
        self.open = False
        self.old_table: int | None = None
        self.new_table: int | None = None

    def number(self, old: TextBlock | None, new: TextBlock | None) -> int:
        changed = (old is not None and self.old_table not in (None, old.table)) or (
            new is not None and self.new_table not in (None, new.table)
        )
        if not self.open or changed:
            self.current += 1
            self.open = True
            self.old_table = self.new_table = None
        if old is not None:
            self.old_table = old.table
        if new is not None:
            self.new_table = new.table
        return self.current

    def end(self) -> None:
        self.open = False
        return None
