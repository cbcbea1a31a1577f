"""Pipe tables written as paragraphs, read as the tables they are.

A text draft pasted into Word, or opened in LibreOffice and saved as .docx, keeps its
Markdown tables as lines of text, one paragraph a row::

    | Program | United States (USD) | Norland (USD) |
    |---|---|---|
    | Justice for children | 1,500,000 | 600,000 |

The text reader reads those lines as table rows; so must every other reader, or the same
draft loses its financial plan and its indicators' targets when it arrives as Word or PDF.
A run of two or more paragraphs that each begin and end with a pipe becomes one table; the
rule of dashes under the header is dropped, and references to block numbers (tracked
changes) follow the blocks that remain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from cpc_draft.model import TABLE_ROW, Document, TextBlock

_ROW = re.compile(r"^\|.*\|$", re.DOTALL)
_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?$")


def read_pipe_tables(document: Document) -> Document:
    """``document`` with each run of pipe-row paragraphs made a table."""
    blocks = document.blocks
    if not any(_is_row(block) for block in blocks):
        return document
    runs = _runs(blocks)
    if not runs:
        return document
    rebuilt, moved = _rebuild(blocks, runs)
    revisions = tuple(
        replace(revision, block=moved.get(revision.block))
        if revision.block is not None
        else revision
        for revision in document.revisions
    )
    return replace(document, blocks=rebuilt, revisions=revisions)


def _is_row(block: TextBlock) -> bool:
    return block.kind != TABLE_ROW and bool(_ROW.match(block.text.strip()))


def _runs(blocks: Sequence[TextBlock]) -> dict[int, int]:
    """First position -> length of each run of two or more pipe rows."""
    runs: dict[int, int] = {}
    start = None
    for position, block in enumerate([*blocks, None]):
        if block is not None and _is_row(block):
            start = position if start is None else start
            continue
        if start is not None and position - start >= 2:
            runs[start] = position - start
        start = None
    return runs


def _rebuild(
    blocks: Sequence[TextBlock], runs: dict[int, int]
) -> tuple[tuple[TextBlock, ...], dict[int, int]]:
    """The new blocks, numbered afresh, and each old block number's new one."""
    table = 1 + max((b.table for b in blocks if b.table is not None), default=-1)
    rebuilt: list[TextBlock] = []
    moved: dict[int, int] = {}
    position = 0
    while position < len(blocks):
        length = runs.get(position, 0)
        if not length:
            moved[blocks[position].index] = len(rebuilt)
            rebuilt.append(replace(blocks[position], index=len(rebuilt)))
            position += 1
            continue
        row = 0
        for block in blocks[position : position + length]:
            moved[block.index] = len(rebuilt)
            text = block.text.strip()
            if _RULE.match(text):
                continue
            cells = tuple(" ".join(cell.split()) for cell in text[1:-1].split("|"))
            rebuilt.append(
                replace(
                    block,
                    index=len(rebuilt),
                    kind=TABLE_ROW,
                    text=" | ".join(cells),
                    cells=cells,
                    table=table,
                    row=row,
                )
            )
            row += 1
        table += 1
        position += length
    return tuple(rebuilt), moved
