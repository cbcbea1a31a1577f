"""Scripts drawn in another order than they are read: Arabic and Hebrew set right to
left, Thai marks drawn after their letters (issue 14). What ``cpc-draft extract`` lists
must be the text in reading order, as pdftotext gives it."""

from __future__ import annotations

import pytest
from pdf_objects import FONT_FILE, extract
from pdf_script_cases import (
    ARABIC,
    HEBREW,
    SHAPED_TEXT,
    THAI,
    ScriptPdf,
    glyph_spans_pdf,
    right_to_left_pdf,
    thai_marks_pdf,
)

pytestmark = pytest.mark.skipif(
    not FONT_FILE.exists(), reason=f"{FONT_FILE} (Debian fonts-dejavu-core) is not installed"
)


def read(pdf, path) -> list[str]:
    return [text for _, text in extract(pdf.save(path))]


def test_right_to_left_lines_read_from_the_right_with_latin_and_figures_kept(tmp_path):
    # each word's glyphs drawn left to right, the words from the right margin leftwards
    text = " ".join(read(right_to_left_pdf(), tmp_path / "rtl.pdf"))
    assert HEBREW in text
    assert ARABIC in text  # "... مع UNICEF تعزيز ... في 2024": the name and year as written


def test_arabic_presentation_forms_read_as_their_letters(tmp_path):
    text = " ".join(read(right_to_left_pdf(), tmp_path / "rtl.pdf"))
    assert SHAPED_TEXT in text.split()
    assert not any("\ufb50" <= char <= "\ufeff" for char in text)


def test_glyphs_drawn_one_by_one_in_marked_spans_read_right_to_left(tmp_path):
    # PDFium leaves these in the order they were drawn: letters reversed before
    assert read(glyph_spans_pdf(), tmp_path / "spans.pdf") == [ARABIC]


def test_hebrew_phrase_inside_an_english_line_reads_right_to_left(tmp_path):
    phrase = "משרד הרווחה"  # read: the first word (rightmost) then the second

    def draw(font) -> str:
        content = "BT /F1 10 Tf 1 0 0 1 72 700 Tm (The Ministry) Tj ET"
        x = 72 + 13 * 6  # after "The Ministry "
        for word in reversed(phrase.split()):  # left to right on the page
            content += f" BT /C1 10 Tf 1 0 0 1 {x} 700 Tm {font.string(word[::-1])} Tj ET"
            x += 10 * len(word) + 4
        return content + f" BT /F1 10 Tf 1 0 0 1 {x} 700 Tm (signed it.) Tj ET"

    assert read(ScriptPdf(draw), tmp_path / "mixed.pdf") == [f"The Ministry {phrase} signed it."]


def test_thai_marks_drawn_after_their_letters_stay_in_their_words(tmp_path):
    # letters in one run, then each vowel or tone mark at its letter: no mark is a word
    # of its own, none ends up after the wrong letter
    assert read(thai_marks_pdf(), tmp_path / "thai.pdf") == [THAI]
