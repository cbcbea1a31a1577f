"""Indicators listed without targets (GAO-23-105390, recommendation 3).

The GAO found compact indicators without targets, which leaves progress unmeasurable.
Each indicator should have a baseline and a target for every year of the term. A
placeholder where the target should be ("to be determined", "TBD", "increase", "por
definir", "à définir", "[ ]", "XX") is no target, and neither is a promise to agree the
targets later.

Fails: "Progress will be measured by the number of prosecutions." Fails: a table whose
target column reads "to be determined". Passes: a table with a baseline and a target per
year.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.check.rules.phrasing import quoted
from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "indicator-targets"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    indicators = review.primary.indicators
    later = " (the draft leaves the targets to be set later)" if indicators.deferred else ""
    for indicator in indicators.without_targets:
        name = quoted(indicator.name or indicator.text, limit=80)
        if indicator.placeholders:
            written = ", ".join(quoted(p) for p in dict.fromkeys(indicator.placeholders))
            message = f"indicator with a placeholder for its target ({written}): {name}"
        else:
            message = f"indicator without targets{later}: {name}"
        yield Problem(message, element="D", block=indicator.block, page=indicator.page)
