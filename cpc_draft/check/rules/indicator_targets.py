"""Indicators listed without annual targets (GAO-23-105390, recommendation 3).

The GAO found compact indicators without targets, which leaves progress unmeasurable.
Each indicator should have a baseline and a target for every year of the term.

Fails: "Progress will be measured by the number of prosecutions." Passes: a table with a
baseline and a target per year.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "indicator-targets"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    for indicator in review.primary.indicators.listed:
        if not indicator.targets:
            yield Problem(
                f"indicator without targets: {indicator.text[:80]!r}",
                element="D",
                block=indicator.block,
                page=indicator.page,
            )
