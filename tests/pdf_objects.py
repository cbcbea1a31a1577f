"""A PDF written out object by object, for tests that need what :mod:`pdf_factory` does
not make: CID fonts in vertical writing mode, form fields with parents, captions and
appearance streams.

``objects`` are the bodies of objects 1, 2, … in order (object 1 is the catalog); a
``(dictionary entries, data)`` pair is a stream, its /Length added. The caller writes
references as ``"3 0 R"``.
"""

from __future__ import annotations

from pathlib import Path

# An embedded font is what makes PDFium give vertical text its place: for a CID font it
# has no file for, PDFium drops the glyphs of a vertical CMap altogether.
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def write_pdf(path: Path, objects: list[str | tuple[str, bytes]]) -> Path:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        if isinstance(body, tuple):
            entries, data = body
            head = f"<< {entries} /Length {len(data)} >>\nstream\n".encode()
            encoded = head + data + b"\nendstream"
        else:
            encoded = body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + encoded + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


class CidFont:
    """A Type 0 font with the glyphs of :data:`FONT_FILE` embedded, written with
    Identity-V (each glyph drawn below the last) or Identity-H, and a ToUnicode map that
    gives each glyph the character it was used for: the text layer says what the test
    wrote (the glyphs' shapes are not what is tested)."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def string(self, text: str) -> str:
        """``text`` as a hex string of this font's codes."""
        for char in text:
            self.codes.setdefault(char, 36 + len(self.codes))  # glyphs of the font's letters
        return "<" + "".join(f"{self.codes[char]:04X}" for char in text) + ">"

    def objects(self, first: int, vertical: bool) -> list[str | tuple[str, bytes]]:
        """The font's five objects, numbered from ``first`` (the font itself)."""
        pairs = " ".join(f"<{code:04X}> <{ord(char):04X}>" for char, code in self.codes.items())
        to_unicode = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            "/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
            f"{len(self.codes)} beginbfchar {pairs} endbfchar endcmap "
            "CMapName currentdict /CMap defineresource pop end end"
        )
        data = FONT_FILE.read_bytes()
        encoding = "Identity-V" if vertical else "Identity-H"
        return [
            f"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /{encoding} "
            f"/DescendantFonts [{first + 1} 0 R] /ToUnicode {first + 2} 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo "
            "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {first + 3} 0 R /DW 1000 /CIDToGIDMap /Identity >>",
            ("", to_unicode.encode("ascii")),
            "<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 4 "
            "/FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 "
            f"/CapHeight 729 /StemV 80 /FontFile2 {first + 4} 0 R >>",
            (f"/Length1 {len(data)}", data),
        ]


def one_page(
    path: Path,
    content: str,
    fonts: str = "",
    extra: list[str | tuple[str, bytes]] = (),
    page: str = "",
    catalog: str = "",
) -> Path:
    """A Letter page drawn by ``content`` with the font resources ``fonts`` (/F1 is
    Courier, object 5); ``extra`` objects are numbered from 6; ``page`` and ``catalog``
    are more entries of those dictionaries (/Annots, /AcroForm)."""
    return write_pdf(
        path,
        [
            f"<< /Type /Catalog /Pages 2 0 R {catalog} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 5 0 R {fonts} >> >> /Contents 4 0 R {page} >>",
            ("", content.encode("latin-1")),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
            *extra,
        ],
    )


def extract(path) -> list[tuple[str, str]]:
    """(origin, text) of each block ``cpc-draft extract`` lists ("" for the page's running
    text), as a user reads them after "[0 p1 en paragraph"."""
    from click.testing import CliRunner

    from cpc_draft.cli import main

    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    blocks = []
    for line in result.stdout.splitlines()[1:]:
        marks, text = line.split("] ", 1)
        blocks.append((" ".join(marks.split()[4:]), text))
    return blocks
