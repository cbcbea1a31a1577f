"""The ruled lines of a scanned page, as the edges the PDF reader's table finder takes.

A digital PDF draws a table's rules as paths; a scan has them only as pixels. So the
page (its tilt turned back first, about its centre as :mod:`.words` turns the words) is
searched for long runs of dark pixels, along its rows for horizontal rules and along its
columns for vertical ones; runs on neighbouring rows make one rule. The rules become
pdfplumber edges in points, and the same table finder as for digital PDFs finds the
grids. The image searched is the one before the speck filter: a thin rule is only a
pixel or two thick, which a median filter removes.

Tesseract reads a table's vertical rule as a glyph ("[", "|", "l", "}") glued to the
words of the cell beside it ("[Meta", "40|No"), and garbles those words ("año 3" as
"aiio3"). So before recognition :func:`without_rules` whitens the page's long thin
strokes, across and down (a horizontal rule cut by whitened vertical ones is read as
"_" and "—"). The page is still tilted then (its tilt is measured from the words
Tesseract finds), so a stroke is followed through a band a few pixels wide: a tilt of a
degree moves a rule by a pixel every 57 pixels. Letters are never that long (a 36-point
stroke), and a stroke wider than a rule (a huge letter) is kept.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from cpc_draft.readers.pdf.drawing import table_edge

MIN_RULE = 36.0  # points: shorter runs of dark pixels are strokes of letters
DARK = 150  # grey level under which a pixel is ink
THICKNESS = 4  # pixels between the rows of one rule
REACH = 2  # pixels on each side of a tilted vertical rule followed with it
MAX_RULE_WIDTH = 3.0  # points: a wider long stroke is a huge letter, not a rule


def ruled_edges(image, tilt: float, scale: float) -> list[dict]:
    """Horizontal and vertical rules of a grey Pillow ``image`` at ``scale`` pixels a point."""
    import numpy as np

    if abs(tilt) > 1e-4:
        image = image.rotate(math.degrees(tilt), fillcolor=255)
    ink = np.asarray(image.convert("L")) < DARK
    shortest = max(int(MIN_RULE * scale), 8)
    edges = [
        table_edge(start / scale, end / scale, row / scale, row / scale, "h")
        for row, start, end in _rules(ink, shortest)
    ]
    edges += [
        table_edge(column / scale, column / scale, start / scale, end / scale, "v")
        for column, start, end in _rules(ink.T, shortest)
    ]
    return edges


def _rules(ink, shortest: int) -> list[tuple[float, int, int]]:
    """Runs of at least ``shortest`` ink pixels along the rows of ``ink``, those on
    neighbouring rows with the same ends merged: (middle row, start, end)."""
    import numpy as np

    # (start, end) // 8 -> the rule's first and last rows, start and end
    open_rules: dict[tuple[int, int], list[int]] = {}
    found: list[tuple[float, int, int]] = []
    candidates = np.flatnonzero(ink.sum(axis=1) >= shortest)
    for row in candidates:
        line = np.concatenate(([0], ink[row].view(np.int8), [0]))
        changes = np.flatnonzero(np.diff(line))
        for start, end in zip(changes[::2], changes[1::2], strict=True):
            if end - start < shortest:
                continue
            key = (int(start) // 8, int(end) // 8)
            rule = open_rules.get(key)
            if rule is not None and row - rule[1] <= THICKNESS:
                rule[1] = int(row)
                continue
            if rule is not None:
                found.append(_closed(rule))
            open_rules[key] = [int(row), int(row), int(start), int(end)]
    return found + [_closed(rule) for rule in open_rules.values()]


def _closed(rule: list[int]) -> tuple[float, int, int]:
    first, last, start, end = rule
    return (first + last) / 2, start, end


class Cleared(NamedTuple):
    """A page image with its rules whitened, and the areas its vertical rules frame
    (tables): (left, top, right, bottom) in pixels."""

    image: object
    tables: list[tuple[int, int, int, int]]


def without_rules(image, scale: float) -> Cleared:
    """The grey Pillow ``image`` (``scale`` pixels a point) with its rules whitened, for
    Tesseract; the image itself is left as it is."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(image.convert("L"))
    ink = grey < DARK
    shortest = max(int(MIN_RULE * scale), 8)
    widest = int(MAX_RULE_WIDTH * scale) + 2 * REACH + 1
    down = _thin_rules(ink.T, shortest, widest).T
    rules = down | _thin_rules(ink, shortest, widest)
    if not rules.any():
        return Cleared(image, [])
    cleared = grey.copy()
    cleared[rules] = 255
    return Cleared(Image.fromarray(cleared), _framed(down, shortest))


def _framed(down, shortest: int) -> list[tuple[int, int, int, int]]:
    """The areas between vertical rules: the rows that hold some (rows a little apart
    are one area), across the columns they stand in; one rule alone frames nothing."""
    import numpy as np

    rows = np.flatnonzero(down.any(axis=1))
    if not rows.size:
        return []
    breaks = np.flatnonzero(np.diff(rows) > shortest)
    areas = []
    for first, last in zip(np.r_[0, breaks + 1], np.r_[breaks, rows.size - 1], strict=True):
        top, bottom = int(rows[first]), int(rows[last])
        columns = np.flatnonzero(down[top : bottom + 1].any(axis=0))
        left, right = int(columns[0]), int(columns[-1])
        if right - left >= shortest:
            areas.append((left, top, right, bottom))
    return areas


def _thin_rules(ink, shortest: int, widest: int):
    """The pixels of the rules running along the rows of ``ink``, tilted a little: runs
    of at least ``shortest`` in a band ``REACH`` pixels wide each side, at most
    ``widest`` across."""
    band = ink.copy()
    for step in range(1, REACH + 1):
        band[step:] |= ink[:-step]
        band[:-step] |= ink[step:]
    rules = _long_runs(band, shortest)
    return rules & ~_long_runs(rules.T, widest).T


def _long_runs(ink, shortest: int):
    """The pixels of ``ink`` in runs of at least ``shortest`` along its rows."""
    import numpy as np

    rows, columns = ink.shape
    padded = np.zeros((rows, columns + 1), dtype=np.int8)
    padded[:, :columns] = ink
    changes = np.diff(padded.ravel(), prepend=np.int8(0))
    starts, ends = np.flatnonzero(changes == 1), np.flatnonzero(changes == -1)
    keep = ends - starts >= shortest
    # runs never touch, so a running sum of +1 at each start and -1 at each end is 0 or 1
    marks = np.zeros(padded.size, dtype=np.int8)
    marks[starts[keep]] = 1
    marks[ends[keep]] = -1
    return (np.cumsum(marks, dtype=np.int8) > 0).reshape(rows, columns + 1)[:, :columns]
