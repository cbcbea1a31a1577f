"""The years an amount is given to each of: "US$1,000,000 in each of 2027 and 2028" is a
million for 2027 and a million for 2028; "VDM 3 million in each year from 2027 to 2030"
is three million for each of four years; "In each of the years 2027 to 2029, the United
States plans to provide US$500,000 and Vardia VDM 2 million" gives both amounts to each
of three years.

"Desglosado por eje y por año", "réparti par axe et par an" say how a sum is
broken down, not that it is paid every year: :func:`is_breakdown` finds those.

The phrase comes right after the amount (a bracket that closes a figure may stand
between: "two million thalers (TVT 2,000,000) in each year from …"), or it opens the
sentence before all of its amounts. Only years written out count; "US$1 million per
year" alone stays one annual amount (nlp.periods). The words are data
(data/money_each_year.yaml).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import NamedTuple

from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.nlp.lexicon import pipeline_language

MAX_YEARS = 20  # a longer run of years is no compact's
_YEAR = r"(?:19|20)\d\d"
_DASH = "-–—"


class EachYear(NamedTuple):
    years: tuple[str, ...]
    start: int  # the phrase, years included
    end: int


@cache
def _data() -> dict:
    text = resources.files("cpc_draft").joinpath("data/money_each_year.yaml").read_text("utf-8")
    return load_data(text)


def _alternatives(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@cache
def _pattern(language: str) -> re.Pattern | None:
    entry = _data().get(pipeline_language(language)) or _data().get(language)
    if not entry:
        return None
    joins = _alternatives([*entry["list"], *entry["range"]])
    year_run = rf"{_YEAR}(?:\s*(?:{joins}|[{_DASH}])\s*{_YEAR})+"
    return re.compile(
        rf"(?<![\w])(?P<each>{_alternatives(entry['each'])})"
        rf"(?P<filler>(?:\s+(?:{_alternatives(entry['filler'])}))*)"
        rf"\s*(?P<years>{year_run})(?![\w])",
        re.IGNORECASE,
    )


def _years(run: str, filler: str, language: str) -> tuple[str, ...]:
    """The years of "2028 and 2029", "2028, 2029 and 2030", "2028 to 2031", "2028–2031",
    "between 2028 and 2031" (a range after ``between``)."""
    entry = _data().get(pipeline_language(language)) or _data().get(language)
    ranges = {w.casefold() for w in entry["range"]}
    between = {w.casefold() for w in entry["between"]}
    is_between = bool(between & set(filler.casefold().split()))
    found = [(m.group(), m.start(), m.end()) for m in re.finditer(_YEAR, run)]
    years = [int(found[0][0])]
    for (_, _, end), (year, start, _) in pairwise(found):
        join = " ".join(run[end:start].split()).casefold()
        ranged = join in ranges or (join and join in _DASH) or (is_between and len(found) == 2)
        first, last = years[-1], int(year)
        if ranged and first < last <= first + MAX_YEARS:
            years.extend(range(first + 1, last + 1))
        else:
            years.append(last)
    return tuple(str(y) for y in dict.fromkeys(years)) if len(set(years)) > 1 else ()


def each_year_phrases(text: str, language: str) -> list[EachYear]:
    """Every phrase of ``text`` that gives something to each of several years."""
    pattern = _pattern(language)
    if pattern is None:
        return []
    out = []
    for match in pattern.finditer(text):
        years = _years(match.group("years"), match.group("filler"), language)
        if years:
            out.append(EachYear(years, match.start(), match.end()))
    return out


def years_of_amount(
    text: str, phrases: list[EachYear], start: int, end: int, lo: int, first: int
) -> EachYear | None:
    """The phrase that gives the amount at ``start:end`` to each of several years: right
    after it, or opening its sentence (``lo``) before the sentence's first amount
    (``first``)."""
    for phrase in phrases:
        if phrase.start >= end and _adjoins(text[end : phrase.start]):
            return phrase
        if lo <= phrase.start and phrase.end <= first and _opens(text[lo : phrase.start]):
            return phrase
    return None


def _adjoins(between: str) -> bool:
    """Only a bracket's close, a comma or spaces between an amount and its phrase."""
    return len(between) <= 4 and not between.strip(" \t\n),")


def _opens(before: str) -> bool:
    """The phrase opens its sentence: a paragraph number or label at most before it."""
    return len(re.findall(r"\w+", before)) <= 1


BREAKDOWN_WORDS = 6  # how far before "por año" a "distribuido" may stand


def is_breakdown(text: str, start: int, language: str) -> bool:
    """Whether the "per year" at ``start`` says how a sum is broken down: after a word
    such as "distribuido" or "réparti" in its clause ("desglosado por eje y por
    año"), or after another "por …" it is listed with ("por eje y por año")."""
    entry = _data().get(pipeline_language(language)) or _data().get(language)
    if not entry:
        return False
    clause = re.split(r"[.;:()]", text[max(0, start - 120) : start])[-1]
    words = re.findall(r"[\w'’]+", clause.casefold())[-BREAKDOWN_WORDS:]
    phrase = " ".join(words)
    if any(
        re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", phrase) for w in entry["breakdown"]
    ):
        return True
    cue = re.findall(r"[\w'’]+", text[start : start + 20].casefold())[:1]
    joins = {w.casefold() for w in entry["list"]}
    return bool(cue) and len(words) >= 3 and words[-3] == cue[0] and words[-1] in joins
