"""Text at another angle than the page's (a stamp, a margin note, a diagonal "DRAFT") ->
its lines, each read in its own direction.

The words of one angle are placed in a frame of their own, turned so that they run left
to right (x along the text, y down across it), and grouped into lines there. Each line
becomes one word marked "rotated", whose box is in that frame; they come in reading order,
angle by angle, for the layout to join into blocks of their own (:mod:`.layout`).
"""

from __future__ import annotations

import ctypes
import math

import pypdfium2.raw as pdfium_c

from cpc_draft.readers.pdf.geometry import ASCENT, DESCENT, Word

ROTATED = "rotated"
_STEP = 0.05  # radians: angles this close read as one direction


def turned_words(textpage, tokens, style) -> list[Word]:
    """``tokens`` (start, end, text, pdfium's angle) -> one word per line, in order.

    ``style(index)`` gives a character's size and weight.
    """
    if not tokens:
        return []
    groups: dict[int, list[tuple[float, float, str, float, bool]]] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    for start, _, text, angle in tokens:
        # pdfium measures angles clockwise; the text runs along -angle in PDF space
        key = round(angle / _STEP)
        turn = -key * _STEP
        cos, sin = math.cos(turn), math.sin(turn)
        pdfium_c.FPDFText_GetCharOrigin(textpage, start, x, y)
        along = x.value * cos + y.value * sin
        across = x.value * sin - y.value * cos  # grows down the turned page
        size, bold = style(start)
        groups.setdefault(key, []).append((along, across, text, size, bold))
    words: list[Word] = []
    for placed in groups.values():
        words += _lines(placed)
    return words


def _lines(placed) -> list[Word]:
    """Words of one direction -> lines, top to bottom, each one word."""
    placed.sort(key=lambda item: (item[1], item[0]))
    rows: list[list] = []
    for item in placed:
        if rows and abs(item[1] - rows[-1][0][1]) <= 0.3 * item[3]:
            rows[-1].append(item)
        else:
            rows.append([item])
    lines = []
    for row in rows:
        row.sort(key=lambda item: item[0])
        size = max(item[3] for item in row)
        baseline = row[0][1]
        last = row[-1]
        lines.append(
            Word(
                " ".join(item[2] for item in row),
                row[0][0],
                last[0] + 0.6 * last[3] * len(last[2]),
                baseline - ASCENT * size,
                baseline + DESCENT * size,
                size,
                all(item[4] for item in row),
                ROTATED,
            )
        )
    return lines
