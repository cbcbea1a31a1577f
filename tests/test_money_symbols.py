"""A partner's currency under a symbol the draft defines, and the sentences that only show
how figures are written.

Short drafts written for these tests (fictional partners): a currency defined by its
name and a one-letter symbol ('"lira norteña" o "L" … con el código LNR') whose amounts
are written with that symbol ("L 2,300,000.00"), beside U.S. dollars in the other
number convention ("USD 1.200.000,00"); a note that explains both conventions with
example figures, which are no one's money.
"""

from __future__ import annotations

import json
from decimal import Decimal

from click.testing import CliRunner

from cpc_draft.cli import main

ES_DRAFT = "\n\n".join(
    [
        "ACUERDO DE ALIANZA CPC ENTRE EL GOBIERNO DE LOS ESTADOS UNIDOS DE AMÉRICA Y EL "
        "GOBIERNO DE LA REPÚBLICA DE NORTERRA",
        "ARTÍCULO 1. DEFINICIONES",
        'Para este Acuerdo: a) "NNA": niñas, niños y adolescentes; b) "lira norteña" o "L": '
        "la moneda oficial de la República de Norterra, cuyo código es LNR.",
        "ARTÍCULO 2. PROGRAMAS",
        "Programa 1. Fiscalías especializadas. Aporte del Gobierno de los Estados Unidos de "
        "América: USD 1.200.000,00 (UN MILLÓN DOSCIENTOS MIL DÓLARES DE LOS ESTADOS UNIDOS DE"
        " AMÉRICA). Aporte del Gobierno de la República de Norterra: L 2,300,000.00 (DOS "
        "MILLONES TRESCIENTAS MIL LIRAS NORTEÑAS EXACTAS).",
        "Programa 2. Refugios para víctimas. Aporte del Gobierno de los Estados Unidos de "
        "América: USD 900.000,00. Aporte del Gobierno de la República de Norterra: L "
        "1,700,000.00.",
        "Nota: en este Acuerdo las cifras en liras se escriben con coma de millares y punto "
        "decimal (L 1,000.00), y las cifras en dólares con punto de millares y coma decimal "
        "(USD 1.000,00).",
    ]
)

EN_DRAFT = "\n\n".join(
    [
        "MEMORANDUM OF UNDERSTANDING BETWEEN THE GOVERNMENT OF THE UNITED STATES OF AMERICA "
        "AND THE GOVERNMENT OF THE REPUBLIC OF OSTRAVIA",
        '1. In this Memorandum, "Ostravian mark" or "M" means the currency of the Republic of'
        " Ostravia, code OSM.",
        "2. The Government of the Republic of Ostravia intends to contribute M 3,400,000 to "
        "the Child Justice program, and the Government of the United States of America "
        "US$1,100,000.",
        "3. Figures are written with a comma as the thousands separator and a decimal point, "
        "for example M 1,000.00.",
    ]
)


def _contributions(tmp_path, name: str, text: str) -> list[tuple[str, Decimal, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    document = json.loads(result.output)["documents"][0]
    return [(c["party"], Decimal(c["amount"]), c["currency"]) for c in document["contributions"]]


def test_amounts_under_a_symbol_the_draft_defines_are_the_partners(tmp_path):
    found = _contributions(tmp_path, "acuerdo.txt", ES_DRAFT)
    assert ("partner", Decimal(2300000), "LNR") in found
    assert ("partner", Decimal(1700000), "LNR") in found
    assert ("US", Decimal(1200000), "USD") in found
    assert ("US", Decimal(900000), "USD") in found


def test_example_figures_of_a_note_on_notation_are_no_contribution(tmp_path):
    found = _contributions(tmp_path, "acuerdo.txt", ES_DRAFT)
    assert all(amount != Decimal(1000) for _, amount, _ in found)


def test_english_symbol_definition_and_notation_example(tmp_path):
    found = _contributions(tmp_path, "mou.txt", EN_DRAFT)
    assert ("partner", Decimal(3400000), "OSM") in found
    assert ("US", Decimal(1100000), "USD") in found
    assert all(amount != Decimal(1000) for _, amount, _ in found)


def test_an_undefined_letter_before_figures_is_no_money(tmp_path):
    text = EN_DRAFT.replace('"Ostravian mark" or "M" means', '"OSM" means the Ostravian mark,')
    text = text.replace(", code OSM", "")
    found = _contributions(tmp_path, "mou.txt", text)
    assert all(amount != Decimal(3400000) for _, amount, _ in found)


def _check_text(tmp_path, text: str) -> str:
    path = tmp_path / "acuerdo.txt"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(path)]).output


def test_figures_then_words_in_capitals_are_one_amount(tmp_path):
    path = tmp_path / "acuerdo.txt"
    path.write_text(ES_DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    contributions = json.loads(result.output)["documents"][0]["contributions"]
    first = [c for c in contributions if c["block"] == contributions[0]["block"]]
    assert [(c["currency"], c["amount"], c["words_amount"]) for c in first] == [
        ("USD", "1200000", "1200000"),
        ("LNR", "2300000", "2300000"),
    ]


def test_words_in_capitals_that_disagree_with_the_figures_are_reported(tmp_path):
    text = ES_DRAFT.replace("(DOS MILLONES TRESCIENTAS MIL", "(DOS MILLONES CIEN MIL")
    output = _check_text(tmp_path, text)
    assert "words-figures" in output
    assert "2.300.000" in output or "2,300,000" in output


def test_lower_case_words_in_brackets_that_are_no_amount_stay_apart(tmp_path):
    text = EN_DRAFT.replace("M 3,400,000 to", "M 3,400,000 (five per cent of its budget) to")
    output = _check_text(tmp_path, text)
    assert "words-figures" not in output
