"""The PDF reader on the defects of PDFs made by other software (issue 14).

Every PDF is written by the test (tests/pdf_factory.py, raw content streams for exact
control of letter spacing, TJ kerning, glyph placement, overprinting, rotation matrices,
form fields and annotations); each case knows the text a reader must see.
"""

from __future__ import annotations

import math

import pytest
from click.testing import CliRunner
from pdf_factory import EN, Pdf, fidelity_cases, placed, texts

from cpc_draft.cli import main
from cpc_draft.readers.pdf import read_pdf
from cpc_draft.readers.pdf.aside import aside_blocks
from cpc_draft.readers.pdf.geometry import Word
from cpc_draft.readers.pdf.glyphs import join_vertical

CASES = {name: (pdf, text, origin) for name, pdf, text, origin in fidelity_cases()}
RUNNING_TEXT = [name for name, (_, _, origin) in CASES.items() if origin is None]


@pytest.mark.parametrize("name", RUNNING_TEXT)
def test_defects_of_running_text_read_as_written(tmp_path, name):
    # letter spacing, kerning, glyph by glyph, overprint, drop cap, close lines
    pdf, text, _ = CASES[name]
    document = read_pdf(pdf.save(tmp_path / "case.pdf"))
    assert texts(document) == [text]
    assert document.blocks[0].origin is None
    assert document.warnings == ()


@pytest.mark.parametrize("name", ["rotated stamp", "form fields", "free text", "comment"])
def test_text_outside_the_running_text_is_read_after_it_and_marked(tmp_path, name):
    pdf, text, origin = CASES[name]
    document = read_pdf(pdf.save(tmp_path / "case.pdf"))
    marked = [block for block in document.blocks if block.origin == origin]
    assert " ".join(block.text for block in marked) == text
    first_marked = document.blocks.index(marked[0])
    assert all(block.origin is None for block in document.blocks[:first_marked])
    assert all(block.origin is not None for block in document.blocks[first_marked:])


def test_overprinted_fake_bold_reads_once(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    line = "(ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD.) Tj"
    page.raw(f"BT {placed(72, 720, 11)} {line} ET")
    page.raw(f"BT /F1 1 Tf 11 0 0 11 72.3 720.2 Tm {line} ET")  # a third of a point off
    document = read_pdf(pdf.save(tmp_path / "bold.pdf"))
    assert texts(document) == ["ANHUI ANLI ARTIFICIAL LEATHER CO.,LTD."]


def test_letters_a_space_apart_stay_apart(tmp_path):
    # real spaces between single letters and figures are the author's: "1 2 3 4 5"
    pdf = Pdf()
    pdf.page().lines(72, 72, ["Rate each item 1 2 3 4 5 or a b c"])
    document = read_pdf(pdf.save(tmp_path / "scale.pdf"))
    assert texts(document) == ["Rate each item 1 2 3 4 5 or a b c"]


def test_one_kerned_gap_inside_a_word_is_no_space(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.raw(f"BT {placed(72, 720, 11)} [(Agenc) -115 (y) -500 (and) -500 (Nort) -120 (h)] TJ ET")
    document = read_pdf(pdf.save(tmp_path / "kern.pdf"))
    assert texts(document) == ["Agency and North"]


def test_two_lines_close_together_are_not_mixed(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    # interleaved on one band of the page: 7 pt print, baselines 1.7 pt apart
    page.raw(f"BT {placed(72, 700, 7)} (alpha beta gamma delta) Tj ET")
    page.raw(f"BT {placed(90, 698.3, 7)} (one two three four) Tj ET")
    document = read_pdf(pdf.save(tmp_path / "close.pdf"))
    assert " ".join(texts(document)) == "alpha beta gamma delta one two three four"


def test_margin_stamps_read_in_their_own_direction(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.paragraph(72, 72, 468, EN[0])
    page.text(40, 600, "RECEIVED BY THE MINISTRY", size=9, angle=90)  # reads upwards
    page.text(580, 200, "COPY FOR THE FILE", size=9, angle=-90)  # reads downwards
    document = read_pdf(pdf.save(tmp_path / "stamps.pdf"))
    assert texts(document) == [EN[0], "RECEIVED BY THE MINISTRY", "COPY FOR THE FILE"]
    assert [block.origin for block in document.blocks] == [None, "rotated", "rotated"]


def test_a_rotated_stamp_of_two_lines_is_one_block(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.paragraph(72, 72, 468, EN[0])
    turn = math.radians(30)
    for index, line in enumerate(["APPROVED", "12 MARCH 2024"]):
        # the second line below the first, across the text's own direction
        x = 300 + index * 12 * math.sin(turn)
        y = 400 - index * 12 * math.cos(turn)
        page.raw(
            f"BT /F1 10 Tf {math.cos(turn):.4f} {math.sin(turn):.4f} {-math.sin(turn):.4f} "
            f"{math.cos(turn):.4f} {x:.2f} {y:.2f} Tm ({line}) Tj ET"
        )
    document = read_pdf(pdf.save(tmp_path / "stamp.pdf"))
    assert texts(document) == [EN[0], "APPROVED 12 MARCH 2024"]


def test_a_form_whose_only_text_is_in_its_fields_is_read(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.form_field("name", (150, 700, 450, 716), "Ministry of Justice")
    page.form_field("country", (150, 680, 450, 696), "Republic of Peru")
    path = pdf.save(tmp_path / "form.pdf")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [
        "[0 p1 ?? paragraph form field] Ministry of Justice",
        "[1 p1 ?? paragraph form field] Republic of Peru",
    ]


def test_hidden_notes_popups_and_ticked_boxes_are_not_text(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.paragraph(72, 72, 468, EN[2])
    page.annotation("Text", (50, 500, 70, 520), "A hidden note", "/F 2")
    page.annotation("Popup", (50, 400, 200, 450), "The note again")
    page.annotations.append("/Subtype /Widget /FT /Btn /T (agree) /Rect [72 300 84 312] /V /Yes")
    page.annotation("FreeText", (300, 500, 500, 540), "Shown note")
    page.annotation("Highlight", (72, 700, 200, 712), "Why only four years?")
    document = read_pdf(pdf.save(tmp_path / "notes.pdf"))
    assert texts(document) == [EN[2], "Shown note", "Why only four years?"]
    assert [block.origin for block in document.blocks] == [None, "annotation", "comment"]


def test_blank_pdf_with_an_empty_field_is_still_blank(tmp_path):
    pdf = Pdf()
    pdf.page().form_field("name", (150, 700, 450, 716), "")
    result = CliRunner().invoke(main, ["extract", str(pdf.save(tmp_path / "empty-form.pdf"))])
    assert result.exit_code == 2
    assert result.output.strip().endswith("has no text: its only page is blank")


def test_east_asian_columns_read_right_to_left_as_columns():
    # positioned words as PDFium gives them for vertical text: one character each
    def column(x: float, text: str) -> list[Word]:
        return [
            Word(char, x, x + 12, 100 + 12 * i - 9.6, 100 + 12 * i + 3, 12.0)
            for i, char in enumerate(text)
        ]

    words = join_vertical(column(400, "儿童保护") + column(385, "契约双方"))
    assert [(word.text, word.origin) for word in words] == [
        ("儿童保护", "vertical"),
        ("契约双方", "vertical"),
    ]
    assert aside_blocks(words, []) == [("vertical", "儿童保护契约双方")]


def test_figures_stacked_in_a_table_column_are_not_vertical_text():
    words = [Word(str(n), 300, 310, 100 + 12 * n, 112 + 12 * n, 10.0) for n in range(5)]
    assert [word.text for word in join_vertical(words)] == ["0", "1", "2", "3", "4"]
