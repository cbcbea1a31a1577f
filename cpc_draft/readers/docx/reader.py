"""Word (.docx) drafts -> Document, straight from the WordprocessingML.

The package is opened through :mod:`cpc_draft.readers.docx.zipsafe` (bounded zip, hardened XML
parser), never through python-docx, whose loader inflates and parses everything it finds.
python-docx is also blind to most of what matters here (content controls, tracked
changes, text boxes, footnotes), so the XML is read directly.

What comes out:

- **Blocks in reading order**: body paragraphs and tables, descending into content
  controls (``w:sdt``) at body, row and cell level and into ``w:customXml``.
- **Accepted-all text**: ``w:ins`` and ``w:moveTo`` are read, ``w:del`` and
  ``w:moveFrom`` are not, and a paragraph whose mark was deleted runs on into the next.
  Every unaccepted insertion and deletion is reported as a :class:`Revision` (author,
  date, text, the index of the block it sits in — for a change that leaves no block
  behind, such as a wholly deleted paragraph, the block that follows it, or the last
  block), and one warning counts them together with moves, paragraph-mark, table-row
  and formatting changes.
- **Runs**: ``w:tab`` -> tab, ``w:br``/``w:cr`` -> newline, ``w:noBreakHyphen`` -> "-";
  soft hyphens, symbols (``w:sym``), field codes and hidden (``w:vanish``) runs are
  dropped; hyperlinks, smart tags, simple fields and field results are read.
- **Kinds**: a paragraph style named "heading N" or "Title" (the built-in names, whatever
  the Word language; custom styles inherit through ``basedOn``), or an outline level,
  makes a heading; Word numbering (``w:numPr``, direct or from the style) or a literal
  label such as "1." or "(a)" makes an item. Word numbering is rendered as the reader
  sees it ("3." + tab) from numbering.xml, so an auto-numbered "Article %1" reads
  "Article 3" just like our literal labels.
- **Tables**: each row is a ``table_row`` block with its ``cells`` (a cell's paragraphs
  joined by newlines) and ``text`` (cells joined by " | "); ``table`` and ``row`` count
  from 0 in document order. A table nested in a cell is read as its own rows after the
  row that holds it; so are text boxes anchored in a cell.
- **Side-by-side tables** (see :func:`_is_side_by_side`) are not flattened into rows:
  each cell's content comes out as ordinary blocks with ``row`` = the outer row and
  ``column`` = the cell index, row by row, column 0 then column 1. Inside such a table
  ``row`` is the aligned outer row for every block, nested table rows included (their
  order within their ``table`` is their order in the blocks).
- **Provenance**: blocks inside a content control tagged ``cpc:<clause>@<version>`` carry
  ``clause``; ``properties`` are the custom document properties (docProps/custom.xml).
- **Apart from the blocks**: headers and footers (one text per distinct part), footnotes
  and endnotes (one text per note). Text boxes are read once (``mc:AlternateContent``
  holds a DrawingML and a VML copy: only the first choice is read), as blocks after the
  paragraph that anchors them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from cpc_draft.errors import InputFileError
from cpc_draft.model import HEADING, ITEM, PARAGRAPH, TABLE_ROW, Document, Revision, TextBlock
from cpc_draft.readers.docx.zipsafe import Package, open_package

MAIN_PART = "word/document.xml"
WORDML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORDML_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
CLAUSE_TAG_PREFIX = "cpc:"
CELL_SEPARATOR = " | "
# Content controls and tables inside each other: a real draft nests a handful.
MAX_NESTING = 64
# Side-by-side detection (see _is_side_by_side)
PROSE_WORDS = 40
SINGLE_ROW_PROSE_WORDS = 100

_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_LITERAL_LABEL = re.compile(
    r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?(?:[a-zA-Z]|[ivxIVX]{1,5})\)|[a-zA-Z]\.|[ivxlcIVXLC]{1,6}\."
    r"|[•◦▪‣●·*\-–—])(?:\s|$)"
)
_HEADING_NAME = re.compile(r"^(heading\s*\d|title)$", re.IGNORECASE)


def read_docx(path: Path) -> Document:
    """Read a .docx into a Document (``language`` is left for the caller to fill)."""
    try:
        return _read(path)
    except InputFileError:
        raise
    except MemoryError:
        raise InputFileError(path, "is too large to read in the memory available") from None
    except RecursionError:
        raise InputFileError(path, "nests its content too deeply to read") from None
    except Exception as error:  # a file we misjudged still ends in one clean line
        raise InputFileError(
            path, f"could not be read as a Word document (internal error: {type(error).__name__})"
        ) from None


def _read(path: Path) -> Document:
    with open_package(path) as package:
        main = _main_part(package)
        related = _related_parts(package, main)
        styles = _Styles.load(package, related.get("styles", ["word/styles.xml"]))
        numbering = _Numbering.load(package, related.get("numbering", ["word/numbering.xml"]))
        root = package.xml(main)
        names = _names_for(root, package, main)
        reader = _Reader(names, styles, numbering, package)
        reader.read_body(root)
        del root  # one parsed tree at a time keeps memory to the largest part
        headers = _distinct(reader.part_text(package, name, "hdr") for name in related["header"])
        footers = _distinct(reader.part_text(package, name, "ftr") for name in related["footer"])
        footnotes: list[str] = []
        for kind in ("footnotes", "endnotes"):
            for name in related[kind]:
                footnotes += reader.notes(package, name, kind)
        properties = _custom_properties(package)
    blocks, revisions = reader.finish()
    return Document(
        path=str(path),
        format="docx",
        blocks=blocks,
        pages=None,
        warnings=tuple(reader.warnings(blocks)),
        revisions=revisions,
        headers=headers,
        footers=footers,
        footnotes=tuple(footnotes),
        properties=properties,
    )


# -- package structure ---------------------------------------------------------------------


def _main_part(package: Package) -> str:
    for relationship in package.relationships(""):
        if (
            relationship.type == "officeDocument"
            and not relationship.external
            and package.has(relationship.target)
        ):
            return relationship.target
    if package.has(MAIN_PART):
        return MAIN_PART
    raise package.fail("is a zip file but not a Word document (no word/document.xml)")


def _related_parts(package: Package, main: str) -> dict[str, list[str]]:
    """Parts related to the main part by type, in natural name order (header2 < header10).

    A package without relationships falls back to the usual names.
    """
    found: dict[str, list[str]] = {
        kind: [] for kind in ("header", "footer", "footnotes", "endnotes")
    }
    relationships = package.relationships(main)
    for relationship in relationships:
        if not relationship.external and package.has(relationship.target):
            found.setdefault(relationship.type, []).append(relationship.target)
    if not relationships:
        for name in package.names:
            match = re.fullmatch(r"word/(header|footer|footnotes|endnotes)\d*\.xml", name)
            if match:
                found[match.group(1)].append(name)
    return {kind: sorted(set(names), key=_natural) for kind, names in found.items()}


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _names_for(root: etree._Element, package: Package, part: str) -> _Names:
    name = etree.QName(root)
    namespace = name.namespace
    if namespace not in (WORDML, WORDML_STRICT) or name.localname != "document":
        raise package.fail(f"{part} is not a WordprocessingML document")
    return _Names(namespace)


def _custom_properties(package: Package) -> dict[str, str]:
    names = [
        relationship.target
        for relationship in package.relationships("")
        if relationship.type == "custom-properties" and not relationship.external
    ] or ["docProps/custom.xml"]
    properties: dict[str, str] = {}
    for name in names:
        if not package.has(name):
            continue
        for element in package.xml(name):
            if not isinstance(element.tag, str) or etree.QName(element).localname != "property":
                continue
            key = element.get("name")
            if key:
                values = [child for child in element if isinstance(child.tag, str)]
                properties[key] = "".join(values[0].itertext()) if values else ""
    return properties


def _distinct(texts: Iterator[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)


class _Names:
    """Qualified tag and attribute names for one WordprocessingML namespace (transitional or
    strict)."""

    def __init__(self, namespace: str) -> None:
        def w(name: str) -> str:
            return f"{{{namespace}}}{name}"

        self.w = w
        self.body, self.p, self.r, self.t = w("body"), w("p"), w("r"), w("t")
        self.tbl, self.tr, self.tc = w("tbl"), w("tr"), w("tc")
        self.sdt, self.sdt_content, self.sdt_pr, self.tag = (
            w("sdt"), w("sdtContent"), w("sdtPr"), w("tag"),
        )  # fmt: skip
        self.custom_xml = w("customXml")
        self.ppr, self.rpr, self.trpr = w("pPr"), w("rPr"), w("trPr")
        self.pstyle, self.numpr, self.ilvl, self.num_id = (
            w("pStyle"), w("numPr"), w("ilvl"), w("numId"),
        )  # fmt: skip
        self.outline = w("outlineLvl")
        self.val, self.author, self.date, self.type = w("val"), w("author"), w("date"), w("type")
        self.ins, self.delete, self.move_from, self.move_to = (
            w("ins"), w("del"), w("moveFrom"), w("moveTo"),
        )  # fmt: skip
        self.vanish = w("vanish")
        self.txbx_content = w("txbxContent")
        self.alternate, self.choice, self.fallback = (
            f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback",
        )  # fmt: skip
        self.alt_chunk = w("altChunk")
        self.footnote, self.endnote = w("footnote"), w("endnote")
        # Characters of a run
        self.characters = {
            w("tab"): "\t",
            w("ptab"): "\t",
            w("br"): "\n",
            w("cr"): "\n",
            w("noBreakHyphen"): "-",
            w("softHyphen"): "",
            w("sym"): "",
        }
        self.texts = {self.t, f"{{{MATH}}}t"}
        self.deleted_texts = (w("delText"), self.t, w("tab"), w("br"), w("cr"), w("noBreakHyphen"))
        # Subtrees that hold no text of the run's (properties, field codes, deleted text)
        self.skip = {
            self.ppr, self.rpr, self.sdt_pr, w("sdtEndPr"), w("instrText"), w("delInstrText"),
            w("delText"), w("fldData"), self.move_from,
        }  # fmt: skip
        self.formatting_changes = tuple(
            w(name)
            for name in (
                "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
                "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
            )
        )  # fmt: skip
        self.cell_changes = (w("cellIns"), w("cellDel"), w("cellMerge"))


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    clause: str | None = None
    row: int | None = None  # set inside a side-by-side table
    column: int | None = None


@dataclass
class _Change:
    kind: str
    author: str
    date: str
    parts: list[str] = field(default_factory=list)


@dataclass
class _Block:
    kind: str
    text: str
    context: _Context
    cells: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    changes: list[_Change] = field(default_factory=list)


class _Sink:
    """Blocks in reading order. Changes that leave no block behind wait for the next block.

    A sink for the cell of a data table sends the nested tables and text boxes it meets
    to ``later``: they are read as blocks after the row.
    """

    def __init__(self, later: _Sink | None = None) -> None:
        self.blocks: list[_Block] = []
        self.orphans: list[_Change] = []
        self.later = later

    def add(self, block: _Block) -> None:
        if self.orphans:
            block.changes[:0] = self.orphans
            self.orphans = []
        self.blocks.append(block)

    def orphan(self, changes: list[_Change]) -> None:
        self.orphans += changes

    def extend(self, other: _Sink) -> None:
        for block in other.blocks:
            self.add(block)
        self.orphan(other.orphans)


@dataclass
class _Carry:
    """A paragraph whose mark was deleted: its text runs on into the next paragraph."""

    kind: str
    text: str
    changes: list[_Change]
    boxes: list[etree._Element]


class _End:
    """Stack marker: the end of an insertion's content."""

    __slots__ = ("change",)

    def __init__(self, change: _Change) -> None:
        self.change = change


class _Reader:
    def __init__(
        self, names: _Names, styles: _Styles, numbering: _Numbering, package: Package
    ) -> None:
        self.n = names
        self.fail = package.fail
        self.skipped: list[str] = []
        self.styles = styles
        self.numbering = numbering
        self.body = _Sink()
        self.other_changes: list[_Change] = []  # in headers, footers and notes
        self.tables = 0
        self.counts = {
            "moved-from passage": 0,
            "moved-to passage": 0,
            "paragraph-mark change": 0,
            "table row change": 0,
            "formatting change": 0,
        }
        self.alt_chunks = 0

    # -- parts ---------------------------------------------------------------------------

    def read_body(self, root: etree._Element) -> None:
        body = _child(root, self.n.body)
        if body is not None:
            self.container(body, _Context(), self.body, 0)
        self.count_changes(root)

    def part_text(self, package: Package, name: str, local_name: str) -> str:
        """A header or footer part as text (its blocks, one per line)."""
        root = package.xml(name)
        if root.tag != self.n.w(local_name):
            self.skipped.append(name)
            return ""
        sink = _Sink()
        self.container(root, _Context(), sink, 0)
        self.count_changes(root)
        return self.sink_text(sink)

    def notes(self, package: Package, name: str, local_name: str) -> list[str]:
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
            sink = _Sink()
            self.container(note, _Context(), sink, 0)
            text = self.sink_text(sink)
            if text:
                texts.append(text)
        self.count_changes(root)
        return texts

    def sink_text(self, sink: _Sink) -> str:
        self.other_changes += [change for block in sink.blocks for change in block.changes]
        self.other_changes += sink.orphans
        return "\n".join(block.text for block in sink.blocks)

    # -- block level ---------------------------------------------------------------------

    def container(self, element: etree._Element, context: _Context, sink: _Sink, depth: int):
        """The block-level content of a body, cell, content control, text box or note."""
        if depth > MAX_NESTING:
            raise self.too_deep()
        n, carry = self.n, None
        for child in element:
            tag = child.tag
            if tag == n.p:
                carry = self.paragraph(child, context, sink, depth, carry)
                continue
            if tag not in (n.tbl, n.sdt, n.custom_xml, n.alternate, n.alt_chunk):
                continue  # bookmarks, proofing marks, section properties
            carry = self.flush(carry, context, sink, depth)
            if tag == n.tbl:  # in a data table's cell: read after the row
                self.table(child, context, sink.later or sink, depth + 1)
            elif tag == n.sdt:
                content = _child(child, n.sdt_content)
                if content is not None:
                    self.container(content, self.sdt_context(child, context), sink, depth + 1)
            elif tag == n.custom_xml:
                self.container(child, context, sink, depth + 1)
            elif tag == n.alternate:
                branch = self.branch(child)
                if branch is not None:
                    self.container(branch, context, sink, depth + 1)
            else:
                self.alt_chunks += 1
        self.flush(carry, context, sink, depth)

    def too_deep(self) -> InputFileError:
        return self.fail(
            f"nests tables, content controls or text boxes more than {MAX_NESTING} levels "
            "deep; refused"
        )

    def sdt_context(self, sdt: etree._Element, context: _Context) -> _Context:
        properties = _child(sdt, self.n.sdt_pr)
        tag = _child(properties, self.n.tag) if properties is not None else None
        value = tag.get(self.n.val, "") if tag is not None else ""
        if value.startswith(CLAUSE_TAG_PREFIX) and len(value) > len(CLAUSE_TAG_PREFIX):
            return replace(context, clause=value[len(CLAUSE_TAG_PREFIX) :])
        return context

    def branch(self, alternate: etree._Element) -> etree._Element | None:
        """The one branch of mc:AlternateContent to read: the first Choice, else Fallback."""
        choice = _child(alternate, self.n.choice)
        return choice if choice is not None else _child(alternate, self.n.fallback)

    def paragraph(self, element, context, sink, depth, carry: _Carry | None) -> _Carry | None:
        properties = _child(element, self.n.ppr)
        text, changes, boxes = self.runs(element)
        mark_deleted = properties is not None and self.mark_deleted(properties)
        kind, label = PARAGRAPH, ""
        if text.strip() or not mark_deleted:  # a wholly deleted paragraph is not numbered
            kind, label = self.classify(properties, text)
        if not text.strip():
            label = ""  # Word shows the number of an empty paragraph; a reader skips it
        text = label + text
        if carry is not None:
            kind = carry.kind if carry.text.strip() else kind
            text, changes, boxes = carry.text + text, carry.changes + changes, carry.boxes + boxes
        if mark_deleted:
            return _Carry(kind, text, changes, boxes)
        self.emit(kind, text, changes, boxes, context, sink, depth)
        return None

    def flush(self, carry: _Carry | None, context, sink, depth) -> None:
        if carry is not None:
            self.emit(carry.kind, carry.text, carry.changes, carry.boxes, context, sink, depth)
        return None

    def emit(self, kind, text, changes, boxes, context, sink: _Sink, depth) -> None:
        text = text.strip()
        if text:
            sink.add(_Block(kind, text, context, row=context.row, changes=changes))
        else:
            sink.orphan(changes)
        target = sink.later or sink
        for box in boxes:
            self.container(box, context, target, depth + 1)

    def mark_deleted(self, properties: etree._Element) -> bool:
        mark = _child(properties, self.n.rpr)
        if mark is None:
            return False
        return _child(mark, self.n.delete) is not None or _child(mark, self.n.move_from) is not None

    def classify(self, properties: etree._Element | None, text: str) -> tuple[str, str]:
        """(kind, label): heading/item/paragraph, and the Word-numbering label to show."""
        n = self.n
        style_id, outline, num_id, level = None, None, None, None
        for child in properties if properties is not None else ():
            tag = child.tag
            if tag == n.pstyle:
                style_id = child.get(n.val)
            elif tag == n.outline:
                outline = _integer(child.get(n.val))
            elif tag == n.numpr:
                num_element, level_element = _child(child, n.num_id), _child(child, n.ilvl)
                num_id = num_element.get(n.val) if num_element is not None else None
                level = _integer(level_element.get(n.val)) if level_element is not None else None
        style = self.styles.get(style_id)
        heading = style.heading or (outline is not None and 0 <= outline <= 8)
        if num_id is None and style.numbering is not None:
            num_id = style.numbering[0]
            level = level if level is not None else style.numbering[1]
        label = None
        if num_id is not None and num_id != "0":
            label = self.numbering.label(num_id, level or 0)
        if heading:
            return HEADING, label or ""
        if label is not None:
            return ITEM, label
        if _LITERAL_LABEL.match(text.lstrip()):
            return ITEM, ""
        return PARAGRAPH, ""

    # -- runs ----------------------------------------------------------------------------

    def runs(self, paragraph: etree._Element) -> tuple[str, list[_Change], list[etree._Element]]:
        """The paragraph's accepted-all text, its insertions and deletions, its text boxes.

        An explicit stack, not recursion: the depth is libxml2's to bound.
        """
        n = self.n
        parts: list[str] = []
        changes: list[_Change] = []
        boxes: list[etree._Element] = []
        inserting: list[_Change] = []
        stack: list = list(reversed(paragraph))
        while stack:
            item = stack.pop()
            if type(item) is _End:
                inserting.remove(item.change)
                continue
            tag = item.tag
            if not isinstance(tag, str) or tag in n.skip:
                continue
            if tag in n.texts:
                value = item.text or ""
            elif tag in n.characters:
                value = n.characters[tag]
            else:
                value = None
            if value is not None:
                parts.append(value)
                for change in inserting:
                    change.parts.append(value)
                continue
            if tag == n.r:
                # run properties come first; hidden text is not read
                if len(item) and item[0].tag == n.rpr and _on(_child(item[0], n.vanish), n.val):
                    continue
            elif tag == n.delete:
                change = self.change("deletion", item)
                change.parts += [
                    n.characters.get(element.tag, element.text or "")
                    for element in item.iter(*n.deleted_texts)
                ]
                changes.append(change)
                continue
            elif tag == n.ins:
                change = self.change("insertion", item)
                changes.append(change)
                inserting.append(change)
                stack.append(_End(change))
            elif tag == n.txbx_content:
                boxes.append(item)
                continue
            elif tag == n.alternate:
                branch = self.branch(item)
                if branch is not None:
                    stack.extend(reversed(branch))
                continue
            stack.extend(reversed(item))
        return "".join(parts), changes, boxes

    def change(self, kind: str, element: etree._Element) -> _Change:
        return _Change(kind, element.get(self.n.author, ""), element.get(self.n.date, ""))

    # -- tables --------------------------------------------------------------------------

    def table(self, table: etree._Element, context: _Context, sink: _Sink, depth: int) -> None:
        if depth > MAX_NESTING:
            raise self.too_deep()
        n = self.n
        rows = [
            (row, row_context, list(self.unwrap(row, row_context, n.tc)))
            for row, row_context in self.unwrap(table, context, n.tr)
        ]
        if _is_side_by_side(self, rows):
            for row_index, (_, _, cells) in enumerate(rows):
                for column, (cell, cell_context) in enumerate(cells):
                    where = replace(cell_context, row=row_index, column=column)
                    self.container(cell, where, sink, depth + 1)
            return
        number = self.tables
        self.tables += 1
        for row_index, (row, row_context, cells) in enumerate(rows):
            later = _Sink()
            texts, changes, clause = [], [], row_context.clause
            for cell, cell_context in cells:
                cell_sink = _Sink(later=later)
                self.container(cell, cell_context, cell_sink, depth + 1)
                texts.append("\n".join(block.text for block in cell_sink.blocks))
                for block in cell_sink.blocks:
                    changes += block.changes
                    clause = clause or block.context.clause
                changes += cell_sink.orphans
            row_properties = _child(row, n.trpr)
            deleted = row_properties is not None and _child(row_properties, n.delete) is not None
            if any(texts) and not deleted:
                sink.add(
                    _Block(
                        TABLE_ROW,
                        CELL_SEPARATOR.join(texts),
                        replace(row_context, clause=clause),
                        cells=tuple(texts),
                        table=number,
                        row=context.row if context.row is not None else row_index,
                        changes=changes,
                    )
                )
            else:
                sink.orphan(changes)
            sink.extend(later)

    def unwrap(self, parent: etree._Element, context: _Context, wanted: str):
        """Children ``wanted`` (rows of a table, cells of a row) through the content controls
        and custom XML that may wrap them, with the clause those controls carry."""
        n = self.n
        stack = [(child, context) for child in reversed(parent)]
        while stack:
            element, where = stack.pop()
            tag = element.tag
            if tag == wanted:
                yield element, where
            elif tag == n.sdt:
                content = _child(element, n.sdt_content)
                if content is not None:
                    inner = self.sdt_context(element, where)
                    stack += [(child, inner) for child in reversed(content)]
            elif tag == n.custom_xml:
                stack += [(child, where) for child in reversed(element)]

    # -- changes -------------------------------------------------------------------------

    def count_changes(self, root: etree._Element) -> None:
        """Count the tracked changes that are not insertions or deletions of text."""
        n = self.n
        counts = self.counts
        formatting = set(n.formatting_changes) | set(n.cell_changes)
        tags = (n.ins, n.delete, n.move_from, n.move_to, *formatting)
        for element in root.iter(*tags):
            tag = element.tag
            parent = element.getparent()
            parent_tag = parent.tag if parent is not None else None
            if tag in formatting:
                counts["formatting change"] += 1
            elif parent_tag == n.rpr:
                counts["paragraph-mark change"] += 1
            elif parent_tag == n.trpr:
                counts["table row change"] += 1
            elif tag == n.move_from:
                counts["moved-from passage"] += 1
            elif tag == n.move_to:
                counts["moved-to passage"] += 1

    def finish(self) -> tuple[tuple[TextBlock, ...], tuple[Revision, ...]]:
        pending = self.body.blocks
        if self.body.orphans and pending:
            pending[-1].changes += self.body.orphans
            self.body.orphans = []
        blocks, revisions = [], []
        for index, block in enumerate(pending):
            blocks.append(
                TextBlock(
                    index=index,
                    kind=block.kind,
                    text=block.text,
                    clause=block.context.clause,
                    cells=block.cells,
                    table=block.table,
                    row=block.row,
                    column=block.context.column,
                )
            )
            revisions += [_revision(change, index) for change in block.changes]
        revisions += [_revision(change, None) for change in self.body.orphans]
        revisions += [_revision(change, None) for change in self.other_changes]
        self.revisions = revisions
        return tuple(blocks), tuple(revisions)

    def warnings(self, blocks: tuple[TextBlock, ...]) -> list[str]:
        warnings = []
        insertions = sum(1 for revision in self.revisions if revision.kind == "insertion")
        deletions = len(self.revisions) - insertions
        counted = [(insertions, "insertion"), (deletions, "deletion")]
        counted += [(count, name) for name, count in self.counts.items()]
        present = [_plural(count, name) for count, name in counted if count]
        if present:
            verb = "is" if len(present) == 1 and present[0].startswith("1 ") else "are"
            warnings.append(f"{_join(present)} {verb} not accepted (tracked changes)")
        if self.alt_chunks:
            warnings.append(f"{_plural(self.alt_chunks, 'embedded document')} (altChunk) not read")
        if self.skipped:
            warnings.append(f"not read (not WordprocessingML): {', '.join(self.skipped)}")
        if not blocks:
            warnings.append("no text in the document body")
        return warnings


def _revision(change: _Change, block: int | None) -> Revision:
    return Revision(change.kind, change.author, change.date, "".join(change.parts), block)


def _plural(count: int, name: str) -> str:
    return f"1 {name}" if count == 1 else f"{count} {name}s"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _is_side_by_side(reader: _Reader, rows) -> bool:
    """Whether a table is a side-by-side layout (a column per language) rather than data.

    Ours: a cell holds a content control tagged ``cpc:…``. Anyone's: at least two columns,
    and in every column most non-empty cells hold prose (``PROSE_WORDS`` words or more),
    which rules out figures, indicators and signature blocks (a signatory's cell has
    ~20 words). A single-row table counts only if its cells are long
    (``SINGLE_ROW_PROSE_WORDS``), so two signatures side by side stay a table row.
    """
    n = reader.n
    width = max((len(cells) for _, _, cells in rows), default=0)
    if width < 2:
        return False
    for _, _, cells in rows:
        for cell, _ in cells:
            for sdt in cell.iterchildren(n.sdt):
                properties = _child(sdt, n.sdt_pr)
                tag = _child(properties, n.tag) if properties is not None else None
                if tag is not None and tag.get(n.val, "").startswith(CLAUSE_TAG_PREFIX):
                    return True
    threshold = PROSE_WORDS if len(rows) >= 2 else SINGLE_ROW_PROSE_WORDS
    filled = [0] * width
    prose = [0] * width
    for _, _, cells in rows:
        for column, (cell, _) in enumerate(cells):
            words = _words(cell, n, threshold)
            if words:
                filled[column] += 1
                prose[column] += words >= threshold
    used = [column for column in range(width) if filled[column]]
    return len(used) >= 2 and all(2 * prose[column] > filled[column] for column in used)


def _words(cell: etree._Element, n: _Names, enough: int) -> int:
    """Words in a cell's text, counting no further than ``enough``."""
    words = 0
    for paragraph in cell.iter(n.p):
        words += len("".join(paragraph.itertext(n.t)).split())
        if words >= enough:
            break
    return words


def _child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child ``tag`` (2.5 times faster than ``element.find(tag)``)."""
    return next(element.iterchildren(tag), None)


def _integer(value: str | None) -> int | None:
    try:
        return int(value) if value is not None and len(value) < 10 else None
    except ValueError:
        return None


def _on(element: etree._Element | None, val: str) -> bool:
    """A toggle property (``<w:vanish/>``, ``w:val="0"``…) that is present and on."""
    return element is not None and element.get(val, "true").lower() not in ("0", "false", "off")


# -- styles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    heading: bool = False
    numbering: tuple[str, int] | None = None  # (numId, ilvl) the style applies


class _Styles:
    """Paragraph styles: which make headings, which carry numbering (through basedOn)."""

    def __init__(self, styles: dict[str, _Style], default: str | None) -> None:
        self.styles = styles
        self.default = default

    def get(self, style_id: str | None) -> _Style:
        style_id = style_id or self.default
        if style_id is None:
            return _Style()
        if style_id in self.styles:
            return self.styles[style_id]
        # no styles part, or a style it does not define: go by the built-in ids
        return _Style(heading=bool(_HEADING_NAME.match(style_id)))

    @classmethod
    def load(cls, package: Package, names: list[str]) -> _Styles:
        name = next((name for name in names if package.has(name)), None)
        if name is None:
            return cls({}, None)
        root = package.xml(name)
        namespace = etree.QName(root).namespace or WORDML
        n = _Names(namespace)
        raw: dict[str, tuple[str, str | None, int | None, tuple[str | None, int | None]]] = {}
        default = None
        for style in root.iter(n.w("style")):
            if style.get(n.type) != "paragraph":
                continue
            style_id = style.get(n.w("styleId"))
            if not style_id:
                continue
            if style.get(n.w("default")) in ("1", "true", "on"):
                default = style_id
            name_element, based = _child(style, n.w("name")), _child(style, n.w("basedOn"))
            properties = _child(style, n.ppr)
            outline, num = None, (None, None)
            if properties is not None:
                outline_element = _child(properties, n.outline)
                if outline_element is not None:
                    outline = _integer(outline_element.get(n.val))
                numbering = _child(properties, n.numpr)
                if numbering is not None:
                    num_element, level_element = (
                        _child(numbering, n.num_id),
                        _child(numbering, n.ilvl),
                    )
                    num = (
                        num_element.get(n.val) if num_element is not None else None,
                        _integer(level_element.get(n.val)) if level_element is not None else None,
                    )
            raw[style_id] = (
                (name_element.get(n.val, "") if name_element is not None else "").strip(),
                based.get(n.val) if based is not None else None,
                outline,
                num,
            )
        del root
        resolved = {}
        for style_id in raw:
            heading, num_id, level = False, None, None
            outline_found = False
            current, seen = style_id, set()
            while current in raw and current not in seen and len(seen) < 32:
                seen.add(current)
                name, based, outline, (own_num, own_level) = raw[current]
                if _HEADING_NAME.match(name):
                    heading = True
                if outline is not None and not outline_found:
                    outline_found = True
                    heading = heading or 0 <= outline <= 8
                if num_id is None and own_num is not None:
                    num_id = own_num
                if level is None and own_level is not None:
                    level = own_level
                current = based
            numbering = (num_id, level or 0) if num_id is not None and num_id != "0" else None
            resolved[style_id] = _Style(heading=heading, numbering=numbering)
        return cls(resolved, default)


# -- numbering -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    format: str = "decimal"
    text: str = ""
    start: int = 1
    suffix: str = "\t"
    legal: bool = False


class _Numbering:
    """Word list numbering, rendered the way Word shows it ("3.", "(b)", "Article 4", "•").

    Counters belong to the abstract list, so lists that share one keep counting; a list
    instance with a start override restarts the levels it overrides when first used.
    """

    def __init__(self, abstract: dict, nums: dict) -> None:
        self.abstract: dict[str, dict[int, _Level]] = abstract
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = nums
        self.counters: dict[str, list[int | None]] = {}
        self.starts: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()

    @classmethod
    def load(cls, package: Package, names: list[str]) -> _Numbering:
        name = next((name for name in names if package.has(name)), None)
        if name is None:
            return cls({}, {})
        root = package.xml(name)
        n = _Names(etree.QName(root).namespace or WORDML)
        abstract = {}
        for element in root.iter(n.w("abstractNum")):
            abstract[element.get(n.w("abstractNumId"), "")] = {
                level: definition
                for level, definition in (
                    _level(child, n) for child in element.iterchildren(n.w("lvl"))
                )
                if level is not None
            }
        nums = {}
        for element in root.iter(n.w("num")):
            abstract_element = _child(element, n.w("abstractNumId"))
            if abstract_element is None:
                continue
            starts, levels = {}, {}
            for override in element.iterchildren(n.w("lvlOverride")):
                level = _integer(override.get(n.w("ilvl")))
                if level is None or not 0 <= level <= 8:
                    continue
                start = _child(override, n.w("startOverride"))
                if start is not None:
                    starts[level] = _integer(start.get(n.val)) or 0
                definition = _child(override, n.w("lvl"))
                if definition is not None:
                    levels[level] = _level(definition, n)[1]
            nums[element.get(n.w("numId"), "")] = (abstract_element.get(n.val, ""), starts, levels)
        return cls(abstract, nums)

    def label(self, num_id: str, level: int) -> str | None:
        """The label for the next paragraph of list ``num_id`` at ``level`` (None: no list)."""
        if num_id not in self.nums or not 0 <= level <= 8:
            return None
        abstract_id, overrides, level_overrides = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **level_overrides}
        definition = levels.get(level)
        if definition is None:
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        starts = self.starts.setdefault(abstract_id, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for overridden, start in overrides.items():
                counters[overridden] = None
                starts[overridden] = start
        start = starts.get(level, definition.start)
        current = counters[level]
        counters[level] = start if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        if definition.format == "bullet":
            # Symbol-font bullets are private-use code points: show them as "•"
            text = "".join(
                "•" if "\ue000" <= char <= "\uf8ff" else char for char in definition.text
            )
            return (text or "•") + definition.suffix

        def number(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index, _Level())
            value = counters[index]
            if value is None:
                value = starts.get(index, other.start)
            style = "decimal" if definition.legal else other.format
            return _format_number(value, style)

        text = re.sub(r"%([1-9])", number, definition.text)
        return text + definition.suffix if text else ""


def _level(element: etree._Element, n: _Names) -> tuple[int | None, _Level]:
    level = _integer(element.get(n.w("ilvl")))
    if level is not None and not 0 <= level <= 8:
        level = None

    def value(name: str) -> str | None:
        child = _child(element, n.w(name))
        return child.get(n.val) if child is not None else None

    suffix = {"space": " ", "nothing": ""}.get(value("suff") or "tab", "\t")
    start = _integer(value("start"))
    return level, _Level(
        format=value("numFmt") or "decimal",
        text=value("lvlText") or "",
        start=start if start is not None else 1,
        suffix=suffix,
        legal=_child(element, n.w("isLgl")) is not None
        and _on(_child(element, n.w("isLgl")), n.val),
    )


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _format_number(value: int, style: str) -> str:
    if style in ("none",):
        return ""
    if style == "decimalZero":
        return f"{value:02d}"
    if style in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for amount, letters in _ROMAN:
            while value >= amount:
                roman += letters
                value -= amount
        return roman.upper() if style == "upperRoman" else roman
    if style in ("lowerLetter", "upperLetter") and 0 < value <= 26 * 30:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    return str(value)
