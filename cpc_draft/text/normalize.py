"""Text as every reader hands it on: what is displayed, not the tricks of how it is stored.

A draft can show one thing and store another. Three ways are undone here, once, for every
format (readers/__init__.py runs :func:`normalize_document` on what any reader returns):

- **invisible format characters** (Unicode category Cf: zero-width spaces, soft hyphens,
  word joiners, byte-order marks, bidirectional marks, tag characters) are removed, so
  "US$5,\u200b000,000" is read as the figure it shows. A zero-width joiner or non-joiner
  between two letters shapes scripts such as Devanagari or Persian and stays; so do the
  marks that display as a sign over digits (Arabic number signs). One warning counts
  what was removed, by character, with the blocks it was in.
- **bidirectional overrides** (:mod:`.bidi`): text between RIGHT-TO-LEFT OVERRIDE and POP
  DIRECTIONAL FORMATTING is displayed in reverse; it is read as displayed, with a warning
  quoting it. Where a right-to-left embedding or isolate displays runs in another order
  than stored, the text is kept as stored and a warning says so.
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
from cpc_draft.text.bidi import has_direction_controls, resolve_directions

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
_ANY_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPT_DIGITS}]")
_BRACKET_MARK = re.compile(r"(?<=[\d%.,;:)\w])(\[\d{1,3}\])(?!\w)")
QUOTE_CHARS = 80  # of a reversed override, in the warning
BLOCKS_NAMED = 5
OVERRIDES_QUOTED = 3


@dataclass
class Notes:
    """What normalising one document changed or saw, for its warnings."""

    removed: Counter = field(default_factory=Counter)  # character -> times removed
    removed_in: list[str] = field(default_factory=list)  # where ("block 12", "a footnote")
    reversed: list[tuple[str, str]] = field(default_factory=list)  # (where, as displayed)
    reordered: list[str] = field(default_factory=list)  # where

    def warnings(self) -> list[str]:
        out = []
        if self.removed:
            characters = ", ".join(
                f"{_name(char)} U+{ord(char):04X} ×{count:,}"
                for char, count in self.removed.most_common()
            )
            out.append(
                f"removed {_count(sum(self.removed.values()), 'invisible character')} "
                f"({characters}) "
                f"in {_places(self.removed_in)}"
            )
        for where, shown in self.reversed[:OVERRIDES_QUOTED]:
            out.append(
                f"{where}: text under a right-to-left override is stored in reverse; "
                f"read as displayed: “{_clip(shown)}”"
            )
        more = len(self.reversed) - OVERRIDES_QUOTED
        if more > 0:
            out.append(f"{_count(more, 'more right-to-left override')} read as displayed")
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
        if has_direction_controls(text):
            text, shown_reversed, reorders = resolve_directions(text)
            notes.reversed += [(where, shown) for shown in shown_reversed]
            if reorders:
                notes.reordered.append(where)
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
    if not text.isascii() and _ANY_SUPERSCRIPT.search(text):
        text = _SUPERSCRIPT_MARK.sub("", text)
    return text


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
