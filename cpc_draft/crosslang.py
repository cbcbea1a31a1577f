"""Figures that differ between the language versions of one draft.

Articles are paired by their number ("Article 8" / "Artículo 8" / "Article 8"); the text
before the first article is paired as the preamble. Within each pair the figures are
compared as digit strings, so "5,000,000", "5.000.000" and "5 000 000" are one figure
and "26 April 2022" / "26 de abril de 2022" agree; amounts in words are not figures.
"""

from __future__ import annotations

import re
from collections import Counter

from cpc_draft.model import HEADING
from cpc_draft.readers.text import ARTICLE_HEADING

_FIGURE = re.compile(r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def figures(text: str) -> list[str]:
    return [re.sub(r"\D", "", match) for match in _FIGURE.findall(text)]


def articles(facts) -> dict[str, tuple[Counter, int | None, int | None]]:
    """Article label -> (figures, first block, page)."""
    found: dict[str, tuple[Counter, int | None, int | None]] = {}
    label, counter, first, page = "preamble", Counter(), None, None
    for block in facts.blocks:
        match = ARTICLE_HEADING.match(block.text) if block.kind == HEADING else None
        if match:
            found[label] = (counter, first, page)
            label, counter, first, page = (
                _number(match.group(2)),
                Counter(),
                block.index,
                block.page,
            )
            continue
        texts = block.cells or (block.text,)
        for text in texts:
            counter.update(figures(text))
        first = block.index if first is None else first
        page = block.page if page is None else page
    found[label] = (counter, first, page)
    return found


def mismatches(facts_by_language: dict):
    languages = list(facts_by_language)
    if len(languages) < 2:
        return
    first = languages[0]
    reference = articles(facts_by_language[first])
    for other in languages[1:]:
        theirs = articles(facts_by_language[other])
        for label in sorted(set(reference) ^ set(theirs), key=_order):
            has = first if label in reference else other
            lacks = other if has == first else first
            _, block, page = (reference if has == first else theirs)[label]
            yield {
                "message": f"article {label} is in the {has} text but not in the {lacks} text",
                "block": block,
                "page": page,
            }
        for label in sorted(set(reference) & set(theirs), key=_order):
            mine, block, page = reference[label]
            other_figures = theirs[label][0]
            if mine != other_figures:
                only_mine = sorted((mine - other_figures).elements())
                only_theirs = sorted((other_figures - mine).elements())
                yield {
                    "message": f"article {label}: figures differ between {first} "
                    f"({', '.join(only_mine) or '—'}) and {other} "
                    f"({', '.join(only_theirs) or '—'})",
                    "block": block,
                    "page": page,
                }


def _number(text: str) -> str:
    text = text.casefold()
    if text.isdigit():
        return str(int(text))
    if text in ("premier", "primero"):
        return "1"
    total, previous = 0, 0
    for char in reversed(text):
        value = _ROMAN.get(char, 0)
        total, previous = (total - value, previous) if value < previous else (total + value, value)
    return str(total)


def _order(label: str):
    return (0, 0) if label == "preamble" else (1, int(label) if label.isdigit() else 0)
