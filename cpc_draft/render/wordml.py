"""WordprocessingML fragments as strings: paragraphs, runs, tables, content controls.

python-docx's object layer costs milliseconds per run and cell; a compact has hundreds.
The writer builds the body as markup with these functions and parses it once. Every
piece of text passes through :func:`text`, which escapes it and drops the characters
XML 1.0 cannot carry, so no input can break the document's well-formedness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

WORD_LANGUAGE = {"en": "en-US", "es": "es-ES", "fr": "fr-FR", "pt": "pt-BR"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def text(value: str) -> str:
    return escape(_NOT_XML.sub("", value), quote=True)


@dataclass(frozen=True)
class RunStyle:
    bold: bool = False
    size_half_points: int | None = None
    color: str | None = None
    highlight: str | None = None


PLAIN = RunStyle()


def run(value: str, language: str, style: RunStyle = PLAIN) -> str:
    properties = ""
    if style.bold:
        properties += "<w:b/>"
    if style.color:
        properties += f'<w:color w:val="{style.color}"/>'
    if style.size_half_points:
        size = style.size_half_points
        properties += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    if style.highlight:
        properties += f'<w:highlight w:val="{style.highlight}"/>'
    properties += f'<w:lang w:val="{WORD_LANGUAGE.get(language, language)}"/>'
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text(value)}</w:t></w:r>'


TAB_RUN = "<w:r><w:tab/></w:r>"


def paragraph(
    runs: Iterable[str] = (),
    *,
    style: str | None = None,
    align: str | None = None,
    hanging_twips: int | None = None,
    space_before: int | None = None,
    space_after: int | None = None,
    keep_next: bool | None = None,
    tiny: bool = False,
) -> str:
    """A w:p; properties are written in the order the schema requires."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next is not None:
        properties += "<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>'
    if hanging_twips:
        properties += f'<w:tabs><w:tab w:val="left" w:pos="{hanging_twips}"/></w:tabs>'
    if tiny:
        properties += '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    elif space_before is not None or space_after is not None:
        spacing = "".join(
            f' w:{name}="{value}"'
            for name, value in (("before", space_before), ("after", space_after))
            if value is not None
        )
        properties += f"<w:spacing{spacing}/>"
    if hanging_twips:
        properties += f'<w:ind w:left="{hanging_twips}" w:hanging="{hanging_twips}"/>'
    if align:
        properties += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{properties}</w:pPr>{''.join(runs)}</w:p>"


def page_break() -> str:
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def content_control(control_id: int, tag: str, alias: str, content: str) -> str:
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{text(alias)}"/><w:tag w:val="{text(tag)}"/>'
        f'<w:id w:val="{control_id}"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'
    )


_TABLE_LOOK = (
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
    'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
)


@dataclass(frozen=True)
class Cell:
    content: str  # block-level markup; must end with a paragraph
    width: int


def table(
    rows: Iterable[Iterable[Cell]],
    widths: list[int],
    *,
    grid: bool,
    header_rows: int = 0,
    unsplittable_rows: frozenset[int] = frozenset(),
    centered: bool = False,
    cell_margin: int | None = None,
) -> str:
    total = sum(widths)
    properties = '<w:tblStyle w:val="TableGrid"/>' if grid else ""
    properties += f'<w:tblW w:w="{total}" w:type="dxa"/>'
    if centered:
        properties += '<w:jc w:val="center"/>'
    if not grid:
        properties += (
            "<w:tblBorders>"
            + "".join(
                f'<w:{side} w:val="nil"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
        )
    properties += '<w:tblLayout w:type="fixed"/>'
    if cell_margin is not None:  # left/right padding in twips (Word's default is 108)
        properties += (
            f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/>'
            f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
        )
    properties += _TABLE_LOOK
    grid_columns = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    body = []
    for index, cells in enumerate(rows):
        row_properties = ""
        if index < header_rows:
            row_properties += "<w:tblHeader/>"
        if index in unsplittable_rows:
            row_properties += "<w:cantSplit/>"
        row = f"<w:trPr>{row_properties}</w:trPr>" if row_properties else ""
        for cell in cells:
            width = f'<w:tcW w:w="{cell.width}" w:type="dxa"/>'
            row += f"<w:tc><w:tcPr>{width}</w:tcPr>{cell.content}</w:tc>"
        body.append(f"<w:tr>{row}</w:tr>")
    grid_xml = f"<w:tblGrid>{grid_columns}</w:tblGrid>"
    return f"<w:tbl><w:tblPr>{properties}</w:tblPr>{grid_xml}{''.join(body)}</w:tbl>"
