"""A page's annotations -> the text people wrote into them: filled-in form fields and notes.

A ministry may return a form with its answers typed into fields, or comment on a draft
with free-text boxes and sticky notes; that text lives in annotations, not in the page's
content. Read from their dictionaries (no form-filling environment is needed):

- a **form field** (a widget): its value /V, a text string (a ticked box's name is no
  text); a widget that is one of several for a field finds the value on the field, its
  /Parent, and that field is read once per page;
- an **annotation** shown on the page (free text, a stamp): its /Contents;
- a **comment** (a sticky note, a highlight, an underline… with a note): its /Contents,
  which a viewer shows in a pop-up, not on the page.
  Pop-ups repeat their parent's note and links have none; hidden ones are left out.

Bounded like the rest of the page: at most MAX_ANNOTATIONS a page, MAX_CHARS a text
(a longer string is left out).
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

MAX_ANNOTATIONS = 2_000
MAX_CHARS = 20_000
FORM_FIELD, ANNOTATION, COMMENT = "form field", "annotation", "comment"
_ON_THE_PAGE = {pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_STAMP}

_SKIPPED = {
    pdfium_c.FPDF_ANNOT_POPUP,
    pdfium_c.FPDF_ANNOT_LINK,
    pdfium_c.FPDF_ANNOT_WIDGET,
    pdfium_c.FPDF_ANNOT_XFAWIDGET,
}
_HIDDEN = pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW


def page_annotations(page) -> list[tuple[str, str]]:
    """(origin, text) of the page's form fields and notes, in the page's order."""
    count = pdfium_c.FPDFPage_GetAnnotCount(page)
    found: list[tuple[str, str]] = []
    fields_read: set[tuple[str, str]] = set()
    for index in range(min(max(count, 0), MAX_ANNOTATIONS)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, index)
        if not annot:
            continue
        try:
            entry = _read(annot, fields_read)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
        if entry is not None:
            found.append(entry)
    return found


def _read(annot, fields_read: set[tuple[str, str]]) -> tuple[str, str] | None:
    if pdfium_c.FPDFAnnot_GetFlags(annot) & _HIDDEN:
        return None
    subtype = pdfium_c.FPDFAnnot_GetSubtype(annot)
    if subtype == pdfium_c.FPDF_ANNOT_WIDGET:
        return _field_value(annot, fields_read)
    if subtype in _SKIPPED:
        return None
    text = _string(annot, "Contents")
    if not text:
        return None
    return (ANNOTATION if subtype in _ON_THE_PAGE else COMMENT), text


def _field_value(annot, fields_read: set[tuple[str, str]]) -> tuple[str, str] | None:
    text = _string(annot, "V")
    if text:
        return FORM_FIELD, text
    if pdfium_c.FPDFAnnot_HasKey(annot, b"V"):
        return None  # a name (a ticked box) or an empty value
    parent = pdfium_c.FPDFAnnot_GetLinkedAnnot(annot, b"Parent")
    if not parent:
        return None
    try:
        text = _string(parent, "V")
        key = (_string(parent, "T"), text)
    finally:
        pdfium_c.FPDFPage_CloseAnnot(parent)
    if not text or key in fields_read:
        return None
    fields_read.add(key)
    return FORM_FIELD, text


def _string(annot, key: str) -> str:
    """The text string under ``key`` in the annotation's dictionary, or ""."""
    name = key.encode()
    if pdfium_c.FPDFAnnot_GetValueType(annot, name) != pdfium_c.FPDF_OBJECT_STRING:
        return ""
    needed = pdfium_c.FPDFAnnot_GetStringValue(annot, name, None, 0)
    if needed <= 2 or needed > 4 * MAX_CHARS + 2:
        return ""  # (pdfium writes nothing into a buffer too small for the whole)
    buffer = ctypes.create_string_buffer(needed)
    pdfium_c.FPDFAnnot_GetStringValue(
        annot, name, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), needed
    )
    text = buffer.raw[: needed - 2].decode("utf-16-le", errors="replace")
    return " ".join(text.split())[:MAX_CHARS]
