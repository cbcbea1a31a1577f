"""No sustainability plan (GAO-23-105390, recommendation 6).

Compacts called for sustainability plans that partner governments never provided. A
draft should set out how progress will be sustained after the compact expires, not only
promise a plan.

Fails: no section on sustaining progress. Passes: a sustainability article with a strategy.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import PRESENT, Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "sustainability-plan"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    if review.elements["F"].status != PRESENT:
        yield Problem("no sustainability plan for after the compact expires", element="F")
