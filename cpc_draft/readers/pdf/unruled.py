"""Tables without rules: rows of figures set in columns with tabs or an invisible grid.

A Word table without borders, or a year-by-year plan typed with tab stops, reaches the
PDF as words in columns and nothing drawn around them::

    Year      United States (USD)      Norland (USD)
    2027                  700,000            400,000
    2028                  750,000            400,000

Read as lines, each row would be a paragraph ("2027 700,000 400,000") and the plan's
columns would be lost. So consecutive lines that break into the same number of pieces at
wide gaps (several times a word space), with each piece's column lining up from line to
line, become a grid of cells, which :mod:`.tables` fills as it fills a ruled table.

Two guards keep text out: every cell is short (a few words, not a column of running
text beside another, as in a two-column page or a side-by-side bilingual draft), and
some column holds figures in most rows (a table of data, not a signature block).
"""

from __future__ import annotations

import itertools
import re
import statistics

from cpc_draft.readers.pdf.geometry import TableGrid, Word, word_rows
from cpc_draft.readers.pdf.tables import center_in

# A gap is wide when it is this many font sizes across and this many times the page's
# usual word space (justified lines stretch theirs); a row of a table has one at least.
# Columns are then where the rows' pieces start, so a cell set off by a single space
# from the next ("Total 2.800.000" in a monospaced font) is still cut where its column is.
GAP_EMS = 0.75
GAP_SPACES = 1.5
MAX_ROW_WORDS = 16
MAX_CELL_WORDS = 8
MIN_ROWS = 2
TEXT_WORDS = 4  # a line's piece of this many words is running text (a column, not a cell)
SIDE_BY_SIDE_LINES = 5
LINE_GAP_EMS = 2.2  # rows further apart than this are not one table
_FIGURE = re.compile(r"\d")


def unruled_grids(words: list[Word], ruled: list[TableGrid]) -> list[TableGrid]:
    """Grids for the tables set in columns without rules, away from the ruled ones."""
    free = [word for word in words if not any(center_in(word, grid.bbox) for grid in ruled)]
    lines = [sorted(row, key=lambda w: w.x0) for row in word_rows(free)]
    space = _word_space(lines)
    if _side_by_side(lines, space):
        return []  # two columns of text: :mod:`.columns` reads them, not this module
    grids: list[TableGrid] = []
    for run in _runs(lines, space):
        for rows in _tables(run, space):
            if len(rows) >= MIN_ROWS and _is_data(rows):
                grids.append(_grid(rows))
    return grids


def _side_by_side(lines: list[list[Word]], space: float) -> bool:
    """A page of two texts side by side (two columns, two languages): many lines with a
    wide gap between runs of text on both sides."""
    beside = 0
    for line in lines:
        starts = _starts(line, space)
        if len(starts) == 2:
            cut = starts[1]
            left = sum(1 for word in line if word.x0 < cut)
            if left >= TEXT_WORDS and len(line) - left >= TEXT_WORDS:
                beside += 1
    return beside >= SIDE_BY_SIDE_LINES


def _word_space(lines: list[list[Word]]) -> float:
    """The page's usual space between two words of a line (gaps under an em; a page of
    nothing but a table has few)."""
    gaps = [
        b.x0 - a.x1
        for line in lines
        for a, b in itertools.pairwise(line)
        if 0 < b.x0 - a.x1 < max(a.size, b.size)
    ]
    return statistics.median(gaps) if gaps else 0.0


def _wide(line: list[Word], space: float) -> float:
    size = statistics.median(word.size for word in line) or 1.0
    return max(GAP_EMS * size, GAP_SPACES * space)


def _starts(line: list[Word], space: float) -> list[float]:
    """Where the line's pieces begin, a piece ending at each wide gap."""
    wide = _wide(line, space)
    return [line[0].x0] + [b.x0 for a, b in itertools.pairwise(line) if b.x0 - a.x1 >= wide]


def _runs(lines: list[list[Word]], space: float) -> list[list[list[Word]]]:
    """Consecutive short lines close together, each with a wide gap: candidate rows."""
    runs: list[list[list[Word]]] = []
    run: list[list[Word]] = []
    for line in lines:
        fits = len(line) <= MAX_ROW_WORDS and len(_starts(line, space)) >= 2
        if fits and run and _close(run[-1], line):
            run.append(line)
            continue
        if len(run) >= MIN_ROWS:
            runs.append(run)
        run = [line] if fits else []
    if len(run) >= MIN_ROWS:
        runs.append(run)
    return runs


def _close(above: list[Word], below: list[Word]) -> bool:
    size = max(word.size for word in below)
    return below[0].top - max(word.bottom for word in above) <= LINE_GAP_EMS * size


def _tables(run: list[list[Word]], space: float) -> list[list[list[list[Word]]]]:
    """The run's rows cut at the columns most rows start pieces at; a row with a word
    across a column ends a table (a header in other columns, a line of text)."""
    size = max(word.size for line in run for word in line)
    columns = _columns([_starts(line, space) for line in run], tolerance=size)
    if len(columns) < 2:
        return []
    tables: list[list[list[list[Word]]]] = [[]]
    for line in run:
        cells = _cut(line, columns, tolerance=size / 2)
        if cells is None or sum(1 for cell in cells if cell) < 2:
            tables.append([])
        else:
            tables[-1].append(cells)
    return [rows for rows in tables if rows]


def _columns(starts: list[list[float]], tolerance: float) -> list[float]:
    """x positions where at least half the rows start a piece, left to right."""
    points = sorted(x for row in starts for x in row)
    clusters: list[list[float]] = []
    for x in points:
        if clusters and x - clusters[-1][-1] <= tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    enough = max(2, (len(starts) + 1) // 2)
    return [min(cluster) for cluster in clusters if len(cluster) >= enough]


def _cut(line: list[Word], columns: list[float], tolerance: float) -> list[list[Word]] | None:
    cells: list[list[Word]] = [[] for _ in columns]
    for word in line:
        if any(word.x0 < x - tolerance < word.x1 - tolerance for x in columns[1:]):
            return None  # the word runs across a column's start
        index = max((i for i, x in enumerate(columns) if word.x0 >= x - tolerance), default=0)
        cells[index].append(word)
    return cells


def _is_data(rows: list[list[list[Word]]]) -> bool:
    """Short cells, and a column after the first that holds figures in most rows."""
    if any(len(cell) > MAX_CELL_WORDS for row in rows for cell in row):
        return False
    for column in range(1, len(rows[0])):
        with_figures = sum(1 for row in rows if any(_FIGURE.search(w.text) for w in row[column]))
        if with_figures * 2 > len(rows):
            return True
    return False


def _grid(rows: list[list[list[Word]]]) -> TableGrid:
    columns = len(rows[0])
    lefts = [min((row[c][0].x0 for row in rows if row[c]), default=0.0) for c in range(columns)]
    rights = [max((row[c][-1].x1 for row in rows if row[c]), default=0.0) for c in range(columns)]
    cuts = [lefts[0] - 1.0]
    cuts += [lefts[c + 1] - 0.5 for c in range(columns - 1)]
    cuts.append(max(rights) + 1.0)
    tops = [min(w.top for cell in row for w in cell) for row in rows]
    bottoms = [max(w.bottom for cell in row for w in cell) for row in rows]
    edges = [tops[0] - 1.0]
    edges += [(bottoms[r] + tops[r + 1]) / 2 for r in range(len(rows) - 1)]
    edges.append(bottoms[-1] + 1.0)
    boxes = [
        [(cuts[c], edges[r], cuts[c + 1], edges[r + 1]) for c in range(columns)]
        for r in range(len(rows))
    ]
    return TableGrid((cuts[0], edges[0], cuts[-1], edges[-1]), boxes)
