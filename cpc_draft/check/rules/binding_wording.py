"""Treaty wording in a CPC Partnership, wherever it appears.

A CPC Partnership is a political commitment, not a treaty. "shall", "the Parties",
"agree to", "undertakes to", "enter into force", "obligations under this Agreement",
"legally binding", "arbitration" (and "deberá", "las Partes", "acuerdan", "entrará en
vigor", "cumplir sus obligaciones"; "doivent", "les Parties", "s'engagent à", "entrera en
vigueur", "juridiquement contraignant") read as treaty obligations. They are flagged
whatever the draft says about itself: in a draft with a non-binding clause they
contradict it, and in one without they make it a treaty (see non-binding-statement).
Each finding quotes the sentence and names the words. A denial ("It is not legally
binding and does not create rights or obligations", "no crea obligaciones jurídicamente
vinculantes") is the non-binding clause itself, never treaty wording; "undertaken" in
"the work already undertaken" means "carried out".

Fails: "The Parties shall meet every year." Passes: "The Participants intend to meet
every year."
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
        contradicts = " in an instrument that calls itself non-binding"
        where = contradicts if facts.wording.non_binding else ""
        for found in facts.wording.binding_terms:
            # Typographic quotes and apostrophes around the words, so that a tool reading
            # the message finds the sentence's own apostrophes only in the sentence.
            words = ", ".join(f"\u2018{w.replace(chr(39), chr(8217))}\u2019" for w in found.words)
            yield Problem(
                f"treaty wording {words}{where}: \u201c{found.quote}\u201d",
                block=found.block.index,
                page=found.block.page,
            )
