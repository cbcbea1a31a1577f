"""The Word package every .docx we write starts from: page, styles and properties.

python-docx's default template with our page (U.S. Letter, portrait or landscape) and
plain serif styles; the core properties (reproducible with SOURCE_DATE_EPOCH) and a
custom properties part recording the tool version and the spec's SHA-256.
"""

from __future__ import annotations

import datetime as dt
import os
from html import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from cpc_draft.model import Draft
from cpc_draft.render.wordml import WORD_LANGUAGE

CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
BODY_FONT = "Times New Roman"
BODY_SIZE = 23  # half-points: 11.5 pt
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006"
TWIPS_PER_CM = 566.93
PAGE_CM = (21.59, 27.94)  # U.S. Letter
SIDE_MARGIN_CM = 2.3


def new_document(*, landscape: bool = False):
    """python-docx's default package with our styles and page: what every .docx we write
    (drafts, redlines) starts from."""
    document = Document()
    _set_up_styles(document)
    _set_up_page(document, landscape=landscape)
    return document


def text_width(*, landscape: bool = False) -> int:
    """The width between the side margins, in twips."""
    page_width = PAGE_CM[1] if landscape else PAGE_CM[0]
    return int((page_width - 2 * SIDE_MARGIN_CM) * TWIPS_PER_CM)


def insert_body(document, markup: str) -> None:
    """Put body-level WordprocessingML ``markup`` in front of the section properties."""
    # found once: python-docx looks the section properties up child by child each time
    section = document.element.body.sectPr
    for element in parse_xml(f"<w:body {nsdecls('w')}>{markup}</w:body>"):
        section.addprevious(element)


def _set_up_styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(BODY_SIZE / 2)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 15), ("Heading 1", 11.5), ("Heading 2", 11.5)):
        style = styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.keep_with_next = True
    # An article's label (Heading 1) sits right on its title (Heading 2).
    styles["Heading 1"].paragraph_format.space_before = Pt(12)
    styles["Heading 1"].paragraph_format.space_after = Pt(0)
    styles["Heading 2"].paragraph_format.space_before = Pt(0)
    # The default template's Title has a bottom border, and its headings name theme fonts,
    # which take precedence over font.name: strip both so the text is one plain serif.
    title_properties = styles["Title"].element.get_or_add_pPr()
    for border in title_properties.findall(qn("w:pBdr")):
        title_properties.remove(border)
    for name in ("Title", "Heading 1", "Heading 2"):
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)


def _set_up_page(document, *, landscape: bool) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(SIDE_MARGIN_CM))
    section.top_margin = section.bottom_margin = Cm(2.2)


def set_core_properties(document, draft: Draft) -> None:
    properties = document.core_properties
    first = draft.languages[0]
    properties.title = draft.title.get(first, "")[:250]
    properties.author = "cpc-draft"
    properties.last_modified_by = "cpc-draft"
    properties.language = WORD_LANGUAGE.get(first, first)
    properties.comments = (
        f"Assembled by cpc-draft {draft.properties['cpc-draft-version']} from "
        f"{draft.properties['cpc-spec-file']} (sha256 {draft.properties['cpc-spec-sha256'][:12]}…)"
    )
    moment = _build_time()
    properties.created = properties.modified = moment
    properties.revision = 1


def _build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def add_custom_properties(document, values: dict[str, str]) -> None:
    entries = "".join(
        f'<property fmtid="{CUSTOM_PROPERTY_FMTID}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(values.items()), start=2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_OFFICE_DOCUMENT}/custom-properties" '
        f'xmlns:vt="{_OFFICE_DOCUMENT}/docPropsVTypes">'
        f"{entries}</Properties>"
    )
    package = document.part.package
    part = Part(
        PackURI("/docProps/custom.xml"), CUSTOM_PROPERTIES_TYPE, xml.encode("utf-8"), package
    )
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
