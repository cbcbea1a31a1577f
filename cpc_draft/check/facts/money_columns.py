"""What a money table says of its columns as a whole, beyond each header: the unit its
caption or note gives all figures ("(cifras en miles)", "USD '000"), the number
convention its figures show ("3,000,000" makes "400,000" four hundred thousand even in
a Spanish draft), and the currency of year columns that a total column adds up ("| 2026
| 2027 | Total Gobierno (RD$) |": the years are in RD$ too).

Columns are money_tables' ``_Column`` tuples (``note``, ``period``, ``total``, ``amounts``);
this module reads them and returns new ones. Two more things come from the header and
body as a whole: the year each column's own header cell names under a cell merged over
several ("Planned allocation (thousands)" over "2027", "2028"), and which columns hold
labels only, whatever their header says ("Source of funding" over "United States (USD)").
"""

from __future__ import annotations

import re
from decimal import Decimal

from cpc_draft.model import TextBlock
from cpc_draft.nlp.currencies import CurrencyNote, stated_unit
from cpc_draft.nlp.numbers import parse_figures

# Figures that show their decimal mark: grouped twice or more, or grouped and with cents
_GROUPED = {
    ".": re.compile(r"(?<![\d.,])\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|(?:,\d{3})+\.\d+)(?![\d,])"),
    ",": re.compile(r"(?<![\d.,])\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|(?:\.\d{3})+,\d+)(?![\d.])"),
}


def table_unit(texts: list[str], language: str) -> Decimal:
    """The one unit the caption, note or header cells of a table give its figures."""
    units = {stated_unit(text, language) for text in texts if text}
    units.discard(Decimal(1))
    return units.pop() if len(units) == 1 else Decimal(1)


def with_unit(note: CurrencyNote | None, unit: Decimal) -> CurrencyNote | None:
    """A currency note that names no unit takes the table's ("USD" under "in thousands")."""
    if note is None or unit == 1 or note.unit != 1:
        return note
    return CurrencyNote(note.currency, unit)


def table_decimal(body: list[TextBlock]) -> str | None:
    """The decimal mark a table's figures show: "." where a figure groups with commas
    ("3,000,000", "1,200.50"), "," where one groups with points; None if they show
    neither or both."""
    return shown_decimal(cell for row in body for cell in row.cells[1:])


def shown_decimal(texts) -> str | None:
    """The one decimal mark the figures of ``texts`` show, or None (neither, or both)."""
    marks = set()
    for text in texts:
        marks.update(mark for mark, grouped in _GROUPED.items() if grouped.search(text))
        if len(marks) > 1:
            return None
    return marks.pop() if marks else None


def years_in_total_currency(columns: list, body: list[TextBlock], language: str) -> list:
    """Year columns without a currency take that of the total column that adds them up
    in every row ("| 2026 | 2027 | Total Gobierno (RD$) |"), if exactly one does."""
    years = [i for i, c in enumerate(columns) if c.amounts and c.note is None and c.period]
    totals = [i for i, c in enumerate(columns) if c.total and c.note is not None]
    if not years or not totals:
        return columns
    decimal = table_decimal(body)
    adding = [t for t in totals if _adds_up(body, years, t, decimal or "")]
    if len(adding) != 1:
        return columns
    note = columns[adding[0]].note
    return [c._replace(note=note) if i in years else c for i, c in enumerate(columns)]


def _adds_up(body: list[TextBlock], parts: list[int], total: int, decimal: str) -> bool:
    checked = 0
    for row in body:
        stated = _figure(row.cells, total, decimal)
        if stated is None:
            continue
        values = [_figure(row.cells, i, decimal) for i in parts]
        if sum((v for v in values if v is not None), Decimal(0)) != stated:
            return False
        checked += 1
    return checked > 0


def _figure(cells: tuple[str, ...], i: int, decimal: str) -> Decimal | None:
    if i >= len(cells) or not cells[i].strip():
        return None
    return parse_figures(cells[i].strip().rstrip(" *†‡"), decimal or None)


def header_periods(rows: list[tuple[str, ...]], language: str) -> list[str | None]:
    """The period each column's own header cell names, whatever a merged cell above it
    says ("Planned allocation (thousands)" spanning "2027", "2028", "Total")."""
    from cpc_draft.nlp.periods import label_period

    width = max((len(cells) for cells in rows), default=0)
    return [
        next(
            (p for cells in rows if i < len(cells) and (p := label_period(cells[i], language))),
            None,
        )
        for i in range(width)
    ]


def label_columns(columns: list, body: list[TextBlock]) -> list:
    """A column whose cells hold no figure at all holds labels, whatever its header
    ("Source of funding" over "United States (USD)", "Keldara (KDM)"): its cells name the
    row's party and currency like the first column's."""
    return [
        c._replace(amounts=False)
        if c.amounts and not any(any(ch.isdigit() for ch in _cell(row, i)) for row in body)
        else c
        for i, c in enumerate(columns)
    ]


def _cell(row: TextBlock, i: int) -> str:
    return row.cells[i] if i < len(row.cells) else ""
