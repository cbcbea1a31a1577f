"""A statutory element is only partly described.

Partial is a real status: responsibilities of one government only (B), programs
without the funding each government allocates, or some left "to be mobilised" (C),
indicators most of which lack targets, or left to be defined (D), a financial plan with
one government's contribution, a sum for the whole term with no amounts by year, or no
oversight mechanism (E), a passing mention of sustainability with no strategy (F).

Fails: "The United States intends to fund…" with no duty for the partner. Passes: duties
listed for both governments.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import PARTIAL, Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "element-partial"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    for key, status in review.elements.items():
        if status.status == PARTIAL:
            where = status.evidence[0] if status.evidence else None
            yield Problem(
                f"element {key} is partial: {status.reason}",
                element=key,
                block=where.block if where else None,
                page=where.page if where else None,
            )
