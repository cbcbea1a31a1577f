"""The financial plan, indicator and program tables of a draft, sized so no word breaks.

Every column is at least as wide as its longest word (a figure, with its no-break
spaces, counts as one word), measured with the body font's advance widths
(``data/font_widths.yaml``); the room left goes to the columns whose text would wrap
most. Where even the longest words cannot fit side by side, the type gets smaller, to
6 pt, before any word is cut. The header row repeats on every page and no row splits
across a page break.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.model import Block
from cpc_draft.render import wordml
from cpc_draft.render.wordml import Cell, RunStyle

CELL_MARGIN = 57  # twips of padding left and right in each cell
_SLACK = 40  # twips: rounding, and the bold of a total row
SMALLEST_SIZE = 12  # half-points: 6 pt


def data_table(
    block: Block, language: str, width: int, *, small: bool, indent: int | None = None
) -> str:
    size, widths = fit_columns(block.rows, width, 15 if small else 18)
    first_total = len(block.rows) - block.total_rows
    body = []
    for index, cells in enumerate(block.rows):
        emphasis = index == 0 or index >= first_total
        row = []
        for column, value in enumerate(cells):
            numeric = column > 0 and index > 0 and looks_numeric(value)
            run = wordml.run(value, language, RunStyle(bold=emphasis, size_half_points=size))
            content = wordml.paragraph([run], align="right" if numeric else None, space_after=0)
            row.append(Cell(content, widths[column]))
        body.append(row)
    return wordml.table(
        body,
        widths,
        grid=True,
        header_rows=1,
        unsplittable_rows=frozenset(range(len(body))),
        indent=indent,
        cell_margin=CELL_MARGIN,
    )


def fit_columns(rows, width: int, size: int) -> tuple[int, list[int]]:
    """The type size (half-points) and column widths (twips) that fit ``width``."""
    while True:
        smallest, natural = _column_needs(rows, size)
        if sum(smallest) <= width or size <= SMALLEST_SIZE:
            break
        size -= 1
    if sum(smallest) > width:  # nothing fits: shrink proportionally (a long word may break)
        widths = [need * width // sum(smallest) for need in smallest]
    else:
        widths = _share(smallest, natural, width)
    widths[0] += width - sum(widths)
    return size, widths


def _column_needs(rows, size: int) -> tuple[list[int], list[int]]:
    """Per column: the width of its longest unbreakable piece, and of its longest cell
    written on one line (both with the cell's padding)."""
    padding = 2 * CELL_MARGIN + _SLACK
    smallest, natural = [], []
    for column in range(len(rows[0])):
        values = [row[column] for row in rows]
        figures = all(looks_numeric(value) for value in values[1:])
        pieces = [values[0].split()]
        pieces += [[value] if figures else value.split() for value in values[1:]]
        longest_piece = max((text_width(p, size) for ps in pieces for p in ps), default=0)
        smallest.append(longest_piece + padding)
        natural.append(max(text_width(value, size) for value in values) + padding)
    return smallest, natural


def _share(smallest: list[int], natural: list[int], width: int) -> list[int]:
    """Start from the smallest widths; the rest goes to the columns that would wrap, in
    proportion to how much more they need to stand on one line."""
    widths = list(smallest)
    spare = width - sum(widths)
    wants = [max(0, full - least) for full, least in zip(natural, smallest, strict=True)]
    total = sum(wants)
    if total:
        for index, want in enumerate(wants):
            widths[index] += min(want, spare * want // total)
    return widths


def text_width(text: str, size: int) -> int:
    """Width of ``text`` set in the body font at ``size`` half-points, in twips."""
    widths, default = _advance_widths()
    units = 0
    for char in text:
        base = unicodedata.normalize("NFD", char)[:1] or char
        units += widths.get(char, widths.get(base, default))
    return units * size // 100  # units/1000 em x size/2 pt x 20 twips/pt


@cache
def _advance_widths() -> tuple[dict[str, int], int]:
    entry = resources.files("cpc_draft").joinpath("data/font_widths.yaml")
    data = load_data(entry.read_text("utf-8"))
    widths = {char: width for chars, width in data["widths"].items() for char in chars}
    return widths, data["default"]


def looks_numeric(value: str) -> bool:
    return any(char.isdigit() for char in value) and sum(char.isalpha() for char in value) <= 3
