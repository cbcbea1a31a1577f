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
TODO_MARK = "[TODO:"  # a spec value `init` left to fill in, shown as such in a rough draft


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
        return MISSING_MARK in self.text or TODO_MARK in self.text


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
class PageFurniture:
    """What one language prints on every page: the draft marking and its round, version
    and date in the header (empty in a final text), and "Page {page} of {pages}"."""

    marking: str
    detail: str
    page_of: str


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
    furniture: dict[str, PageFurniture] = field(default_factory=dict)
    advice: tuple[str, ...] = ()  # warnings about the spec a negotiator should see


# -- documents read back from files (readers -> check, compare) ------------------------------

# Kinds of a read block
HEADING = "heading"
TABLE_ROW = "table_row"


@dataclass(frozen=True)
class TextBlock:
    """One block of a document read from a file, in reading order.

    ``kind`` is heading, paragraph, item or table_row; a table row keeps its ``cells``.
    ``page`` is 1-based where the format has pages. ``clause`` is the provenance tag our
    own drafts carry ("objectives@1.0.0"). ``table`` numbers the table a row belongs to
    and ``column`` the side of a side-by-side bilingual table a block was split from.
    ``line`` is the 1-based line a block starts on, where the format has lines (text).
    ``origin`` marks text from outside a PDF page's running text: "rotated" (a stamp,
    a margin note), "vertical" (East Asian columns), "form field", "annotation" (free
    text shown on the page), "comment" (a sticky note's or a highlight's note).
    """

    index: int
    kind: str
    text: str
    page: int | None = None
    language: str | None = None
    clause: str | None = None
    cells: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    origin: str | None = None


@dataclass(frozen=True)
class Revision:
    """An unaccepted tracked change: kind is insertion or deletion."""

    kind: str
    author: str
    date: str
    text: str
    block: int | None


@dataclass(frozen=True)
class Document:
    """What every reader returns and every later command consumes."""

    path: str
    format: str  # pdf, docx, text
    blocks: tuple[TextBlock, ...]
    pages: int | None = None
    languages: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    revisions: tuple[Revision, ...] = ()
    headers: tuple[str, ...] = ()
    footers: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()
    properties: dict[str, str] = field(default_factory=dict)


# -- review results (check) -----------------------------------------------------------------

PRESENT, PARTIAL, MISSING = "present", "partial", "missing"
ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Evidence:
    """Where a fact was found: the block (and page) and the quoted text."""

    block: int
    page: int | None
    text: str


@dataclass(frozen=True)
class ElementStatus:
    key: str  # A..G
    status: str  # present | partial | missing
    reason: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Contribution:
    """``period`` is normalised: "2023" (one year), "2022–2026" (a range), "P4Y" (a
    duration, ISO 8601), "annual" (per year) or "year 1" (a plan table's relative year).
    ``restated``: the amount states again money stated elsewhere (a table's subtotal or
    row total, a yearly figure given in prose and in a table), so sums leave it out."""

    party: str  # US | partner | other | both (a combined total, in Funding.combined)
    amount: str  # exact decimal as a string
    currency: str
    qualifier: str | None
    text: str
    page: int | None
    block: int
    words_amount: str | None = None  # when the text also gives the amount in words
    period: str | None = None
    restated: bool = False


@dataclass(frozen=True)
class Indicator:
    """One outcome indicator as a draft states it.

    ``text`` is the indicator as written (its table cell, or its piece of a sentence);
    ``name`` the same without its label ("1a.", "(iii)"), star and figures. ``baseline``
    and ``targets`` are values only ("64", "35%", "yes"): never a year, never a
    placeholder. ``target_years`` stands beside ``targets`` (None where the draft gives
    no year), in the order of the years; ``placeholders`` holds what the draft wrote where
    a value should be ("to be determined", "à définir"). ``starred``: marked with "*".
    ``final_placeholder``: what the draft wrote where the final target should be ("TBD"
    under the last year, after yearly targets): the final target is not set, whatever the
    years before it say.
    """

    text: str
    unit: str | None
    baseline: str | None
    targets: tuple[str, ...]
    block: int
    page: int | None
    key: bool = False
    name: str = ""
    label: str | None = None
    baseline_year: str | None = None
    target_years: tuple[str | None, ...] = ()
    placeholders: tuple[str, ...] = ()
    starred: bool = False
    final_placeholder: str | None = None

    @property
    def target(self) -> str | None:
        """The final target: the one for the latest year, None where that is not set."""
        return self.targets[-1] if self.targets and not self.final_placeholder else None

    @property
    def target_year(self) -> str | None:
        return self.target_years[-1] if self.target_years and not self.final_placeholder else None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # error | warning | info
    message: str
    element: str | None = None
    page: int | None = None
    block: int | None = None


@dataclass(frozen=True)
class Problem:
    """What a rule found; the review makes it a :class:`Finding` at the rule's configured
    level. ``element`` is A..G where the problem concerns one."""

    message: str
    element: str | None = None
    page: int | None = None
    block: int | None = None

    def finding(self, rule: str, severity: str) -> Finding:
        return Finding(rule, severity, self.message, self.element, self.page, self.block)
