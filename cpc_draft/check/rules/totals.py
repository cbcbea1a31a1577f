"""Itemized amounts do not add up to the stated total.

A table's "Total" row must equal the sum of the amounts above it, per column.

Fails: rows of US$2,000,000 and US$2,000,000 with a total of US$5,000,000. Passes: a total
of US$4,000,000.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from cpc_draft.check.rules.phrasing import money, quoted
from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "totals"
DEFAULT_LEVEL = "error"


def check(review: Review) -> Iterator[Problem]:
    for language, facts in review.facts.items():
        for total in facts.funding.table_totals:
            stated = total.stated
            if total.summed and Decimal(stated.amount) != total.summed:
                summed = money(total.summed, stated.currency, language)
                yield Problem(
                    f"the total {quoted(stated.text)} differs from the sum of its rows ({summed})",
                    element="E",
                    block=stated.block,
                    page=stated.page,
                )
