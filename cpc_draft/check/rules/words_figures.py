"""An amount in words disagrees with its figures.

"five million U.S. dollars (US$500,000)": whichever is wrong, the text says two amounts.

Fails: "five million U.S. dollars (US$500,000)". Passes: "five million U.S. dollars
(US$5,000,000)".
"""

from decimal import Decimal

ID = "words-figures"
DEFAULT_LEVEL = "error"


def check(review):
    for facts in review.facts.values():
        for c in facts.contributions:
            if c.words_amount is not None and Decimal(c.words_amount) != Decimal(c.amount):
                yield {
                    "element": "E",
                    "message": f"words say {c.words_amount} but figures say {c.amount} "
                    f"{c.currency}: {c.text!r}",
                    "block": c.block,
                    "page": c.page,
                }
