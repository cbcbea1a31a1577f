"""A side-by-side layout that spans several tables, with data tables set between them.

A side-by-side draft is a layout table with a column per language (see
:func:`.tables.is_side_by_side`). Word repeats no header row of a table nested in a cell,
so a draft may end the layout table before a clause's data table, set each language's
table full width, and resume the layout after it (ours do). Read as written, those tables
would belong to no column, and the clause would be cut into rows that are not
translations of each other. So the last row of a layout table stays open
(:attr:`.blocks.Sink.open_row`) while what follows may still belong to it:

- a data table read next at the same level (blank paragraphs between) belongs to the
  row, unless a content control tags it with a clause the row does not hold; of the
  tables between two pieces of the layout, the k-th goes to column k when there are as
  many tables as columns (one per language), otherwise to no column;
- the next layout table (one by its looks, or any with the layout's column widths: the
  text between two data tables may be too short to pass for prose) continues the row
  with its first row when their cells carry the same clauses (content controls tagged
  ``cpc:…``), or, without any, when tables were set in between and its first column
  does not begin with a heading;
- anything else read (text, a table of another clause) closes the row.

A closed row's blocks are set down column by column, as if its tables had been nested in
its cells: each block gets the row's number (counted across the layout tables) and its
column, and the data tables in it are numbered in that order.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lxml import etree

from cpc_draft.model import HEADING
from cpc_draft.readers.docx.blocks import Block, Context, Sink
from cpc_draft.readers.docx.pages import RowPages
from cpc_draft.readers.docx.wordml import Names, child

if TYPE_CHECKING:
    from cpc_draft.readers.docx.body import BodyReader

_Cells = list[tuple[etree._Element, Context]]


class LayoutRow:
    """One row of a side-by-side layout: a sink per column, and the data tables read
    since its last piece of layout."""

    def __init__(self, number: int, grid: tuple[str, ...], later: Sink | None) -> None:
        self.number = number
        self.grid = grid  # the widths of the layout's columns
        columns = max(len(grid), 1)
        self.cells = [Sink(later=later) for _ in range(columns)]
        self.tables: list[Sink] = []  # waiting for their column
        self.loose: list[Sink] = []  # tables that fit no column
        self.had_tables = False
        self._clauses: set[str | None] | None = None  # its cells' clauses, once asked

    def takes(self, clause: str | None) -> bool:
        """Whether a data table of ``clause`` (None: untagged) belongs to this row."""
        if clause is None:
            return True
        if self._clauses is None:  # the cells do not change while tables are attached
            self._clauses = {b.context.clause for cell in self.cells for b in cell.blocks}
            self._clauses.discard(None)
        return not self._clauses or clause in self._clauses

    def table_sink(self) -> Sink:
        """Where the next data table of the row is read."""
        self.had_tables = True
        self.tables.append(Sink())
        return self.tables[-1]

    def continued_by(self, following: LayoutRow) -> bool:
        """Whether ``following``, the first row of the next layout table, goes on with
        this row's text."""
        pairs = [
            (_clause(mine.blocks, -1), _clause(theirs.blocks, 0))
            for mine, theirs in zip(self.cells, following.cells, strict=False)
        ]
        tagged = [(mine, theirs) for mine, theirs in pairs if mine or theirs]
        if tagged:
            return all(mine == theirs for mine, theirs in tagged)
        first = following.cells[0].blocks if following.cells else []
        return self.had_tables and not (first and first[0].kind == HEADING)

    def merge(self, following: LayoutRow) -> None:
        """Take ``following``'s cells as the rest of this row's."""
        self._place_tables()
        while len(self.cells) < len(following.cells):
            self.cells.append(Sink())
        for mine, theirs in zip(self.cells, following.cells, strict=False):
            mine.extend(theirs)

    def close(self, sink: Sink) -> None:
        """Set the row's blocks down in ``sink``, column by column."""
        self._place_tables()
        for column, cell in enumerate(self.cells):
            for block in cell.blocks:
                block.row = self.number
                block.context = replace(block.context, row=self.number, column=column)
        parts = self.cells + self.loose
        _renumber_tables([block for part in parts for block in part.blocks])
        for part in parts:
            sink.extend(part)

    def _place_tables(self) -> None:
        """The tables read since the last piece of layout: one per column, or none."""
        self._clauses = None
        if len(self.tables) == len(self.cells):
            for cell, table in zip(self.cells, self.tables, strict=True):
                cell.extend(table)
        else:
            self.loose += self.tables
        self.tables = []


def read_layout(
    reader: BodyReader, table: etree._Element, rows: list[_Cells], sink: Sink, depth: int
) -> None:
    """Read a side-by-side layout table into ``sink``: its first row may go on with the
    row left open before it; its last row is left open."""
    widths = grid(table, reader.n)
    columns = max(len(cells) for cells in rows)
    if len(widths) != columns:
        widths = ("",) * columns
    for index, cells in enumerate(rows):
        row = LayoutRow(reader.layout_rows, widths, sink.later)
        pages = RowPages(reader.pages)
        for column, (cell, cell_context) in enumerate(cells):
            pages.next_cell()
            where = replace(cell_context, row=row.number, column=column)
            reader.container(cell, where, row.cells[column], depth + 1)
        pages.close()
        previous = sink.open_row
        if index == 0 and isinstance(previous, LayoutRow) and previous.continued_by(row):
            previous.merge(row)
            continue
        sink.close_row()
        reader.layout_rows += 1
        sink.open_row = row


def resumes_layout(sink: Sink, table: etree._Element, n: Names) -> bool:
    """Whether ``table`` resumes the layout of the row open in ``sink``: a table with the
    same column widths. Its rows may be too short to tell prose from data (the text
    between two data tables), and a file saved by another program has lost our tags."""
    row = sink.open_row
    return isinstance(row, LayoutRow) and all(row.grid) and row.grid == grid(table, n)


def grid(table: etree._Element, n: Names) -> tuple[str, ...]:
    """The widths of a table's grid columns, as written."""
    widths = child(table, n.w("tblGrid"))
    if widths is None:
        return ()
    return tuple(column.get(n.w("w"), "") for column in widths.iterchildren(n.w("gridCol")))


def table_sink(sink: Sink, context: Context) -> Sink:
    """Where a data table read in ``context`` goes: into the open layout row it belongs
    to, else ``sink`` (whose open row it then closes)."""
    row = sink.open_row
    if isinstance(row, LayoutRow) and context.row is None and row.takes(context.clause):
        return row.table_sink()
    return sink


def _clause(blocks: list[Block], index: int) -> str | None:
    return blocks[index].context.clause if blocks else None


def _renumber_tables(blocks: list[Block]) -> None:
    """The tables of ``blocks`` numbered in their order there, with the numbers they had."""
    seen: dict[int, None] = {}
    for block in blocks:
        if block.table is not None:
            seen.setdefault(block.table)
    numbers = dict(zip(seen, sorted(seen), strict=True))
    for block in blocks:
        if block.table is not None:
            block.table = numbers[block.table]
