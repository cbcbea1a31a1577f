"""Pages of positioned words -> blocks in reading order, running lines aside.

The steps, per document: ruled tables take the words inside their cells
(:mod:`.tables`); running headers, footers and page numbers are found across pages and
left out (:mod:`.running`); each page's lines and tables are put in reading order, column
by column (:mod:`.columns`); lines become paragraphs, headings, items and table rows,
line-end hyphens resolved (:mod:`.blocks`, :mod:`.hyphenation`). Rotated and vertical
text, then form fields and annotations, follow each page's content as blocks marked with
their origin (:mod:`.aside`).
"""

from __future__ import annotations

from collections import Counter

from cpc_draft.readers.pdf.aside import aside_blocks
from cpc_draft.readers.pdf.blocks import BlockBuilder, body_size
from cpc_draft.readers.pdf.columns import order_page
from cpc_draft.readers.pdf.geometry import PageInput
from cpc_draft.readers.pdf.running import find_running_lines
from cpc_draft.readers.pdf.tables import fill_tables, is_layout_grid
from cpc_draft.readers.pdf.unruled import unruled_grids


def lay_out(pages: list[PageInput]):
    """Blocks, the running headers and footers found, and each page's characters of body
    text (headers and footers aside: a page of only those is blank)."""
    grids_taken: dict[int, set[int]] = {}
    tables_by_page = {}
    asides: dict[int, list] = {}
    for page in pages:
        if any(word.origin for word in page.words):
            asides[page.number] = [word for word in page.words if word.origin]
            page.words = [word for word in page.words if not word.origin]
        grids = [grid for grid in page.grids if not is_layout_grid(grid, page.words)]
        grids += unruled_grids(page.words, page.grids)
        tables, taken = fill_tables(grids, page.words)
        tables_by_page[page.number] = tables
        grids_taken[page.number] = taken
    drop_by_page, headers, footers = find_running_lines(pages, grids_taken)
    sizes: Counter = Counter()
    builder = BlockBuilder()
    laid_out = []
    body: dict[int, int] = {}  # characters per page, running headers and footers aside
    for page in pages:
        drop = drop_by_page.get(page.number, set())
        skip = grids_taken[page.number] | drop
        words = [word for word in page.words if id(word) not in skip]
        body[page.number] = sum(len(word.text) for word in page.words if id(word) not in drop)
        aside = aside_blocks(asides.get(page.number, []), page.annotations)
        # rotated text alone (a scanner's stamp) does not make a page of text
        body[page.number] += sum(len(text) for origin, text in aside if origin != "rotated")
        for word in words:
            sizes[round(word.size, 1)] += len(word.text)
        entries = order_page(words, tables_by_page.pop(page.number))
        builder.observe(entries)
        laid_out.append((page.number, entries, aside))
        page.words = []  # the entries hold what is still needed
    for number, entries, aside in laid_out:
        builder.add_page(number, entries)
        builder.add_aside(number, aside)
    return builder.finish(body_size(sizes)), headers, footers, body
