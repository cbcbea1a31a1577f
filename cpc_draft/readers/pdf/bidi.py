"""Right-to-left text (Arabic, Hebrew…) in reading order: letters and words.

A PDF draws a line of Arabic or Hebrew in visual order: glyph after glyph from left to
right, the words from the right margin leftwards. PDFium's text of the page is mostly in
logical order already (it runs the bidirectional algorithm over each line), but the
positions then run right to left, and where it does not (each glyph a run of its own,
marked content in the way) a word's letters come in the order they were drawn. So:

- **a word** (:func:`logical_word`) takes its extent from both its ends, and its letters
  are put in reading order from where they lie: right to left for the right-to-left
  letters, figures and Latin inside it left to right; Arabic and Hebrew presentation
  forms (the shaped glyphs some fonts map to) read as the letters they shape (NFKC).
- **a line** (:func:`reading_order`) reads its words right to left when most of its
  letters are right-to-left, runs of Latin words (a name, "UNICEF 2024") left to right
  inside it; a mostly left-to-right line reads a run of right-to-left words (and the
  figures between them) right to left.

Words are atoms here: only the direction of each word's letters counts (from
``unicodedata.bidirectional``), which is all the bidirectional algorithm needs to order
a line of whole words, so no library is used for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Protocol

# Hebrew to Arabic Extended (U+0590–U+08FF: Hebrew, Arabic, Syriac, Thaana, N'Ko,
# Samaritan, Mandaic) and their presentation forms; the historic scripts beyond.
RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_PRESENTATION = re.compile("[\ufb1d-\ufdff\ufe70-\ufefc]")
_RIGHT = frozenset(("R", "AL"))
_NUMBER = frozenset(("EN", "AN"))


class _Positioned(Protocol):
    text: str
    x0: float


def logical_word(text: str, centre: Callable[[int], float]) -> str:
    """``text`` (one token, a character per index) in reading order.

    ``centre(offset)``: where the character at that offset lies, across the line. A
    combining mark stays with the letter before it. When the right-to-left letters run
    left to right in ``text`` (the order they were drawn in), the word is read from the
    right: reversed, with its left-to-right pieces (figures, Latin) kept as they are.
    """
    right = [offset for offset, char in enumerate(text) if _direction(char) == "R"]
    if len(right) > 1 and centre(right[0]) < centre(right[-1]):
        text = _visual_to_logical(text)
    if _PRESENTATION.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text


def _visual_to_logical(text: str) -> str:
    """Characters in visual order (left to right) -> reading order, for a word read
    from the right: clusters (a letter and its combining marks) reversed, then each
    run of left-to-right clusters (figures, Latin) put back left to right."""
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    clusters.reverse()
    out: list[str] = []
    run: list[str] = []
    for cluster in clusters:
        if _direction(cluster[0]) in ("L", "EN"):
            run.append(cluster)
            continue
        out += reversed(run)
        run = []
        out.append(cluster)
    out += reversed(run)
    return "".join(out)


def reading_order(words: Sequence[_Positioned]) -> list:
    """A line's words (left to right on the page) in the order they are read."""
    words = list(words)
    if not any(RTL.search(word.text) for word in words):
        return words
    kinds = [_word_direction(word.text) for word in words]
    if kinds.count("R") > kinds.count("L"):
        return _right_to_left(words, kinds)
    return _left_to_right(words, kinds)


def _right_to_left(words: list, kinds: list[str]) -> list:
    """A right-to-left line: read from the right, but a run of Latin words (with the
    neutral words among them and the figures after them: "UNICEF 2024") from its left."""
    groups: list[list] = []
    index = 0
    while index < len(words):
        if kinds[index] != "L":
            groups.append([words[index]])
            index += 1
            continue
        end = last = index
        while end + 1 < len(words) and kinds[end + 1] != "R":
            end += 1
            if kinds[end] != "N":
                last = end
        groups.append(words[index : last + 1])
        index = last + 1
    return [word for group in reversed(groups) for word in group]


def _left_to_right(words: list, kinds: list[str]) -> list:
    """A left-to-right line: runs of right-to-left words (with the figures and
    neutral words between two of them) read from their right."""
    out: list = []
    index = 0
    while index < len(words):
        if kinds[index] != "R":
            out.append(words[index])
            index += 1
            continue
        end = index + 1
        last_right = index
        while end < len(words) and kinds[end] != "L":
            if kinds[end] == "R":
                last_right = end
            end += 1
        out += reversed(words[index : last_right + 1])
        index = last_right + 1
    return out


def _word_direction(text: str) -> str:
    """ "R", "L", "EN" (figures only) or "N" (punctuation): the word's direction, by
    the majority of its strong letters."""
    right = left = numbers = 0
    for char in text:
        kind = _direction(char)
        if kind == "R":
            right += 1
        elif kind == "L":
            left += 1
        elif kind == "EN":
            numbers += 1
    if right or left:
        return "R" if right > left else "L"
    return "EN" if numbers else "N"


def _direction(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    if kind in _RIGHT:
        return "R"
    if kind in _NUMBER:
        return "EN"
    return "L" if kind == "L" else "N"


def right_to_left(token: str) -> bool:
    """Is ``token`` a right-to-left word (most of its letters are)?"""
    return RTL.search(token) is not None and _word_direction(token) == "R"


def right_to_left_word(
    token: str, start: int, end: int, box_x: Callable[[int], tuple[float, float]]
) -> tuple[str, float, float]:
    """A token with right-to-left letters (indices ``start`` to ``end``): its text in
    reading order and its extent, from both its ends (read from the right, its first
    letter lies right of its last). ``box_x(index)``: a character's left and right."""
    first, last = box_x(start), box_x(end - 1)
    if len(token) == end - start:  # a character per index: where each lies is known
        token = logical_word(token, lambda offset: sum(box_x(start + offset)) / 2)
    elif _PRESENTATION.search(token):
        token = unicodedata.normalize("NFKC", token)
    return token, min(first[0], last[0]), max(first[1], last[1])
