"""Word-level differences between two runs of blocks (one article's old and new text).

Blocks are matched first (equal text, then similar text in order), and words are
diffed only inside matched blocks. Matching blocks before words keeps the cost near
linear in the length of a draft, and :mod:`cpc_draft.compare.sequence` keeps each of
those steps near linear too, on a budget shared by the whole comparison: a paragraph it
cannot afford to compare word by word is shown replaced whole, and counted. Similar
blocks are looked for among all the others of a stretch when the stretch is short (as
in any draft), and among the next few otherwise.
Spans keep each version's own spacing, so joining the equal and inserted spans
gives the new text exactly, and joining the equal and deleted ones the old text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cpc_draft.compare.sequence import Budget, opcodes
from cpc_draft.model import TABLE_ROW, TextBlock
from cpc_draft.text.articles import words
from cpc_draft.text.headings import ARTICLE_HEADING

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
# Words, signs and the spaces between them: segments are exact slices of each text.
_TOKEN = re.compile(r"\s+|\w+(?:[’'.,/-]\w+)*|[^\w\s]")
_SIMILAR = 0.5
# A stretch of unmatched blocks with more pairs than this is searched within a window.
_ALL_PAIRS = 40_000
_WINDOW = 32


@dataclass(frozen=True)
class DiffSpan:
    """A stretch of text both versions share (equal), or only the new (insert) or the
    old (delete) has."""

    op: str  # equal | insert | delete
    text: str


@dataclass(frozen=True)
class BlockDiff:
    """One block of the comparison: both sides (modified or equal), or one side."""

    old: TextBlock | None
    new: TextBlock | None
    segments: tuple[DiffSpan, ...] = ()  # for paragraphs, headings, items
    cells: tuple[tuple[DiffSpan, ...], ...] = ()  # for table rows of equal width

    @property
    def changed(self) -> bool:
        if self.old is None or self.new is None:
            return True
        pieces = self.segments or tuple(s for cell in self.cells for s in cell)
        return any(segment.op != EQUAL for segment in pieces)


def normalised(block: TextBlock) -> tuple[str, ...]:
    return tuple(words(block.text))


def diff_blocks(
    old: tuple[TextBlock, ...], new: tuple[TextBlock, ...], budget: Budget | None = None
) -> list[BlockDiff]:
    budget = budget or Budget()
    keys_old = [normalised(block) for block in old]
    keys_new = [normalised(block) for block in new]
    found = opcodes(keys_old, keys_new, budget)
    likeness = _Likeness(keys_old, keys_new)
    result: list[BlockDiff] = []
    for tag, i1, i2, j1, j2 in found.opcodes:
        if tag == "equal":  # same words: only spacing or quote marks may differ
            result += [_same(old[i1 + k], new[j1 + k]) for k in range(i2 - i1)]
        else:
            result += _similar_pairs(old, new, (i1, i2, j1, j2), likeness, budget)
    return result


def _similar_pairs(old, new, stretch, likeness: _Likeness, budget: Budget) -> list[BlockDiff]:
    """Pair blocks of old[i1:i2] and new[j1:j2] in order when their words are alike; the
    rest are whole insertions or deletions. Deletions come before the insertions they
    sit next to."""
    i1, i2, j1, j2 = stretch
    window = j2 if (i2 - i1) * (j2 - j1) <= _ALL_PAIRS else _WINDOW
    result: list[BlockDiff] = []
    start = j1
    for i in range(i1, i2):
        block = old[i]
        match = next(
            (
                j
                for j in range(start, min(j2, start + window))
                if likeness.alike(i, block, j, new[j])
            ),
            None,
        )
        if match is None:
            result.append(BlockDiff(block, None, _whole(block.text, DELETE)))
            continue
        result += [BlockDiff(None, added, _whole(added.text, INSERT)) for added in new[start:match]]
        result.append(_pair(block, new[match], budget))
        start = match + 1
    result += [BlockDiff(None, added, _whole(added.text, INSERT)) for added in new[start:j2]]
    return result


class _Likeness:
    """Whether two blocks are alike, each block's set of words made once."""

    def __init__(self, keys_old, keys_new) -> None:
        self.keys = (keys_old, keys_new)
        self.sets: tuple[dict[int, frozenset], dict[int, frozenset]] = ({}, {})

    def words(self, side: int, index: int) -> frozenset:
        found = self.sets[side].get(index)
        if found is None:
            found = self.sets[side][index] = frozenset(self.keys[side][index])
        return found

    def alike(self, i: int, old: TextBlock, j: int, new: TextBlock) -> bool:
        if (old.kind == TABLE_ROW) != (new.kind == TABLE_ROW):
            return False
        if ARTICLE_HEADING.match(old.text.strip()) and ARTICLE_HEADING.match(new.text.strip()):
            return True  # "Article 4" renumbered "Article 8": one heading, changed
        a, b = self.words(0, i), self.words(1, j)
        return bool(a and b) and len(a & b) / len(a | b) >= _SIMILAR


def _pair(old: TextBlock, new: TextBlock, budget: Budget) -> BlockDiff:
    if old.kind == TABLE_ROW and new.kind == TABLE_ROW and len(old.cells) == len(new.cells):
        cells = tuple(diff_words(a, b, budget) for a, b in zip(old.cells, new.cells, strict=True))
        return BlockDiff(old, new, cells=cells)
    return BlockDiff(old, new, diff_words(old.text, new.text, budget))


def _same(old: TextBlock, new: TextBlock) -> BlockDiff:
    if new.kind == TABLE_ROW and old.kind == TABLE_ROW and len(old.cells) == len(new.cells):
        return BlockDiff(old, new, cells=tuple(_whole(cell, EQUAL) for cell in new.cells))
    return BlockDiff(old, new, _whole(new.text, EQUAL))


def _whole(text: str, op: str) -> tuple[DiffSpan, ...]:
    return (DiffSpan(op, text),) if text else ()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_words(old: str, new: str, budget: Budget | None = None) -> tuple[DiffSpan, ...]:
    budget = budget or Budget()
    old_tokens, new_tokens = tokens(old), tokens(new)
    found = opcodes(_keys(old_tokens), _keys(new_tokens), budget)
    budget.coarse_blocks += found.coarse
    segments: list[DiffSpan] = []
    for tag, i1, i2, j1, j2 in found.opcodes:
        if tag == "equal":
            _add(segments, EQUAL, "".join(new_tokens[j1:j2]))
            continue
        _add(segments, DELETE, "".join(old_tokens[i1:i2]))
        _add(segments, INSERT, "".join(new_tokens[j1:j2]))
    return tuple(segments)


def _keys(tokens: list[str]) -> list[str]:
    """Any run of spaces, tabs or line breaks is one space: a tab after "(a)" in Word
    and a space in the PDF are the same text."""
    return [" " if token.isspace() else token for token in tokens]


def _add(segments: list[DiffSpan], op: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op == op:
        segments[-1] = DiffSpan(op, segments[-1].text + text)
    else:
        segments.append(DiffSpan(op, text))


def side(segments: tuple[DiffSpan, ...], version: str) -> str:
    """The text one version reads: ``new`` skips deletions, ``old`` skips insertions."""
    skip = DELETE if version == "new" else INSERT
    return "".join(segment.text for segment in segments if segment.op != skip)
