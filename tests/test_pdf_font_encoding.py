"""Fonts without a ToUnicode map, read by their glyphs' names (issue 14).

The PDFs are made by :mod:`pdf_font_cases`: codes 1, 2, 3… (control codes, as subset
fonts number their glyphs) named "T.alt", "f_f_i"…, by an embedded Type 1 program's own
encoding, by /Differences over Helvetica, or by /Differences of a Type 3 font. What is
tested is the text ``cpc-draft extract`` prints.
"""

from __future__ import annotations

import unicodedata

import pytest
from click.testing import CliRunner
from pdf_font_cases import GLYPH_TEXT, GlyphNamePdf
from pdf_objects import write_pdf

from cpc_draft.cli import main

UNDECODED = "could not be decoded"


def _extract(path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["extract", str(path)])
    return result.exit_code, result.output


@pytest.mark.parametrize("kind", ["built-in", "cff built-in", "differences", "type 3"])
def test_text_is_read_from_glyph_names(tmp_path, kind):
    path = GlyphNamePdf(kind).save(tmp_path / "names.pdf")
    code, output = _extract(path)
    assert code == 0, output
    # "f_f_i" reads as the ligature's own character, as PDFium gives a font's /ffi
    assert GLYPH_TEXT in unicodedata.normalize("NFKC", output)
    assert "Signed in two copies." in output
    assert UNDECODED not in output


def test_ligature_is_one_character_in_its_word(tmp_path):
    path = GlyphNamePdf("differences", "The official text.").save(tmp_path / "ffi.pdf")
    code, output = _extract(path)
    assert code == 0, output
    assert "The o\ufb03cial text." in output


def test_names_that_tell_nothing_stay_undecoded_and_are_reported(tmp_path):
    # "g18", "g19"…: glyph numbers of a font the PDF does not hold; no reader can know them
    path = GlyphNamePdf("differences", numbered=True).save(tmp_path / "numbered.pdf")
    code, output = _extract(path)
    assert code == 0, output
    assert UNDECODED in output
    assert "Participants" not in output
    assert "Signed in two copies." in output


def test_fonts_of_one_name_that_disagree_are_left_alone(tmp_path):
    # two Type 3 fonts (no name, as PDFium sees them) give code 1 different glyphs: which
    # font drew it cannot be told, so neither reading is guessed
    font = (
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        "/Resources << >> /CharProcs << /{name} 8 0 R /space 8 0 R >> /FirstChar 5 /LastChar 6 "
        "/Widths [500 500] /Encoding << /Differences [5 /{name} /space] >> >>"
    )
    content = (
        "BT /F2 12 Tf 72 700 Td <050605> Tj ET BT /F3 12 Tf 72 680 Td <050605> Tj ET "
        "BT /F4 12 Tf 72 660 Td (Signed.) Tj ET"
    )
    path = write_pdf(
        tmp_path / "two.pdf",
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            "/Resources << /Font << /F2 5 0 R /F3 6 0 R /F4 7 0 R >> >> /Contents 4 0 R >>",
            ("", content.encode("latin-1")),
            font.format(name="X"),
            font.format(name="Y"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
            ("", b"500 0 d0 50 0 400 600 re f"),
        ],
    )
    code, output = _extract(path)
    assert code == 0, output
    assert "Signed." in output
    assert not {"X", "Y"} & set(output.split("\n", 1)[1])


def test_encoding_references_in_a_loop_end_in_pdfiums_text(tmp_path):
    # a hostile file: the font's /Encoding is a reference to a reference… back to itself
    content = "BT /F2 12 Tf 72 700 Td <0102> Tj ET BT /F1 12 Tf 72 680 Td (Signed.) Tj ET"
    path = write_pdf(
        tmp_path / "loop.pdf",
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
            ("", content.encode("latin-1")),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding 7 0 R >>",
            "8 0 R",
            "7 0 R",
        ],
    )
    code, output = _extract(path)
    assert code == 0, output
    assert "Signed." in output


def test_a_broken_font_program_leaves_pdfiums_text(tmp_path):
    path = GlyphNamePdf("cff built-in", cut=True).save(tmp_path / "cut.pdf")
    code, output = _extract(path)
    assert code == 0, output
    assert "Signed in two copies." in output


def test_a_space_pdfium_makes_up_stays_a_space(tmp_path):
    # TeX's math italic names its code 32 "psi": the space PDFium puts between two words
    # of that font is no glyph of it, and must not read as "ψ"
    font = (
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        "/Resources << >> /CharProcs << /x 7 0 R /y 7 0 R /z 7 0 R /psi 7 0 R >> /FirstChar 1 "
        "/LastChar 32 /Widths [500 500 500 " + "0 " * 28 + "500] "
        "/Encoding << /Differences [1 /x /y /z 32 /psi] >> >>"
    )
    content = (
        "BT /F2 12 Tf 72 700 Td [<010203> -3000 <030201> -3000 <010203>] TJ ET "
        "BT /F1 12 Tf 72 660 Td (Signed.) Tj ET"
    )
    path = write_pdf(
        tmp_path / "space.pdf",
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
            ("", content.encode("latin-1")),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
            font,
            ("", b"500 0 d0 50 0 400 600 re f"),
        ],
    )
    code, output = _extract(path)
    assert code == 0, output
    assert "xyz zyx xyz" in output
    assert "ψ" not in output
