"""Ruled tables: PDFium's drawn edges -> pdfplumber's TableFinder -> cells filled with words.

pdfplumber's ``TableFinder`` ("lines" strategy) is handed the edges :mod:`.drawing` took
from PDFium's path objects, so tables are found as pdfplumber finds them, without
pdfminer parsing the page.
"""

from __future__ import annotations

import re

from cpc_draft.readers.pdf.geometry import Line, TableGrid, TableItem, Word, word_rows
from cpc_draft.readers.pdf.hyphenation import Vocabulary, join_lines


def prepare_table_finder() -> None:
    """Import pdfplumber's table finder here, so that the reader children forked from
    this process from now on inherit it instead of each importing it (about 0.13 s a
    PDF): `check` does this while spaCy loads when more PDFs are to come."""
    from pdfplumber.table import TableFinder  # noqa: F401


class _EdgesPage:
    """What pdfplumber's TableFinder reads from a page for the "lines" strategy."""

    def __init__(self, edges: list[dict], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0, 0, width, height)


def find_grids(edges: list[dict], width: float, height: float) -> list[TableGrid]:
    """The tables pdfplumber finds ruled by ``edges`` on a page of that size."""
    from pdfplumber.table import TableFinder  # imported only for pages with ruled lines

    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    finder = TableFinder(_EdgesPage(edges, width, height), settings)
    grids = []
    for table in finder.tables:
        x0, top, x1, bottom = table.bbox
        if bottom <= 0 or top >= height or x1 <= 0 or x0 >= width:
            continue  # outside the page as shown: a printer's crop marks beyond its trim
        rows = [list(row.cells) for row in table.rows]
        grids.append(TableGrid((x0, top, x1, bottom), rows))
    return grids


def is_layout_grid(grid: TableGrid, words: list[Word]) -> bool:
    """A ruled two-column grid of long texts is a side-by-side layout, not a data table."""
    if not grid.rows or max(len(row) for row in grid.rows) != 2:
        return False
    x0, top, x1, bottom = grid.bbox
    inside = [
        w
        for w in words
        if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom
    ]
    cells = sum(1 for row in grid.rows for box in row if box)
    return len(inside) >= 25 * max(cells, 1)


def center_in(word: Word, box: tuple[float, float, float, float], pad: float = 0.0) -> bool:
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return box[0] - pad <= x <= box[2] + pad and box[1] - pad <= y <= box[3] + pad


def fill_tables(grids: list[TableGrid], words: list[Word]) -> tuple[list[TableItem], set[int]]:
    """Tables with their cells' words, and the ids of the words they took."""
    taken: set[int] = set()
    tables = []
    for grid in grids:
        inside = [w for w in words if id(w) not in taken and center_in(w, grid.bbox, 1.0)]
        cells: list[list[list[Word]]] = [[[] for _ in row] for row in grid.rows]
        boxes = [(r, c, box) for r, row in enumerate(grid.rows) for c, box in enumerate(row) if box]
        if not boxes:
            continue
        for word in inside:
            taken.add(id(word))
            target = next((rc for rc in boxes if center_in(word, rc[2])), None)
            if target is None:  # between cells: the nearest cell takes it
                x = (word.x0 + word.x1) / 2
                y = (word.top + word.bottom) / 2
                target = min(
                    boxes,
                    key=lambda rc: (
                        max(rc[2][0] - x, 0, x - rc[2][2]) + max(rc[2][1] - y, 0, y - rc[2][3])
                    ),
                )
            cells[target[0]][target[1]].append(word)
        tables.append(TableItem(grid.bbox, cells, grid.rows))
    return tables, taken


def cell_text(words: list[Word], box, vocabulary: Vocabulary) -> str:
    """A cell's lines as one text.

    A narrow cell may break a word that does not fit without a hyphen ("Targe" / "t
    year 1"): a line that is one word running to the cell's edge is joined to the next
    line's lowercase start without a space, unless the document says otherwise (see
    :func:`broken_word`).
    """
    lines = [Line.of(row) for row in word_rows(words)]
    texts: list[str] = []
    width = 0.0
    if box and words:  # the inner width: the cell less its padding, taken as even
        padding = max(0.0, min(word.x0 for word in words) - box[0])
        width = box[2] - box[0] - 2 * padding
    for index, line in enumerate(lines):
        text = line.text
        if index and texts:
            previous = lines[index - 1]
            single = len(previous.words) == 1
            word = previous.words[-1].text
            if single and _fills(previous, word, width) and broken_word(word, text, vocabulary):
                texts[-1] = texts[-1] + text
                continue
        texts.append(text)
    return join_lines(texts, vocabulary)


_APOSTROPHES = ("’", "'")
# A cell breaks a word only where not one more of its letters fits: the room left at the
# line's end is less than a letter (two, for the padding the cell's box only estimates).
_ROOM_LEFT_LETTERS = 2.0


def _fills(line: Line, word: str, width: float) -> bool:
    """Whether ``line`` (one word) runs to the cell's edge, as a word the cell broke does;
    a word that merely wrapped leaves room for a letter or more of the next."""
    used = line.x1 - line.x0
    letter = used / max(1, len(word))
    return bool(width) and width - used < _ROOM_LEFT_LETTERS * letter


def broken_word(word: str, following: str, vocabulary: Vocabulary) -> bool:
    """Whether ``word``, alone on a full cell line (or ending a cell a page break cut), is
    the first part of a word the line
    after finishes: yes where the document knows the joined word ("commun" + "ity"); no
    where it knows ``word`` itself or the next line starts with a word of its own
    ("referred" / "to care", "Pourcentage" / "d’enfants"); yes otherwise ("Targe" / "t
    year 1")."""
    if not word.isalpha() or not following[:1].islower():
        return False
    rest = re.match(r"[^\W\d_]+", following).group(0)  # the letters before any stop
    if following[len(rest) : len(rest) + 1] in _APOSTROPHES:
        return False  # "d’enfants", "l’unité": an elided word starts the line
    if vocabulary.knows_form(word + rest):
        return True
    if vocabulary.knows_form(word):
        return False
    return not (len(rest) >= 2 and rest.isalpha() and vocabulary.knows_form(rest))
