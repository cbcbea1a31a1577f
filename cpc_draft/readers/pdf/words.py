"""PDFium's text of a page -> positioned words, upright.

Words are pdfium's text (one call a page, lined up with its character indices by
:mod:`.chartext`) cut at spaces; each word's horizontal extent comes from its first and
last characters' boxes, its line from the baseline and the font size (pdfium's "loose"
boxes are glyph-tight for fonts without ascent and descent), size (as drawn: times the
text matrix's scale) and weight from its text object. The page is read in the
direction most of its text runs (a sideways page without /Rotate reads upright, a page
printed mirrored is turned over too: :mod:`.mirror`); text at another angle (a stamp, a
diagonal watermark) is read in its own direction by :mod:`.turned`.

Word boundaries follow the glyphs, not pdfium's guesses: a space pdfium made up inside a
word (kerned, letter-spaced or glyph-by-glyph text) is dropped when its gap is no wider
than the line's own letter spacing allows, a long token is cut where pdfium missed a
space, a footnote mark raised after a figure is cut off (:mod:`.marks`), and
:mod:`.glyphs` then mends what the drawing left (overprints, drop caps, letter-spaced
runs, pieces drawn out of order, vertical columns). A right-to-left word (Arabic,
Hebrew) takes its letters in reading order (:mod:`.bidi`), and combining marks drawn
apart from their letters (Thai) go back onto them (:mod:`.combining`).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections import Counter

import pypdfium2.raw as pdfium_c

from cpc_draft.readers.pdf.bidi import RTL, right_to_left, right_to_left_word
from cpc_draft.readers.pdf.chartext import page_text
from cpc_draft.readers.pdf.combining import attach_marks, put_marks, starts_with_mark
from cpc_draft.readers.pdf.geometry import ASCENT, DESCENT, Word
from cpc_draft.readers.pdf.glyphs import (
    DROP_CAP,
    EAST_ASIAN,
    drop_overprints,
    join_drop_caps,
    join_touching,
    join_vertical,
)
from cpc_draft.readers.pdf.initials import split_initials
from cpc_draft.readers.pdf.marks import raised_pieces
from cpc_draft.readers.pdf.mirror import (
    MIRROR_SAMPLE,
    FlippedTransform,
    mirrored,
    mirrored_page,
)
from cpc_draft.readers.pdf.page import PageStats, Transform
from cpc_draft.readers.pdf.turned import turned_words
from cpc_draft.readers.pdf.vertical import join_short_columns

MAX_CHARS_PER_PAGE = 300_000  # a dense page holds ~6,000
LONG_TOKEN = 16  # characters: a token this long may be words whose spaces pdfium missed
MADE_UP_SAMPLE = 50  # spaces: all of a page's first ones in the PDF, the rest are too
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|extrab|ultrab", re.IGNORECASE)

# Words end at spaces and line breaks, not at no-break spaces ("concernés ;", "5 000").
_TOKEN = re.compile(
    r"[^ \t\r\n\x0b\x0c\x00-\x08\x0e-\x1f\x85\u1680"
    r"\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+"
)


def page_words(textpage, bbox, rotation: int, stats: PageStats) -> tuple[list[Word], Transform]:
    """The page's words, upright, and the transform that makes them so.

    Text is read in the direction most of it runs, whatever the page's /Rotate says (a
    landscape table drawn sideways on a portrait page reads like the rest). Words at
    another angle (a diagonal "DRAFT" stamp, a vertical margin note) are read in their
    own direction, marked "rotated" (:mod:`.turned`).
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], Transform(bbox, rotation)
    if count > MAX_CHARS_PER_PAGE:
        stats.notes.append(
            f"page {stats.number} holds {count:,} characters; only the first "
            f"{MAX_CHARS_PER_PAGE:,} were read"
        )
        count = MAX_CHARS_PER_PAGE
    text = page_text(textpage, count)
    stats.undecodable += len(_UNDECODABLE.findall(text))
    tokens = []
    angles: Counter = Counter()
    matrix = pdfium_c.FS_MATRIX()
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        # pdfium reports a hyphen that ends a line as U+FFFE (or U+0002)
        token = match.group().replace("\u200b", "").replace("\ufffe", "-").replace("\x02", "-")
        if not token:
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, start)
        angle = round(angle, 2) % _TURN if angle >= 0 else 0.0
        if angle and mirrored(textpage, start, matrix):
            angle = round(_TURN - angle, 2) % _TURN
        tokens.append((start, end, token, angle))
        angles[round(angle / 0.05) * 0.05 % _TURN] += len(token)
    upright = angles.most_common(1)[0][0] if angles else 0.0
    # pdfium's angles turn clockwise; the transform turns the page the other way back
    quarter = round(math.degrees(upright) / 90) % 4
    sample = tokens[:: max(1, len(tokens) // MIRROR_SAMPLE)]
    flipped = mirrored_page(textpage, [t[0] for t in sample if _along(t[3], upright)], matrix)
    transform = (FlippedTransform if flipped else Transform)(
        bbox, (360 - 90 * quarter) % 360 if angles else rotation
    )
    reader = _Reader(textpage, transform, text)
    reader.right_to_left = RTL.search(text) is not None
    words: list[Word] = []
    aside = []
    marked: dict[int, str] = {}
    if starts_with_mark(tokens):  # marks drawn apart from their letters (:mod:`.combining`)
        tokens, marked = attach_marks(tokens, reader)
    for position, (start, end, token, angle) in enumerate(tokens):
        if not _along(angle, upright):
            aside.append((start, end, token, angle))
            continue
        reader.add(words, start, end, token)
        if position in marked:
            put_marks(words, token, marked[position])
    if EAST_ASIAN.search(text):
        words = join_short_columns(join_vertical(words))
    sizes = [size for size, _ in reader.styles.values()]
    if sizes and max(sizes) >= DROP_CAP * min(sizes):  # a letter large enough for a drop cap
        words = join_drop_caps(split_initials(words, tokens, reader))
    words = join_touching(drop_overprints(words), reader.spaced)
    words += turned_words(textpage, aside, reader.style)
    return words, transform


class _Reader:
    """Positions and styles of a page's tokens -> words, joining what pdfium split."""

    def __init__(self, textpage, transform: Transform, text: str) -> None:
        self.textpage = textpage
        self.transform = transform
        self.text = text
        self.rect = pdfium_c.FS_RECTF()
        self.origin_x, self.origin_y = ctypes.c_double(), ctypes.c_double()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.matrix = pdfium_c.FS_MATRIX()
        self.styles: dict[int | None, tuple[float, bool]] = {}
        self.last_end = -1  # where the previous upright word's last token ended
        self.spaced: set[int] = set()  # one-letter words after a space pdfium made up
        self.real_spaces = 0  # spaces found in the PDF, none made up, so far on the page
        self.line: tuple[float, list[float]] = (0.0, [])  # a baseline, letter gaps seen on it
        self.right_to_left = False  # the page has Arabic, Hebrew… letters (:mod:`.bidi`)

    def box_x(self, index: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetLooseCharBox(self.textpage, index, self.rect)
        rect = self.rect
        x0, x1, _, _ = self.transform.box(rect.left, rect.top, rect.right, rect.bottom)
        return x0, x1

    def baseline(self, index: int) -> float:
        pdfium_c.FPDFText_GetCharOrigin(self.textpage, index, self.origin_x, self.origin_y)
        return self.transform.point(self.origin_x.value, self.origin_y.value)[1]

    def style(self, index: int, end: int | None = None) -> tuple[float, bool]:
        """Size (as drawn: the font size times the text matrix's scale) and weight,
        looked up once per text object (a run): of the first character up to ``end``
        that pdfium did not make up (a generated character belongs to no object)."""
        textpage = self.textpage
        handle = pdfium_c.FPDFText_GetTextObject(textpage, index)
        while not handle and end is not None and index + 1 < end:
            index += 1
            handle = pdfium_c.FPDFText_GetTextObject(textpage, index)
        key = ctypes.addressof(handle.contents) if handle else None
        style = self.styles.get(key)
        if style is None:
            size = pdfium_c.FPDFText_GetFontSize(textpage, index)
            if pdfium_c.FPDFText_GetMatrix(textpage, index, self.matrix):
                m = self.matrix
                size *= math.sqrt(abs(m.a * m.d - m.b * m.c))
            pdfium_c.FPDFText_GetFontInfo(textpage, index, self.name, 128, self.flags)
            weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
            bold = bool(_BOLD_NAME.search(self.name.value.decode("latin-1"))) or weight >= 600
            if not 0.5 <= size <= 500:
                size = 10.0
            style = self.styles[key] = (size, bold)
        return style

    def add(self, words: list[Word], start: int, end: int, token: str, marks=True) -> None:
        # x: the first and last characters' boxes; y: the baselines and the font size (the
        # "loose" boxes are glyph-tight for fonts without ascent and descent). Inlined:
        # this runs once a word. ``marks``: raised marks in it are still to be cut off.
        textpage, transform, rect = self.textpage, self.transform, self.rect
        origin_x, origin_y = self.origin_x, self.origin_y
        _box(textpage, start, rect)
        x0 = transform.box(rect.left, rect.top, rect.right, rect.bottom)[0]
        _box(textpage, end - 1, rect)
        x1 = transform.box(rect.left, rect.top, rect.right, rect.bottom)[1]
        if self.right_to_left and right_to_left(token):
            token, x0, x1 = right_to_left_word(token, start, end, self.box_x)
        _origin(textpage, start, origin_x, origin_y)
        baseline = transform.point(origin_x.value, origin_y.value)[1]
        if end - start > 1:
            _origin(textpage, end - 1, origin_x, origin_y)
            baseline2 = transform.point(origin_x.value, origin_y.value)[1]
        else:
            baseline2 = baseline
        handle = _text_object(textpage, start)
        if marks and end - start == len(token) > 1 and handle:
            last = _text_object(textpage, end - 1)
            if last and ctypes.addressof(last.contents) != ctypes.addressof(handle.contents):
                pieces = raised_pieces(self, start, token)  # drawn in two runs or more
                if pieces:
                    for first, after in pieces:
                        self.add(words, start + first, start + after, token[first:after], False)
                    return
        style = self.styles.get(ctypes.addressof(handle.contents)) if handle else None
        size, bold = style or self.style(start, end)
        if x1 < x0 or x1 - x0 > len(token) * size * 1.3 + size or abs(baseline2 - baseline) > size:
            words += _split_token(self, start, token, size, bold)
            self.last_end = -1
            return
        if len(token) >= LONG_TOKEN:
            pieces = _split_token(self, start, token, size, bold, long=True)
            if len(pieces) > 1:
                words += pieces
                self.last_end = -1
                return
        if _GROUPED.search(token):
            token = _thin_spaces(self, start, token, size)
        if not (-size <= x0 <= transform.width + size and 0 <= baseline <= transform.height + size):
            return  # off the page: hidden text
        if (
            words
            and self.last_end == start - 1
            and self.real_spaces < MADE_UP_SAMPLE
            and self.text[start - 1] == " "
            and self._joins(words[-1], start, x0, baseline, size)
        ):
            last = words[-1]
            last.text += token
            last.x1 = max(last.x1, x1)
        else:
            words.append(
                Word(token, x0, x1, baseline - ASCENT * size, baseline + DESCENT * size, size, bold)
            )
            if len(token) == 1 and self._after_made_up_space(start):
                self.spaced.add(id(words[-1]))
        self.last_end = end

    def _after_made_up_space(self, start: int) -> bool:
        """Is the character before ``start`` a space pdfium made up?

        A page whose first spaces are all in the PDF (a word processor's) has them all
        there: after MADE_UP_SAMPLE such spaces in a row pdfium is no longer asked.
        """
        if self.real_spaces >= MADE_UP_SAMPLE or start == 0 or self.text[start - 1] != " ":
            return False
        if pdfium_c.FPDFText_IsGenerated(self.textpage, start - 1):
            self.real_spaces = -(1 << 30)  # spaces are made up here: ask for every one
            return True
        self.real_spaces += 1
        return False

    def _joins(self, last: Word, start: int, x0: float, baseline: float, size: float) -> bool:
        """Is the space before this token one pdfium made up inside a word?

        pdfium puts a space wherever the gap between two glyphs looks wide to it; in
        letter-spaced, kerned or glyph-by-glyph text that falls inside words ("Agenc y").
        A space it generated (not one the PDF draws) joins the two tokens when the gap is
        under an eighth of the size more than the line's own letter spacing (a tight word
        space is a sixth of the size).
        """
        if abs(last.size - size) > 0.15 * size or abs(last.baseline - baseline) > 0.1 * size:
            return False
        if last.text[-1:].isdigit() and self.text[start].isdigit():
            return False  # groups of figures set apart by a thin space: "5 000 000"
        gap = x0 - last.x1
        if gap < -0.1 * size or gap > 0.6 * size:
            return False
        if not self._after_made_up_space(start):
            return False
        return gap < self._letter_spacing(start, size, baseline) + size / 8

    def _letter_spacing(self, start: int, size: float, baseline: float) -> float:
        """The line's usual gap between two letters: the median of those measured at its
        spaces so far (the two letters before and the two after each), so that one
        loosely kerned pair does not set it."""
        if abs(baseline - self.line[0]) > 0.1 * size:
            self.line = (baseline, [])
        gaps = self.line[1]
        for first in (start - 3, start):
            pair = self.text[first : first + 2] if first >= 0 else ""
            if not (pair.isalnum() and len(pair) == 2):
                continue  # letters and figures only: not a space, a line break, a dash
            _, right = self.box_x(first)
            left, _ = self.box_x(first + 1)
            gaps.append(min(left - right, 0.5 * size))
        if not gaps:
            return 0.0
        return max(0.0, sorted(gaps)[(len(gaps) - 1) // 2])


_TURN = 2 * math.pi


def _along(angle: float, upright: float) -> bool:
    """Does text at ``angle`` run the page's way (``upright``)?"""
    return min(abs(angle - upright), _TURN - abs(angle - upright)) <= 0.1


_box = pdfium_c.FPDFText_GetLooseCharBox
_origin = pdfium_c.FPDFText_GetCharOrigin
_text_object = pdfium_c.FPDFText_GetTextObject


def _extent(baseline: float, size: float) -> tuple[float, float]:
    """Top and bottom of a word from its baseline and size (y grows downwards)."""
    return baseline - ASCENT * size, baseline + DESCENT * size


_GROUPED = re.compile(r"\d{4}")


def _thin_spaces(reader: _Reader, start: int, token: str, size: float) -> str:
    """Put back the narrow no-break spaces of "1 500 000" that only show as gaps."""
    out, last_right = [], None
    for offset, char in enumerate(token):
        x0, x1 = reader.box_x(start + offset)
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


def _split_token(
    reader: _Reader, start: int, token: str, size: float, bold: bool, long: bool = False
) -> list[Word]:
    """A token whose characters do not sit together (no space between two columns…).

    ``long``: a token long for a word, in case pdfium missed the spaces of a line whose
    words are only set apart by gaps; it is cut where a gap is wider than the letters'
    usual spacing by a space's worth (an eighth of the size), and no more.
    """
    chars = []
    for offset, char in enumerate(token):
        x0, x1 = reader.box_x(start + offset)
        chars.append((char, x0, x1, reader.baseline(start + offset)))
    spacing = 0.25 * size
    if long:
        gaps = sorted(b[1] - a[2] for a, b in itertools.pairwise(chars))
        spacing = max(0.0, gaps[len(gaps) // 2]) + size / 8
    words: list[Word] = []
    current: list = []
    for char in chars:
        if current:
            last = current[-1]
            if (
                char[1] < last[1] - size * 0.5
                or char[1] - last[2] > spacing
                or abs(char[3] - last[3]) > size / 2
            ):
                words.append(_word_of(current, size, bold))
                current = []
        current.append(char)
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


# replacement characters, private-use code points and controls (not U+0002, pdfium's mark of
# a line-end hyphen): what a font without a Unicode map gives
_UNDECODABLE = re.compile("[\ufffd\ue000-\uf8ff\x00\x01\x03-\x08\x0e-\x1f]")
