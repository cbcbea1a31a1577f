"""PDF -> :class:`~cpc_draft.model.Document`: pdfium for the text, pdfplumber for tables.

Design (measured on a 45-page LibreOffice draft; see benchmarks/bench_extract.py):
pdfplumber (pdfminer) needs 150-200 ms a page to parse a page's text, pdfium about 2 ms,
and even pdfplumber's table finder on only the ruled pages costs a third of pdfplumber's
whole ``extract_text``. So every page is read with pypdfium2 only, one page at a time
(each page and text page is closed before the next is opened):

- words: pdfium's text (one call a page) cut at spaces; each word's horizontal extent
  from its first and last characters' boxes, its line from the baseline and the font
  size (pdfium's "loose" boxes are glyph-tight for fonts without ascent and descent),
  size and weight from its text object. The page is read in the direction most of its
  text runs (a sideways page without /Rotate reads upright); text at another angle (a
  diagonal watermark) is left out with a note;
- ruled lines: pdfium's path objects (lines, rectangles, also inside form XObjects) turned
  into the edges pdfplumber would see and handed to pdfplumber's own ``TableFinder``
  ("lines" strategy): tables are found as pdfplumber finds them, without pdfminer;
- images: counted, to tell a scanned page (an image, no text) from a blank one.

:mod:`cpc_draft.readers.pdf_layout` then turns the words into blocks in reading order.

Bad files end in :class:`InputFileError` with one line naming the problem: encrypted
(without or with a wrong password), truncated, not a PDF at all, a decompression bomb, no
text layer (scanned), no pages. Damage pdfium repairs (a broken cross-reference table) is
read, with a warning. pdfium itself runs in a forked child with a memory and CPU-time
limit (see :func:`read_pdf`), so what it cannot survive ends in a message too.
"""

from __future__ import annotations

import ctypes
import math
import mmap
import os
import pickle
import re
import resource
import signal
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cpc_draft.errors import InputFileError
from cpc_draft.model import Document
from cpc_draft.readers import pdf_layout as layout
from cpc_draft.readers.pdf_layout import PageInput, TableGrid, Word

MAX_PAGES = 10_000
MAX_CHARS_PER_PAGE = 300_000  # a dense page holds ~6,000
MAX_PAGE_OBJECTS = 50_000
MAX_EDGES_PER_PAGE = 5_000  # beyond this a page is a drawing, not a ruled table
MAX_XREF_ENTRIES = 200_000
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|extrab|ultrab", re.IGNORECASE)
_OBJECT = re.compile(rb"\d{1,10}\s+\d{1,5}\s+obj\b")


def read_pdf(
    path: Path, *, password: str | None = None, while_waiting: Callable[[], None] | None = None
) -> Document:
    """Read a PDF; raise :class:`InputFileError` for anything that is not a readable one.

    Where the system can fork, the reading runs in a child process with a memory and a
    CPU-time limit: pdfium is C++, and a hostile file that makes it run out of memory or
    crash must end in a message, not take the whole command down.

    ``while_waiting`` runs in this process while the child reads (`check` loads spaCy
    then, which takes about as long as reading a 45-page PDF); it runs after the fork,
    so the child never inherits a half-done import.
    """
    path = Path(path)
    if hasattr(os, "fork") and os.environ.get("CPC_DRAFT_PDF_SANDBOX", "1") != "0":
        return _read_in_child(path, password, while_waiting)
    document = _read_guarded(path, password)
    if while_waiting:
        while_waiting()
    return document


def prepare_table_finder() -> None:
    """Import pdfplumber's table finder here, so that the reader children forked from
    this process from now on inherit it instead of each importing it (about 0.13 s a
    PDF): `check` does this while spaCy loads when more PDFs are to come."""
    from pdfplumber.table import TableFinder  # noqa: F401


def _read_guarded(path: Path, password: str | None) -> Document:
    try:
        return _read(path, password)
    except (InputFileError, KeyboardInterrupt):
        raise
    except MemoryError:
        raise InputFileError(path, _OUT_OF_MEMORY) from None
    except Exception as error:  # a file that trips a bug must still end in one line
        raise InputFileError(
            path, f"could not be read (internal error: {type(error).__name__}: {error})"
        ) from None


# -- the sandbox ----------------------------------------------------------------------------

MAX_READER_MEMORY = 1 << 30  # address space the child may add to what it inherits
CPU_SECONDS = 30.0  # plus CPU_SECONDS_PER_PAGE for each page
CPU_SECONDS_PER_PAGE = 0.2
_OUT_OF_MEMORY = (
    f"could not be read within {MAX_READER_MEMORY >> 20} MB of memory (a hostile or broken PDF?)"
)
_LIBRARY_FAILED = (
    "could not be read: the PDF library failed on it (out of "
    f"{MAX_READER_MEMORY >> 20} MB of memory, or a crash; a hostile or broken PDF?)"
)


def _read_in_child(path: Path, password: str | None, while_waiting=None) -> Document:
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no room for a process: read here, unguarded
        os.close(reader)
        os.close(writer)
        document = _read_guarded(path, password)
        if while_waiting:
            while_waiting()
        return document
    if pid == 0:  # the child: read, send the result, leave without running any cleanup
        code = 0
        try:
            os.close(reader)
            _IN_CHILD[0] = True
            _limit_child()
            try:
                result: tuple = ("ok", _read_guarded(path, password))
            except InputFileError as error:
                result = ("error", error.problem)
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException:
            code = 70
        finally:
            os._exit(code)
    os.close(writer)
    try:
        if while_waiting:
            while_waiting()
        with os.fdopen(reader, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
    except BaseException:  # interrupted: take the child down with us
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    if payload and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        kind, value = pickle.loads(payload)
        if kind == "ok":
            return value
        raise InputFileError(path, value)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        raise InputFileError(path, "took too long to read (a hostile or broken PDF?)")
    raise InputFileError(path, _LIBRARY_FAILED)


def _limit_child() -> None:
    """No core dumps; address space capped at what the child has now + MAX_READER_MEMORY."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    try:
        with open("/proc/self/statm") as handle:
            size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + MAX_READER_MEMORY
    for current in (soft, hard):
        if current != resource.RLIM_INFINITY:
            limit = min(limit, current)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _limit_time(pages: int) -> None:
    """In the child: a CPU-time limit in proportion to the pages (SIGXCPU beyond it)."""
    if os.environ.get("CPC_DRAFT_PDF_SANDBOX", "1") == "0" or not _IN_CHILD[0]:
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    seconds = int(spent + CPU_SECONDS + CPU_SECONDS_PER_PAGE * pages) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        seconds = min(seconds, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, hard))


_IN_CHILD = [False]


# -- reading ----------------------------------------------------------------------------------


def _read(path: Path, password: str | None) -> Document:
    damage = _inspect_structure(path)
    if damage.bomb:
        raise InputFileError(
            path,
            f"holds a compressed stream that inflates to {damage.bomb} (a decompression bomb?)",
        )
    document = _open(path, password, damage)
    if damage.truncated:  # pdfium may patch up what is left; pages could be missing
        document.close()
        raise InputFileError(path, "is truncated (its end is missing); get a complete copy")
    warnings: list[str] = []
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise InputFileError(path, f"has {count:,} pages; the limit is {MAX_PAGES:,}")
        _limit_time(count)
        properties = _metadata(document)
        pages, stats = [], []
        for index in range(count):
            page_input, page_stats = _read_page(path, document, index)
            pages.append(page_input)
            stats.append(page_stats)
    finally:
        document.close()
    if damage.xref_damaged:
        warnings.append("the cross-reference table is damaged; the text was recovered")
    blocks, headers, footers, body = _blocks(pages)
    for page_stats in stats:
        page_stats.chars = body.get(page_stats.number, 0)
    warnings += _text_layer_problems(path, stats)
    return Document(
        path=str(path),
        format="pdf",
        blocks=tuple(blocks),
        pages=count,
        warnings=tuple(warnings),
        headers=tuple(headers),
        footers=tuple(footers),
        properties=properties,
    )


def _blocks(pages: list[PageInput]):
    grids_taken: dict[int, set[int]] = {}
    tables_by_page = {}
    for page in pages:
        grids = [grid for grid in page.grids if not _is_layout_grid(grid, page.words)]
        tables, taken = layout.fill_tables(grids, page.words)
        tables_by_page[page.number] = tables
        grids_taken[page.number] = taken
    drop_by_page, headers, footers = layout.find_running_lines(pages, grids_taken)
    sizes: Counter = Counter()
    builder = layout.BlockBuilder()
    laid_out = []
    body: dict[int, int] = {}  # characters per page, running headers and footers aside
    for page in pages:
        drop = drop_by_page.get(page.number, set())
        skip = grids_taken[page.number] | drop
        words = [word for word in page.words if id(word) not in skip]
        body[page.number] = sum(len(word.text) for word in page.words if id(word) not in drop)
        for word in words:
            sizes[round(word.size, 1)] += len(word.text)
        entries = layout.order_page(words, tables_by_page.pop(page.number))
        builder.observe(entries)
        laid_out.append((page.number, entries))
        page.words = []  # the entries hold what is still needed
    for number, entries in laid_out:
        builder.add_page(number, entries)
    return builder.finish(layout.body_size(sizes)), headers, footers, body


def _is_layout_grid(grid: TableGrid, words: list[Word]) -> bool:
    """A ruled two-column grid of long texts is a side-by-side layout, not a data table."""
    if not grid.rows or max(len(row) for row in grid.rows) != 2:
        return False
    x0, top, x1, bottom = grid.bbox
    inside = [
        w
        for w in words
        if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom
    ]
    cells = sum(1 for row in grid.rows for box in row if box)
    return len(inside) >= 25 * max(cells, 1)


# -- the file's structure, before pdfium ------------------------------------------------------


@dataclass
class _Damage:
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


def _inspect_structure(path: Path) -> _Damage:
    """Look at the raw bytes for what pdfium silently repairs or cannot say."""
    try:
        with path.open("rb") as handle:
            if path.stat().st_size == 0:
                raise InputFileError(path, "is empty (0 bytes)")
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                return _damage(data)
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None


def _damage(data) -> _Damage:
    damage = _Damage()
    if _OBJECT.search(data) is None:
        return _Damage(truncated=True, has_objects=False)
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


def _open(path: Path, password: str | None, damage: _Damage):
    try:
        return pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        if password is None:
            raise InputFileError(path, "is encrypted; give the password with --password")
        raise InputFileError(path, "the password is wrong")
    if code == pdfium_c.FPDF_ERR_SECURITY:
        raise InputFileError(path, "is encrypted with an unsupported security handler")
    if code == pdfium_c.FPDF_ERR_FILE:
        raise InputFileError(path, "cannot be opened")
    if code == pdfium_c.FPDF_ERR_SUCCESS:
        raise InputFileError(path, "has no pages")
    if not damage.has_objects:
        raise InputFileError(path, "is not a PDF: it starts like one but holds no PDF objects")
    if damage.truncated:
        raise InputFileError(path, "is truncated (its end is missing); get a complete copy")
    raise InputFileError(path, "is damaged and cannot be read as a PDF")


def _metadata(document) -> dict[str, str]:
    try:
        found = document.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is a nicety; a broken Info dictionary must not stop us
        return {}
    keep = ("Title", "Author", "Subject", "Creator", "Producer", "CreationDate", "ModDate")
    return {key.lower(): " ".join(str(found[key]).split())[:300] for key in keep if found.get(key)}


# -- one page ---------------------------------------------------------------------------------


@dataclass
class _PageStats:
    number: int
    chars: int = 0  # characters of the page's text (running headers and footers aside)
    undecodable: int = 0
    images: int = 0
    notes: list[str] = field(default_factory=list)


def _read_page(path: Path, document, index: int) -> tuple[PageInput, _PageStats]:
    stats = _PageStats(index + 1)
    try:
        page = document[index]
    except pdfium.PdfiumError:
        stats.notes.append(f"page {index + 1} could not be read")
        return PageInput(index + 1, 612.0, 792.0, []), stats
    textpage = None
    try:
        bbox = page.get_bbox()
        textpage = page.get_textpage()
        words, transform = _words(textpage.raw, bbox, page.get_rotation(), stats)
        textpage.close()
        textpage = None
        edges = _edges(page.raw, transform, stats)
    except pdfium.PdfiumError:
        stats.notes.append(f"page {index + 1} could not be read")
        return PageInput(index + 1, 612.0, 792.0, []), stats
    finally:
        if textpage is not None:
            textpage.close()
        page.close()
    grids = _grids(edges, transform) if edges else []
    return PageInput(index + 1, transform.width, transform.height, words, grids), stats


class _Transform:
    """PDF user space -> display points, origin top-left, y down, page rotation applied."""

    def __init__(self, bbox, rotation: int) -> None:
        self.left, self.bottom, self.right, self.top = bbox
        self.rotation = rotation % 360
        width, height = self.right - self.left, self.top - self.bottom
        self.width, self.height = (height, width) if self.rotation in (90, 270) else (width, height)
        self.page_width, self.page_height = width, height

    def point(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.left, y - self.bottom
        if self.rotation == 90:
            return y, x
        if self.rotation == 180:
            return self.page_width - x, y
        if self.rotation == 270:
            return self.page_height - y, self.page_width - x
        return x, self.page_height - y

    def box(self, left: float, top: float, right: float, bottom: float):
        if self.rotation == 0:
            x = self.left
            y = self.top
            return left - x, right - x, y - top, y - bottom
        ax, ay = self.point(left, top)
        bx, by = self.point(right, bottom)
        return min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)


# Words end at spaces and line breaks, not at no-break spaces ("concernés ;", "5 000").
_TOKEN = re.compile(
    r"[^ \t\r\n\x0b\x0c\x00-\x08\x0e-\x1f\x85\u1680"
    r"\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+"
)


def _words(textpage, bbox, rotation: int, stats: _PageStats) -> tuple[list[Word], _Transform]:
    """The page's words, upright, and the transform that makes them so.

    Text is read in the direction most of it runs, whatever the page's /Rotate says (a
    landscape table drawn sideways on a portrait page reads like the rest). Words at
    another angle (a diagonal "DRAFT" watermark, a vertical margin note) are left out
    and named in a note.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], _Transform(bbox, rotation)
    if count > MAX_CHARS_PER_PAGE:
        stats.notes.append(
            f"page {stats.number} holds {count:,} characters; only the first "
            f"{MAX_CHARS_PER_PAGE:,} were read"
        )
        count = MAX_CHARS_PER_PAGE
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = _decode(buffer, count)
    stats.undecodable += len(_UNDECODABLE.findall(text))
    rect = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    styles: dict[int | None, tuple[float, bool]] = {}
    words: list[Word] = []
    tokens = []
    angles: Counter = Counter()
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        # pdfium reports a hyphen that ends a line as U+FFFE (or U+0002)
        token = match.group().replace("\u200b", "").replace("\ufffe", "-").replace("\x02", "-")
        if not token:
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, start)
        angle = round(angle, 2) % _TURN if angle >= 0 else 0.0
        tokens.append((start, end, token, angle))
        angles[round(angle / 0.05) * 0.05 % _TURN] += len(token)
    upright = angles.most_common(1)[0][0] if angles else 0.0
    # pdfium's angles turn clockwise; the transform turns the page the other way back
    quarter = round(math.degrees(upright) / 90) % 4
    transform = _Transform(bbox, (360 - 90 * quarter) % 360 if angles else rotation)
    aside: list[str] = []
    for start, end, token, angle in tokens:
        if min(abs(angle - upright), _TURN - abs(angle - upright)) > 0.1:
            if len(aside) < 5 and token not in aside:
                aside.append(token)
            continue
        # x: the first and last characters' boxes; y: the baselines and the font size (the
        # "loose" boxes are glyph-tight for fonts without ascent and descent)
        pdfium_c.FPDFText_GetLooseCharBox(textpage, start, rect)
        x0, _, _, _ = transform.box(rect.left, rect.top, rect.right, rect.bottom)
        pdfium_c.FPDFText_GetLooseCharBox(textpage, end - 1, rect)
        _, x1, _, _ = transform.box(rect.left, rect.top, rect.right, rect.bottom)
        pdfium_c.FPDFText_GetCharOrigin(textpage, start, origin_x, origin_y)
        _, baseline = transform.point(origin_x.value, origin_y.value)
        pdfium_c.FPDFText_GetCharOrigin(textpage, end - 1, origin_x, origin_y)
        _, baseline2 = transform.point(origin_x.value, origin_y.value)
        # size and weight belong to the text object (a run): looked up once per object
        handle = pdfium_c.FPDFText_GetTextObject(textpage, start)
        key = ctypes.addressof(handle.contents) if handle else None
        style = styles.get(key)
        if style is None:
            size = pdfium_c.FPDFText_GetFontSize(textpage, start)
            pdfium_c.FPDFText_GetFontInfo(textpage, start, name, 128, flags)
            weight = pdfium_c.FPDFText_GetFontWeight(textpage, start)
            bold = bool(_BOLD_NAME.search(name.value.decode("latin-1"))) or weight >= 600
            style = styles[key] = (size, bold)
        size, bold = style
        if not 0.5 <= size <= 500:
            size = 10.0
        if x1 < x0 or x1 - x0 > len(token) * size * 1.3 + size or abs(baseline2 - baseline) > size:
            words += _split_token(textpage, transform, start, token, size, bold, rect)
            continue
        if _GROUPED.search(token):
            token = _thin_spaces(textpage, transform, start, token, size, rect)
        if not (-size <= x0 <= transform.width + size and 0 <= baseline <= transform.height + size):
            continue  # off the page: hidden text
        words.append(Word(token, x0, x1, *_extent(baseline, size), size, bold))
    if aside:
        stats.notes.append(
            f"page {stats.number}: text at an angle was left out (a watermark?): " + " ".join(aside)
        )
    return words, transform


_TURN = 2 * math.pi
ASCENT, DESCENT = 0.8, 0.25  # of the font size, about the baseline: a line's box


def _extent(baseline: float, size: float) -> tuple[float, float]:
    """Top and bottom of a word from its baseline and size (y grows downwards)."""
    return baseline - ASCENT * size, baseline + DESCENT * size


_GROUPED = re.compile(r"\d{4}")


def _thin_spaces(textpage, transform, start, token, size, rect) -> str:
    """Put back the narrow no-break spaces of "1 500 000" that only show as gaps."""
    out, last_right = [], None
    for offset, char in enumerate(token):
        pdfium_c.FPDFText_GetLooseCharBox(textpage, start + offset, rect)
        x0, x1, _, _ = transform.box(rect.left, rect.top, rect.right, rect.bottom)
        if (
            last_right is not None
            and char.isdigit()
            and out[-1].isdigit()
            and x0 - last_right > 0.1 * size
        ):
            out.append("\u202f")
        out.append(char)
        last_right = x1
    return "".join(out)


def _split_token(textpage, transform, start, token, size, bold, rect) -> list[Word]:
    """A token whose characters do not sit together (no space between two columns…)."""
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    words: list[Word] = []
    current: list = []
    for offset, char in enumerate(token):
        pdfium_c.FPDFText_GetLooseCharBox(textpage, start + offset, rect)
        x0, x1, _, _ = transform.box(rect.left, rect.top, rect.right, rect.bottom)
        pdfium_c.FPDFText_GetCharOrigin(textpage, start + offset, origin_x, origin_y)
        _, baseline = transform.point(origin_x.value, origin_y.value)
        if current:
            last = current[-1]
            if (
                x0 < last[1] - size * 0.5
                or x0 - last[2] > 0.25 * size
                or abs(baseline - last[3]) > size / 2
            ):
                words.append(_word_of(current, size, bold))
                current = []
        current.append((char, x0, x1, baseline))
    if current:
        words.append(_word_of(current, size, bold))
    return words


def _word_of(chars, size, bold) -> Word:
    baseline = chars[0][3]
    return Word(
        "".join(c[0] for c in chars),
        min(c[1] for c in chars),
        max(c[2] for c in chars),
        *_extent(baseline, size),
        size,
        bold,
    )


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
# replacement characters, private-use code points and controls (not U+0002, pdfium's mark of
# a line-end hyphen): what a font without a Unicode map gives
_UNDECODABLE = re.compile("[\ufffd\ue000-\uf8ff\x00\x01\x03-\x08\x0e-\x1f]")


# -- drawn lines -> ruled tables --------------------------------------------------------------


def _edges(page, transform: _Transform, stats: _PageStats) -> list[dict]:
    edges: list[dict] = []
    budget = [MAX_PAGE_OBJECTS]
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    count = pdfium_c.FPDFPage_CountObjects(page)
    objects = (pdfium_c.FPDFPage_GetObject(page, i) for i in range(max(count, 0)))
    complete = _collect(objects, identity, transform, edges, stats, budget, depth=0)
    if not complete or len(edges) > MAX_EDGES_PER_PAGE:
        stats.notes.append(
            f"page {stats.number} is too complex a drawing to look for tables in; "
            "its tables (if any) are read as text"
        )
        return []
    return edges


def _collect(objects, outer, transform, edges, stats, budget, depth) -> bool:
    matrix = pdfium_c.FS_MATRIX()
    for obj in objects:
        budget[0] -= 1
        if budget[0] < 0 or len(edges) > MAX_EDGES_PER_PAGE:
            return False
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            stats.images += 1
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        combined = _compose(own, outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth >= 8:
                continue
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            inner = (pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(max(count, 0)))
            if not _collect(inner, combined, transform, edges, stats, budget, depth + 1):
                return False
            continue
        _path_edges(obj, combined, transform, edges, budget)
    return True


def _compose(inner, outer):
    """The matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _path_edges(obj, matrix, transform, edges, budget) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return
    if fill.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
        return  # a clipping path, never painted
    count = pdfium_c.FPDFPath_CountSegments(obj)
    budget[0] -= max(count, 0)
    if count <= 0 or budget[0] < 0:
        return
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    start = current = None
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        px, py = x.value, y.value
        point = transform.point(px * a + py * c + e, px * b + py * d + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = current = point
        else:
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                _add_edge(edges, current, point)
            current = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_edge(edges, current, start)
            current = start


def _add_edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(x0 - x1) < 0.5 and abs(y0 - y1) >= 1:
        x = (x0 + x1) / 2
        top, bottom = min(y0, y1), max(y0, y1)
        edges.append(_edge(x, x, top, bottom, "v"))
    elif abs(y0 - y1) < 0.5 and abs(x0 - x1) >= 1:
        y = (y0 + y1) / 2
        edges.append(_edge(min(x0, x1), max(x0, x1), y, y, "h"))


def _edge(x0, x1, top, bottom, orientation) -> dict:
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


class _EdgesPage:
    """What pdfplumber's TableFinder reads from a page for the "lines" strategy."""

    def __init__(self, edges: list[dict], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0, 0, width, height)


def _grids(edges: list[dict], transform: _Transform) -> list[TableGrid]:
    from pdfplumber.table import TableFinder  # imported only for pages with ruled lines

    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    finder = TableFinder(_EdgesPage(edges, transform.width, transform.height), settings)
    grids = []
    for table in finder.tables:
        x0, top, x1, bottom = table.bbox
        rows = [list(row.cells) for row in table.rows]
        grids.append(TableGrid((x0, top, x1, bottom), rows))
    return grids


# -- what the text layer says about the file --------------------------------------------------


def _text_layer_problems(path: Path, stats: list[_PageStats]) -> list[str]:
    warnings = [note for page in stats for note in page.notes]
    total = sum(page.chars for page in stats)
    if total == 0:
        if any(page.images for page in stats):
            raise InputFileError(path, "has no text layer (a scanned image?); run OCR first")
        blank = "its only page is blank" if len(stats) == 1 else f"its {len(stats)} pages are blank"
        raise InputFileError(path, f"has no text: {blank}")
    scanned = [page.number for page in stats if page.chars == 0 and page.images]
    if scanned:
        listed = _ranges(scanned)
        noun = "page" if len(scanned) == 1 else "pages"
        warnings.append(
            f"{noun} {listed} have no text layer (scanned images?); their text is missing; "
            "run OCR first"
            if len(scanned) > 1
            else f"page {listed} has no text layer (a scanned image?); its text is missing; "
            "run OCR first"
        )
    undecodable = sum(page.undecodable for page in stats)
    if undecodable > 0.05 * total:
        warnings.append(
            f"{undecodable:,} of {total:,} characters could not be decoded (fonts without a "
            "Unicode map); parts of the text may read as garbage"
        )
    return warnings


def _ranges(numbers: list[int]) -> str:
    """[2, 3, 4, 7] -> "2–4, 7"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
