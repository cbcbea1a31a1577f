"""How many pages a PDF may have before it is refused, and how to raise the limit.

A draft compact runs to tens of pages; a PDF of thousands is a collection or an attack,
and each page costs time and memory. The command line sets the limit once, before any
reading (``--max-pages``); the sandbox's forked readers inherit it.
"""

from __future__ import annotations

DEFAULT_MAX_PAGES = 2_000
HOW_TO_RAISE = "--max-pages raises it"

_max_pages = DEFAULT_MAX_PAGES


def set_max_pages(count: int | None) -> None:
    """Refuse PDFs of more than ``count`` pages from now on (None: the default)."""
    global _max_pages
    _max_pages = DEFAULT_MAX_PAGES if count is None else count


def max_pages() -> int:
    return _max_pages
