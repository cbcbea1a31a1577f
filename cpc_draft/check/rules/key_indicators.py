"""No key indicators named for the annual dialogue (GAO-23-105390, recommendation 1).

The GAO recommended identifying, before each annual dialogue, the key indicators to be
discussed there. A draft should name them: in a column ("Key: Yes"), by a mark
("indicators marked with an asterisk are key indicators"), by number ("Indicators 1, 3
and 5 are key indicators") or by name. Saying that key indicators will be reviewed,
without saying which, does not name them.

Fails: indicators and an annual dialogue, with no key indicator. Passes: "the following
key indicators are to be discussed at each Annual Dialogue: …"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "key-indicators"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    indicators = review.primary.indicators
    if not indicators.listed or indicators.names_key_ones:
        return
    if indicators.key_mentions:
        first = indicators.key_mentions[0]
        yield Problem(
            "key indicators are mentioned, but the draft does not say which indicators they are",
            element="D",
            block=first.index,
            page=first.page,
        )
    else:
        yield Problem("no key indicators are named for the annual dialogue", element="D")
