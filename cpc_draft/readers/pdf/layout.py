"""Pages of positioned words -> blocks in reading order, running lines aside.

The steps, per document: ruled tables take the words inside their cells
(:mod:`.tables`); running headers, footers and page numbers are found across pages and
left out (:mod:`.running`); each page's lines and tables are put in reading order, column
by column (:mod:`.columns`); lines become paragraphs, headings, items and table rows,
line-end hyphens resolved (:mod:`.blocks`, :mod:`.hyphenation`). Rotated and vertical
text, then form fields and annotations, follow each page's content as blocks marked with
their origin (:mod:`.aside`). Footnotes at the foot of a page are kept apart
(:mod:`.footnotes`).
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from cpc_draft.readers.pdf.aside import aside_blocks
from cpc_draft.readers.pdf.blocks import BlockBuilder, body_size
from cpc_draft.readers.pdf.columns import order_page
from cpc_draft.readers.pdf.footnotes import split_footnotes
from cpc_draft.readers.pdf.geometry import PageInput
from cpc_draft.readers.pdf.running import find_running_lines
from cpc_draft.readers.pdf.tables import fill_tables, is_layout_grid
from cpc_draft.readers.pdf.unruled import unruled_grids


class Layout(NamedTuple):
    blocks: list
    headers: list[str]
    footers: list[str]
    body: dict[int, int]  # characters of body text per page: a page of only furniture is blank
    footnotes: list[str]


def lay_out(pages: list[PageInput]) -> Layout:
    """Blocks, the running headers and footers found, each page's characters of body
    text (headers and footers aside: a page of only those is blank), and the footnotes."""
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
    running: dict[int, list] = {}  # each page's running text: tables and furniture aside
    for page in pages:
        skip = grids_taken[page.number] | drop_by_page.get(page.number, set())
        running[page.number] = [word for word in page.words if id(word) not in skip]
        for word in running[page.number]:
            sizes[round(word.size, 1)] += len(word.text)
    size = body_size(sizes)
    builder = BlockBuilder()
    laid_out = []
    body: dict[int, int] = {}  # characters per page, running headers and footers aside
    footnotes: list[str] = []
    for page in pages:
        drop = drop_by_page.get(page.number, set())
        words, notes = split_footnotes(running.pop(page.number), size)
        footnotes += notes
        body[page.number] = sum(len(word.text) for word in page.words if id(word) not in drop)
        aside = aside_blocks(asides.get(page.number, []), page.annotations)
        # rotated text alone (a scanner's stamp) does not make a page of text
        body[page.number] += sum(len(text) for origin, text in aside if origin != "rotated")
        entries = order_page(words, tables_by_page.pop(page.number))
        builder.observe(entries)
        laid_out.append((page.number, entries, aside))
        page.words = []  # the entries hold what is still needed
    for number, entries, aside in laid_out:
        builder.add_page(number, entries)
        builder.add_aside(number, aside)
    return Layout(builder.finish(size), headers, footers, body, footnotes)
