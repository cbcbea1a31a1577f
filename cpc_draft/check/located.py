"""Where a status's evidence stands, in words a reviewer can check: the article or
section label the draft gives it ("Clause 2.1 (Objectives)", "Artículo 4", "Who does
what"), the page where the format has pages, and a short quote.

"4 objectives listed" says what was found; "4 objectives listed — Article III
(Objectives), p. 2: “Strengthen the capacity of …”" also says where, so that a reviewer
who disagrees knows what to read. A finding's place is said shorter, as a reviewer looks
it up: "Article 6, page 4" in a PDF (and in a Word file that records Word's page breaks),
"Article 6, line 120" in a text file, "Article 6" in a Word file that records none;
"section “Who does what”" or "paragraph 12" in a draft without numbered articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cpc_draft.model import Document, ElementStatus, Evidence, TextBlock
from cpc_draft.text.articles import Article, split_articles

QUOTE_WORDS = 10
MAX_LABEL_WORDS = 12
MAX_PLACES = 3
PREAMBLE, SIGNATURES = "the preamble", "the signatures"  # how a finding names those parts
_PARAGRAPH_NUMBER = re.compile(r"^\s*(\d{1,3})\.\s")


class Locator:
    """The label of the article each block of a language stream stands in."""

    def __init__(self, blocks: Sequence[TextBlock], language: str | None) -> None:
        self._labels: dict[int, str] = {}
        self._short: dict[int, str] = {}
        articles = split_articles(blocks, language)
        numbered = any(article.number is not None for article in articles)
        for position, article in enumerate(articles):
            # A draft of one undivided text has no section to name (numbers may still be).
            if len(articles) > 1 or article.number is not None:
                short = _short_label(article, position, numbered)
                self._short.update(dict.fromkeys((b.index for b in article.blocks), short))
            # The preamble, the signatures and the document's title are no place to name.
            if article.signatures or (article.number is None and position == 0):
                continue
            label = _shortened(article.label)
            for block in article.blocks:
                self._labels[block.index] = label

    def label(self, block: int, text: str = "") -> str | None:
        """ "Article 4 (Programs)"; in a draft of numbered paragraphs without headings,
        "paragraph 12"; None in a preamble."""
        found = self._labels.get(block)
        if found is None and (number := _PARAGRAPH_NUMBER.match(text)):
            return f"paragraph {number.group(1)}"
        return found

    def section(self, block: int) -> str | None:
        """ "Article 6", "Cláusula 2", "section “Who does what”", "the preamble", "the
        signatures"; None for a block of no article or of another language stream."""
        return self._short.get(block)

    def place(self, evidence: Sequence[Evidence]) -> str:
        """ "Article 3 (Objectives), p. 2" for the evidence's first blocks (up to three
        places), or "" when nothing can be said."""
        places: list[str] = []
        for item in evidence:
            label = self.label(item.block, item.text)
            where = ", ".join(
                part for part in (label, f"p. {item.page}" if item.page else None) if part
            )
            if where and where not in places:
                places.append(where)
            if len(places) == MAX_PLACES:
                break
        return "; ".join(places)

    def located(self, status: ElementStatus) -> ElementStatus:
        """``status`` with its reason saying where its first evidence is, and a quote."""
        if not status.evidence:
            return status
        where = self.place(status.evidence)
        quote = short_quote(status.evidence[0].text)
        tail = f"{where}: “{quote}”" if where else f"“{quote}”"
        return ElementStatus(
            status.key, status.status, f"{status.reason} — {tail}", status.evidence
        )


class Places:
    """Where each block of a document stands, in the words of a finding's location:
    "Article 6, page 4"; "Article 6, line 120" in a text file. Block indices are the
    document's, so one map serves every language stream."""

    def __init__(self, document: Document, streams: dict[str, Sequence[TextBlock]]) -> None:
        self._locators = [Locator(blocks, language) for language, blocks in streams.items()]
        self._blocks = {block.index: block for block in document.blocks}

    def section(self, block: int | None) -> str | None:
        """The article (or section, or numbered paragraph) ``block`` stands in."""
        found = self._block(block)
        if found is None:
            return None
        labels = (locator.section(found.index) for locator in self._locators)
        label = next((label for label in labels if label is not None), None)
        # A draft of numbered paragraphs: "paragraph 12" says more than "the preamble".
        if label in (None, PREAMBLE) and (number := _PARAGRAPH_NUMBER.match(found.text)):
            return f"paragraph {number.group(1)}"
        return label

    def line(self, block: int | None) -> int | None:
        found = self._block(block)
        return found.line if found is not None else None

    def page(self, block: int | None) -> int | None:
        found = self._block(block)
        return found.page if found is not None else None

    def _block(self, block: int | None) -> TextBlock | None:
        return self._blocks.get(block) if block is not None else None

    def of(self, block: int | None, page: int | None = None) -> str:
        """ "Article 6, page 4", "Article 6, line 120", "page 4", or ""."""
        line = self.line(block)
        page = page or self.page(block)
        where = f"page {page}" if page else f"line {line}" if line else None
        return ", ".join(part for part in (self.section(block), where) if part)


def _short_label(article: Article, position: int, numbered: bool) -> str:
    """How a finding names the article: its word and number, else its title. Before the
    first numbered article stand the document's title and the preamble."""
    if article.signatures:
        return SIGNATURES
    if article.number is not None:
        return f"{article.word} {article.number}"
    title = article.title.split(" — ")[0]
    if not title or (position == 0 and numbered):
        return PREAMBLE
    return f"section “{_shortened(title, 8)}”"


def _shortened(label: str, most: int = MAX_LABEL_WORDS) -> str:
    """A label as long as a heading may be, cut to a readable length."""
    words = label.split()
    return label if len(words) <= most else " ".join(words[:most]) + "…"


def short_quote(text: str) -> str:
    """The first words of ``text``, with "…" where it goes on."""
    words = " ".join(text.split()).split(" ")
    quote = " ".join(words[:QUOTE_WORDS])
    return quote + ("…" if len(words) > QUOTE_WORDS else "")
