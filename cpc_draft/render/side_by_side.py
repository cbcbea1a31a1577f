"""How a side-by-side draft is cut into layout rows.

One row per clause, a column per language, except that the closing clause and the
signatures share one row, and a clause with data tables is cut around them: Word repeats
no header row of a table nested in another, so the tables leave the layout.
"""

from __future__ import annotations

from cpc_draft.model import TABLE, Section


def rows_of(sections) -> list[tuple[Section, ...]]:
    """Side by side, one row per clause, except that the closing clause ("Done at …") and
    the signatures share an unsplittable row: they cannot be parted by a page break."""
    rows: list[tuple[Section, ...]] = []
    for section in sections:
        if section.kind == "signatures" and rows and rows[-1][-1].kind == "closing":
            rows[-1] = (*rows[-1], section)
        else:
            rows.append((section,))
    return rows


def is_table(section: Section, language: str, index: int) -> bool:
    return section.texts[language].blocks[index].kind == TABLE


def clause_pieces(section: Section, languages) -> list[tuple[int, int]] | None:
    """A clause's blocks as (start, end) ranges: each data table on its own, the text
    between them together; None when the clause has no table, or its languages' tables
    do not stand at the same places (it then stays whole in its layout row)."""
    kinds = {
        tuple(block.kind == TABLE for block in section.texts[code].blocks) for code in languages
    }
    if len(kinds) != 1:
        return None
    tables = next(iter(kinds))
    if not any(tables) or tables[0]:  # a table first would leave the heading nowhere
        return None
    pieces, start = [], 0
    for index, table in enumerate(tables):
        if table:
            if index > start:
                pieces.append((start, index))
            pieces.append((index, index + 1))
            start = index + 1
    if start < len(tables):
        pieces.append((start, len(tables)))
    return pieces
