"""The term is outside four to five years.

CPC Partnerships run four to five years (the fact sheet: "up to five years"; the GAO:
"at least 4 years"). A shorter or longer term is unusual and worth a second look.

Fails: "a three-year plan", "from 1 January 2026 until 31 December 2032". Passes: "this
four-year Partnership", "2022–2027".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.check.rules.phrasing import counted
from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "term-length"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    facts = review.primary
    years = facts.stated_term.years  # stated, else from the term's dates or years
    if years is not None and not 4 <= years <= 5:
        block = facts.term.evidence
        yield Problem(
            f"a term of {counted(years, 'year')} is outside the usual four to five",
            block=block.index if block else None,
            page=block.page if block else None,
        )
