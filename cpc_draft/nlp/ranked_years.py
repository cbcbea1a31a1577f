"""Years of a compact's term named by their rank: "USD 1.5 million in Year 1", "en el
año 2", and the calendar years a draft says they are ('"Year 1" means calendar year
2027', "Year 2 (2028)").

Plain regular expressions; what counts as a year's label ("Year", "Año", "Année", "FY")
is periods.label_period's (data/periods.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cpc_draft.nlp.periods import Period, label_period

# A word and a small number: "Year 1", "año 2"; not "1.5", "1,000", "3%"
_RANKED = re.compile(r"(?<![\w-])[^\W\d_]{2,10}\s+\d{1,2}(?![\w%/]|[.,]\d)")
# a calendar year soon after a ranked one, nothing but words, quotes and brackets between
_THEN_YEAR = re.compile(r"[^\d.;]{0,40}?(?<!\d)((?:19|20)\d\d)(?!\d)")
RANK = "year "  # label_period's value for a ranked year: "year 1"


def ranked_years(text: str, language: str) -> list[Period]:
    """Every "Year N" of ``text`` as a Period "year N"."""
    out = []
    for found in _RANKED.finditer(text):
        value = label_period(found.group(), language)
        if value and value.startswith(RANK):
            out.append(Period(value, found.start(), found.end()))
    return out


def calendar_years(texts: Iterable[str], language: str) -> dict[str, str]:
    """ "year N" -> the calendar year a draft says it is, from its definitions ('"Year 1"
    means calendar year 2027', "Year 2 (2028)"); one definition gives them all ("Year 1"
    is 2027, so "Year 3" is 2029). Empty when the draft gives none, or disagrees."""
    firsts: set[int] = set()  # the calendar year of "year 1" each definition implies
    for text in texts:
        if not any(ch.isdigit() for ch in text):
            continue
        for period in ranked_years(text, language):
            after = _THEN_YEAR.match(text, period.end)
            if after is not None and not ranked_years(after.group()[:-4], language):
                firsts.add(int(after.group(1)) - int(period.value[len(RANK) :]) + 1)
    if len(firsts) != 1:
        return {}
    first = firsts.pop()
    return {f"{RANK}{n}": str(first + n - 1) for n in range(1, 11)}
