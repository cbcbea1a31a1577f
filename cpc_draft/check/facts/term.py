"""The term of a compact and its signature, as one language version states them.

The term comes from what the text says about it: every sentence of the duration article
and every other sentence that speaks of the term ("a term of five years beginning on
January 1, 2027", "remain in effect … until 31 December 2029", "2026–2030", "vigente por
cuatro años", "pour une durée de cinq ans"). Whether a date or a year starts or ends it
is read from the words just before it ("from", "beginning on", "until", "hasta el",
"jusqu'au"; data/cues.yaml term_start, term_end). The signing date is the start only
where the text ties the two ("for four years from the date of its signature"); the
signature is read in :mod:`cpc_draft.check.facts.signing`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from cpc_draft.check.facts.sentences import sentences
from cpc_draft.check.facts.signing import Signing, find_signing, plain_dates
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TextBlock
from cpc_draft.text.cues import cue, has, prefilter

YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
ROLE_REACH = 24  # characters before a date or year in which "from" or "until" tells its role
MAX_GAP_WORDS = 3  # between that cue and the date: "until the end of 2030"

__all__ = [
    "YEAR_RANGE",
    "Signing",
    "StatedTerm",
    "Term",
    "find_signing",
    "find_term",
    "stated_term",
]

Point = dt.date | int  # a date, or a year where the text gives only the year


class Term(NamedTuple):
    """The term as the text states it: ``start`` and ``end`` as dates or years, the
    number of ``years``, and whether the text starts it at the signature."""

    years: int | None
    start: Point | None
    end: Point | None
    from_signing: bool
    evidence: TextBlock | None  # where the term is stated

    @property
    def year_range(self) -> tuple[int, int] | None:
        if self.start is None or self.end is None:
            return None
        return _year(self.start), _year(self.end)


class StatedTerm(NamedTuple):
    """Start and end as ISO dates, or as years; ``years`` the length."""

    start: str | None
    end: str | None
    years: int | None


class _Marks(NamedTuple):
    """What one sentence says: start and end points, the years, the tie to signature."""

    starts: list[Point]
    ends: list[Point]
    years: int | None
    from_signing: bool


def find_term(stream: Stream) -> Term:
    starts: list[Point] = []
    ends: list[Point] = []
    years, from_signing, evidence = None, False, None
    for block, sentence in _term_sentences(stream):
        marks = _read(sentence, stream.language)
        if marks.starts or marks.ends or marks.years:
            evidence = evidence or block
        starts += marks.starts
        ends += marks.ends
        years = years or marks.years
        from_signing = from_signing or marks.from_signing
    if years is None:
        years, block = _years_anywhere(stream)
        evidence = evidence or block
    if not (starts or ends):
        starts, ends, block = _range_in_title(stream)
        evidence = evidence or block
    return Term(years, _best(starts), _best(ends), from_signing, evidence)


def _term_sentences(stream: Stream) -> list[tuple[TextBlock, str]]:
    """The sentences of the duration article, then every other sentence about the term."""
    language = stream.language
    article = stream.in_section("duration")
    found = [(block, sentence) for block in article for sentence in sentences(block.text)]
    inside = {block.index for block in article}
    maybe = prefilter(("term", "from_signing"), language)
    for block in stream.blocks:
        if block.index in inside or not maybe.search(block.text):
            continue  # most blocks say nothing of the term
        found += [
            (block, sentence)
            for sentence in sentences(block.text)
            if _about_term(sentence, language)
        ]
    return found


def _about_term(text: str, language: str) -> bool:
    return has("term", language, text) or has("from_signing", language, text)


def _best(points: list[Point]) -> Point | None:
    """The first date stated, else the first year."""
    return next((p for p in points if isinstance(p, dt.date)), points[0] if points else None)


def _read(sentence: str, language: str) -> _Marks:
    from cpc_draft.text.dates import find_date_spans

    text = plain_dates(sentence, language)
    starts: list[Point] = []
    ends: list[Point] = []
    dates = find_date_spans(text, language)
    unplaced = []
    for begin, _, day in dates:
        role = _role(text, begin, language)
        (starts if role == "start" else ends if role == "end" else unplaced).append(day)
    if len(unplaced) >= 2 and not (starts or ends):  # "1 January 2026 – 31 December 2029"
        starts.append(unplaced[0])
        ends.append(unplaced[-1])
    taken = [(begin, end) for begin, end, _ in dates]
    for first, last, span in _year_ranges(text, language, taken):
        starts.append(first)
        ends.append(last)
        taken.append(span)
    for match in _YEAR.finditer(text):
        if any(begin <= match.start() < end for begin, end in taken):
            continue
        role = _role(text, match.start(), language)
        if role:
            (starts if role == "start" else ends).append(int(match.group()))
    return _Marks(starts, ends, _years_in(text, language), has("from_signing", language, text))


def _role(text: str, at: int, language: str) -> str | None:
    """ "start" or "end": the cue closest before ``at``, with at most a few small words
    between them ("until the end of 2030", "hasta el año 2030")."""
    before = text[max(0, at - ROLE_REACH) : at]
    found = [
        (match.end(), role)
        for role in ("start", "end")
        for match in cue(f"term_{role}", language).finditer(before)
        if len(before[match.end() :].split()) <= MAX_GAP_WORDS
    ]
    return max(found)[1] if found else None


def _year_ranges(text: str, language: str, taken: list[tuple[int, int]]):
    """(first, last, span) of "2026–2030", "2026 to 2030", "de 2026 à 2030"."""
    joiners = cue("year_joiner", language).pattern
    pattern = re.compile(rf"\b((?:19|20)\d\d)\s*(?:[–—-]|{joiners})\s*((?:19|20)\d\d)\b")
    for match in pattern.finditer(text):
        first, last = int(match.group(1)), int(match.group(2))
        overlaps = any(begin < match.end() and match.start() < end for begin, end in taken)
        if not overlaps and 1 <= last - first <= 10:
            yield first, last, match.span()


def _years_in(text: str, language: str) -> int | None:
    """ "a term of five (5) years", "this four-year Partnership": one to ten years, unless
    after "extend" or "additional" (an extension, not the term)."""
    from cpc_draft.nlp.lexicon import lexicon

    words = lexicon(language)
    text = text.replace("-", " ")  # "four-year" reads as "four year"
    extension = cue("extension", language).search(text)
    for match in cue("year_word", language).finditer(text):
        if extension and extension.start() < match.start():
            break
        before = text[: match.start()].rstrip().split()
        if not before:
            continue
        token = before[-1].strip("()").casefold()
        value = int(token) if token.isdigit() else words.number_word(token)
        if value is not None and 1 <= int(value) <= 10:
            return int(value)
    return None


def _years_anywhere(stream: Stream) -> tuple[int | None, TextBlock | None]:
    """Where no sentence about the term gives its length: "a four-year plan" anywhere."""
    for block in stream.blocks:
        years = _years_in(block.text, stream.language)
        if years:
            return years, block
    return None, None


def _range_in_title(stream: Stream) -> tuple[list[Point], list[Point], TextBlock | None]:
    """ "Child Protection Compact Partnership 2022–2027": the title names the term."""
    for block in stream.blocks[:2]:
        match = YEAR_RANGE.search(block.text)
        if match and 1 <= int(match.group(2)) - int(match.group(1)) <= 10:
            return [int(match.group(1))], [int(match.group(2))], block
    return [], [], None


def stated_term(term: Term, signing: Signing) -> StatedTerm:
    """Start and end as the text states them; the signing date starts the term only where
    the text ties them; a missing end (or start) follows from the other and the years."""
    start, end, years = term.start, term.end, term.years
    signed = signing.date if term.from_signing else None
    if start is None or (signed and start == signed.year):  # "from signature … 2026 to 2030"
        start = signed or start
    if end is None and start is not None and years:
        end = _after(start, years)
    elif start is None and end is not None and years:
        start = _before(end, years, term.from_signing)
    if years is None and start is not None and end is not None:
        years = _length(start, end)
    return StatedTerm(_text(start), _text(end), years)


def _after(start: Point, years: int) -> Point:
    """The last day (or year) of a term of ``years`` from ``start``."""
    if isinstance(start, int):
        return start + years - 1  # calendar years: 2026 and four years run to 2029
    return _shift(start, years) - dt.timedelta(days=1)


def _before(end: Point, years: int, from_signing: bool) -> Point:
    if isinstance(end, int):
        # From a signature, four years to 2030 start in 2026; calendar years in 2027.
        return end - years if from_signing else end - years + 1
    return _shift(end, -years) + dt.timedelta(days=1)


def _shift(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _length(start: Point, end: Point) -> int | None:
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        return round((end - start).days / 365.25) or None
    return (_year(end) - _year(start)) or None


def _year(point: Point) -> int:
    return point if isinstance(point, int) else point.year


def _text(point: Point | None) -> str | None:
    if point is None:
        return None
    return point.isoformat() if isinstance(point, dt.date) else str(point)
