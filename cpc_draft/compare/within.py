"""What changed inside an article both versions keep: text added, text deleted, or words
modified.

A reader of a redline wants the nature of a change, not only where it is: a paragraph
inserted in the Introduction is an addition (in the Introduction), a sentence struck from
the end of a paragraph is a deletion, and "will assign" becoming "will endeavour to
assign" is a modification. Paragraph numbers that shift because of an insertion above
("14." -> "15.") are renumbering, never a change: a block whose only difference is its own
number is left out of what is reported, and an article whose only differences are such
numbers is renumbered only.

Added or deleted means whole paragraphs, or whole sentences within a paragraph (the
other sentences unchanged), all going the same way; a word or a phrase inserted or
struck is a modification.
"""

from __future__ import annotations

import re

from cpc_draft.compare.worddiff import BlockDiff
from cpc_draft.text.articles import words

# "6.3 ", "(4) ", "12.1.a) ", "14. ": a paragraph's own number.
PARAGRAPH_NUMBER = re.compile(r"^\s*\(?\d{1,3}(?:\.\d{1,3})*(?:\.?[a-z])?[.)]?\s+", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])['\"”’)]*\s+")


def renumbered_only(block: BlockDiff) -> bool:
    """ "6.4 The Ministry …" -> "6.3 The Ministry …": only the paragraph's number changed."""
    if block.old is None or block.new is None or block.cells:
        return False
    strip = PARAGRAPH_NUMBER.sub
    return words(strip("", block.old.text, count=1)) == words(strip("", block.new.text, count=1))


def substantive(blocks: tuple[BlockDiff, ...]) -> tuple[BlockDiff, ...]:
    """The blocks that changed in more than their own number."""
    return tuple(b for b in blocks if b.changed and not renumbered_only(b))


def kind_within(blocks: tuple[BlockDiff, ...], added: str, deleted: str, modified: str) -> str:
    """``added`` when the changed paragraphs gain whole paragraphs or sentences and lose
    none, ``deleted`` when they lose whole ones and gain none, else ``modified``. The
    sentences are compared across the changed paragraphs: a paragraph cut short may be
    shown as the old one deleted and the new one inserted."""
    changed = substantive(blocks)
    if any(block.cells for block in changed):
        return modified  # a table cell edited
    old = [s for block in changed if block.old for s in _sentences(block.old.text)]
    new = [s for block in changed if block.new for s in _sentences(block.new.text)]
    if len(new) > len(old) and _kept_in(old, new):
        return added
    if len(old) > len(new) and _kept_in(new, old):
        return deleted
    return modified


def without_shifted_numbers(blocks: tuple[BlockDiff, ...]) -> tuple[BlockDiff, ...]:
    """The blocks a report lists: those changed in their own number only left out."""
    return tuple(block for block in blocks if not (block.changed and renumbered_only(block)))


def _sentences(text: str) -> list[tuple[str, ...]]:
    """The words of each sentence of a paragraph, its own number left out."""
    text = PARAGRAPH_NUMBER.sub("", text, count=1)
    return [found for part in _SENTENCE_BREAK.split(text) if (found := words(part))]


def _kept_in(fewer: list, more: list) -> bool:
    """``fewer`` sentences are ``more`` with some left out, in the same order."""
    rest = iter(more)
    return all(any(sentence == other for other in rest) for sentence in fewer)
