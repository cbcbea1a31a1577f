"""The ruled lines of a scanned page, as the edges the PDF reader's table finder takes.

A digital PDF draws a table's rules as paths; a scan has them only as pixels. So the
page (its tilt turned back first, about its centre as :mod:`.words` turns the words) is
searched for long runs of dark pixels, along its rows for horizontal rules and along its
columns for vertical ones; runs on neighbouring rows make one rule. The rules become
pdfplumber edges in points, and the same table finder as for digital PDFs finds the
grids. The image searched is the one before the speck filter: a thin rule is only a
pixel or two thick, which a median filter removes.
"""

from __future__ import annotations

import math

from cpc_draft.readers.pdf.drawing import table_edge

MIN_RULE = 36.0  # points: shorter runs of dark pixels are strokes of letters
DARK = 150  # grey level under which a pixel is ink
THICKNESS = 4  # pixels between the rows of one rule


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
