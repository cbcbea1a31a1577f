"""The draft never states that it is not legally binding.

A CPC Partnership is a political commitment. The State Department's texts say so in a
clause of their own ("This Partnership is a statement of the intent of the Participants.
It is not legally binding …"); without one, nothing stops a reader, or a court, from
taking treaty wording at its word. Any sentence that denies binding force counts: "non-
binding", "not intended to create legally binding rights or obligations", "does not
create rights or obligations", "no es jurídicamente vinculante", "no genera derechos ni
obligaciones", "n'est pas juridiquement contraignant", "ne crée aucun droit ni aucune
obligation". In a draft with several language versions, each must say it: every version
is an original.

Fails: a draft with no such sentence. Passes: "This Partnership is not legally binding."
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "non-binding-statement"
DEFAULT_LEVEL = "warning"


def check(review: Review) -> Iterator[Problem]:
    # Blocks of no known language (a stray signature line) are no language version.
    versions = {k: f for k, f in review.facts.items() if k != "und"} or review.facts
    silent = [language for language, facts in versions.items() if not facts.wording.non_binding]
    if not silent:
        return
    if len(silent) == len(versions):
        yield Problem("the draft never states that it is not legally binding")
        return
    for language in silent:
        yield Problem(
            f"the {language} text never states that it is not legally binding; "
            "the other language versions do"
        )
