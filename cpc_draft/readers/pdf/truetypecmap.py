"""The characters of an embedded TrueType program's glyphs: glyph number -> character.

A CID font drawn with Identity-H and no ToUnicode map gives each glyph by its CID, which
names no character; PDFium then reads the CID itself as the character ("&RQWH[WXDO" for
"Contextual"). The font program's own ``cmap`` table maps characters to glyph numbers;
turned round, it says which character each glyph draws (what pdf.js does too). Of its
subtables, a Unicode one is read: (3, 10) or (0, 4+) format 12, else (3, 1) or (0, x)
format 4; failing those, the Macintosh Roman one, (1, 0) format 0 or 6. Where two
characters share a glyph, the smaller is kept (a letter before its compatibility form).

The program is untrusted: every offset and count is checked against its length, and a
program that does not hold together gives no characters at all.
"""

from __future__ import annotations

import struct

MAX_GROUPS = 1 << 16  # segments or groups of a subtable read, at most
MAX_GLYPHS = 1 << 16


class _Broken(Exception):
    pass


def glyph_characters(data: bytes) -> dict[int, str]:
    """{glyph number: character} of the program's cmap ({} if it has none usable)."""
    try:
        return _characters(data)
    except (_Broken, struct.error, IndexError, ValueError, OverflowError):
        return {}


def _characters(data: bytes) -> dict[int, str]:
    cmap = _table(data, b"cmap")
    if cmap is None:
        return {}
    start, length = cmap
    _, count = struct.unpack_from(">HH", data, start)
    subtables: dict[tuple[int, int], int] = {}
    for index in range(min(count, 64)):
        platform, encoding, offset = struct.unpack_from(">HHI", data, start + 4 + 8 * index)
        if offset >= length:
            raise _Broken
        subtables.setdefault((platform, encoding), start + offset)
    for keys, unicode in _PREFERENCE:
        for key in keys:
            if key in subtables:
                found = _subtable(data, subtables[key], unicode)
                if found:
                    return _reversed(found)
    return {}


# which subtables, in order, and whether their codes are Unicode (else Macintosh Roman)
_PREFERENCE = (
    (((3, 10), (0, 6), (0, 4)), True),
    (((3, 1), (0, 3), (0, 2), (0, 1), (0, 0)), True),
    (((1, 0),), False),
)


def _table(data: bytes, tag: bytes) -> tuple[int, int] | None:
    """(offset, length) of the program's table ``tag``."""
    (count,) = struct.unpack_from(">H", data, 4)
    for index in range(min(count, 256)):
        name, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if name == tag:
            if offset + length > len(data) or length < 4:
                raise _Broken
            return offset, length
    return None


def _subtable(data: bytes, offset: int, unicode: bool) -> list[tuple[int, int]]:
    """(character code, glyph number) pairs of the subtable at ``offset``."""
    (form,) = struct.unpack_from(">H", data, offset)
    if form == 4:
        return _format4(data, offset)
    if form == 12 and unicode:
        return _format12(data, offset)
    if form == 0:
        return [(code, glyph) for code, glyph in enumerate(data[offset + 6 : offset + 262])]
    if form == 6:
        first, count = struct.unpack_from(">HH", data, offset + 6)
        glyphs = struct.unpack_from(f">{min(count, MAX_GLYPHS)}H", data, offset + 10)
        return [(first + index, glyph) for index, glyph in enumerate(glyphs)]
    return []


def _format4(data: bytes, offset: int) -> list[tuple[int, int]]:
    (doubled,) = struct.unpack_from(">H", data, offset + 6)
    segments = min(doubled // 2, MAX_GROUPS)
    ends_at = offset + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at = starts_at + 2 * segments
    ranges_at = deltas_at + 2 * segments
    ends = struct.unpack_from(f">{segments}H", data, ends_at)
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, deltas_at)
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    pairs: list[tuple[int, int]] = []
    visited = 0
    for segment in range(segments):
        start, end = starts[segment], ends[segment]
        if start > end or start == 0xFFFF:
            continue
        visited += end - start + 1
        if visited > 0x10000:  # segments that overlap: no font's
            raise _Broken
        for code in range(start, end + 1):
            if ranges[segment] == 0:
                glyph = (code + deltas[segment]) & 0xFFFF
            else:
                at = ranges_at + 2 * segment + ranges[segment] + 2 * (code - start)
                (glyph,) = struct.unpack_from(">H", data, at)
                if glyph:
                    glyph = (glyph + deltas[segment]) & 0xFFFF
            if glyph:
                pairs.append((code, glyph))
    return pairs


def _format12(data: bytes, offset: int) -> list[tuple[int, int]]:
    (groups,) = struct.unpack_from(">I", data, offset + 12)
    pairs: list[tuple[int, int]] = []
    for index in range(min(groups, MAX_GROUPS)):
        first, last, glyph = struct.unpack_from(">III", data, offset + 16 + 12 * index)
        if last < first or last > 0x10FFFF:
            raise _Broken
        for code in range(first, last + 1):
            pairs.append((code, glyph + code - first))
            if len(pairs) > MAX_GLYPHS:
                raise _Broken
    return pairs


def _reversed(pairs: list[tuple[int, int]]) -> dict[int, str]:
    glyphs: dict[int, str] = {}
    for code, glyph in sorted(pairs):
        char = chr(code)
        if glyph and glyph not in glyphs and _text(char):
            glyphs[glyph] = char
    return glyphs


def _text(char: str) -> bool:
    """A character of text: not a control code, a private-use code or a surrogate."""
    code = ord(char)
    return code >= 0x20 and not (0x7F <= code < 0xA0) and not (0xD800 <= code < 0xF900)
