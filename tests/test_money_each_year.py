"""An amount given to each of several years is that amount once for every one of them
(nlp.money_years): "in each of 2027 and 2028", "cada año de 2027 a 2030", "pour chacune
des années 2027 et 2028". Drafts of our own, fictional partners, en/es/fr."""

from __future__ import annotations

import pytest

from cpc_draft.nlp import find_contributions, learn_currencies
from cpc_draft.nlp.money_years import each_year_phrases

CASES = [
    (
        "en",
        "Tarvel",
        "Subject to funds, the United States anticipates providing US$2,400,000 over the term, "
        "that is, US$700,000 in each of 2027 and 2028 and US$500,000 in each of 2029 and 2030.",
        [
            ("US", "2400000", None),
            ("US", "700000", "2027"),
            ("US", "700000", "2028"),
            ("US", "500000", "2029"),
            ("US", "500000", "2030"),
        ],
    ),
    (
        "en",
        "Tarvel",
        "Tarvel intends to contribute not less than six million Tarvelian thalers (TVT "
        "6,000,000) over the term, at a rate of two million Tarvelian thalers (TVT 2,000,000) "
        "in each year from 2027 to 2029.",
        [
            ("partner", "6000000", None),
            ("partner", "2000000", "2027"),
            ("partner", "2000000", "2028"),
            ("partner", "2000000", "2029"),
        ],
    ),
    (
        "en",
        "Tarvel",
        "In each of the years 2027 to 2029, the United States plans to provide US$300,000 and "
        "Tarvel TVT 900,000.",
        [
            ("US", "300000", "2027"),
            ("US", "300000", "2028"),
            ("US", "300000", "2029"),
            ("partner", "900000", "2027"),
            ("partner", "900000", "2028"),
            ("partner", "900000", "2029"),
        ],
    ),
    (
        "es",
        "Oralia",
        "El Gobierno de Oralia aportará ORP 1.500.000 en cada uno de los años 2027 y 2028, y "
        "los Estados Unidos USD 400.000 cada año de 2027 a 2029.",
        [
            ("partner", "1500000", "2027"),
            ("partner", "1500000", "2028"),
            ("US", "400000", "2027"),
            ("US", "400000", "2028"),
            ("US", "400000", "2029"),
        ],
    ),
    (
        "fr",
        "Brenou",
        "Le Gouvernement du Brenou prévoit 3 000 000 BRF pour chacune des années 2027 et 2028, "
        "et les États-Unis 250 000 USD par an entre 2027 et 2030.",
        [
            ("partner", "3000000", "2027"),
            ("partner", "3000000", "2028"),
            ("US", "250000", "2027"),
            ("US", "250000", "2028"),
            ("US", "250000", "2029"),
            ("US", "250000", "2030"),
        ],
    ),
]
DEFINITIONS = {
    "Tarvel": 'In this Note, "Tarvelian thalers" and "TVT" refer to the currency of Tarvel.',
    "Oralia": "Oralia aporta en pesos oralianos (ORP).",
    "Brenou": "Le Brenou contribue en francs brenois (BRF).",
}


@pytest.mark.parametrize("language, partner, text, expected", CASES, ids=lambda v: str(v)[:20])
def test_an_amount_for_each_of_several_years_counts_once_a_year(language, partner, text, expected):
    own = learn_currencies([DEFINITIONS[partner], text], language)
    found = find_contributions(text, language, partner, currencies=own)
    assert [(f.party, str(f.money.amount), f.period) for f in found] == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "US$500,000 in 2027 and 2028 together"),  # no "each": one sum for both
        ("en", "US$500,000 per year over the term"),  # no years written out
        ("es", "USD 500.000 en 2027 y 2028"),
        ("fr", "500 000 USD en 2027 et en 2028"),
    ],
)
def test_years_without_each_are_no_yearly_amounts(language, text):
    assert each_year_phrases(text, language) == []


def test_a_range_after_between_and_a_list_after_of():
    (between,) = each_year_phrases("US$100,000 per year between 2027 and 2030", "en")
    (listed,) = each_year_phrases("US$100,000 in each of 2027, 2029 and 2031", "en")
    assert between.years == ("2027", "2028", "2029", "2030")
    assert listed.years == ("2027", "2029", "2031")


@pytest.mark.parametrize(
    "language, text, period",
    [
        ("es", "Los Estados Unidos aportan USD 900.000, desglosados por eje y por año así:", None),
        ("es", "Los Estados Unidos aportan USD 300.000 por año.", "annual"),
        ("fr", "Les États-Unis apportent 900 000 USD, ventilés par axe et par an :", None),
        ("fr", "Les États-Unis apportent 300 000 USD par an.", "annual"),
        ("en", "The United States provides US$900,000, broken down per year below.", None),
        ("en", "The United States provides US$300,000 per year.", "annual"),
    ],
)
def test_a_sum_broken_down_by_year_is_no_yearly_amount(language, text, period):
    (found,) = find_contributions(text, language)
    assert found.period == period


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "en",
            "In each of the years 2027 to 2029, the United States plans US$300,000, "
            "for a total of US$900,000.",
        ),
        (
            "es",
            "En cada uno de los años 2027 a 2029, los Estados Unidos aportarán USD 300.000, "
            "por un total de USD 900.000.",
        ),
        (
            "fr",
            "Pour chacune des années 2027 à 2029, les États-Unis prévoient 300 000 USD, "
            "soit un total de 900 000 USD.",
        ),
    ],
)
def test_a_total_in_a_sentence_opened_by_each_of_the_years_is_stated_once(language, text):
    found = [(str(f.money.amount), f.period) for f in find_contributions(text, language)]
    assert found == [("300000", "2027"), ("300000", "2028"), ("300000", "2029"), ("900000", None)]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "US$300,000 for each year of the period 2027–2029"),
        ("en", "US$300,000 in each of the three years 2027 to 2029"),
        ("es", "USD 300.000 en cada año del período 2027-2029"),
        ("fr", "300 000 USD pour chacune des trois années 2027 à 2029"),
    ],
)
def test_years_counted_or_called_a_period(language, text):
    (phrase,) = each_year_phrases(text, language)
    assert phrase.years == ("2027", "2028", "2029")
