"""Which government's money a draft sets out over the years (element E).

A multi-year financial plan gives each government's amounts by year: a table with a row
or a column a year, amounts "per year", or prose that dates them ("US$1.0 million in
2027, US$0.9 million in 2028", "In the second year (2027), Ossoria intends to provide …",
"2026: United States US$700,000; Doravia DRV 150,000,000"). A government whose money is
one sum for the whole term ("KVS 9.6 million over the partnership period") has no plan
over the years, even when the other government's amounts are dated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cpc_draft.model import Contribution, TextBlock
from cpc_draft.nlp.periods import ANNUAL, find_periods

# Sentences end at a full stop, not a semicolon: "2026: United States US$700,000; Doravia
# DRV 150,000,000;" dates both amounts.
_FULL_STOP = re.compile(r"(?<=[.!?])\s+(?=[(\"“«A-ZÀ-Ý])")
_YEAR = re.compile(r"\b(?:FY\s?)?((?:19|20)\d\d)\b")
_RELATIVE = re.compile(r"^\D+\s\d{1,2}$")  # a plan's relative year: "year 2", "año 3"
MIN_YEARS = 2  # one dated amount is a one-time cost, not a plan over the years


def phased_parties(
    contributions: Iterable[Contribution], blocks: Iterable[TextBlock], language: str
) -> set[str]:
    """The parties with amounts per year or dated in two years or more."""
    text_of = {block.index: block.text for block in blocks}
    years: dict[str, set[str]] = {}
    phased: set[str] = set()
    for contribution in contributions:
        period = contribution.period or ""
        if period == ANNUAL or _RELATIVE.match(period):
            phased.add(contribution.party)
            continue
        dated = years.setdefault(contribution.party, set())
        if _YEAR.fullmatch(period):
            dated.add(period)
            continue
        # no period, or a range or a duration: the sentence may date it, or give it a year
        found = _years_beside(contribution, text_of.get(contribution.block, ""), language)
        if found is None:
            phased.add(contribution.party)  # "… and X USD 200,000 in each of those years"
        elif not period:
            dated |= found
    return phased | {party for party, dated in years.items() if len(dated) >= MIN_YEARS}


def _years_beside(contribution: Contribution, text: str, language: str) -> set[str] | None:
    """The single years named in the sentence that states ``contribution`` ("… US$1.2
    million in each of 2028 and 2029 …"), not those of a range ("the term 2026–2030",
    "from 2026 to 2030"): a range is the term, not a year of the plan. None where the
    sentence gives its amounts per year ("USD 500,000 in each year from 2027 to 2030,
    and X USD 200,000 in each of those years")."""
    for sentence in _FULL_STOP.split(text):
        if contribution.text and contribution.text in sentence:
            periods = find_periods(sentence, language)
            if any(period.value == ANNUAL for period in periods):
                return None
            for period in reversed(periods):
                if not _YEAR.fullmatch(period.value):
                    sentence = sentence[: period.start] + " " + sentence[period.end :]
            return {match.group(1) for match in _YEAR.finditer(_without_dash_ranges(sentence))}
    return set()


_DASH_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[–—-]\s*(?:19|20)?\d\d\b")


def _without_dash_ranges(text: str) -> str:
    return _DASH_RANGE.sub(" ", text)
