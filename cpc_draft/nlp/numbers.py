"""Numbers written in figures or in words, as exact decimals. Plain Python, no spaCy.

``parse_figures("1.250.000,50", ",")`` -> Decimal("1250000.50"); ``value_of([...])`` turns a
sequence of number items (figures, unit words, scale words) into their value:
"nine million six hundred thousand" -> 9600000, "doce mil millones" -> 12000000000.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Characters that may group digits: space, no-break space, narrow no-break space, thin space.
GROUP_SPACES = " \u00a0\u202f\u2009"
FIGURE = re.compile(r"\d[\d.,]*")
# An apostrophe groups digits: the millions of the Andean "12'000,000.00" (Peru, Bolivia)
# and every group of the Swiss "1'250'000.50". It is never a decimal point.
APOSTROPHES = "'’"
APOSTROPHE_FIGURE = re.compile(r"(\d{1,3})((?:['’.,]\d{3})+)(?:([.,])(\d{1,2}))?")
_ONLY_DIGITS = re.compile(r"\d+")


def exact(value: Decimal) -> Decimal:
    """Drop a zero fraction ("9600000.0" -> "9600000"); keep real cents ("0.50")."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value


def _grouped(groups: list[str]) -> bool:
    """Digit groups after a grouping separator: 3 digits each; the first 1-3 digits.

    Indian grouping (1,00,00,000) is accepted too: 2-digit groups before the last.
    """
    if not groups[0] or len(groups[0]) > 3 or len(groups[-1]) != 3:
        return False
    middle = groups[1:-1]
    return all(len(g) == 3 for g in middle) or all(len(g) == 2 for g in middle)


def parse_figures(text: str, decimal: str | None) -> Decimal | None:
    """A figure such as "5,000,000", "5.000.000", "1 250 000,50" or "9.6".

    An unambiguous figure is read the same in every language; a single separator followed
    by exactly three digits ("5,000") is a decimal point only if it is ``decimal``.
    """
    text = text.strip()
    for space in GROUP_SPACES:
        text = text.replace(space, "")
    if any(mark in text for mark in APOSTROPHES):
        return _with_apostrophes(text)
    if not FIGURE.fullmatch(text) or text[-1] in ",.":
        return None
    commas, dots = text.count(","), text.count(".")
    point = None
    if commas and dots:
        point = "," if text.rfind(",") > text.rfind(".") else "."
        if text.count(point) > 1:
            return None
    elif commas + dots == 1:
        sep = "," if commas else "."
        tail = text.split(sep)[1]
        if len(tail) != 3 or decimal == sep:
            point = sep
    whole, _, fraction = text.partition(point) if point else (text, "", "")
    other = "." if point == "," else ","
    group = other if point else ("," if commas else ".")
    groups = whole.split(group) if group in whole else [whole]
    if len(groups) > 1 and not _grouped(groups):
        return None
    digits = "".join(groups)
    if not _ONLY_DIGITS.fullmatch(digits) or (fraction and not _ONLY_DIGITS.fullmatch(fraction)):
        return None
    try:
        return exact(Decimal(f"{digits}.{fraction}" if fraction else digits))
    except InvalidOperation:  # pragma: no cover - guarded by the regexes above
        return None


def _with_apostrophes(text: str) -> Decimal | None:
    """ "12'000,000.00" -> 12000000.00: groups of three after the first, then an optional
    decimal part of one or two digits; the separator of the cents is the last one."""
    found = APOSTROPHE_FIGURE.fullmatch(text)
    if found is None:
        return None
    lead, groups, point, cents = found.groups()
    separators = {mark for mark in groups if not mark.isdigit()}
    if point is not None and point in separators:
        return None  # "1'000.000.50": the point cannot also group
    digits = lead + "".join(ch for ch in groups if ch.isdigit())
    return exact(Decimal(f"{digits}.{cents}" if cents else digits))


def value_of(items: list[tuple[str, Decimal]]) -> Decimal | None:
    """Combine ("num", v) and ("scale", v) items: the largest scale multiplies what precedes
    it and adds what follows ("six hundred thousand" = (6 x 100) x 1000)."""
    if not items:
        return None
    scales = [(v, i) for i, (kind, v) in enumerate(items) if kind == "scale"]
    if not scales:
        return sum((v for _, v in items), Decimal(0))
    largest = max(v for v, _ in scales)
    at = max(i for v, i in scales if v == largest)  # "mil millones": millones multiplies mil
    left = value_of(items[:at]) if at else Decimal(1)
    right = value_of(items[at + 1 :]) if at + 1 < len(items) else Decimal(0)
    if left is None or right is None or left == 0:
        return None
    if right >= largest:  # "a thousand million" is fine; "a million two million" is not
        return None
    return exact(left * largest + right)
