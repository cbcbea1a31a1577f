"""Defect classes found reading third-party PDF corpora (issue 14), each on a PDF the test
writes: a crop box that hides nearly all of a page's text, and an inline formula whose
accent or arrow, set above it, must not lift the formula out of its line."""

from __future__ import annotations

import pypdfium2 as pdfium
from pdf_factory import EN, Pdf, placed, texts

from cpc_draft.readers.pdf import read_pdf


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
