"""Footnotes at the foot of a PDF page are the draft's footnotes, not its running text,
as the Word reader keeps a .docx's apart: a list that goes on to the next page stays
one list after its lead-in, and the note's words are not the draft's. Small
print that opens with no mark, and a numbered paragraph set small, stay in the text.
The PDFs are written by the tests (tests/pdf_factory.py)."""

from __future__ import annotations

from pdf_factory import Pdf

from cpc_draft.model import ITEM
from cpc_draft.readers.pdf import read_pdf

NOTE = "Law No. 12 of 2019 on the protection of children sets a fine of US$ 5,000."


def _draft(tmp_path, foot_lines: list[tuple[str, float]]):
    """Two pages: a lead-in and two items on the first, the rest of the list and a
    paragraph on the second; ``foot_lines`` (text, size) at the first page's foot."""
    pdf = Pdf()
    first = pdf.page()
    top = first.lines(72, 72, ["Article 3 – Responsibilities"], size=12, bold=True) + 8
    top = first.paragraph(
        72, top, 460, "The Government of Ardell intends to carry out the following duties:"
    )
    for label, text in (
        ("(a)", "assign six prosecutors to a unit;"),
        ("(b)", "open two shelters;"),
    ):
        top = first.paragraph(72, top + 6, 460, f"{label} {text}")
    baseline = 700.0
    for text, size in foot_lines:
        first.text(72, baseline, text, size=size)
        baseline += size * 1.25
    second = pdf.page()
    top = second.paragraph(72, 72, 460, "(c) train three hundred labour inspectors.")
    second.paragraph(
        72, top + 12, 460, "The United States intends to fund the training of the new unit."
    )
    return pdf.save(tmp_path / "draft.pdf")


def test_a_footnote_is_kept_apart_and_the_list_stays_whole(tmp_path):
    path = _draft(tmp_path, [("1 " + NOTE[:40], 8), (NOTE[40:], 8)])
    document = read_pdf(path)
    assert document.footnotes == (NOTE,)
    assert not any("Law No. 12" in block.text for block in document.blocks)
    texts = [block.text for block in document.blocks]
    lead_in = next(i for i, t in enumerate(texts) if t.endswith("duties:"))
    following = document.blocks[lead_in + 1 : lead_in + 4]
    assert [b.text[:3] for b in following] == ["(a)", "(b)", "(c)"]
    assert all(block.kind == ITEM for block in following)


def test_small_print_without_a_mark_and_a_small_numbered_paragraph_stay(tmp_path):
    source = "Source: administrative data of the Ministry of Justice, 2024."
    numbered = "12. This Memorandum is signed in two originals."
    for foot in ([(source, 8)], [(numbered, 8)]):
        document = read_pdf(_draft(tmp_path, foot))
        assert document.footnotes == ()
        assert any(foot[0][0][:20] in block.text for block in document.blocks)


def test_a_note_s_reference_glued_to_a_word_is_taken_off(tmp_path):
    # the raised "1" after "ARD" comes out glued to it, as LibreOffice's PDFs give it
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(
        72, 72, 460, "The Ardell dollar is the currency of Ardell, under the code ARD1."
    )
    page.paragraph(72, top + 6, 460, "Programme 1 is funded with ARD 2,000,000 in 2027.")
    page.text(72, 700, "1 Central Bank of Ardell, Currency Act of 2001.", size=8)
    document = read_pdf(pdf.save(tmp_path / "reference.pdf"))
    assert document.footnotes == ("Central Bank of Ardell, Currency Act of 2001.",)
    text = " ".join(block.text for block in document.blocks)
    assert "under the code ARD." in text and "ARD1" not in text
    assert "Programme 1 is funded" in text  # a number that is no reference stays


def test_notes_set_as_word_sets_them_10_under_11_are_notes(tmp_path):
    # Word's own template: body 11 pt, footnote text 10 pt
    path = _draft(tmp_path, [("1 " + NOTE[:48], 10), (NOTE[48:], 10)])
    document = read_pdf(path)
    assert document.footnotes == (NOTE,)
    assert not any("Law No. 12" in block.text for block in document.blocks)


def test_a_reference_standing_apart_from_its_word_is_taken_off(tmp_path):
    # a raised 6 pt "1" drawn a little after "(code ARD)", apart from it
    pdf = Pdf()
    page = pdf.page()
    page.text(72, 100, "Amounts of Ardell are in Ardell dollars (code ARD), its legal tender.")
    page.text(72 + 41 * 6.6, 96, "1", size=6)
    page.paragraph(72, 112, 460, "Programme 1 is funded with ARD 2,000,000 in 2027.")
    page.text(72, 700, "1 Central Bank of Ardell, Currency Act of 2001.", size=8)
    document = read_pdf(pdf.save(tmp_path / "apart.pdf"))
    assert document.footnotes == ("Central Bank of Ardell, Currency Act of 2001.",)
    text = " ".join(block.text for block in document.blocks)
    assert "(code ARD)" in text and " 1 " not in text.replace("Programme 1 ", "")
    assert "Programme 1 is funded" in text
