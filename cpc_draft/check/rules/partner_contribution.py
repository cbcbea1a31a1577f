"""The partner government's contribution is not quantified (GAO-23-105390, rec. 5).

The GAO found that partner contributions (funding, personnel, in-kind) were not tracked.
A compact should state the partner's contribution as an amount, so it can be tracked.

Fails: "Jamaica intends to contribute personnel and facilities." Passes: "the Government
of Peru intends to contribute at least eight million soles".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "partner-contribution"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    if not any(c.party == "partner" for c in review.primary.funding.contributions):
        yield Problem("the partner government's contribution is not quantified", element="E")
