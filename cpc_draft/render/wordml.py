"""WordprocessingML fragments as strings: paragraphs, runs, tables, content controls.

python-docx's object layer costs milliseconds per run and cell; a compact has hundreds.
The writer builds the body as markup with these functions and parses it once. Every
piece of text passes through :func:`text`, which escapes it and drops the characters
XML 1.0 cannot carry, so no input can break the document's well-formedness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

WORD_LANGUAGE = {"en": "en-US", "es": "es-ES", "fr": "fr-FR", "pt": "pt-BR"}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def text(value: str) -> str:
    return escape(_NOT_XML.sub("", value), quote=True)


def xml_characters(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot carry (for values lxml escapes)."""
    return _NOT_XML.sub("", value)


@dataclass(frozen=True)
class RunStyle:
    bold: bool = False
    size_half_points: int | None = None
    color: str | None = None
    highlight: str | None = None
    superscript: bool = False


PLAIN = RunStyle()


def run(value: str, language: str, style: RunStyle = PLAIN) -> str:
    properties = run_properties(language, style)
    return f'<w:r>{properties}<w:t xml:space="preserve">{text(value)}</w:t></w:r>'


def run_properties(language: str, style: RunStyle = PLAIN) -> str:
    """A run's w:rPr, its elements in the order the schema requires."""
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
    if style.superscript:
        properties += '<w:vertAlign w:val="superscript"/>'
    properties += f'<w:lang w:val="{WORD_LANGUAGE.get(language, language)}"/>'
    return f"<w:rPr>{properties}</w:rPr>"


TAB_RUN = "<w:r><w:tab/></w:r>"


def field(code: str, shown: str, language: str, style: RunStyle = PLAIN) -> str:
    """A Word field (``PAGE``, ``NUMPAGES``) showing ``shown`` until Word or LibreOffice
    updates it, which both do when they lay out the pages."""
    properties = run_properties(language, style)

    def piece(content: str) -> str:
        return f"<w:r>{properties}{content}</w:r>"

    return (
        piece('<w:fldChar w:fldCharType="begin"/>')
        + piece(f'<w:instrText xml:space="preserve"> {code} </w:instrText>')
        + piece('<w:fldChar w:fldCharType="separate"/>')
        + run(shown, language, style)
        + piece('<w:fldChar w:fldCharType="end"/>')
    )


# A run's text is cut at tabs and line breaks, which WordprocessingML writes as elements.
_RUN_BREAKS = re.compile(r"(\r\n|\r|\n|\t)")
# XML may collapse or trim such whitespace unless it is marked to be preserved.
_FRAGILE_SPACE = re.compile(r"^\s|\s$|\s\s")


def run_content(value: str, *, deleted: bool = False) -> str:
    """A run's content: text in ``w:t`` (``w:delText`` when deleted), tabs as ``w:tab``
    and line breaks as ``w:br``; ``xml:space="preserve"`` only where spaces need it."""
    tag = "w:delText" if deleted else "w:t"
    parts = []
    for piece in _RUN_BREAKS.split(value):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\r\n", "\r", "\n"):
            parts.append("<w:br/>")
        elif escaped := text(piece):
            space = ' xml:space="preserve"' if _FRAGILE_SPACE.search(piece) else ""
            parts.append(f"<{tag}{space}>{escaped}</{tag}>")
    return "".join(parts)


def plain_run(value: str, *, deleted: bool = False) -> str:
    """A run without properties, or nothing when ``value`` has nothing to show."""
    content = run_content(value, deleted=deleted)
    return f"<w:r>{content}</w:r>" if content else ""


def tracked(tag: str, revision_id: int, author: str, date: str, content: str = "") -> str:
    """A tracked change (``ins``, ``del``, ``moveFrom``, ``moveTo``) around ``content``;
    empty, it marks what holds it (a paragraph mark, a table row) as changed."""
    attributes = f'w:id="{revision_id}" w:author="{text(author)}" w:date="{date}"'
    if not content:
        return f"<w:{tag} {attributes}/>"
    return f"<w:{tag} {attributes}>{content}</w:{tag}>"


def move_range_start(tag: str, range_id: int, name: str, author: str, date: str) -> str:
    """``moveFromRangeStart`` or ``moveToRangeStart``: ``name`` pairs a move's source
    with its destination."""
    return (
        f'<w:{tag}RangeStart w:id="{range_id}" w:author="{text(author)}" w:date="{date}" '
        f'w:name="{text(name)}"/>'
    )


def move_range_end(tag: str, range_id: int) -> str:
    return f'<w:{tag}RangeEnd w:id="{range_id}"/>'


def paragraph(
    runs: Iterable[str] = (),
    *,
    style: str | None = None,
    align: str | None = None,
    hanging_twips: int | None = None,
    space_before: int | None = None,
    space_after: int | None = None,
    keep_next: bool | None = None,
    keep_lines: bool = False,
    outline_level: int | None = None,
    tiny: bool = False,
    mark: str = "",
) -> str:
    """A w:p; properties are written in the order the schema requires. ``mark`` is the
    content of the paragraph mark's properties (a tracked insertion or deletion of it).
    ``outline_level`` 9 keeps a heading out of the navigation pane."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next is not None:
        properties += "<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>'
    if keep_lines:
        properties += "<w:keepLines/>"
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
    if outline_level is not None:
        properties += f'<w:outlineLvl w:val="{outline_level}"/>'
    if mark:
        properties += f"<w:rPr>{mark}</w:rPr>"
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
    span: int = 1  # grid columns the cell covers


def table(
    rows: Iterable[Iterable[Cell]],
    widths: list[int],
    *,
    grid: bool,
    header_rows: int = 0,
    unsplittable_rows: frozenset[int] = frozenset(),
    centered: bool = False,
    indent: int | None = None,
    cell_margin: int | None = None,
    row_changes: Mapping[int, str] | None = None,
) -> str:
    """A w:tbl. ``row_changes`` maps a row's index to a tracked insertion or deletion of the
    row (it goes last in the row's properties, as the schema requires); ``indent`` sets
    its left edge that many twips from the margin."""
    total = sum(widths)
    properties = '<w:tblStyle w:val="TableGrid"/>' if grid else ""
    properties += f'<w:tblW w:w="{total}" w:type="dxa"/>'
    if centered:
        properties += '<w:jc w:val="center"/>'
    if indent is not None:
        properties += f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
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
        row_properties += (row_changes or {}).get(index, "")
        row = f"<w:trPr>{row_properties}</w:trPr>" if row_properties else ""
        for cell in cells:
            width = f'<w:tcW w:w="{cell.width}" w:type="dxa"/>'
            if cell.span > 1:
                width += f'<w:gridSpan w:val="{cell.span}"/>'
            row += f"<w:tc><w:tcPr>{width}</w:tcPr>{cell.content}</w:tc>"
        body.append(f"<w:tr>{row}</w:tr>")
    grid_xml = f"<w:tblGrid>{grid_columns}</w:tblGrid>"
    return f"<w:tbl><w:tblPr>{properties}</w:tblPr>{grid_xml}{''.join(body)}</w:tbl>"
