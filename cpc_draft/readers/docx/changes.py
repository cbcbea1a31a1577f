"""Tracked changes: read as if accepted, and reported.

The text is read with every change accepted (see :mod:`.runs`); each insertion and
deletion of text becomes a :class:`~cpc_draft.model.Revision` (author, date, text, the
block it sits in), and one warning counts them together with the changes that leave the
text alone or cannot be shown as text: moves, paragraph-mark, table-row and formatting
changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from cpc_draft.model import Revision
from cpc_draft.readers.docx.wordml import Names


@dataclass
class Change:
    """An insertion or deletion, its text gathered while its runs are read."""

    kind: str  # insertion or deletion
    author: str
    date: str
    parts: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, kind: str, element: etree._Element, n: Names) -> Change:
        return cls(kind, element.get(n.author, ""), element.get(n.date, ""))

    def revision(self, block: int | None) -> Revision:
        return Revision(self.kind, self.author, self.date, "".join(self.parts), block)


class OtherChanges:
    """The tracked changes that are not insertions or deletions of text, by kind."""

    def __init__(self) -> None:
        self.counts = {
            "moved-from passage": 0,
            "moved-to passage": 0,
            "paragraph-mark change": 0,
            "table row change": 0,
            "formatting change": 0,
        }

    def count(self, root: etree._Element, n: Names) -> None:
        """Add those of one part."""
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

    def warning(self, revisions: tuple[Revision, ...]) -> str | None:
        """One sentence counting every change not accepted, or None when there is none."""
        insertions = sum(1 for revision in revisions if revision.kind == "insertion")
        deletions = len(revisions) - insertions
        counted = [(insertions, "insertion"), (deletions, "deletion")]
        counted += [(count, name) for name, count in self.counts.items()]
        present = [plural(count, name) for count, name in counted if count]
        if not present:
            return None
        verb = "is" if len(present) == 1 and present[0].startswith("1 ") else "are"
        return f"{_join(present)} {verb} not accepted (tracked changes)"


def plural(count: int, name: str) -> str:
    return f"1 {name}" if count == 1 else f"{count} {name}s"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
