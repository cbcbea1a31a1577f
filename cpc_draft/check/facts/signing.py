"""The signature of a compact: the final clause's place and date, however it is written.

"Done at Lima, on April 26, 2022"; "Signed at Washington, D.C., this 14th day of May,
2026"; "Done in duplicate at Orlan, on the twenty-second day of May, two thousand
twenty-six"; "Hecho en la ciudad de Lima, a los veintiséis días del mes de abril de dos
mil veintidós"; "Fait à Abidjan, le 26 avril 2022". The phrases are data
(data/cues.yaml: done_at, day_of, place_prefix, day_ordinal); number words come from the
money lexicon.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import NamedTuple

from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TextBlock
from cpc_draft.text.cues import cue, phrases

_ORDINAL = r"(?:st|nd|rd|th|er|e|º|°)?"  # "27th", "1er", "1º"
_WORD = r"[^\W\d_][\w'’-]*"
YEAR_WORDS = 5  # "two thousand and twenty-six", "deux mille vingt-six"


class Signing(NamedTuple):
    place: str | None
    date: dt.date | None
    evidence: TextBlock | None  # the final clause


def find_signing(stream: Stream) -> Signing:
    from cpc_draft.text.dates import find_date

    language = stream.language
    done_at = cue("done_at", language)
    for block in reversed(stream.blocks):  # the final clause is near the end
        match = done_at.search(block.text)
        if not match:
            continue
        rest = block.text[match.end() :].strip()
        return Signing(
            _place(rest, language), find_date(plain_dates(rest, language), language), block
        )
    return Signing(None, None, None)


def plain_dates(text: str, language: str) -> str:
    """Dates as text/dates.py reads them: "this 27th day of November 2025" -> "this 27
    November 2025"; "the twenty-second day of May, two thousand twenty-six" -> "22 May 2026"."""
    day_of = cue("day_of", language).pattern
    figures = rf"\b(\d{{1,2}}){_ORDINAL}\s+{day_of}\s+(\w+)(?:,|\s+de)?\s+(?=\d{{4}})"
    text = re.sub(figures, r"\1 \2 ", text)
    return _spelled(text, language)


def _spelled(text: str, language: str) -> str:
    """A day and a year in words around a month name, rewritten in figures."""
    months = _months(language)
    if not months:
        return text
    day_of = cue("day_of", language).pattern
    pattern = re.compile(
        rf"\b(?P<day>{_WORD})\s+(?:{day_of}\s+)?(?P<month>{_month_names(language)})\b,?\s+"
        rf"(?:(?:de|of)\s+)?(?P<year>{_WORD}(?:\s+{_WORD}){{0,{YEAR_WORDS - 1}}})",
        re.IGNORECASE,
    )

    def figures(match: re.Match) -> str:
        day = _day(match.group("day"), language)
        year, used = _year(match.group("year"), language)
        if not (day and year):
            return match.group()
        rest = match.group("year")[used:]
        return f"{day} {match.group('month')} {year}{rest}"

    return pattern.sub(figures, text)


def _day(word: str, language: str) -> int | None:
    from cpc_draft.nlp.lexicon import lexicon

    folded = word.casefold()
    ordinals = [w.casefold() for w in phrases("day_ordinal", language)]
    if folded in ordinals:
        return ordinals.index(folded) + 1
    value = lexicon(language).number_word(folded)
    return int(value) if value is not None and 1 <= value <= 31 else None


def _year(words: str, language: str) -> tuple[int | None, int]:
    """The year the number words that open ``words`` make, and how many characters of
    ``words`` they take: "two thousand twenty-six, in duplicate" -> (2026, 23)."""
    from cpc_draft.nlp.lexicon import lexicon
    from cpc_draft.nlp.numbers import value_of

    lex = lexicon(language)
    items, used = [], 0
    for match in re.finditer(r"\S+", words):
        token = match.group().rstrip(",.;").casefold()
        if token in lex.joins and items:
            continue  # "two thousand and twenty-six"
        unit, scale = lex.number_word(token), lex.scales.get(token)
        if unit is None and scale is None:
            break
        items.append(("scale", scale) if scale is not None else ("num", unit))
        used = match.start() + len(match.group().rstrip(",.;"))
    value = value_of(items)
    if value is None or not 1900 <= value <= 2100:
        return None, 0
    return int(value), used


@cache
def _month_names(language: str) -> str:
    names = {n for name in _wide_months(language) for n in (name, _fold(name))}
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _months(language: str) -> dict[str, int]:
    return {_fold(name): number for name, number in _wide_months(language).items()}


@cache
def _wide_months(language: str) -> dict[str, int]:
    try:
        from babel.dates import get_month_names

        names = get_month_names("wide", locale=language)
    except Exception:  # a language Babel does not know: no dates in words
        return {}
    return {name: number for number, name in names.items()}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _place(rest: str, language: str) -> str | None:
    """The capitalised words that open ``rest``: "Washington, D.C., in duplicate" ->
    "Washington, D.C."; "la ciudad de San Fermín, a los …" -> "San Fermín"."""
    prefix = cue("place_prefix", language).match(rest)
    words = rest[prefix.end() :].split() if prefix else rest.split()
    name: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if not word[:1].isupper():
            break
        name.append(word)
        if word.endswith(",") and not following[:1].isupper():
            break
    place = " ".join(name).rstrip(",")
    return place or None
