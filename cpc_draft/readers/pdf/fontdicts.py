"""A PDF's fonts without a ToUnicode map -> what each of their codes stands for: simple
fonts by their glyphs' names, CID fonts drawn with Identity-H by their embedded TrueType
program's own cmap read the other way round (:mod:`.truetypecmap`).

The font dictionaries are read with pdfminer.six's object parser (PDFium does not show
them): the page tree is walked from the catalog, with the fonts of each page's resources
and of the form XObjects they draw (a few levels deep). Every step is bounded, whatever
the file holds: references followed a few links at most, nodes and fonts counted,
embedded font programs read only when small. A font's codes get their glyph names from
the encoding built into its embedded program (a Type 1 program's cleartext
``dup 65 /A put`` lines, a CFF program's own encoding: :mod:`.cffencoding`) where its
/Encoding names no other base, then from its /Differences; the names become characters
through :mod:`.glyphnames`.

Fonts are told apart by their base font name (without a subset tag), the one name PDFium
gives; where several dictionaries share one (or have none, as Type 3 fonts mostly do) a
code is decoded only where all of them agree, and not at all where one of them has a
ToUnicode map.
"""

from __future__ import annotations

import re
from pathlib import Path

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSLiteral

from cpc_draft.readers.pdf.cffencoding import cff_encoding
from cpc_draft.readers.pdf.fontencoding import base_name
from cpc_draft.readers.pdf.glyphnames import one_character
from cpc_draft.readers.pdf.truetypecmap import glyph_characters

MAX_NODES = 50_000  # page-tree nodes and resource dictionaries visited
MAX_FONTS = 5_000
MAX_FORM_DEPTH = 4  # form XObjects drawn inside form XObjects
MAX_REFERENCE_CHAIN = 16  # an object that is a reference to a reference…
MAX_PROGRAM = 2 << 20  # bytes (as stored) of a Type 1 program read for its encoding
MAX_CLEARTEXT = 256 << 10  # bytes of its cleartext part searched for the encoding
MAX_CIDS = 1 << 16
_SIMPLE = {"Type1", "MMType1", "TrueType", "Type3"}
_DUP = re.compile(rb"dup\s+(\d{1,3})\s*/([^\s/\[\]{}()<>%]{1,127})\s+put")


def font_maps(path: Path, password: str | None) -> dict[str, dict[int, str]]:
    """Base font name ("" for none) -> {code: character} of the PDF's simple fonts
    without a ToUnicode map, for the codes their glyph names decode."""
    with open(path, "rb") as file:
        document = PDFDocument(PDFParser(file), password=password or "")
        candidates: dict[str, list[dict[int, str] | None]] = {}
        for font in _fonts(document):
            name = base_name(_name(font.get("BaseFont")))
            candidates.setdefault(name, []).append(_codes(font))
    maps = {}
    for name, found in candidates.items():
        if agreed := _agreed(found):
            maps[name] = agreed
    return maps


def _resolve(value):
    for _ in range(MAX_REFERENCE_CHAIN):
        if not isinstance(value, PDFObjRef):
            return value
        value = value.resolve()
    return None


def _dict(value) -> dict:
    value = _resolve(value)
    if isinstance(value, PDFStream):
        return value.attrs
    return value if isinstance(value, dict) else {}


def _name(value) -> str:
    value = _resolve(value)
    if isinstance(value, PSLiteral):
        return value.name if isinstance(value.name, str) else value.name.decode("latin-1")
    return ""


def _fonts(document) -> list[dict]:
    """The font dictionaries of every page (inherited resources too) and of the form
    XObjects the pages draw, each once."""
    fonts: dict[int, dict] = {}
    seen: set[int] = set()
    stack = [(_dict(document.catalog.get("Pages")), None)]
    visited = 0
    while stack and visited < MAX_NODES and len(fonts) < MAX_FONTS:
        node, inherited = stack.pop()
        visited += 1
        if id(node) in seen:
            continue
        seen.add(id(node))
        resources = _dict(node.get("Resources")) or inherited
        kids = _resolve(node.get("Kids"))
        if isinstance(kids, list):
            stack.extend((_dict(kid), resources) for kid in kids[:MAX_NODES])
        elif resources:
            visited += _resource_fonts(resources, fonts, seen)
    return list(fonts.values())


def _resource_fonts(resources: dict, fonts: dict[int, dict], seen: set[int]) -> int:
    """Adds the fonts of ``resources`` and of its forms; returns the dictionaries seen."""
    stack = [(resources, 0)]
    visited = 0
    while stack and visited < MAX_NODES and len(fonts) < MAX_FONTS:
        current, depth = stack.pop()
        visited += 1
        for value in _dict(current.get("Font")).values():
            font = _dict(value)
            if font:
                fonts.setdefault(id(font), font)
        if depth >= MAX_FORM_DEPTH:
            continue
        for value in _dict(current.get("XObject")).values():
            form = _dict(value)
            inner = _dict(form.get("Resources"))
            if _name(form.get("Subtype")) == "Form" and inner and id(inner) not in seen:
                seen.add(id(inner))
                stack.append((inner, depth + 1))
    return visited


def _codes(font: dict) -> dict[int, str] | None:
    """{code: character} of a simple font without ToUnicode, or of a CID font drawn with
    Identity-H from an embedded TrueType program (:func:`_cid_codes`); None for any
    other font."""
    if font.get("ToUnicode") is not None:
        return None
    if _name(font.get("Subtype")) == "Type0":
        return _cid_codes(font)
    if _name(font.get("Subtype")) not in _SIMPLE:
        return None
    encoding = _resolve(font.get("Encoding"))
    names: dict[int, str] = {}
    own_base = encoding is None or (
        isinstance(encoding, dict) and encoding.get("BaseEncoding") is None
    )
    if own_base and _name(font.get("Subtype")) != "Type3":
        names.update(_built_in(_dict(font.get("FontDescriptor"))))
    if isinstance(encoding, dict):
        names.update(_differences(_resolve(encoding.get("Differences"))))
    codes = {}
    for code, name in names.items():
        char = one_character(name)
        if char is not None:
            codes[code] = char
    return codes


def _cid_codes(font: dict) -> dict[int, str] | None:
    """{CID: character} of a Type 0 font whose codes are its CIDs (Identity-H or -V)
    and whose CIDFontType2 embeds its TrueType program: each CID's glyph (through the
    /CIDToGIDMap) read back to the character the program's own cmap gives it."""
    if _name(font.get("Encoding")) not in ("Identity-H", "Identity-V"):
        return None
    descendants = _resolve(font.get("DescendantFonts"))
    if not isinstance(descendants, list) or len(descendants) != 1:
        return None
    cid_font = _dict(descendants[0])
    if _name(cid_font.get("Subtype")) != "CIDFontType2":
        return None
    program = _resolve(_dict(cid_font.get("FontDescriptor")).get("FontFile2"))
    if not isinstance(program, PDFStream):
        return None
    characters = glyph_characters(_program_data(program))
    if not characters:
        return None
    to_glyph = _resolve(cid_font.get("CIDToGIDMap"))
    if isinstance(to_glyph, PDFStream):  # two bytes a CID: its glyph number
        table = _program_data(to_glyph)[: 2 * MAX_CIDS]
        glyphs = {cid: (table[2 * cid] << 8) | table[2 * cid + 1] for cid in range(len(table) // 2)}
        return {cid: characters[glyph] for cid, glyph in glyphs.items() if glyph in characters}
    if to_glyph is None or _name(to_glyph) == "Identity":
        return {cid: char for cid, char in characters.items() if cid < MAX_CIDS}
    return None


def _differences(differences) -> dict[int, str]:
    names: dict[int, str] = {}
    if not isinstance(differences, list):
        return names
    code = None
    for item in differences[:1024]:
        item = _resolve(item)
        if isinstance(item, int) and not isinstance(item, bool):
            code = item
        elif isinstance(item, PSLiteral) and code is not None:
            if 0 <= code <= 0xFF:
                names[code] = _name(item)
            code += 1
    return names


def _built_in(descriptor: dict) -> dict[int, str]:
    """The encoding of an embedded Type 1 program (its cleartext part) or CFF program."""
    program = _resolve(descriptor.get("FontFile"))
    if isinstance(program, PDFStream):
        data = _program_data(program)
        length = _resolve(program.attrs.get("Length1"))
        end = data.find(b"eexec")
        if isinstance(length, int) and 0 < length < len(data):
            end = length if end < 0 else min(end, length)
        cleartext = data[: min(end if end > 0 else len(data), MAX_CLEARTEXT)]
        return {
            int(code): name.decode("latin-1")
            for code, name in _DUP.findall(cleartext)
            if int(code) <= 0xFF
        }
    program = _resolve(descriptor.get("FontFile3"))
    if isinstance(program, PDFStream) and _name(program.attrs.get("Subtype")) == "Type1C":
        return cff_encoding(_program_data(program))
    return {}


def _program_data(program: PDFStream) -> bytes:
    """The font program, decoded; nothing if it is stored larger than a font should be."""
    if len(program.rawdata or b"") > MAX_PROGRAM:
        return b""
    data = program.get_data()
    return data if len(data) <= 4 * MAX_PROGRAM else b""


def _agreed(found: list[dict[int, str] | None]) -> dict[int, str]:
    """The codes all same-named fonts decode alike (none if one has a ToUnicode map)."""
    if not found or any(codes is None for codes in found):
        return {}
    first, *others = found
    return {
        code: char
        for code, char in first.items()
        if all(codes.get(code) == char for codes in others)
    }
