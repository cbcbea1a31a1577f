"""How the rules' messages write what a draft says: amounts the way the draft's language
writes them, counts with their noun in the right number, and quotes in typographic
quotation marks, never as Python string literals.

A message such as "the total '5\\u202f000\\u202f000\\xa0USD' differs" is what ``repr()``
makes of a French amount; a reviewer should read "the total “5 000 000 USD” differs", with
the no-break spaces as the characters they are. Amounts follow the drafts' own
convention (assemble writes them the same way): "US$1,000,000" in English, the figures
and then the ISO code in other languages ("1.000.000 USD", "5 000 000 USD").
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

# English writes the U.S. dollar with its customary prefix; other currencies, and every
# currency in other languages, with the ISO code.
_ENGLISH_PREFIX = {"USD": "US$"}
_NO_BREAK_SPACE = "\u00a0"


def money(amount: Decimal | str, currency: str, language: str | None) -> str:
    """``money("5000000", "USD", "fr")`` -> "5 000 000 USD" (no-break spaces)."""
    figures = number(amount, language)
    if _locale(language) == "en":
        prefix = _ENGLISH_PREFIX.get(currency)
        return f"{prefix}{figures}" if prefix else f"{currency} {figures}"
    return f"{figures}{_NO_BREAK_SPACE}{currency}"


def number(value: Decimal | str, language: str | None) -> str:
    """A figure grouped per language; a value that is no number is returned as it is."""
    from babel.numbers import format_decimal

    try:
        exact = Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        return str(value)
    if not exact.is_finite():
        return str(value)
    pattern = "#,##0" if exact == exact.to_integral_value() else "#,##0.00"
    return format_decimal(exact, format=pattern, locale=_locale(language))


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``counted(1, "objective")`` -> "1 objective"; ``counted(2, "objective")`` ->
    "2 objectives"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def quoted(text: str, limit: int | None = None) -> str:
    """``text`` in typographic double quotes, cut to ``limit`` characters with "…"."""
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[:limit].rstrip() + "…"
    return f"\u201c{text}\u201d"


def _locale(language: str | None) -> str:
    """The locale a language code formats with: our languages, else English."""
    return language if language in ("en", "es", "fr", "pt") else "en"


def mismatch_message(mismatch) -> str:
    """A language mismatch in words, its amounts written each language's way: "article
    3: amount differs between en (US$5,000,000) and es (4.000.000 USD)"."""
    from dataclasses import replace

    from cpc_draft.check.crosslang import AMOUNT

    if mismatch.kind != AMOUNT:
        return mismatch.message()
    values = {
        language: [_amount(value, language) for value in found]
        for language, found in mismatch.values.items()
    }
    return replace(mismatch, values=values).message()


def _amount(value: str, language: str) -> str:
    """ "USD 5000000" (how crosslang keeps an amount) written the language's way."""
    currency, _, figures = value.partition(" ")
    return money(figures, currency, language) if figures else value
