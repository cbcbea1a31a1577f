"""The file's raw bytes, before PDFium sees them: truncation, a damaged cross-reference
table, streams without an end, decompression bombs.

PDFium silently repairs what it can (a broken cross-reference table is read, and the
reader says so); what it cannot survive (a stream inflating to gigabytes, thousands of
streams whose ends it would search the whole file for) is refused here. Every look is
linear in the file's size, and it runs in the reader's sandbox, under its limits.
"""

from __future__ import annotations

import mmap
import re
from dataclasses import dataclass
from pathlib import Path

from cpc_draft.errors import InputFileError
from cpc_draft.readers.pdf.streams import scan_streams

MAX_XREF_ENTRIES = 200_000
_OBJECT = re.compile(rb"\d{1,10}\s+\d{1,5}\s+obj\b")


@dataclass
class Damage:
    """What the raw bytes say that pdfium would repair silently or cannot say."""

    truncated: bool = False  # no end-of-file marker after the last object
    has_objects: bool = True
    xref_damaged: bool = False
    bomb: str | None = None  # what a decompression bomb would inflate to
    endless_streams: int = 0  # streams without an end, so many that PDFium would search long


def inspect_structure(path: Path) -> Damage:
    """Look at the raw bytes for what pdfium silently repairs or cannot say."""
    try:
        with path.open("rb") as handle:
            if path.stat().st_size == 0:
                raise InputFileError(path, "is empty (0 bytes)")
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                return _damage(data)
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None


def _damage(data) -> Damage:
    if _OBJECT.search(data) is None:
        return Damage(truncated=True, has_objects=False)
    streams = scan_streams(data)
    damage = Damage(bomb=streams.bomb, endless_streams=streams.endless)
    end = data.rfind(b"%%EOF")
    if end < 0 or _OBJECT.search(data, end) is not None:
        damage.truncated = True
        return damage
    tail = data[max(0, end - 1024) : end]
    found = re.findall(rb"startxref\s+(\d{1,12})", tail)
    if not found:
        damage.xref_damaged = True
        return damage
    damage.xref_damaged = not _xref_is_sound(data, int(found[-1]))
    return damage


def _xref_is_sound(data, offset: int) -> bool:
    """Do the cross-reference sections point at the objects they name?"""
    seen, checked = set(), 0
    header = data.find(b"%PDF-", 0, 1024)
    shift = max(header, 0)  # offsets count from the header when junk precedes it
    while offset not in seen and len(seen) < 64:
        seen.add(offset)
        position = offset + shift
        if position >= len(data):
            return False
        head = data[position : position + 64]
        if re.match(rb"\s*\d+\s+\d+\s+obj\b", head):
            return True  # a cross-reference stream: pdfium checks it
        if not head.lstrip().startswith(b"xref"):
            return False
        position += head.index(b"xref") + 4
        while True:
            section = re.compile(rb"\s*(\d{1,10})\s+(\d{1,10})[ \t]*\r?\n?").match(data, position)
            if section is None:
                break
            first, count = int(section.group(1)), int(section.group(2))
            position = section.end()
            for number in range(first, first + count):
                entry = data[position : position + 20]
                position += 20
                match = re.match(rb"(\d{10}) (\d{5}) ([nf])", entry)
                if match is None:
                    return False
                checked += 1
                if checked > MAX_XREF_ENTRIES:
                    return True  # sound as far as looked: PDFium checks the rest
                if match.group(3) != b"n":
                    continue
                target = int(match.group(1)) + shift
                found = re.match(rb"\s*(\d+)\s+\d+\s+obj\b", data[target : target + 40])
                if found is None or int(found.group(1)) != number:
                    return False
        trailer = data.find(b"trailer", position, position + 4096)
        if trailer < 0:
            return False
        previous = re.search(rb"/Prev\s+(\d{1,12})", data[trailer : trailer + 4096])
        if previous is None:
            return True
        offset = int(previous.group(1))
    return True
