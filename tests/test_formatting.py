"""Money, numbers in words and dates per language (assemble.formatting), and contractions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cpc_draft.assemble.formatting import Formatter
from cpc_draft.assemble.wording import contract

NBSP = "\u00a0"  # no-break space: between the figures and the ISO code
NNBSP = "\u202f"  # narrow no-break space: French digit grouping


def code_points(text: str) -> list[str]:
    return [f"U+{ord(char):04X}" for char in text]


# -- money in figures ------------------------------------------------------------------------


def test_money_english_us_dollars_take_the_us_prefix():
    assert Formatter("en").money(Decimal(5_000_000), "USD") == "US$5,000,000"


def test_money_english_other_currency_takes_its_iso_code_first():
    assert Formatter("en").money(Decimal(8_000_000), "PEN") == "PEN 8,000,000"


def test_money_spanish_groups_with_periods_and_puts_the_code_after_a_no_break_space():
    text = Formatter("es").money(Decimal(5_000_000), "USD")
    assert text == "5.000.000\u00a0USD"
    assert text[9] == NBSP
    assert " " not in text  # never an ordinary space that a line could break at


def test_money_french_groups_with_narrow_no_break_spaces():
    text = Formatter("fr").money(Decimal(5_000_000), "USD")
    assert text == "5\u202f000\u202f000\u00a0USD"
    assert code_points(text) == [
        "U+0035",
        "U+202F",
        "U+0030",
        "U+0030",
        "U+0030",
        "U+202F",
        "U+0030",
        "U+0030",
        "U+0030",
        "U+00A0",
        "U+0055",
        "U+0053",
        "U+0044",
    ]


def test_money_same_figures_in_every_language_for_non_usd():
    assert Formatter("es").money(Decimal(8_000_000), "PEN") == "8.000.000\u00a0PEN"
    assert Formatter("fr").money(Decimal(500_000_000), "XOF") == "500\u202f000\u202f000\u00a0XOF"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "US$1,234.56"),
        ("es", "1.234,56\u00a0USD"),
        ("fr", "1\u202f234,56\u00a0USD"),
    ],
)
def test_money_with_cents(language, expected):
    assert Formatter(language).money(Decimal("1234.56"), "USD") == expected


def test_money_with_cents_always_shows_two_decimals():
    assert Formatter("en").money(Decimal("1234.5"), "USD") == "US$1,234.50"


def test_whole_amount_shows_no_decimals():
    assert Formatter("en").money(Decimal("9600000.0"), "USD") == "US$9,600,000"


# -- money in words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "five million US dollars (US$5,000,000)"),
        ("es", "cinco millones de dólares estadounidenses (5.000.000\u00a0USD)"),
        ("fr", "cinq millions de dollars des États-Unis (5\u202f000\u202f000\u00a0USD)"),
    ],
)
def test_money_in_words_five_million_dollars(language, expected):
    assert Formatter(language).money_in_words(Decimal(5_000_000), "USD") == expected


def test_money_in_words_other_currencies():
    assert (
        Formatter("es").money_in_words(Decimal(8_000_000), "PEN")
        == "ocho millones de soles peruanos (8.000.000\u00a0PEN)"
    )
    # "francs CFA (BCEAO)" loses its bracket, so the figures stay the only bracket.
    assert (
        Formatter("fr").money_in_words(Decimal(21_000_000), "XOF")
        == "vingt et un millions de francs CFA (21\u202f000\u202f000\u00a0XOF)"
    )


def test_money_in_words_no_de_when_the_amount_does_not_end_in_million():
    assert (
        Formatter("es").money_in_words(Decimal(21_000), "USD")
        == "veintiún mil dólares estadounidenses (21.000\u00a0USD)"
    )
    assert (
        Formatter("es").money_in_words(Decimal(1_000_000), "USD")
        == "un millón de dólares estadounidenses (1.000.000\u00a0USD)"
    )


# -- numbers in words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (21_000, "veintiún mil"),
        (1_000_000, "un millón"),
        (21_000_000, "veintiún millones"),
        (31_000, "treinta y un mil"),
        (101_000, "ciento un mil"),
        (21, "veintiún"),
    ],
)
def test_spanish_apocope(number, expected):
    assert Formatter("es").words(number) == expected


def test_spanish_apocope_leaves_uno_inside_other_words_alone():
    # Amounts in words are always followed by a currency noun, so a final "veintiuno"
    # shortens too ("un millón veintiún dólares").
    text = Formatter("es").words(1_000_021)
    assert text == "un millón veintiún"
    assert "uno" not in text


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (9_650_000, "nine million six hundred fifty thousand"),
        (1_234_567, "one million two hundred thirty-four thousand five hundred sixty-seven"),
        (101, "one hundred one"),
        (4, "four"),
    ],
)
def test_english_words_without_commas_or_and(number, expected):
    text = Formatter("en").words(number)
    assert text == expected
    assert "," not in text
    assert " and " not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "one thousand two hundred thirty-four and 56/100"),
        ("es", "mil doscientos treinta y cuatro con 56/100"),
        ("fr", "mille deux cent trente-quatre et 56/100"),
    ],
)
def test_words_with_cents(language, expected):
    assert Formatter(language).words(Decimal("1234.56")) == expected


def test_words_with_cents_pads_to_two_digits():
    assert Formatter("en").words(Decimal("7.05")) == "seven and 05/100"


def test_money_in_words_with_cents():
    assert (
        Formatter("en").money_in_words(Decimal("1234.56"), "USD")
        == "one thousand two hundred thirty-four and 56/100 US dollars (US$1,234.56)"
    )


# -- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "April 26, 2022"),
        ("es", "26 de abril de 2022"),
        ("fr", "26 avril 2022"),
    ],
)
def test_long_dates(language, expected):
    assert Formatter(language).date(dt.date(2022, 4, 26)) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "April 1, 2022"),
        ("es", "1 de abril de 2022"),
        ("fr", "1er avril 2022"),
    ],
)
def test_first_of_the_month(language, expected):
    # Only French writes the first of the month as an ordinal.
    assert Formatter(language).date(dt.date(2022, 4, 1)) == expected


def test_french_ordinal_only_on_the_first():
    assert Formatter("fr").date(dt.date(2022, 4, 11)) == "11 avril 2022"
    assert Formatter("fr").date(dt.date(2022, 4, 21)) == "21 avril 2022"


# -- contractions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "en nombre de el Gobierno de Chile", "en nombre del Gobierno de Chile"),
        ("es", "a el Gobierno", "al Gobierno"),
        ("fr", "au nom de le Gouvernement", "au nom du Gouvernement"),
        ("fr", "de les États-Unis d'Amérique", "des États-Unis d'Amérique"),
        ("fr", "à le Gouvernement", "au Gouvernement"),
        ("fr", "à les États-Unis", "aux États-Unis"),
    ],
)
def test_contractions_before_a_capitalised_word(language, text, expected):
    assert contract(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "afin de le protéger"),  # "le" is a pronoun here
        ("fr", "afin de les protéger"),
        ("es", "de el gobierno local"),  # not before a capitalised word
        ("es", "la República de El Salvador"),  # part of the proper name: never contracted
        ("es", "de los Estados Unidos"),
        ("en", "of the Government of the United States"),
    ],
)
def test_contractions_leave_other_text_alone(language, text):
    assert contract(text, language) == text


def test_contractions_apply_to_every_occurrence():
    assert contract("de el Gobierno y de el Perú", "es") == "del Gobierno y del Perú"
