"""Who gives an amount when the sentence's nearest government is not the giver: amounts
given "respectively" to the governments named before them, and amounts in the partner's
own currency under a code the draft defines (nlp.contributions). Our own sentences,
fictional partners, en/es/fr."""

from __future__ import annotations

import pytest

from cpc_draft.nlp import find_contributions, learn_currencies

OWN = {
    "en": "Valdoria counts its money in Valdorian marks (VDM).",
    "es": "Valdoria cuenta en marcos valdorianos (VDM).",
    "fr": "Le Valdoria compte en marks valdoriens (VDM).",
}


def parties(text: str, language: str) -> list[tuple[str, str]]:
    own = learn_currencies([OWN[language]], language)
    found = find_contributions(text, language, "Valdoria", currencies=own)
    return [(f.party, str(f.money.amount)) for f in found]


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "en",
            "The United States and Valdoria intend to contribute US$800,000 and US$300,000 "
            "respectively.",
            [("US", "800000"), ("partner", "300000")],
        ),
        (
            "en",
            "Valdoria and the United States will provide US$300,000 and US$800,000, "
            "respectively, to the shelters.",
            [("partner", "300000"), ("US", "800000")],
        ),
        (
            "es",
            "Los Estados Unidos y Valdoria aportarán USD 800.000 y USD 300.000, respectivamente.",
            [("US", "800000"), ("partner", "300000")],
        ),
        (
            "fr",
            "Les États-Unis et le Valdoria apportent respectivement 800 000 USD et 300 000 USD.",
            [("US", "800000"), ("partner", "300000")],
        ),
    ],
)
def test_amounts_given_respectively_follow_the_order_of_the_governments(language, text, expected):
    assert parties(text, language) == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "The United States welcomes the allocation of VDM 9,000,000 to the shelters."),
        ("en", "The United States will train judges; VDM 9,000,000 will come from the budget."),
        ("es", "Los Estados Unidos celebran la asignación de VDM 9.000.000 a los albergues."),
        ("fr", "Les États-Unis saluent l'affectation de 9 000 000 VDM aux foyers d'accueil."),
    ],
)
def test_an_amount_in_the_partners_own_currency_is_the_partners(language, text):
    assert parties(text, language) == [("partner", "9000000")]


def test_a_partners_currency_the_united_states_is_named_as_giving_stays_its():
    text = "VDM 500,000 from the United States will pay the translators."
    assert parties(text, "en") == [("US", "500000")]
