"""Two versions of one draft: which articles were added, deleted, moved or modified, and
within the articles both keep, which paragraphs or sentences were added or deleted
(:mod:`cpc_draft.compare.within`).

Each language version is compared with its counterpart (the English of the old draft
with the English of the new). The result also keeps the whole text in reading order,
old and new interleaved, which the Word redline and the HTML report are drawn from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from cpc_draft.compare.align import Pair, align
from cpc_draft.compare.paragraph_moves import with_paragraph_moves
from cpc_draft.compare.sequence import Budget
from cpc_draft.compare.within import kind_within, substantive, without_shifted_numbers
from cpc_draft.compare.worddiff import DELETE, INSERT, BlockDiff, DiffSpan, diff_blocks
from cpc_draft.errors import InputFileError
from cpc_draft.model import Document
from cpc_draft.text.articles import Article, split_articles, substance, title_after_number
from cpc_draft.text.bilingual import language_streams

if TYPE_CHECKING:
    from cpc_draft.compare.facts import FactChange

ADDED, DELETED, MOVED, MODIFIED = "added", "deleted", "moved", "modified"


@dataclass(frozen=True)
class Change:
    """An article added, deleted, moved or modified; or, with both ``old`` and ``new``,
    text added to, deleted from or modified in an article both versions keep."""

    kind: str  # added | deleted | moved | modified
    language: str
    old: Article | None
    new: Article | None
    blocks: tuple[BlockDiff, ...] = ()
    reworded: bool = False  # a moved article whose words changed too


@dataclass(frozen=True)
class Piece:
    """One stretch of the merged text: ``role`` is same, modified, insert, delete,
    move_from or move_to; ``move`` names the move a move_from/move_to belongs to."""

    role: str
    language: str
    blocks: tuple[BlockDiff, ...]
    move: str | None = None
    old: Article | None = None  # the article this stretch is in, in each version
    new: Article | None = None
    edits: tuple[BlockDiff, ...] = ()  # a moved article's word changes, if it was edited


@dataclass(frozen=True)
class LanguageComparison:
    language: str
    changes: tuple[Change, ...]
    renumbered: tuple[Pair, ...]
    merged: tuple[Piece, ...]


@dataclass(frozen=True)
class VersionComparison:
    old: Document
    new: Document
    languages: tuple[LanguageComparison, ...]
    fact_changes: tuple[FactChange, ...] = field(default=())
    warnings: tuple[str, ...] = ()  # one line each: where the comparison is coarser

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(change for found in self.languages for change in found.changes)


def compare_versions(old: Document, new: Document) -> VersionComparison:
    old_streams, new_streams = language_streams(old), language_streams(new)
    common = [language for language in new_streams if language in old_streams]
    if not common and len(old_streams) == 1 and len(new_streams) == 1:
        # One language each but identified differently (a short draft): compare anyway.
        common = [next(iter(new_streams))]
        old_streams = {common[0]: next(iter(old_streams.values()))}
    if not common:
        raise InputFileError(
            new.path,
            f"shares no language with {old.path} ({', '.join(new_streams)} vs "
            f"{', '.join(old_streams)}); to compare translations use --languages",
        )
    budget = Budget()
    found = tuple(
        compare_stream(language, old_streams[language].blocks, new_streams[language].blocks, budget)
        for language in common
    )
    return VersionComparison(old, new, found, warnings=_coarsened(budget))


def _coarsened(budget: Budget) -> tuple[str, ...]:
    if not budget.coarse_blocks:
        return ()
    count = budget.coarse_blocks
    paragraphs = "1 paragraph shows" if count == 1 else f"{count:,} paragraphs show"
    return (
        f"comparing every word would take too long: {paragraphs} a stretch of text "
        "replaced whole rather than word by word (still exact: accepting it gives the new "
        "text, rejecting it the old)",
    )


def compare_stream(
    language: str, old_blocks, new_blocks, budget: Budget | None = None
) -> LanguageComparison:
    budget = budget or Budget()
    old_articles, new_articles = (
        split_articles(old_blocks, language),
        split_articles(new_blocks, language),
    )
    pairs = align(old_articles, new_articles)
    renumber = {
        p.old.number: p.new.number for p in pairs if p.old.number and p.new.number is not None
    }
    changes: list[Change] = []
    renumbered: list[Pair] = []
    diffs: dict[int, tuple[BlockDiff, ...]] = {}
    for pair in pairs:
        same = substance(pair.old, renumber) == substance(pair.new)
        blocks = tuple(diff_blocks(pair.old.blocks, pair.new.blocks, budget))
        diffs[pair.old.index] = blocks
        shown = tuple(block for block in blocks if not _renumbering(block, pair))
        if pair.moved:
            changes.append(Change(MOVED, language, pair.old, pair.new, shown, reworded=not same))
        elif not same and substantive(shown):
            changes.append(Change(MODIFIED, language, pair.old, pair.new, shown))
        elif not same or pair.old.number != pair.new.number:
            renumbered.append(pair)  # the article's number, or its paragraphs' numbers
    paired_old = {pair.old.index for pair in pairs}
    paired_new = {pair.new.index for pair in pairs}
    changes += [
        Change(DELETED, language, a, None, _whole(a, DELETE))
        for a in old_articles
        if a.index not in paired_old
    ]
    changes += [
        Change(ADDED, language, None, a, _whole(a, INSERT))
        for a in new_articles
        if a.index not in paired_new
    ]
    changes = [_within(change) for change in with_paragraph_moves(changes, MOVED, MODIFIED)]
    changes.sort(key=_reading_order)
    merged = _merge(language, old_articles, new_articles, pairs, diffs)
    return LanguageComparison(language, tuple(changes), tuple(renumbered), tuple(merged))


def _within(change: Change) -> Change:
    """A change inside an article both versions keep, named for what it does: text added,
    text deleted or words modified; paragraph numbers that only shifted are not shown."""
    if change.kind != MODIFIED:
        return change
    kind = kind_within(change.blocks, ADDED, DELETED, MODIFIED)
    return replace(change, kind=kind, blocks=without_shifted_numbers(change.blocks))


def _renumbering(block: BlockDiff, pair: Pair) -> bool:
    """The "Article 4" -> "Article 8" line: the redline shows it, reports do not."""
    return (
        pair.old.number_block is not None
        and pair.new.number_block is not None
        and block.old is pair.old.blocks[pair.old.number_block]
        and block.new is pair.new.blocks[pair.new.number_block]
        and title_after_number(block.old.text) == title_after_number(block.new.text)
    )


def _reading_order(change: Change) -> tuple[int, int]:
    """New-text order; a deletion sits where the article used to be."""
    if change.new is not None:
        return (change.new.index, 1)
    return (change.old.index, 0)


def _whole(article: Article, op: str) -> tuple[BlockDiff, ...]:
    if op == DELETE:
        return tuple(BlockDiff(b, None, (DiffSpan(DELETE, b.text),)) for b in article.blocks)
    return tuple(BlockDiff(None, b, (DiffSpan(INSERT, b.text),)) for b in article.blocks)


def _merge(language, old_articles, new_articles, pairs, diffs) -> list[Piece]:
    """Both versions as one text: new order, with deleted and moved-away articles at the
    place they held in the old text (just before the next article that kept its place)."""
    by_new = {pair.new.index: pair for pair in pairs}
    by_old = {pair.old.index: pair for pair in pairs}
    pieces: list[Piece] = []
    cursor = 0

    def flush_old(until: int) -> None:
        nonlocal cursor
        while cursor < until:
            article = old_articles[cursor]
            pair = by_old.get(article.index)
            if pair is None:
                pieces.append(Piece("delete", language, _whole(article, DELETE), old=article))
            elif pair.moved:
                blocks = _whole(article, DELETE)
                move, edits = _move_name(pair), _edits(diffs[pair.old.index])
                pieces.append(Piece("move_from", language, blocks, move, article, edits=edits))
            cursor += 1

    for article in new_articles:
        pair = by_new.get(article.index)
        if pair is None:
            pieces.append(Piece("insert", language, _whole(article, INSERT), new=article))
        elif pair.moved:
            blocks = _whole(article, INSERT)
            move, edits = _move_name(pair), _edits(diffs[pair.old.index])
            pieces.append(Piece("move_to", language, blocks, move, new=article, edits=edits))
        else:
            flush_old(pair.old.index)
            blocks = diffs[pair.old.index]
            role = "modified" if any(block.changed for block in blocks) else "same"
            pieces.append(Piece(role, language, blocks, old=pair.old, new=article))
            cursor = max(cursor, pair.old.index + 1)
    flush_old(len(old_articles))
    return pieces


def _edits(blocks: tuple[BlockDiff, ...]) -> tuple[BlockDiff, ...]:
    """The word changes of a moved article, when its words changed too."""
    return blocks if any(block.changed for block in blocks) else ()


def _move_name(pair: Pair) -> str:
    return f"move-{pair.old.index}-{pair.new.index}"
