"""The assembled drafts, converted with LibreOffice and read back: every paragraph,
heading and table row in order, language columns side by side, no running lines.
Skipped when LibreOffice is not installed.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pdfplumber
import pytest
from conftest import ROOT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from pdf_factory import libreoffice_pdf, norm, soffice, texts

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.readers.pdf import read_pdf

needs_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)


# -- the assembled drafts, through LibreOffice -------------------------------------------------


def _add_running_header_and_page_numbers(document) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = "Draft for review - Peru CPC Partnership"
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    for field in ("PAGE", "NUMPAGES"):
        footer._p.append(
            parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr="{field}"><w:r><w:t>1</w:t></w:r>'
                "</w:fldSimple>"
            )
        )
        if field == "PAGE":
            footer._p.append(
                parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> of </w:t></w:r>')
            )


@pytest.fixture(scope="session")
def drafts(tmp_path_factory):
    """Peru, sequential and side by side, with a running header and "Page N of M" footer."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from cpc_draft.render.docx import build_document

    folder = tmp_path_factory.mktemp("pdf-drafts")
    result = {}
    for layout in ("sequential", "side-by-side"):
        draft = build_draft(ROOT / "examples/peru.yaml", AssembleOptions(layout=layout))
        # this test's own header and footer instead of the draft's furniture
        document = build_document(dataclasses.replace(draft, furniture={}))
        _add_running_header_and_page_numbers(document)
        source = folder / f"peru-{layout}.docx"
        document.save(str(source))
        result[layout] = (draft, source, libreoffice_pdf(source, folder))
    return result


def _expected_paragraphs(docx: Path, side_by_side: bool) -> dict[int | None, list[str]]:
    """Body paragraphs outside data tables, per side-by-side column (None: sequential)."""
    from docx import Document as WordDocument

    body = WordDocument(str(docx)).element.body
    found: dict[int | None, list[str]] = {}
    for element in body.iter(qn("w:p")):
        tables = list(element.iterancestors(qn("w:tbl")))
        if tables and len(tables[0].find(qn("w:tr")).findall(qn("w:tc"))) >= 3:
            continue  # a data table: checked as table rows
        text = norm(Paragraph(element, None).text)
        if not text:
            continue  # spacers, as between the layout and the tables set outside it
        column = None
        if side_by_side:
            outer = list(element.iterancestors(qn("w:tc")))[-1]
            column = outer.getparent().findall(qn("w:tc")).index(outer)
        found.setdefault(column, []).append(text)
    return found


def _expected_rows(docx: Path) -> list[tuple[str, ...]]:
    from docx import Document as WordDocument

    rows = []
    for table in WordDocument(str(docx)).element.body.iter(qn("w:tbl")):
        first = table.find(qn("w:tr"))
        if len(first.findall(qn("w:tc"))) < 3:
            continue
        for row in table.iterchildren(qn("w:tr")):
            cells = []
            for cell in row.iterchildren(qn("w:tc")):
                cells.append(norm(" ".join(Paragraph(p, None).text for p in cell.iter(qn("w:p")))))
            rows.append(tuple(cells))
    return rows


@needs_libreoffice
def test_sequential_draft_every_paragraph_in_order(drafts):
    _, docx, pdf = drafts["sequential"]
    document = read_pdf(pdf)
    expected = _expected_paragraphs(docx, side_by_side=False)[None]
    ours = [norm(b.text) for b in document.blocks if b.kind != "table_row"]
    assert len(expected) > 200
    # every paragraph whole, none split or merged; in order, but for the signature table
    # (two cells side by side), which is read page by page, left cell then right cell
    assert sorted(ours) == sorted(expected)
    signatures = {
        text
        for text in expected
        if text.startswith(("FOR THE", "POR EL", "Name:", "Nombre:", "Title:", "Cargo:", "___"))
    }
    assert len(signatures) >= 6
    assert [t for t in ours if t not in signatures] == [t for t in expected if t not in signatures]


@needs_libreoffice
def test_sequential_draft_article_headings_in_order(drafts):
    _, _, pdf = drafts["sequential"]
    headings = texts(read_pdf(pdf), "heading")
    articles = [h for h in headings if re.fullmatch(r"Article \d+", h)]
    articulos = [h for h in headings if re.fullmatch(r"Artículo \d+", h)]
    count = len(articles)
    assert count >= 10
    assert articles == [f"Article {n}" for n in range(1, count + 1)]
    assert articulos == [f"Artículo {n}" for n in range(1, count + 1)]
    assert headings.index("Article 1") < headings.index("Artículo 1")
    assert "Purpose" in headings and "Objeto" in headings


@needs_libreoffice
@pytest.mark.parametrize("layout", ["sequential", "side-by-side"])
def test_financial_plan_and_indicator_tables_come_out_as_rows(drafts, layout):
    _, docx, pdf = drafts[layout]
    document = read_pdf(pdf)
    rows = [b for b in document.blocks if b.kind == "table_row"]
    expected = _expected_rows(docx)
    ours = [tuple(norm(c) for c in b.cells) for b in rows]
    if layout == "sequential":
        assert ours == expected  # continued tables: repeated headers dropped, order kept
    else:
        assert sorted(ours) == sorted(expected)
    assert ("Total", "US$5,000,000", "PEN 8,000,000") in ours
    assert ("Total", "5.000.000 USD", "8.000.000 PEN") in ours
    total = next(b for b in rows if b.cells[0] == "Total")
    assert total.text == " | ".join(total.cells) and total.row > 0
    # every docx data table is one table, continued across pages under one number
    docx_tables = sum(
        1
        for row in expected
        if row[0]
        in (
            "Program or initiative",
            "Programa o iniciativa",
            "Indicator",
            "Indicador",
            "Year",
            "Año",
        )
    )
    assert len({b.table for b in rows}) == docx_tables
    paragraphs = " ".join(texts(document, "paragraph"))
    assert "US$1,600,000" not in paragraphs


@needs_libreoffice
def test_tables_match_pdfplumbers_own_table_finder(drafts):
    _, _, pdf = drafts["sequential"]
    document = read_pdf(pdf)
    rows = [b for b in document.blocks if b.kind == "table_row"]
    headers = {tuple(b.cells) for b in rows if b.row == 0}  # repeated on continued pages
    with pdfplumber.open(pdf) as plumber:
        for number, page in enumerate(plumber.pages, 1):
            theirs = [
                tuple(norm(cell or "") for cell in row)
                for table in page.extract_tables()
                for row in table
            ]
            ours = [tuple(norm(c) for c in b.cells) for b in rows if b.page == number]
            assert all(row in theirs for row in ours), number
            assert all(row in ours or row in headers for row in theirs), number
            page.flush_cache()


@needs_libreoffice
def test_side_by_side_draft_gives_two_language_columns(drafts):
    _, docx, pdf = drafts["side-by-side"]
    document = read_pdf(pdf)
    expected = _expected_paragraphs(docx, side_by_side=True)
    english, spanish = expected[0], expected[1]
    for column, wanted in ((0, english), (1, spanish)):
        ours = [
            norm(b.text) for b in document.blocks if b.column == column and b.kind != "table_row"
        ]
        assert ours == wanted  # every paragraph, in order, whole across page breaks
    for page in range(1, document.pages + 1):
        columns = [b.column for b in document.blocks if b.page == page and b.kind != "table_row"]
        assert columns == sorted(columns), page  # left column first, then the right
    headings = [(b.column, b.text) for b in document.blocks if b.kind == "heading"]
    assert (0, "Article 1") in headings and (1, "Artículo 1") in headings
    assert all(b.column in (0, 1) for b in document.blocks)


@needs_libreoffice
@pytest.mark.parametrize("layout", ["sequential", "side-by-side"])
def test_no_page_numbers_or_headers_leak(drafts, layout):
    _, _, pdf = drafts[layout]
    document = read_pdf(pdf)
    assert document.headers == ("Draft for review - Peru CPC Partnership",)
    for block in document.blocks:
        assert "Draft for review" not in block.text
        assert not re.search(r"Page \d+ of \d+", block.text)
        assert not re.fullmatch(r"\d+", block.text)
