"""The redline keeps the layout of the new version: a side-by-side landscape draft gives a
side-by-side landscape redline (a column per language, each block in the row the new
version gives it), and signature blocks keep their look (no grid, a paragraph a line,
the place and date of signature on their page) in either layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import convert_to_pdf, requires_libreoffice
from lxml import etree
from redline_helpers import W, libreoffice_accept_and_reject, main_part, reject_all, w
from version_factory import Version

from cpc_draft.cli import main
from cpc_draft.readers import read_document
from cpc_draft.text.bilingual import language_streams

NS = {"w": W}
OLD_AMOUNT, NEW_AMOUNT = "(US$5,000,000)", "(US$5,500,000)"


def redline(assembled, folder: Path, layout: str) -> tuple[Path, Path, Path]:
    """Peru in ``layout``: its English amount raised and its data clause deleted."""
    old = assembled[f"peru-{layout}-us"][1]
    new = (
        Version(old)
        .replace(OLD_AMOUNT, NEW_AMOUNT)
        .delete("data_management")
        .renumber()
        .save(folder / "new.docx")
    )
    output = folder / "redline.docx"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--format", "docx",
                                       "-o", str(output)])  # fmt: skip
    assert result.exit_code == 1, result.output
    return old, new, output


@pytest.fixture(scope="module")
def side_by_side(assembled, tmp_path_factory) -> tuple[Path, Path, Path]:
    return redline(assembled, tmp_path_factory.mktemp("side-by-side"), "side-by-side")


@pytest.fixture(scope="module")
def sequential(assembled, tmp_path_factory) -> tuple[Path, Path, Path]:
    return redline(assembled, tmp_path_factory.mktemp("sequential"), "sequential")


def body(path: Path) -> etree._Element:
    return etree.fromstring(main_part(path.read_bytes())).find(w("body"))


def page_size(path: Path) -> tuple[int, int]:
    size = body(path).find(f"{w('sectPr')}/{w('pgSz')}")
    return int(size.get(w("w"))), int(size.get(w("h")))


def streams(path: Path) -> dict[str, list[str]]:
    """Each language's text as it reads, column by column."""
    found = language_streams(read_document(path))
    return {
        language: [" ".join(block.text.split()) for block in stream.blocks]
        for language, stream in found.items()
    }


def cell_texts(row: etree._Element) -> list[str]:
    return ["".join(cell.itertext()) for cell in row.xpath("w:tc", namespaces=NS)]


def signature_tables(path: Path) -> list[etree._Element]:
    return [
        table
        for table in body(path).iter(w("tbl"))
        if "______" in "".join(table.itertext()) and not table.xpath(".//w:tbl", namespaces=NS)
    ]


def test_a_side_by_side_draft_gives_a_landscape_side_by_side_redline(side_by_side):
    width, height = page_size(side_by_side[2])
    assert width > height
    (layout,) = body(side_by_side[2]).xpath("w:tbl", namespaces=NS)
    assert len(layout.xpath("w:tblGrid/w:gridCol", namespaces=NS)) == 2
    rows = layout.xpath("w:tr", namespaces=NS)
    # the amount changed in the English column, beside the unchanged Spanish text
    (amount_row,) = [row for row in rows if "5,500,000" in "".join(row.itertext())]
    english, spanish = cell_texts(amount_row)
    assert "5,000,0005,500,000" in english  # the deleted amount, then the inserted one
    assert "5.000.000\xa0USD" in spanish and "US$" not in spanish
    # the deleted article stands in a row of its own, in both columns, deleted
    (deleted_row,) = [row for row in rows if "Child Protection Data" in "".join(row.itertext())]
    english, spanish = cell_texts(deleted_row)
    assert english.startswith("Article 10Child Protection Data")
    assert spanish.startswith("Artículo 10Datos de protección")
    assert not deleted_row.xpath(".//w:t", namespaces=NS)  # all of it w:delText


def test_a_sequential_draft_gives_a_portrait_redline(sequential):
    width, height = page_size(sequential[2])
    assert width < height
    assert body(sequential[2])[0].tag == w("p")  # text, not a layout table


@pytest.mark.parametrize("layout", ["side_by_side", "sequential"])
def test_signature_blocks_keep_their_look(layout, request):
    output = request.getfixturevalue(layout)[2]
    tables = signature_tables(output)
    assert len(tables) == 2  # one per language
    for table in tables:
        assert not table.xpath("w:tblPr/w:tblStyle", namespaces=NS)  # no grid
        assert table.xpath("w:tblPr/w:tblBorders/w:top[@w:val='nil']", namespaces=NS)
        lines = ["".join(p.itertext()) for p in table.iter(w("p")) if "".join(p.itertext()).strip()]
        assert len(lines) == 8  # a paragraph a line: heading, line, name, title, twice
        bold = [p for p in table.iter(w("p")) if p.xpath(".//w:rPr/w:b", namespaces=NS)]
        assert ["".join(p.itertext()) for p in bold] == [lines[0], lines[4]]
        assert lines[0].endswith(":") and lines[1].startswith("______")


def test_side_by_side_signatures_stay_with_the_place_and_date(side_by_side):
    (layout,) = body(side_by_side[2]).xpath("w:tbl", namespaces=NS)
    rows = layout.xpath("w:tr", namespaces=NS)
    (signed,) = [i for i, row in enumerate(rows) if "______" in "".join(row.itertext())]
    assert rows[signed].xpath("w:trPr/w:cantSplit", namespaces=NS)
    if "Done at Lima" in "".join(rows[signed].itertext()):
        return  # the draft sets "Done at" in the signatures' own row, which cannot split
    place = rows[signed - 1]
    assert "Done at Lima" in "".join(place.itertext())
    paragraphs = place.xpath(".//w:p", namespaces=NS)
    assert paragraphs and all(p.xpath("w:pPr/w:keepNext", namespaces=NS) for p in paragraphs)


def test_side_by_side_redline_accepts_to_new_and_rejects_to_old(side_by_side, tmp_path):
    old, new, output = side_by_side
    assert streams(output) == streams(new)
    rejected = tmp_path / "rejected.docx"
    rejected.write_bytes(reject_all(output.read_bytes()))
    assert streams(rejected) == streams(old)


@requires_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_accepts_rejects_and_lays_it_out(side_by_side, tmp_path):
    old, new, output = side_by_side
    accepted, rejected = libreoffice_accept_and_reject(output, tmp_path)
    assert streams(accepted) == streams(new)
    assert streams(rejected) == streams(old)
    pdf = convert_to_pdf([output], tmp_path)[output]
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        assert all(page.width > page.height for page in document.pages)
        last = document.pages[-1].extract_text()
    # the place and date of signature and every signature block on one page
    for words in ("Done at Lima", "Hecho en Lima", "Brian A. Nichols", "Ricardo Luna Mendoza"):
        assert words in last
