"""What a negotiator expects to hear about a spec at `assemble` time, with a suggestion.

Two kinds, both ``FILE:LINE: field: message`` lines:

- :func:`code_problems` (errors, on the YAML before validation): a language or currency
  code that does not exist ("fx", "CFA"). Each gets the codes it probably meant: a
  language of the clause library, or the currencies whose CLDR names or symbols carry the
  word written ("CFA": XOF, the West African CFA franc, and XAF, the Central African). An
  unknown language is reported alone, not with one error per text that names it.
- :func:`spec_warnings` (on the validated spec): a term outside the four to five years
  compacts run, and years in which a government's planned contribution is zero.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from importlib import resources

from cpc_draft.assemble.schema import is_known_language
from cpc_draft.assemble.spec import PARTIES, CompactSpec
from cpc_draft.assemble.wording import available_languages
from cpc_draft.fileio.yaml_source import LocatedYaml, dotted

TERM_YEARS = (4, 5)  # compacts run four to five years (DOMAIN.md: the fact sheet, the GAO)
_PARTY_NAMES = {"us": "the United States", "partner": "the partner government"}


def code_problems(located: LocatedYaml) -> list[str]:
    """Unknown language and currency codes in the raw spec, each with a suggestion."""
    value = located.value if isinstance(located.value, dict) else {}
    problems = []
    languages = value.get("languages")
    for index, code in enumerate(languages if isinstance(languages, list) else []):
        if isinstance(code, str) and not is_known_language(code):
            problems.append(
                _where(located, ("languages", index))
                + f"{code!r} is not a known language code (e.g. en, es, fr)"
                + _language_hint(code)
            )
    currencies = value.get("currencies")
    partner = value.get("partner") if isinstance(value.get("partner"), dict) else {}
    for party in PARTIES:
        code = currencies.get(party) if isinstance(currencies, dict) else None
        if isinstance(code, str) and not is_currency(code):
            if code.upper().startswith("TODO"):
                continue  # init's placeholder: the schema (or --allow-incomplete) handles it
            problems.append(
                _where(located, ("currencies", party))
                + f"{code!r} is not an ISO 4217 currency code; "
                + _currency_hint(code, partner.get("code"))
            )
    return problems


def spec_warnings(spec: CompactSpec) -> list[str]:
    """What is allowed but unusual enough that the negotiator should look again."""
    warnings = []
    low, high = TERM_YEARS
    years = spec.term.years
    if not low <= years <= high:
        field = ("term", "years") if "years" in spec.data["term"] else ("term", "end")
        warnings.append(
            f"{spec.where(*field)}: a term of {years} year{'s' if years != 1 else ''}; "
            f"Child Protection Compacts run {low} to {high} years: check the term"
        )
    for party in PARTIES:
        zero = [
            (index, row.year)
            for index, row in enumerate(spec.financial_plan.years)
            if row.amounts[party] == 0
        ]
        if zero:
            listed = ", ".join(str(year) for _, year in zero)
            warnings.append(
                f"{spec.where('financial_plan', 'years', zero[0][0], party)}: "
                f"{_PARTY_NAMES[party]} contributes nothing in {listed}; element E asks for "
                "each government's estimated yearly contribution: give the amount"
            )
    return warnings


# -- suggestions ---------------------------------------------------------------------------


def _language_hint(code: str) -> str:
    have = available_languages()
    named = _language_named(code)
    close = [named] if named else difflib.get_close_matches(code.lower(), have, n=2, cutoff=0.5)
    if not close:
        return ""
    return f"; did you mean {' or '.join(close)}? (the clause library has {', '.join(have)})"


def _language_named(word: str) -> str | None:
    """'French', 'français', 'espagnol' -> fr, es: a language written by its name."""
    from babel import Locale

    folded = word.casefold()
    for code in available_languages():
        for language in available_languages():
            if Locale.parse(language).languages.get(code, "").casefold() == folded:
                return code
    return None


def _currency_hint(code: str, country: object) -> str:
    candidates = currencies_named(code)
    if not candidates:
        candidates = difflib.get_close_matches(code.upper(), sorted(known_currencies()), n=3)
    local = _territory_currency(country)
    if local in candidates:  # the partner's own currency first
        candidates = [local, *(c for c in candidates if c != local)]
    names = known_currencies()
    if not candidates:
        return "write the three-letter code, e.g. USD, PEN, XOF"
    listed = " or ".join(f"{c} ({names[c]})" if c in names else c for c in candidates[:4])
    return f"did you mean {listed}?"


def currencies_named(word: str) -> list[str]:
    """Codes whose names or symbols contain ``word`` as a whole word ("CFA" -> XAF, XOF)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word.strip())}(?!\w)", re.IGNORECASE)
    found = []
    for code, entry in _currency_data().items():
        names = (name for key in ("en", "es", "fr") for name in entry.get(key, []))
        texts = [*entry.get("symbols", []), *names]
        if any(pattern.search(text) for text in texts):
            found.append(code)
    return sorted(found) if len(found) <= 6 else []


def is_currency(code: str) -> bool:
    from babel.numbers import list_currencies

    return code.upper() in list_currencies()


@cache
def known_currencies() -> dict[str, str]:
    """ISO 4217 code -> English name, for every currency in use."""
    return {code: entry["en"][0] for code, entry in _currency_data().items()}


@cache
def _currency_data() -> dict:
    entry = resources.files("cpc_draft").joinpath("data/currencies.json")
    return json.loads(entry.read_text("utf-8"))["currencies"]


def _territory_currency(country: object) -> str | None:
    if not isinstance(country, str) or not re.fullmatch(r"[A-Za-z]{2}", country):
        return None
    import datetime as dt

    from babel.numbers import get_territory_currencies

    currencies = get_territory_currencies(country.upper(), dt.date.today())
    return currencies[0] if currencies else None


def _where(located: LocatedYaml, path: tuple) -> str:
    return f"{located.path}:{located.line_of(path)}: {dotted(path)}: "
