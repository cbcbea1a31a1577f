"""Text printed mirrored (drawn through a matrix that flips it) read the right way round.

A page printed mirrored, like a transparency laid face down, draws each line left to
right still, but its glyphs upside down or back to front, and its lines one after the
other in the direction its glyphs' feet point. pdfium's angle of such a glyph is that of
its matrix's first column and the x of its second, the opposite of the way the text runs
when it is turned a quarter (:func:`mirrored`); and once turned upright by a rotation,
the page still has its lines bottom up: :class:`FlippedTransform` turns it over too, the
page's ruled lines with it.
"""

from __future__ import annotations

import pypdfium2.raw as pdfium_c

from cpc_draft.readers.pdf.page import Transform

MIRROR_SAMPLE = 15  # tokens, evenly spread, a page is judged by


def mirrored(textpage, index: int, matrix) -> bool:
    """Is the character at ``index`` drawn mirrored? (``matrix``: an FS_MATRIX to fill)"""
    if not pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        return False
    return matrix.a * matrix.d - matrix.b * matrix.c < 0


def mirrored_page(textpage, starts: list[int], matrix) -> bool:
    """Is most of the page's text printed mirrored? (judged by the tokens starting at
    ``starts``: MIRROR_SAMPLE of them, spread over the page)"""
    flipped = sum(mirrored(textpage, start, matrix) for start in starts)
    return flipped * 2 > len(starts) > 0


class FlippedTransform(Transform):
    """The page turned upright, then over (top to bottom), for text printed mirrored."""

    def point(self, x: float, y: float) -> tuple[float, float]:
        x, y = super().point(x, y)
        return x, self.height - y

    def box(self, left: float, top: float, right: float, bottom: float):
        x0, x1, y0, y1 = super().box(left, top, right, bottom)
        return x0, x1, self.height - y1, self.height - y0
