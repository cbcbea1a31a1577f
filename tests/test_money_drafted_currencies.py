"""A currency the draft defines for itself wins over a symbol's or a noun's usual reading,
amounts written with scale words, and amounts a sentence gives year by year in pairs.

Short drafts written for these tests (fictional partners, en/es/fr): a partner whose
rupee is written "Rs" (which alone would be Nepal's), one whose peso is written "$"
(alone the U.S. dollar), one whose currency is given a code after its name ("…, code
KDR"); amounts in figures with "m", "k", "millones", "mil", "million"; and sentences that
name each party once and then give both amounts for every year.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main
from cpc_draft.nlp import find_contributions, find_money, learn_currencies


def _contributions(tmp_path, text: str, name: str = "draft.txt") -> set[tuple[str, Decimal, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    document = json.loads(result.output)["documents"][0]
    return {(c["party"], Decimal(c["amount"]), c["currency"]) for c in document["contributions"]}


# -- scale words in amounts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "amount", "currency"),
    [
        ("en", "a grant of US$2.4m for shelters", 2_400_000, "USD"),
        ("en", "a grant of US$ 650k for training", 650_000, "USD"),
        ("en", "a budget of Rs 25 million", 25_000_000, "NPR"),
        ("es", "un aporte de US$2,3 millones", 2_300_000, "USD"),
        ("es", "un aporte de US$450 mil", 450_000, "USD"),
        ("fr", "une contribution de 1,8 million de dollars", 1_800_000, "USD"),
    ],
)
def test_scale_words_multiply_the_figures(language, text, amount, currency):
    found = find_money(text, language)
    assert [(m.amount, m.currency) for m in found] == [(Decimal(amount), currency)]


# -- a symbol or a noun the draft gives its own currency -----------------------------------

EN_RUPEE = "\n\n".join(
    [
        "MEMORANDUM OF AGREEMENT BETWEEN THE GOVERNMENT OF THE UNITED STATES OF AMERICA AND "
        "THE GOVERNMENT OF THE REPUBLIC OF KESTRA",
        '1. In this Memorandum "Rs" and "rupees" mean the Kestran rupee, the currency of '
        "Kestra, recorded under the code KRR.",
        "2. The Government of Kestra will provide Rs 60 million (sixty million rupees) for "
        "shelters and the United States US$1.5m for training.",
        "3. For planning only, the Participants assume a rate of Rs 280 to US$1.",
    ]
)


def test_a_symbol_others_know_is_the_drafts_own_currency_in_english(tmp_path):
    found = _contributions(tmp_path, EN_RUPEE)
    assert ("partner", Decimal(60_000_000), "KRR") in found
    assert ("US", Decimal(1_500_000), "USD") in found
    assert not any(currency == "NPR" for _, _, currency in found)


def test_an_exchange_rate_is_no_contribution(tmp_path):
    found = _contributions(tmp_path, EN_RUPEE)
    assert all(amount >= 1000 for _, amount, _ in found)


ES_PESO = "\n\n".join(
    [
        "CONVENIO DE COLABORACIÓN ENTRE EL GOBIERNO DE LOS ESTADOS UNIDOS DE AMÉRICA Y EL "
        "GOBIERNO DE LA REPÚBLICA DE MONTERIA",
        "DECLARACIONES",
        "Que la moneda oficial de Monteria es el peso monteriano, identificado en este "
        "Convenio con el signo “$” y con la clave “MPZ”.",
        "CLÁUSULA CUARTA. APORTACIONES",
        "EL GOBIERNO DE MONTERIA aportará $4'200,000.00 (CUATRO MILLONES DOSCIENTOS MIL "
        "PESOS 00/100 M.N.); EL GOBIERNO DE LOS ESTADOS UNIDOS aportará USD 800,000.00.",
    ]
)


def test_a_dollar_sign_defined_as_the_partners_peso_in_spanish(tmp_path):
    found = _contributions(tmp_path, ES_PESO, "convenio.txt")
    assert ("partner", Decimal(4_200_000), "MPZ") in found
    assert ("US", Decimal(800_000), "USD") in found
    assert not any(currency in ("COP", "MXN") for _, _, currency in found)
    assert ("partner", Decimal(4_200_000), "USD") not in found


def test_figures_and_words_with_cents_and_initials_are_one_amount():
    text = "aportará $4'200,000.00 (CUATRO MILLONES DOSCIENTOS MIL PESOS 00/100 M.N.) al plan"
    own = learn_currencies([ES_PESO], "es")
    found = find_money(text, "es", own)
    assert len(found) == 1
    assert (found[0].amount, found[0].currency) == (Decimal(4_200_000), "MPZ")
    assert found[0].words_amount == Decimal(4_200_000)
    assert found[0].words_currency is None


@pytest.mark.parametrize(
    ("language", "definition", "symbol", "code"),
    [
        ("es", "los pesos de Monteria (MPZ), en adelante «$»", "$", "MPZ"),
        ("fr", "la roupie de Kestra (code KRR), ci-après « Rs »", "Rs", "KRR"),
        ("en", "the Kestran rupee (KRR), hereinafter “Rs”", "Rs", "KRR"),
    ],
)
def test_a_symbol_given_after_a_defining_phrase(language, definition, symbol, code):
    assert learn_currencies([definition], language).symbols.get(symbol) == code


def test_a_short_name_in_quotes_is_no_symbol():
    own = learn_currencies(
        ['the Kestran rupee (KRR), and the Memorandum (hereinafter "MoU")'], "en"
    )
    assert "MoU" not in own.symbols


@pytest.mark.parametrize(
    ("language", "text", "code"),
    [
        ("en", "Kordia will give KDR 40 million (forty million Kordian dinars, code KDR).", "KDR"),
        ("es", "Kordia aportará 40 millones de dinares kordianos, código KDR.", "KDR"),
        ("fr", "La Kordie versera 40 millions de dinars kordiens, code KDR.", "KDR"),
    ],
)
def test_a_code_after_a_code_word_beside_a_currency_is_defined(language, text, code):
    assert code in learn_currencies([text], language)


def test_the_noun_of_the_drafts_currency_reads_in_its_code():
    own = learn_currencies(['"Rs" and "rupees" mean the Kestran rupee, code KRR.'], "en")
    found = find_money("a further ten million rupees", "en", own)
    assert [(m.amount, m.currency) for m in found] == [(Decimal(10_000_000), "KRR")]


# -- amounts given year by year, in pairs ----------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "Kordian dinars (KDR) are the currency of Kordia. In 2027 the United States "
            "expects to provide US$1.1 million and Kordia KDR 12 million; in 2028 US$1.3 "
            "million and KDR 14 million; and in 2029 US$0.9 million and KDR 16 million.",
        ),
        (
            "es",
            "Los dinares kordianos (KDR) son la moneda de Kordia. En 2027 los Estados Unidos "
            "prevén aportar US$1,1 millones y Kordia KDR 12 millones; en 2028, US$1,3 "
            "millones y KDR 14 millones; y en 2029, US$0,9 millones y KDR 16 millones.",
        ),
        (
            "fr",
            "Les dinars kordiens (KDR) sont la monnaie de la Kordie. En 2027, les États-Unis "
            "prévoient de verser 1,1 million USD et la Kordie 12 millions KDR ; en 2028, "
            "1,3 million USD et 14 millions KDR ; en 2029, 0,9 million USD et 16 millions KDR.",
        ),
    ],
)
def test_each_years_pair_goes_to_the_party_of_its_currency(language, text):
    found = find_contributions(text, language, "Kordia" if language != "fr" else "Kordie")
    parties = {(a.money.currency, a.party) for a in found}
    assert parties == {("USD", "US"), ("KDR", "partner")}
    assert len(found) == 6
