"""The pages of a PDF that need OCR, recognised: rendered through PDFium, read by Tesseract.

In ``auto`` mode a page needs OCR when it holds an image and no usable text: none or
a few words (a scan, perhaps stamped "Page 1 of 3"), or a hidden text layer of garbage
(a poor OCR done before). A page with an image and a little text of its own where OCR
finds no more keeps its own. ``always`` reads
every page from its rendering; ``never`` leaves scans unread, as before.

What came of it is told in every output: a warning naming the pages read by OCR and the
mean confidence, and one counting the doubtful words (below the confidence floor), which
are also listed in the document's properties.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cpc_draft import sandbox
from cpc_draft.errors import InputFileError
from cpc_draft.readers.ocr import ALWAYS, NEVER, current, ocr_data
from cpc_draft.readers.pdf.geometry import PageInput, Word
from cpc_draft.readers.pdf.page import page_ranges

if TYPE_CHECKING:
    from cpc_draft.readers.ocr.languages import LanguageChoice
    from cpc_draft.readers.ocr.tesseract import OcrWord

MAX_PIXELS = 60_000_000  # a page rendered larger than this is rendered at a lower resolution
CPU_SECONDS_PER_PAGE = 10.0  # this process's part of a page: rendering and the words
MAX_DOUBTFUL_LISTED = 40
FEW_WORDS = 20  # a page with an image and fewer words is read by OCR too
MAX_LANG_BYTES = 200  # a language tag ("en-US") is a few characters; more is not one


@dataclass
class OcrResult:
    """What OCR adds to the document: warnings and properties."""

    warnings: list[str] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)


@dataclass
class Tally:
    pages: list[int] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    doubtful: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def count(self, number: int, words: list[OcrWord]) -> None:
        floor = ocr_data().confidence_floor
        self.pages.append(number)
        for word in words:
            self.confidences.append(word.confidence)
            if word.confidence < floor:
                self.doubtful.append(f"{word.text} (page {number})")


def recognise_pages(path: Path, document, pages: list[PageInput], stats: list) -> OcrResult:
    """Replace the words of the pages that need OCR with what Tesseract reads on them."""
    settings = current()
    wanted = [
        index
        for index, (page, page_stats) in enumerate(zip(pages, stats, strict=True))
        if _needs_ocr(page.words, page_stats.images, settings.mode)
    ]
    if not wanted:
        return OcrResult()
    from cpc_draft.readers.ocr import tesseract  # digital PDFs never need what follows
    from cpc_draft.readers.ocr.languages import choose_languages

    program = tesseract.command()
    if program is None:
        return _without_tesseract(path, pages, wanted, settings.mode)
    hints = () if settings.languages else _hints(document, pages, wanted)
    choice = choose_languages(path, program, settings.languages, hints)
    sandbox.allow_cpu(CPU_SECONDS_PER_PAGE * len(wanted))
    tally = Tally()
    progress = _Progress(path, len(wanted))
    for step, index in enumerate(wanted):
        progress.show(step)
        _recognise_page(program, document, pages[index], choice, tally)
    progress.done()
    if len(wanted) == len(pages) and not any(pages[index].words for index in wanted):
        failure = f" ({tally.failed[0]})" if tally.failed else ""
        raise InputFileError(path, f"was read by OCR, but no text was recognised{failure}")
    return summary(tally, choice)


def _hints(document, pages: list[PageInput], wanted: list[int]) -> list[str]:
    """What the document says of its languages besides its scans (our codes): the
    languages of its digital pages, then the one its catalog declares (/Lang)."""
    from cpc_draft.readers.ocr.languages import text_languages

    scanned = set(wanted)
    digital = (
        word.text for index, page in enumerate(pages) if index not in scanned for word in page.words
    )
    declared = _declared_language(document)
    return [*text_languages(digital), *([declared] if declared else [])]


def _declared_language(document) -> str | None:
    """The language of the PDF's /Lang ("en-US" -> "en"), or None."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    size = pdfium_c.FPDFCatalog_GetLanguage(document.raw, None, 0)
    if not 2 < size <= MAX_LANG_BYTES:
        return None
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(document.raw, buffer, size)
    tag = "".join(map(chr, buffer[: size // 2 - 1]))
    return tag.split("-")[0].strip().lower() or None


def unusable(words: list[Word]) -> bool:
    """A text layer not worth reading: mostly tokens no language writes (a poor OCR)."""
    tokens = [_PUNCTUATION.sub("", word.text) for word in words]
    tokens = [token for token in tokens if token]
    if not tokens:
        return not words or len(words) > 20
    plausible = sum(1 for token in tokens if _PLAUSIBLE.fullmatch(token))
    return plausible < 0.5 * len(tokens)


_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_VOWELS = "aeiouyáéíóúàèìòùâêîôûäëïöüæœ"
# a word in our languages: letters with a vowel, a short word, or a number; or a word
# in another script (Cyrillic, Greek, CJK…), which a poor OCR of our scripts never makes
_OTHER_SCRIPT = r"\w*[^\W\d_\u0000-\u024f\u1e00-\u1eff]\w*"
_PLAUSIBLE = re.compile(
    rf"(?i:[^\W\d_]*[{_VOWELS}][^\W\d_]*)|[\d.,/\-:%$€£]+|[^\W\d_]{{1,3}}|{_OTHER_SCRIPT}",
    re.UNICODE,
)


def _needs_ocr(words: list[Word], images: int, mode: str) -> bool:
    if mode == ALWAYS:
        return True
    if mode == NEVER or not images:
        return False
    # a few words on a scan are what scanning software stamps ("Page 1 of 3")
    return len(words) < FEW_WORDS or unusable(words)


def _without_tesseract(path: Path, pages, wanted: list[int], mode: str) -> OcrResult:
    """No Tesseract: a document with nothing else to read is refused, naming the packages;
    one with some text is read without its scanned pages, and says so (a page with a
    picture and a few words of its own keeps them, quietly)."""
    missing = tesseract_missing()
    if mode == ALWAYS or not any(page.words for page in pages):
        raise InputFileError(path, f"has no text layer (a scanned image?) and {missing}")
    unread = [pages[index].number for index in wanted if not pages[index].words]
    if not unread:
        return OcrResult()
    return OcrResult([f"{_pages(unread)} without a text layer not read: {missing}"])


def tesseract_missing() -> str:
    return (
        "Tesseract OCR is not installed; install it "
        f"(Debian/Ubuntu packages: {ocr_data().packages})"
    )


def _pages(numbers: list[int]) -> str:
    return f"{'page' if len(numbers) == 1 else 'pages'} {page_ranges(numbers)}"


def _recognise_page(program, document, page: PageInput, choice, tally: Tally) -> None:
    dpi = ocr_data().dpi
    scale = min(dpi / 72, (MAX_PIXELS / max(page.width * page.height, 1.0)) ** 0.5)
    try:
        image = _render(document, page.number - 1, scale)
    except OSError as error:
        tally.failed.append(f"page {page.number}: {error}")
        return
    found = recognise_image(program, image, page.number, scale * 72, choice, tally, page)
    if found is not None:
        page.words, page.grids = found.words, found.grids


def recognise_image(
    program, image, number: int, dpi: float, choice: LanguageChoice, tally: Tally, page=None
) -> PageInput | None:
    """Page ``number``, a Pillow ``image`` at ``dpi``, as the reader's words and grids,
    read in the languages of ``choice`` (and again if the page shows another of ours);
    None where OCR failed, or found no more words than ``page`` had of its own."""
    from cpc_draft.readers.ocr.rules import ruled_edges
    from cpc_draft.readers.ocr.tesseract import OcrFailed
    from cpc_draft.readers.ocr.words import measure_tilt, page_words
    from cpc_draft.readers.pdf.tables import find_grids

    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    try:
        words = _read(program, image, number, round(dpi), choice)
    except (OcrFailed, OSError, MemoryError) as error:
        tally.failed.append(f"page {number}: {error}")
        return None if page is not None else PageInput(number, width, height, [])
    if page is not None and current().mode != ALWAYS and not _better(words, page.words):
        return None  # a page with a picture and a little text: its own text is the better
    tilt = measure_tilt(words)
    edges = ruled_edges(image, tilt, dpi / 72)
    tally.count(number, words)
    return PageInput(
        number,
        width,
        height,
        page_words(words, image.width, image.height, dpi, tilt),
        find_grids(edges, width, height) if edges else [],
    )


def _read(program, image, number: int, dpi: int, choice: LanguageChoice) -> list[OcrWord]:
    from cpc_draft.readers.ocr.recognition import read_image

    words = read_image(program, image, choice.names, dpi)
    again = choice.review(number, words)
    return words if again is None else read_image(program, image, again, dpi)


def _better(recognised: list, own: list[Word]) -> bool:
    return len(recognised) > len(own) or unusable(own)


def _render(document, index: int, scale: float):
    """The page as a Pillow image at ``scale`` pixels a point."""
    import pypdfium2 as pdfium

    page = document[index]
    try:
        bitmap = page.render(scale=scale, grayscale=True)
    except pdfium.PdfiumError as error:
        raise OSError(f"PDFium could not render it ({error})") from None
    finally:
        page.close()
    try:
        return bitmap.to_pil()
    finally:
        bitmap.close()


def summary(tally: Tally, choice: LanguageChoice) -> OcrResult:
    result = OcrResult()
    if tally.pages:
        mean = sum(tally.confidences) / max(len(tally.confidences), 1)
        listed = page_ranges(tally.pages)
        result.warnings.append(
            f"the text of {_pages(tally.pages)} comes from "
            f"OCR (Tesseract in {choice.described()}; mean confidence {mean:.0f}%); "
            "check figures and names against the scan"
        )
        result.properties["ocr_pages"] = listed
        result.properties["ocr_confidence"] = f"{mean:.1f}"
        result.properties["ocr_languages"] = "+".join(choice.names)
    if tally.doubtful:
        floor = ocr_data().confidence_floor
        result.warnings.append(
            f"{len(tally.doubtful):,} of {len(tally.confidences):,} words read by OCR are "
            f"doubtful (confidence below {floor:.0f}%)"
        )
        result.properties["ocr_doubtful_words"] = "; ".join(tally.doubtful[:MAX_DOUBTFUL_LISTED])
    result.warnings += choice.warnings()
    result.warnings += [f"OCR failed on {failure}" for failure in tally.failed]
    return result


class _Progress:
    """``OCR page 3 of 16`` on a terminal's standard error, for scans of several pages."""

    def __init__(self, path: Path, total: int) -> None:
        self.label = f"cpc-draft: {path.name}: OCR"
        self.total = total
        self.shown = total > 1 and sys.stderr.isatty()

    def show(self, step: int) -> None:
        if self.shown:
            sys.stderr.write(f"\r{self.label} page {step + 1} of {self.total}…")
            sys.stderr.flush()

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
