"""The money a draft states: every amount with the party that contributes it, and the
total rows of its tables with the sum of the amounts above them.

Amounts and parties come from the spaCy pipelines in :mod:`cpc_draft.nlp`; in a table,
a column's header names the party ("United States (USD)") and a row's or a column's
label the year ("2022", "Year 1").
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TABLE_ROW, Contribution, TextBlock

TOTAL_WORDS = {"total", "totales", "totaux", "sous-total", "subtotal"}


class TableTotal(NamedTuple):
    """A table's total row in one column: what it states and what the rows above add up to."""

    stated: Contribution
    summed: Decimal


class Funding(NamedTuple):
    contributions: tuple[Contribution, ...]  # in reading order; total rows are not among them
    table_totals: tuple[TableTotal, ...]


def find_funding(stream: Stream, model: str | None = None) -> Funding:
    """``model`` names an installed trained spaCy pipeline to add its entities (optional)."""
    from cpc_draft.nlp import find_contributions, learn_currencies

    # A code the draft defines once ("Ossorian crowns (OSC)") is read in every block.
    own = learn_currencies([b.text for b in stream.blocks], stream.language)
    contributions: list[Contribution] = []
    for block in stream.blocks:
        if block.kind == TABLE_ROW:
            continue
        for found in find_contributions(
            block.text, stream.language, stream.partner, model=model, currencies=own
        ):
            contributions.append(_contribution(found.money, found.party, block, found.period))
    totals: list[TableTotal] = []
    for rows in _tables(stream.blocks).values():
        in_rows, in_totals = _table_money(rows, stream, model, own)
        contributions += in_rows
        totals += in_totals
    return Funding(tuple(contributions), tuple(totals))


def is_total(block: TextBlock) -> bool:
    """A table row labelled "Total" (or "Totales", "Sous-total", …)."""
    return bool(block.cells) and block.cells[0].strip().casefold() in TOTAL_WORDS


def _tables(blocks: tuple[TextBlock, ...]) -> dict[int, list[TextBlock]]:
    tables: dict[int, list[TextBlock]] = {}
    for block in blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    return tables


def _table_money(
    rows: list[TextBlock], stream: Stream, model: str | None, own: dict[str, str]
) -> tuple[list[Contribution], list[TableTotal]]:
    from cpc_draft.nlp import attribute_columns, find_contributions
    from cpc_draft.nlp.periods import label_period

    language, partner = stream.language, stream.partner
    header, *body = rows
    parties = attribute_columns(list(header.cells), language, partner)
    # A plan by year: years label the rows ("2022", "Year 1") or, turned, the columns.
    column_periods = [label_period(cell, language) for cell in header.cells]
    contributions: list[Contribution] = []
    totals: list[TableTotal] = []
    columns: dict[int, Decimal] = {}
    for row in body:
        row_period = label_period(row.cells[0], language) if row.cells else None
        for column, cell in enumerate(row.cells):
            party = parties[column] if column < len(parties) else None
            column_period = column_periods[column] if column < len(column_periods) else None
            for found in find_contributions(cell, language, partner, model=model, currencies=own):
                period = found.period or row_period or column_period
                money = _contribution(found.money, party or found.party, row, period)
                if is_total(row):
                    totals.append(TableTotal(money, columns.get(column, Decimal(0))))
                else:
                    contributions.append(money)
                    columns[column] = columns.get(column, Decimal(0)) + found.money.amount
    return contributions, totals


def _contribution(money, party: str | None, block: TextBlock, period: str | None) -> Contribution:
    return Contribution(
        party=party if party in ("US", "partner") else "other",
        amount=str(money.amount),
        currency=money.currency,
        qualifier=money.qualifier,
        text=money.text,
        page=block.page,
        block=block.index,
        words_amount=str(money.words_amount) if money.words_amount is not None else None,
        period=period,
    )
