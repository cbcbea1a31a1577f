"""Defect classes found reading third-party PDF corpora (issue 14), each on a PDF the test
writes: a crop box that hides nearly all of a page's text, an inline formula whose
accent or arrow, set above it, must not lift the formula out of its line, and a text
layer in a script other than Latin (over a scanned image) taken for a poor OCR's."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdf_factory import EN, Pdf, placed, texts, wrap

from cpc_draft.readers.pdf import read_pdf

# EN[0] and EN[1] in Russian: a text layer that a check for Latin vowels finds none in
RU = (
    "Участники намерены укрепить возможности национальных органов власти по выявлению "
    "детей, пострадавших от торговли людьми, и направлять их в специализированные службы. "
    "Каждый участник намерен выполнять свои обязанности в соответствии с применимыми "
    "законами."
)
FONTS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
]


def _cropped(tmp_path, pdf: Pdf, box: tuple[float, float, float, float]):
    """The PDF saved with its first page's crop box set to ``box`` (PDF user space)."""
    plain = pdf.save(tmp_path / "plain.pdf")
    document = pdfium.PdfDocument(plain)
    document[0].set_cropbox(*box)
    target = tmp_path / "cropped.pdf"
    document.save(target)
    document.close()
    return target


def test_a_crop_box_hiding_nearly_all_the_text_is_read_whole_and_said(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = 72.0
    for paragraph in EN:
        top = page.paragraph(72, top, 440, paragraph)
    # a sliver of the first line, 60 by 10 points: what a viewer would show of the page
    document = read_pdf(_cropped(tmp_path, pdf, (72, 700, 132, 710)))
    assert " ".join(texts(document)) == " ".join(EN)
    assert any("crop box" in warning for warning in document.warnings)


def test_a_crop_box_trimming_the_margins_keeps_what_lies_outside_unread(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.paragraph(72, 72, 440, EN[0])
    page.text(20, 780, "SLUG 0042 PROOF PLATE CYAN")  # a printer's mark, cut off by the crop
    document = read_pdf(_cropped(tmp_path, pdf, (36, 36, 576, 756)))
    assert texts(document) == [EN[0]]
    assert document.warnings == ()


def test_a_formula_under_a_raised_arrow_stays_in_its_line(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    # text at 11 pt; the vectors at 7 pt on the same baseline; an arrow (a 7 pt "~")
    # set 5 pt above each vector, the first higher than the second
    page.raw(f"BT {placed(72, 700, 11)} (The vectors) Tj ET")
    page.raw(f"BT {placed(72, 686, 11)} (and the line below them) Tj ET")
    page.raw(f"BT {placed(160, 700, 7)} (uv) Tj ET")
    page.raw(f"BT {placed(160, 707, 7)} (~~) Tj ET")
    page.raw(f"BT {placed(182, 700, 11)} (are equal to) Tj ET")
    page.raw(f"BT {placed(272, 700, 7)} (ij) Tj ET")
    page.raw(f"BT {placed(272, 705, 7)} (~~) Tj ET")
    page.raw(f"BT {placed(294, 700, 11)} (here.) Tj ET")
    document = read_pdf(pdf.save(tmp_path / "formula.pdf"))
    read = " ".join(texts(document)).replace("~~ ", "").replace(" ~~", "")
    assert read == "The vectors uv are equal to ij here. and the line below them"


def _scan_with_text_layer(tmp_path, text: str, font_file: Path) -> Path:
    """A scanned page (a page-sized image) with ``text`` as its text layer, set by PDFium
    in an embedded TrueType font (so the layer maps to Unicode like real OCR output)."""
    pdf = Pdf()
    pdf.page().scanned()
    document = pdfium.PdfDocument(pdf.save(tmp_path / "scan.pdf"))
    page = document[0]
    data = font_file.read_bytes()
    font_data = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = pdfium_c.FPDFText_LoadFont(
        document.raw, font_data, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True
    )
    for index, line in enumerate(wrap(text, 440, 11 * 0.9)):
        run = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, font, 11.0)
        encoded = ctypes.create_string_buffer((line + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(run, ctypes.cast(encoded, pdfium_c.FPDF_WIDESTRING))
        pdfium_c.FPDFPageObj_Transform(run, 1, 0, 0, 1, 72, 720 - index * 14)
        pdfium_c.FPDFPage_InsertObject(page.raw, run)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    target = tmp_path / "layered.pdf"
    document.save(target)
    document.close()
    return target


def test_a_text_layer_in_cyrillic_over_a_scan_is_read_not_replaced_by_ocr(tmp_path):
    font_file = next((path for path in FONTS if path.exists()), None)
    if font_file is None:
        pytest.skip("no DejaVu Sans font to write Cyrillic with")
    document = read_pdf(_scan_with_text_layer(tmp_path, RU, font_file))
    assert " ".join(texts(document)) == RU
    assert not any("OCR" in warning for warning in document.warnings)


def _justified(text: str, chars: int) -> list[str]:
    """``text`` in lines of exactly ``chars`` Courier characters (spaces widened), the
    last line left as it is: a justified column."""
    lines = wrap(text, chars * 0.6 * 10, 10)
    out = []
    for line in lines[:-1]:
        words = line.split()
        missing = chars - len(line)
        for index in range(missing):
            words[index % (len(words) - 1)] += " "
        out.append(" ".join(words))
    return [*out, lines[-1]]


def test_two_columns_ten_points_apart_under_a_full_width_title_read_column_by_column(
    tmp_path,
):
    # LaTeX's two-column layout: columns a mere 10 pt (1 em) apart, a title across both;
    # the left column justified, so that its lines end 10 pt from the right one's
    left_text = " ".join(EN) + " " + EN[0]
    right_text = " ".join(reversed(EN)) + " " + EN[1]
    title = "A Compact Between Two Participants Set In Two Narrow Columns Of Text"
    pdf = Pdf()
    page = pdf.page()
    page.lines(72, 72, [title], size=10)
    left, right = _justified(left_text, 36), wrap(right_text, 36 * 6, 10)
    page.lines(72, 100, left, size=10)
    page.lines(72 + 36 * 6 + 10, 100, right, size=10)
    document = read_pdf(pdf.save(tmp_path / "columns.pdf"))
    assert " ".join(" ".join(texts(document)).split()) == f"{title} {left_text} {right_text}"


def test_a_sentence_goes_on_after_a_short_line_whatever_a_scan_makes_of_its_size(tmp_path):
    """A list item whose line ends early ("… a competitive") and goes on in lowercase on
    the next ("procedure;"), the second line's words measured a little taller (as OCR
    measures them): one item, not an item and a stray paragraph."""
    pdf = Pdf()
    page = pdf.page()
    page.text(72, 100, "(a) fund implementing partners through grants and agreements;", size=11)
    page.text(72, 114, "(b) select the implementing partners through a competitive", size=11)
    page.text(72, 128, "procedure;", size=12.5)
    page.text(72, 142, "(c) provide technical assistance to the police and prosecutors.", size=11)
    read = [block.text for block in read_pdf(pdf.save(tmp_path / "item.pdf")).blocks]
    assert "(b) select the implementing partners through a competitive procedure;" in read
    assert "procedure;" not in read
