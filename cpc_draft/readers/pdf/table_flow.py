"""Where a table goes on after a break: the next page, or the next text column.

A table too long for its place is continued where the text flows next, its header row
repeated or not, and a row may be cut in two by the break. A reader who turns the page
reads one table; so must the reader of a PDF, or the rows after the break lose their
header (the years of a financial plan, the targets of an indicator):

- on the next page, in the same column (one column, or each language's own column of a
  side-by-side draft), a table with the same columns at the same place continues it;
- on the same page, a table at the head of the next text column continues one that
  ended the column before, when it starts higher up than that one did (side by side,
  two language versions of a table start at the same height);
- on the next page, a table at the head of the first column continues one that ended
  the previous page in its last column (a text in two columns that flows on).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from cpc_draft.readers.pdf.geometry import Entry, TableItem

HEADER_ROWS = 3  # a repeated header is at most this many rows (a merged header has two)
SAME_PLACE = 3.0  # points: the same table edges on two pages
# A continuation at the head of the next column starts at least this much higher than
# the table it continues did (side-by-side versions start level).
HIGHER_UP = 24.0


class _Row(Protocol):
    cells: list[str]


@dataclass
class OpenTable:
    """A table that may go on after the next break."""

    number: int
    x0: float
    x1: float
    top: float
    columns: int
    header: list[str]
    rows: list


# column -> (page, what was last read in that column); (page, column, item) of the last
# entry of the previous page
Carried = dict[int | None, tuple[int, object]]
PageEnd = tuple[int, int | None, object] | None


def continued_table(
    carried: Carried, page_end: PageEnd, page: int, entry: Entry, columns: int
) -> OpenTable | None:
    """The open table that ``entry``, the first table of its column on ``page``, goes on
    with, or None where it is a table of its own."""
    item = entry.item
    assert isinstance(item, TableItem)

    def fits(table: object) -> bool:
        return (
            isinstance(table, OpenTable)
            and table.columns == columns
            and abs((table.x1 - table.x0) - (item.x1 - item.x0)) < SAME_PLACE
        )

    same_column = carried.get(entry.column)
    if same_column and same_column[0] == page - 1 and fits(same_column[1]):
        table = same_column[1]
        assert isinstance(table, OpenTable)
        if abs(table.x0 - item.x0) < SAME_PLACE:
            return table
    if entry.column is None:
        return None
    before = carried.get(entry.column - 1)
    if before and before[0] == page and fits(before[1]):
        table = before[1]
        assert isinstance(table, OpenTable)
        if table.x1 <= item.x0 + SAME_PLACE and item.top < table.top - HIGHER_UP:
            return table
    if page_end and page_end[0] == page - 1 and page_end[1] != entry.column:
        table = page_end[2]
        if fits(table) and entry.column == 0:
            return table  # type: ignore[return-value]
    return None


def without_repeated_header(table: OpenTable, rows: list[list[str]]) -> list[list[str]]:
    """The rows of a continuation without the header rows the break repeated: all of
    them, or (Word repeats what fits) the last of a two-row header only."""
    heads = [table.header, *(row.cells for row in table.rows[:HEADER_ROWS])]
    while rows and rows[0] in heads:
        rows = rows[1:]
    return rows


def is_split_row(last: list[str], row: list[str], rows: list[_Row]) -> bool:
    """A row the break cut in two: its text continues the previous row's cells.

    Some cells of the row are empty where the previous row's are not, and the others go
    on with a lowercase word; or the table so far is its header alone, which no break
    leaves whole with a row of its own under it that lacks a first cell.
    """
    if len(last) != len(row):
        return False
    filled = [i for i, cell in enumerate(row) if cell.strip()]
    if not filled or len(filled) == len(row):
        return False
    if not any(last[i].strip() for i in range(len(row)) if i not in filled):
        return False
    if len(rows) == 1 and not row[0].strip() and last[0].strip():
        return True
    return all(last[i].strip() and row[i].strip()[0].islower() for i in filled)
