"""Itemized amounts do not add up to the stated total.

A table's "Total" row must equal the sum of the amounts above it, per column.

Fails: rows of US$2,000,000 and US$2,000,000 with a total of US$5,000,000. Passes: a total
of US$4,000,000.
"""

from decimal import Decimal

ID = "totals"
DEFAULT_LEVEL = "error"


def check(review):
    for facts in review.facts.values():
        for total, summed in facts.table_totals:
            if summed and Decimal(total.amount) != summed:
                yield {
                    "element": "E",
                    "message": f"the total {total.text!r} differs from the sum of its rows "
                    f"({summed} {total.currency})",
                    "block": total.block,
                    "page": total.page,
                }
