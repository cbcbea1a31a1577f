"""The period a contribution covers: "over four years", "2022–2026", "annually", "FY2023".

Plain Python, no spaCy. Each period is normalised to a short string that compares across
languages: one year "2023", a range "2022–2026", a duration in ISO 8601 "P4Y", "annual"
for an amount per year, and "year 1" for a table row of a term's first year. The words
are data (data/periods.yaml); numbers in words come from the money lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.nlp.lexicon import lexicon, pipeline_language
from cpc_draft.text.units import year_words

ANNUAL = "annual"
RANGE_DASH = "–"  # what every range is written with once normalised
MAX_YEARS = 20  # a longer "period" is not a compact's ("children under 18 years" passes)
MAX_SPAN = 20  # the same for a range of years
_YEAR = r"(?:19|20)\d\d"
_DASHES = r"[-–—]"


@dataclass(frozen=True)
class Period:
    value: str  # normalised: "2023", "2022–2026", "P4Y", "annual", "year 1"
    start: int
    end: int


@dataclass(frozen=True)
class _Patterns:
    ranges: re.Pattern
    dash_range: re.Pattern
    duration: re.Pattern
    single: re.Pattern
    annual: re.Pattern
    label_year: re.Pattern
    label_range: re.Pattern
    label_relative: re.Pattern
    numbers: dict[str, int]


MAX_TERM_YEAR = 10


@cache
def _data() -> dict:
    text = resources.files("cpc_draft").joinpath("data/periods.yaml").read_text("utf-8")
    return load_data(text)


def _words(entry: dict, key: str, *, glued: bool = False) -> str:
    """The phrases of ``entry[key]`` as one regex: any case, longest first, not inside a
    word. Unlike cues.phrase_pattern, figures may follow at once ("FY2023"), and with
    ``glued`` a phrase may follow a hyphen ("four-year")."""
    phrases = sorted(entry[key], key=len, reverse=True)
    alternation = "|".join(
        re.escape(p) + ("" if p[-1] in "'’" else r"(?![^\W\d_])") for p in phrases
    )
    return ("" if glued else r"(?<![\w-])") + f"(?i:{alternation})"


@cache
def _patterns(language: str) -> _Patterns:
    lang = pipeline_language(language)
    entry = _data().get(lang) or _data()["en"]  # other languages: figures and English cues
    numbers = {
        word: int(value)
        for word, value in lexicon(lang).units.items()
        if 1 <= value <= MAX_YEARS and value == int(value)
    }
    number = "|".join([r"\d{1,2}", *(re.escape(w) for w in sorted(numbers, key=len, reverse=True))])
    filler = _words(entry, "filler")
    year_word = _words({"year": year_words(lang)}, "year", glued=True)
    return _Patterns(
        ranges=re.compile(
            rf"(?:(?P<lead>{_words(entry, 'range_from')})\s+)?(?P<a>{_YEAR})\s+"
            rf"(?:(?P<to>{_words(entry, 'range_to')})|(?P<and>{_words(entry, 'range_and')}))"
            rf"\s+(?P<b>{_YEAR})(?!\d)"
        ),
        dash_range=re.compile(
            rf"(?<![\d/.])(?P<a>{_YEAR})\s*{_DASHES}\s*(?P<b>{_YEAR}|\d\d)(?!\d)"
        ),
        duration=re.compile(
            rf"(?:{_words(entry, 'duration')})(?:\s+(?:{filler}))*\s+"
            rf"(?P<n>(?i:{number}))(?!\w)(?:\s*\(\d{{1,2}}\))?(?:\s+(?:{filler}))*"
            rf"(?:\s+|-)(?:{year_word})(?!\w)"
        ),
        single=re.compile(
            rf"(?:{_words(entry, 'single')})\s*(?P<a>{_YEAR})(?!\d)(?!\s*{_DASHES}\s*\d)"
            rf"(?!\s+(?:{_words(entry, 'counted')}))"  # "for 2000 children"
        ),
        annual=re.compile(_words(entry, "annual")),
        label_year=re.compile(rf"(?:(?:{_words(entry, 'label')})\s*)?(?P<a>{_YEAR})"),
        label_range=re.compile(rf"(?P<a>{_YEAR})\s*(?:{_DASHES}|/)\s*(?P<b>{_YEAR}|\d\d)"),
        label_relative=re.compile(
            rf"(?:{_words(entry, 'label')})\.?\s*(?P<n>(?i:{number}))"
            rf"(?:\s*\(\s*(?P<a>{_YEAR})\s*\))?"
        ),
        numbers=numbers,
    )


def _range(first: str, last: str) -> str | None:
    """ "2022", "2026" -> "2022–2026"; "2022", "26" -> "2022–2026"; None unless it is one."""
    start = int(first)
    end = int(last) if len(last) == 4 else start // 100 * 100 + int(last)
    return f"{start}{RANGE_DASH}{end}" if start < end <= start + MAX_SPAN else None


def _count(text: str, numbers: dict[str, int]) -> int | None:
    value = int(text) if text.isdigit() else numbers.get(text.lower())
    return value if value is not None and 1 <= value <= MAX_YEARS else None


def find_periods(text: str, language: str) -> list[Period]:
    """Every period written in ``text``, in order; where two overlap the more precise one
    (a range over a year in it, a duration over the word "years") is kept."""
    patterns = _patterns(language)
    found: list[Period] = []

    def add(value: str | None, match: re.Match) -> None:
        start, end = match.span()
        if value and all(end <= p.start or start >= p.end for p in found):
            found.append(Period(value, start, end))

    for match in patterns.ranges.finditer(text):
        if match.group("and") is None or match.group("lead"):  # "2022 and 2026" is a list
            add(_range(match.group("a"), match.group("b")), match)
    for match in patterns.dash_range.finditer(text):
        add(_range(match.group("a"), match.group("b")), match)
    for match in patterns.duration.finditer(text):
        years = _count(match.group("n"), patterns.numbers)
        add(f"P{years}Y" if years else None, match)
    for match in patterns.single.finditer(text):
        add(match.group("a"), match)
    for match in patterns.annual.finditer(text):
        add(ANNUAL, match)
    return sorted(found, key=lambda p: p.start)


def label_period(cell: str, language: str) -> str | None:
    """The period a table row or column label names: "2022", "FY2023", "2022–2023",
    "Year 1" / "Año 1" / "Année 1" ("year 1"), "Year 1 (2022)" ("2022"); else None."""
    patterns = _patterns(language)
    label = cell.strip().rstrip("*:").strip()
    match = patterns.label_year.fullmatch(label)
    if match:
        return match.group("a")
    match = patterns.label_range.fullmatch(label)
    if match:
        return _range(match.group("a"), match.group("b"))
    match = patterns.label_relative.fullmatch(label)
    if match:
        if match.group("a"):
            return match.group("a")
        number = _count(match.group("n"), patterns.numbers)
        # "FY23" is fiscal 2023, not a 23rd year: a compact's years are counted to ten
        return f"year {number}" if number and number <= MAX_TERM_YEAR else None
    return None


def nearest_period(periods: list[Period], start: int, end: int, lo: int, hi: int) -> str | None:
    """The period nearest the amount at ``start:end`` among those within ``lo:hi`` (its
    sentence); on a tie the one after it ("US$500,000 in 2017, US$1,500,000 in 2018")."""
    best: tuple[int, int, str] | None = None
    for period in periods:
        if period.start < lo or period.end > hi:
            continue
        after = period.start >= end
        gap = period.start - end if after else max(0, start - period.end)
        key = (gap, 0 if after else 1, period.value)
        if best is None or key < best:
            best = key
    return best[2] if best else None
