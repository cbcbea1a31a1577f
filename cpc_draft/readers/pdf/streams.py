"""A PDF's streams in its raw bytes: ends that are missing, and decompression bombs.

PDFium looks for the end of a stream whose length is wrong by searching the rest of the
file for ``endstream`` and ``endobj``; a file of thousands of streams without an end makes
that search quadratic, and a stream that inflates to gigabytes makes PDFium exhaust its
memory. Both are told here, before PDFium opens the file, in time linear in its size
whatever it holds: each keyword is found in one pass of a regular expression, the keyword
lists are walked side by side, a stream's dictionary is looked for only since the previous
stream, bytes one stream's inflation consumed are not inflated again for a ``stream``
keyword found inside them, and the inflation as a whole reads at most a few times the file.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

MAX_INFLATED_STREAM = 256 << 20  # a 600-dpi colour page image is ~100 MB decoded
MAX_INFLATED_TOTAL = 1 << 30
# What PDFium's search for missing stream ends may read before the file is refused: a few
# times the file (a damaged file's few missing ends cost at most twice its size each)
# and never less than this floor, which PDFium reads in seconds.
SEARCH_FLOOR = 512 << 20
SEARCH_FACTOR = 8
# The inflation may read this many times the file: stream data is read once, plus the
# first bytes of streams that turn out not to be Flate data at all.
INFLATION_FACTOR = 2

_STREAM = re.compile(rb">>[\x00\t\n\x0c\r ]*stream")  # a dictionary, then its data
_END_STREAM = re.compile(rb"endstream")
_END_OBJECT = re.compile(rb"endobj")
_FLATE = re.compile(rb"/Fl(?:ateDecode)?\b")
_DIRECT_LENGTH = re.compile(rb"/Length\s+(\d{1,12})(?!\s+\d+\s+R)")
_DICTIONARY_REACH = 8192  # how far before its keyword a stream's "N 0 obj" may lie
_FIRST_CHUNK, _LAST_CHUNK = 4096, 1 << 20


@dataclass(frozen=True)
class StreamFindings:
    endless: int = 0  # streams without an end, when so many that PDFium would search long
    bomb: str | None = None  # what a decompression bomb would inflate to


def scan_streams(data) -> StreamFindings:
    """What the streams of ``data`` (bytes or an mmap of the file) would do to PDFium."""
    endless = _endless_streams(data)
    if endless:
        return StreamFindings(endless=endless)
    with memoryview(data) as view:
        return StreamFindings(bomb=_inflation_bomb(data, view))


class _Following:
    """The positions of one keyword in the file, asked for in increasing order."""

    def __init__(self, matches: Iterator[re.Match], size: int) -> None:
        self._matches = matches
        self._size = size
        self._current = -1

    def at_or_after(self, position: int) -> int:
        """The first occurrence at or after ``position``; the file's size if none."""
        while self._current < position:
            found = next(self._matches, None)
            self._current = self._size if found is None else found.start()
        return self._current


def _endless_streams(data) -> int:
    """How many streams have no ``endstream`` before the next stream begins, when PDFium's
    search for their ends would read more than its budget; else 0."""
    size = len(data)
    end_stream = _Following(_END_STREAM.finditer(data), size)
    end_object = _Following(_END_OBJECT.finditer(data), size)
    cost = unended = 0
    previous = None
    for keyword in chain((match.end() for match in _STREAM.finditer(data)), (size,)):
        if previous is not None:
            ended_at = end_stream.at_or_after(previous)
            cost += ended_at - previous + end_object.at_or_after(previous) - previous
            unended += ended_at >= keyword
        previous = keyword
    budget = max(SEARCH_FLOOR, SEARCH_FACTOR * size)
    return unended if cost > budget else 0


def _inflation_bomb(data, view: memoryview) -> str | None:
    """Inflate every Flate stream (output discarded) to catch decompression bombs.

    PDFium inflates a stream whole and aborts when memory runs out, so a 1 MB stream of
    zeros that inflates to gigabytes must be refused before PDFium sees it. Images are
    skipped: text extraction never decodes them.
    """
    size = len(data)
    ends = _Following(_END_STREAM.finditer(data), size)
    total = read = 0
    consumed = since = 0  # inflation has read up to consumed; the last keyword ended at since
    for match in _STREAM.finditer(data):
        head_end, keyword_end = match.start() + 2, match.end()
        begin = data.rfind(b"obj", max(since, head_end - _DICTIONARY_REACH), head_end)
        since = keyword_end
        start = _data_start(data, keyword_end)
        if begin < 0 or start is None or start < consumed:
            continue  # not an object's stream, or bytes inside a stream inflated already
        head = data[begin:head_end]
        if not _FLATE.search(head) or b"/Image" in head:
            continue
        length = _DIRECT_LENGTH.search(head)
        end = min(ends.at_or_after(start), start + int(length.group(1)) if length else size)
        inflated, consumed, fed = _inflate(view, start, end, MAX_INFLATED_STREAM)
        total += inflated
        read += fed
        if inflated > MAX_INFLATED_STREAM:
            return f"more than {MAX_INFLATED_STREAM >> 20} MB"
        if total > MAX_INFLATED_TOTAL:
            return f"more than {MAX_INFLATED_TOTAL >> 20} MB in all"
        if read > INFLATION_FACTOR * size:
            break  # a file built to be inflated over and over: PDFium's limits remain
    return None


def _data_start(data, keyword_end: int) -> int | None:
    """Where a stream's data begins: after the end of line that follows its keyword."""
    eol = data[keyword_end : keyword_end + 2]
    if eol == b"\r\n":
        return keyword_end + 2
    if eol[:1] in (b"\n", b"\r"):
        return keyword_end + 1
    return None


def _inflate(view: memoryview, start: int, end: int, limit: int) -> tuple[int, int, int]:
    """The size ``view[start:end]`` inflates to (stopping past ``limit``); where the Flate
    data surely ended (its end, or the chunk where it turned out not to be Flate data);
    and how many bytes were given to the inflater.

    Chunks grow from a few kilobytes, so data that is not Flate costs little to refuse.
    """
    inflater = zlib.decompressobj()
    inflated, position, chunk = 0, start, _FIRST_CHUNK
    try:
        while position < end and not inflater.eof:
            piece, before = view[position : min(position + chunk, end)], position
            position += len(piece)
            chunk = min(2 * chunk, _LAST_CHUNK)
            while piece:
                inflated += len(inflater.decompress(piece, 1 << 24))
                piece = inflater.unconsumed_tail
                if inflated > limit:
                    return inflated, position, position - start
    except zlib.error:  # encrypted or damaged: PDFium will judge
        return inflated, before, position - start
    return inflated, position - len(inflater.unused_data), position - start
