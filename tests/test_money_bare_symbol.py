"""A partner's currency whose symbol is letters and a sign, defined unquoted after a
copula ("whose symbol is OS$ and whose code is OSC"), and written with the draft's own
thousands separator ("OS$ 1.500.000").

Short drafts written for these tests (fictional partner Ostra), in each language.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cpc_draft.nlp.currencies import learn_currencies
from cpc_draft.nlp.money import find_money

DRAFTS = {
    "es": (
        "Para efectos de este acuerdo, «peso ostrano» designa la moneda de curso legal de la "
        "República de Ostra, cuyo símbolo es OS$ y cuyo código es OSC. El Ministerio aportará "
        "cuatro millones de pesos ostranos (OS$ 4.000.000): OS$ 1.500.000 en 2026 y "
        "OS$ 2.500.000 en 2027."
    ),
    "en": (
        'In this Compact, "Ostran dollar" means the lawful currency of Ostra, whose symbol '
        "is OS$ and whose code is OSC. The Ministry will contribute OS$ 4,000,000: "
        "OS$ 1,500,000 in 2026 and OS$ 2,500,000 in 2027."
    ),
    "fr": (
        "Aux fins de la présente convention, « peso ostran » désigne la monnaie ayant cours "
        "légal en Ostra, dont le symbole est OS$ et dont le code est OSC. Le Ministère "
        "apportera OS$ 4.000.000 : OS$ 1.500.000 en 2026 et OS$ 2.500.000 en 2027."
    ),
}


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_unquoted_symbol_after_a_copula_is_learned(language):
    learned = learn_currencies([DRAFTS[language]], language)
    assert "OSC" in learned
    assert learned.symbols == {"OS$": "OSC"}


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_amounts_under_the_symbol_are_in_the_drafts_code(language):
    found = [(m.amount, m.currency) for m in find_money(DRAFTS[language], language)]
    assert found == [
        (Decimal(4_000_000), "OSC"),
        (Decimal(1_500_000), "OSC"),
        (Decimal(2_500_000), "OSC"),
    ]


def test_a_symbol_word_before_a_plain_word_defines_no_symbol():
    text = (
        "The Ostran peso, code OSC, is the lawful currency; the symbol is used on every "
        "note. The Ministry will contribute OSC 4,000,000."
    )
    assert learn_currencies([text], "en").symbols == {}


def test_an_undefined_letters_and_sign_symbol_is_no_money():
    found = find_money("The Ministry will contribute OS$ 4,000,000 in 2026.", "en")
    assert found == []
