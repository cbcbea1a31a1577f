"""The PDF reader on PDFs whose character layer misleads a word cutter (issue 14).

Every PDF is written by the test (tests/pdf_word_cases.py); each knows its text.
"""

from __future__ import annotations

import pytest
from pdf_factory import texts
from pdf_word_cases import word_cases

from cpc_draft.readers.pdf import read_pdf

CASES = {name: (pdf, text) for name, pdf, text, _ in word_cases()}


@pytest.mark.parametrize("name", list(CASES))
def test_pages_read_as_written(tmp_path, name):
    # a glyph mapped to a control code, a line-end hyphen after it, mirrored paragraphs,
    # footnote marks in superscript
    pdf, text = CASES[name]
    document = read_pdf(pdf.save(tmp_path / "case.pdf"))
    assert " ".join(texts(document)) == text
