"""Tables a plain-text draft aligns with spaces, rewritten as pipe tables.

A retyped draft often sets a table as columns of text under a header, with a rule of
dashes that marks each column's width::

    Year    United States (US$)   Valdoria (VDM)
    -----   -------------------   --------------
    2026                900,000        1,200,000

The rule says where the columns are; each line is cut at runs of two or more spaces and
each piece goes to the column it overlaps most, so a right-aligned figure and an empty
cell land where they belong. The table ends at the first blank line. The text reader then
reads the rewritten lines as it reads any pipe table.

Tables whose cells are separated rather than aligned are rewritten too: Word's "plain
text" export writes each table row as one line of tab-separated cells, and many people
type a table as ``Year | United States | Norland`` without the outer pipes. A run of two
or more such lines with the same number of cells is a table; a lone line with a tab or a
pipe stays a sentence.
"""

from __future__ import annotations

import re

from cpc_draft.text.pipe_tables import separated_cells, separated_runs

_RULE = re.compile(r"^\s*-{2,}(?:\s+-{2,})+\s*$")  # two columns at least
_DASHES = re.compile(r"-+")
_PIECE = re.compile(r"\S+(?: \S+)*")  # words separated by single spaces


def pipe_aligned_tables(text: str) -> str:
    """``text`` with each space-aligned table under a dashed rule, and each run of
    tab- or pipe-separated rows, written as a pipe table."""
    text = _separated_tables(text)
    if "--" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i].strip() and _RULE.match(lines[i + 1].expandtabs()):
            columns = [m.span() for m in _DASHES.finditer(lines[i + 1].expandtabs())]
            out += [_piped(lines[i], columns), "| --- |"]  # a rule, so line numbers hold
            i += 2
            while i < len(lines) and lines[i].strip():
                out.append(_piped(lines[i], columns))
                i += 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _piped(line: str, columns: list[tuple[int, int]]) -> str:
    cells: list[list[str]] = [[] for _ in columns]
    for piece in _PIECE.finditer(line.expandtabs()):
        cells[_column(piece.span(), columns)].append(piece.group())
    return "| " + " | ".join(" ".join(cell) for cell in cells) + " |"


def _column(span: tuple[int, int], columns: list[tuple[int, int]]) -> int:
    """The column a piece overlaps most, or the nearest one."""
    start, end = span

    def overlap(column: tuple[int, int]) -> int:
        return min(end, column[1]) - max(start, column[0])

    return max(range(len(columns)), key=lambda i: overlap(columns[i]))


def _separated_tables(text: str) -> str:
    """Runs of tab- or pipe-separated rows written with outer pipes, as the text reader
    reads every table."""
    if "\t" not in text and "|" not in text:
        return text
    lines = text.split("\n")
    for position, length in separated_runs(lines).items():
        for at in range(position, position + length):
            lines[at] = "| " + " | ".join(separated_cells(lines[at]) or ()) + " |"
    return "\n".join(lines)
