"""A drop cap reads as the first letter of its word, in Word and in PDF: "Drop", not "D rop".

Word keeps the large letter in a paragraph of its own (``w:framePr w:dropCap``) before
the paragraph it begins. A PDF draws it beside the paragraph's first lines, often just
before the first word of the last of them, nearly touching it: PDFium then reads the two
as one token ("Treview").
"""

from __future__ import annotations

import pytest
from docx_factory import make_docx, p, r
from pdf_factory import Pdf, libreoffice_pdf, norm, placed, texts, wrap

from cpc_draft.readers.docx import read_docx
from cpc_draft.readers.pdf import read_pdf
from cpc_draft.render.pdf import find_soffice

PARAGRAPH = (
    "The Participants intend to strengthen the capacity of the national authorities to "
    "identify child victims and to refer them to specialized services, and to review "
    "progress at each Annual Dialogue."
)
SECOND = "Each Participant intends to carry out its responsibilities under its laws."


def drop_cap(letter: str, placement: str = "drop") -> str:
    frame = f'<w:framePr w:dropCap="{placement}" w:lines="3" w:wrap="around" w:vAnchor="text"/>'
    return p(r(letter, properties='<w:sz w:val="72"/>'), properties=frame)


def drop_capped(*paragraphs: str) -> str:
    """Word markup: each paragraph after a drop cap of its first letter, the second in
    the margin."""
    placements = ["drop", "margin"]
    return "".join(
        drop_cap(text[0], placements[index % 2]) + p(text[1:])
        for index, text in enumerate(paragraphs)
    )


def test_word_drop_cap_joins_the_word_it_begins(tmp_path):
    body = drop_capped(PARAGRAPH, SECOND) + p("An ordinary paragraph.")
    document = read_docx(make_docx(tmp_path / "dropcap.docx", body))
    assert texts(document) == [PARAGRAPH, SECOND, "An ordinary paragraph."]


def test_pdf_drop_cap_drawn_against_the_last_line_beside_it(tmp_path):
    # drawn as LibreOffice and Word draw it: the cap between the second and third lines,
    # on the third's baseline, 1.5 pt before its first word
    size, leading = 11.0, 13.2
    cap = 3.4 * size
    lines = wrap(PARAGRAPH[1:], 400, size)
    pdf = Pdf()
    page = pdf.page()
    for index, line in enumerate(lines):
        if index == 2:
            page.raw(f"BT {placed(72, 720 - 2 * leading, cap)} ({PARAGRAPH[0]}) Tj ET")
        x = 72 + 0.6 * cap + 1.5 if index < 3 else 72
        page.raw(f"BT {placed(x, 720 - index * leading, size)} ({line}) Tj ET")
    document = read_pdf(pdf.save(tmp_path / "dropcap.pdf"))
    assert [norm(text) for text in texts(document)] == [PARAGRAPH]


def test_word_drop_caps_survive_libreoffice_pdf(tmp_path):
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    source = make_docx(tmp_path / "dropcap.docx", drop_capped(PARAGRAPH, SECOND))
    document = read_pdf(libreoffice_pdf(source, tmp_path))
    assert texts(document) == [PARAGRAPH, SECOND]


def test_a_large_word_spelled_like_the_body_s_words_stays_whole(tmp_path):
    # "This" at 24 pt is no drop cap: the first letter of the body's "This" (at 11 pt,
    # on other lines) must not be taken for its rest, nor the large word cut up
    pdf = Pdf()
    page = pdf.page()
    page.text(72, 100, "This text is very large", size=24)
    page.text(72, 140, "This is a line of ordinary text on this page.")
    page.text(72, 180, "This is another line; it is set at the usual size.")
    document = read_pdf(pdf.save(tmp_path / "large.pdf"))
    assert [norm(text) for text in texts(document)] == [
        "This text is very large",
        "This is a line of ordinary text on this page.",
        "This is another line; it is set at the usual size.",
    ]
