"""The contribution ledger of a reviewed draft: amounts per party, per year, and totals.

Works on the contributions a review found (party, amount, currency, qualifier, text,
page, block, and ``period`` where the finder knows it). Amounts are exact decimals.

Three rules keep the totals honest. Amounts in different currencies are never added
together. Only amounts stated for a single calendar year are summed: a draft usually
states the same money several times (a total for the term, the funding of each program,
the plan by year), so adding everything would count it two or three times. And a yearly
amount the review marks ``restated`` (a subtotal, a row of "All programs", the plan by
year after the plan by program and year, a figure of the prose repeated in a table) is
listed but not added again. Amounts with a longer or unknown period are listed, and the
largest of them is shown beside the sum of the yearly amounts, which is what a reviewer
compares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from cpc_draft.model import Contribution

PARTY_ORDER = ("US", "partner", "other")
_SINGLE_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Entry:
    """One contribution as the ledger shows it; ``value`` is None if ``amount`` is not a number."""

    party: str
    amount: str
    value: Decimal | None
    currency: str
    qualifier: str | None
    period: str | None
    text: str
    page: int | None
    block: int
    restated: bool = False  # states again money another entry states

    @property
    def year(self) -> str | None:
        return self.period if self.period and _SINGLE_YEAR.match(self.period) else None

    @property
    def summed(self) -> bool:
        """Whether the entry adds to its year's sum: a yearly amount stated first here."""
        return bool(self.year) and self.value is not None and not self.restated


@dataclass(frozen=True)
class Total:
    """One party's money in one currency."""

    party: str
    currency: str
    yearly_sum: Decimal | None  # None when no amount is stated for a single year
    years: tuple[str, ...]
    largest_other: Entry | None  # the largest amount stated for a longer or unknown period
    count: int


@dataclass(frozen=True)
class Ledger:
    entries: tuple[Entry, ...]
    years: tuple[str, ...]
    # (party, currency) columns of the by-year table, and year -> column -> summed amount
    columns: tuple[tuple[str, str], ...]
    by_year: dict[str, dict[tuple[str, str], Decimal]] = field(default_factory=dict)
    totals: tuple[Total, ...] = ()

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(total.currency for total in self.totals))

    @property
    def column_totals(self) -> dict[tuple[str, str], Decimal]:
        """Each column of the by-year table added up (one party, one currency)."""
        return {
            column: sum((row.get(column, Decimal(0)) for row in self.by_year.values()), Decimal(0))
            for column in self.columns
        }


def build_ledger(contributions: Iterable[Contribution]) -> Ledger:
    entries = tuple(sorted((_entry(item) for item in contributions), key=_entry_order))
    yearly = [entry for entry in entries if entry.summed]
    years = tuple(sorted({entry.year for entry in yearly}))
    columns = tuple(sorted({(e.party, e.currency) for e in yearly}, key=_column_order))
    by_year: dict[str, dict[tuple[str, str], Decimal]] = {year: {} for year in years}
    for entry in yearly:
        cell = by_year[entry.year]
        key = (entry.party, entry.currency)
        cell[key] = cell.get(key, Decimal(0)) + entry.value
    return Ledger(entries, years, columns, by_year, _totals(entries))


def _totals(entries: tuple[Entry, ...]) -> tuple[Total, ...]:
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        groups.setdefault((entry.party, entry.currency), []).append(entry)
    totals = []
    for (party, currency), group in sorted(groups.items(), key=lambda pair: _column_order(pair[0])):
        yearly = [e for e in group if e.summed]
        others = [e for e in group if not e.year and e.value is not None]
        totals.append(
            Total(
                party=party,
                currency=currency,
                yearly_sum=sum((e.value for e in yearly), Decimal(0)) if yearly else None,
                years=tuple(sorted({e.year for e in yearly})),
                largest_other=max(others, key=lambda e: e.value, default=None),
                count=len(group),
            )
        )
    return tuple(totals)


def _entry(item: Contribution) -> Entry:
    return Entry(
        party=item.party,
        amount=item.amount,
        value=_decimal(item.amount),
        currency=item.currency,
        qualifier=item.qualifier,
        period=item.period,
        text=item.text,
        page=item.page,
        block=item.block,
        restated=item.restated,
    )


def _decimal(amount: str) -> Decimal | None:
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError):
        return None
    return value if value.is_finite() else None


def _party_rank(party: str) -> int:
    return PARTY_ORDER.index(party) if party in PARTY_ORDER else len(PARTY_ORDER)


def _column_order(column: tuple[str, str]) -> tuple[int, str]:
    party, currency = column
    return _party_rank(party), currency


def _entry_order(entry: Entry) -> tuple:
    return (_party_rank(entry.party), entry.currency, entry.year or "9999", entry.block)
