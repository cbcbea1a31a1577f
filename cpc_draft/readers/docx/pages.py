"""Pages of a Word body, from the page breaks the file records.

A .docx has no fixed pages, but Word marks where its last layout broke a page
(``w:lastRenderedPageBreak``), and a file may hold explicit breaks: ``w:br w:type="page"``,
``w:pageBreakBefore`` on a paragraph, and a section break that starts a new page (a
``w:sectPr`` in a paragraph's properties whose type is nextPage, evenPage or oddPage, or
absent, which means nextPage). A block's page is 1 + the breaks counted before its first
text. Word writes a rendered break right after each explicit one; a rendered break with no
text since the last explicit break is that same break and is not counted again. Breaks in
text boxes are not counted (a box does not flow from page to page); in a table row each
cell starts from the row's page and the row ends on the furthest page a cell reaches.

Only a file Word laid out has pages: one that records no rendered break (written by
python-docx or LibreOffice, or a single page) has none, even with explicit breaks. Those
alone would be false: our own sequential draft has one explicit break, between its
languages, yet LibreOffice sets it on 16 pages; "page 1" for its Article 6 would send a
reviewer to the wrong page. Explicit breaks beside rendered ones are those added since
Word's last layout.
"""

from __future__ import annotations

from lxml import etree

from cpc_draft.readers.docx.wordml import Names, child, on

_NEW_PAGE_SECTIONS = {"nextPage", "evenPage", "oddPage"}


class PageBreaks:
    """The page breaks met so far in the body, in document order."""

    def __init__(self) -> None:
        self.count = 0  # breaks counted so far
        self.seen = False  # any rendered break in the body: Word laid it out
        self.counting = False  # only in the body, and not in text boxes
        self.pending = False  # an explicit break with no text after it yet
        self.start: int | None = None  # the count at the first text of the current block
        self.waiting = True  # text would change ``pending`` or ``start``

    def explicit(self) -> None:
        if self.counting:
            self.count += 1
            self.pending = self.waiting = True

    def rendered(self) -> None:
        if not self.counting:
            return
        self.seen = True
        if self.pending:  # Word's mark of the explicit break just counted
            self.pending = False
            return
        self.count += 1

    def text(self) -> None:
        """Text was read: the current block starts here, and later breaks are new ones."""
        if self.start is None:
            self.start = self.count
        self.pending = self.waiting = False

    def take_start(self) -> int:
        """The count at the first text of the block just read; the next block starts anew."""
        start = self.start if self.start is not None else self.count
        self.start = None
        self.waiting = True
        return start

    def pause(self) -> tuple[bool, bool]:
        """Stop counting while a text box is read; what :meth:`resume` needs after it."""
        saved = self.counting, self.pending
        self.counting = False
        return saved

    def resume(self, saved: tuple[bool, bool]) -> None:
        """Count again after a text box, as if its text had not been read."""
        self.counting, self.pending = saved
        self.waiting = True

    def paragraph_before(self, properties: etree._Element | None, n: Names) -> None:
        """A paragraph set to start a page."""
        if properties is not None and on(child(properties, n.page_break_before), n.val):
            self.explicit()

    def paragraph_after(self, properties: etree._Element | None, n: Names) -> None:
        """A paragraph that ends a section starting a new page."""
        section = child(properties, n.sect_pr) if properties is not None else None
        if section is None:
            return
        kind = child(section, n.type)
        if kind is None or kind.get(n.val, "nextPage") in _NEW_PAGE_SECTIONS:
            self.explicit()

    def page(self, breaks: int) -> int | None:
        """The 1-based page after ``breaks`` breaks, or None when Word did not lay the file
        out."""
        return breaks + 1 if self.seen else None


class RowPages:
    """The cells of a table row side by side: each starts on the row's page."""

    def __init__(self, pages: PageBreaks) -> None:
        self.pages = pages
        self.begin = self.furthest = pages.count

    def next_cell(self) -> None:
        self.furthest = max(self.furthest, self.pages.count)
        self.pages.count = self.begin

    def close(self) -> None:
        self.next_cell()
        self.pages.count = self.furthest
