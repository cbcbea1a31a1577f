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

Rows whose cells are separated rather than enclosed are tables too (:func:`separated_cells`):
Word's "plain text" export, and a .txt opened in Word, give each table row as one line or
paragraph of tab-separated cells, and many people type ``Year | United States | Norland``
without the outer pipes. A run of two or more such rows with the same number of cells is
a table; a lone line with a tab or a pipe stays a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from cpc_draft.model import TABLE_ROW, Document, TextBlock

_ROW = re.compile(r"^\|.*\|$", re.DOTALL)
_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?$")
_INNER_PIPE = re.compile(r"\S\s*\|\s*\S")
# "1.", "a)", "(iv)", "•": a list label, not a table's first cell
_LIST_LABEL = re.compile(
    r"^(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]|\d{1,3}(?:\.\d{1,3})+\.?|[•\-–*·▪o])$", re.I
)


def read_pipe_tables(document: Document) -> Document:
    """``document`` with each run of pipe-row paragraphs made a table."""
    blocks = document.blocks
    if not any(_is_row(block) or separated_cells(block.text) for block in blocks):
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


def separated_cells(line: str) -> list[str] | None:
    """The cells of a row written as tab- or pipe-separated cells without outer pipes
    ("2027<TAB>700.000<TAB>400.000", "Year | U.S. | Norland"), or None for any other line:
    two cells at least, two of them filled."""
    stripped = line.strip()
    if not stripped or stripped.startswith("|") or stripped.endswith("|"):
        return None
    if "\t" in stripped:
        cells = stripped.split("\t")
    elif _INNER_PIPE.search(stripped):
        cells = stripped.split("|")
    else:
        return None
    cells = [" ".join(cell.split()) for cell in cells]
    if len(cells) == 2 and _LIST_LABEL.match(cells[0]):
        return None  # "a)<TAB>to raise …": a list item whose label a tab sets off
    return cells if sum(1 for cell in cells if cell) >= 2 else None


def separated_runs(lines: Sequence[str]) -> dict[int, int]:
    """First position -> length of each run of two or more separated rows with the same
    number of cells."""
    widths = [len(cells) if (cells := separated_cells(line)) else 0 for line in lines]
    runs: dict[int, int] = {}
    position = 0
    while position < len(lines):
        end = position
        while end < len(lines) and widths[end] and widths[end] == widths[position]:
            end += 1
        if end - position >= 2:
            runs[position] = end - position
        position = max(end, position + 1)
    return runs


def _is_row(block: TextBlock) -> bool:
    return block.kind != TABLE_ROW and bool(_ROW.match(block.text.strip()))


def _runs(blocks: Sequence[TextBlock]) -> dict[int, int]:
    """First position -> length of each run of two or more pipe rows, or of rows of
    separated cells."""
    runs: dict[int, int] = {}
    start = None
    for position, block in enumerate([*blocks, None]):
        if block is not None and _is_row(block):
            start = position if start is None else start
            continue
        if start is not None and position - start >= 2:
            runs[start] = position - start
        start = None
    texts = [block.text if block.kind != TABLE_ROW else "" for block in blocks]
    for position, length in separated_runs(texts).items():
        runs.setdefault(position, length)
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
            separated = separated_cells(text)
            cells = tuple(separated or (" ".join(cell.split()) for cell in text[1:-1].split("|")))
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
