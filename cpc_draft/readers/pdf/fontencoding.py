"""Characters PDFium could not decode, read from their glyphs' names.

A simple font (Type 1, TrueType, Type 3) without a ToUnicode map says what each code
draws by a glyph name: in its /Encoding's /Differences, or in the encoding built into
its embedded Type 1 or CFF program (``dup 65 /A put``). Where PDFium does not know a
name (a ligature's "f_f_i", every name of a Type 3 font) it gives the character code
itself for the character ("\\x03"), or its base encoding's letter, and marks the
character as one it could not map (``FPDFText_HasUnicodeMapError``). Such characters are
decoded here through :mod:`.glyphnames`. A CID font drawn with Identity-H and no
ToUnicode map gives its CIDs for characters the same way (its space, glyph 3, is a
control code); their glyphs' characters come from the font program's cmap.

Only a page whose text holds a C0 control code that is no line break pays for it: the
PDF's font dictionaries are read once for the document (:mod:`.fontdicts`, bounded) and
each marked character of those fonts gets its glyph's text. A code stays as it is where
the font's name tells nothing ("g18") or the fonts PDFium cannot tell apart disagree.
"""

from __future__ import annotations

import ctypes
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import pypdfium2.raw as pdfium_c

# A character PDFium left undecoded: a C0 control code that is no text (not a tab or a
# line break), or the stand-in chartext puts where GetText left one out
_SUSPECT = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_STAND_IN = "\x0b"  # chartext.LEFT_OUT: where GetText left out a character
_NAME_BYTES = 256
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


class _Source:
    """The PDF being read, and its fonts' readings of bare codes once a page needs them."""

    def __init__(self, path: Path, password: str | None) -> None:
        self.path, self.password = path, password
        self._fixes: dict[str, dict[int, str]] | None = None
        self.codes: re.Pattern | None = None

    def fixes(self) -> dict[str, dict[int, str]]:
        """Base font name ("" for none) -> {code: character} for the codes whose glyph
        name decodes to another character than the bare code."""
        if self._fixes is None:
            self._fixes = {}
            for name, codes in self._maps().items():
                fixes = {code: char for code, char in codes.items() if char != chr(code)}
                if fixes:
                    self._fixes[name] = fixes
            found = {code for fixes in self._fixes.values() for code in fixes}
            escaped = "".join(re.escape(chr(code)) for code in sorted(found))
            self.codes = re.compile(f"[{escaped}{_STAND_IN}]") if found else None
        return self._fixes

    def _maps(self) -> dict[str, dict[int, str]]:
        logger = logging.getLogger("pdfminer")
        disabled, logger.disabled = logger.disabled, True  # its warnings are not ours
        try:
            from cpc_draft.readers.pdf.fontdicts import font_maps  # pdfminer: when needed

            return font_maps(self.path, self.password)
        except Exception:  # a nicety: a file pdfminer cannot parse keeps PDFium's text
            return {}
        finally:
            logger.disabled = disabled


_SOURCE: ContextVar[_Source | None] = ContextVar("cpc_draft_pdf_font_source", default=None)


@contextmanager
def reading(path: Path, password: str | None) -> Iterator[None]:
    """While the PDF at ``path`` is read: its undecoded characters may be decoded."""
    token = _SOURCE.set(_Source(path, password))
    try:
        yield
    finally:
        _SOURCE.reset(token)


def with_glyph_names(textpage, text: str) -> str:
    """``text`` (one character per index) with the characters PDFium left as bare codes
    decoded from their glyphs' names, where the PDF's fonts name them."""
    source = _SOURCE.get()
    if source is None or not _SUSPECT.search(text):
        return text
    fixes = source.fixes()
    if source.codes is None:
        return text
    chars = list(text)
    fonts: dict[int, dict[int, str] | None] = {}
    for match in source.codes.finditer(text):
        index = match.start()
        # PDFium's own mark of a character it could not decode (not a space it made up)
        if not pdfium_c.FPDFText_HasUnicodeMapError(textpage, index):
            continue
        text_object = pdfium_c.FPDFText_GetTextObject(textpage, index)
        if not text_object:
            continue
        key = ctypes.cast(text_object, ctypes.c_void_p).value or 0
        if key not in fonts:
            fonts[key] = _font_fixes(text_object, fixes)
        font = fonts[key]
        if font is None:
            continue
        code = ord(chars[index])
        if chars[index] == _STAND_IN:  # the code is PDFium's own character there
            code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        chars[index] = font.get(code, chars[index])
    return "".join(chars)


def base_name(name: str) -> str:
    """The font's name without its subset tag ("ABCDEF+Cambria" -> "Cambria"), as
    PDFium gives it."""
    return _SUBSET_TAG.sub("", name)


def _font_fixes(text_object, fixes: dict[str, dict[int, str]]) -> dict[int, str] | None:
    """The text object's font's readings of bare codes."""
    font = pdfium_c.FPDFTextObj_GetFont(text_object)
    if not font:
        return None
    buffer = ctypes.create_string_buffer(_NAME_BYTES)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, _NAME_BYTES)
    name = buffer.value.decode("latin-1") if 0 < length <= _NAME_BYTES else ""
    return fixes.get(base_name(name))
