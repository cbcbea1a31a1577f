"""A page's annotations -> the text people wrote into them: filled-in form fields and notes.

A ministry may return a form with its answers typed into fields, or comment on a draft
with free-text boxes and sticky notes; that text lives in annotations, not in the page's
content. Read from their dictionaries (no form-filling environment is needed):

- a **form field** (a widget): its value /V, a text string (a ticked box's name is no
  text); a widget that is one of several for a field finds the value on the field, its
  /Parent, and that field is read once per page; failing those, the text its appearance
  stream shows (:mod:`.appearance`): a push button's caption, a value kept on a parent
  PDFium cannot reach. A choice (a combo or list box) is read from its appearance first:
  it shows the display text of the option chosen (a list box, the options it shows),
  where /V may hold an export value ("pe" for "Peru"). A check box or radio button (a
  widget with an appearance state, /AS) shows a symbol, no text;
- an **annotation** shown on the page (free text, a stamp): its /Contents;
- a **comment** (a sticky note, a highlight, an underline… with a note): its /Contents,
  which a viewer shows in a pop-up, not on the page.
  Pop-ups repeat their parent's note and links have none; hidden ones are left out.

What is shown on the page (fields, free text, stamps) and is already in the page's own
text within the annotation's rectangle (a form flattened with its fields kept) is not
read again.

Bounded like the rest of the page: at most MAX_ANNOTATIONS a page, MAX_CHARS a text
(a longer string is left out), MAX_APPEARANCES characters of appearance streams.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from cpc_draft.readers.pdf.appearance import MAX_CONTENT, shown_text

MAX_ANNOTATIONS = 2_000
MAX_CHARS = 20_000
MAX_APPEARANCES = 1_000_000  # characters of appearance streams scanned on a page
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
    fields = _Fields()
    page_text = _PageText(page)
    try:
        for index in range(min(max(count, 0), MAX_ANNOTATIONS)):
            annot = pdfium_c.FPDFPage_GetAnnot(page, index)
            if not annot:
                continue
            try:
                entry = _read(annot, fields)
                if entry is not None and entry[0] != COMMENT and page_text.holds(annot, entry[1]):
                    entry = None
            finally:
                pdfium_c.FPDFPage_CloseAnnot(annot)
            if entry is not None:
                found.append(entry)
    finally:
        page_text.close()
    return found


@dataclass
class _Fields:
    """What reading a page's fields keeps track of."""

    read: set[tuple[str, str]] = field(default_factory=set)  # (name, value) of parents read
    appearance_chars: int = MAX_APPEARANCES  # left to scan


def _read(annot, fields: _Fields) -> tuple[str, str] | None:
    if pdfium_c.FPDFAnnot_GetFlags(annot) & _HIDDEN:
        return None
    subtype = pdfium_c.FPDFAnnot_GetSubtype(annot)
    if subtype == pdfium_c.FPDF_ANNOT_WIDGET:
        text = _field_value(annot, fields)
        return (FORM_FIELD, text) if text else None
    if subtype in _SKIPPED:
        return None
    text = _string(annot, "Contents")
    if not text:
        return None
    return (ANNOTATION if subtype in _ON_THE_PAGE else COMMENT), text


def _field_value(annot, fields: _Fields) -> str:
    if _string(annot, "FT", pdfium_c.FPDF_OBJECT_NAME) == "Ch":
        # a choice shows the display text of what was chosen; /V may hold its export value
        shown = shown_text(_appearance(annot, fields))
        if shown:
            return shown
    value_type = pdfium_c.FPDFAnnot_GetValueType(annot, b"V")
    if value_type == pdfium_c.FPDF_OBJECT_STRING:
        return _string(annot, "V")  # (an empty field: "")
    if value_type == pdfium_c.FPDF_OBJECT_NAME or pdfium_c.FPDFAnnot_HasKey(annot, b"AS"):
        return ""  # a ticked box or a radio button: a state, no text
    if value_type == pdfium_c.FPDF_OBJECT_UNKNOWN:  # no value of its own: its field's?
        parent = pdfium_c.FPDFAnnot_GetLinkedAnnot(annot, b"Parent")
        if parent:
            try:
                text = _string(parent, "V")
                key = (_string(parent, "T"), text)
            finally:
                pdfium_c.FPDFPage_CloseAnnot(parent)
            if text:
                if key in fields.read:
                    return ""
                fields.read.add(key)
                return text
    return shown_text(_appearance(annot, fields))


def _appearance(annot, fields: _Fields) -> str:
    """The content of the widget's normal appearance stream ("" when it has none, or
    when it is too long to scan)."""
    mode = pdfium_c.FPDF_ANNOT_APPEARANCEMODE_NORMAL
    needed = pdfium_c.FPDFAnnot_GetAP(annot, mode, None, 0)
    chars = needed // 2 - 1
    if chars <= 0 or chars > min(MAX_CONTENT, fields.appearance_chars):
        return ""
    fields.appearance_chars -= chars
    buffer = ctypes.create_string_buffer(needed)
    pdfium_c.FPDFAnnot_GetAP(
        annot, mode, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), needed
    )
    return buffer.raw[: needed - 2].decode("utf-16-le", errors="replace")


class _PageText:
    """The page's own text within an annotation's rectangle; the text page is loaded the
    first time it is asked about."""

    def __init__(self, page) -> None:
        self.page = page
        self.textpage = None

    def holds(self, annot, text: str) -> bool:
        """Whether the page's text within the annotation's rectangle already says ``text``."""
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
            return False
        if self.textpage is None:
            self.textpage = pdfium_c.FPDFText_LoadPage(self.page)
            if not self.textpage:
                return False
        left, right = sorted((rect.left, rect.right))
        bottom, top = sorted((rect.bottom, rect.top))
        args = (self.textpage, left, top, right, bottom)
        needed = pdfium_c.FPDFText_GetBoundedText(*args, None, 0)
        if needed <= 0 or needed > 8 * MAX_CHARS:
            return False
        buffer = (ctypes.c_ushort * (needed + 1))()
        pdfium_c.FPDFText_GetBoundedText(*args, buffer, needed + 1)
        under = bytes(buffer)[: 2 * needed].decode("utf-16-le", errors="replace")
        return "".join(text.split()) in "".join(under.split())

    def close(self) -> None:
        if self.textpage:
            pdfium_c.FPDFText_ClosePage(self.textpage)


def _string(annot, key: str, kind: int = pdfium_c.FPDF_OBJECT_STRING) -> str:
    """The text string (or the name, for ``kind`` FPDF_OBJECT_NAME) under ``key`` in the
    annotation's dictionary, or ""."""
    name = key.encode()
    if pdfium_c.FPDFAnnot_GetValueType(annot, name) != kind:
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
