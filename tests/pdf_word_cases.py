"""PDFs whose characters mislead a reader that cuts pdfium's text into words (issue 14).

Each case, like :func:`pdf_factory.fidelity_cases`, is (name, PDF, the text a reader
must see, None): the PDF has one defect of its character layer and the whole page must
read as that text.

- **control glyph**: a font maps one of its glyphs (a box to tick, an arrow) to a
  control code (U+0003, or U+0094 of the C1 set) — forms made by office software do —
  and pdfium's GetText leaves it out of the page's text, so every later character's
  index is one off: words took their neighbours' positions ("A SSURANCES",
  "implemen-t ation").
- **mirrored**: a paragraph printed mirrored (a transparency laid face down): back to
  front, upside down, or back to front and turned a quarter. pdfium's angle for a
  mirrored glyph is the opposite of the way the text runs, so the turned one read
  letter-scrambled, and all of them bottom line first.

- **raised marks**: a footnote mark in superscript right after a figure, no space
  between, read as part of it ("US$5,000,0005"); after a word it stays with the word,
  as pdftotext reads it ("Agency12"), and so do a subscript ("CO2"), an ordinal
  ("10th") and a squared unit ("km2").

The PDFs are written here byte by byte (:class:`ControlGlyphPdf`) or with
:class:`pdf_factory.Pdf` and raw content stream operators.
"""

from __future__ import annotations

from pathlib import Path

from pdf_factory import Pdf, placed, wrap

MIRRORED_TEXT = "The Participants intend to review the implementation of the compact each year."
CONTROL_LINES = (
    "Je vis maritalement avec l'assuré(e) et suis à sa charge",
    "ASSURANCES MALADIE ET MATERNITE",
)
HYPHENATED = ("The Participants intend to review the implemen-", "tation of the compact each year.")

# A font whose glyphs "A" and "B" are, by its ToUnicode map, the control characters U+0003
# (C0) and U+0094 (C1).
_CMAP = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Box def "
    "1 begincodespacerange <00> <FF> endcodespacerange "
    "2 beginbfchar <41> <0003> <42> <0094> endbfchar "
    "endcmap CMapName currentdict /CMap defineresource pop end end"
)


class ControlGlyphPdf:
    """One letter-sized page: /F1 Courier and /F3, Courier whose "A" maps to U+0003 and
    "B" to U+0094."""

    def __init__(self, operators: str) -> None:
        self.operators = operators

    def build(self) -> bytes:
        content = self.operators.encode("cp1252")
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R /F3 5 0 R >> >> /Contents 7 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding "
            b"/ToUnicode 6 0 R >>",
            _stream(_CMAP.encode("ascii")),
            _stream(content),
        ]
        out = bytearray(b"%PDF-1.4\n")
        offsets = []
        for number, body in enumerate(objects, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1,
            xref,
        )
        return bytes(out)

    def save(self, path: Path) -> Path:
        path.write_bytes(self.build())
        return path


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def control_glyph_pdf(lines: list[str], glyph: str = "A", size: float = 11.0) -> ControlGlyphPdf:
    """A box (``glyph`` of the control font) at the start of the page, then ``lines`` one
    under the other in Courier, the first beside the box."""
    operators = [f"BT /F3 {size:g} Tf 1 0 0 1 72 720 Tm ({glyph}) Tj ET"]
    for index, line in enumerate(lines):
        x = 72 + (1.2 * size if index == 0 else 0)
        operators.append(f"BT {placed(x, 720 - index * 1.3 * size, size)} ({_escape(line)}) Tj ET")
    return ControlGlyphPdf("\n".join(operators))


def mirrored_pdf(matrix: tuple[int, int, int, int], origin: tuple[float, float]) -> Pdf:
    """MIRRORED_TEXT as a paragraph printed through ``matrix`` (one that flips), its
    first line at ``origin``, each next one where its glyphs' feet point."""
    pdf = Pdf()
    page = pdf.page()
    a, b, c, d = matrix
    size, leading = 10.0, 13.0
    for index, line in enumerate(wrap(MIRRORED_TEXT, 300, size)):
        x, y = origin[0] - index * leading * c, origin[1] - index * leading * d
        page.raw(f"BT /F1 {size:g} Tf {a} {b} {c} {d} {x:.2f} {y:.2f} Tm ({_escape(line)}) Tj ET")
    return pdf


def raised_mark_pdf() -> Pdf:
    """Footnote marks set in superscript right after their words and a figure (a text
    rise, a smaller size, no space); a subscript, an ordinal and a squared unit besides."""
    small, base = "/F1 6.5 Tf 4 Ts", "/F1 11 Tf 0 Ts"
    pdf = Pdf()
    page = pdf.page()
    page.raw(
        f"BT {placed(72, 720, 11)} (The Agency) Tj {small} (12) Tj {base} (, and the Ministry) Tj "
        f"{small} (3) Tj {base} ( measure CO) Tj /F1 6.5 Tf -2 Ts (2) Tj {base} ( each year) Tj ET"
    )
    page.raw(
        f"BT {placed(72, 706, 11)} (with US$5,000,000) Tj {small} (5) Tj {base} ( from the 10) Tj "
        f"{small} (th) Tj {base} ( over 400 km) Tj {small} (2) Tj {base} (.) Tj ET"
    )
    return pdf


RAISED_TEXT = (
    "The Agency12, and the Ministry3 measure CO2 each year "
    "with US$5,000,000 5 from the 10th over 400 km2."
)


def word_cases() -> list[tuple[str, object, str, None]]:
    """(name, PDF, the text it must read as, None) for each defect of the character layer."""
    return [
        ("C0 control glyph", control_glyph_pdf(list(CONTROL_LINES)), " ".join(CONTROL_LINES), None),
        (
            "C1 ctrl + hyphen",
            control_glyph_pdf(list(HYPHENATED), glyph="B"),
            MIRRORED_TEXT,
            None,
        ),
        ("mirror sideways", mirrored_pdf((0, 1, 1, 0), (300, 200)), MIRRORED_TEXT, None),
        ("mirror image", mirrored_pdf((-1, 0, 0, 1), (450, 700)), MIRRORED_TEXT, None),
        ("upside down", mirrored_pdf((1, 0, 0, -1), (72, 300)), MIRRORED_TEXT, None),
        ("raised marks", raised_mark_pdf(), RAISED_TEXT, None),
    ]
