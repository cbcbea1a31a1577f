"""Page geometry -> blocks in reading order: the pure-Python half of the PDF reader.

:mod:`cpc_draft.readers.pdf` extracts positioned words (and ruled-table grids) with
pdfium; everything here works on plain coordinates (points, origin top-left, y down), so
it can be tested without a PDF.

The steps, per document:

1. **Running headers and footers** (:func:`find_running_lines`): the outermost two rows
   of the top and bottom 12 % of each page are cut into segments at wide gaps. A segment
   is dropped when it is a page number ("3", "- 3 -", "Page 3 of 10", "Página 3 de 10"),
   when the same text recurs on at least 40 % of the pages (at least two), or when it
   recurs with only its numbers changed, one number follows the page number and it is
   not bold (so "Article 3" heading page 3 stays). Only rows between the page edge and
   the body count: a repeated line under the first line of the body is body text.
2. **Tables**: the words inside a ruled table's cells become its cells' text, and leave
   the text flow.
3. **Reading order** (:func:`order_page`): a page whose words leave one vertical gutter
   free from top to bottom is split into columns (left first, then right, recursively);
   otherwise bands of lines that share a gutter (a two-column part of a page under a
   full-width title, signature blocks side by side) are split the same way. Blocks from
   a split carry their ``column`` (0 = leftmost): layout columns, which in a side-by-side
   bilingual draft are its languages. See :func:`_valid_gutter` for what is not a gutter.
4. **Paragraphs** (:class:`BlockBuilder`): lines of one column region are joined into a
   paragraph until a wider gap than the usual leading, a change of size or weight, a
   list label after a finished line, or a line that ended short (the next line's first
   word would have fitted on it). A paragraph continues across a page break in the same
   column.
5. **Hyphenation** (:func:`hyphen_join`): see there.
6. **Kinds**: "Article 3", "Artículo 3", "ARTICLE III"…, and short lines that are bold,
   larger than the body text or in capitals are headings; "1.", "(a)", "a)", "•"… start
   list items; table rows are table_row blocks with their cells.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cpc_draft.model import TextBlock

HEADING, PARAGRAPH, ITEM, TABLE_ROW = "heading", "paragraph", "item", "table_row"

# -- words and page input ---------------------------------------------------------------------


@dataclass(slots=True)
class Word:
    """A word on the page: text and loose box in points, top-left origin."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top


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


# -- lines, tables and flow entries -----------------------------------------------------------


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
        return " ".join(word.text for word in self.words)


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


# -- running headers and footers --------------------------------------------------------------

BAND = 0.12  # share of the page height searched for headers and footers
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|página|pagina|pág\.?|p\.|seite|folio)\s*)?[-–—(\[]?\s*"
    r"(?:\d{1,5}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|de|sur|/|von)\s*\d{1,5})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Segment:
    page: int
    band: str  # top or bottom
    row: int  # 0: the row nearest the page edge
    words: list[Word]
    text: str
    bold: bool


def is_page_number(text: str, pages: int = 10_000) -> bool:
    """ "3", "- 3 -", "iii", "Page 3 of 10"…; a bare number only up to twice the pages."""
    text = " ".join(text.split())
    if not _PAGE_NUMBER.match(text):
        return False
    return not (text.isdigit() and int(text) > 2 * pages + 10)  # "2017" is a year


def _rows(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into rows by vertical overlap, top to bottom."""
    rows: list[list[Word]] = []
    bounds: list[list[float]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        if rows:
            top, bottom = bounds[-1]
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap > 0.5 * min(bottom - top, word.height):
                rows[-1].append(word)
                bounds[-1] = [min(top, word.top), max(bottom, word.bottom)]
                continue
        rows.append([word])
        bounds.append([word.top, word.bottom])
    return rows


def _segments(row: list[Word]) -> list[list[Word]]:
    """A row cut at gaps wider than three times its text size."""
    row = sorted(row, key=lambda w: w.x0)
    parts = [[row[0]]]
    for word in row[1:]:
        if word.x0 - parts[-1][-1].x1 > 3 * max(word.size, 1):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _band_segments(page: PageInput, words: list[Word]) -> list[_Segment]:
    limit = BAND * page.height
    segments = []
    for band, chosen in (
        ("top", [w for w in words if w.bottom <= limit]),
        ("bottom", [w for w in words if w.top >= page.height - limit]),
    ):
        rows = _rows(chosen)
        outer = rows[:2] if band == "top" else rows[-2:][::-1]
        for number, row in enumerate(outer):
            for part in _segments(row):
                text = " ".join(word.text for word in part)
                bold = all(word.bold for word in part)
                segments.append(_Segment(page.number, band, number, part, text, bold))
    return segments


def find_running_lines(
    pages: Sequence[PageInput], table_words: dict[int, set[int]]
) -> tuple[dict[int, set[int]], list[str], list[str]]:
    """Words to drop per page (ids), and the distinct header and footer texts found."""
    segments: list[_Segment] = []
    for page in pages:
        skip = table_words.get(page.number, set())
        words = [word for word in page.words if id(word) not in skip]
        segments += _band_segments(page, words)
    threshold = max(2, math.ceil(0.4 * len(pages)))
    exact = Counter()
    masked = Counter()
    for segment in segments:
        key = " ".join(segment.text.lower().split())
        exact[(segment.band, key)] += 1
        masked[(segment.band, _DIGITS.sub("#", key))] += 1
    tracking = _numbers_tracking_pages(segments)
    drop: dict[int, set[int]] = {}
    headers: list[str] = []
    footers: list[str] = []
    blocked: set[tuple[int, str]] = set()  # (page, band) where the body has begun
    blocked_row: dict[tuple[int, str], int] = {}
    for segment in sorted(segments, key=lambda seg: (seg.page, seg.band, seg.row)):
        key = " ".join(segment.text.lower().split())
        mask = _DIGITS.sub("#", key)
        running = len(pages) > 1 and (
            exact[(segment.band, key)] >= threshold
            or (
                masked[(segment.band, mask)] >= threshold
                and (segment.band, mask) in tracking
                and not segment.bold
            )
        )
        place = (segment.page, segment.band)
        if place in blocked and segment.row > blocked_row[place]:
            continue  # a header sits above the body, a footer below it, never inside
        number = is_page_number(segment.text, len(pages))
        if not (running or number):
            blocked.add(place)
            blocked_row[place] = segment.row
            continue
        drop.setdefault(segment.page, set()).update(id(word) for word in segment.words)
        if running and not number:
            found = headers if segment.band == "top" else footers
            if mask not in (_DIGITS.sub("#", " ".join(text.lower().split())) for text in found):
                found.append(segment.text)
    return drop, headers, footers


def _numbers_tracking_pages(segments: list[_Segment]) -> set[tuple[str, str]]:
    """Masked texts in which one number is the page number plus a constant on 80 %."""
    offsets: dict[tuple[str, str], Counter] = {}
    totals: Counter = Counter()
    for segment in segments:
        key = " ".join(segment.text.lower().split())
        mask = (segment.band, _DIGITS.sub("#", key))
        numbers = [int(number) for number in _DIGITS.findall(key)[:4] if len(number) < 6]
        if not numbers:
            continue
        totals[mask] += 1
        counter = offsets.setdefault(mask, Counter())
        for position, number in enumerate(numbers):
            counter[(position, number - segment.page)] += 1
    return {
        mask
        for mask, counter in offsets.items()
        if totals[mask] >= 2 and counter.most_common(1)[0][1] >= 0.8 * totals[mask]
    }


# -- tables -----------------------------------------------------------------------------------


def _center_in(word: Word, box: tuple[float, float, float, float], pad: float = 0.0) -> bool:
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return box[0] - pad <= x <= box[2] + pad and box[1] - pad <= y <= box[3] + pad


def fill_tables(grids: list[TableGrid], words: list[Word]) -> tuple[list[TableItem], set[int]]:
    """Tables with their cells' words, and the ids of the words they took."""
    taken: set[int] = set()
    tables = []
    for grid in grids:
        inside = [w for w in words if id(w) not in taken and _center_in(w, grid.bbox, 1.0)]
        cells: list[list[list[Word]]] = [[[] for _ in row] for row in grid.rows]
        boxes = [(r, c, box) for r, row in enumerate(grid.rows) for c, box in enumerate(row) if box]
        if not boxes:
            continue
        for word in inside:
            taken.add(id(word))
            target = next((rc for rc in boxes if _center_in(word, rc[2])), None)
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
    year 1"): a line that is one word filling the cell, not a word of the body text, is
    joined to the next line's lowercase start without a space.
    """
    lines = [Line.of(row) for row in _rows(words)]
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
            if (
                single
                and width
                and previous.x1 - previous.x0 >= 0.75 * width
                and word.isalpha()
                and text[:1].islower()
                and word.lower() not in vocabulary
            ):
                texts[-1] = texts[-1] + text
                continue
        texts.append(text)
    return join_lines(texts, vocabulary)


# -- reading order ----------------------------------------------------------------------------


def _median(values: list[float], default: float) -> float:
    if not values:
        return default
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _slices(items: list) -> list[list]:
    """Items grouped into horizontal slices: runs whose vertical extents chain together."""
    result: list[list] = []
    bottom = -math.inf
    for item in sorted(items, key=lambda i: i.top):
        if result and item.top < bottom - 0.5:
            result[-1].append(item)
            bottom = max(bottom, item.bottom)
        else:
            result.append([item])
            bottom = item.bottom
    return result


def _free(slice_items: list, left: float, right: float) -> list[tuple[float, float]]:
    """x-intervals of [left, right] that no item of the slice covers."""
    spans = sorted((item.x0, item.x1) for item in slice_items)
    gaps, edge = [], left
    for x0, x1 in spans:
        if x0 > edge:
            gaps.append((edge, x0))
        edge = max(edge, x1)
    if right > edge:
        gaps.append((edge, right))
    return gaps


def _intersect(a: list[tuple[float, float]], b: list[tuple[float, float]]):
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi > lo:
                out.append((lo, hi))
    return out


@dataclass(slots=True)
class _Metrics:
    size: float  # median word size on the page
    height: float  # median word height


def _gutter(slices: list[list], left: float, right: float, metrics: _Metrics, minimum: float):
    """The widest gutter (x0, x1) at least ``minimum`` wide that no slice crosses, or None."""
    free = [(left, right)]
    for part in slices:
        gaps = [g for g in _free(part, left, right) if g[1] - g[0] >= minimum]
        free = [g for g in _intersect(free, gaps) if g[1] - g[0] >= minimum]
        if not free:
            return None
    return _valid_gutter(slices, free, left, right, metrics, band=False)


def _valid_gutter(slices, free, left, right, metrics, band):
    """The widest of ``free`` that really separates two columns of text, or None.

    Both sides hold 15 % of the width at least and text in two slices at least (one
    justified line with wide spaces is no gutter). A band (part of a page) must start
    with text on both sides and, like a region of few lines, keep a straight edge along
    the gutter on one side (text aligned to it), which the chance "rivers" of white in
    justified text do not.
    """
    width = right - left
    items = [item for part in slices for item in part]
    top = min(item.top for item in items)
    bottom = max(item.bottom for item in items)
    if bottom - top < 2 * metrics.height:  # two lines at least
        return None
    for gap in sorted(free, key=lambda g: g[0] - g[1]):
        if gap[0] <= left or gap[1] >= right:
            continue
        lefts = [[i for i in part if i.x1 <= gap[0] + 0.01] for part in slices]
        rights = [[i for i in part if i.x0 >= gap[1] - 0.01] for part in slices]
        left_items = [i for part in lefts for i in part]
        right_items = [i for part in rights for i in part]
        if not left_items or not right_items:
            continue
        left_width = max(i.x1 for i in left_items) - min(i.x0 for i in left_items)
        right_width = max(i.x1 for i in right_items) - min(i.x0 for i in right_items)
        if min(left_width, right_width) < 0.15 * width:
            continue
        if min(sum(1 for p in lefts if p), sum(1 for p in rights if p)) < 2:
            continue
        if band and (not lefts[0] or not rights[0]):
            continue
        inner_left = [max(i.x1 for i in p) for p in lefts if p]
        inner_right = [min(i.x0 for i in p) for p in rights if p]
        if (band or len(slices) < 6) and not (_aligned(inner_left) or _aligned(inner_right)):
            continue
        if _crossed(slices, lefts, rights, inner_left, inner_right, metrics):
            continue
        return gap
    return None


def _shared(edge: float, edges: list[float]) -> bool:
    """Does another line's edge lie within 2 points of ``edge`` (``edges`` holds it too)?"""
    return sum(1 for other in edges if abs(other - edge) <= 2) >= 2


def _crossed(slices, lefts, rights, inner_left, inner_right, metrics) -> bool:
    """Does a line run across the gutter, its word space falling on it by chance?

    Such a slice has text on both sides, a gap of a mere word space (under 1.5 em), and
    neither side's edge on a column edge that another slice shares.
    """
    for part, lefts_here, rights_here in zip(slices, lefts, rights, strict=True):
        if not lefts_here or not rights_here:
            continue
        end = max(i.x1 for i in lefts_here)
        start = min(i.x0 for i in rights_here)
        size = max((i.size for i in part if isinstance(i, Word)), default=metrics.size)
        if (
            start - end < 1.5 * size
            and not _shared(end, inner_left)
            and not _shared(start, inner_right)
        ):
            return True
    return False


def _aligned(edges: list[float]) -> bool:
    """Do the line edges next to a gutter keep a straight line there?

    At least two, and 35 % of them, lie within 2 points of one another: justified,
    left-aligned or hanging-indented text does, the "rivers" of white that justified
    text leaves by chance do not.
    """
    ordered = sorted(edges)
    best, start = 0, 0
    for end, value in enumerate(ordered):
        while value - ordered[start] > 2:
            start += 1
        best = max(best, end - start + 1)
    return best >= max(2, 0.35 * len(ordered))


def _columns(items: list, metrics: _Metrics, depth: int = 0) -> list[list]:
    """Items split at gutters that run through the whole region, left to right."""
    if not items or depth >= 4:
        return [items]
    left = min(item.x0 for item in items)
    right = max(item.x1 for item in items)
    gap = _gutter(_slices(items), left, right, metrics, max(4.0, 0.75 * metrics.size))
    if gap is None:
        return [items]
    middle = (gap[0] + gap[1]) / 2
    lefts = [item for item in items if (item.x0 + item.x1) / 2 < middle]
    rights = [item for item in items if (item.x0 + item.x1) / 2 >= middle]
    return _columns(lefts, metrics, depth + 1) + _columns(rights, metrics, depth + 1)


def _bands(items: list, metrics: _Metrics, column: int | None, out: list, depth: int = 0):
    """Append (column, items) leaves: full-width runs, and side-by-side runs split.

    A band's sides are numbered 0 and 1 when the region has no column number yet.
    """
    if not items:
        return
    left = min(item.x0 for item in items)
    right = max(item.x1 for item in items)
    slices = _slices(items)
    minimum = max(4.0, 1.2 * metrics.size)
    frees = [[g for g in _free(part, left, right) if g[1] - g[0] >= minimum] for part in slices]
    index, pending = 0, []
    while index < len(slices):
        found = None
        if depth < 4 and frees[index]:
            free, end = frees[index], index + 1
            while end < len(slices):
                narrowed = [g for g in _intersect(free, frees[end]) if g[1] - g[0] >= minimum]
                if not narrowed:
                    break
                free, end = narrowed, end + 1
            if end - index >= 2:
                gap = _valid_gutter(slices[index:end], free, left, right, metrics, band=True)
                if gap is not None:
                    found = (end, gap)
        if found is None:
            pending += slices[index]
            index += 1
            continue
        if pending:
            out.append((column, pending))
            pending = []
        end, gap = found
        middle = (gap[0] + gap[1]) / 2
        band = [item for part in slices[index:end] for item in part]
        sides = (
            [item for item in band if (item.x0 + item.x1) / 2 < middle],
            [item for item in band if (item.x0 + item.x1) / 2 >= middle],
        )
        for number, side in enumerate(sides):
            _bands(side, metrics, number if column is None else column, out, depth + 1)
        index = end
    if pending:
        out.append((column, pending))


def order_page(words: list[Word], tables: list[TableItem]) -> list[Entry]:
    """The page's lines and tables in reading order."""
    items: list = [*words, *tables]
    if not items:
        return []
    metrics = _Metrics(
        _median([w.size for w in words], 10.0), _median([w.height for w in words], 10.0)
    )
    leaves: list[tuple[int | None, list]] = []
    columns = _columns(items, metrics)
    for number, column in enumerate(columns):
        _bands(column, metrics, number if len(columns) > 1 else None, leaves)
    entries: list[Entry] = []
    for region, (column, leaf) in enumerate(leaves):
        leaf_words = [item for item in leaf if isinstance(item, Word)]
        parts: list = [Line.of(row) for row in _rows(leaf_words)]
        parts += [item for item in leaf if isinstance(item, TableItem)]
        parts.sort(key=lambda part: part.top)
        left = min(part.x0 for part in parts)
        right = max(part.x1 for part in parts)
        entries += [Entry(part, column, region, left, right) for part in parts]
    return entries


# -- hyphenation ------------------------------------------------------------------------------

_HYPHENS = "-\u00ad\u2010"
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
# Second halves that make a compound rather than a broken word ("trauma-informed").
_HEADS = (
    "based informed centered centred led related term year years level wide specific "
    "sensitive friendly making building owned run free like oriented focused up off out "
    "in on long scale time day hoc party "
    # French and Spanish compound numbers ("dix-huit", "vingt-deux")
    "un une deux trois quatre cinq six sept huit neuf dix vingt"
)
COMPOUND_HEADS = frozenset(_HEADS.split())
# First halves that keep their hyphen ("non-governmental", "multi-year").
COMPOUND_PREFIXES = frozenset(["non", "self", "well", "cross", "anti", "multi", "ex"])


class Vocabulary:
    """Words of the document, lowercased, to tell "implemen-tation" from "trauma-informed".

    ``heads`` and ``tails`` hold the halves of the hyphenated compounds seen ("trauma",
    "informed" from "trauma-informed"; "dix", "huit" from "dix-huit").
    """

    def __init__(self) -> None:
        self.words: Counter = Counter()
        self.heads: set[str] = set()
        self.tails: set[str] = set()

    def add_lines(self, texts: Sequence[str]) -> None:
        for position, text in enumerate(texts):
            tokens = text.split()
            if not tokens:
                continue
            broken_start = position > 0 and texts[position - 1].rstrip().endswith(tuple(_HYPHENS))
            if broken_start:
                tokens = tokens[1:]
            if tokens and tokens[-1].endswith(tuple(_HYPHENS)):
                tokens = tokens[:-1]
            for token in tokens:
                for match in _WORD.findall(token):
                    word = match.lower()
                    self.words[word] += 1
                    if "-" in word or "\u2010" in word:
                        parts = re.split("[-\u2010]", word)
                        self.heads.update(parts[:-1])
                        self.tails.update(parts[1:])

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


def hyphen_join(before: str, after: str, vocabulary: Vocabulary) -> bool | None:
    """How to join a line ending ``before-`` with one starting ``after``.

    True: drop the hyphen ("implemen-" + "tation" -> "implementation"); False: keep it
    ("trauma-" + "informed" -> "trauma-informed"); None: not a hyphen at all. The rule:

    - the hyphen is dropped only between lowercase letters ("Victim-centered" keeps it);
    - a form seen elsewhere in the document decides: the compound ("trauma-informed")
      keeps the hyphen, the closed word ("implementation") drops it;
    - else a known compound head ("-based", "-informed", "-year", "-huit"…) or prefix
      ("non-", "multi-"…) keeps it, and so does a half that makes other compounds in the
      document ("trauma-" of "trauma-sensitive") or two halves that are both words of the
      document (three letters or more each);
    - otherwise the hyphen was a line-end break and is dropped.
    """
    if not before or before[-1] not in _HYPHENS:
        return None
    head_match = re.search(r"([^\W\d_]+)[" + _HYPHENS + r"]$", before)
    tail_match = re.match(r"[^\W\d_]+", after)
    if not head_match or not tail_match:
        return False
    head, tail = head_match.group(1), tail_match.group(0)
    if before[-1] == "\u00ad":
        return True  # a soft hyphen is always a break
    if not (head.islower() and tail[0].islower()):
        return False
    if f"{head}-{tail}".lower() in vocabulary:
        return False
    if f"{head}{tail}".lower() in vocabulary:
        return True
    if tail.lower() in COMPOUND_HEADS or head.lower() in COMPOUND_PREFIXES:
        return False
    if head.lower() in vocabulary.heads or tail.lower() in vocabulary.tails:
        return False  # "trauma-" or "-informed" make compounds elsewhere in the document
    return not (len(head) >= 3 and len(tail) >= 3 and head in vocabulary and tail in vocabulary)


def join_lines(texts: Sequence[str], vocabulary: Vocabulary) -> str:
    """Lines of one paragraph as one string, line-end hyphens resolved."""
    result = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not result:
            result = text
            continue
        verdict = hyphen_join(result, text, vocabulary)
        if verdict is None:
            result += " " + text
        elif verdict:
            result = result[:-1] + text
        else:
            result = result[:-1] + "-" + text
    return result


# -- blocks -----------------------------------------------------------------------------------

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
    r"|[•●▪◦‣∙·○■□➢►✓*–—-])(?=\s)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\r\n]+")
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


@dataclass
class _OpenTable:
    number: int
    x0: float
    x1: float
    columns: int
    header: list[str]
    rows: list[_Block]


class BlockBuilder:
    """Turns each page's entries into blocks; paragraphs may continue onto the next page."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.tables = 0
        self.vocabulary = Vocabulary()
        self.leading: Counter = Counter()
        self._last: dict[int | None, tuple[int, _Block | _OpenTable]] = {}

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
        for column, (page, _) in list(self._last.items()):
            if page != number:
                del self._last[column]

    def _continues(
        self, block: _Block, line: Line, previous: Entry | None, entry: Entry, cross_page: bool
    ) -> bool:
        last = block.lines[-1]
        if cross_page and (
            block.closed or (_SENTENCE_END.search(last.text) and not line.text[:1].islower())
        ):
            return False  # a finished sentence at the foot of a page ends its paragraph
        if abs(last.size - line.size) > max(0.6, 0.1 * last.size) or last.bold != line.bold:
            return False
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
        carried = self._last.get(entry.column)
        table = None
        if (
            first
            and carried
            and carried[0] == number - 1
            and isinstance(carried[1], _OpenTable)
            and carried[1].columns == columns
            and abs(carried[1].x0 - item.x0) < 3
            and abs(carried[1].x1 - item.x1) < 3
        ):
            table = carried[1]
            if rows[0] == table.header:
                rows = rows[1:]
            if rows and table.rows and _is_split_row(table.rows[-1].cells, rows[0]):
                last = table.rows[-1]
                last.cells = [
                    join_lines([a, b], self.vocabulary) if b else a
                    for a, b in zip(last.cells, rows[0], strict=True)
                ]
                rows = rows[1:]
        if table is None:
            self.tables += 1
            table = _OpenTable(self.tables, item.x0, item.x1, columns, rows[0], [])
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

    def finish(self, body_size: float) -> list[TextBlock]:
        out: list[TextBlock] = []
        for block in self.blocks:
            if block.kind == TABLE_ROW:
                cells = tuple(_SPACES.sub(" ", cell).strip() for cell in block.cells)
                text = " | ".join(cells)
                kind = TABLE_ROW
            else:
                text = join_lines([line.text for line in block.lines], self.vocabulary)
                text = _SPACES.sub(" ", text).strip()
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


def _is_split_row(last: list[str], row: list[str]) -> bool:
    """A row the page break cut in two: its text continues the previous row's cells."""
    if len(last) != len(row):
        return False
    filled = [i for i, cell in enumerate(row) if cell.strip()]
    if not filled or len(filled) == len(row):
        return False
    return all(last[i].strip() and row[i].strip()[0].islower() for i in filled) and any(
        last[i].strip() for i in range(len(row)) if i not in filled
    )


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
