"""A CID font drawn with Identity-H and no ToUnicode map, read back through its embedded
TrueType program's own cmap (issue 14): each CID's glyph, the character the program
maps to it.

The PDFs embed DejaVu Sans and draw each character by its glyph number there: the
program keeps the standard Macintosh glyph order for ASCII ("A", code 65, is glyph 36),
which :func:`test_the_program_maps_ascii_to_the_macintosh_glyph_order` checks.
"""

from __future__ import annotations

import struct
import time

from pdf_objects import FONT_FILE, one_page

from cpc_draft.readers.pdf import read_pdf
from cpc_draft.readers.pdf.truetypecmap import glyph_characters

TEXT = "The Participants intend to review progress at each Annual Dialogue."
MACINTOSH_OFFSET = 29  # glyph number = ASCII code - 29 in the standard Macintosh order


def _font_objects(first: int, to_glyph: str, embedded: bytes) -> list:
    """A Type 0 font (object ``first``) without ToUnicode, its CIDFontType2 with the
    /CIDToGIDMap ``to_glyph`` (a name, or a reference), a descriptor and the program."""
    return [
        f"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H "
        f"/DescendantFonts [{first + 1} 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        f"/FontDescriptor {first + 2} 0 R /DW 600 /CIDToGIDMap {to_glyph} >>",
        "<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 4 "
        "/FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 "
        f"/CapHeight 729 /StemV 80 /FontFile2 {first + 3} 0 R >>",
        (f"/Length1 {len(embedded)}", embedded),
    ]


def _page(path, codes: list[int], extra: list, embedded: bytes = b"") -> object:
    hexed = "".join(f"{code:04X}" for code in codes)
    content = f"BT /F2 11 Tf 72 700 Td <{hexed}> Tj ET"
    objects = _font_objects(6, "/Identity", embedded or FONT_FILE.read_bytes())
    return one_page(path, content, "/F2 6 0 R", [*objects, *extra])


def test_the_program_maps_ascii_to_the_macintosh_glyph_order():
    characters = glyph_characters(FONT_FILE.read_bytes())
    assert all(characters[ord(char) - MACINTOSH_OFFSET] == char for char in set(TEXT))


def test_cids_that_are_glyph_numbers_read_as_their_glyphs_characters(tmp_path):
    codes = [ord(char) - MACINTOSH_OFFSET for char in TEXT]
    document = read_pdf(_page(tmp_path / "identity.pdf", codes, []))
    assert [block.text for block in document.blocks] == [TEXT]


def test_cids_mapped_to_glyphs_by_a_cid_to_gid_map_stream(tmp_path):
    # CIDs 1, 2, 3… in order of first use; the map stream gives each its glyph
    letters = list(dict.fromkeys(TEXT))
    table = bytearray(2 * (len(letters) + 1))
    for cid, char in enumerate(letters, start=1):
        struct.pack_into(">H", table, 2 * cid, ord(char) - MACINTOSH_OFFSET)
    codes = [letters.index(char) + 1 for char in TEXT]
    embedded = FONT_FILE.read_bytes()
    hexed = "".join(f"{code:04X}" for code in codes)
    objects = _font_objects(6, "10 0 R", embedded)
    path = one_page(
        tmp_path / "mapped.pdf",
        f"BT /F2 11 Tf 72 700 Td <{hexed}> Tj ET",
        "/F2 6 0 R",
        [*objects, ("", bytes(table))],
    )
    assert [block.text for block in read_pdf(path).blocks] == [TEXT]


def _broken_cmap(data: bytes) -> bytes:
    """The program with its cmap's first format 4 subtable made hostile: 8,000 segments,
    each over all 65,536 codes (ranges that overlap: no font's)."""
    (count,) = struct.unpack_from(">H", data, 4)
    for index in range(count):
        tag = struct.unpack_from(">4s", data, 12 + 16 * index)[0]
        if tag == b"cmap":
            break
    segments = 8000
    table = struct.pack(">HHHHHHH", 4, 0, 0, 2 * segments, 0, 0, 0)
    table += struct.pack(f">{segments}H", *[0xFFFE] * segments) + b"\0\0"
    table += struct.pack(f">{segments}H", *[0] * segments)
    table += struct.pack(f">{segments}h", *[1] * segments)
    table += struct.pack(f">{segments}H", *[0] * segments)
    cmap = struct.pack(">HHHHI", 0, 1, 3, 1, 12) + table
    patched = bytearray(data)
    struct.pack_into(">4sIII", patched, 12 + 16 * index, b"cmap", 0, len(data), len(cmap))
    return bytes(patched) + cmap


def test_a_hostile_cmap_gives_nothing_at_once():
    started = time.monotonic()
    assert glyph_characters(_broken_cmap(FONT_FILE.read_bytes())) == {}
    assert glyph_characters(b"\0\1\0\0" + b"\xff" * 40) == {}
    assert time.monotonic() - started < 1.0


def test_a_font_whose_program_gives_nothing_keeps_pdfiums_text(tmp_path):
    codes = [ord(char) - MACINTOSH_OFFSET for char in "Annual"]
    embedded = _broken_cmap(FONT_FILE.read_bytes())
    document = read_pdf(_page(tmp_path / "broken.pdf", codes, [], embedded))
    # PDFium's own reading: the glyph numbers as characters ("$QQXDO")
    assert [block.text for block in document.blocks] == ["".join(map(chr, codes))]
