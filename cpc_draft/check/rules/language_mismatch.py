"""Figures, dates or article counts differ between the language versions.

Each language version of a compact is an original; a figure that differs between them
is a costly error. Articles are paired by number; the amounts, percentages, dates,
durations, years, cross-references and other numbers in each pair are compared as values
("5,000,000" = "5.000.000" = "5 000 000"; "26 April 2022" = "26 de abril de 2022").

Fails: "US$5,000,000" in English beside "4.000.000 USD" in Spanish. Passes: the same
amount written each language's way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cpc_draft.check.rules.phrasing import mismatch_message
from cpc_draft.model import Problem

if TYPE_CHECKING:
    from cpc_draft.check.review import Review

ID = "language-mismatch"
DEFAULT_LEVEL = "error"


def check(review: Review) -> Iterator[Problem]:
    from cpc_draft.check.crosslang import language_mismatches

    streams = {language: facts.stream.blocks for language, facts in review.facts.items()}
    for mismatch in language_mismatches(streams):
        yield Problem(mismatch_message(mismatch), block=mismatch.block, page=mismatch.page)
