"""Blocks too long to be paragraphs, cut into paragraphs at sentence ends.

A real paragraph holds a few thousand characters at most; a file can hold one of a
megabyte (a text on a single line, a Word paragraph without a break). Checks read a block
sentence by sentence, and a block of a million characters costs them far more than a
million characters in paragraphs; spaCy refuses a Doc that long outright. So
:func:`split_long_blocks` cuts every block longer than :data:`MAX_BLOCK_CHARS` after a
sentence end (else at a space, else where it must), keeps all of its text, and says so in
a warning. Every format goes through it (readers/__init__.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from cpc_draft.model import PARAGRAPH, TABLE_ROW, Document, Revision, TextBlock

MAX_BLOCK_CHARS = 20_000  # over ten times the longest paragraph of the development drafts
_SENTENCE_END = re.compile(r"[.;!?…。]\s+")
_SPACES = re.compile(r"\s+")


def cut_point(text: str, earliest: int, latest: int) -> int:
    """Where to end a piece of ``text`` that must end between ``earliest`` and ``latest``:
    after the first sentence end there, else after the last space, else at ``latest``."""
    sentence = _SENTENCE_END.search(text, earliest, latest)
    if sentence:
        return sentence.end()
    last = None
    for last in _SPACES.finditer(text, earliest, latest):  # noqa: B007 - the last one
        pass
    return last.end() if last is not None else latest


def pieces(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters (see :func:`cut_point`)."""
    out, start = [], 0
    while len(text) - start > limit:
        end = cut_point(text, start + limit // 2, start + limit)
        out.append(text[start:end].strip())
        start = end
    out.append(text[start:].strip())
    return [piece for piece in out if piece]


def split_long_blocks(document: Document) -> Document:
    """``document`` with each block over :data:`MAX_BLOCK_CHARS` cut into paragraphs."""
    if all(len(block.text) <= MAX_BLOCK_CHARS for block in document.blocks):
        return document
    blocks: list[TextBlock] = []
    first_of: dict[int, int] = {}  # old index -> new index of its first piece
    warnings = []
    for block in document.blocks:
        first_of[block.index] = len(blocks)
        if len(block.text) <= MAX_BLOCK_CHARS:
            blocks.append(replace(block, index=len(blocks)))
            continue
        cut = pieces(block.text)
        blocks += [_piece(block, text, len(blocks) + i, i) for i, text in enumerate(cut)]
        warnings.append(
            f"block {block.index} holds {len(block.text):,} characters without a paragraph "
            f"break; read as {len(cut):,} paragraphs cut at sentence ends or spaces"
        )
    revisions = tuple(_moved(revision, first_of) for revision in document.revisions)
    return replace(
        document,
        blocks=tuple(blocks),
        revisions=revisions,
        warnings=document.warnings + tuple(warnings),
    )


def _piece(block: TextBlock, text: str, index: int, number: int) -> TextBlock:
    """A piece of ``block``: the first keeps its kind; a table row's pieces are read as
    paragraphs (a row of a megabyte is no row of figures)."""
    if block.kind == TABLE_ROW:
        return replace(
            block, index=index, kind=PARAGRAPH, text=text, cells=(), table=None, row=None
        )
    return replace(block, index=index, text=text, kind=block.kind if number == 0 else PARAGRAPH)


def _moved(revision: Revision, first_of: dict[int, int]) -> Revision:
    if revision.block is None:
        return revision
    return replace(revision, block=first_of.get(revision.block, revision.block))
