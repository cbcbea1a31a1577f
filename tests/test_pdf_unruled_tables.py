"""Tables without rules in a PDF: a plan typed with tab stops, or a Word table without
borders, is read as a table, not as one paragraph per row.

The PDFs are written by the test (tests/pdf_factory.py, Courier) or converted from a text
draft by LibreOffice, which sets tab-separated rows in a monospaced font with tab stops.
"""

from __future__ import annotations

import shutil

import pytest
from pdf_factory import EN, LETTER, Pdf, libreoffice_pdf

from cpc_draft.readers import read_document

ROWS = [
    ("Year", "United States (USD)", "Norland (USD)"),
    ("2027", "800,000", "400,000"),
    ("2028", "900,000", "450,000"),
    ("Total", "1,700,000", "850,000"),
]


def _table_page(path, column_x=(72, 160, 330), size=10.0):
    pdf = Pdf()
    page = pdf.page(LETTER)
    top = page.paragraph(72, 72, 460, EN[0], size=size, after=12)
    for row in ROWS:
        for x, cell in zip(column_x, row, strict=True):
            page.text(x, top + size, cell, size=size)
        top += size * 1.4
    page.paragraph(72, top + 12, 460, EN[2], size=size)
    return pdf.save(path)


def _rows(document):
    return [block.cells for block in document.blocks if block.kind == "table_row"]


def test_columns_set_with_tab_stops_are_a_table(tmp_path):
    document = read_document(_table_page(tmp_path / "plan.pdf"))
    rows = _rows(document)
    assert ("2027", "800,000", "400,000") in rows
    assert ("Total", "1,700,000", "850,000") in rows
    # the paragraphs around it stay paragraphs
    assert any(
        block.text.startswith("The Participants intend to strengthen") for block in document.blocks
    )


def test_a_cell_one_space_from_the_next_is_cut_where_its_column_starts(tmp_path):
    # "Total" ends a single space before the amounts' column: only the rows above say
    # where the column is
    pdf = Pdf()
    page = pdf.page(LETTER)
    top = 100.0
    for year, amount, other in [
        ("2027", "800,000", "1"),
        ("2028", "900,000", "2"),
        ("Totals", "1,700,000", "3"),
    ]:
        page.text(72, top, year, size=10)
        page.text(72 + 7 * 6.0, top, amount, size=10)
        page.text(250, top, other, size=10)
        top += 14
    rows = _rows(read_document(pdf.save(tmp_path / "tight.pdf")))
    assert ("Totals", "1,700,000", "3") in rows


def test_running_text_in_two_columns_is_not_a_table(tmp_path):
    pdf = Pdf()
    page = pdf.page(LETTER)
    left = page.paragraph(54, 72, 240, " ".join(EN) * 2, size=10)
    page.paragraph(318, 72, 240, " ".join(EN) * 2, size=10)
    assert left > 150
    document = read_document(pdf.save(tmp_path / "columns.pdf"))
    assert _rows(document) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_tab_separated_text_draft_converted_by_libreoffice(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(
        "The annual contributions are as follows:\n\n"
        + "\n".join("\t".join(row) for row in ROWS)
        + "\n\nA Joint Committee will review spending twice a year.\n",
        "utf-8",
    )
    rows = _rows(read_document(libreoffice_pdf(source, tmp_path)))
    assert ("2028", "900,000", "450,000") in rows
    assert ("Total", "1,700,000", "850,000") in rows
