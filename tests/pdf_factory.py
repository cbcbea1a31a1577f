"""Small PDFs for the reader's tests, written by hand for exact control.

A tiny PDF writer: pages of text (Courier, so a string's width is 0.6 em a character and
layouts can be computed), lines and rectangles (ruled tables), a grey image (a "scanned"
page), running headers and footers, a /Rotate entry, RC4 encryption (standard security
handler, revision 2) and deliberately damaged cross-reference tables. Coordinates are
points from the top-left corner of the page as displayed.

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

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = hashlib.md5(b"cpc-draft test pdf").digest()


def _rc4(key: bytes, data: bytes) -> bytes:
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
    user = (password.encode("latin-1") + _PAD)[:32]
    owner_key = hashlib.md5(user).digest()[:5]  # owner password = user password
    owner = _rc4(owner_key, user)
    permissions = -44
    key = hashlib.md5(
        user + owner + permissions.to_bytes(4, "little", signed=True) + _FILE_ID
    ).digest()[:5]
    encrypt = (
        f"<< /Filter /Standard /V 1 /R 2 /O <{owner.hex()}> "
        f"/U <{_rc4(key, _PAD).hex()}> /P {permissions} >>"
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
    for page in pages:
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
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {width:g} {height:g}]"
                f"{rotate} /Resources << {resources} >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[catalog] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
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
                data = _rc4(object_key, data)
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
