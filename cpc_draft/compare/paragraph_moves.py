"""Paragraphs moved from one article to another, in articles that kept their places.

Articles are aligned first (:mod:`cpc_draft.compare.align`); a paragraph taken out of
one article and put, in the same words, into another then shows as two modified
articles, one losing a paragraph and one gaining it. That is one move: the paragraph's
own number ("6.3" -> "8.4") follows its new article and is no change, nor is the
renumbering of the paragraphs after the place it left ("6.4" -> "6.3").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from cpc_draft.compare.within import PARAGRAPH_NUMBER, substantive
from cpc_draft.compare.worddiff import diff_blocks
from cpc_draft.text.articles import words

if TYPE_CHECKING:
    from cpc_draft.compare.versions import Change

_MIN_WORDS = 8  # a short line ("Yes.", a signature line) is no paragraph of substance


def with_paragraph_moves(changes: list[Change], moved: str, modified: str) -> list[Change]:
    """``changes`` with each paragraph moved between two modified articles reported as
    one change of kind ``moved`` (old article -> new article), and the modified articles
    left out where the move was all that changed in them."""
    edited = [c for c in changes if c.kind == modified]
    gone = [(c, b) for c in edited for b in c.blocks if b.new is None and _key(b.old)]
    came = [(c, b) for c in edited for b in c.blocks if b.old is None and _key(b.new)]
    moves: list[Change] = []
    used: set[int] = set()
    for source, left in gone:
        for target, arrived in came:
            if target is source or id(arrived) in used or _key(left.old) != _key(arrived.new):
                continue
            used |= {id(left), id(arrived)}
            shown = tuple(diff_blocks((left.old,), (arrived.new,)))  # "[-6.3-]{+8.4+} …"
            moves.append(replace(source, kind=moved, new=target.new, blocks=shown))
            break
    if not moves:
        return changes
    kept = []
    for change in changes:
        if change.kind == modified:
            rest = tuple(b for b in change.blocks if id(b) not in used)
            if not substantive(rest):
                continue  # the move was all that changed here
            change = replace(change, blocks=rest)
        kept.append(change)
    return kept + moves


def _key(block) -> tuple[str, ...] | None:
    """A paragraph's words without its number; None for a short one."""
    found = words(PARAGRAPH_NUMBER.sub("", block.text, count=1))
    return found if len(found) >= _MIN_WORDS else None
