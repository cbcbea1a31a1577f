"""PDFs of scripts drawn in another order than they are read (issue 14).

Each case, like :func:`pdf_factory.fidelity_cases`, is (name, PDF, the text a reader
must see, None):

- **right to left**: a Hebrew line and an Arabic line with a Latin name and a figure,
  drawn as producers draw them: each word's glyphs left to right (visual order), the
  words from the right margin leftwards; an Arabic word in presentation forms (the
  shaped glyphs, U+FE70…), which reads as its letters.
- **RTL by glyph**: the same Arabic line, each glyph a run of its own in a marked-content
  span (as some editors write every glyph), which PDFium leaves in drawing order.
- **Thai marks**: a Thai line whose base letters are drawn first and its vowel and tone
  marks after them, each at the letter it sits on (zero-width glyphs), so that the pen
  goes back for each mark.

The text layer is what the test says it is: the font (:class:`pdf_objects.CidFont`,
DejaVu Sans embedded, fonts-dejavu-core) gives each code the character the test wrote
through its ToUnicode map; the glyphs' shapes are not what is tested.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pdf_objects import FONT_FILE, CidFont, one_page

SIZE = 10
HEBREW = "הצדדים מתכוונים לחזק את ההגנה על ילדים"
ARABIC = "يعتزم الطرفان مع UNICEF تعزيز حماية الأطفال في 2024"
# "مرحبا" as its shaped glyphs: meem initial, reh final, hah initial, beh medial, alef final
SHAPED, SHAPED_TEXT = "\ufee3\ufeae\ufea3\ufe92\ufe8e", "مرحبا"
# ตั้งฉาก กับข้อ ที่สิ้นสุด: letters, then the marks over them (vowels above, tones)
THAI = "ตั้งฉากกับข้อที่สิ้นสุดของเส้นตรง"


def _visual(word: str) -> str:
    """A word as it is drawn, left to right: right-to-left letters reversed."""
    if any(unicodedata.bidirectional(char) in ("R", "AL") for char in word):
        return word[::-1]
    return word


class ScriptPdf:
    """A one-page PDF drawn with the embedded font /C1 (its glyphs 1 em wide but for
    ``zero_width``) and Courier /F1."""

    def __init__(self, draw, zero_width: str = "") -> None:
        self.draw = draw  # (font) -> content stream
        self.zero_width = zero_width  # characters whose glyphs do not advance (marks)

    def save(self, path: Path) -> Path:
        font = CidFont()
        content = self.draw(font)
        objects = font.objects(6, False)
        widths = " ".join(f"{font.codes[char]} [0]" for char in self.zero_width)
        if widths:
            objects[1] = objects[1].replace("/DW 1000", f"/DW 1000 /W [{widths}]")
        return one_page(path, content, "/C1 6 0 R", objects)


def _right_to_left_line(font: CidFont, line: str, baseline: float, spans: bool) -> str:
    """``line`` set from the right margin, each word's glyphs drawn left to right;
    ``spans``: every glyph in a marked-content span of its own."""
    content, right = "", 560.0
    for word in line.split():
        latin = word.isascii()  # a Latin name, a figure: in Courier, 0.6 em a glyph
        width = len(word) * SIZE * (0.6 if latin else 1)
        x = right - width
        content += f" BT {'/F1' if latin else '/C1'} {SIZE} Tf 1 0 0 1 {x:.1f} {baseline} Tm "
        if latin:
            content += f"({word}) Tj ET"
        elif spans:
            content += " ".join(
                f"/Span << /ActualText <FEFF{ord(char):04X}> >> BDC {font.string(char)} Tj EMC"
                for char in _visual(word)
            )
            content += " ET"
        else:
            content += f"{font.string(_visual(word))} Tj ET"
        right = x - SIZE / 3
    return content


def right_to_left_pdf() -> ScriptPdf:
    def draw(font: CidFont) -> str:
        content = _right_to_left_line(font, HEBREW, 700, spans=False)
        content += _right_to_left_line(font, ARABIC, 660, spans=False)
        content += f" BT /C1 {SIZE} Tf 1 0 0 1 500 620 Tm {font.string(SHAPED[::-1])} Tj ET"
        return content

    return ScriptPdf(draw)


RIGHT_TO_LEFT_TEXT = f"{HEBREW} {ARABIC} {SHAPED_TEXT}"


def glyph_spans_pdf() -> ScriptPdf:
    return ScriptPdf(lambda font: _right_to_left_line(font, ARABIC, 660, spans=True))


def thai_marks_pdf() -> ScriptPdf:
    """THAI in one line: its base letters in one run, then each mark at its letter."""
    marks = "".join(sorted({char for char in THAI if unicodedata.category(char) == "Mn"}))

    def draw(font: CidFont) -> str:
        letters, placed_marks, x = "", [], 72.0
        for char in THAI:
            if unicodedata.category(char) == "Mn":
                placed_marks.append((x - SIZE / 2, char))  # over the letter before
                continue
            letters += char
            x += SIZE
        content = f"BT /C1 {SIZE} Tf 1 0 0 1 72 700 Tm {font.string(letters)} Tj ET"
        for mark_x, mark in placed_marks:
            content += f" BT /C1 {SIZE} Tf 1 0 0 1 {mark_x:.1f} 700 Tm {font.string(mark)} Tj ET"
        return content

    return ScriptPdf(draw, zero_width=marks)


def script_cases() -> list[tuple[str, object, str, None]]:
    """(name, PDF, the text it must read as, None); none where the font is missing."""
    if not FONT_FILE.exists():
        return []
    return [
        ("right to left", right_to_left_pdf(), RIGHT_TO_LEFT_TEXT, None),
        ("RTL by glyph", glyph_spans_pdf(), ARABIC, None),
        ("Thai marks", thai_marks_pdf(), THAI, None),
    ]
