"""Years of a compact's term named by their rank: "USD 1.5 million in Year 1", "en el
año 2", and the calendar years a draft says they are ('"Year 1" means calendar year
2027', "Year 2 (2028)").

Plain regular expressions; what counts as a year's label ("Year", "Año", "Année", "FY")
is periods.label_period's (data/periods.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cpc_draft.nlp.periods import RANGE_DASH, Period, label_period

# A word and a small number: "Year 1", "año 2"; not "1.5", "1,000", "3%"
_RANKED = re.compile(r"(?<![\w-])[^\W\d_]{2,10}\s+\d{1,2}(?![\w%/]|[.,]\d)")
# a calendar year soon after a ranked one, nothing but words, quotes and brackets between
_THEN_YEAR = re.compile(r"[^\d.;]{0,40}?(?<!\d)((?:19|20)\d\d)(?!\d)")
# "FY2026–FY2030": two labelled years joined by a dash (a bare "2026–2030" is periods')
_LABELLED_RANGE = re.compile(
    r"(?<![\w-])([^\W\d_]{1,3}\s?(?:19|20)\d\d)\s*[-–—]\s*([^\W\d_]{1,3}\s?(?:19|20)\d\d)(?!\d)"
)
MAX_SPAN = 20  # a range longer than this is no compact's term
RANK = "year "  # label_period's value for a ranked year: "year 1"


def ranked_years(text: str, language: str) -> list[Period]:
    """Every "Year N" of ``text`` as a Period "year N"."""
    out = []
    for found in _RANKED.finditer(text):
        value = label_period(found.group(), language)
        if value and value.startswith(RANK):
            out.append(Period(value, found.start(), found.end()))
    return out


def labelled_ranges(text: str, language: str, periods: list[Period]) -> list[Period]:
    """``periods`` with the ranges whose two ends are labelled years ("FY2026–FY2030",
    "AF 2027 – AF 2030") as one range "2026–2030", in place of the first end alone."""
    out = list(periods)
    for found in _LABELLED_RANGE.finditer(text):
        first = label_period(found.group(1), language)
        last = label_period(found.group(2), language)
        if not (first and last and first.isdigit() and last.isdigit()):
            continue
        if not int(first) < int(last) <= int(first) + MAX_SPAN:
            continue
        start, end = found.span()
        out = [p for p in out if p.end <= start or p.start >= end]
        out.append(Period(f"{first}{RANGE_DASH}{last}", start, end))
    return sorted(out, key=lambda p: p.start)


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
