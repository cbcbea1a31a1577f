"""New versions of an assembled draft with known edits, for the `compare` tests.

Each edit works on the WordprocessingML of a .docx the assembler wrote: clauses sit in
content controls tagged ``cpc:<clause>@<version>`` (one per language version), article
headings are runs reading "Article 5" / "Artículo 5". Editing the XML of a real draft
keeps everything else byte for byte, so the only differences are the ones made here.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
ARTICLE = re.compile(r"^(Article|Artículo)\s+(\d+)$")


class Version:
    """The body of one .docx, edited in place and saved as a new file."""

    def __init__(self, source: Path) -> None:
        self.source = source
        with zipfile.ZipFile(source) as package:
            self.root = etree.fromstring(package.read("word/document.xml"))

    def clauses(self, clause: str) -> list[etree._Element]:
        """The clause's content controls, one per language version, in document order."""
        tags = self.root.xpath(
            "//w:sdt[w:sdtPr/w:tag[starts-with(@w:val, $tag)]]", namespaces=NS, tag=f"cpc:{clause}@"
        )
        assert tags, f"no clause {clause} in {self.source}"
        return tags

    def delete(self, clause: str) -> Version:
        for control in self.clauses(clause):
            control.getparent().remove(control)
        return self

    def move(self, clause: str, before: str) -> Version:
        """Put each language's ``clause`` just before the same language's ``before``."""
        for control, anchor in zip(self.clauses(clause), self.clauses(before), strict=True):
            anchor.addprevious(control)
        return self

    def replace(
        self,
        old: str,
        new: str,
        *,
        language: int | None = None,
        times: int = 1,
        limit: int | None = None,
    ) -> Version:
        """Replace ``old`` by ``new`` inside single text runs, in every language version or
        only the ``language``-th; the text must occur exactly ``times`` times there, and
        only the first ``limit`` of them are replaced (all by default)."""
        hits = [
            node
            for version, node in self._texts()
            if (language is None or version == language) and old in (node.text or "")
        ]
        assert len(hits) == times, f"{old!r} is in {len(hits)} runs of {self.source}, not {times}"
        for node in hits[:limit]:
            node.text = node.text.replace(old, new)
        return self

    def keep_language(self, language: int) -> Version:
        """Only the ``language``-th language version (0 = the first): one text of two."""
        body = self.root.find(f"{{{W}}}body")
        version = -1
        for child in list(body):
            tag = child.find(f"{{{W}}}sdtPr/{{{W}}}tag")
            if tag is not None and tag.get(f"{{{W}}}val", "").startswith("cpc:title@"):
                version += 1
            if child.tag != f"{{{W}}}sectPr" and version != language:
                body.remove(child)
        return self

    def _texts(self):
        """(language version, w:t node) in document order; a version starts at its title."""
        version = -1
        for node in self.root.iter(f"{{{W}}}t", f"{{{W}}}tag"):
            if node.tag == f"{{{W}}}tag":
                version += node.get(f"{{{W}}}val", "").startswith("cpc:title@")
            else:
                yield version, node

    def renumber(self, first: int = 1) -> Version:
        """Number each language's articles first, first + 1… in their present order."""
        counters: dict[tuple[int, str], int] = {}
        for version, node in self._texts():
            match = ARTICLE.match((node.text or "").strip())
            if match:
                key = (version, match.group(1))
                counters[key] = counters.get(key, first - 1) + 1
                node.text = f"{match.group(1)} {counters[key]}"
        return self

    def save(self, target: Path) -> Path:
        body = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        with zipfile.ZipFile(self.source) as old, zipfile.ZipFile(target, "w") as new:
            for item in old.infolist():
                data = body if item.filename == "word/document.xml" else old.read(item)
                new.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
        return target
