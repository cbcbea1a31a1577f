"""Dates as the texts write them: "April 26, 2022", "26 de abril de 2022", "1er avril 2022".

Month names come from CLDR (through Babel) for the document's language, so any language
Babel knows is read the way it is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache


@cache
def _months(language: str) -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=language).items():
            names[_fold(name.rstrip("."))] = number
    return names


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c)
    )


_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})(?:er|º|°)?(?:\s+de)?\s+([^\W\d_]+)\.?(?:\s+de)?\s+(\d{4})\b"
)
_MONTH_DAY_YEAR = re.compile(r"\b([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def find_date(text: str, language: str) -> dt.date | None:
    """The first date written out in ``text``, or None."""
    dates = find_dates(text, language)
    return dates[0] if dates else None


def find_dates(text: str, language: str) -> list[dt.date]:
    """Every date written out in ``text``, in the order they appear."""
    return [day for _, _, day in find_date_spans(text, language)]


def find_date_spans(text: str, language: str) -> list[tuple[int, int, dt.date]]:
    """Every date written out in ``text`` with its start and end offsets, in order."""
    try:
        months = _months(language)
    except Exception:  # a language Babel does not know: no dates in words
        return []
    found: list[tuple[int, int, dt.date]] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = months.get(_fold(match.group(2)))
        day = _safe_date(int(match.group(3)), month, int(match.group(1))) if month else None
        if day:
            found.append((match.start(), match.end(), day))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = months.get(_fold(match.group(1)))
        day = _safe_date(int(match.group(3)), month, int(match.group(2))) if month else None
        if day:
            found.append((match.start(), match.end(), day))
    return sorted(found, key=lambda span: span[0])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
