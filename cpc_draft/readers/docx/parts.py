"""Which parts of a package hold what: relationships, the main part and its companions.

A Word package names its parts through relationships (``_rels/*.rels``): the package's
own say which part is the document and which the custom properties, the document's say
which are its styles, numbering, headers, footers and notes. A package made by hand may
have none; then the usual part names are used.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from lxml import etree

from cpc_draft.readers.docx.zipsafe import Package

RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_PART = "word/document.xml"
CUSTOM_PROPERTIES = "docProps/custom.xml"
# The parts read apart from the body, listed even when the package has none of them
APART_FROM_BODY = ("header", "footer", "footnotes", "endnotes")
_APART_PART_NAME = re.compile(r"word/(header|footer|footnotes|endnotes)\d*\.xml")


@dataclass(frozen=True)
class Relationship:
    type: str  # the last segment of the type URI: "officeDocument", "header", "styles"
    target: str  # the part name inside the zip ("word/header1.xml"), or the URL if external
    external: bool


def relationships(package: Package, source: str) -> list[Relationship]:
    """The relationships of part ``source`` ("" for the package itself)."""
    folder, base = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    if not package.has(rels_name):
        return []
    root = package.xml(rels_name)
    found = []
    for element in root.iter(f"{{{RELATIONSHIPS}}}Relationship"):
        kind = element.get("Type", "").rsplit("/", 1)[-1]
        target = element.get("Target", "")
        external = element.get("TargetMode", "") == "External"
        if not external:
            target = _resolve(folder, target)
        found.append(Relationship(kind, target, external))
    return found


def main_part(package: Package) -> str:
    """The name of the document part; refuse a zip that has none."""
    for relationship in relationships(package, ""):
        if (
            relationship.type == "officeDocument"
            and not relationship.external
            and package.has(relationship.target)
        ):
            return relationship.target
    if package.has(MAIN_PART):
        return MAIN_PART
    raise package.fail("is a zip file but not a Word document (no word/document.xml)")


def related_parts(package: Package, main: str) -> dict[str, list[str]]:
    """Parts related to the main part by type, in natural name order (header2 < header10).

    A package without relationships falls back to the usual names.
    """
    found: dict[str, list[str]] = {kind: [] for kind in APART_FROM_BODY}
    related = relationships(package, main)
    for relationship in related:
        if not relationship.external and package.has(relationship.target):
            found.setdefault(relationship.type, []).append(relationship.target)
    if not related:
        for name in package.names:
            match = _APART_PART_NAME.fullmatch(name)
            if match:
                found[match.group(1)].append(name)
    return {kind: sorted(set(names), key=_natural) for kind, names in found.items()}


def custom_properties(package: Package) -> dict[str, str]:
    """The custom document properties (name -> text of the value)."""
    names = [
        relationship.target
        for relationship in relationships(package, "")
        if relationship.type == "custom-properties" and not relationship.external
    ] or [CUSTOM_PROPERTIES]
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


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _resolve(folder: str, target: str) -> str:
    """A relationship target (relative to the source part's folder, or absolute) as a
    part name."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    joined = posixpath.normpath(posixpath.join(folder, target))
    return joined.lstrip("/") if joined != "." else ""
