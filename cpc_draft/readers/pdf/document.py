"""A PDF file -> a Document: the structure checks, PDFium page by page, then the layout.

Every page is read with pypdfium2 only, one page at a time (each page and text page is
closed before the next is opened). Bad files end in :class:`InputFileError` with one line
naming the problem: encrypted (without or with a wrong password), truncated, not a PDF at
all, a decompression bomb, no text layer (scanned), no pages.
"""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cpc_draft import sandbox
from cpc_draft.errors import InputFileError
from cpc_draft.model import Document
from cpc_draft.readers.ocr.pages import recognise_pages
from cpc_draft.readers.page_limit import HOW_TO_RAISE, max_pages
from cpc_draft.readers.pdf import fontencoding, security, trailer
from cpc_draft.readers.pdf.annotations import page_annotations
from cpc_draft.readers.pdf.drawing import page_edges
from cpc_draft.readers.pdf.geometry import PageInput
from cpc_draft.readers.pdf.layout import lay_out
from cpc_draft.readers.pdf.page import PageStats, text_layer_problems
from cpc_draft.readers.pdf.structure import Damage, inspect_structure
from cpc_draft.readers.pdf.tables import find_grids
from cpc_draft.readers.pdf.words import page_words

CPU_SECONDS_PER_PAGE = 0.2  # CPU time a page may take, on top of the reader's fixed allowance
# PDFium keeps what it parsed for a document (fonts, above all) until the document is
# closed: when the process has grown this much since it opened the file, it is reopened.
CACHE_GROWTH = 256 << 20
_PAGES_BETWEEN_LOOKS = 64
# A crop box this much smaller than the page that shows less than this share of the
# page's text is taken for a mistake: the whole page is read, and the reader says so.
CROPPED_AREA = 0.25
SHOWN_TEXT = 0.5


def read(path: Path, password: str | None) -> Document:
    """Read the PDF at ``path`` here; a file that is not a readable PDF raises
    :class:`InputFileError`."""
    damage = inspect_structure(path)
    if damage.bomb:
        raise InputFileError(
            path,
            f"holds a compressed stream that inflates to {damage.bomb} (a decompression bomb?)",
        )
    if damage.endless_streams:
        raise InputFileError(
            path,
            f"is damaged: {damage.endless_streams:,} streams have no end, which the PDF "
            "library would search the whole file for (a hostile or broken PDF?)",
        )
    document = _open(path, password, damage)
    if damage.truncated:  # pdfium may patch up what is left; pages could be missing
        document.close()
        raise InputFileError(path, "is truncated (its end is missing); get a complete copy")
    warnings: list[str] = []
    try:
        count = len(document)
        if count > max_pages():
            limit = f"the limit is {max_pages():,} ({HOW_TO_RAISE})"
            raise InputFileError(path, f"has {count:,} pages; {limit}")
        sandbox.allow_cpu(CPU_SECONDS_PER_PAGE * count)  # in the sandbox's child
        properties = _metadata(document)
        pages, stats = [], []
        opened_at = _resident()
        with fontencoding.reading(path, password):  # glyph names, for fonts that need them
            for index in range(count):
                if index % _PAGES_BETWEEN_LOOKS == 0 and _resident() - opened_at > CACHE_GROWTH:
                    document.close()  # PDFium's caches go with it
                    document = _open(path, password, damage)
                    opened_at = _resident()
                page_input, page_stats = _read_page(path, document, index)
                pages.append(page_input)
                stats.append(page_stats)
        ocr = recognise_pages(path, document, pages, stats)  # scans, or a garbage text layer
    finally:
        document.close()
    if damage.xref_damaged:
        warnings.append("the cross-reference table is damaged; the text was recovered")
    layout = lay_out(pages)
    for page_stats in stats:
        page_stats.chars = layout.body.get(page_stats.number, 0)
    warnings += text_layer_problems(path, stats) + ocr.warnings
    return Document(
        path=str(path),
        format="pdf",
        blocks=tuple(layout.blocks),
        pages=count,
        warnings=tuple(warnings),
        headers=tuple(layout.headers),
        footers=tuple(layout.footers),
        footnotes=tuple(layout.footnotes),
        properties=properties | ocr.properties,
    )


def _open(path: Path, password: str | None, damage: Damage):
    try:
        return pdfium.PdfDocument(path, password=password)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD and (repaired := _consistent(path, password)):
        return repaired
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
    if code == pdfium_c.FPDF_ERR_FORMAT and (recovered := _catalog_found(path, password)):
        damage.xref_damaged = True  # the reader warns that the text was recovered
        return recovered
    if damage.truncated:
        raise InputFileError(path, "is truncated (its end is missing); get a complete copy")
    raise InputFileError(path, "is damaged and cannot be read as a PDF")


def _consistent(path: Path, password: str | None):
    """The document, when PDFium refused a right (or empty) password only because the
    file's AES-256 permissions disagree with themselves (see :mod:`.security`)."""
    copy = security.consistent_copy(path.read_bytes(), password)
    try:
        return None if copy is None else pdfium.PdfDocument(copy, password=password)
    except pdfium.PdfiumError:
        return None


def _catalog_found(path: Path, password: str | None):
    """The document, when PDFium refused it only because its trailer does not name its
    catalog (see :mod:`.trailer`)."""
    copy = trailer.with_catalog_named(path.read_bytes())
    try:
        return None if copy is None else pdfium.PdfDocument(copy, password=password)
    except pdfium.PdfiumError:
        return None


def _resident() -> int:
    """Bytes of memory the process holds (0 where the system does not say)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _metadata(document) -> dict[str, str]:
    try:
        found = document.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is a nicety; a broken Info dictionary must not stop us
        return {}
    keep = ("Title", "Author", "Subject", "Creator", "Producer", "CreationDate", "ModDate")
    return {key.lower(): " ".join(str(found[key]).split())[:300] for key in keep if found.get(key)}


def _read_page(path: Path, document, index: int) -> tuple[PageInput, PageStats]:
    stats = PageStats(index + 1)
    try:
        page = document[index]
    except pdfium.PdfiumError:
        stats.notes.append(f"page {index + 1} could not be read")
        return PageInput(index + 1, 612.0, 792.0, []), stats
    textpage = None
    try:
        textpage = page.get_textpage()
        words, transform = _words_in_view(page, textpage, stats)
        textpage.close()
        textpage = None
        edges = page_edges(page.raw, transform, stats)
        annotations = page_annotations(page.raw)
    except pdfium.PdfiumError:
        stats.notes.append(f"page {index + 1} could not be read")
        return PageInput(index + 1, 612.0, 792.0, []), stats
    finally:
        if textpage is not None:
            textpage.close()
        page.close()
    grids = find_grids(edges, transform.width, transform.height) if edges else []
    page_input = PageInput(index + 1, transform.width, transform.height, words, grids)
    page_input.annotations = annotations
    return page_input, stats


def _words_in_view(page, textpage, stats: PageStats):
    """The words of the page's crop box (what a viewer shows), and their transform;
    those of the whole page when a small crop box hides most of its text."""
    bbox, rotation = page.get_bbox(), page.get_rotation()
    words, transform = page_words(textpage.raw, bbox, rotation, stats)
    media = page.get_mediabox()
    if _area(bbox) >= CROPPED_AREA * _area(media):
        return words, transform
    whole, whole_transform = page_words(textpage.raw, media, rotation, PageStats(stats.number))
    shown, everything = _letters(words), _letters(whole)
    if shown >= SHOWN_TEXT * everything:
        return words, transform
    stats.notes.append(
        f"page {stats.number}: its crop box shows {shown:,} of its {everything:,} "
        "characters; the whole page was read"
    )
    return whole, whole_transform


def _area(box) -> float:
    left, bottom, right, top = box
    return max(0.0, right - left) * max(0.0, top - bottom)


def _letters(words) -> int:
    return sum(len(word.text) for word in words)
