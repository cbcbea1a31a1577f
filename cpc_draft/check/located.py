"""Where a status's evidence stands, in words a reviewer can check: the article or
section label the draft gives it ("Clause 2.1 (Objectives)", "Artículo 4", "Who does
what"), the page where the format has pages, and a short quote.

"4 objectives listed" says what was found; "4 objectives listed — Article III
(Objectives), p. 2: “Strengthen the capacity of …”" also says where, so that a reviewer
who disagrees knows what to read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cpc_draft.model import ElementStatus, Evidence, TextBlock
from cpc_draft.text.articles import split_articles

QUOTE_WORDS = 10
MAX_LABEL_WORDS = 12
MAX_PLACES = 3
_PARAGRAPH_NUMBER = re.compile(r"^\s*(\d{1,3})\.\s")


class Locator:
    """The label of the article each block of a language stream stands in."""

    def __init__(self, blocks: Sequence[TextBlock], language: str | None) -> None:
        self._labels: dict[int, str] = {}
        for position, article in enumerate(split_articles(blocks, language)):
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


def _shortened(label: str) -> str:
    """A label as long as a heading may be, cut to a readable length."""
    words = label.split()
    return label if len(words) <= MAX_LABEL_WORDS else " ".join(words[:MAX_LABEL_WORDS]) + "…"


def short_quote(text: str) -> str:
    """The first words of ``text``, with "…" where it goes on."""
    words = " ".join(text.split()).split(" ")
    quote = " ".join(words[:QUOTE_WORDS])
    return quote + ("…" if len(words) > QUOTE_WORDS else "")
