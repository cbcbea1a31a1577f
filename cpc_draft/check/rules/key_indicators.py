"""No key indicators named for the annual dialogue (GAO-23-105390, recommendation 1).

The GAO recommended identifying, before each annual dialogue, the key indicators to be
discussed there. A draft should name them or say how they will be chosen.

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
    if indicators.listed and not indicators.names_key_ones:
        yield Problem("no key indicators are named for the annual dialogue", element="D")
