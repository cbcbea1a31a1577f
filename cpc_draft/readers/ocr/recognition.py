"""One page image -> its recognised words, in two passes of Tesseract.

Tesseract's automatic page layout (mode 3) finds the blocks of a page, columns side by
side included, but drops short text standing alone at a margin: the "2." and "3." of a
numbered list with hanging indents, read on a clean page too. So a second pass reads
what the first left: the words found are painted out and the rest of the page is read
as one block (mode 6), in which such labels are found; of that pass only list labels
read with confidence that begin a line of the first pass's words are kept (the rest is
specks, rules and the edges of letters).
"""

from __future__ import annotations

import re
import statistics
import tempfile
from dataclasses import replace
from pathlib import Path

from cpc_draft.readers.ocr import ocr_data, tesseract
from cpc_draft.readers.ocr.tesseract import OcrWord
from cpc_draft.readers.ocr.words import word_size

MARGIN = 0.3  # of a word's height, painted out around it with the word
# what the second pass may add: a list label ("2.", "(b)", "iii)", "a.")
LABEL = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)]")
SECOND_PASS_LINE = 1_000_000  # line numbers of the second pass, apart from the first's
# a word of one or two characters read with less confidence than this, and of another
# size than the page's text, is a speck
SHORT_WORD_CONFIDENCE = 85
SIZE_TOLERANCE = 0.3  # of the page's usual font size


def read_image(program: str, image, languages: list[str], dpi: int | None) -> list[OcrWord]:
    """The words of a Pillow ``image``, cleaned first (see :func:`clean`)."""
    image = clean(image)
    floor = ocr_data().confidence_floor
    with tempfile.TemporaryDirectory(prefix="cpc-draft-scan-") as folder:
        target = Path(folder) / "page.pgm"
        image.save(target, "PPM")
        first = _words(tesseract.recognise(program, target, languages=languages, dpi=dpi))
        usual = _usual_size(first)
        first = [word for word in first if not _speck(word, floor, usual)]
        _paint_out(image, first).save(target, "PPM")
        second = tesseract.recognise(program, target, languages=languages, dpi=dpi, layout=6)
    found = [
        _apart(word)
        for word in _words(second)
        if word.confidence >= floor and LABEL.fullmatch(word.text) and _labels_a_line(word, first)
    ]
    return [word for word in map(_without_bars, first + found) if word.text]


def clean(image):
    """Grey, and the specks of a photocopier or fax gone: a 3 x 3 median keeps strokes
    and removes dots of a pixel or two, which Tesseract reads as "|", "." or a misread
    label ("(d)" as "@")."""
    from PIL import ImageFilter

    return image.convert("L").filter(ImageFilter.MedianFilter(3))


def _paint_out(image, words: list[OcrWord]):
    from PIL import ImageDraw

    masked = image.copy()
    draw = ImageDraw.Draw(masked)
    for word in words:
        margin = MARGIN * word.height
        right, bottom = word.left + word.width, word.top + word.height
        draw.rectangle(
            [word.left - margin, word.top - margin, right + margin, bottom + margin], fill=255
        )
    return masked


def _words(pages) -> list[OcrWord]:
    return [word for page in pages for word in page.words]


def _without_bars(word: OcrWord) -> OcrWord:
    """A table's vertical rule read as a bar at a word's end ("115|") is no part of it."""
    text = word.text.strip("|")
    return word if text == word.text else replace(word, text=text)


def _speck(word: OcrWord, floor: float, usual: float | None) -> bool:
    """Specks and rules read as letters: punctuation alone, doubtful; or one or two
    characters read with less confidence than real short words are ("a", "of": 95)
    and of another size than the page's text (a table's "15" or "No" is of its size)."""
    letters = sum(1 for char in word.text if char.isalnum())
    if not letters or LABEL.fullmatch(word.text):  # a list label "(e)" is often doubtful
        return word.confidence < floor
    if letters > 2 or word.confidence >= SHORT_WORD_CONFIDENCE:
        return False
    size = word_size(word)
    return usual is None or size is None or abs(size - usual) > SIZE_TOLERANCE * usual


def _labels_a_line(label: OcrWord, words: list[OcrWord]) -> bool:
    """A label begins a line of text: words of the first pass on its right, none on
    its left (a "2." found between words is a remnant of them)."""
    middle = label.top + label.height / 2
    row = [word for word in words if word.top <= middle <= word.top + word.height]
    return any(word.left > label.left for word in row) and not any(
        word.left < label.left for word in row
    )


def _usual_size(words: list[OcrWord]) -> float | None:
    """The font size, in pixels, of the page's confidently read words."""
    sizes = [
        size
        for word in words
        if word.confidence >= 90 and len(word.text) >= 3
        for size in [word_size(word)]
        if size is not None
    ]
    return statistics.median(sizes) if sizes else None


def _apart(word: OcrWord) -> OcrWord:
    """A second-pass word on a line of its own numbering (the passes' lines are not one)."""
    page, block, paragraph, line = word.line
    return replace(word, line=(page, block + SECOND_PASS_LINE, paragraph, line))
