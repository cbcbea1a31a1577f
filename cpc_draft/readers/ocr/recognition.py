"""One page image -> its recognised words, in two passes of Tesseract.

Tesseract's automatic page layout (mode 3) finds the blocks of a page, columns side by
side included, but drops short text standing alone at a margin: the "2." and "3." of a
numbered list with hanging indents, read on a clean page too. So a second pass reads
what the first left: the words found are painted out and the rest of the page is read
as one block (mode 6), in which such labels are found; of that pass only list labels
read with confidence that begin a line of the first pass's words are kept (the rest is
specks, rules and the edges of letters).

A table's rules are whitened before both passes (:mod:`.rules`). Its cells still lie
in rows across the page, which the first pass reads as lines of text: a line whose gaps
are cell widths, among which the narrow spaces of a bold header are lost ("año1",
"debase"). So the areas the rules framed are read once more as sparse text (mode 11),
where each cell's text is a line of its own; where that reading splits a word of the
first pass in two and reads the same letters, its words replace it.
"""

from __future__ import annotations

import re
import statistics
import tempfile
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path

from cpc_draft.readers.ocr import ocr_data, tesseract
from cpc_draft.readers.ocr.rules import without_rules
from cpc_draft.readers.ocr.tesseract import OcrWord
from cpc_draft.readers.ocr.words import word_size

MARGIN = 0.3  # of a word's height, painted out around it with the word
# what the second pass may add: a list label ("2.", "(b)", "iii)", "a.")
LABEL = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)]")
SECOND_PASS_LINE = 1_000_000  # line numbers of the second pass, apart from the first's
# a sparse reading's words replace a first-pass word whose letters they read so alike
# (the box they share is the real test: "año" and "1" for "afiol" is 0.44)
SAME_LETTERS = 0.4
# a word of one or two characters read with less confidence than this, and of another
# size than the page's text, is a speck
SHORT_WORD_CONFIDENCE = 85
SIZE_TOLERANCE = 0.3  # of the page's usual font size


def read_image(program: str, image, languages: list[str], dpi: int | None) -> list[OcrWord]:
    """The words of a Pillow ``image``, cleaned first (see :func:`clean`): its rules
    whitened, which Tesseract reads as letters (:mod:`.rules`)."""
    tables: list[tuple[int, int, int, int]] = []
    if dpi:
        image, tables = without_rules(image, dpi / 72)
    image = clean(image)
    floor = ocr_data().confidence_floor
    with tempfile.TemporaryDirectory(prefix="cpc-draft-scan-") as folder:
        target = Path(folder) / "page.pgm"
        image.save(target, "PPM")
        first = _words(tesseract.recognise(program, target, languages=languages, dpi=dpi))
        usual = _usual_size(first)
        first = [word for word in first if not _speck(word, floor, usual)]
        if tables:
            first = _with_tables(first, program, image, tables, target, languages, dpi)
        _paint_out(image, first).save(target, "PPM")
        second = tesseract.recognise(program, target, languages=languages, dpi=dpi, layout=6)
    found = [
        _apart(word)
        for word in _words(second)
        if word.confidence >= floor and LABEL.fullmatch(word.text) and _labels_a_line(word, first)
    ]
    return [_without_bars(word) for word in first + found]


def _with_tables(
    first: list[OcrWord], program: str, image, tables, target: Path, languages, dpi
) -> list[OcrWord]:
    """``first`` with its words in the ruled ``tables`` split where a sparse reading
    of the tables splits them (see :func:`_respaced`)."""
    left, top = min(area[0] for area in tables), min(area[1] for area in tables)
    right, bottom = max(area[2] for area in tables), max(area[3] for area in tables)
    from PIL import Image

    canvas = Image.new("L", (right - left + 1, bottom - top + 1), 255)
    for area in tables:
        piece = image.crop((area[0], area[1], area[2] + 1, area[3] + 1))
        canvas.paste(piece, (area[0] - left, area[1] - top))
    canvas.save(target, "PPM")
    try:
        pages = tesseract.recognise(program, target, languages=languages, dpi=dpi, layout=11)
    except tesseract.OcrFailed:
        return first  # the words stay as the first pass read them
    sparse = [_moved(word, left, top) for word in _words(pages)]
    return [
        part
        for word in first
        for part in (_respaced(word, sparse) if _inside(word, tables) else [word])
    ]


def _respaced(word: OcrWord, sparse: list[OcrWord]) -> list[OcrWord]:
    """``word`` as the sparse reading's words within its box, where that reading found
    several of them and read the same letters ("año1" as "año" and "1"): in a ruled
    table the first pass loses the narrow spaces of a cell, the sparse one keeps them
    but misreads more figures, so it is trusted with the spaces only, and not inside a
    figure."""
    parts = sorted(
        (part for part in sparse if _centre_within(part, word)), key=lambda part: part.left
    )
    if len(parts) < 2 or any(
        before.text[-1:].isdigit() and after.text[:1].isdigit() for before, after in pairwise(parts)
    ):
        return [word]  # a figure split in two ("1 15") is a misreading, not a space
    joined = "".join(part.text for part in parts).casefold()
    if SequenceMatcher(None, joined, word.text.casefold()).ratio() < SAME_LETTERS:
        return [word]
    return [replace(part, line=word.line) for part in parts]


def _moved(word: OcrWord, left: int, top: int) -> OcrWord:
    return replace(word, left=word.left + left, top=word.top + top)


def _centre_within(word: OcrWord, box: OcrWord) -> bool:
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return box.left <= x <= box.left + box.width and box.top <= y <= box.top + box.height


def _inside(word: OcrWord, areas) -> bool:
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return any(left <= x <= right and top <= y <= bottom for left, top, right, bottom in areas)


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
    """A short rule (a table's one row at a page's foot, too short to be whitened) read
    as a bar at a word's end ("115|") is no part of it; a bar alone may be text."""
    text = word.text.strip("|")
    return word if not text or text == word.text else replace(word, text=text)


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
