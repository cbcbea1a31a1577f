"""PDFium's page objects -> the ruled lines a table is drawn with; images counted.

Path objects (lines, rectangles, also inside form XObjects) become the edges pdfplumber
would see; images are counted, to tell a scanned page (an image, no text) from a blank one.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

from cpc_draft.readers.pdf.page import PageStats, Transform

MAX_PAGE_OBJECTS = 50_000
MAX_EDGES_PER_PAGE = 5_000  # beyond this a page is a drawing, not a ruled table


def page_edges(page, transform: Transform, stats: PageStats) -> list[dict]:
    """The page's ruled lines as pdfplumber edges (none for a page too complex to be a
    table: its objects beyond MAX_PAGE_OBJECTS or its lines beyond MAX_EDGES_PER_PAGE)."""
    edges: list[dict] = []
    budget = [MAX_PAGE_OBJECTS]
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    count = pdfium_c.FPDFPage_CountObjects(page)
    objects = (pdfium_c.FPDFPage_GetObject(page, i) for i in range(max(count, 0)))
    complete = _collect(objects, identity, transform, edges, stats, budget, depth=0)
    if not complete or len(edges) > MAX_EDGES_PER_PAGE:
        stats.notes.append(
            f"page {stats.number} is too complex a drawing to look for tables in; "
            "its tables (if any) are read as text"
        )
        return []
    return edges


def _collect(objects, outer, transform, edges, stats, budget, depth) -> bool:
    matrix = pdfium_c.FS_MATRIX()
    for obj in objects:
        budget[0] -= 1
        if budget[0] < 0 or len(edges) > MAX_EDGES_PER_PAGE:
            return False
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            stats.images += 1
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        combined = _compose(own, outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth >= 8:
                continue
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            inner = (pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(max(count, 0)))
            if not _collect(inner, combined, transform, edges, stats, budget, depth + 1):
                return False
            continue
        _path_edges(obj, combined, transform, edges, budget)
    return True


def _compose(inner, outer):
    """The matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _path_edges(obj, matrix, transform, edges, budget) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return
    if fill.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
        return  # a clipping path, never painted
    count = pdfium_c.FPDFPath_CountSegments(obj)
    budget[0] -= max(count, 0)
    if count <= 0 or budget[0] < 0:
        return
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        px, py = x.value, y.value
        point = transform.point(px * a + py * c + e, px * b + py * d + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = current = point
        else:
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                _add_edge(edges, current, point)
            current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(edges, current, start)
            current = start


def _add_edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(x0 - x1) < 0.5 and abs(y0 - y1) >= 1:
        x = (x0 + x1) / 2
        top, bottom = min(y0, y1), max(y0, y1)
        edges.append(table_edge(x, x, top, bottom, "v"))
    elif abs(y0 - y1) < 0.5 and abs(x0 - x1) >= 1:
        y = (y0 + y1) / 2
        edges.append(table_edge(min(x0, x1), max(x0, x1), y, y, "h"))


def table_edge(x0: float, x1: float, top: float, bottom: float, orientation: str) -> dict:
    """A ruled line as pdfplumber's table finder takes it (scans' rules too)."""
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }
