"""Paragraph styles: which make headings, which carry list numbering.

A style makes a heading when it, or a style it is based on (``w:basedOn``), is named
"heading N" or "Title" — the built-in names, the same whatever language Word speaks —
or when the nearest outline level in that chain (``w:outlineLvl``) is 0–8. Numbering
(``w:numPr``) is inherited the same way: the nearest numId, the nearest ilvl.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from cpc_draft.readers.docx.wordml import Names, child, integer, numbering_reference, part_names
from cpc_draft.readers.docx.zipsafe import Package

HEADING_NAME = re.compile(r"^(heading\s*\d|title)$", re.IGNORECASE)
# basedOn chains longer than this are cut (Word allows no cycles; a hostile file may)
MAX_INHERITANCE = 32


@dataclass(frozen=True)
class Style:
    heading: bool = False
    numbering: tuple[str, int] | None = None  # (numId, ilvl) the style applies


@dataclass(frozen=True)
class _Definition:
    """One paragraph style as the styles part states it, before inheritance."""

    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    level: int | None


class Styles:
    """Paragraph styles by id, inheritance resolved, and the default paragraph style."""

    def __init__(self, styles: dict[str, Style], default: str | None) -> None:
        self.styles = styles
        self.default = default

    def get(self, style_id: str | None) -> Style:
        style_id = style_id or self.default
        if style_id is None:
            return Style()
        if style_id in self.styles:
            return self.styles[style_id]
        # no styles part, or a style it does not define: go by the built-in ids
        return Style(heading=bool(HEADING_NAME.match(style_id)))

    @classmethod
    def load(cls, package: Package, names: list[str]) -> Styles:
        """The styles of the first of ``names`` the package has (none: built-in ids only)."""
        name = next((name for name in names if package.has(name)), None)
        if name is None:
            return cls({}, None)
        definitions, default = _definitions(package.xml(name))
        resolved = {style_id: _inherit(definitions, style_id) for style_id in definitions}
        return cls(resolved, default)


def _definitions(root: etree._Element) -> tuple[dict[str, _Definition], str | None]:
    """The paragraph styles of a styles part by id, and the id of the default one."""
    n = part_names(root)
    definitions: dict[str, _Definition] = {}
    default = None
    for style in root.iter(n.w("style")):
        if style.get(n.type) != "paragraph":
            continue
        style_id = style.get(n.w("styleId"))
        if not style_id:
            continue
        if style.get(n.w("default")) in ("1", "true", "on"):
            default = style_id
        definitions[style_id] = _definition(style, n)
    return definitions, default


def _definition(style: etree._Element, n: Names) -> _Definition:
    name_element, based = child(style, n.w("name")), child(style, n.w("basedOn"))
    properties = child(style, n.ppr)
    outline, num_id, level = None, None, None
    if properties is not None:
        outline_element = child(properties, n.outline)
        if outline_element is not None:
            outline = integer(outline_element.get(n.val))
        numbering = child(properties, n.numpr)
        if numbering is not None:
            num_id, level = numbering_reference(numbering, n)
    return _Definition(
        name=(name_element.get(n.val, "") if name_element is not None else "").strip(),
        based_on=based.get(n.val) if based is not None else None,
        outline=outline,
        num_id=num_id,
        level=level,
    )


def _inherit(definitions: dict[str, _Definition], style_id: str) -> Style:
    """A style with what it inherits through ``basedOn`` (the nearest value wins)."""
    heading, outline_found = False, False
    num_id, level = None, None
    current, seen = style_id, set()
    while current in definitions and current not in seen and len(seen) < MAX_INHERITANCE:
        seen.add(current)
        definition = definitions[current]
        if HEADING_NAME.match(definition.name):
            heading = True
        if definition.outline is not None and not outline_found:
            outline_found = True
            heading = heading or 0 <= definition.outline <= 8
        if num_id is None and definition.num_id is not None:
            num_id = definition.num_id
        if level is None and definition.level is not None:
            level = definition.level
        current = definition.based_on
    numbering = (num_id, level or 0) if num_id is not None and num_id != "0" else None
    return Style(heading=heading, numbering=numbering)
