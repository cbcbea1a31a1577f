"""The text of a paragraph's runs, with every tracked change accepted.

``w:ins`` and ``w:moveTo`` are read, ``w:del`` and ``w:moveFrom`` are not; each insertion
and deletion is kept as a :class:`~.changes.Change` with its text. ``w:tab`` -> tab,
``w:br``/``w:cr`` -> newline, ``w:noBreakHyphen`` -> "-"; soft hyphens, symbols
(``w:sym``), field codes and hidden (``w:vanish``) runs are dropped; hyperlinks, smart
tags, simple fields and field results are read. Text boxes are not read here: they are
handed back, to be read as blocks after the paragraph that anchors them (only the first
choice of ``mc:AlternateContent``, so a box with a DrawingML and a VML copy is read once).
"""

from __future__ import annotations

from lxml import etree

from cpc_draft.readers.docx.budget import Budget
from cpc_draft.readers.docx.changes import Change
from cpc_draft.readers.docx.pages import PageBreaks
from cpc_draft.readers.docx.wordml import Names, alternate_branch, child, on


class _End:
    """Stack marker: the end of an insertion's content."""

    __slots__ = ("change",)

    def __init__(self, change: Change) -> None:
        self.change = change


def read_runs(
    paragraph: etree._Element, n: Names, budget: Budget, pages: PageBreaks
) -> tuple[str, list[Change], list[etree._Element]]:
    """The paragraph's accepted-all text, its insertions and deletions, its text boxes;
    the page breaks it holds go to ``pages``.

    An explicit stack, not recursion: the depth is libxml2's to bound. Every character
    is charged to ``budget`` once for the text and once per insertion that keeps it.
    """
    parts: list[str] = []
    changes: list[Change] = []
    boxes: list[etree._Element] = []
    inserting: list[Change] = []
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
            if value and pages.waiting:
                pages.text()
        elif tag in n.characters:
            value = n.characters[tag]
            if tag == n.br and item.get(n.type) == "page":
                pages.explicit()
        else:
            value = None
        if value is not None:
            budget.charge(len(value) * (1 + len(inserting)))
            parts.append(value)
            for change in inserting:
                change.parts.append(value)
            continue
        if tag == n.r:
            # run properties come first; hidden text is not read
            if len(item) and item[0].tag == n.rpr and on(child(item[0], n.vanish), n.val):
                continue
        elif tag == n.delete:
            changes.append(_deletion(item, n, budget))
            continue
        elif tag == n.ins:
            budget.enter_insertion(len(inserting) + 1)
            change = Change.of("insertion", item, n)
            changes.append(change)
            inserting.append(change)
            stack.append(_End(change))
        elif tag == n.rendered_break:
            pages.rendered()
            continue
        elif tag == n.txbx_content:
            boxes.append(item)
            continue
        elif tag == n.alternate:
            branch = alternate_branch(item, n)
            if branch is not None:
                stack.extend(reversed(branch))
            continue
        stack.extend(reversed(item))
    return "".join(parts), changes, boxes


def _deletion(element: etree._Element, n: Names, budget: Budget) -> Change:
    change = Change.of("deletion", element, n)
    for deleted in element.iter(*n.deleted_texts):
        value = n.characters.get(deleted.tag, deleted.text or "")
        budget.charge(len(value))
        change.parts.append(value)
    return change
