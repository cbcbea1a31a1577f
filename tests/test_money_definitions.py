"""Currencies and governments a draft defines in ways the usual patterns missed.

Short texts written for these tests (fictional partners Tessaly, Morvane and Ostrel):
- a definitions clause that gives a currency's code without quotes ("TSL means the
  Tessalian lira, …"), and one that gives a government's acronym in quotes
  ('"GoT" means the Government of the Republic of Tessaly');
- a currency we have no noun for, said to be the country's currency right after its
  code ("la livre (MVL), qui est la monnaie légale …").
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from cpc_draft.cli import main
from cpc_draft.nlp.currencies import learn_currencies

DEFINITIONS_DRAFT = "\n\n".join(
    [
        "PARTNERSHIP BETWEEN THE UNITED STATES OF AMERICA AND THE REPUBLIC OF TESSALY",
        "1. Definitions",
        "(a) TSL means the Tessalian lira, the lawful currency of the Republic of Tessaly;",
        '(b) "GoT" means the Government of the Republic of Tessaly;',
        '(c) "USG" means the Government of the United States of America.',
        "2. Resources",
        "2.1 The USG expects to provide up to US$2,000,000 over the partnership period, and "
        "the GoT plans to provide TSL 60,000,000 from its own budget.",
    ]
)


def _contributions(path):
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.output)["documents"][0]["contributions"]
    return sorted((c["party"], c["amount"], c["currency"]) for c in found)


def test_a_code_defined_without_quotes_and_an_acronym_defined_in_a_clause(tmp_path):
    path = tmp_path / "definitions.txt"
    path.write_text(DEFINITIONS_DRAFT, "utf-8")
    assert _contributions(path) == [("US", "2000000", "USD"), ("partner", "60000000", "TSL")]


def test_a_currency_named_by_a_word_we_do_not_know_is_learned_from_what_follows():
    text = (
        "Le Gouvernement de Morvane apportera douze millions de livres (12 000 000 MVL), la "
        "livre (MVL) étant la monnaie ayant cours légal en République de Morvane."
    )
    assert set(learn_currencies([text], "fr")) == {"MVL"}


def test_an_office_named_by_initials_is_no_currency():
    texts = [
        "The Office of Strategic Coordination (OSC) will report to the Steering Board.",
        "OSC means the Office of Strategic Coordination of the Ministry of Justice.",
    ]
    assert dict(learn_currencies(texts, "en")) == {}


SYMBOL_DRAFT = "\n\n".join(
    [
        "ACUERDO ENTRE LOS ESTADOS UNIDOS DE AMÉRICA Y LA REPÚBLICA DE OSTREL",
        "Artículo 5.- De los aportes",
        "Los aportes de Ostrel se expresan en soles ostrelenses (código OSL, símbolo S/), "
        "moneda de curso legal en la República de Ostrel.",
        "El Gobierno de los Estados Unidos de América aportará US$ 1'000,000.00 y el "
        "Gobierno de la República de Ostrel aportará S/ 3'000,000.00.",
        "| Año | Estados Unidos (US$) | Ostrel (S/) |\n|---|---|---|\n"
        "| 2027 | 600,000.00 | 1'500,000.00 |\n| 2028 | 400,000.00 | 1'500,000.00 |",
    ]
)


def test_a_symbol_the_draft_gives_its_own_currency_wins_over_its_usual_one(tmp_path):
    """ "S/" is the Peruvian sol's; a draft that defines it as its own currency's symbol
    means its own, in prose and in a table's header."""
    path = tmp_path / "acuerdo.txt"
    path.write_text(SYMBOL_DRAFT, "utf-8")
    found = _contributions(path)
    assert {currency for party, _, currency in found if party == "partner"} == {"OSL"}
    assert ("partner", "3000000", "OSL") in found
    assert ("partner", "1500000", "OSL") in found


def test_a_symbol_the_draft_gives_its_own_currency_does_not_capture_another_inside_it():
    """A draft whose peso is written "$" still has its U.S. column headed "US$"."""
    from cpc_draft.nlp.currencies import currency_note

    text = "Los montos de Ostrel se expresan en pesos ostrelenses (código OSP, símbolo $)."
    currencies = learn_currencies([text], "es")
    assert currencies.symbols == {"$": "OSP"}
    assert currency_note("Estados Unidos (US$)", "es", currencies).currency == "USD"
    assert currency_note("Ostrel ($)", "es", currencies).currency == "OSP"
