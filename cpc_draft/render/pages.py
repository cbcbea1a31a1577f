"""Page furniture of a draft: the draft marking in the header, "Page X of Y" in the footer.

One column per language, in the order of the alternat (as the body's columns are side by
side), so each reader finds the marking and the page number in their own language. The
page numbers are Word fields (PAGE, NUMPAGES): they stay true when the text is edited.
A final text (``assemble --final``) has no header, only the page numbers.
"""

from __future__ import annotations

import re

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from cpc_draft.model import Draft
from cpc_draft.render import wordml
from cpc_draft.render.wordml import Cell, RunStyle

FURNITURE_SIZE = 18  # half-points: 9 pt, smaller than the text it frames
_MARKING_STYLE = RunStyle(bold=True, size_half_points=FURNITURE_SIZE)
_DETAIL_STYLE = RunStyle(size_half_points=FURNITURE_SIZE)
_FIELD = re.compile(r"\{(page|pages)\}")
_FIELD_CODE = {"page": "PAGE", "pages": "NUMPAGES"}


def add_page_furniture(document, draft: Draft, width: int) -> None:
    """Write the header (unless the draft is final) and the footer of every page."""
    if not draft.furniture:
        return
    section = document.sections[0]
    languages = [code for code in draft.languages if code in draft.furniture]
    if any(draft.furniture[code].marking for code in languages):
        _fill(section.header, _columns(languages, width, lambda code: _header_cell(draft, code)))
    _fill(section.footer, _columns(languages, width, lambda code: _footer_cell(draft, code)))


def _header_cell(draft: Draft, language: str) -> str:
    furniture = draft.furniture[language]
    return wordml.paragraph(
        [wordml.run(furniture.marking, language, _MARKING_STYLE)], align="center", space_after=0
    ) + wordml.paragraph(
        [wordml.run(furniture.detail, language, _DETAIL_STYLE)], align="center", space_after=0
    )


def _footer_cell(draft: Draft, language: str) -> str:
    """The language's "Page {page} of {pages}", both numbers as fields."""
    runs = []
    for index, piece in enumerate(_FIELD.split(draft.furniture[language].page_of)):
        if index % 2:
            runs.append(wordml.field(_FIELD_CODE[piece], "1", language, _DETAIL_STYLE))
        elif piece:
            runs.append(wordml.run(piece, language, _DETAIL_STYLE))
    return wordml.paragraph(runs, align="center", space_after=0)


def _columns(languages: list[str], width: int, cell) -> str:
    if len(languages) == 1:
        return cell(languages[0])
    column = width // len(languages)
    cells = [Cell(cell(code), column) for code in languages]
    # A header table must be followed by a paragraph; a tiny one takes no room.
    return wordml.table([cells], [column] * len(languages), grid=False) + wordml.paragraph(
        tiny=True
    )


def _fill(part, markup: str) -> None:
    part.is_linked_to_previous = False
    element = part._element
    for child in list(element):
        element.remove(child)
    for child in parse_xml(f"<w:body {nsdecls('w')}>{markup}</w:body>"):
        element.append(child)
