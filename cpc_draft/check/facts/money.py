"""The money a draft states: every amount with the party that contributes it, the totals
of both governments apart, and the total rows of its tables with the sum of the amounts
above them.

Amounts and parties come from the spaCy pipelines in :mod:`cpc_draft.nlp`; tables are
read by :mod:`cpc_draft.check.facts.money_tables` (party from a header, a row label or
the table's note; bare figures in the currency of a header or a note).

A draft states much of its money twice: a yearly figure in prose and again in a table, a
plan by program and year beside a plan by year, a row of "All programs" under the rows
it adds up. The second statement of one year's money is marked ``restated``, so that
the ledger adds each year's money once; every statement stays listed, with its quote.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

from cpc_draft.check.facts.money_columns import shown_decimal
from cpc_draft.check.facts.money_tables import (
    BOTH,
    TableTotal,
    contribution,
    is_total_label,
    read_table,
)
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TABLE_ROW, Contribution, TextBlock

__all__ = ["Funding", "TableTotal", "find_funding", "is_total"]

_YEAR = re.compile(r"^\d{4}$")
# Less than this is no government's contribution: an exchange rate ("Rs 300 to US$1"), a
# fee; compacts count in thousands (tables read bare figures from the same floor).
LEAST_CONTRIBUTION = Decimal(1000)


class Funding(NamedTuple):
    contributions: tuple[Contribution, ...]  # in reading order; total rows are not among them
    table_totals: tuple[TableTotal, ...]
    combined: tuple[Contribution, ...] = ()  # totals of both governments (party "both")


def find_funding(stream: Stream, model: str | None = None) -> Funding:
    """``model`` names an installed trained spaCy pipeline to add its entities (optional)."""
    from cpc_draft.nlp import find_contributions, learn_currencies

    # A code the draft defines once ("Ossorian crowns (OSC)") is read in every block.
    own = learn_currencies([b.text for b in stream.blocks], stream.language)
    found: list[tuple[Contribution, object]] = []  # with where it was stated
    combined: list[Contribution] = []
    for block in stream.blocks:
        if block.kind == TABLE_ROW:
            continue
        for money in find_contributions(
            block.text, stream.language, stream.partner, model=model, currencies=own
        ):
            if money.money.amount < LEAST_CONTRIBUTION:
                continue
            made = contribution(money.money, money.party, block, money.period)
            if made.party == BOTH:
                combined.append(made)
            else:
                found.append((made, ("block", block.index)))
    totals: list[TableTotal] = []
    party_totals: list[tuple[Contribution, object]] = []
    before = {block.index: prior for prior, block in pairwise(stream.blocks)}
    decimal = shown_decimal(b.text for b in stream.blocks)  # "$7'000,000.00": "5,000" is 5000
    for table, rows in _tables(stream.blocks).items():
        note = before.get(rows[0].index)
        note = note if note and note.kind != TABLE_ROW else None
        read = read_table(rows, note, stream, model, own, decimal)
        found += [(c, ("table", table)) for c in read.contributions]
        party_totals += [(c, ("table", table)) for c in read.party_totals]
        combined += read.combined
        totals += read.totals
    found += _whole_totals(party_totals, found)
    found.sort(key=lambda pair: pair[0].block)
    found = _dated(found, stream)
    return Funding(tuple(_mark_restated(found)), tuple(totals), tuple(combined))


def _whole_totals(party_totals, found) -> list[tuple[Contribution, object]]:
    """The total rows of one party's table column that are its whole contribution: not
    where the draft already states that sum for the party and currency (in prose: "US$3
    million over three years"), nor a larger one for the same period (a table of program
    allocations under a total that adds personnel costs). A year's total is stated
    already only by an amount for that year: a program's total may well equal it."""
    stated: set[tuple] = set()
    largest: dict[tuple, Decimal] = {}
    for item, _ in found:
        stated.add((item.party, item.currency, Decimal(item.amount), None))
        stated.add((item.party, item.currency, Decimal(item.amount), item.period))
        key = (item.party, item.currency, item.period)
        largest[key] = max(largest.get(key, Decimal(0)), Decimal(item.amount))
    return [
        (item, source)
        for item, source in party_totals
        if (item.party, item.currency, Decimal(item.amount), _year(item.period)) not in stated
        and Decimal(item.amount) > largest.get((item.party, item.currency, item.period), 0)
    ]


def _year(period: str | None) -> str | None:
    """A year's own period; None for any other (a whole term's total, stated in any way)."""
    return period if period and _YEAR.match(period) else None


def _dated(found: list[tuple[Contribution, object]], stream: Stream):
    """Amounts for "Year 2" of the term dated as the draft defines that year ('"Year 1"
    means calendar year 2027'), so that they count as a plan by year."""
    from cpc_draft.nlp.ranked_years import RANK, calendar_years

    if not any(item.period and item.period.startswith(RANK) for item, _ in found):
        return found
    years = calendar_years([b.text for b in stream.blocks], stream.language)
    if not years:
        return found
    return [
        (replace(item, period=years[item.period]) if item.period in years else item, source)
        for item, source in found
    ]


def is_total(block: TextBlock) -> bool:
    """A table row labelled "Total" (or "Totales", "Sous-total", "Subtotal, Valdoria", …)."""
    return bool(block.cells) and is_total_label(block.cells[0])


def _tables(blocks: tuple[TextBlock, ...]) -> dict[int, list[TextBlock]]:
    tables: dict[int, list[TextBlock]] = {}
    for block in blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    return tables


def _mark_restated(found: list[tuple[Contribution, object]]) -> list[Contribution]:
    """Mark the yearly amounts that state one year's money again. For each party,
    currency and year: within one table or paragraph, an amount that is the sum of the
    others ("All programs"); then a table or paragraph whose amounts add up to what an
    earlier one stated for that year, where one of the two is a table (the plan by year
    after the plan by program and year, the table after the prose)."""
    groups: dict[tuple, dict[object, list[int]]] = {}
    for i, (item, source) in enumerate(found):
        if item.restated or not (item.period and _YEAR.match(item.period)):
            continue
        key = (item.party, item.currency, item.period)
        groups.setdefault(key, {}).setdefault(source, []).append(i)
    restated: set[int] = set()
    for sources in groups.values():
        stated: set[Decimal] = set()  # sums stated so far
        in_tables: set[Decimal] = set()  # ... and those stated by a table
        for (kind, _), members in sources.items():
            amounts = {i: Decimal(found[i][0].amount) for i in members}
            whole = _sum_of_others(amounts, last=kind == "table")
            if whole is not None:
                restated.add(whole)
                del amounts[whole]
            total, table = sum(amounts.values(), Decimal(0)), kind == "table"
            # Two paragraphs may well give two programs the same yearly sum: only a table
            # and what it repeats are taken for one statement.
            if total in (stated if table else in_tables):
                restated.update(amounts)
            else:
                stated.add(total)
                if table:
                    in_tables.add(total)
    return [
        replace(item, restated=True) if i in restated else item for i, (item, _) in enumerate(found)
    ]


def _sum_of_others(amounts: dict[int, Decimal], last: bool) -> int | None:
    """The amount that adds up all the others, if one does; in a table (``last``) only
    the last row's, as a sum comes under what it adds up: a middle program's money may
    happen to equal the sum of its neighbours'."""
    if len(amounts) < 3:
        return None
    largest = max(amounts, key=amounts.__getitem__)
    if last and largest != max(amounts):
        return None
    rest = sum((v for i, v in amounts.items() if i != largest), Decimal(0))
    return largest if rest == amounts[largest] else None
