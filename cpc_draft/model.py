"""Frozen data shared by every layer: what a draft is made of.

An assembled draft is a list of :class:`Section` (one per clause), each holding the
clause's text in every language as :class:`Block` values. Writers (.docx, .md) only
read these; nothing here knows about Jinja, Word or YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Block kinds
TITLE = "title"
PARAGRAPH = "paragraph"
ITEM = "item"
TABLE = "table"
SIGNATURES = "signatures"

MISSING_MARK = "[MISSING:"


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of text.

    ``label`` is the list label ("1.", "(a)", "•") of an item. A table's ``rows`` start
    with the header row; ``total_rows`` counts the rows at the end that are totals.
    """

    kind: str
    text: str = ""
    label: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    total_rows: int = 0

    @property
    def is_missing(self) -> bool:
        return MISSING_MARK in self.text


@dataclass(frozen=True)
class Signatory:
    """One signature block: 'FOR THE GOVERNMENT OF …:', then name and title."""

    heading: str
    name: str
    title: str
    name_label: str
    title_label: str


@dataclass(frozen=True)
class ClauseText:
    """A clause rendered in one language: ``label`` "Article 3", ``heading`` "Objectives"."""

    language: str
    label: str
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Section:
    """One clause in every language of the draft; ``number`` is set for articles."""

    clause_id: str
    version: str
    kind: str
    number: int | None
    texts: dict[str, ClauseText]
    signatories: dict[str, tuple[Signatory, ...]] = field(default_factory=dict)

    @property
    def tag(self) -> str:
        """Provenance tag stored in the .docx content control: ``cpc:objectives@1.0.0``."""
        return f"cpc:{self.clause_id}@{self.version}"


@dataclass(frozen=True)
class Draft:
    """A whole assembled compact.

    ``languages`` is in the order of the alternat: the language of the government whose
    original this is comes first.
    """

    languages: tuple[str, ...]
    sections: tuple[Section, ...]
    original: str
    layout: str
    title: dict[str, str]
    properties: dict[str, str]
    missing: dict[str, str]
