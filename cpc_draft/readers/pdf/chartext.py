"""A page's text as pdfium holds it: one character per character index.

Every position the reader asks pdfium for (a box, an origin, a text object) is by
character index, so the text cut into words must line up with those indices.
``FPDFText_GetText`` mostly does (a character outside the Basic Multilingual Plane takes
two indices, one per UTF-16 unit, and is put back whole here), but it leaves out the
control codes (C0 and C1) some fonts map their glyphs to (a box to tick, an arrow, even
the space): past one of those, every word would take its neighbour's position ("A
SSURANCES"). Then its text is matched with the characters index by index, and what it
left out is put back in place.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as pdfium_c

from cpc_draft.readers.pdf.fontencoding import with_glyph_names

_LINE_END_HYPHEN = 0xFFFE  # GetText's mark of a hyphen that ends a line (U+0002 by index)
# What stands for a character GetText left out: not text, and it ends a word (a line
# tabulation: no font's glyph, not counted as undecodable)
LEFT_OUT = 0x0B


def page_text(textpage, count: int) -> str:
    """The first ``count`` characters of the page, one per character index (those PDFium
    left as bare codes decoded from their glyphs' names where it can: :mod:`.fontencoding`)."""
    return with_glyph_names(textpage, _pdfium_text(textpage, count))


def _pdfium_text(textpage, count: int) -> str:
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    if written - 1 < count:
        return _decode(_realigned(textpage, count, buffer[: max(0, written - 1)]))
    text = bytes(buffer)[: 2 * count].decode("utf-16-le", errors="surrogatepass")
    if len(text) == count:  # no surrogate pairs: indices line up already
        return _SURROGATE.sub("\ufffd", text)
    return _decode(buffer[:count])


def _realigned(textpage, count: int, units: list[int]) -> list[int]:
    """One UTF-16 unit per index: GetText's, and LEFT_OUT where it left one out.

    Each index's own character (``FPDFText_GetUnicode``) is matched with GetText's next
    one: a control code GetText lacks was left out, and ends a word there (some fonts
    draw their space as U+0002, a box or an arrow as U+0003 or U+0094); anything else is
    GetText's reading of that index (U+FFFE for a line-end hyphen).
    """
    get = pdfium_c.FPDFText_GetUnicode
    out = []
    position, length = 0, len(units)
    for index in range(count):
        code = get(textpage, index)
        unit = units[position] if position < length else None
        if unit is not None and (unit in (code, _LINE_END_HYPHEN) or not _control(code)):
            out.append(unit)
            position += 1
        else:
            out.append(LEFT_OUT)
    return out


def _control(code: int) -> bool:
    """C0 and C1 control codes (and DEL): what GetText may leave out."""
    return code < 0x20 or 0x7F <= code < 0xA0


def _decode(units: list[int]) -> str:
    """UTF-16 units, one per index -> one character per index (a pair: the character,
    then a zero-width space in its second index; a lone surrogate: U+FFFD)."""
    chars = []
    index, count = 0, len(units)
    while index < count:
        unit = units[index]
        if 0xD800 <= unit < 0xDC00 and index + 1 < count and 0xDC00 <= units[index + 1] < 0xE000:
            chars.append(chr(0x10000 + ((unit - 0xD800) << 10) + (units[index + 1] - 0xDC00)))
            chars.append("\u200b")
            index += 2
            continue
        chars.append("\ufffd" if 0xD800 <= unit < 0xE000 else chr(unit))
        index += 1
    return "".join(chars)


_SURROGATE = re.compile("[\ud800-\udfff]")
