"""Block-level content in reading order: of the body, and of headers, footers and notes.

Body paragraphs and tables are read in order, descending into content controls
(``w:sdt``) at body, row and cell level, into ``w:customXml`` and into the first branch of
``mc:AlternateContent``. Blocks inside a content control tagged ``cpc:<clause>@<version>``
carry ``clause``. Text boxes are read as blocks after the paragraph that anchors them.
Embedded documents (``w:altChunk``) are counted, not read. Headers and footers give one
text per part; footnotes and endnotes one text per note.
"""

from __future__ import annotations

from lxml import etree

from cpc_draft.errors import InputFileError
from cpc_draft.model import PARAGRAPH, Revision, TextBlock
from cpc_draft.readers.docx.blocks import Block, Carry, Context, Sink, text_blocks
from cpc_draft.readers.docx.budget import Budget
from cpc_draft.readers.docx.changes import Change, OtherChanges
from cpc_draft.readers.docx.pages import PageBreaks
from cpc_draft.readers.docx.paragraphs import Classifier, runs_on
from cpc_draft.readers.docx.runs import read_runs
from cpc_draft.readers.docx.tables import read_table
from cpc_draft.readers.docx.wordml import Names, alternate_branch, child, sdt_tag
from cpc_draft.readers.docx.zipsafe import Package

# Content controls and tables inside each other: a real draft nests a handful.
MAX_NESTING = 64
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


class BodyReader:
    """Reads the parts of one document, keeping what spans them: list counters, the count
    of tables, the tracked changes, what was skipped."""

    def __init__(self, names: Names, classifier: Classifier, package: Package) -> None:
        self.n = names
        self.fail = package.fail
        self.classifier = classifier
        self.body = Sink()
        self.other_changes: list[Change] = []  # in headers, footers and notes
        self.other_kinds = OtherChanges()
        self.tables = 0
        self.layout_rows = 0  # side-by-side rows, across the layout tables
        self.alt_chunks = 0
        self.skipped: list[str] = []
        self.budget = Budget(package.fail)
        self.pages = PageBreaks()

    # -- parts ---------------------------------------------------------------------------

    def read_body(self, root: etree._Element) -> None:
        body = child(root, self.n.body)
        if body is not None:
            self.pages.counting = True
            self.container(body, Context(), self.body, 0)
            self.pages.counting = False
        self.other_kinds.count(root, self.n)

    def part_text(self, package: Package, name: str, local_name: str) -> str:
        """A header or footer part as text (its blocks, one per line)."""
        root = package.xml(name)
        if root.tag != self.n.w(local_name):
            self.skipped.append(name)
            return ""
        sink = Sink()
        self.container(root, Context(), sink, 0)
        self.other_kinds.count(root, self.n)
        return self.sink_text(sink)

    def notes(self, package: Package, name: str, local_name: str) -> list[str]:
        """The footnotes or endnotes of a part, one text per note."""
        root = package.xml(name)
        if root.tag != self.n.w(local_name):
            self.skipped.append(name)
            return []
        texts = []
        for note in root:
            if note.tag not in (self.n.footnote, self.n.endnote):
                continue
            if note.get(self.n.type) in _NOTE_SEPARATORS:
                continue
            sink = Sink()
            self.container(note, Context(), sink, 0)
            text = self.sink_text(sink)
            if text:
                texts.append(text)
        self.other_kinds.count(root, self.n)
        return texts

    def sink_text(self, sink: Sink) -> str:
        """The text of content read apart from the body; its changes are kept for the end."""
        self.other_changes += sink.changes()
        return sink.text()

    def finish(self) -> tuple[tuple[TextBlock, ...], tuple[Revision, ...]]:
        return text_blocks(self.body, self.other_changes, self.pages)

    # -- block level ---------------------------------------------------------------------

    def container(self, element: etree._Element, context: Context, sink: Sink, depth: int) -> None:
        """The block-level content of a body, cell, content control, text box or note."""
        self.check_depth(depth)
        n, carry = self.n, None
        for item in element:
            tag = item.tag
            if tag == n.p:
                carry = self.paragraph(item, context, sink, depth, carry)
                continue
            if tag not in (n.tbl, n.sdt, n.custom_xml, n.alternate, n.alt_chunk):
                continue  # bookmarks, proofing marks, section properties
            carry = self.flush(carry, context, sink, depth)
            if tag == n.tbl:  # in a data table's cell: read after the row
                read_table(self, item, context, sink.later or sink, depth + 1)
            elif tag == n.sdt:
                content = child(item, n.sdt_content)
                if content is not None:
                    inner = context.within(sdt_tag(item, n))
                    self.container(content, inner, sink, depth + 1)
            elif tag == n.custom_xml:
                self.container(item, context, sink, depth + 1)
            elif tag == n.alternate:
                branch = alternate_branch(item, n)
                if branch is not None:
                    self.container(branch, context, sink, depth + 1)
            else:
                self.alt_chunks += 1
        self.flush(carry, context, sink, depth)

    def check_depth(self, depth: int) -> None:
        if depth > MAX_NESTING:
            raise self.too_deep()

    def too_deep(self) -> InputFileError:
        return self.fail(
            f"nests tables, content controls or text boxes more than {MAX_NESTING} levels "
            "deep; refused"
        )

    def paragraph(
        self, element: etree._Element, context: Context, sink: Sink, depth: int, carry: Carry | None
    ) -> Carry | None:
        """Read one paragraph; return it as a carry when its mark was deleted."""
        properties = child(element, self.n.ppr)
        self.pages.paragraph_before(properties, self.n)
        text, changes, boxes = read_runs(element, self.n, self.budget, self.pages)
        self.pages.paragraph_after(properties, self.n)
        deleted = properties is not None and runs_on(properties, self.n)
        kind, label = PARAGRAPH, ""
        if text.strip() or not deleted:  # a wholly deleted paragraph is not numbered
            kind, label = self.classifier.classify(properties, text)
        if not text.strip():
            label = ""  # Word shows the number of an empty paragraph; a reader skips it
        self.budget.charge(len(label))
        text = label + text
        if carry is not None:
            carry.kind = kind if carry.blank else carry.kind
            carry.take(text, changes, boxes)
        else:
            carry = Carry(kind, [text], changes, boxes)
        if deleted:
            return carry
        self.emit(carry.kind, carry.text, carry.changes, carry.boxes, context, sink, depth)
        return None

    def flush(self, carry: Carry | None, context: Context, sink: Sink, depth: int) -> None:
        if carry is not None:
            self.emit(carry.kind, carry.text, carry.changes, carry.boxes, context, sink, depth)
        return None

    def emit(
        self,
        kind: str,
        text: str,
        changes: list[Change],
        boxes: list[etree._Element],
        context: Context,
        sink: Sink,
        depth: int,
    ) -> None:
        """A block for ``text`` unless it is blank (its changes then wait for the next
        block), then the text boxes anchored in it (on its page; their breaks not counted)."""
        text = text.strip()
        breaks = self.pages.take_start()
        if text:
            sink.add(Block(kind, text, context, row=context.row, changes=changes, breaks=breaks))
        else:
            sink.orphan(changes)
        target = sink.later or sink
        saved = self.pages.pause()
        for box in boxes:
            self.container(box, context, target, depth + 1)
        self.pages.resume(saved)
