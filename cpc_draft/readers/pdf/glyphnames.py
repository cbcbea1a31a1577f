"""A glyph's name -> the text it stands for, as the Adobe Glyph List specification says.

A simple font without a ToUnicode map says what its codes draw by the glyphs' names (its
/Differences, or the encoding built into its font program). PDFium reads the plain
names of the Adobe Glyph List ("A", "eacute", "uni00E9") but not the rest of the
specification, which every name follows:

- what follows the first period is a variant, not another character ("a.sc" is "a",
  "zero.taboldstyle" is "0");
- underscores join the characters of a ligature ("f_f_i" is "ffi", "T_h" is "Th");
- each part is a name of the list (``data/glyph_names.json``), "uni" and groups of four
  hex digits ("uni00410042" is "AB"), or "u" and four to six hex digits ("u1D400").

A name that follows none of this ("g18", "cid42", "glyph7": a glyph's number in some font
the PDF does not hold) stands for nothing a reader can know, and is left undecoded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources

_UNI = re.compile(r"uni((?:[0-9A-F]{4})+)")
_U = re.compile(r"u([0-9A-F]{4,6})")
MAX_NAME = 127  # characters: the longest name a Type 1 font may give a glyph


@cache
def _names() -> dict[str, str]:
    entry = resources.files("cpc_draft").joinpath("data/glyph_names.json")
    return json.loads(entry.read_text("utf-8"))["names"]


@cache
def _ligatures() -> dict[str, str]:
    """The letters of a ligature -> its one character ("ffi" -> "ﬃ"), from Unicode's
    compatibility decompositions of the Latin ligatures."""
    found = {}
    for code in range(0xFB00, 0xFB07):
        char = chr(code)
        found[unicodedata.normalize("NFKC", char)] = char
    return found


def text_of(name: str) -> str | None:
    """The text the glyph ``name`` stands for; None if the name tells nothing."""
    if not name or len(name) > MAX_NAME:
        return None
    base = name.split(".", 1)[0]
    if not base:
        return None
    parts = [_part(part) for part in base.split("_")]
    if any(part is None for part in parts):
        return None
    return "".join(parts) or None


def one_character(name: str) -> str | None:
    """The glyph's text as one character (a ligature as its own character, "f_f_i" ->
    "ﬃ"), or None: one character for each character code keeps the text lined up with
    PDFium's character indices."""
    text = text_of(name)
    if text is None or len(text) == 1:
        return text
    return _ligatures().get(text)


def _part(part: str) -> str | None:
    known = _names().get(part)
    if known is not None:
        return known
    if match := _UNI.fullmatch(part):
        digits = match.group(1)
        codes = [int(digits[i : i + 4], 16) for i in range(0, len(digits), 4)]
        if any(0xD800 <= code < 0xE000 for code in codes):
            return None
        return "".join(map(chr, codes))
    if match := _U.fullmatch(part):
        code = int(match.group(1), 16)
        if 0xD800 <= code < 0xE000 or code > 0x10FFFF:
            return None
        return chr(code)
    return None
