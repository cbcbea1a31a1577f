"""A Word redline: an already computed diff written as a .docx whose every change is tracked.

The comparison decides what changed; this module only writes it down, so that Word and
LibreOffice list each change in their review panes and can accept or reject it, one by
one or all at once (accept-all gives the new version, reject-all the old):

- Changed words inside a block are runs in ``w:ins`` / ``w:del`` (deleted text in
  ``w:delText``).
- A whole new block is one insertion whose paragraph mark is inserted too
  (``w:pPr/w:rPr/w:ins``); a whole removed block is one deletion whose mark is deleted.
  Accepting or rejecting then removes the paragraph itself, not just its words.
- Table rows: a new or removed row is marked in its row properties (``w:trPr/w:ins`` or
  ``w:trPr/w:del``) and in its runs; changed words in a cell are runs.
- A moved article is a tracked move: ``w:moveFrom`` at the old place and ``w:moveTo``
  at the new, each run of blocks between the start and end of a move range
  (``w:moveFromRangeStart`` … ``RangeEnd``, set between paragraphs so that the last
  paragraph mark is moved too) whose ``w:name`` pairs it with the other side. A move
  whose other half is missing falls back to a deletion or an insertion, and so do moved
  table rows (Word tracks no row moves).
- An article moved and edited: the words both versions share are moved (``w:moveFrom``
  at the old place, ``w:moveTo`` at the new); the words the edit removed are deleted at
  the old place (``w:del``) and the words it added inserted at the new (``w:ins``), so the
  old place reads the old text and the new place the new, each change visible as such. A
  paragraph the moved article lost is deleted at the old place, one it gained inserted
  at the new, marks and all. (A deletion nested in ``w:moveTo``, which would show the
  removed words at the new place too, is lost by LibreOffice: it keeps them when the
  changes are accepted.)
- Layout (:mod:`cpc_draft.render.redline_layout`): one block after the other on
  portrait pages, or the new version's side-by-side table on landscape pages; signature
  blocks as a draft sets them, not as a data table.
- Every change has its own ``w:id``, the author and the date (UTC, whole seconds);
  ``w:trackRevisions`` in the settings keeps the reviewer's own edits tracked.
- A paragraph whose mark is tracked is never followed directly by a table or the end of
  the body: neither application can merge a paragraph into a table or delete the last
  paragraph mark, so an empty hairline paragraph, present in both versions, stands
  between. Two tables are kept apart the same way (adjacent tables would merge).

The title goes to the document properties, not the body: the body's accepted-all text
is the new version and nothing else.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from cpc_draft.model import HEADING, ITEM, PARAGRAPH, TABLE_ROW
from cpc_draft.render import wordml
from cpc_draft.render.package import insert_body, new_document, text_width
from cpc_draft.render.redline_layout import SideBySide, side_by_side_body, signature_cell
from cpc_draft.render.wordml import Cell

# RedlineSpan operations
EQUAL, INSERT, DELETE = "equal", "insert", "delete"
# Whole-block changes (besides INSERT and DELETE)
MOVE_FROM, MOVE_TO = "move_from", "move_to"

_OPERATIONS = (EQUAL, INSERT, DELETE)
_CHANGES = (None, INSERT, DELETE, MOVE_FROM, MOVE_TO)
# Heading 2 puts articles in Word's navigation pane; items get the list paragraph indent.
_STYLES = {HEADING: "Heading2", PARAGRAPH: None, ITEM: "ListParagraph"}
_TAGS = {INSERT: "ins", DELETE: "del", MOVE_FROM: "moveFrom", MOVE_TO: "moveTo"}
_REMOVING = (DELETE, MOVE_FROM)
_PARTICIPLES = {INSERT: "inserted", DELETE: "deleted"}
# What a move becomes when its other half is missing, or when it moves table rows
_UNPAIRED = {MOVE_FROM: DELETE, MOVE_TO: INSERT}
_MOVES = tuple(_UNPAIRED)
# The words a moved block may hold besides the moved ones: removed at the old place,
# added at the new
_OWN = _UNPAIRED
# Settings that follow w:trackRevisions in the schema's sequence; w:defaultTabStop is in
# every settings part Word (or python-docx's template) writes.
_AFTER_TRACK_REVISIONS = (
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
)
_SPACER = wordml.paragraph(tiny=True)
_CORE_PROPERTY_LIMIT = 255  # characters python-docx accepts in a core property


@dataclass(frozen=True)
class RedlineSpan:
    """A piece of a block's text as the redline marks it: ``op`` is equal, insert or
    delete; ``text`` keeps the words' original spacing."""

    op: str
    text: str


@dataclass(frozen=True)
class RedlineBlock:
    """One block of the redline.

    ``kind`` is heading, paragraph, item or table_row (:mod:`cpc_draft.model`). A table row
    has one segment list per cell in ``cells``; other blocks have ``segments``. ``change``
    is None for an unchanged block or one with changed words, ``insert`` / ``delete`` for a
    block that is wholly new / gone, and ``move_from`` / ``move_to`` for the two places of
    a moved block (``move_name`` pairs them). A moved block's equal segments are the
    moved words; a block moved and edited also holds the words deleted (``move_from``)
    or inserted (``move_to``), and a block all of whose segments are deleted (inserted)
    is a paragraph the moved text lost (gained). Consecutive rows with the same
    ``table`` form one table.
    """

    kind: str
    segments: tuple[RedlineSpan, ...] = ()
    cells: tuple[tuple[RedlineSpan, ...], ...] = ()
    change: str | None = None
    table: int | None = None
    move_name: str | None = None
    signatures: bool = False  # a row of signature blocks: no grid, a paragraph a line


def redline_docx(
    blocks: Sequence[RedlineBlock] | SideBySide,
    *,
    author: str,
    date: datetime,
    title: str | None = None,
) -> bytes:
    """The redline of ``blocks`` as a .docx package, one block after the other on portrait
    pages, or side by side on landscape pages (:class:`SideBySide`); every change is by
    ``author`` at ``date`` (a naive date is taken as UTC). Raises ValueError for an
    unknown kind, change or operation, or a whole-block change whose segments say
    otherwise."""
    side_by_side = isinstance(blocks, SideBySide)
    every = blocks.blocks() if side_by_side else blocks
    _check(every)
    width = text_width(landscape=side_by_side)
    writer = _BodyWriter(wordml.xml_characters(author), revision_date(date), width)
    writer.names = _move_names(every)
    document = new_document(landscape=side_by_side)
    markup = side_by_side_body(writer, blocks, width) if side_by_side else writer.body(blocks)
    insert_body(document, markup)
    _track_revisions(document.settings.element)
    _set_core_properties(document.core_properties, author, date, title)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def revision_date(moment: datetime) -> str:
    """``2026-11-22T08:00:00Z``: UTC, whole seconds, as Word writes ``w:date``."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def _check(blocks: Sequence[RedlineBlock]) -> None:
    for index, block in enumerate(blocks):
        where = f"redline block {index}"
        if block.kind not in (*_STYLES, TABLE_ROW):
            raise ValueError(f"{where}: unknown kind {block.kind!r}")
        if block.change not in _CHANGES:
            raise ValueError(f"{where}: unknown change {block.change!r}")
        for segments in (block.segments, *block.cells):
            for segment in segments:
                if segment.op not in _OPERATIONS:
                    raise ValueError(f"{where}: unknown segment operation {segment.op!r}")
                if block.change is not None and segment.op == _contrary(block.change):
                    raise ValueError(
                        f"{where}: a block whose change is {block.change} cannot hold "
                        f"{_PARTICIPLES[segment.op]} text"
                    )


def _contrary(change: str) -> str:
    """The segment operation a whole-block change rules out."""
    return INSERT if change in _REMOVING else DELETE


# -- the body ------------------------------------------------------------------------------

_TABLE, _TRACKED_MARK, _PLAIN = "table", "tracked mark", "plain"


@dataclass(frozen=True)
class _Group:
    """Blocks written together: one table, one move range, or one block."""

    what: str  # table | move | block
    blocks: tuple[RedlineBlock, ...]
    change: str | None  # the change to write (unpaired moves already resolved)
    move_name: str | None = None  # the w:name of a move range


class _BodyWriter:
    def __init__(self, author: str, date: str, width: int) -> None:
        self.author = author
        self.date = date
        self.width = width
        self.ids = itertools.count(1)
        self.names: dict[str, str] = {}  # the moves with both halves in the document
        self.in_cell = False
        self.keep_with_next: bool | None = None  # every paragraph kept with the next

    def body(self, blocks: Sequence[RedlineBlock], width: int | None = None) -> str:
        """``blocks`` as body markup (or a table cell's, ``width`` wide)."""
        page_width, self.width = self.width, width or self.width
        self.in_cell = width is not None
        pieces: list[tuple[str, str]] = []  # (markup, what ends it)
        for group in _groups(blocks, self.names):
            if group.what == "table":
                pieces.append((self.table(group.blocks), _TABLE))
            elif group.what == "move":
                pieces.append((self.move(group), _TRACKED_MARK))
            else:
                end = _TRACKED_MARK if group.change else _PLAIN
                pieces.append((self.paragraph(group.blocks[0], group.change), end))
        self.width = page_width
        if self.in_cell and pieces and pieces[0][1] == _TABLE:
            # LibreOffice lays out a row whose cell opens with a table as if it were
            # taller: the row of signature blocks would go to a page of its own
            pieces.insert(0, (_SPACER, _PLAIN))
        return _with_spacers(pieces)

    def tracked(self, change: str, content: str = "") -> str:
        return wordml.tracked(_TAGS[change], next(self.ids), self.author, self.date, content)

    def paragraph(self, block: RedlineBlock, change: str | None) -> str:
        ops = {segment.op for segment in block.segments}
        if change in _MOVES and ops == {_OWN[change]}:
            change = _UNPAIRED[change]  # a paragraph lost or gained by a moved article
        mark = self.tracked(change) if change else ""
        if change in _MOVES and _OWN[change] in ops:
            runs = self.moved_and_edited(block.segments, change)
        else:
            runs = self.runs(block.segments, change)
        # keep-with-next inside a table row makes the row refuse to split across pages,
        # and keeps it with the next row (what the row before the signatures wants)
        keep = self.keep_with_next or (False if self.in_cell and block.kind == HEADING else None)
        return wordml.paragraph([runs], style=_STYLES[block.kind], mark=mark, keep_next=keep)

    def moved_and_edited(self, segments: Sequence[RedlineSpan], move: str) -> str:
        """One side of a moved and edited paragraph: shared words moved, the others
        deleted (at the old place) or inserted (at the new)."""
        runs = []
        for op, text in _merged(segments):
            if run := wordml.plain_run(text, deleted=op == DELETE):
                runs.append(self.tracked(move if op == EQUAL else op, run))
        return "".join(runs)

    def move(self, group: _Group) -> str:
        """One move range: whole paragraphs, so the range opens before the first and closes
        after the last, taking in its paragraph mark (as Word writes a moved paragraph)."""
        tag, range_id = _TAGS[group.change], next(self.ids)
        return (
            wordml.move_range_start(tag, range_id, group.move_name, self.author, self.date)
            + "".join(self.paragraph(block, group.change) for block in group.blocks)
            + wordml.move_range_end(tag, range_id)
        )

    def runs(self, segments: Sequence[RedlineSpan], change: str | None) -> str:
        if change is not None:  # the whole block is one change
            text = "".join(segment.text for segment in segments)
            run = wordml.plain_run(text, deleted=change in _REMOVING)
            return self.tracked(change, run) if run else ""
        runs = []
        for op, text in _merged(segments):
            if op == EQUAL:
                runs.append(wordml.plain_run(text))
            elif run := wordml.plain_run(text, deleted=op == DELETE):
                runs.append(self.tracked(op, run))
        return "".join(runs)

    def table(self, rows: Sequence[RedlineBlock]) -> str:
        columns = max(max(len(row.cells), 1) for row in rows)
        widths = [self.width // columns] * columns
        widths[-1] += self.width - sum(widths)
        body, row_changes = [], {}
        for index, row in enumerate(rows):
            change = _UNPAIRED.get(row.change, row.change)
            if change:
                row_changes[index] = self.tracked(change)
            cells = row.cells or (row.segments,)
            last = len(cells) - 1
            cells_markup = []
            for column, segments in enumerate(cells):
                # a short row's last cell spans the columns it lacks
                span = columns - last if column == last else 1
                if row.signatures:
                    content = signature_cell(self, segments, change)
                else:
                    content = wordml.paragraph([self.runs(segments, change)], space_after=0)
                width = sum(widths[column : column + span])
                cells_markup.append(Cell(content, width, span))
            body.append(cells_markup)
        grid = not any(row.signatures for row in rows)
        return wordml.table(body, widths, grid=grid, row_changes=row_changes)


def _groups(blocks: Sequence[RedlineBlock], names: dict[str, str]) -> Iterator[_Group]:
    """Tables (consecutive rows with one table id), move ranges (consecutive blocks moved
    under one of ``names``) and single blocks, in order."""

    def key(item: tuple[int, RedlineBlock]) -> tuple:
        index, block = item
        if block.kind == TABLE_ROW:
            return ("table", block.table)
        if block.change in _UNPAIRED and block.move_name in names:
            return ("move", block.change, block.move_name)
        return ("block", index)

    for (what, *_), items in itertools.groupby(enumerate(blocks), key):
        group = tuple(block for _, block in items)
        first = group[0]
        if what == "move":
            yield _Group(what, group, first.change, names[first.move_name])
        else:
            yield _Group(what, group, _UNPAIRED.get(first.change, first.change))


def _move_names(blocks: Sequence[RedlineBlock]) -> dict[str, str]:
    """Each move name that has both a source and a destination -> the w:name to write
    ("move1", "move2"…: Word's own form, whatever the caller's names look like)."""
    sides: dict[str, set[str]] = {}
    for block in blocks:
        if block.change in _UNPAIRED and block.move_name is not None and block.kind != TABLE_ROW:
            sides.setdefault(block.move_name, set()).add(block.change)
    paired = [name for name, found in sides.items() if len(found) == 2]
    return {name: f"move{number}" for number, name in enumerate(paired, start=1)}


def _merged(segments: Sequence[RedlineSpan]) -> list[tuple[str, str]]:
    """Adjacent segments with the same operation as one: one change per stretch of words."""
    merged: list[tuple[str, str]] = []
    for segment in segments:
        if merged and merged[-1][0] == segment.op:
            merged[-1] = (segment.op, merged[-1][1] + segment.text)
        elif segment.text:
            merged.append((segment.op, segment.text))
    return merged


def _with_spacers(pieces: list[tuple[str, str]]) -> str:
    """The pieces in order, a hairline paragraph wherever a tracked paragraph mark would
    meet a table or the end of the body, or two tables would meet (see the module notes)."""
    parts, previous = [], None
    for markup, what in pieces:
        if what == _TABLE and previous in (_TABLE, _TRACKED_MARK):
            parts.append(_SPACER)
        parts.append(markup)
        previous = what
    if previous in (None, _TABLE, _TRACKED_MARK):  # a body ends with a paragraph
        parts.append(_SPACER)
    return "".join(parts)


# -- package -------------------------------------------------------------------------------


def _track_revisions(settings) -> None:
    """Track changes stays on: the reviewer's own edits to the redline are tracked too."""
    if settings.find(qn("w:trackRevisions")) is None:
        settings.insert_element_before(OxmlElement("w:trackRevisions"), *_AFTER_TRACK_REVISIONS)


def _set_core_properties(properties, author: str, date: datetime, title: str | None) -> None:
    author = wordml.xml_characters(author)[:_CORE_PROPERTY_LIMIT]
    properties.title = wordml.xml_characters(title or "")[:_CORE_PROPERTY_LIMIT]
    properties.author = properties.last_modified_by = author
    properties.comments = "Redline written by cpc-draft: every change is a tracked change."
    moment = date.astimezone(UTC) if date.tzinfo is not None else date
    properties.created = properties.modified = moment.replace(tzinfo=None, microsecond=0)
    properties.revision = 1
