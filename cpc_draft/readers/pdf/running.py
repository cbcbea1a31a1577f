"""Running headers and footers, and page numbers: found across pages, left out of the text.

The outermost two rows of the top and bottom 12 % of each page are cut into segments at
wide gaps. A segment is dropped when it is a page number ("3", "- 3 -", "Page 3 of 10",
"Página 3 de 10"), when the same text recurs on at least 40 % of the pages (at least two),
or when it recurs with only its numbers changed, one number follows the page number and
it is not bold (so "Article 3" heading page 3 stays). Only rows between the page edge and
the body count: a repeated line under the first line of the body is body text.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cpc_draft.readers.pdf.geometry import PageInput, Word, word_rows

BAND = 0.12  # share of the page height searched for headers and footers
TRACKING_TIMES = 3  # how often a line numbered as the pages are must recur, at least
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
        rows = word_rows(chosen)
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
    # a line whose number follows the page's may recur less often: a book's running heads
    # alternate between the left pages and the right ("24 FREE CULTURE", "PIRACY 25"),
    # and the right one changes with each chapter
    tracking_threshold = min(threshold, TRACKING_TIMES)
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
                masked[(segment.band, mask)] >= tracking_threshold
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
    """Masked texts in which one number follows the page number: it is the page number
    plus a constant on 80 % of them, or it advances by as many as the pages between one
    and the next on 80 % of those steps (a book's numbering shifts where unnumbered pages
    were put in: a chapter's title page, a plate)."""
    offsets: dict[tuple[str, str], Counter] = {}
    seen: dict[tuple[str, str], list[tuple[int, list[int]]]] = {}
    totals: Counter = Counter()
    for segment in segments:
        key = " ".join(segment.text.lower().split())
        mask = (segment.band, _DIGITS.sub("#", key))
        numbers = [int(number) for number in _DIGITS.findall(key)[:4] if len(number) < 6]
        if not numbers:
            continue
        totals[mask] += 1
        seen.setdefault(mask, []).append((segment.page, numbers))
        counter = offsets.setdefault(mask, Counter())
        for position, number in enumerate(numbers):
            counter[(position, number - segment.page)] += 1
    return {
        mask
        for mask, counter in offsets.items()
        if totals[mask] >= 2
        and (counter.most_common(1)[0][1] >= 0.8 * totals[mask] or _advancing(seen[mask]))
    }


def _advancing(seen: list[tuple[int, list[int]]]) -> bool:
    """Does one of the numbers advance with the pages, from each occurrence to the next,
    on 80 % of the steps?"""
    seen = sorted(seen, key=lambda item: item[0])
    steps = list(itertools.pairwise(seen))
    for position in range(4):
        agree = sum(
            1
            for (page, numbers), (next_page, next_numbers) in steps
            if next_page > page
            and len(numbers) > position < len(next_numbers)
            and next_numbers[position] - numbers[position] == next_page - page
        )
        if agree >= 0.8 * len(steps):
            return True
    return False
