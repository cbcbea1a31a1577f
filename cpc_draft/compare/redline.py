"""A comparison as a Word redline: the merged text of both versions, every difference a
tracked change, so that accepting all changes gives the new version and rejecting all
gives the old one. Each language version follows the other (a side-by-side draft's
columns become one language after the other)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cpc_draft.compare.versions import Piece, VersionComparison
from cpc_draft.compare.worddiff import DELETE, EQUAL, INSERT, BlockDiff, DiffSpan
from cpc_draft.fileio.output import write_atomically
from cpc_draft.model import TABLE_ROW, TextBlock
from cpc_draft.render.redline import RedlineBlock, RedlineSpan, redline_docx

_WHOLE_CHANGE = {
    "insert": "insert",
    "delete": "delete",
    "move_from": "move_from",
    "move_to": "move_to",
}


def write_redline(
    comparison: VersionComparison,
    output: Path,
    *,
    author: str,
    force: bool = False,
    date: dt.datetime | None = None,
) -> None:
    moment = (date or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    blocks = redline_blocks(comparison)
    title = f"Redline: {Path(comparison.old.path).name} → {Path(comparison.new.path).name}"
    data = redline_docx(blocks, author=author, date=moment, title=title)
    write_atomically(output, lambda path: path.write_bytes(data), force=force)


def redline_blocks(comparison: VersionComparison) -> list[RedlineBlock]:
    tables = _TableNumbers()
    blocks: list[RedlineBlock] = []
    for found in comparison.languages:
        for piece in found.merged:
            if piece.edits:
                blocks += _moved_and_edited(piece, tables)
                continue
            for diff in piece.blocks:
                blocks += _blocks(piece, diff, tables)
    return blocks


def _moved_and_edited(piece: Piece, tables: _TableNumbers) -> list[RedlineBlock]:
    """One place of an article moved and edited: at the old place the old text, the words
    the edit removed deleted; at the new place the new text, the words it added inserted;
    the rest moved. Table rows are moved whole (Word tracks no row moves: they become a
    deletion and an insertion anyway)."""
    leaving = piece.role == "move_from"
    hidden = INSERT if leaving else DELETE  # what the other place shows
    blocks: list[RedlineBlock] = []
    for diff in piece.edits:
        block = diff.old if leaving else diff.new
        if block is None:
            continue  # a paragraph only the other version has: shown at the other place
        if block.kind == TABLE_ROW:
            blocks.append(_whole(block, piece.role, tables, piece.move))
            continue
        if diff.old is None or diff.new is None:  # lost or gained by the moved article
            segments = (RedlineSpan(DELETE if leaving else INSERT, block.text),)
        else:
            segments = tuple(RedlineSpan(s.op, s.text) for s in diff.segments if s.op != hidden)
        blocks.append(
            RedlineBlock(
                kind=block.kind,
                segments=segments,
                change=piece.role,
                table=tables.end(),
                move_name=piece.move,
            )
        )
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
