"""Text as every reader hands it on: what is displayed, not the tricks of how it is stored.

A draft can show one thing and store another. Three ways are undone here, once, for every
format (readers/__init__.py runs :func:`normalize_document` on what any reader returns):

- **invisible format characters** (Unicode category Cf: zero-width spaces, soft hyphens,
  word joiners, byte-order marks, bidirectional marks, tag characters) are removed, so
  "US$5,\u200b000,000" is read as the figure it shows. A zero-width joiner or non-joiner
  between two letters shapes scripts such as Devanagari or Persian and stays; so do the
  marks that display as a sign over digits (Arabic number signs). One warning counts
  what was removed, by character, with the blocks it was in.
- **bidirectional overrides**: text between RIGHT-TO-LEFT OVERRIDE and POP DIRECTIONAL
  FORMATTING is displayed in reverse, so "\u202e000,000,5$SU\u202c" shows "US$5,000,000".
  It is read as displayed, with a warning quoting it. Embeddings and isolates do not
  reverse letters; where a right-to-left one holds several left-to-right runs (which it
  displays in another order) the text is kept as stored and a warning says so.
- **footnote marks** glued to what they annotate: superscript digits after a figure,
  a sign or a word ("US$5,000,000¹", "35%²") are dropped (the note is read apart,
  and the mark is no part of the figure); a bracketed mark ("5,000,000[1]") is set apart by
  a space. A squared or cubed unit ("km²") is not a footnote mark and stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from cpc_draft.model import Document, Revision, TextBlock

PDF_CHAR, PDI = "\u202c", "\u2069"
RLO, LRO = "\u202e", "\u202d"
EMBEDDINGS = {"\u202a": "ltr", "\u202b": "rtl", LRO: "ltr", RLO: "rtl"}  # closed by PDF
ISOLATES = {"\u2066": "ltr", "\u2067": "rtl", "\u2068": "auto"}  # closed by PDI
_JOINERS = "\u200c\u200d"
# Prepended concatenation marks: format characters drawn as a visible sign over the
# digits that follow (Arabic number sign, Syriac abbreviation mark).
_VISIBLE_FORMAT = set("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2")
# Unicode category Cf (Unicode 14), for a quick search; each hit is confirmed with
# unicodedata, and a test checks that the class holds every Cf character Python knows.
FORMAT_CHARACTERS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# A run of superscript digits right after a figure, a sign, closing punctuation or a
# word of three letters or more; unit symbols squared or cubed (m², km³) are shorter.
_SUPERSCRIPT_MARK = re.compile(
    rf"(?:(?<=[\d%.,;:)\]”’\"'])|(?<=[^\W\d_]{{3}}))[{_SUPERSCRIPT_DIGITS}]+(?![\w{_SUPERSCRIPT_DIGITS}])"
)
_BRACKET_MARK = re.compile(r"(?<=[\d%.,;:)\w])(\[\d{1,3}\])(?!\w)")
QUOTE_CHARS = 80  # of a reversed override, in the warning
BLOCKS_NAMED = 5


@dataclass
class Notes:
    """What normalising one document changed or saw, for its warnings."""

    removed: Counter = field(default_factory=Counter)  # character -> times removed
    removed_in: list[str] = field(default_factory=list)  # where ("#12", "a footnote")
    reversed: list[tuple[str, str]] = field(default_factory=list)  # (where, as displayed)
    reordered: list[str] = field(default_factory=list)  # where

    def warnings(self) -> list[str]:
        out = []
        if self.removed:
            characters = ", ".join(
                f"{_name(char)} U+{ord(char):04X} ×{count}"
                for char, count in self.removed.most_common()
            )
            out.append(
                f"removed {_count(sum(self.removed.values()), 'invisible character')} "
                f"({characters}) "
                f"in {_places(self.removed_in)}"
            )
        for where, shown in self.reversed:
            out.append(
                f"{where}: text under a right-to-left override is stored in reverse; "
                f"read as displayed: “{_clip(shown)}”"
            )
        if self.reordered:
            out.append(
                "right-to-left embedding or isolate displays text in another order than "
                f"stored (read as stored) in {_places(self.reordered)}"
            )
        return out


def normalize_document(document: Document) -> Document:
    """``document`` with every text normalised (blocks, cells, headers, footers, notes,
    revisions) and a warning for each kind of change made."""
    notes = Notes()
    blocks = tuple(_block(block, notes) for block in document.blocks)
    headers = tuple(normalize_text(text, notes, "a header") for text in document.headers)
    footers = tuple(normalize_text(text, notes, "a footer") for text in document.footers)
    footnotes = tuple(normalize_text(text, notes, "a footnote") for text in document.footnotes)
    revisions = tuple(_revision(revision, notes) for revision in document.revisions)
    warnings = notes.warnings()
    if not warnings and blocks == document.blocks:
        return document
    return replace(
        document,
        blocks=blocks,
        headers=headers,
        footers=footers,
        footnotes=footnotes,
        revisions=revisions,
        warnings=document.warnings + tuple(warnings),
    )


def normalize_text(text: str, notes: Notes, where: str) -> str:
    """``text`` as displayed: see the module. What it changed goes into ``notes``."""
    if not text.isascii() and FORMAT_CHARACTERS.search(text):
        if any(char in EMBEDDINGS or char in ISOLATES for char in text):
            text = _resolve_directions(text, notes, where)
        text = _remove_invisible(text, notes, where)
    return _detach_marks(text)


def _block(block: TextBlock, notes: Notes) -> TextBlock:
    where = f"block {block.index}"
    text = normalize_text(block.text, notes, where)
    cells = tuple(normalize_text(cell, notes, where) for cell in block.cells)
    if text == block.text and cells == block.cells:
        return block
    return replace(block, text=text, cells=cells)


def _revision(revision: Revision, notes: Notes) -> Revision:
    where = f"block {revision.block}" if revision.block is not None else "a tracked change"
    text = normalize_text(revision.text, notes, where)
    return revision if text == revision.text else replace(revision, text=text)


def _remove_invisible(source: str, notes: Notes, where: str) -> str:
    removed: list[str] = []

    def keep_or_remove(match: re.Match) -> str:
        char = match.group()
        if not _invisible(source, match.start(), char):
            return char
        removed.append(char)
        return ""

    text = FORMAT_CHARACTERS.sub(keep_or_remove, source)
    if removed:
        notes.removed.update(removed)
        notes.removed_in.append(where)
    return text


def _invisible(text: str, i: int, char: str) -> bool:
    if char in _VISIBLE_FORMAT or unicodedata.category(char) != "Cf":
        return False
    if char in _JOINERS:  # shapes the letters on both sides: keep it there
        return not (0 < i < len(text) - 1 and _lettered(text[i - 1]) and _lettered(text[i + 1]))
    return True


def _lettered(char: str) -> bool:
    """A letter or a mark on one (a virama before a joiner in Devanagari)."""
    return unicodedata.category(char)[0] in "LM"


def _detach_marks(text: str) -> str:
    if "[" in text:
        text = _BRACKET_MARK.sub(r" \1", text)
    if any(char in _SUPERSCRIPT_DIGITS for char in text):
        text = _SUPERSCRIPT_MARK.sub("", text)
    return text


# -- bidirectional controls -----------------------------------------------------------------


@dataclass
class _Frame:
    """An open embedding, override or isolate: its opening control and what it holds
    (characters, and the frames closed inside it as whole pieces)."""

    opener: str
    pieces: list[str] = field(default_factory=list)


def _resolve_directions(text: str, notes: Notes, where: str) -> str:
    """``text`` with its embeddings, overrides and isolates resolved: a right-to-left
    override's content reversed (as displayed), the controls themselves left in place
    for :func:`_invisible` to count and remove."""
    stack = [_Frame("")]
    for char in text:
        if char in EMBEDDINGS or char in ISOLATES:
            stack.append(_Frame(char))
        elif char == PDF_CHAR and len(stack) > 1 and stack[-1].opener in EMBEDDINGS:
            _close(stack, notes, where, char)
        elif char == PDI and any(frame.opener in ISOLATES for frame in stack[1:]):
            while stack[-1].opener not in ISOLATES:
                _close(stack, notes, where, "")
            _close(stack, notes, where, char)
        else:
            stack[-1].pieces.append(char)
    while len(stack) > 1:  # the end of the paragraph closes whatever is open
        _close(stack, notes, where, "")
    return "".join(stack[0].pieces)


def _close(stack: list[_Frame], notes: Notes, where: str, closer: str) -> None:
    frame = stack.pop()
    content = "".join(frame.pieces)
    if frame.opener == RLO:
        shown = "".join(reversed(frame.pieces))
        if shown != content:
            notes.reversed.append((where, _visible(shown)))
        content = shown
    elif _direction(frame.opener, content) == "rtl" and _reorders(content):
        notes.reordered.append(where)
    stack[-1].pieces.append(frame.opener + content + closer)


def _direction(opener: str, content: str) -> str:
    """rtl or ltr; a first-strong isolate takes the direction of its first letter."""
    direction = EMBEDDINGS.get(opener) or ISOLATES.get(opener, "ltr")
    if direction == "auto":
        strong = (_kind(char) for char in content)
        direction = "rtl" if next((k for k in strong if k in "LR"), "L") == "R" else "ltr"
    return direction


def _reorders(content: str) -> bool:
    """Whether a right-to-left embedding displays ``content`` in another order than
    stored. It does when the content holds more than one left-to-right run: letters and
    figures parted by a right-to-left letter, or a figure parted from other letters or
    figures by a space or punctuation ("5,000,000 dollars" shows "dollars 5,000,000");
    words parted by spaces stay one run, as do a sign and its figure ("US$5,000,000")."""
    text = _visible(content)
    kinds = [_kind(char) for char in text]
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


_KINDS = {"L": "L", "R": "R", "AL": "R", "EN": "D", "AN": "D", "ET": "W", "CS": "W", "ES": "W"}


def _visible(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def _name(char: str) -> str:
    return unicodedata.name(char, "format character").lower()


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _clip(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def _places(places: list[str]) -> str:
    distinct = list(dict.fromkeys(places))
    named = ", ".join(distinct[:BLOCKS_NAMED])
    more = len(distinct) - BLOCKS_NAMED
    return f"{named} and {more:,} more" if more > 0 else named
