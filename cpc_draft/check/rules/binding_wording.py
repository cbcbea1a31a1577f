"""Treaty wording in an instrument that calls itself non-binding.

A CPC Partnership is a political commitment. "shall", "the Parties", "agree", "entry into
force" (and "deberán", "las Partes", "acuerdan", "entrará en vigor"; "doivent", "les
Parties", "conviennent", "entrée en vigueur") read as treaty obligations and contradict
the instrument's own non-binding clause.

Fails: "The Parties shall…" in a text that says it is not legally binding. Passes: "The
Participants intend to…"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "binding-wording"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    for facts in review.facts.values():
        if not facts.wording.non_binding:
            continue
        for found in facts.wording.binding_terms:
            yield Problem(
                f"binding wording {found.wording!r} in a non-binding instrument",
                block=found.block.index,
                page=found.block.page,
            )
