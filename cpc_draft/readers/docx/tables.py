"""Tables: rows of data, or a side-by-side layout split into its columns.

A data table gives a ``table_row`` block per row with its ``cells`` (a cell's paragraphs
joined by newlines) and ``text`` (cells joined by " | "); ``table`` and ``row`` count
from 0 in document order. A table nested in a cell is read as its own rows after the row
that holds it; so are text boxes anchored in a cell. A deleted row (tracked) is not read.

A side-by-side table (see :func:`is_side_by_side`) is not flattened into rows: each
cell's content comes out as ordinary blocks with ``row`` = the outer row and ``column`` =
the cell index, row by row, column 0 then column 1. Inside such a table ``row`` is the
aligned outer row for every block, nested table rows included (their order within their
``table`` is their order in the blocks). Rows are counted across the layout tables of a
document, and the data tables set between them are read into their row (:mod:`.layout`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from lxml import etree

from cpc_draft.model import TABLE_ROW
from cpc_draft.readers.docx.blocks import CLAUSE_TAG_PREFIX, Block, Context, Sink
from cpc_draft.readers.docx.layout import read_layout, resumes_layout, table_sink
from cpc_draft.readers.docx.pages import RowPages
from cpc_draft.readers.docx.wordml import Names, child, sdt_tag

if TYPE_CHECKING:
    from cpc_draft.readers.docx.body import BodyReader

CELL_SEPARATOR = " | "
# Side-by-side detection (see is_side_by_side)
PROSE_WORDS = 40
SINGLE_ROW_PROSE_WORDS = 100
MAX_GRID_SPAN = 63  # Word's own limit on a table's columns

_Cells = list[tuple[etree._Element, Context]]
_Rows = list[tuple[etree._Element, Context, _Cells]]


def read_table(
    reader: BodyReader, table: etree._Element, context: Context, sink: Sink, depth: int
) -> None:
    """Read ``table`` into ``sink``: its rows, or its columns' content."""
    reader.check_depth(depth)
    n = reader.n
    rows = [
        (row, row_context, list(unwrap(row, row_context, n.tc, n)))
        for row, row_context in unwrap(table, context, n.tr, n)
    ]
    if is_side_by_side(rows, n) or resumes_layout(sink, table, n):
        read_layout(reader, table, [cells for _, _, cells in rows], sink, depth)
        return
    sink = table_sink(sink, context)
    number = reader.tables
    reader.tables += 1
    for row_index, (row, row_context, cells) in enumerate(rows):
        aligned = context.row if context.row is not None else row_index
        _read_row(reader, row, cells, row_context, sink, depth, table=number, row_number=aligned)


def _read_row(
    reader: BodyReader,
    row: etree._Element,
    cells: _Cells,
    where: Context,
    sink: Sink,
    depth: int,
    *,
    table: int,
    row_number: int,
) -> None:
    """One row of a data table as a block; the tables and text boxes in its cells after it."""
    n = reader.n
    later = Sink()
    texts, changes, clause = [], [], where.clause
    pages, breaks = RowPages(reader.pages), []
    properties = child(row, n.trpr)
    texts += [""] * _grid_count(properties, n.w("gridBefore"), n, absent=0)
    for cell, cell_context in cells:
        pages.next_cell()
        cell_sink = Sink(later=later)
        reader.container(cell, cell_context, cell_sink, depth + 1)
        texts.append(cell_sink.text())
        if len(cells) > 1:
            # a cell merged across columns keeps the cells after it under their headers,
            # as in the text and PDF forms of the table (a row of one cell across the
            # table, a title or a total, stays one cell)
            spanned = _grid_count(child(cell, n.w("tcPr")), n.w("gridSpan"), n, absent=1)
            texts += [""] * (spanned - 1)
        for block in cell_sink.blocks:
            changes += block.changes
            clause = clause or block.context.clause
            breaks.append(block.breaks)
        changes += cell_sink.orphans
    pages.close()
    deleted = properties is not None and child(properties, n.delete) is not None
    if any(texts) and not deleted:
        sink.add(
            Block(
                TABLE_ROW,
                CELL_SEPARATOR.join(texts),
                replace(where, clause=clause),
                cells=tuple(texts),
                table=table,
                row=row_number,
                changes=changes,
                breaks=min(breaks, default=pages.begin),
            )
        )
    else:
        sink.orphan(changes)
    sink.extend(later)


def _grid_count(properties: etree._Element | None, tag: str, n: Names, *, absent: int) -> int:
    """The number a row's gridBefore or a cell's gridSpan gives, ``absent`` without one."""
    setting = child(properties, tag) if properties is not None else None
    value = setting.get(n.val, "") if setting is not None else ""
    return min(int(value), MAX_GRID_SPAN) if value.isdigit() else absent


def unwrap(
    parent: etree._Element, context: Context, wanted: str, n: Names
) -> Iterator[tuple[etree._Element, Context]]:
    """Children ``wanted`` (rows of a table, cells of a row) through the content controls
    and custom XML that may wrap them, with the clause those controls carry."""
    stack = [(item, context) for item in reversed(parent)]
    while stack:
        element, where = stack.pop()
        tag = element.tag
        if tag == wanted:
            yield element, where
        elif tag == n.sdt:
            content = child(element, n.sdt_content)
            if content is not None:
                inner = where.within(sdt_tag(element, n))
                stack += [(item, inner) for item in reversed(content)]
        elif tag == n.custom_xml:
            stack += [(item, where) for item in reversed(element)]


def is_side_by_side(rows: _Rows, n: Names) -> bool:
    """Whether a table is a side-by-side layout (a column per language) rather than data.

    Ours: a cell holds a content control tagged ``cpc:…``. Anyone's: at least two columns,
    and in every column most non-empty cells hold prose (``PROSE_WORDS`` words or more),
    which rules out figures, indicators and signature blocks (a signatory's cell has
    ~20 words). A single-row table counts only if its cells are long
    (``SINGLE_ROW_PROSE_WORDS``), so two signatures side by side stay a table row.
    """
    width = max((len(cells) for _, _, cells in rows), default=0)
    if width < 2:
        return False
    for _, _, cells in rows:
        for cell, _ in cells:
            for sdt in cell.iterchildren(n.sdt):
                if sdt_tag(sdt, n).startswith(CLAUSE_TAG_PREFIX):
                    return True
    threshold = PROSE_WORDS if len(rows) >= 2 else SINGLE_ROW_PROSE_WORDS
    filled = [0] * width
    prose = [0] * width
    for _, _, cells in rows:
        for column, (cell, _) in enumerate(cells):
            words = _words(cell, n, threshold)
            if words:
                filled[column] += 1
                prose[column] += words >= threshold
    used = [column for column in range(width) if filled[column]]
    return len(used) >= 2 and all(2 * prose[column] > filled[column] for column in used)


def _words(cell: etree._Element, n: Names, enough: int) -> int:
    """Words in a cell's text, counting no further than ``enough``."""
    words = 0
    for paragraph in cell.iter(n.p):
        words += len("".join(paragraph.itertext(n.t)).split())
        if words >= enough:
            break
    return words
