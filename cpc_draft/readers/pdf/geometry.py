"""The page as plain data: positioned words, ruled-table grids, lines, flow entries.

PDFium's side (:mod:`.words`, :mod:`.drawing`) produces these; the layout steps
(:mod:`.running`, :mod:`.tables`, :mod:`.columns`, :mod:`.blocks`) work on them alone, in
points with the origin top-left and y growing downwards, so they can be tested without a PDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cpc_draft.readers.pdf.bidi import RTL, reading_order

ASCENT, DESCENT = 0.8, 0.25  # of the font size, about the baseline: a line's box


@dataclass(slots=True)
class Word:
    """A word on the page: text and loose box in points, top-left origin.

    ``origin`` is None for the page's running text; "rotated" (text at another angle
    than the page's: a stamp, a margin note) and "vertical" (East Asian text set in
    columns) words have their box in a frame of their own, turned upright.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    origin: str | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def baseline(self) -> float:
        return self.bottom - DESCENT * self.size


@dataclass(slots=True)
class TableGrid:
    """A ruled table found on a page: rows of cell boxes (None where a merged cell spans)."""

    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[tuple[float, float, float, float] | None]]


@dataclass(slots=True)
class PageInput:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    grids: list[TableGrid] = field(default_factory=list)
    # text read from the page's annotations, after its content: (origin, text), origin
    # "form field" or "annotation"
    annotations: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Line:
    words: list[Word]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @classmethod
    def of(cls, words: list[Word]) -> Line:
        words.sort(key=lambda word: word.x0)
        sizes: dict[float, int] = {}
        for word in words:
            sizes[word.size] = sizes.get(word.size, 0) + len(word.text)
        letters = [word for word in words if not word.text.isdigit()]
        return cls(
            words,
            words[0].x0,
            max(word.x1 for word in words),
            min(word.top for word in words),
            max(word.bottom for word in words),
            round(max(sizes, key=sizes.__getitem__), 1),
            bool(letters) and all(word.bold for word in letters),
        )

    @property
    def text(self) -> str:
        """The words in reading order: left to right, save right-to-left ones
        (:mod:`.bidi`); ``words`` stay in order across the page."""
        text = " ".join(word.text for word in self.words)
        if RTL.search(text):
            return " ".join(word.text for word in reading_order(self.words))
        return text


@dataclass(slots=True)
class TableItem:
    bbox: tuple[float, float, float, float]
    cells: list[list[list[Word]]]  # rows of cells of words
    boxes: list[list[tuple[float, float, float, float] | None]]

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


@dataclass(slots=True)
class Entry:
    """One step of a page's reading order: a line or a table, in a column region."""

    item: Line | TableItem
    column: int | None
    region: int  # leaf region number on the page
    left: float  # the region's text edges
    right: float


def word_rows(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into rows by vertical overlap, top to bottom.

    Words of one size whose baselines lie apart by more than an eighth of it belong to
    two lines however much their boxes overlap (tightly set lines), unless the row holds
    a word as large on the word's own baseline: an accent or arrow set above a formula
    must not part the formula from the text it stands in. A smaller word raised or
    lowered (a footnote mark, an index) stays in its line.
    """
    rows: list[list[Word]] = []
    top = bottom = 0.0  # the last row's extent
    anchors: dict[tuple[float, float], None] = {}  # its words' baselines and sizes
    for word in sorted(words, key=lambda w: w.top + w.bottom):
        word_top, word_bottom, word_size = word.top, word.bottom, word.size
        word_baseline = word_bottom - DESCENT * word_size
        if rows:
            overlap = min(bottom, word_bottom) - max(top, word_top)
            if overlap > 0.5 * min(bottom - top, word_bottom - word_top) and not _other_line(
                anchors, word_baseline, word_size
            ):
                rows[-1].append(word)
                top, bottom = min(top, word_top), max(bottom, word_bottom)
                anchors[(round(word_baseline, 1), round(word_size, 1))] = None
                continue
        rows.append([word])
        top, bottom = word_top, word_bottom
        anchors = {(round(word_baseline, 1), round(word_size, 1)): None}
    return rows


def _other_line(anchors: dict, baseline: float, size: float) -> bool:
    """Whether a word overlapping a row sits on a line of its own: a word of its size in
    the row lies on another baseline, and none at least as large lies on its own."""
    tolerance = 0.125 * size
    apart = False
    for row_baseline, row_size in anchors:
        if row_size >= 0.85 * size and abs(row_baseline - baseline) <= tolerance:
            return False
        if abs(row_size - size) <= 0.15 * row_size:
            apart = True
    return apart
