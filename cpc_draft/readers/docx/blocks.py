"""Block building: what the body reader collects, and the blocks a Document gets.

Blocks are collected in reading order in a :class:`Sink`. A tracked change that leaves no
block behind (a wholly deleted paragraph) waits for the next block; at the end of the
body, for the last one. A paragraph whose mark was deleted is a :class:`Carry`: its text
runs on into the next paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from lxml import etree

from cpc_draft.model import Revision, TextBlock
from cpc_draft.readers.docx.changes import Change
from cpc_draft.readers.docx.pages import PageBreaks

# A content control tagged "cpc:<clause>@<version>" marks the provenance of our own drafts
CLAUSE_TAG_PREFIX = "cpc:"


@dataclass(frozen=True)
class Context:
    """Where content sits: the clause of the content control around it, and inside a
    side-by-side table, its row and column."""

    clause: str | None = None
    row: int | None = None  # set inside a side-by-side table
    column: int | None = None

    def within(self, sdt_tag: str) -> Context:
        """The context inside a content control tagged ``sdt_tag``."""
        if sdt_tag.startswith(CLAUSE_TAG_PREFIX) and len(sdt_tag) > len(CLAUSE_TAG_PREFIX):
            return replace(self, clause=sdt_tag[len(CLAUSE_TAG_PREFIX) :])
        return self


class OpenRow(Protocol):
    """The last row of a side-by-side layout, still open (:class:`.layout.LayoutRow`)."""

    def close(self, sink: Sink) -> None: ...


@dataclass
class Block:
    kind: str
    text: str
    context: Context
    cells: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    changes: list[Change] = field(default_factory=list)
    breaks: int = 0  # page breaks before its first text (see :mod:`.pages`)


class Sink:
    """Blocks in reading order. Changes that leave no block behind wait for the next block.

    A sink for the cell of a data table sends the nested tables and text boxes it meets
    to ``later``: they are read as blocks after the row.

    The last row of a side-by-side layout stays open (``open_row``, see :mod:`.layout`):
    the tables and layout that follow may still belong to it. Anything else read into the
    sink, or reading its blocks, closes it first.
    """

    def __init__(self, later: Sink | None = None) -> None:
        self._blocks: list[Block] = []
        self._orphans: list[Change] = []
        self.later = later
        self.open_row: OpenRow | None = None

    @property
    def blocks(self) -> list[Block]:
        self.close_row()
        return self._blocks

    @property
    def orphans(self) -> list[Change]:
        self.close_row()
        return self._orphans

    def close_row(self) -> None:
        """Set the open layout row's blocks down in their reading order."""
        row, self.open_row = self.open_row, None
        if row is not None:
            row.close(self)

    def add(self, block: Block) -> None:
        self.close_row()
        if self._orphans:
            block.changes[:0] = self._orphans
            self._orphans = []
        self._blocks.append(block)

    def orphan(self, changes: list[Change]) -> None:
        if changes:  # a blank paragraph between layout and tables leaves the row open
            self.close_row()
            self._orphans += changes

    def extend(self, other: Sink) -> None:
        for block in other.blocks:
            self.add(block)
        self.orphan(other.orphans)

    def changes(self) -> list[Change]:
        """Every change the sink holds: its blocks' and its orphans."""
        return [change for block in self.blocks for change in block.changes] + self.orphans

    def text(self) -> str:
        """Its blocks' text, one per line."""
        return "\n".join(block.text for block in self.blocks)


@dataclass
class Carry:
    """A paragraph whose mark was deleted: its text runs on into the next paragraph.

    Paragraphs that run on are gathered in lists and joined once: thousands of them in a
    row must not cost a copy of all the text so far each."""

    kind: str
    texts: list[str]
    changes: list[Change]
    boxes: list[etree._Element]

    def take(self, text: str, changes: list[Change], boxes: list[etree._Element]) -> None:
        """The next paragraph runs on from this one."""
        self.texts.append(text)
        self.changes += changes
        self.boxes += boxes

    @property
    def blank(self) -> bool:
        return not any(text.strip() for text in self.texts)

    @property
    def text(self) -> str:
        return "".join(self.texts)


def text_blocks(
    body: Sink, other_changes: list[Change], pages: PageBreaks
) -> tuple[tuple[TextBlock, ...], tuple[Revision, ...]]:
    """The Document's blocks, with their page where the file has page breaks, and its
    revisions: those in the body, each with the index of its block (the last block's for
    changes left over at the end), then ``other_changes`` (headers, footers and notes)
    with none."""
    pending, orphans = body.blocks, body.orphans
    if orphans and pending:
        pending[-1].changes += orphans
        orphans.clear()
    blocks, revisions = [], []
    for index, block in enumerate(pending):
        blocks.append(
            TextBlock(
                index=index,
                kind=block.kind,
                text=block.text,
                page=pages.page(block.breaks),
                clause=block.context.clause,
                cells=block.cells,
                table=block.table,
                row=block.row,
                column=block.context.column,
            )
        )
        revisions += [change.revision(index) for change in block.changes]
    revisions += [change.revision(None) for change in body.orphans]
    revisions += [change.revision(None) for change in other_changes]
    return tuple(blocks), tuple(revisions)
