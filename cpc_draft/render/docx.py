"""A draft as a real Word document.

- Layouts: ``sequential`` (each language's full text in turn, a page break between) and
  ``side-by-side`` (one table row per clause, a column per language, articles aligned).
- Provenance: each clause's text sits in a block-level content control whose tag is
  ``cpc:<clause id>@<version>`` (alias: the clause heading); the package carries a custom
  properties part with the tool version and the spec's SHA-256.
- Every run is tagged with its language so Word proofs each text in its own language.
- Numbers and article labels are literal text, not Word auto-numbering: what a reader of
  the .docx, its PDF or a plain-text extract sees is the same.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from cpc_draft.model import ITEM, SIGNATURES, TABLE, TITLE, Block, Draft, Section
from cpc_draft.output import write_atomically

WORD_LANGUAGE = {"en": "en-US", "es": "es-ES", "fr": "fr-FR", "pt": "pt-BR"}
CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
BODY_FONT = "Times New Roman"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006"


def write_docx(draft: Draft, path: Path, *, force: bool = False) -> None:
    document = build_document(draft)
    write_atomically(path, lambda temporary: document.save(str(temporary)), force=force)


def build_document(draft: Draft):
    document = Document()
    _set_up_styles(document)
    _set_up_page(document, landscape=False)
    writer = _Writer(document)
    if draft.layout == "sequential":
        writer.sequential(draft)
    else:
        writer.side_by_side(draft)
    _set_core_properties(document, draft)
    _add_custom_properties(document, draft.properties)
    return document


class _Writer:
    def __init__(self, document) -> None:
        self.document = document
        self.control_ids = itertools.count(1)

    # -- layouts ---------------------------------------------------------------------------

    def sequential(self, draft: Draft) -> None:
        body = self.document.element.body
        for index, language in enumerate(draft.languages):
            if index:
                self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            for section in draft.sections:
                with _ContentControl(body, self._control_id(), section, language):
                    self.section(self.document, section, language)

    def side_by_side(self, draft: Draft) -> None:
        columns = len(draft.languages)
        table = self.document.add_table(rows=0, cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        width = Cm(17.0 / columns)
        for section in draft.sections:
            row = table.add_row()
            _keep_row_on_one_page_if_short(row, section)
            for cell, language in zip(row.cells, draft.languages, strict=True):
                cell.width = width
                placeholder = cell.paragraphs[0]._p
                with _ContentControl(cell._tc, self._control_id(), section, language):
                    self.section(cell, section, language)
                cell._tc.remove(placeholder)
                # A cell must end with a paragraph; ours ends with the content control.
                _tiny_paragraph(cell.add_paragraph())

    # -- one clause in one language ---------------------------------------------------------

    def section(self, container, section: Section, language: str) -> None:
        text = section.texts[language]
        in_cell = hasattr(container, "_tc")
        # Label and title are two paragraphs, not one with a line break: LibreOffice drops
        # a <w:br/> inside a block-level content control ("Article 1Purpose").
        for index, line in enumerate((text.label, text.heading)):
            if line:
                heading = _paragraph(container, "Heading2")
                if index and text.label:
                    heading.paragraph_format.space_before = Pt(0)
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if in_cell:  # keep-with-next inside a table row makes rows refuse to split
                    heading.paragraph_format.keep_with_next = False
                _run(heading, line, language)
        for block in text.blocks:
            self.block(container, block, section, language)

    def block(self, container, block: Block, section: Section, language: str) -> None:
        if block.kind == TITLE:
            paragraph = _paragraph(container, "Title")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, block.text, language)
        elif block.kind == ITEM:
            paragraph = _paragraph(container)
            paragraph.paragraph_format.left_indent = Cm(1.0)
            paragraph.paragraph_format.first_line_indent = Cm(-1.0)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
            _run(paragraph, f"{block.label}\t", language)
            _text_runs(paragraph, block, language)
        elif block.kind == TABLE:
            _data_table(container, block, language)
        elif block.kind == SIGNATURES:
            _signatures(container, section.signatories[language], language)
        else:
            paragraph = _paragraph(container)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _text_runs(paragraph, block, language)

    def _control_id(self) -> int:
        return next(self.control_ids)


class _ContentControl:
    """Wrap what is added to ``parent`` inside the ``with`` in a block-level w:sdt."""

    def __init__(self, parent, control_id: int, section: Section, language: str) -> None:
        self.parent = parent
        self.control_id = control_id
        self.section = section
        self.language = language

    def __enter__(self) -> None:
        # Hold the elements themselves: lxml keeps one proxy per element only while a
        # Python reference exists, so id() of an unreferenced proxy is not stable.
        self.before = set(self.parent)

    def __exit__(self, *exc_info) -> None:
        if exc_info[0] is not None:
            return
        added = [child for child in self.parent if child not in self.before]
        if not added:
            return
        sdt = OxmlElement("w:sdt")
        properties = OxmlElement("w:sdtPr")
        text = self.section.texts[self.language]
        alias = (
            " ".join(part for part in (text.label, text.heading) if part) or self.section.clause_id
        )
        for name, value in (
            ("w:alias", alias),
            ("w:tag", self.section.tag),
            ("w:id", str(self.control_id)),
        ):
            element = OxmlElement(name)
            element.set(qn("w:val"), value)
            properties.append(element)
        content = OxmlElement("w:sdtContent")
        sdt.append(properties)
        sdt.append(content)
        added[0].addprevious(sdt)
        for child in added:
            content.append(child)


# -- paragraphs and runs -------------------------------------------------------------------


def _paragraph(container, style_id: str | None = None):
    """A new paragraph; the style is set by id, because python-docx's lookup by style
    name scans every style on each call and dominated assembly time."""
    paragraph = container.add_paragraph()
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def _run(paragraph, text: str, language: str):
    run = paragraph.add_run(text)
    _tag_language(run, language)
    return run


def _text_runs(paragraph, block: Block, language: str) -> None:
    run = _run(paragraph, block.text, language)
    if block.is_missing:  # a gap left by --allow-incomplete must be impossible to overlook
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _tag_language(run, language: str) -> None:
    properties = run._r.get_or_add_rPr()
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), WORD_LANGUAGE.get(language, language))
    properties.append(element)


def _tiny_paragraph(paragraph) -> None:
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(1)


# -- tables ----------------------------------------------------------------------------------


def _data_table(container, block: Block, language: str) -> None:
    header, *rows = block.rows
    table = container.add_table(rows=0, cols=len(header))
    table.style = "Table Grid"
    for index, cells in enumerate(block.rows):
        row = table.add_row()
        is_header = index == 0
        is_total = index > len(rows) - block.total_rows
        if is_header:
            _repeat_as_header(row)
        for column, (cell, value) in enumerate(zip(row.cells, cells, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if column > 0 and not is_header and _looks_numeric(value):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = _run(paragraph, value, language)
            run.font.size = Pt(9)
            run.bold = is_header or is_total
    # Python-docx's body-level add_table leaves no paragraph after the table in a cell.
    if hasattr(container, "_tc"):
        _tiny_paragraph(container.add_paragraph())


def _looks_numeric(value: str) -> bool:
    return any(char.isdigit() for char in value) and sum(char.isalpha() for char in value) <= 3


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    properties.append(element)


def _keep_row_on_one_page_if_short(row, section: Section) -> None:
    if section.kind in ("title", "signatures"):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))


def _signatures(container, signatories, language: str) -> None:
    side_by_side = not hasattr(container, "_tc")
    table = container.add_table(rows=1, cols=len(signatories) if side_by_side else 1)
    cells = table.rows[0].cells if side_by_side else [table.rows[0].cells[0]] * len(signatories)
    for cell, signatory in zip(cells, signatories, strict=False):
        first = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
        _run(first, signatory.heading, language).bold = True
        for text in ("", "______________________________"):
            _run(cell.add_paragraph(), text, language)
        _run(cell.add_paragraph(), f"{signatory.name_label} {signatory.name}", language)
        _run(cell.add_paragraph(), f"{signatory.title_label} {signatory.title}", language)
        cell.add_paragraph()
    if hasattr(container, "_tc"):
        _tiny_paragraph(container.add_paragraph())


# -- document set-up ---------------------------------------------------------------------------


def _set_up_styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11.5)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 15), ("Heading 2", 11.5)):
        style = styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.keep_with_next = True
    # The default template's Title has a bottom border, and its headings name theme fonts,
    # which take precedence over font.name: strip both so the text is one plain serif.
    title_properties = styles["Title"].element.get_or_add_pPr()
    for border in title_properties.findall(qn("w:pBdr")):
        title_properties.remove(border)
    for name in ("Title", "Heading 2"):
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)


def _set_up_page(document, *, landscape: bool) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # U.S. Letter
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.3))
    section.top_margin = section.bottom_margin = Cm(2.2)


def _set_core_properties(document, draft: Draft) -> None:
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


def _add_custom_properties(document, values: dict[str, str]) -> None:
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
