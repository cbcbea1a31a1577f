"""Validate a compact spec against ``data/spec_schema.yaml``, collecting every problem.

The checker walks the YAML value and the schema side by side and reports each problem as
``FILE:LINE: FIELD: PROBLEM``, all at once, not just the first. What it returns is the
validated value as plain data: text fields become :class:`Text` values (one string per
language), amounts ``Decimal``. `spec` builds the typed :class:`CompactSpec` from it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import NamedTuple

from cpc_draft.errors import SpecError
from cpc_draft.fileio.yaml_source import LocatedYaml, dotted, load_data

PARTIES = ("us", "partner")
# A line or paragraph separator (U+2028, U+2029) in a value is a line break the user typed,
# as a newline is: a space, so that no value can start a list item, a table or a directive.
_ORDINARY_WHITESPACE = re.compile(r"[ \t\r\n\u2028\u2029]+")
PLACEHOLDER = "TODO"


class Text(NamedTuple):
    """One piece of text in every language of the spec: ``name["es"]``."""

    by_language: dict[str, str]

    def __getitem__(self, language):
        if isinstance(language, str):
            return self.by_language[language]
        return tuple.__getitem__(self, language)  # a position, as for any tuple


@cache
def schema() -> dict:
    text = resources.files("cpc_draft").joinpath("data/spec_schema.yaml").read_text("utf-8")
    return load_data(text)


def validate(located: LocatedYaml) -> dict:
    """The validated value of a spec; raise :class:`SpecError` listing every problem."""
    checker = _Checker(located)
    data = checker.check_document()
    if not checker.problems:
        checker.check_consistency(data)
    if checker.problems:
        raise SpecError(checker.problems)
    return data


class _Checker:
    """Walks the YAML value and the schema side by side, collecting problems."""

    def __init__(self, located: LocatedYaml) -> None:
        self.located = located
        self.problems: list[str] = []
        self.languages: list[str] = []

    def problem(self, where: tuple, message: str) -> None:
        line = self.located.line_of(where)
        self.problems.append(f"{self.located.path}:{line}: {dotted(where)}: {message}")

    def check_document(self) -> dict:
        value = self.located.value
        if not isinstance(value, dict):
            self.problem((), "the spec must be a mapping of fields (see `cpc-draft init`)")
            return {}
        # Languages first: every text field is checked against them.
        language_rule = schema()["fields"]["languages"]
        self.languages = self.check(value.get("languages"), language_rule, ("languages",)) or []
        self.languages_checked = True
        return self.check(value, schema(), ()) or {}

    def check(self, value, rule, where: tuple):
        rule = {"type": rule} if isinstance(rule, str) else rule
        bounds = schema().get("bounds", {}).get(rule["type"])
        if bounds:  # the type's range; the field's own min and max narrow it
            rule = {**bounds, **rule}
        checker = getattr(self, "check_" + rule["type"])
        return checker(value, rule, where)

    # -- containers ---------------------------------------------------------------------

    def check_map(self, value, rule, where):
        if not isinstance(value, dict):
            self.problem(where, f"expected a mapping of fields, got {_describe(value)}")
            return None
        fields = rule["fields"]
        result = {}
        for key, item in value.items():
            if key not in fields:
                self.problem((*where, key), "unknown key" + _did_you_mean(key, fields))
                continue
            if item is None and not fields[key].get("required"):
                continue
            result[key] = self.check(item, fields[key], (*where, key))
        for key, field_rule in fields.items():
            if field_rule.get("required") and value.get(key) is None:
                self.problem((*where, key), f"missing (required: {field_rule.get('doc', key)})")
        return result

    def check_list(self, value, rule, where):
        if not isinstance(value, list):
            self.problem(where, f"expected a list, got {_describe(value)}")
            return None
        return [
            self.check(item, rule["items"], (*where, index)) for index, item in enumerate(value)
        ]

    def check_parties(self, value, rule, where):
        if not isinstance(value, dict):
            self.problem(
                where, f"expected a mapping with keys us and partner, got {_describe(value)}"
            )
            return None
        for key in value:
            if key not in PARTIES:
                self.problem((*where, key), "unknown party" + _did_you_mean(key, PARTIES))
        result = {}
        for party in PARTIES:
            if value.get(party) is None:
                if rule.get("required"):
                    self.problem((*where, party), "missing")
                continue
            result[party] = self.check(value[party], rule["of"], (*where, party))
        return result

    # -- scalars ------------------------------------------------------------------------

    def check_text(self, value, rule, where):
        if isinstance(value, str) and len(self.languages) == 1:
            value = {self.languages[0]: value}
        if not isinstance(value, dict):
            wanted = ", ".join(self.languages) or "each language"
            self.problem(
                where, f"expected one text per language ({wanted}), got {_describe(value)}"
            )
            return None
        for language in value:
            if language not in self.languages:
                self.problem(
                    (*where, language),
                    f"language {language!r} is not in the spec's languages "
                    f"({', '.join(self.languages)})",
                )
        texts = {}
        for language in self.languages:
            if value.get(language) is None:
                self.problem((*where, language), f"missing translation (language {language!r})")
                continue
            texts[language] = self.check_string(value[language], rule, (*where, language))
        return Text(texts)

    def check_string(self, value, rule, where):
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(where, f"expected text, got {_describe(value)}")
            return None
        text = str(value)
        bad = _forbidden_character(text)
        if bad:
            self.problem(where, f"contains {bad}, which a Word document cannot store; remove it")
            return None
        # Collapse ordinary whitespace only: U+00A0 and U+202F are French typography.
        text = _ORDINARY_WHITESPACE.sub(" ", text).strip(" ")
        if not text:
            self.problem(where, "is empty")
        elif text.upper().startswith(PLACEHOLDER):
            self.problem(where, f"still holds the placeholder {text[:40]!r}; fill it in")
        return text

    def check_amount(self, value, rule, where):
        if isinstance(value, bool) or not isinstance(value, int | float):
            hint = (
                " (write 5000000, not '5,000,000' or '$5 million')"
                if isinstance(value, str)
                else ""
            )
            self.problem(where, f"{value!r} is not a number{hint}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(where, f"{value!r} is not a finite number")
            return None
        if value < 0:
            self.problem(where, f"{value!r} is negative; amounts must be non-negative numbers")
            return None
        if rule.get("max") is not None and value > rule["max"]:
            self.problem(where, f"{value!r} is more than the largest amount, {rule['max']:,}")
            return None
        amount = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if amount != amount.quantize(Decimal("0.01")):
            self.problem(where, f"{value!r} has more than two decimal places")
            return None
        return amount.normalize() if isinstance(value, float) else amount

    def check_integer(self, value, rule, where):
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(where, f"{value!r} is not a whole number")
            return None
        return self.in_range(value, rule, where)

    def in_range(self, value, rule, where):
        """``value`` if it lies within the rule's min and max (either may be absent)."""
        low, high = rule.get("min"), rule.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            self.problem(where, f"{value} is outside {low}..{high}")
            return None
        return value

    def check_boolean(self, value, rule, where):
        if not isinstance(value, bool):
            self.problem(where, f"{value!r} is not true or false")
            return None
        return value

    def check_date(self, value, rule, where):
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.problem(where, f"{value!r} is not a date; write it as YYYY-MM-DD")
            return None
        return self.in_range(value, rule, where)

    def check_currency(self, value, rule, where):
        from babel.numbers import list_currencies

        code = str(value).upper() if isinstance(value, str) else None
        if code and code.startswith(PLACEHOLDER):
            self.problem(where, f"still holds the placeholder {value!r}; fill it in")
            return None
        if code not in list_currencies():
            self.problem(
                where,
                f"{value!r} is not an ISO 4217 currency code"
                + _did_you_mean(str(value).upper(), sorted(list_currencies())),
            )
            return None
        return code

    def check_languages(self, value, rule, where):
        if getattr(self, "languages_checked", False):  # checked once, before everything else
            return self.languages
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value:
            self.problem(
                where, f"expected a list of language codes such as [en, es], got {_describe(value)}"
            )
            return []
        languages = []
        for index, code in enumerate(value):
            if not is_known_language(code):
                self.problem(
                    (*where, index), f"{code!r} is not a known language code (e.g. en, es, fr)"
                )
            elif code in languages:
                self.problem((*where, index), f"{code!r} is listed twice")
            else:
                languages.append(code)
        if languages and "en" not in languages:
            self.problem(where, "English (en) must be one of the languages of a U.S. compact")
        return languages

    # -- rules that span fields ---------------------------------------------------------

    def check_consistency(self, data: dict) -> None:
        term = data.get("term", {})
        start, end, years = term.get("start"), term.get("end"), term.get("years")
        if start and not (end or years):
            self.problem(("term",), "give the term's length as years: N or end: YYYY-MM-DD")
            return
        if start and end and end <= start:
            self.problem(("term", "end"), f"{end} is not after the start {start}")
            return
        if start and end and years and abs((end - add_years(start, years)).days) > 1:
            self.problem(("term", "end"), f"{end} does not match start {start} plus {years} years")
            return
        if not start:
            return
        last_day, term_years = term_span(start, end, years)
        for index, indicator in enumerate(data.get("indicators") or []):
            targets = (indicator or {}).get("targets") or []
            if len(targets) != term_years:
                self.problem(
                    ("indicators", index, "targets"),
                    f"{len(targets)} targets for a {term_years}-year term; give one per year",
                )
        seen = set()
        plan = data.get("financial_plan") or {}
        for index, row in enumerate(plan.get("years") or []):
            year = (row or {}).get("year")
            if year in seen:
                self.problem(("financial_plan", "years", index, "year"), f"{year} is listed twice")
            elif year is not None and not start.year <= year <= last_day.year:
                self.problem(
                    ("financial_plan", "years", index, "year"),
                    f"{year} is outside the term ({start.year}–{last_day.year})",
                )
            seen.add(year)


# -- helpers ------------------------------------------------------------------------------


def is_known_language(code: object) -> bool:
    """True for a language code CLDR (through Babel) knows, e.g. en, es, fr, pt, ne."""
    from babel import Locale, UnknownLocaleError

    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}", code):
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def term_span(start: dt.date, end: dt.date | None, years: int | None) -> tuple[dt.date, int]:
    """The last day of a term and its length in whole years, from its end or its years."""
    last_day = end or add_years(start, years) - dt.timedelta(days=1)
    return last_day, years or max(1, round((last_day - start).days / 365.25))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)


def _forbidden_character(text: str) -> str | None:
    """Name the first character Word cannot store (XML 1.0 forbids C0 controls but tab/LF/CR)."""
    for char in text:
        if char in "\t\n\r":
            continue
        code = ord(char)
        if (
            unicodedata.category(char) == "Cc"
            or 0xD800 <= code <= 0xDFFF
            or code in (0xFFFE, 0xFFFF)
        ):
            return f"the control character U+{code:04X}"
    return None


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"
