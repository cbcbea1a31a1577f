"""The encoding built into a CFF font program (a PDF's Type1C font): code -> glyph name.

A CFF font (Adobe Technical Note 5176) that has its own encoding gives each code a glyph
number, and its charset gives each glyph number a string id: one of the 391 standard
strings, or a string of the font's own String INDEX. Only that own encoding is read
here (a predefined one, Standard or Expert, names plain glyphs PDFium reads itself).

The program is untrusted: every offset and count is checked against its length, and a
program that does not hold together gives no names at all.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from importlib import resources

_OPERANDS_MAX = 48  # a DICT operator takes a handful; more is a broken DICT
_CHARSET, _ENCODING, _CHARSTRINGS = 15, 16, 17


class _Broken(Exception):
    pass


@cache
def _standard_strings() -> tuple[str, ...]:
    entry = resources.files("cpc_draft").joinpath("data/glyph_names.json")
    return tuple(json.loads(entry.read_text("utf-8"))["cff_standard_strings"])


def cff_encoding(data: bytes) -> dict[int, str]:
    """{code: glyph name} of the program's own encoding ({} if it has none, or if the
    program is broken)."""
    try:
        return _encoding(data)
    except (_Broken, IndexError, ValueError):
        return {}


def _encoding(data: bytes) -> dict[int, str]:
    if len(data) < 4:
        raise _Broken
    position = data[2]  # the header's size
    _, position = _index(data, position)  # names
    top_dicts, position = _index(data, position)
    strings, position = _index(data, position)
    if not top_dicts:
        raise _Broken
    top = _dict(top_dicts[0])
    encoding_at = _offset(top, _ENCODING, 0)
    if encoding_at <= 1:  # Standard or Expert encoding
        return {}
    glyphs = int.from_bytes(_take(data, _offset(top, _CHARSTRINGS, 0), 2), "big")
    names = _charset(data, _offset(top, _CHARSET, 0), glyphs, strings)
    return _codes(data, encoding_at, strings, names)


def _index(data: bytes, position: int) -> tuple[list[bytes], int]:
    """The items of the INDEX at ``position``, and where it ends."""
    count = int.from_bytes(_take(data, position, 2), "big")
    if count == 0:
        return [], position + 2
    size = _take(data, position + 2, 1)[0]
    if not 1 <= size <= 4:
        raise _Broken
    offsets_at = position + 3
    offsets = [
        int.from_bytes(_take(data, offsets_at + i * size, size), "big") for i in range(count + 1)
    ]
    base = offsets_at + (count + 1) * size - 1
    if offsets[0] != 1 or any(b < a for a, b in itertools.pairwise(offsets)):
        raise _Broken
    items = [_take(data, base + a, b - a) for a, b in itertools.pairwise(offsets)]
    return items, base + offsets[-1]


def _take(data: bytes, position: int, size: int) -> bytes:
    if position < 0 or size < 0 or position + size > len(data):
        raise _Broken
    return data[position : position + size]


def _dict(data: bytes) -> dict[int, list[float]]:
    """A Top DICT: operator -> operands (reals are skipped over, kept as 0)."""
    found: dict[int, list[float]] = {}
    operands: list[float] = []
    position = 0
    while position < len(data):
        byte = data[position]
        if byte <= 21:
            operator = 1200 + data[position + 1] if byte == 12 else byte
            position += 2 if byte == 12 else 1
            found[operator] = operands
            operands = []
            continue
        if len(operands) >= _OPERANDS_MAX:
            raise _Broken
        value, position = _operand(data, position)
        operands.append(value)
    return found


def _operand(data: bytes, position: int) -> tuple[float, int]:
    byte = data[position]
    if 32 <= byte <= 246:
        return byte - 139, position + 1
    if 247 <= byte <= 250:
        return (byte - 247) * 256 + data[position + 1] + 108, position + 2
    if 251 <= byte <= 254:
        return -(byte - 251) * 256 - data[position + 1] - 108, position + 2
    if byte == 28:
        return int.from_bytes(_take(data, position + 1, 2), "big", signed=True), position + 3
    if byte == 29:
        return int.from_bytes(_take(data, position + 1, 4), "big", signed=True), position + 5
    if byte == 30:  # a real: nibbles up to one of 0xF
        position += 1
        while position < len(data) and 0xF not in (data[position] >> 4, data[position] & 0xF):
            position += 1
        return 0, position + 1
    raise _Broken


def _offset(top: dict[int, list[float]], operator: int, default: int) -> int:
    operands = top.get(operator)
    return int(operands[-1]) if operands else default


def _sid_name(sid: int, strings: list[bytes]) -> str:
    standard = _standard_strings()
    if sid < len(standard):
        return standard[sid]
    if sid - len(standard) >= len(strings):
        raise _Broken
    return strings[sid - len(standard)].decode("latin-1")


def _charset(data: bytes, position: int, count: int, strings: list[bytes]) -> dict[int, str]:
    """Glyph number -> name (glyph 0 is .notdef)."""
    if position <= 2 or count <= 1:  # a predefined charset names standard glyphs only
        return {}
    names: dict[int, str] = {}
    form = _take(data, position, 1)[0]
    position += 1
    glyph = 1
    while glyph < count:
        if form == 0:
            names[glyph] = _sid_name(int.from_bytes(_take(data, position, 2), "big"), strings)
            position += 2
            glyph += 1
            continue
        if form not in (1, 2):
            raise _Broken
        first = int.from_bytes(_take(data, position, 2), "big")
        left = int.from_bytes(_take(data, position + 2, form), "big")
        position += 2 + form
        for sid in range(first, min(first + left + 1, first + count - glyph)):
            names[glyph] = _sid_name(sid, strings)
            glyph += 1
    return names


def _codes(data: bytes, position: int, strings: list[bytes], names: dict[int, str]):
    """{code: glyph name} of a custom encoding, its supplements (codes given a glyph by
    its name's string id) included."""
    form = _take(data, position, 1)[0]
    pairs: list[tuple[int, int]] = []
    if form & 0x7F == 0:
        count = _take(data, position + 1, 1)[0]
        codes = _take(data, position + 2, count)
        pairs = [(code, glyph) for glyph, code in enumerate(codes, start=1)]
        position += 2 + count
    elif form & 0x7F == 1:
        ranges = _take(data, position + 1, 1)[0]
        glyph = 1
        for index in range(ranges):
            first, left = _take(data, position + 2 + 2 * index, 2)
            for code in range(first, min(first + left + 1, 256)):
                pairs.append((code, glyph))
                glyph += 1
        position += 2 + 2 * ranges
    else:
        raise _Broken
    found = {code: names[glyph] for code, glyph in pairs if glyph in names}
    if form & 0x80:
        supplements = _take(data, position, 1)[0]
        for index in range(supplements):
            entry = _take(data, position + 1 + 3 * index, 3)
            found[entry[0]] = _sid_name(int.from_bytes(entry[1:], "big"), strings)
    return found
