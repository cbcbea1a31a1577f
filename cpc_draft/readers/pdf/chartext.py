"""A page's text as pdfium holds it: one character per character index.

Every position the reader asks pdfium for (a box, an origin, a text object) is by
character index, so the text cut into words must line up with those indices.
``FPDFText_GetText`` mostly does (a character outside the Basic Multilingual Plane is
two UTF-16 units there, put back in place), but it leaves out characters it deems not
text (control codes a font maps its glyphs to): one of those and every later word would
take its neighbour's position. Then the text is asked for index by index instead.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as pdfium_c


def page_text(textpage, count: int) -> str:
    """The first ``count`` characters of the page, one per character index."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = _decode(buffer, count)
    if written - 1 >= count:
        return text
    # characters were left out: ask for each one (a code point above U+FFFF is one index)
    get = pdfium_c.FPDFText_GetUnicode
    return "".join(_character(get(textpage, index)) for index in range(count))


def _character(code: int) -> str:
    if code == 2:
        return "\ufffe"  # a hyphen at a line's end, as GetText gives it
    if 0xD800 <= code < 0xE000 or code > 0x10FFFF:
        return "\ufffd"
    return chr(code)


def _decode(buffer, count: int) -> str:
    """UTF-16 units -> one character per pdfium character index (pairs kept in place)."""
    text = bytes(buffer)[: 2 * count].decode("utf-16-le", errors="surrogatepass")
    if len(text) == count:  # no surrogate pairs: indices line up already
        return _SURROGATE.sub("\ufffd", text)
    units = buffer[:count]
    chars = []
    index = 0
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
