"""Bidirectional controls: where what is displayed differs from what is stored.

Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) change how
text is laid out, not what it is, with one exception that matters to a reader: between
RIGHT-TO-LEFT OVERRIDE and POP DIRECTIONAL FORMATTING every character is laid out right to
left, so "\u202e000,000,5$SU\u202c" is displayed "US$5,000,000". :func:`resolve_directions`
reverses such content into the order displayed. A right-to-left embedding or isolate
keeps letters in their order but can swap the runs inside it ("5,000,000 dollars" is
displayed "dollars 5,000,000"); the text is kept as stored and the caller is told.

This is not the whole Unicode bidirectional algorithm, only what decides whether reading
order and display order part. As in that algorithm, controls nested deeper than
:data:`MAX_DEPTH` are ignored (which also bounds the work on a hostile text).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

PDF_CHAR, PDI = "\u202c", "\u2069"
RLO, LRO = "\u202e", "\u202d"
EMBEDDINGS = {"\u202a": "ltr", "\u202b": "rtl", LRO: "ltr", RLO: "rtl"}  # closed by PDF
ISOLATES = {"\u2066": "ltr", "\u2067": "rtl", "\u2068": "auto"}  # closed by PDI
MAX_DEPTH = 125  # the Unicode bidirectional algorithm's
QUOTED = 200  # characters of a reversed text kept for a warning
EXAMINED = 10_000  # characters of an embedding examined for runs it would swap
_KINDS = {"L": "L", "R": "R", "AL": "R", "EN": "D", "AN": "D", "ET": "W", "CS": "W", "ES": "W"}


def has_direction_controls(text: str) -> bool:
    return any(char in EMBEDDINGS or char in ISOLATES for char in text)


@dataclass
class _Frame:
    """An open embedding, override or isolate: its opening control and what it holds
    (characters, and the frames closed inside it as whole pieces)."""

    opener: str
    pieces: list[str] = field(default_factory=list)


@dataclass
class _Found:
    reversed: list[str] = field(default_factory=list)  # each override's text, as displayed
    reorders: bool = False


def resolve_directions(text: str) -> tuple[str, list[str], bool]:
    """(``text`` with each right-to-left override's content in the order displayed, the
    start of each text so reversed, whether an embedding or isolate displays runs in
    another order). The controls themselves stay, for the caller to remove."""
    found = _Found()
    stack = [_Frame("")]
    for char in text:
        if (char in EMBEDDINGS or char in ISOLATES) and len(stack) <= MAX_DEPTH:
            stack.append(_Frame(char))
        elif char == PDF_CHAR and len(stack) > 1 and stack[-1].opener in EMBEDDINGS:
            _close(stack, found, char)
        elif char == PDI and any(frame.opener in ISOLATES for frame in stack[1:]):
            while stack[-1].opener not in ISOLATES:
                _close(stack, found, "")
            _close(stack, found, char)
        else:
            stack[-1].pieces.append(char)
    while len(stack) > 1:  # the end of the paragraph closes whatever is open
        _close(stack, found, "")
    return "".join(stack[0].pieces), found.reversed, found.reorders


def _close(stack: list[_Frame], found: _Found, closer: str) -> None:
    frame = stack.pop()
    content = "".join(frame.pieces)
    if frame.opener == RLO:
        shown = "".join(reversed(frame.pieces))
        if shown != content:
            found.reversed.append(_visible(shown[:QUOTED]))
        content = shown
    elif not found.reorders and _direction(frame.opener, content) == "rtl":
        found.reorders = _reorders(content[:EXAMINED])
    stack[-1].pieces.append(frame.opener + content + closer)


def _direction(opener: str, content: str) -> str:
    """rtl or ltr; a first-strong isolate takes the direction of its first letter."""
    direction = EMBEDDINGS.get(opener) or ISOLATES.get(opener, "ltr")
    if direction == "auto":
        strong = (_kind(char) for char in content[:EXAMINED])
        direction = "rtl" if next((k for k in strong if k in "LR"), "L") == "R" else "ltr"
    return direction


def _reorders(content: str) -> bool:
    """Whether a right-to-left embedding displays ``content`` in another order than
    stored. It does when the content holds more than one left-to-right run: letters and
    figures parted by a right-to-left letter, or a figure parted from other letters or
    figures by a space or punctuation ("5,000,000 dollars" shows "dollars 5,000,000");
    words parted by spaces stay one run, as do a sign and its figure ("US$5,000,000")."""
    kinds = [_kind(char) for char in _visible(content)]
    runs, previous, gap = 0, "", False
    for i, kind in enumerate(kinds):
        if kind == "W":  # a sign or separator sticks to the figure beside it
            touching = (previous == "D" and not gap) or (i + 1 < len(kinds) and kinds[i + 1] == "D")
            kind = "D" if touching else "N"
        if kind == "N":
            gap = True
            continue
        if kind == "R":
            previous, gap = "R", False
            continue
        joins = (previous == kind == "L") or (previous in ("L", "D") and not gap)
        runs += 0 if joins else 1
        previous, gap = kind, False
    return runs > 1


def _kind(char: str) -> str:
    """L (left-to-right letter), R (right-to-left letter), D (digit), W (a sign or
    separator that joins figures) or N (anything else), from its bidirectional class."""
    return _KINDS.get(unicodedata.bidirectional(char), "N")


def _visible(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char) != "Cf")
