"""A drop cap PDFium read as one token with the word after it: "Treview" -> "T", "review".

A drop cap is drawn where it stands, beside the paragraph's first lines, and its
baseline is that of the last of them (LibreOffice and Word draw it just before that line).
PDFium puts no space between the large letter and the first word of that line when they
nearly touch, so the reader would see "Treview" and "he Participants…". Split apart, the
letter is a word of its own, which :func:`.glyphs.join_drop_caps` joins to the word it
begins.

Only words drawn far larger than most of the page's are looked at, so this costs nothing
on a page without a drop cap.
"""

from __future__ import annotations

from statistics import median
from typing import Protocol

from cpc_draft.readers.pdf.geometry import ASCENT, DESCENT, Word
from cpc_draft.readers.pdf.glyphs import DROP_CAP

Token = tuple[int, int, str, float]  # start, end, text, angle


class Characters(Protocol):
    """Where the page's characters are and how they are drawn, by index."""

    def style(self, index: int) -> tuple[float, bool]: ...  # size, bold
    def box_x(self, index: int) -> tuple[float, float]: ...  # left and right edges
    def baseline(self, index: int) -> float: ...


def split_initials(words: list[Word], tokens: list[Token], chars: Characters) -> list[Word]:
    """``words`` with each large first letter drawn apart from the rest of its word made
    a word of its own (``tokens``: the words as PDFium's text gave them)."""
    if len(words) < 2:
        return words
    body = median(word.size for word in words)
    large = [
        word
        for word in words
        if word.size >= DROP_CAP * body and len(word.text) > 1 and word.text[0].isalpha()
    ]
    if not large:
        return words
    texts = {word.text for word in large}
    starts: dict[str, list[int]] = {}
    for start, _, token, _ in tokens:
        if token in texts:
            starts.setdefault(token, []).append(start)
    split: dict[int, Word] = {}
    for word in large:
        start = _token_of(word, starts.get(word.text, ()), chars)
        if start is None:
            continue
        size, bold = chars.style(start + 1)
        if size * DROP_CAP > word.size:
            continue  # the whole word is large: a title
        x0, baseline = chars.box_x(start + 1)[0], chars.baseline(start + 1)
        top, bottom = baseline - ASCENT * size, baseline + DESCENT * size
        split[id(word)] = Word(word.text[1:], x0, word.x1, top, bottom, size, bold)
        word.text, word.x1 = word.text[0], chars.box_x(start)[1]
    out: list[Word] = []
    for word in words:
        out.append(word)
        if id(word) in split:
            out.append(split[id(word)])
    return out


def _token_of(word: Word, starts, chars: Characters) -> int | None:
    """Where the token that drew ``word`` starts: of the tokens spelled like it (a large
    "This" and the body's many), the one whose first letter stands where the word does."""
    reach = 0.2 * word.size
    for start in starts:
        if (
            abs(chars.box_x(start)[0] - word.x0) <= reach
            and abs(chars.baseline(start) - word.baseline) <= reach
        ):
            return start
    return None
