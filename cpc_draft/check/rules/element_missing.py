"""A statutory element of 22 U.S.C. § 7103a(d)(2) has no content.

The statute says a compact "shall describe" each of elements A–G; a draft without one
cannot be signed as a compact. Reported once per missing element, in the language
version where it is missing.

Fails: a draft with no objectives (A). Passes: a numbered list of objectives.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import MISSING, Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "element-missing"
DEFAULT_LEVEL = "error"


def check(review: Review) -> Iterator[Problem]:
    for key, status in review.elements.items():
        if status.status == MISSING:
            yield Problem(f"element {key} is missing: {status.reason}", element=key)
