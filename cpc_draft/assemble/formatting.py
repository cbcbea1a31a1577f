"""Numbers, money and dates written the way each language writes them.

Babel supplies CLDR's grouping, date patterns and currency names; num2words supplies the
amounts in words. The figures themselves never change between languages: only their
spelling does ("US$5,000,000", "5.000.000 USD", "5 000 000 USD").
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

# English texts write the U.S. dollar with its customary prefix; every other currency,
# and every currency in other languages, is written with its ISO code, as treaty texts do.
ENGLISH_PREFIX = {"USD": "US$"}


class Formatter:
    """Formatting for one language: ``Formatter("es").money(Decimal(5e6), "USD")``."""

    def __init__(self, language: str) -> None:
        self.language = language

    def number(self, value: Decimal | int) -> str:
        from babel.numbers import format_decimal

        value = Decimal(value)
        pattern = "#,##0" if value == value.to_integral_value() else "#,##0.00"
        return format_decimal(value, format=pattern, locale=self.language)

    def money(self, amount: Decimal, currency: str) -> str:
        figures = self.number(amount)
        if self.language == "en":
            prefix = ENGLISH_PREFIX.get(currency)
            return f"{prefix}{figures}" if prefix else f"{currency} {figures}"
        return f"{figures}\u00a0{currency}"

    def money_in_words(self, amount: Decimal, currency: str) -> str:
        """'five million US dollars (US$5,000,000)' — words first, figures in brackets."""
        from babel.numbers import get_currency_name

        amount = Decimal(amount)
        name = get_currency_name(currency, count=amount, locale=self.language)
        name = re.sub(r"\s*\(.*?\)", "", name)  # "francs CFA (BCEAO)" -> "francs CFA"
        words = self.words(amount)
        return f"{words}{self._before_currency(words)}{name} ({self.money(amount, currency)})"

    def words(self, value: Decimal | int) -> str:
        from num2words import num2words

        value = Decimal(value)
        whole = int(value)
        text = num2words(whole, lang=self.language)
        if self.language == "en":
            # U.S. drafting style: "nine million six hundred fifty thousand", no commas or "and".
            text = text.replace(",", "").replace(" and ", " ")
        elif self.language == "es":
            text = _spanish_apocope(text)
        cents = int((value - whole) * 100)
        if cents:
            text += f" {_CENTS_JOINER.get(self.language, '+')} {cents:02d}/100"
        return text

    def date(self, day: dt.date) -> str:
        from babel.dates import format_date

        text = format_date(day, format="long", locale=self.language)
        if self.language == "fr" and day.day == 1:
            text = "1er" + text[1:]  # French writes the first of the month as an ordinal
        return text

    def _before_currency(self, words: str) -> str:
        # "cinco millones de dólares", "cinq millions de dollars": a round million takes "de".
        if self.language == "es" and re.search(r"(millón|millones|billón|billones)$", words):
            return " de "
        if self.language == "fr" and re.search(r"(million|millions|milliard|milliards)$", words):
            return " de "
        return " "


_CENTS_JOINER = {"en": "and", "es": "con", "fr": "et"}


def _spanish_apocope(text: str) -> str:
    """num2words writes 'veintiuno mil'; Spanish drops the -o before mil, millón and nouns."""
    text = re.sub(r"\bveintiuno(?= (mil|mill))|\bveintiuno$", "veintiún", text)
    return re.sub(r"\buno(?= (mil|mill))|\buno$", "un", text)
