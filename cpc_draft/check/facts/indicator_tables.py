"""Indicators in tables: results frameworks, logframe matrices, annexes of targets.

A table is an indicator table when its header names an indicator, baseline or target
column. Its columns are told apart by their headers: the indicator's name ("Indicator",
else the first column of words), its unit, the baseline ("Baseline (2025)", "Línea de
base", "Référence 2025"), the targets ("Target 2027", "Meta 2029", "Cible", or a bare
year "2026" after the baseline), a "Key" column; others (outcome, output, means of
verification) are left alone. Each row is one indicator, except a row that gives the
money of a line of action with its value columns empty.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import NamedTuple

from cpc_draft.check.facts.indicator_values import YEAR, read_cell
from cpc_draft.model import TABLE_ROW, Indicator, TextBlock
from cpc_draft.text.cues import cue, has

_YEAR = re.compile(YEAR)
_FISCAL_YEAR = re.compile(rf"(?<![^\W\d_])(?:FY|AF|EF)\s?(?:{YEAR}|\d{{2}})(?!\d)")
_BARE_YEAR = re.compile(rf"^\W*(?:FY|AF|year|año|année)?\s*({YEAR})\W*$", re.IGNORECASE)
# "1", "1*", "1a.", "(iii)", "N°": a row's number, not its name.
_NUMBER_CELL = re.compile(r"^\(?(?:\d{1,2}[a-z]?|[ivx]{1,5})[.)]?\*?$|^\W*$", re.IGNORECASE)
_LEADING_LABEL = re.compile(r"^\(?(\d{1,2}[a-z]?|[ivx]{1,5})[.)]\s+", re.IGNORECASE)
_STAR = re.compile(r"\s*(\(\*\)|\*+)\s*")
_TRAILING_UNIT = re.compile(r"\s*\(([^()]{1,40})\)\s*$")


class Columns(NamedTuple):
    name: int
    number: int | None
    unit: int | None
    baseline: int | None
    targets: tuple[tuple[int, str | None], ...]  # (column, year or None)
    key: int | None
    baseline_year: str | None


def table_indicators(
    blocks, language: str, baseline_year: str | None, first_year: int | None = None
) -> list[Indicator]:
    tables: dict[int, list[TextBlock]] = {}
    for block in blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    found: list[Indicator] = []
    for rows in tables.values():
        for start in range(min(2, len(rows))):  # a title row may stand above the header
            header, body = _header(rows[start:])
            columns = _columns(header, language, baseline_year, first_year)
            if columns is not None:
                break
        else:
            continue
        repeated = {_shape(row.cells) for row in rows[start : len(rows) - len(body)]}
        body = [row for row in body if _shape(row.cells) not in repeated]
        found += [
            indicator
            for row in _joined(body, columns.name)
            if (indicator := _row(row, columns, language)) is not None
        ]
    return found


def _shape(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A row's cells as compared with a header row: a table continued on a new page
    repeats its header there, between a row and the rest of its wrapped name."""
    return tuple(" ".join(cell.split()).casefold() for cell in cells)


def _joined(rows: list[TextBlock], name: int) -> list[TextBlock]:
    """The rows, a row holding text in the name column only joined to the row above: a
    name wrapped onto a line of its own (a text table, a PDF) continues its indicator."""
    out: list[TextBlock] = []
    for row in rows:
        filled = [i for i, cell in enumerate(row.cells) if cell.strip()]
        if out and filled == [name] and name < len(out[-1].cells):
            cells = list(out[-1].cells)
            cells[name] = f"{cells[name]} {row.cells[name].strip()}".strip()
            out[-1] = dataclasses.replace(out[-1], cells=tuple(cells))
        else:
            out.append(row)
    return out


class Header(NamedTuple):
    cells: tuple[str, ...]  # each column's header, its group heading before its own words
    groups: dict[int, tuple[str, str]]  # column -> (merged heading over it, its own heading)


def _header(rows: list[TextBlock]) -> tuple[Header, list[TextBlock]]:
    """The header row, with the rows that continue it: a PDF may cut a header cell over
    two lines ("Baselin" | "e", "Target" | "2028"), the first two cells left empty; a
    merged cell ("Targets", "Metas anuales") may head a second row of years."""
    header, at = list(rows[0].cells), 1
    groups: dict[int, tuple[str, str]] = {}
    while at < len(rows) and _continues_header(rows[at].cells, len(header)):
        below = rows[at].cells
        spans = _spanned(header, below)
        for i, group in spans.items():
            groups[i] = (group, below[i].strip())
        for i, more in enumerate(below[: len(header)]):
            glue = "" if header[i][-1:].isalpha() and more[:1].islower() else " "
            header[i] = f"{header[i]}{glue}{more}".strip() if more else header[i]
        for i, above in spans.items():
            if not header[i].startswith(above):
                header[i] = f"{above} {header[i]}"
        at += 1
    return Header(tuple(header), groups), rows[at:]


def _spanned(header: list[str], below: tuple[str, ...]) -> dict[int, str]:
    """The group heading over each column a merged header cell spans, its first column
    too: "Target" over "Year 2 (2028) | Year 4 (2030)" leaves the second column's own
    header empty, and its sub-heading alone ("Year 4 (2030)") would not say it holds
    targets."""
    spans: dict[int, str] = {}
    group: str | None = None
    for i, cell in enumerate(header):
        filled_below = i < len(below) and bool(below[i].strip())
        if cell.strip():
            group = cell.strip() if filled_below else None
            if group is not None:
                spans[i] = group
        elif group is not None and filled_below:
            spans[i] = group
        else:
            group = None
    return spans


def _continues_header(cells: tuple[str, ...], width: int) -> bool:
    filled = [c for c in cells if c.strip()]
    return (
        len(cells) <= width
        and len(cells) > 2
        and not any(c.strip() for c in cells[:2])
        and (bool(filled) and all(len(c) <= 20 for c in filled))
    )


def _columns(
    heads: Header, language: str, baseline_year: str | None, first_year: int | None = None
):
    """The header's columns, or None when this is not an indicator table; ``first_year``:
    the term's, from which "Year 1", "Año 2" count."""
    header = heads.cells

    def _is_key(cell: str) -> bool:
        return has("key_column", language, cell)

    key = _first(header, _is_key)
    named = _first(header, lambda c: has("indicator_word", language, c) and not _is_key(c))
    baseline = _first(header, lambda cell: _values_column("baseline", language, cell))
    targets = []
    grouped = False
    for i, cell in enumerate(header):
        if i in (key, named, baseline):
            continue
        year = _YEAR.search(cell)
        under = _under_targets(heads.groups.get(i), language)
        if _values_column("target", language, cell):
            targets.append((i, year.group() if year else None))
        elif under is not None:
            targets.append((i, under or None))  # "Metas anuales" over "2026 | 2027 | …"
            grouped = True
        elif _BARE_YEAR.match(cell) and i > (baseline if baseline is not None else 0):
            targets.append((i, _BARE_YEAR.match(cell).group(1)))
        elif baseline is not None and i > baseline and _term_year(cell, language):
            # "Y1 | Y2 | Y3": a target for each year of the term, dated where it is known
            targets.append((i, _of_term(cell, language, first_year)))
    said = grouped or any(_values_column("target", language, cell) for cell in header)
    if named is None and baseline is None and not said:
        return None  # year columns alone: a financial plan
    if baseline is None and targets and targets[0][1] == baseline_year and len(targets) > 1:
        baseline, targets = targets[0][0], targets[1:]  # "2025 | 2026 | …" from 2025
    in_header = _YEAR.search(header[baseline]) if baseline is not None else None
    return Columns(
        name=named if named is not None else _first_words(header, {baseline, key}),
        number=0 if named not in (None, 0) else None,
        unit=_first(header, lambda cell: has("unit_column", language, cell)),
        baseline=baseline,
        targets=tuple(targets),
        key=key,
        baseline_year=in_header.group() if in_header else baseline_year,
    )


def _under_targets(group: tuple[str, str] | None, language: str) -> str | None:
    """The year of a column headed by a period ("2027", "FY2027", "Año 2") under a merged
    heading of targets ("Metas anuales", "Cibles par année", "Targets"): "" for a year of
    the term, None when the column is no such target column."""
    if group is None:
        return None
    heading, own = group
    if not has("target", language, heading) or has("baseline", language, heading):
        return None
    from cpc_draft.nlp.periods import label_period

    period = label_period(own, language)
    if period is None:
        return None
    return period if _YEAR.fullmatch(period) else ""


def _term_year(cell: str, language: str) -> bool:
    """ "Year 1", "Y2", "Año 3": a year of the term, counted from its start."""
    from cpc_draft.nlp.periods import label_period

    return (label_period(cell, language) or "").startswith("year ")


def _of_term(cell: str, language: str, first_year: int | None) -> str | None:
    """The calendar year of a "Year N" column, counted from the term's first year."""
    from cpc_draft.nlp.periods import label_period

    counted = re.fullmatch(r"year (\d+)", label_period(cell, language) or "")
    if counted is None or first_year is None:
        return None
    return str(first_year + int(counted.group(1)) - 1)


def _values_column(group: str, language: str, header: str) -> bool:
    """ "Target 2027", "Final target", "Meta año 1", "Baseline (2025)": the cue and only
    years, numbers and qualifiers; "Target group" or "Baseline source" hold no values."""
    found = cue(group, language).search(header)
    if found is None:
        return False
    rest = _qualifiers(language).sub(" ", header[: found.start()] + " " + header[found.end() :])
    rest = _FISCAL_YEAR.sub(" ", rest)  # "FY2027 Target", "Baseline (FY2025)": a year
    return not re.search(r"[^\W\d_]", rest)


@cache
def _qualifiers(language: str) -> re.Pattern:
    return cue("value_qualifier", language)


def _first(header, test) -> int | None:
    return next((i for i, cell in enumerate(header) if test(cell)), None)


def _first_words(header, taken) -> int:
    """The first column that is not a row number: the indicator's name, unheaded."""
    words = (i for i, c in enumerate(header) if i not in taken and not _NUMBER_CELL.match(c))
    return next(words, 0)


def _row(row: TextBlock, columns: Columns, language: str) -> Indicator | None:
    cells = row.cells

    def cell(index: int | None) -> str:
        return cells[index].strip() if index is not None and index < len(cells) else ""

    written = cell(columns.name)
    if not written:
        return None
    baseline = read_cell(cell(columns.baseline), language) if columns.baseline is not None else None
    readings = [(read_cell(cell(i), language), year) for i, year in columns.targets]
    values = [cell(columns.baseline), *(cell(i) for i, _ in columns.targets)]
    if not any(values) and _budget_line(cells[: columns.name + 1], language):
        return None
    targets = [(c.year or year, c.value) for c, year in readings if c.value is not None]
    placeholders = [c.placeholder for c, _ in readings if c.placeholder]
    if baseline is not None and baseline.placeholder:
        placeholders.insert(0, baseline.placeholder)
    name, label, starred = _name(written, cell(columns.number))
    unit = cell(columns.unit) or _unit(name)
    key = starred or _is_yes(cell(columns.key), language)
    return Indicator(
        written,
        unit or None,
        baseline.value if baseline else None,
        tuple(value for _, value in targets),
        row.index,
        row.page,
        key,
        name=name,
        label=label,
        baseline_year=(baseline.year if baseline else None) or columns.baseline_year,
        target_years=tuple(year for year, _ in targets),
        placeholders=tuple(placeholders),
        starred=starred,
        final_placeholder=_final_placeholder(readings),
    )


def _budget_line(cells: tuple[str, ...], language: str) -> bool:
    """A row of a results table that gives a line of action's money, its value columns
    empty: "Budget de l'axe 1 | États-Unis : 800 000 USD ; …", "Funding | to be raised"."""
    from cpc_draft.nlp.money import find_money

    text = " ; ".join(cells)
    return has("budget_row", language, text) or bool(find_money(cells[-1], language))


def _final_placeholder(readings) -> str | None:
    """What the column of the final target holds where it holds no value ("TBD", "por
    definir"): that column is the one of the latest year, else the last one."""
    if not readings:
        return None
    years = [c.year or year for c, year in readings]
    final = readings[-1]
    if all(years):
        final = max(zip(years, range(len(readings)), readings, strict=True))[2]
    cell = final[0]
    return cell.placeholder if cell.value is None else None


def _name(written: str, number: str) -> tuple[str, str | None, bool]:
    """The indicator's name without its number and star; its label ("1", "2a"); starred."""
    starred = "*" in written or "*" in number
    name = _STAR.sub(" ", written).strip()
    label = number.strip(" .*()") if _NUMBER_CELL.match(number) else None
    leading = _LEADING_LABEL.match(name)
    if leading:
        label, name = leading.group(1), name[leading.end() :]
    return name, label, starred


def _unit(name: str) -> str | None:
    """ "Convictions (number per year)" -> "number per year"."""
    found = _TRAILING_UNIT.search(name)
    return found.group(1) if found else None


def _is_yes(text: str, language: str) -> bool:
    return bool(text) and (has("yes", language, text) or text.strip() in {"x", "X", "✓", "✔"})
