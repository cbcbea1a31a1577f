"""Tesseract's word boxes -> the PDF reader's positioned words, upright.

Tesseract reads a slightly tilted scan well, but reports each word's box where it lies
in the tilted image: across a 6-inch line tilted by one degree the boxes drift by a line
height, which would cut the line in two. So the tilt is measured from the lines Tesseract
found (the slope of their words' baselines), the boxes are turned back about the image's
centre, and every word of a line is given the line's baseline and size: the layout steps
then see what they see in a digital PDF.

A word's font size comes from its box height and its letters: a box of x-height letters
("once") is about half the size, one with a capital or ascender and a descender about
the whole; the line takes the median of its words.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict

from cpc_draft.readers.ocr.tesseract import OcrWord
from cpc_draft.readers.pdf.geometry import Word
from cpc_draft.readers.pdf.words import ASCENT, DESCENT

MAX_TILT = math.radians(5)  # beyond this the page is turned, not tilted: left as it is
_ASCENDERS = set("bdfhklt0123456789ÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÇÑáéíóúàèìòùâêîôûäëïöüß?!&%$#@/\\|")
_DESCENDERS = set("gjpqyç")
_BOTH = set("()[]{}|")
SAME_SIZE = 0.12  # a line within this share of the page's usual size is of that size
CAP, X_HEIGHT, DROP = 0.70, 0.48, 0.22  # of the font size, for an ordinary serif or sans face


def page_words(
    words: list[OcrWord], width: int, height: int, dpi: float, tilt: float
) -> list[Word]:
    """Words in points on a page of ``width`` x ``height`` pixels scanned at ``dpi`` and
    tilted by ``tilt`` (see :func:`measure_tilt`)."""
    if not words:
        return []
    cos, sin = math.cos(-tilt), math.sin(-tilt)
    centre_x, centre_y = width / 2, height / 2
    scale = 72.0 / dpi
    lines: dict[tuple, list[tuple[OcrWord, float, float]]] = defaultdict(list)
    for word in words:
        # the word's centre turned back about the page's centre (y grows downwards)
        x = word.left + word.width / 2 - centre_x
        y = word.top + word.height / 2 - centre_y
        lines[word.line].append((word, centre_x + x * cos - y * sin, centre_y + x * sin + y * cos))
    sizes = _page_sizes([[word for word, _, _ in members] for members in lines.values()])
    found: list[Word] = []
    for members, size in zip(lines.values(), sizes, strict=True):
        size *= scale
        baseline = statistics.median(
            y + word.height / 2 - (DROP * size / scale if _descends(word.text) else 0.0)
            for word, _, y in members
        )
        top, bottom = baseline * scale - ASCENT * size, baseline * scale + DESCENT * size
        for word, x, _ in members:
            half = word.width / 2
            found.append(Word(word.text, (x - half) * scale, (x + half) * scale, top, bottom, size))
    return found


def _page_sizes(lines: list[list[OcrWord]]) -> list[float]:
    """Each line's font size in pixels; those near the page's usual size are given it
    (an estimate wavers by a tenth from line to line, which would break paragraphs)."""
    sizes = [_line_size(words) for words in lines]
    weights = [len(words) for words in lines]
    usual = _weighted_median(sizes, weights)
    return [usual if abs(size - usual) <= SAME_SIZE * usual else size for size in sizes]


def _weighted_median(values: list[float], weights: list[int]) -> float:
    half, running = sum(weights) / 2, 0
    for value, weight in sorted(zip(values, weights, strict=True)):
        running += weight
        if running >= half:
            return value
    return values[0]


def measure_tilt(words: list[OcrWord]) -> float:
    """The page's tilt in radians (positive: lines fall to the right), from its lines'
    baselines; 0 when there is too little to measure."""
    lines: dict[tuple, list[OcrWord]] = defaultdict(list)
    for word in words:
        if len(word.text) > 1 and not _descends(word.text):
            lines[word.line].append(word)
    slopes = []
    for members in lines.values():
        if len(members) < 3:
            continue
        xs = [word.left + word.width / 2 for word in members]
        ys = [word.top + word.height for word in members]
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        if spread <= 0:
            continue
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
        slopes.append(slope)
    if len(slopes) < 2:
        return 0.0
    tilt = math.atan(statistics.median(slopes))
    return tilt if abs(tilt) <= MAX_TILT else 0.0


def _line_size(words: list[OcrWord]) -> float:
    """The font size of a line, in pixels: the median of its words' estimates."""
    estimates = [word_size(word) for word in words]
    known = [size for size in estimates if size is not None]
    return statistics.median(known or [max(word.height for word in words)])


def word_size(word: OcrWord) -> float | None:
    """A word's font size in pixels, from its box height and its letters."""
    letters = [char for char in word.text if char.isalnum() or char in _BOTH]
    if len(letters) < 2:
        return None
    tall = any(char.isupper() or char in _ASCENDERS or char in _BOTH for char in letters)
    top = CAP if tall else X_HEIGHT
    drop = DROP if any(char in _DESCENDERS or char in _BOTH for char in letters) else 0.0
    return word.height / (top + drop)


def _descends(text: str) -> bool:
    return any(char in _DESCENDERS or char in _BOTH for char in text)
