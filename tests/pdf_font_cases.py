"""PDFs whose simple fonts have no ToUnicode map: their text is known only by the names of
the glyphs their codes draw (issue 14, fonts without a Unicode map).

Subset fonts number their glyphs from 1 upward, so the codes are control codes, and name
them as font makers do: a variant after a period ("e.alt", "T.sc"), a ligature's letters
joined by underscores ("f_f_i"). Three ways a font gives those names:

- **built-in**: an embedded Type 1 program (written here: each glyph a box) whose own
  encoding (``dup 1 /T.sc put``) names the codes; the font dictionary has no /Encoding;
- **cff built-in**: the same with an embedded CFF program (Type1C), its own encoding and
  charset naming the codes;
- **differences**: Helvetica, not embedded, with an /Encoding whose /Differences name them;
- **type 3**: a Type 3 font (each glyph a box drawn by the page) with /Differences.

And a CID font with no ToUnicode map (:class:`CidGlyphPdf`): Identity-H, its codes the
glyph numbers of the embedded DejaVu Sans, known only through the program's own cmap.
"""

from __future__ import annotations

from pathlib import Path

from pdf_objects import FONT_FILE, one_page, write_pdf

GLYPH_TEXT = "The Participants affirm the official review of the compact each year."
_LIGATURES = {"ffi": "f_f_i", "ff": "f_f", "fi": "f_i"}
_NAMES = {" ": "space", ".": "period"}


def glyph_runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (glyph name, characters) runs: a ligature where it may, else a letter
    with a variant suffix (".alt"), a space or a period."""
    runs = []
    index = 0
    while index < len(text):
        for letters, name in _LIGATURES.items():
            if text.startswith(letters, index):
                runs.append((name, letters))
                index += len(letters)
                break
        else:
            char = text[index]
            runs.append((_NAMES.get(char, f"{char}.alt"), char))
            index += 1
    return runs


def _codes(text: str, numbered: bool) -> tuple[dict[str, int], bytes]:
    """Glyph name -> code (from 1, in order of first use) and the text's codes; with
    ``numbered``, each glyph is named by its number in some other font ("g18"), as a
    converted TrueType subset does."""
    codes: dict[str, int] = {}
    drawn = bytearray()
    for name, _ in glyph_runs(text):
        drawn.append(codes.setdefault(name, len(codes) + 1))
    if numbered:
        codes = {f"g{code + 17}": code for code in codes.values()}
    return codes, bytes(drawn)


def _encrypt(data: bytes, key: int) -> bytes:
    """Type 1 encryption (eexec: 55665; charstrings: 4330), four leading zero bytes."""
    out = bytearray()
    for plain in b"\0\0\0\0" + data:
        cipher = plain ^ (key >> 8)
        key = ((cipher + key) * 52845 + 22719) & 0xFFFF
        out.append(cipher)
    return bytes(out)


def _number(value: int) -> bytes:
    if -107 <= value <= 107:
        return bytes([value + 139])
    if 108 <= value <= 1131:
        value -= 108
        return bytes([247 + value // 256, value % 256])
    value = -value - 108
    return bytes([251 + value // 256, value % 256])


def _box_charstring() -> bytes:
    """hsbw 0 500; a 400 x 600 box; endchar."""
    ops = [(0, 500), 13, (50, 0), 21, (400,), 6, (600,), 7, (-400,), 6, 9, 14]
    out = bytearray()
    for op in ops:
        if isinstance(op, tuple):
            for value in op:
                out += _number(value)
        else:
            out.append(op)
    return _encrypt(bytes(out), 4330)


def type1_program(codes: dict[str, int], font_name: str) -> tuple[bytes, int, int]:
    """An embedded Type 1 program whose built-in encoding gives each code its name:
    (program, length of its cleartext part, length of its encrypted part)."""
    encoding = "".join(f"dup {code} /{name} put\n" for name, code in codes.items())
    cleartext = (
        f"%!PS-AdobeFont-1.0: {font_name} 001.000\n11 dict begin\n"
        f"/FontName /{font_name} def\n/PaintType 0 def\n/FontType 1 def\n"
        "/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n"
        "/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n"
        f"{encoding}readonly def\n/FontBBox {{0 0 500 700}} readonly def\n"
        "currentdict end\ncurrentfile eexec\n"
    ).encode("ascii")
    glyph = _box_charstring()
    names = [".notdef", *codes]
    private = (
        b"dup /Private 8 dict dup begin\n"
        b"/RD{string currentfile exch readstring pop}executeonly def\n"
        b"/ND{noaccess def}executeonly def\n/NP{noaccess put}executeonly def\n"
        b"/BlueValues [] def\n/MinFeature {16 16} def\n/password 5839 def\n"
        b"/Subrs 0 array ND\n"
        b"2 index /CharStrings %d dict dup begin\n"
        % len(names)
        + b"".join(b"/%s %d RD " % (name.encode(), len(glyph)) + glyph + b" ND\n" for name in names)
        + b"end\nend\nreadonly put\nnoaccess put\n"
        b"dup /FontName get exch definefont pop\nmark currentfile closefile\n"
    )
    encrypted = _encrypt(private, 55665)
    trailer = b"\n" + (b"0" * 64 + b"\n") * 8 + b"cleartomark\n"
    return cleartext + encrypted + trailer, len(cleartext), len(encrypted)


def _cff_index(items: list[bytes]) -> bytes:
    if not items:
        return b"\0\0"
    offsets, total = [], 1
    for item in items:
        offsets.append(total)
        total += len(item)
    offsets.append(total)
    head = len(items).to_bytes(2, "big") + b"\x04"
    return head + b"".join(o.to_bytes(4, "big") for o in offsets) + b"".join(items)


def _cff_int(value: int) -> bytes:
    return b"\x1d" + value.to_bytes(4, "big", signed=True)


def _type2_box() -> bytes:
    """Width 500; a 400 x 600 box (rmoveto, rlineto, endchar)."""
    out = bytearray()
    for value in (500, 50, 0):
        out += _number(value)
    out.append(21)
    for value in (400, 0, 0, 600, -400, 0):
        out += _number(value)
    out += bytes([5, 14])
    return bytes(out)


def cff_program(codes: dict[str, int], font_name: str) -> bytes:
    """A CFF program (a Type1C font) whose own encoding and charset give each code its
    name (all names in its String INDEX); each glyph a box."""
    names = list(codes)
    strings = _cff_index([name.encode("ascii") for name in names])
    name_index = _cff_index([font_name.encode("ascii")])
    top_size = len(_cff_index([b"\0" * 29]))
    start = 4 + len(name_index) + top_size + len(strings) + 2
    charset = b"\0" + b"".join((391 + i).to_bytes(2, "big") for i in range(len(names)))
    encoding = bytes([0, len(names)]) + bytes(codes[name] for name in names)
    glyphs = _cff_index([_type2_box()] * (len(names) + 1))
    charset_at = start
    encoding_at = charset_at + len(charset)
    glyphs_at = encoding_at + len(encoding)
    private_at = glyphs_at + len(glyphs)
    top = (
        _cff_int(charset_at)
        + b"\x0f"
        + _cff_int(encoding_at)
        + b"\x10"
        + _cff_int(glyphs_at)
        + b"\x11"
        + _cff_int(0)
        + _cff_int(private_at)
        + b"\x12"
    )
    header = b"\x01\x00\x04\x04"
    return header + name_index + _cff_index([top]) + strings + b"\0\0" + charset + encoding + glyphs


class GlyphNamePdf:
    """One page: GLYPH_TEXT in a font named by ``kind`` ("built-in", "cff built-in",
    "differences", "type 3"), and under it a line in plain Courier."""

    def __init__(
        self, kind: str, text: str = GLYPH_TEXT, numbered: bool = False, cut: bool = False
    ) -> None:
        # cut: the font program's second half missing (a hostile or damaged file)
        self.kind, self.text, self.numbered, self.cut = kind, text, numbered, cut

    def save(self, path: Path) -> Path:
        codes, drawn = _codes(self.text, self.numbered)
        hexed = drawn.hex().upper()
        content = (
            f"BT /F2 12 Tf 72 700 Td <{hexed}> Tj ET\n"
            "BT /F1 12 Tf 72 660 Td (Signed in two copies.) Tj ET\n"
        )
        widths = " ".join("500" for _ in codes)
        differences = " ".join(f"/{name}" for name in codes)
        last = len(codes)
        if self.kind == "cff built-in":
            program = cff_program(codes, "AAAAAA+Glyphs")
            program = program[: len(program) // 2] if self.cut else program
            fonts = [
                "<< /Type /Font /Subtype /Type1 /BaseFont /AAAAAA+Glyphs /FirstChar 1 "
                f"/LastChar {last} /Widths [{widths}] /FontDescriptor 7 0 R >>",
                "<< /Type /FontDescriptor /FontName /AAAAAA+Glyphs /Flags 4 "
                "/FontBBox [0 0 500 700] /ItalicAngle 0 /Ascent 700 /Descent 0 "
                "/CapHeight 700 /StemV 80 /FontFile3 8 0 R >>",
                ("/Subtype /Type1C", program),
            ]
        elif self.kind == "built-in":
            program, length1, length2 = type1_program(codes, "AAAAAA+Glyphs")
            fonts = [
                "<< /Type /Font /Subtype /Type1 /BaseFont /AAAAAA+Glyphs /FirstChar 1 "
                f"/LastChar {last} /Widths [{widths}] /FontDescriptor 7 0 R >>",
                "<< /Type /FontDescriptor /FontName /AAAAAA+Glyphs /Flags 4 "
                "/FontBBox [0 0 500 700] /ItalicAngle 0 /Ascent 700 /Descent 0 "
                "/CapHeight 700 /StemV 80 /FontFile 8 0 R >>",
                (f"/Length1 {length1} /Length2 {length2} /Length3 0", program),
            ]
        elif self.kind == "differences":
            fonts = [
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
                f"<< /Type /Encoding /Differences [1 {differences}] >> >>"
            ]
        else:
            box = ("", b"500 0 d0 50 0 400 600 re f")
            procs = " ".join(f"/{name} 7 0 R" for name in codes)
            fonts = [
                "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] "
                "/FontMatrix [0.001 0 0 0.001 0 0] /Resources << >> "
                f"/CharProcs << {procs} >> /FirstChar 1 /LastChar {last} /Widths [{widths}] "
                f"/Encoding << /Type /Encoding /Differences [1 {differences}] >> >>",
                box,
            ]
        return write_pdf(
            path,
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
                ("", content.encode("latin-1")),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
                *fonts,
            ],
        )


MACINTOSH_OFFSET = 29  # DejaVu Sans: glyph number = ASCII code - 29 (the Macintosh order)


class CidGlyphPdf:
    """One page: ``text`` in a Type 0 font (Identity-H, no ToUnicode) whose CIDs are the
    glyph numbers of the embedded DejaVu Sans (``mapped``: CIDs 1, 2, 3… in order of
    first use, a /CIDToGIDMap stream giving each its glyph), ``program`` standing in for
    the font file if given (a damaged one)."""

    def __init__(self, text: str = GLYPH_TEXT, mapped: bool = False, program: bytes = b""):
        self.text, self.mapped, self.program = text, mapped, program

    def save(self, path: Path) -> Path:
        letters = list(dict.fromkeys(self.text))
        extra: list = []
        if self.mapped:
            codes = [letters.index(char) + 1 for char in self.text]
            table = bytearray(2 * (len(letters) + 1))
            for cid, char in enumerate(letters, start=1):
                glyph = ord(char) - MACINTOSH_OFFSET
                table[2 * cid : 2 * cid + 2] = glyph.to_bytes(2, "big")
            to_glyph = "10 0 R"
            extra = [("", bytes(table))]
        else:
            codes = [ord(char) - MACINTOSH_OFFSET for char in self.text]
            to_glyph = "/Identity"
        program = self.program or FONT_FILE.read_bytes()
        hexed = "".join(f"{code:04X}" for code in codes)
        fonts = [
            "<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
            "/DescendantFonts [7 0 R] >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo "
            "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor 8 0 R /DW 600 /CIDToGIDMap {to_glyph} >>",
            "<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 4 "
            "/FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 "
            "/CapHeight 729 /StemV 80 /FontFile2 9 0 R >>",
            (f"/Length1 {len(program)}", program),
        ]
        content = f"BT /F2 11 Tf 72 700 Td <{hexed}> Tj ET"
        return one_page(path, content, "/F2 6 0 R", [*fonts, *extra])


def glyph_name_cases() -> list[tuple[str, GlyphNamePdf | CidGlyphPdf, str, None]]:
    """(name, PDF, the text it must read as, None), as :func:`pdf_word_cases.word_cases`."""
    text = f"{GLYPH_TEXT} Signed in two copies."
    return [
        *(
            (f"names {kind}", GlyphNamePdf(kind), text, None)
            for kind in ("built-in", "cff built-in", "differences", "type 3")
        ),
        ("CID glyphs", CidGlyphPdf(), GLYPH_TEXT, None),
        ("CID glyphs mapped", CidGlyphPdf(mapped=True), GLYPH_TEXT, None),
    ]
