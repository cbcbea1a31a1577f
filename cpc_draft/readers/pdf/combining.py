"""Combining marks drawn on their own, put back on the letter they sit on.

Thai tone marks and vowels above or below a consonant, Arabic and Hebrew points,
Devanagari vowel signs: some PDFs draw a line's base letters first and its marks after
them (or each mark as a run of its own), at the x of the letter they belong to. PDFium
then sees the pen go back and makes up a space or a line break before the mark, and the
word falls apart ("ต ั้งฉาก", "ขอใดต ้ ่อ" for "ตั้งฉาก", "ข้อใดต่อ"). A mark never
begins a word: a token that starts with marks has them moved into the token (among
the few drawn just before or after it on the line) whose letter they lie over, right
after that letter (and any marks it has already); the rest of the token stays a
token, and is joined to its word by where it lies like any touching piece.
"""

from __future__ import annotations

import itertools
import unicodedata
from typing import Protocol

NEARBY = 6  # tokens of letters before (and two after) a mark that may hold its letter
_LEVEL = 0.5  # of the size: how far apart the mark's and its letter's baselines may be


class _Chars(Protocol):
    def box_x(self, index: int) -> tuple[float, float]: ...
    def baseline(self, index: int) -> float: ...
    def style(self, index: int, end: int | None = None) -> tuple[float, bool]: ...


Token = tuple[int, int, str, float]  # start and end indices, text, angle


def is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


def starts_with_mark(tokens: list[Token]) -> bool:
    # every combining mark lies above U+02FF: most tokens are done with one comparison
    return any(token[2][0] >= "\u0300" and is_mark(token[2][0]) for token in tokens)


def attach_marks(tokens: list[Token], chars: _Chars) -> tuple[list[Token], dict[int, str]]:
    """The tokens with the marks that begin one moved onto their letters.

    Returns the tokens left (a token of marks only is gone once all its marks found a
    letter) and, by position in that list, the text each token with marks moved in
    takes once read (its positions stay those of its own characters).
    """
    inserts: dict[int, list[tuple[int, str]]] = {}
    starts: dict[int, int] = {}  # position -> index of its first character still left
    for position, (start, end, token, angle) in enumerate(tokens):
        if not is_mark(token[0]) or len(token) != end - start:
            continue
        offset = 0
        while offset < len(token) and is_mark(token[offset]):
            target = _letter_under(tokens, position, start + offset, angle, chars)
            if target is None:
                break
            inserts.setdefault(target[0], []).append((target[1], token[offset]))
            offset += 1
        if offset:
            starts[position] = start + offset
    kept: list[Token] = []
    texts: dict[int, str] = {}
    for position, (start, end, token, angle) in enumerate(tokens):
        first = starts.get(position, start)
        if first >= end:
            continue  # marks only, all moved
        token = token[first - start :]
        if position in inserts:
            texts[len(kept)] = _with_marks(token, first - start, inserts[position])
        kept.append((first, end, token, angle))
    return kept, texts


def _letter_under(
    tokens: list[Token], position: int, index: int, angle: float, chars: _Chars
) -> tuple[int, int] | None:
    """(token position, offset in its text) of the letter the mark at ``index`` lies
    over: the nearest token drawn before it on its line first, then the two after."""
    left, right = chars.box_x(index)
    centre = (left + right) / 2
    baseline = chars.baseline(index)
    reach = _LEVEL * chars.style(index)[0]
    before = (other for other in range(position - 1, -1, -1) if not _marks_only(tokens[other]))
    after = (other for other in range(position + 1, len(tokens)) if not _marks_only(tokens[other]))
    for other in [*itertools.islice(before, NEARBY), *itertools.islice(after, 2)]:
        start, end, token, other_angle = tokens[other]
        if other_angle != angle or len(token) != end - start:
            continue
        for offset in range(len(token) - 1, -1, -1):
            if is_mark(token[offset]):
                continue
            x0, x1 = chars.box_x(start + offset)
            if x0 <= centre <= x1 and abs(chars.baseline(start + offset) - baseline) <= reach:
                return other, offset
    return None


def _marks_only(token: Token) -> bool:
    return all(is_mark(char) for char in token[2])


def _with_marks(token: str, shift: int, marks: list[tuple[int, str]]) -> str:
    """``token`` with each mark after its letter (offsets counted before the token lost
    ``shift`` characters at its start), after the marks that letter has already."""
    after: dict[int, str] = {}
    for offset, mark in marks:
        after[offset - shift] = after.get(offset - shift, "") + mark
    out: list[str] = []
    pending = ""
    for offset, char in enumerate(token):
        if pending and not is_mark(char):
            out.append(pending)
            pending = ""
        out.append(char)
        pending += after.get(offset, "")
    out.append(pending)
    return "".join(out)


def put_marks(words: list, token: str, marked: str) -> None:
    """Give the word just read from ``token`` its marks (``marked``: the token with
    them); a token the reader changed (cut up, reordered) keeps its marks at the end."""
    if not words:
        return
    word = words[-1]
    if word.text.endswith(token):
        word.text = word.text[: len(word.text) - len(token)] + marked
    else:
        word.text += "".join(char for char in marked if is_mark(char))[
            sum(1 for char in token if is_mark(char)) :
        ]
