"""WordprocessingML vocabulary: qualified names and the small readers every part shares.

Word writes the transitional namespace; ISO 29500 "strict" files use another. Each part is
read with the :class:`Names` of its own namespace, built once per part.
"""

from __future__ import annotations

from lxml import etree

from cpc_draft.readers.docx.zipsafe import Package

WORDML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORDML_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"


class Names:
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
        self.br, self.rendered_break = w("br"), w("lastRenderedPageBreak")
        self.page_break_before, self.sect_pr = w("pageBreakBefore"), w("sectPr")
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


def document_names(root: etree._Element, package: Package, part: str) -> Names:
    """The names of the main part's namespace; refuse a part that is not a Word document."""
    name = etree.QName(root)
    namespace = name.namespace
    if namespace not in (WORDML, WORDML_STRICT) or name.localname != "document":
        raise package.fail(f"{part} is not a WordprocessingML document")
    return Names(namespace)


def part_names(root: etree._Element) -> Names:
    """The names of a styles or numbering part (transitional when it declares none)."""
    return Names(etree.QName(root).namespace or WORDML)


def child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child ``tag`` (2.5 times faster than ``element.find(tag)``)."""
    return next(element.iterchildren(tag), None)


def integer(value: str | None) -> int | None:
    try:
        return int(value) if value is not None and len(value) < 10 else None
    except ValueError:
        return None


def on(element: etree._Element | None, val: str) -> bool:
    """A toggle property (``<w:vanish/>``, ``w:val="0"``…) that is present and on."""
    return element is not None and element.get(val, "true").lower() not in ("0", "false", "off")


def numbering_reference(numpr: etree._Element, n: Names) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a ``w:numPr``, each None when absent (or, for ilvl, not a number)."""
    num_element, level_element = child(numpr, n.num_id), child(numpr, n.ilvl)
    return (
        num_element.get(n.val) if num_element is not None else None,
        integer(level_element.get(n.val)) if level_element is not None else None,
    )


def sdt_tag(sdt: etree._Element, n: Names) -> str:
    """The tag of a content control ("" when it has none)."""
    properties = child(sdt, n.sdt_pr)
    tag = child(properties, n.tag) if properties is not None else None
    return tag.get(n.val, "") if tag is not None else ""


def alternate_branch(alternate: etree._Element, n: Names) -> etree._Element | None:
    """The one branch of mc:AlternateContent to read: the first Choice, else Fallback."""
    choice = child(alternate, n.choice)
    return choice if choice is not None else child(alternate, n.fallback)
