"""The file's raw bytes, before PDFium sees them: truncation, a damaged cross-reference
table, decompression bombs.

PDFium silently repairs what it can (a broken cross-reference table is read, and the
reader says so); what it cannot survive (a stream inflating to gigabytes) is refused here.
"""

from __future__ import annotations

import mmap
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from cpc_draft.errors import InputFileError

MAX_XREF_ENTRIES = 200_000
_OBJECT = re.compile(rb"\d{1,10}\s+\d{1,5}\s+obj\b")


@dataclass
class Damage:
    """What the raw bytes say that pdfium would repair silently or cannot say."""

    truncated: bool = False  # no end-of-file marker after the last object
    has_objects: bool = True
    xref_damaged: bool = False
    bomb: str | None = None  # what a decompression bomb would inflate to


MAX_INFLATED_STREAM = 256 << 20  # a 600-dpi colour page image is ~100 MB decoded
MAX_INFLATED_TOTAL = 1 << 30
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_FLATE = re.compile(rb"/Fl(?:ateDecode)?\b")
_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d{1,12})(?!\s+\d+\s+R)")


def _inflation_bomb(data) -> str | None:
    """Inflate every Flate stream (output discarded) to catch decompression bombs.

    pdfium inflates a stream whole and aborts the process when memory runs out, so a
    1 MB stream of zeros that inflates to gigabytes must be refused before pdfium sees
    it. Images are skipped: text extraction never decodes them.
    """
    total = 0
    for match in _STREAM.finditer(data):
        begin = data.rfind(b"obj", max(0, match.start() - 8192), match.start())
        if begin < 0:
            continue
        head = data[begin : match.start()]
        if not head.rstrip().endswith(b">>") or not _FLATE.search(head) or b"/Image" in head:
            continue
        start = match.end()
        length = _DIRECT_LENGTH.search(head)
        end = start + int(length.group(1)) if length else data.find(b"endstream", start)
        if end < start:
            end = len(data)
        inflated = _inflated_size(data, start, min(end, len(data)), MAX_INFLATED_STREAM)
        total += inflated
        if inflated > MAX_INFLATED_STREAM:
            return f"more than {MAX_INFLATED_STREAM >> 20} MB"
        if total > MAX_INFLATED_TOTAL:
            return f"more than {MAX_INFLATED_TOTAL >> 20} MB in all"
    return None


def _inflated_size(data, start: int, end: int, limit: int) -> int:
    inflater = zlib.decompressobj()
    size = 0
    position = start
    try:
        while position < end and not inflater.eof:
            chunk = data[position : min(position + (1 << 20), end)]
            position += len(chunk)
            while chunk:
                size += len(inflater.decompress(chunk, 1 << 24))
                chunk = inflater.unconsumed_tail
                if size > limit:
                    return size
    except zlib.error:  # encrypted or damaged: pdfium will judge
        pass
    return size


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
    damage = Damage()
    if _OBJECT.search(data) is None:
        return Damage(truncated=True, has_objects=False)
    damage.bomb = _inflation_bomb(data)
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
                if match.group(3) != b"n" or checked > MAX_XREF_ENTRIES:
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
