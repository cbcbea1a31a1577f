"""The term of a compact and its signature, as one language version states them.

The term is a number of years ("this four-year Partnership", "five (5) years"), a range
of years ("2022–2027") or the dates of the duration article; the signature is the final
clause's place and date ("Done at Lima, on April 26, 2022").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TextBlock
from cpc_draft.text.cues import cue

YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)\b")


class Term(NamedTuple):
    years: int | None
    year_range: tuple[int, int] | None  # (2022, 2027)
    dates: tuple[dt.date, dt.date] | None  # first and last date of the duration article
    evidence: TextBlock | None  # where the years, else the range, are stated


class Signing(NamedTuple):
    place: str | None
    date: dt.date | None
    evidence: TextBlock | None


class StatedTerm(NamedTuple):
    """Start and end as ISO dates, or as years; ``years`` the length."""

    start: str | None
    end: str | None
    years: int | None


def find_term(stream: Stream) -> Term:
    from cpc_draft.text.dates import find_dates

    years, evidence = _years(stream)
    in_article = [
        d for b in stream.in_section("duration") for d in find_dates(b.text, stream.language)
    ]
    # "… until April 25, 2027, … on April 26, 2022"
    dates = (min(in_article), max(in_article)) if len(set(in_article)) >= 2 else None
    year_range = None
    for block in stream.blocks:
        match = YEAR_RANGE.search(block.text)
        if match and 1 <= int(match.group(2)) - int(match.group(1)) <= 10:
            year_range = (int(match.group(1)), int(match.group(2)))
            evidence = evidence or block
            break
    return Term(years, year_range, dates, evidence)


def _years(stream: Stream) -> tuple[int | None, TextBlock | None]:
    """ "a four-year plan", "five (5) years": the first number of years from one to ten,
    the duration article first."""
    from cpc_draft.nlp.lexicon import lexicon

    words = lexicon(stream.language)
    year_word = cue("year_word", stream.language)
    for block in stream.in_section("duration") + list(stream.blocks):
        text = block.text.replace("-", " ")  # "four-year" reads as "four year"
        for match in year_word.finditer(text):
            before = text[: match.start()].rstrip().split()
            if not before:
                continue
            token = before[-1].strip("(").casefold()
            value = int(token) if token.isdigit() else words.number_word(token)
            if value is not None and 1 <= int(value) <= 10:
                return int(value), block
    return None, None


def find_signing(stream: Stream) -> Signing:
    """ "Done at Lima, on April 26, 2022" / "Hecho en Lima, el 26 de abril de 2022"."""
    from cpc_draft.text.dates import find_date

    done_at = cue("done_at", stream.language)
    for block in reversed(stream.blocks):  # the final clause is near the end
        match = done_at.search(block.text)
        if not match:
            continue
        rest = block.text[match.end() :].strip()
        place = rest.split(",")[0].strip()
        return Signing(
            place if place and "_" not in place else None, find_date(rest, stream.language), block
        )
    return Signing(None, None, None)


def stated_term(term: Term, signing: Signing) -> StatedTerm:
    """Start and end as dates stated in the duration article, else as years from a range
    ("2022–2027"), else from the signature date and the duration."""
    years = term.years
    if term.dates:  # stated in the duration article: the most precise
        start, end = term.dates
        return StatedTerm(start.isoformat(), end.isoformat(), years)
    if term.year_range:
        first, last = term.year_range
        return StatedTerm(str(first), str(last), years or last - first)
    if signing.date and years:
        start = signing.date
        try:
            end = start.replace(year=start.year + years)
        except ValueError:  # 29 February
            end = start.replace(year=start.year + years, day=28)
        return StatedTerm(start.isoformat(), end.isoformat(), years)
    return StatedTerm(None, None, years)
