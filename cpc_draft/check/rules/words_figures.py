"""An amount in words disagrees with its figures.

"five million U.S. dollars (US$500,000)": whichever is wrong, the text says two amounts.

Fails: "five million U.S. dollars (US$500,000)". Passes: "five million U.S. dollars
(US$5,000,000)".
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from cpc_draft.check.rules.phrasing import money, quoted
from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "words-figures"
DEFAULT_LEVEL = "error"


def check(review: Review) -> Iterator[Problem]:
    for language, facts in review.facts.items():
        for c in (*facts.funding.contributions, *facts.funding.combined):
            if c.words_amount is not None and Decimal(c.words_amount) != Decimal(c.amount):
                words = money(c.words_amount, c.currency, language)
                figures = money(c.amount, c.currency, language)
                yield Problem(
                    f"the words say {words} but the figures say {figures}: {quoted(c.text)}",
                    element="E",
                    block=c.block,
                    page=c.page,
                )
