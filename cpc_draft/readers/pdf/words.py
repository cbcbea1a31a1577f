"""PDFium's text of a page -> positioned words, upright.

Words are pdfium's text (one call a page) cut at spaces; each word's horizontal extent
comes from its first and last characters' boxes, its line from the baseline and the font
size (pdfium's "loose" boxes are glyph-tight for fonts without ascent and descent), size
and weight from its text object. The page is read in the direction most of its text runs
(a sideways page without /Rotate reads upright); text at another angle (a diagonal
watermark) is left out with a note.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter

import pypdfium2.raw as pdfium_c

from cpc_draft.readers.pdf.geometry import Word
from cpc_draft.readers.pdf.page import PageStats, Transform

MAX_CHARS_PER_PAGE = 300_000  # a dense page holds ~6,000
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
    another angle (a diagonal "DRAFT" watermark, a vertical margin note) are left out
    and named in a note.
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
    transform = Transform(bbox, (360 - 90 * quarter) % 360 if angles else rotation)
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
