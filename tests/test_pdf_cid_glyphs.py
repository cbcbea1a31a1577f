"""A CID font drawn with Identity-H and no ToUnicode map, read back through its embedded
TrueType program's own cmap (issue 14): each CID's glyph, the character the program
maps to it.

The PDFs (:class:`pdf_font_cases.CidGlyphPdf`) embed DejaVu Sans and draw each character
by its glyph number there: the program keeps the standard Macintosh glyph order for
ASCII ("A", code 65, is glyph 36), which the first test checks.
"""

from __future__ import annotations

import struct
import time

from pdf_font_cases import MACINTOSH_OFFSET, CidGlyphPdf
from pdf_objects import FONT_FILE

from cpc_draft.readers.pdf import read_pdf
from cpc_draft.readers.pdf.truetypecmap import glyph_characters

TEXT = "The Participants intend to review progress at each Annual Dialogue."


def test_the_program_maps_ascii_to_the_macintosh_glyph_order():
    characters = glyph_characters(FONT_FILE.read_bytes())
    assert all(characters[ord(char) - MACINTOSH_OFFSET] == char for char in set(TEXT))


def test_cids_that_are_glyph_numbers_read_as_their_glyphs_characters(tmp_path):
    document = read_pdf(CidGlyphPdf(TEXT).save(tmp_path / "identity.pdf"))
    assert [block.text for block in document.blocks] == [TEXT]


def test_cids_mapped_to_glyphs_by_a_cid_to_gid_map_stream(tmp_path):
    # PDFium alone reads CIDs 1, 2, 3… as control codes: the page would be blank
    document = read_pdf(CidGlyphPdf(TEXT, mapped=True).save(tmp_path / "mapped.pdf"))
    assert [block.text for block in document.blocks] == [TEXT]


def _broken_cmap(data: bytes) -> bytes:
    """The program with a hostile cmap put in place of its own: 8,000 format 4 segments,
    each over nearly all 65,536 codes (ranges that overlap: no font's)."""
    (count,) = struct.unpack_from(">H", data, 4)
    index = next(
        index
        for index in range(count)
        if struct.unpack_from(">4s", data, 12 + 16 * index)[0] == b"cmap"
    )
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
    program = _broken_cmap(FONT_FILE.read_bytes())
    document = read_pdf(CidGlyphPdf("Annual", program=program).save(tmp_path / "broken.pdf"))
    # PDFium's own reading: the glyph numbers as characters
    assert [block.text for block in document.blocks] == ["$QQXDO"]
