"""Small PDFs for the reader's tests, written by hand for exact control.

A tiny PDF writer: pages of text (Courier, so a string's width is 0.6 em a character and
layouts can be computed), lines and rectangles (ruled tables), a grey image (a "scanned"
page), running headers and footers, a /Rotate entry, RC4 encryption (standard security
handler, revision 2) and deliberately damaged cross-reference tables. Coordinates are
points from the top-left corner of the page as displayed. For the defects real PDFs
carry (letter spacing, kerning, glyph-by-glyph text, overprinting): :meth:`Page.raw`
adds content stream operators as written; :meth:`Page.annotation` and
:meth:`Page.form_field` add notes and filled-in form fields.

Also: :func:`libreoffice_pdf` converts a .docx with LibreOffice headless, for tests on
the assembled drafts; :func:`texts` and :func:`norm` look at what the reader made of it.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from cpc_draft.render.pdf import convert_with_libreoffice, find_soffice

# Paragraphs of a compact, for pages that read like one
EN = [
    "The Participants intend to strengthen the capacity of the national authorities "
    "to identify child victims and to refer them to specialized services.",
    "Each Participant intends to carry out its responsibilities in accordance with its "
    "applicable laws and regulations.",
    "The Participants intend to review progress at each Annual Dialogue.",
]

CHAR_WIDTH = 0.6  # Courier: every glyph is 600/1000 em
LETTER = (612.0, 792.0)
LANDSCAPE = (792.0, 612.0)


def text_width(text: str, size: float) -> float:
    return len(text) * CHAR_WIDTH * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy line breaking at spaces for a column ``width`` points wide."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


@dataclass
class Page:
    width: float = LETTER[0]
    height: float = LETTER[1]
    rotate: int = 0  # /Rotate; coordinates stay those of the displayed page
    ops: list[str] = field(default_factory=list)
    image: bool = False
    declare_rotation: bool = True  # False: content turned, but no /Rotate (a sideways page)
    annotations: list[str] = field(default_factory=list)  # dictionary bodies

    # -- drawing ----------------------------------------------------------------------
    def _page_point(self, x: float, y_top: float) -> tuple[float, float]:
        """Displayed (x, y from top) -> PDF user space of the unrotated page."""
        if self.rotate == 90:
            return y_top, x
        return x, self.height - y_top

    def text(self, x: float, baseline: float, string: str, size: float = 11, bold=False, angle=0):
        """One run of text, its baseline ``baseline`` points from the top.

        ``angle``: degrees counterclockwise on the displayed page (a watermark: 45).
        """
        font = "F2" if bold else "F1"
        px, py = self._page_point(x, baseline)
        turn = math.radians(angle + (90 if self.rotate == 90 else 0))
        cos, sin = math.cos(turn), math.sin(turn)
        matrix = f"{cos:.4f} {sin:.4f} {-sin:.4f} {cos:.4f}"
        self.ops.append(
            f"BT /{font} {size:g} Tf {matrix} {px:.2f} {py:.2f} Tm ({_escape(string)}) Tj ET"
        )
        return self

    def lines(self, x: float, top: float, texts, size=11, leading=None, bold=False) -> float:
        """Lines one under the other from ``top``; returns the top of the next line."""
        leading = leading or size * 1.2
        for index, line in enumerate(texts):
            self.text(x, top + size + index * leading, line, size, bold)
        return top + len(texts) * leading

    def paragraph(self, x, top, width, text, size=11, leading=None, bold=False, after=None):
        """``text`` wrapped to ``width``; returns the top for what follows (a gap after)."""
        leading = leading or size * 1.2
        bottom = self.lines(x, top, wrap(text, width, size), size, leading, bold)
        return bottom + (size * 0.8 if after is None else after)

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5):
        ax, ay = self._page_point(x0, y0)
        bx, by = self._page_point(x1, y1)
        self.ops.append(f"{width:g} w {ax:.2f} {ay:.2f} m {bx:.2f} {by:.2f} l S")
        return self

    def grid(self, x: float, top: float, widths, rows, size=9, padding=3.0) -> float:
        """A ruled table: every cell boxed; returns the table's bottom."""
        leading = size * 1.25
        heights = []
        for row in rows:
            count = max(
                len(wrap(cell, w - 2 * padding, size) or [""])
                for cell, w in zip(row, widths, strict=True)
            )
            heights.append(count * leading + 2 * padding)
        total_width = sum(widths)
        y = top
        self.line(x, y, x + total_width, y)
        for row, height in zip(rows, heights, strict=True):
            cx = x
            for cell, w in zip(row, widths, strict=True):
                self.lines(
                    cx + padding, y + padding, wrap(cell, w - 2 * padding, size), size, leading
                )
                cx += w
            y += height
            self.line(x, y, x + total_width, y)
        cx = x
        for w in [0, *widths]:
            cx += w
            self.line(cx, top, cx, y)
        return y

    def raw(self, operators: str):
        """Content stream operators as written (PDF user space: y grows upwards; fonts
        /F1 Courier and /F2 Courier-Bold)."""
        self.ops.append(operators)
        return self

    def annotation(self, subtype: str, rect, contents: str, extra: str = ""):
        """A note of ``subtype`` (FreeText, Text, Highlight…) with ``contents``; ``rect``
        in PDF user space."""
        box = " ".join(f"{v:g}" for v in rect)
        self.annotations.append(
            f"/Subtype /{subtype} /Rect [{box}] /Contents ({_escape(contents)}) {extra}"
        )
        return self

    def form_field(self, name: str, rect, value: str):
        """A text field filled in with ``value`` (a widget and its field in one)."""
        box = " ".join(f"{v:g}" for v in rect)
        self.annotations.append(
            f"/Subtype /Widget /FT /Tx /T ({_escape(name)}) /Rect [{box}] "
            f"/V ({_escape(value)}) /DA (/F1 10 Tf 0 g)"
        )
        return self

    def scanned(self):
        """A page-sized grey image and no text: what a scanner produces."""
        self.image = True
        self.ops.append(f"q {self.width:g} 0 0 {self.height:g} 0 0 cm /Im1 Do Q")
        return self


@dataclass
class Pdf:
    pages: list[Page] = field(default_factory=list)

    def page(self, size=LETTER, rotate: int = 0, declare_rotation: bool = True) -> Page:
        """A page of ``size`` as displayed; ``rotate=90`` turns its content (and, unless
        ``declare_rotation`` is False, says so with /Rotate 90)."""
        width, height = size
        page = Page(width, height, rotate, declare_rotation=declare_rotation)
        self.pages.append(page)
        return page

    def build(self, *, password: str | None = None, break_xref: bool = False) -> bytes:
        return _serialize(self.pages, password, break_xref)

    def save(self, path: Path, **options) -> Path:
        path.write_bytes(self.build(**options))
        return path


def _escape(text: str) -> str:
    data = text.encode("cp1252")
    out = []
    for byte in data:
        char = chr(byte)
        if char in "()\\":
            out.append("\\" + char)
        elif byte < 32 or byte > 126:
            out.append(f"\\{byte:03o}")
        else:
            out.append(char)
    return "".join(out)


# -- serialisation ---------------------------------------------------------------------------

PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = hashlib.md5(b"cpc-draft test pdf").digest()


def rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _security(password: str):
    """Standard security handler, revision 2 (40-bit RC4): the /Encrypt values and key."""
    user = (password.encode("latin-1") + PASSWORD_PAD)[:32]
    owner_key = hashlib.md5(user).digest()[:5]  # owner password = user password
    owner = rc4(owner_key, user)
    permissions = -44
    key = hashlib.md5(
        user + owner + permissions.to_bytes(4, "little", signed=True) + _FILE_ID
    ).digest()[:5]
    encrypt = (
        f"<< /Filter /Standard /V 1 /R 2 /O <{owner.hex()}> "
        f"/U <{rc4(key, PASSWORD_PAD).hex()}> /P {permissions} >>"
    )
    return encrypt, key


def _serialize(pages: list[Page], password: str | None, break_xref: bool) -> bytes:
    objects: list[bytes | None] = [None]  # 1-based
    streams: dict[int, bytes] = {}

    def add(body: bytes | None = None) -> int:
        objects.append(body)
        return len(objects) - 1

    catalog = add()
    tree = add()
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>"
    )
    image = add()
    pixels = bytes(range(64, 192, 2)) * 1
    streams[image] = zlib.compress(pixels)
    objects[image] = (
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode"
    )
    kids = []
    fields = []
    for page in pages:
        annots = []
        for body in page.annotations:
            annots.append(add(f"<< /Type /Annot {body} >>".encode("latin-1")))
            if "/Widget" in body:
                fields.append(annots[-1])
        content = add()
        streams[content] = zlib.compress("\n".join(page.ops).encode("latin-1"))
        objects[content] = b"<< /Filter /FlateDecode"
        width, height = (
            (page.height, page.width) if page.rotate == 90 else (page.width, page.height)
        )
        resources = f"/Font << /F1 {regular} 0 R /F2 {bold} 0 R >>"
        if page.image:
            resources += f" /XObject << /Im1 {image} 0 R >>"
        rotate = f" /Rotate {page.rotate}" if page.rotate and page.declare_rotation else ""
        if annots:
            rotate += " /Annots [" + " ".join(f"{number} 0 R" for number in annots) + "]"
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {width:g} {height:g}]"
                f"{rotate} /Resources << {resources} >> /Contents {content} 0 R >>".encode()
            )
        )
    form = ""
    if fields:
        listed_fields = " ".join(f"{number} 0 R" for number in fields)
        form = f" /AcroForm << /Fields [{listed_fields}] >>"
    objects[catalog] = f"<< /Type /Catalog /Pages {tree} 0 R{form} >>".encode()
    listed = " ".join(f"{kid} 0 R" for kid in kids)
    objects[tree] = f"<< /Type /Pages /Kids [{listed}] /Count {len(kids)} >>".encode()
    encrypt_ref, key = None, None
    if password is not None:
        encrypt, key = _security(password)
        encrypt_ref = add(encrypt.encode())

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = [0]
    for number in range(1, len(objects)):
        offsets.append(len(out))
        body = objects[number] or b"<< >>"
        if number in streams:
            data = streams[number]
            if key is not None:
                object_key = hashlib.md5(
                    key + number.to_bytes(3, "little") + (0).to_bytes(2, "little")
                ).digest()[: min(len(key) + 5, 16)]
                data = rc4(object_key, data)
            body = body + f" /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects)}\n0000000000 65535 f \n".encode()
    for offset in offsets[1:]:
        out += f"{offset + (7 if break_xref else 0):010d} 00000 n \n".encode()
    trailer = (
        f"/Size {len(objects)} /Root {catalog} 0 R /ID [<{_FILE_ID.hex()}> <{_FILE_ID.hex()}>]"
    )
    if encrypt_ref:
        trailer += f" /Encrypt {encrypt_ref} 0 R"
    out += f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# -- LibreOffice -----------------------------------------------------------------------------


soffice = find_soffice


def libreoffice_pdf(source: Path, folder: Path, export: str = "pdf") -> Path:
    """``source`` (.docx) -> PDF in ``folder`` with LibreOffice (``export``: its filter)."""
    return convert_with_libreoffice([source], folder, to=export)[0]


def encrypted_export(password: str) -> str:
    """The --convert-to filter spec for a PDF that needs ``password`` to open."""
    return (
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
        f'"DocumentOpenPassword":{{"type":"string","value":"{password}"}}}}'
    )


def truncated(data: bytes) -> bytes:
    """The first half of a PDF: what a broken download or mail gateway leaves."""
    return data[: len(data) // 2]


def norm(text: str) -> str:
    return " ".join(text.split())


def texts(document, kind=None) -> list[str]:
    return [b.text for b in document.blocks if kind is None or b.kind == kind]


def pages_with_furniture(folder: Path, variant: str) -> Path:
    """Four pages of an article each, under a running header, with page numbers as
    ``variant`` says: "page-of" ("Page 1 of 4" and "- 1 -"), "lone" ("1"), "pagina"."""
    pdf = Pdf()
    for number in range(1, 5):
        page = pdf.page()
        page.text(72, 40, "Draft Compact - confidential", size=9)
        if variant == "page-of":
            page.text(460, 40, f"Page {number} of 4", size=9)
            page.text(296, 760, f"- {number} -", size=9)
        elif variant == "lone":
            page.text(530, 760, str(number), size=9)
        elif variant == "pagina":
            page.text(250, 760, f"Borrador CPC - página {number}", size=9)
        top = page.paragraph(72, 80, 468, f"Article {number}", bold=True)
        for text in EN:
            top = page.paragraph(72, top, 468, text)
    return pdf.save(folder / f"{variant}.pdf")


# -- the defects of PDFs made by other software (issue 14) -----------------------------------

FIDELITY_TEXT = (
    "The Agency intends to enter into the North partnership with the Applicant, "
    "and the Participants intend to review the popular deduction each year."
)


def placed(x: float, y: float, size: float, font: str = "F1") -> str:
    """The operators that set a font and put the text at (x, y) in PDF user space."""
    return f"/{font} {size:g} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm"


def _letter_spaced(page: Page, text: str, size=11.0) -> None:
    """Wide letter spacing done with TJ: every letter moved 0.25 em from the last, words
    0.9 em apart, no space characters."""
    for index, line in enumerate(wrap(text, 300, size)):
        words = [" -250 ".join(f"({_escape(char)})" for char in word) for word in line.split()]
        y = 720 - index * size * 1.5
        page.raw(f"BT {placed(72, y, size)} [{' -900 '.join(words)}] TJ ET")


def _kerned(page: Page, text: str, size=11.0) -> None:
    """TeX's way: no space characters, words moved apart in TJ arrays, kerning inside
    words, some of it loosening ("Agenc" -120 "y")."""
    for index, line in enumerate(wrap(text, 440, size)):
        parts = []
        for word in line.split():
            cut = max(1, len(word) - 1)
            parts.append(f"({_escape(word[:cut])}) -120 ({_escape(word[cut:])}) -450")
        y = 720 - index * size * 1.3
        page.raw(f"BT {placed(72, y, size)} [{' '.join(parts)}] TJ ET")


def _glyph_by_glyph(page: Page, text: str, size=11.0) -> None:
    """Every glyph a text object of its own, placed absolutely and unevenly (0.04 or
    0.16 em after its advance); words 0.3 em apart; no space characters."""
    ops = []
    for index, line in enumerate(wrap(text, 400, size)):
        x, y = 72.0, 720 - index * size * 1.3
        for position, char in enumerate(line):
            if char == " ":
                x += 0.3 * size
                continue
            ops.append(f"BT {placed(x, y, size)} ({_escape(char)}) Tj ET")
            x += CHAR_WIDTH * size + (0.16 if position % 2 else 0.04) * size
    page.raw("\n".join(ops))


def _overprinted(page: Page, text: str, size=11.0, offset=0.35) -> None:
    """Fake bold: each line drawn twice, a third of a point apart, the second time at
    1 pt scaled up by the text matrix (so PDFium does not see the same text twice)."""
    for index, line in enumerate(wrap(text, 440, size)):
        y = 720 - index * size * 1.3
        page.raw(f"BT {placed(72, y, size)} ({_escape(line)}) Tj ET")
        scaled = f"/F1 1 Tf {size:g} 0 0 {size:g} {72 + offset:.2f} {y:.2f} Tm"
        page.raw(f"BT {scaled} ({_escape(line)}) Tj ET")


def _close_lines(page: Page, size=7.0) -> None:
    """Two lines of small print whose baselines lie 1.7 pt apart (a tightly set form)."""
    page.raw(f"BT {placed(72, 700, size)} (The first line of small print) Tj ET")
    page.raw(f"BT {placed(75, 698.3, size)} (sits just under the first one) Tj ET")


def _drop_cap(page: Page, text: str, size=11.0) -> None:
    """A three-line drop cap: the first letter, large, beside the paragraph's first lines."""
    cap, rest = text[0], text[1:]
    lines = wrap(rest, 400, size)
    leading = size * 1.2
    page.raw(f"BT {placed(72, 720 - 2 * leading, 3.4 * size)} ({cap}) Tj ET")
    for index, line in enumerate(lines):
        x = 72 + 2.2 * size if index < 3 else 72
        page.raw(f"BT {placed(x, 720 - index * leading, size)} ({_escape(line)}) Tj ET")


def fidelity_cases() -> list[tuple[str, Pdf, str, str | None]]:
    """(name, PDF, the text its defect hides, the origin that text is marked with) for
    each defect; the rotated, free text and comment cases have a paragraph of EN besides."""
    cases = []
    for name, draw in (
        ("letter spacing", _letter_spaced),
        ("kerning", _kerned),
        ("glyph by glyph", _glyph_by_glyph),
        ("overprint", _overprinted),
        ("drop cap", _drop_cap),
    ):
        pdf = Pdf()
        draw(pdf.page(), FIDELITY_TEXT)
        cases.append((name, pdf, FIDELITY_TEXT, None))
    pdf = Pdf()
    _close_lines(pdf.page())
    cases.append(
        ("close lines", pdf, "The first line of small print sits just under the first one", None)
    )
    pdf = Pdf()
    page = pdf.page()
    page.paragraph(72, 72, 468, EN[0])
    page.text(40, 500, "RECEIVED 12 MARCH 2024 BY THE MINISTRY", size=9, angle=90)
    page.text(150, 600, "DRAFT", size=90, angle=45)
    cases.append(("rotated stamp", pdf, "RECEIVED 12 MARCH 2024 BY THE MINISTRY DRAFT", "rotated"))
    pdf = Pdf()
    page = pdf.page()
    page.form_field(
        "ministry", (150, 700, 450, 716), "Ministry of Women and Vulnerable Populations"
    )
    page.form_field("date", (150, 680, 300, 696), "12 March 2024")
    cases.append(
        (
            "form fields",
            pdf,
            "Ministry of Women and Vulnerable Populations 12 March 2024",
            "form field",
        )
    )
    for name, subtype, note, origin in (
        ("free text", "FreeText", "Please check the funding in Article 4.", "annotation"),
        ("comment", "Text", "Who signs for the Ministry?", "comment"),
    ):
        pdf = Pdf()
        page = pdf.page()
        page.paragraph(72, 72, 468, EN[1])
        page.annotation(subtype, (300, 500, 500, 540), note)
        cases.append((name, pdf, note, origin))
    return cases
