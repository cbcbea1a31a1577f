"""What a paragraph's properties say: its kind and the label Word numbering gives it.

A paragraph style that makes a heading (see :mod:`.styles`) or an outline level 0–8 on the
paragraph makes a heading; Word numbering (``w:numPr``, direct or from the style) or a
literal label such as "1." or "(a)" makes an item. Word numbering is rendered as the
reader sees it ("3." + tab, see :mod:`.numbering`), so an auto-numbered "Article %1"
reads "Article 3" just like our literal labels.
"""

from __future__ import annotations

import re

from lxml import etree

from cpc_draft.model import HEADING, ITEM, PARAGRAPH
from cpc_draft.readers.docx.numbering import Numbering
from cpc_draft.readers.docx.styles import Styles
from cpc_draft.readers.docx.wordml import Names, child, integer, numbering_reference

_LITERAL_LABEL = re.compile(
    r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?(?:[a-zA-Z]|[ivxIVX]{1,5})\)|[a-zA-Z]\.|[ivxlcIVXLC]{1,6}\."
    r"|[•◦▪‣●·*\-–—])(?:\s|$)"
)


class Classifier:
    """Kinds and labels for the paragraphs of one document, in reading order (list
    numbering counts as it goes)."""

    def __init__(self, names: Names, styles: Styles, numbering: Numbering) -> None:
        self.n = names
        self.styles = styles
        self.numbering = numbering

    def classify(self, properties: etree._Element | None, text: str) -> tuple[str, str]:
        """(kind, label): heading/item/paragraph, and the Word-numbering label to show."""
        n = self.n
        style_id, outline, num_id, level = None, None, None, None
        for element in properties if properties is not None else ():
            tag = element.tag
            if tag == n.pstyle:
                style_id = element.get(n.val)
            elif tag == n.outline:
                outline = integer(element.get(n.val))
            elif tag == n.numpr:
                num_id, level = numbering_reference(element, n)
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


def runs_on(properties: etree._Element, n: Names) -> bool:
    """Whether the paragraph's text runs on into the next paragraph's: its mark is a
    tracked deletion, or it is a drop cap."""
    return mark_deleted(properties, n) or drop_cap(properties, n)


def drop_cap(properties: etree._Element, n: Names) -> bool:
    """Whether the paragraph is a drop cap: Word keeps the large first letter (or word)
    in a frame of its own (``w:framePr w:dropCap``) and sets it beside the next
    paragraph's first lines, which go on with the rest of the word ("D" + "rop")."""
    frame = child(properties, n.w("framePr"))
    return frame is not None and frame.get(n.w("dropCap"), "none") != "none"


def mark_deleted(properties: etree._Element, n: Names) -> bool:
    """Whether the paragraph mark is a tracked deletion (or move away): the paragraph then
    runs on into the next."""
    mark = child(properties, n.rpr)
    if mark is None:
        return False
    return child(mark, n.delete) is not None or child(mark, n.move_from) is not None
