"""The encoding of a text file, and its text.

A byte-order mark decides: UTF-8, UTF-16 or UTF-32, little- or big-endian (UTF-32 LE is
looked for before UTF-16 LE, whose mark begins it). Without one, text in UTF-16 or UTF-32
shows as NUL bytes at fixed places (the zero high bytes of Latin letters) and is read in
that encoding, with a warning. Otherwise UTF-8, and if that fails Windows-1252 (a superset
of Latin-1 for text), with a warning, so accents survive either way.

NUL bytes left in a text after all that are not text: a few are removed with a warning;
a file made largely of them is refused rather than read as garbage.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from cpc_draft.errors import InputFileError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Without a mark: which bytes of each unit are NUL in Latin text, per encoding.
_NUL_PATTERNS = (
    ("utf-32-le", 4, (1, 2, 3)),
    ("utf-32-be", 4, (0, 1, 2)),
    ("utf-16-le", 2, (1,)),
    ("utf-16-be", 2, (0,)),
)
_SAMPLE = 4096
_NUL_SHARE = 0.9  # of the units that must show the pattern
NUL_TOLERATED = 0.01  # of the characters of a decoded text


def has_bom(head: bytes) -> bool:
    return any(head.startswith(bom) for bom, _, _ in BOMS)


def unmarked_wide_encoding(head: bytes) -> str | None:
    """utf-16-le, utf-16-be, utf-32-le or utf-32-be when ``head`` (no BOM) has NUL bytes
    where Latin text in that encoding has them; None otherwise."""
    sample = head[:_SAMPLE]
    for encoding, width, zeros in _NUL_PATTERNS:
        units = [sample[i : i + width] for i in range(0, len(sample) - width + 1, width)]
        if len(units) < 2:
            continue
        matching = sum(1 for unit in units if any(unit) and all(unit[z] == 0 for z in zeros))
        if matching >= _NUL_SHARE * len(units):
            return encoding
    return None


def decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """The text of ``data`` and the warnings its reading deserves."""
    text, warnings = _decode(path, data)
    return _without_nuls(path, text, warnings)


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    for bom, encoding, name in BOMS:
        if data.startswith(bom):
            return _strict(path, data[len(bom) :], encoding, name), []
    wide = unmarked_wide_encoding(data)
    if wide is not None:
        name = wide.upper().replace("-LE", " LE").replace("-BE", " BE")
        text = _strict(path, data, wide, name)
        return text, [f"no byte-order mark; read as {name} (from the pattern of its NUL bytes)"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [
            "not UTF-8; read as Windows-1252 (Latin-1)"
        ]


def _strict(path: Path, data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputFileError(path, f"is not valid {name} ({error.reason})") from None


def _without_nuls(path: Path, text: str, warnings: list[str]) -> tuple[str, list[str]]:
    nuls = text.count("\x00")
    if not nuls:
        return text, warnings
    if nuls > NUL_TOLERATED * len(text):
        raise InputFileError(
            path,
            f"holds {nuls:,} NUL characters in {len(text):,}: not plain text "
            "(or text in an encoding it does not mark)",
        )
    noun = "NUL character" if nuls == 1 else "NUL characters"
    return text.replace("\x00", ""), [*warnings, f"removed {nuls:,} {noun}"]
