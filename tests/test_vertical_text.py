"""East Asian text set vertically, in Word and in PDF: read as whole lines.

A Word cell or section with ``w:textDirection`` (top to bottom, columns right to left)
keeps its text in reading order. In a PDF, vertical text is drawn with a vertical CMap
(``-V``: each glyph below the last) or glyph by glyph, one under another; a reader sees
each column as a line, top to bottom, the columns right to left.
"""

from __future__ import annotations

import pytest
from docx_factory import cell, make_docx, p, row, table
from pdf_objects import FONT_FILE, CidFont, extract, one_page

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


# -- PDF ----------------------------------------------------------------------------------

ENGLISH = "The Participants intend to review progress at each Annual Dialogue."
RIGHT, LEFT = "儿童保护契约的目的", "双方意图如下。"


@pytest.fixture
def font():
    if not FONT_FILE.exists():
        pytest.skip(f"{FONT_FILE} (fonts-dejavu-core) is not installed")
    return CidFont()


def test_pdf_vertical_cmap_reads_columns_top_to_bottom_right_to_left(tmp_path, font):
    # Identity-V: one string a column, each glyph below the last
    content = f"BT /F1 11 Tf 72 720 Td ({ENGLISH}) Tj ET"
    for x, column in ((400, RIGHT), (382, LEFT)):
        content += f" BT /C1 14 Tf 1 0 0 1 {x} 640 Tm {font.string(column)} Tj ET"
    path = one_page(tmp_path / "vertical.pdf", content, "/C1 6 0 R", font.objects(6, True))
    assert extract(path) == [("", ENGLISH), ("vertical", RIGHT + LEFT)]


def test_pdf_glyphs_placed_one_under_another_read_as_columns(tmp_path, font):
    # a horizontal font, each glyph placed by hand below the last; the left column is
    # drawn first, which must not change the order it is read in
    content = ""
    for x, column in ((382, LEFT), (400, RIGHT)):
        for place, char in enumerate(column):
            y = 640 - 16 * place
            content += f" BT /C1 14 Tf 1 0 0 1 {x} {y} Tm {font.string(char)} Tj ET"
    path = one_page(tmp_path / "stacked.pdf", content, "/C1 6 0 R", font.objects(6, False))
    assert extract(path) == [("vertical", RIGHT + LEFT)]


def test_pdf_short_last_columns_stay_in_their_paragraph(tmp_path, font):
    # a paragraph's last column may hold one or two characters; it is read after the
    # columns before it, not as running text ahead of them
    paragraphs = ["参与方打算加强国家当局的能力。", "各参与方打算依照其法律履行职责。"]
    content, x = "", 500
    for paragraph in paragraphs:
        for start in range(0, len(paragraph), 7):
            column = paragraph[start : start + 7]
            content += f" BT /C1 14 Tf 1 0 0 1 {x} 700 Tm {font.string(column)} Tj ET"
            x -= 20
    assert [len(text) % 7 for text in paragraphs] == [1, 2]
    path = one_page(tmp_path / "short.pdf", content, "/C1 6 0 R", font.objects(6, True))
    assert extract(path) == [("vertical", "".join(paragraphs))]
