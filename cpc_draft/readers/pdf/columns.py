"""Reading order: a page's words and tables -> lines in columns, left to right.

A page whose words leave one vertical gutter free from top to bottom is split into
columns (left first, then right, recursively); otherwise bands of lines that share a
gutter (a two-column part of a page under a full-width title, signature blocks side by
side) are split the same way. Entries from a split carry their ``column`` (0 = leftmost):
layout columns, which in a side-by-side bilingual draft are its languages. See
:func:`_valid_gutter` for what is not a gutter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cpc_draft.readers.pdf.geometry import Entry, Line, TableItem, Word, word_rows


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


def _valid_gutter(slices, free, left, right, metrics, band, both_edges=False):
    """The widest of ``free`` that really separates two columns of text, or None.

    Both sides hold 15 % of the width at least and text in two slices at least (one
    justified line with wide spaces is no gutter). A band (part of a page) must start
    with text on both sides and, like a region of few lines, keep a straight edge along
    the gutter on one side (text aligned to it), which the chance "rivers" of white in
    justified text do not; on both sides if ``both_edges`` (a narrow gutter).
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
        if both_edges and not (_aligned(inner_left) and _aligned(inner_right)):
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
    wide = _Frees(slices, left, right, max(4.0, 1.2 * metrics.size))
    narrow = _Frees(slices, left, right, max(4.0, 0.75 * metrics.size))
    index, pending = 0, []
    while index < len(slices):
        found = None
        if depth < 4:
            found = _band_at(index, wide, metrics, 2) or _band_at(index, narrow, metrics, TALL)
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


# A gutter between 0.75 and 1.2 em wide (LaTeX's two columns 10 pt apart under a
# full-width title) parts a band of this many slices at least, with straight edges on
# both sides: white that narrow runs through a few lines of justified text by chance,
# not through a column's length between two aligned edges.
TALL = 6


@dataclass(slots=True)
class _Frees:
    """Each slice's free x-intervals at least ``minimum`` wide."""

    slices: list[list]
    left: float
    right: float
    minimum: float
    gaps: list[list[tuple[float, float]]] | None = None

    def __post_init__(self) -> None:
        self.gaps = [
            [g for g in _free(part, self.left, self.right) if g[1] - g[0] >= self.minimum]
            for part in self.slices
        ]


def _band_at(index: int, frees: _Frees, metrics: _Metrics, fewest: int):
    """(end, gutter) of the band of ``fewest`` slices or more from slice ``index`` that a
    gutter of ``frees`` runs through, or None."""
    free, end = frees.gaps[index], index + 1
    if not free:
        return None
    while end < len(frees.slices):
        narrowed = [g for g in _intersect(free, frees.gaps[end]) if g[1] - g[0] >= frees.minimum]
        if not narrowed:
            break
        free, end = narrowed, end + 1
    if end - index < fewest:
        return None
    slices = frees.slices[index:end]
    narrow = fewest >= TALL
    gap = _valid_gutter(slices, free, frees.left, frees.right, metrics, True, narrow)
    return None if gap is None else (end, gap)


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
        parts: list = [Line.of(row) for row in word_rows(leaf_words)]
        parts += [item for item in leaf if isinstance(item, TableItem)]
        parts.sort(key=lambda part: part.top)
        left = min(part.x0 for part in parts)
        right = max(part.x1 for part in parts)
        entries += [Entry(part, column, region, left, right) for part in parts]
    return entries
