"""East Asian text set vertically and drop caps, in Word and in PDF: read as whole words.

A Word cell or section with ``w:textDirection`` (top to bottom, columns right to left)
keeps its text in reading order; a drop cap is a paragraph of its own (``w:framePr
w:dropCap``) holding the first letter of the next. In a PDF, vertical text is drawn with
a vertical CMap (``-V``: each glyph below the last) or glyph by glyph, one under another;
a reader sees each column as a line, top to bottom, the columns right to left.
"""

from __future__ import annotations

from docx_factory import cell, make_docx, p, r, row, table

from cpc_draft.readers.docx import read_docx

VERTICAL_CELL = '<w:tcPr><w:textDirection w:val="tbRl"/></w:tcPr>'


def texts(document) -> list[str]:
    return [block.text for block in document.blocks]


def test_word_vertical_cell_and_section_read_as_whole_lines(tmp_path):
    vertical_cell = cell(p("儿童保护契约")).replace("<w:tcPr/>", VERTICAL_CELL)
    body = p("双方意图如下。") + table(row(vertical_cell, cell(p("第一条 目的"))))
    body += '<w:p><w:pPr><w:sectPr><w:textDirection w:val="tbRl"/></w:sectPr></w:pPr></w:p>'
    body += p("参与方打算加强国家当局识别儿童受害者的能力。")
    document = read_docx(make_docx(tmp_path / "vertical.docx", body))
    found = texts(document)
    assert "儿童保护契约" in " ".join(found)
    assert found[-1] == "参与方打算加强国家当局识别儿童受害者的能力。"


def drop_cap(letter: str, placement: str = "drop") -> str:
    frame = f'<w:framePr w:dropCap="{placement}" w:lines="3" w:wrap="around" w:vAnchor="text"/>'
    return p(r(letter, properties='<w:sz w:val="72"/>'), properties=frame)


def test_word_drop_cap_joins_the_word_it_begins(tmp_path):
    body = drop_cap("T") + p("he Participants intend to review progress.")
    body += drop_cap("E", "margin") + p("ach Participant intends to report.")
    body += p("An ordinary paragraph.")
    document = read_docx(make_docx(tmp_path / "dropcap.docx", body))
    assert texts(document) == [
        "The Participants intend to review progress.",
        "Each Participant intends to report.",
        "An ordinary paragraph.",
    ]
