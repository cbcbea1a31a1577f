"""Numbered section titles in sentence case, as concept notes and ministries' plans set
them: "3. What the two governments want to achieve" after "2. Purpose" and its paragraph,
"4. Who does what" after the bulleted list of section 3. Each is the next title of the
draft's outline, not a member of the list before it, in the text, Word and PDF forms of
the same draft alike. A numbered list that goes on counting stays a list.

The drafts are written here for these tests (fictional partner Verel); the Word form uses
Word's own "List Bullet" style, whose bullet is the Symbol font's, and the PDF is that
document converted by LibreOffice, as a ministry's export would be.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pdf_factory import libreoffice_pdf

from cpc_draft.model import HEADING, ITEM
from cpc_draft.readers import read_document
from cpc_draft.render.pdf import find_soffice

SECTIONS = [
    (
        "1. Background",
        ["Verel and the United States have worked together on child protection since 2021."],
    ),
    (
        "2. Purpose",
        ["This note sets out how the two governments intend to work together from 2026 to 2029."],
    ),
    (
        "3. What the two governments want to achieve",
        [
            "• more child victims identified by police and labour inspectors;",
            "• faster referral of identified children to care;",
            "• more convictions of those who traffic children.",
        ],
    ),
    (
        "4. Who does what",
        [
            "• Verel will assign six prosecutors to a specialised unit;",
            "• the United States will fund training for the unit.",
        ],
    ),
    (
        "5. Programme areas",
        ["Programme Area 1 covers justice for children and is funded by both governments."],
    ),
    ("6. Resources", ["The United States expects to contribute US$2 million over the four years."]),
]
TITLES = [title for title, _ in SECTIONS]


def _text(path: Path) -> Path:
    lines = []
    for title, body in SECTIONS:
        lines += [title, "", *body, ""]
    path.write_text("\n".join(lines).replace("\n•", "\n\n•"), "utf-8")
    return path


def _word(path: Path) -> Path:
    document = docx.Document()
    for title, body in SECTIONS:
        document.add_paragraph().add_run(title).bold = True
        for line in body:
            if line.startswith("• "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
    document.save(path)
    return path


def _headings(path: Path) -> list[str]:
    blocks = read_document(path).blocks
    return [" ".join(b.text.split()) for b in blocks if b.kind == HEADING]


def test_sentence_case_titles_of_the_outline_are_headings_in_text_and_word(tmp_path):
    assert _headings(_text(tmp_path / "note.txt")) == TITLES
    assert _headings(_word(tmp_path / "note.docx")) == TITLES


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_sentence_case_titles_and_symbol_bullets_in_the_pdf(tmp_path):
    pdf = libreoffice_pdf(_word(tmp_path / "note.docx"), tmp_path)
    assert _headings(pdf) == TITLES
    items = [b.text for b in read_document(pdf).blocks if b.kind == ITEM]
    # the Symbol font's bullet (U+F0B7 in the PDF) reads as a bullet
    assert len(items) == 5
    assert all(text.startswith("• ") for text in items)


def test_a_numbered_list_that_goes_on_counting_stays_a_list(tmp_path):
    text = (
        "1. Background\n\nVerel and the United States have worked together since 2021.\n\n"
        "2. Objectives\n\nThe Participants intend to pursue these objectives:\n\n"
        "1. Reduce the time to refer a child to care\n\n"
        "2. Increase the number of convictions\n\n"
        "3. Improve the care of child victims\n\n"
        "3. Programmes\n\nProgramme 1 covers justice for children and is funded by both.\n"
    )
    path = tmp_path / "list.txt"
    path.write_text(text, "utf-8")
    assert _headings(path) == ["1. Background", "2. Objectives", "3. Programmes"]
