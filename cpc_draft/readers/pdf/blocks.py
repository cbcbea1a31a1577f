"""Lines and tables in reading order -> the document's blocks, each of one kind.

**Paragraphs** (:class:`BlockBuilder`): lines of one column region are joined into a
paragraph until a wider gap than the usual leading, a change of size or weight, a list
label after a finished line, or a line that ended short (the next line's first word would
have fitted on it). A paragraph continues across a page break in the same column; so does
a table with the same columns, its header row not repeated.

**Kinds** (:func:`classify`): "Article 3", "Artículo 3", "ARTICLE III"…, and short lines
that are bold, larger than the body text or in capitals are headings; "1.", "(a)", "a)",
"•"… start list items; table rows are table_row blocks with their cells.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from cpc_draft.model import TextBlock
from cpc_draft.readers.pdf.geometry import Entry, Line, TableItem
from cpc_draft.readers.pdf.hyphenation import Vocabulary, join_lines
from cpc_draft.readers.pdf.table_flow import (
    OpenTable,
    PageEnd,
    continued_table,
    is_split_row,
    without_repeated_header,
)
from cpc_draft.readers.pdf.tables import broken_word, cell_text

HEADING, PARAGRAPH, ITEM, TABLE_ROW = "heading", "paragraph", "item", "table_row"

_ARTICLE = re.compile(
    r"^(?:article|artículo|articulo|art\.|section|sección|seccion|chapter|capítulo|capitulo"
    r"|chapitre|annex|anexo|annexe|part|parte|partie|título|titulo|titre|schedule|appendix"
    r"|apéndice|appendice)\s+(?:\d{1,3}[a-z]?|[ivxlcdm]{1,7}|premier|première|primero|1er|1re)"
    r"\b(?:[.:\-–—]\s*|\s+|$)",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:\(\s*(?:[a-z]{1,2}|[ivxlcdm]{1,6}|\d{1,3})\s*\)|(?:[a-z]|[ivxlcdm]{1,6}|\d{1,3})\)"
    r"|\d{1,3}(?:\.\d{1,3})*\.|\d{1,2}(?:\.\d{1,3})+|[a-z]\."
    r"|[•●▪◦‣∙·○■□➢►✓*–—-]|[\ue000-\uf8ff])(?=\s)",
    re.IGNORECASE,
)
# Word draws a list's bullet in the Symbol or Wingdings font, whose codes PDFs map to the
# private use area (Symbol's bullet is U+F0B7): one such character opening a line, before
# a space, is a bullet.
_SYMBOL_BULLET = re.compile(r"^[\ue000-\uf8ff](?=\s)")
_SPACES = re.compile(r"[ \t\r\n]+")
_CLAUSE_END = re.compile(r"[.;:!?]\W*$")
_WORD_BROKEN = re.compile(r"[^\W\d_]{2}-$")
_SENTENCE_END = re.compile(r"[.;:!?][\"'”’»)\]]*$")
_CONJUNCTION_END = re.compile(r"(?:[;:.!?]|\b(?:and|or|y|o|e|u|et|ou))\s*$", re.IGNORECASE)


def starts_with_label(text: str) -> bool:
    return bool(_LABEL.match(text))


@dataclass
class _Block:
    kind: str
    page: int
    column: int | None
    lines: list[Line] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    table: int | None = None
    row: int | None = None
    closed: bool = False  # ended short: cannot continue on the next page
    origin: str | None = None  # rotated, vertical, form field, annotation: see TextBlock
    text: str = ""  # of a block with an origin, its whole text


class BlockBuilder:
    """Turns each page's entries into blocks; paragraphs may continue onto the next page."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.tables = 0
        self.vocabulary = Vocabulary()
        self.leading: Counter = Counter()
        self._last: dict[int | None, tuple[int, _Block | OpenTable]] = {}
        self._page_end: PageEnd = None  # the previous page's last entry

    # pass 1: statistics over all pages
    def observe(self, entries: list[Entry]) -> None:
        lines = [entry for entry in entries if isinstance(entry.item, Line)]
        self.vocabulary.add_lines([entry.item.text for entry in lines])
        for first, second in itertools.pairwise(lines):
            if first.region == second.region and abs(first.item.size - second.item.size) < 0.6:
                gap = second.item.top - first.item.bottom
                if -first.item.size < gap < 1.5 * first.item.size:
                    self.leading[(round(first.item.size), round(gap * 2) / 2)] += 1

    def _usual_gap(self, size: float) -> float:
        candidates = [(count, gap) for (s, gap), count in self.leading.items() if s == round(size)]
        return max(candidates)[1] if candidates else 0.15 * size

    # pass 2
    def add_page(self, number: int, entries: list[Entry]) -> None:
        firsts: dict[int | None, bool] = {}
        previous: Entry | None = None
        current: dict[int | None, _Block | None] = {}
        for entry in entries:
            column = entry.column
            first_in_column = column not in firsts
            firsts[column] = True
            if isinstance(entry.item, TableItem):
                rows = [
                    [
                        cell_text(words, box, self.vocabulary)
                        for words, box in zip(row, boxes, strict=True)
                    ]
                    for row, boxes in zip(entry.item.cells, entry.item.boxes, strict=True)
                ]
                self._add_table(number, entry, rows, first_in_column)
                current[column] = None
                previous = entry
                continue
            line = entry.item
            block = current.get(column)
            if block is None and first_in_column:
                carried = self._last.get(column)
                if (
                    carried
                    and carried[0] == number - 1
                    and isinstance(carried[1], _Block)
                    and self._continues(carried[1], line, None, entry, cross_page=True)
                ):
                    block = carried[1]
            elif block is not None and not (
                previous is not None
                and previous.region == entry.region
                and self._continues(block, line, previous, entry, cross_page=False)
            ):
                block = None
            if block is None:
                block = _Block(PARAGRAPH, number, column)
                self.blocks.append(block)
            block.lines.append(line)
            current[column] = block
            self._last[column] = (number, block)
            previous = entry
        if previous is not None and previous.column in self._last:
            self._page_end = (number, previous.column, self._last[previous.column][1])
        for column, (page, _) in list(self._last.items()):
            if page != number:
                del self._last[column]

    def add_aside(self, number: int, aside: list[tuple[str, str]]) -> None:
        """Blocks of text from outside the page's running text, after its content."""
        for origin, text in aside:
            self.blocks.append(_Block(PARAGRAPH, number, None, origin=origin, text=text))

    def _continues(
        self, block: _Block, line: Line, previous: Entry | None, entry: Entry, cross_page: bool
    ) -> bool:
        last = block.lines[-1]
        if cross_page and (
            block.closed or (_SENTENCE_END.search(last.text) and not line.text[:1].islower())
        ):
            return False  # a finished sentence at the foot of a page ends its paragraph
        if (
            not cross_page
            and line.text[:1].islower()
            and not starts_with_label(line.text)
            and not _CLAUSE_END.search(last.text)
            and abs(last.size - line.size) <= 0.25 * last.size
            and last.bold == line.bold
            and -last.size < line.top - last.bottom < 1.5 * last.size
        ):
            # "… de mise en" / "concurrence ;": a sentence goes on, whatever room the line
            # left and however a scan's word heights vary
            return True
        if abs(last.size - line.size) > max(0.6, 0.1 * last.size) or last.bold != line.bold:
            return False
        if (
            _WORD_BROKEN.search(last.text)
            and line.text[:1].islower()
            and (cross_page or -last.size < line.top - last.bottom < 1.5 * last.size)
        ):
            return True  # a word broken at the line's end goes on
        if not cross_page:
            gap = line.top - last.bottom
            if gap > self._usual_gap(last.size) + max(2.0, 0.35 * last.size) or gap < -last.size:
                block.closed = True
                return False
        right = entry.right if previous is None else max(previous.right, entry.right)
        room = right - last.x1
        if room > _first_unit_width(line) + 0.6 * max(line.size, 1):
            block.closed = True
            return False
        if starts_with_label(line.text) and (
            _CONJUNCTION_END.search(last.text) or line.x0 < last.x0 - 2
        ):
            return False
        return not (_ARTICLE.match(line.text) and len(line.words) <= 12)

    def _add_table(self, number: int, entry: Entry, rows: list[list[str]], first: bool) -> None:
        item = entry.item
        assert isinstance(item, TableItem)
        rows = [row for row in rows if any(cell.strip() for cell in row)]
        if not rows:
            return
        columns = max(len(row) for row in rows)
        table = None
        if first:
            table = continued_table(self._last, self._page_end, number, entry, columns)
        if table is not None:
            table.x0, table.x1, table.top = item.x0, item.x1, item.top
            rows = without_repeated_header(table, rows)
            if rows and table.rows and is_split_row(table.rows[-1].cells, rows[0], table.rows):
                last = table.rows[-1]
                last.cells = [
                    self._join_cut_cell(a, b) for a, b in zip(last.cells, rows[0], strict=True)
                ]
                rows = rows[1:]
                if len(table.rows) == 1:
                    table.header = last.cells
        if table is None:
            self.tables += 1
            table = OpenTable(self.tables, item.x0, item.x1, item.top, columns, rows[0], [])
        for cells in rows:
            block = _Block(
                TABLE_ROW,
                number,
                entry.column,
                cells=list(cells),
                table=table.number,
                row=len(table.rows),
            )
            table.rows.append(block)
            self.blocks.append(block)
        self._last[entry.column] = (number, table)

    def _join_cut_cell(self, before: str, after: str) -> str:
        """A cell a page or column break cut in two: "Baselin" + "e" is one word."""
        if not after:
            return before
        if not before:
            return after
        word = before.split()[-1]
        if broken_word(word, after, self.vocabulary):
            return before + after
        return join_lines([before, after], self.vocabulary)

    def finish(self, body_size: float) -> list[TextBlock]:
        out: list[TextBlock] = []
        for block in self.blocks:
            if block.origin:
                text = _SPACES.sub(" ", block.text).strip()
                if text:
                    out.append(
                        TextBlock(len(out), PARAGRAPH, text, block.page, origin=block.origin)
                    )
                continue
            if block.kind == TABLE_ROW:
                cells = tuple(_SPACES.sub(" ", cell).strip() for cell in block.cells)
                text = " | ".join(cells)
                kind = TABLE_ROW
            else:
                text = join_lines([line.text for line in block.lines], self.vocabulary)
                text = _SYMBOL_BULLET.sub("•", _SPACES.sub(" ", text).strip())
                if not text:
                    continue
                cells = ()
                kind = classify(block.lines, text, body_size)
            out.append(
                TextBlock(
                    index=len(out),
                    kind=kind,
                    text=text,
                    page=block.page,
                    cells=cells,
                    table=block.table,
                    row=block.row,
                    column=block.column,
                )
            )
        return out


def _first_unit_width(line: Line) -> float:
    """Width of what could not be split from the line's first word ("concernés ;")."""
    words = line.words
    end = 0
    while end + 1 < len(words) and _PUNCTUATION_ONLY.match(words[end + 1].text):
        end += 1
    return words[end].x1 - words[0].x0


_PUNCTUATION_ONLY = re.compile(r"^[;:!?»›%)\]]+[.,]?$")


def classify(lines: list[Line], text: str, body_size: float) -> str:
    words = text.split()
    if _ARTICLE.match(text) and len(words) <= 12 and not text.endswith((",", ";")):
        return HEADING
    ending = text.endswith((",", ";"))
    larger = all(line.size >= 1.15 * body_size for line in lines)
    bold = all(line.bold for line in lines)
    letters = [char for char in text if char.isalpha()]
    capitals = len(letters) >= 4 and all(char.isupper() for char in letters)
    if not ending and (
        (larger and len(words) <= 40 and len(lines) <= 6)
        or (bold and len(words) <= 30 and len(lines) <= 3)
        or (capitals and len(words) <= 12 and len(lines) <= 2 and not starts_with_label(text))
    ):
        return HEADING
    if starts_with_label(text):
        return ITEM
    return PARAGRAPH


def body_size(entries_sizes: Counter) -> float:
    return entries_sizes.most_common(1)[0][0] if entries_sizes else 10.0
