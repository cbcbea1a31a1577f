"""Governments the draft calls by an acronym it defines, in prose and in budget tables.

Short drafts written for these tests (fictional partners Corvania and Sarvel): "the
Government of the Republic of Corvania (GoC)" then "GoC: CVL 4,000,000" and a yearly
table whose partner column is headed only "GoC (CVL)"; the same in Spanish with "(GRS)".
Each amount must go to the government its acronym names, not to the one named before it.
"""

from __future__ import annotations

import json
from decimal import Decimal

from click.testing import CliRunner

from cpc_draft.cli import main

EN_DRAFT = "\n\n".join(
    [
        "PARTNERSHIP PLAN",
        "The Government of the United States of America (USG) and the Government of the "
        "Republic of Corvania (GoC) set out here how their partnership will be paid for.",
        '1. "CVL" means the Corvanian lev, the currency of the Republic of Corvania.',
        "2. Component 1 – Courts for Children. Funding planned – USG: US$900,000; GoC: "
        "CVL 4,000,000.",
        "3. Component 2 – Safe Shelters. Funding planned – USG: US$700,000; GoC: CVL 6,000,000.",
        "4. The yearly plan is as follows:",
        "| Year | USG (US$) | GoC (CVL) |\n|---|---|---|\n| 2027 | 800,000 | 4,500,000 |\n"
        "| 2028 | 800,000 | 5,500,000 |\n| Total | 1,600,000 | 10,000,000 |",
    ]
)

ES_DRAFT = "\n\n".join(
    [
        "PLAN DE LA ALIANZA",
        "El Gobierno de los Estados Unidos de América y el Gobierno de la República de "
        "Sarvel (GRS) acuerdan lo siguiente.",
        '1. "SVP" significa el peso sarvelino, moneda de la República de Sarvel.',
        "2. Componente 1. Justicia. Financiamiento previsto: Estados Unidos, USD 500.000; "
        "GRS, SVP 3.000.000.",
        "3. El plan anual es el siguiente:",
        "| Año | Estados Unidos (USD) | GRS (SVP) |\n|---|---|---|\n"
        "| 2027 | 250.000 | 1.400.000 |\n| 2028 | 250.000 | 1.600.000 |",
    ]
)


def _contributions(tmp_path, name: str, text: str) -> set[tuple[str, Decimal, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    document = json.loads(result.output)["documents"][0]
    return {(c["party"], Decimal(c["amount"]), c["currency"]) for c in document["contributions"]}


def test_an_acronym_after_the_partners_name_names_the_partner_in_prose(tmp_path):
    found = _contributions(tmp_path, "plan.txt", EN_DRAFT)
    assert ("partner", Decimal(4000000), "CVL") in found
    assert ("partner", Decimal(6000000), "CVL") in found
    assert ("US", Decimal(900000), "USD") in found
    assert not any(party == "US" and currency == "CVL" for party, _, currency in found)


def test_a_column_headed_by_the_acronym_is_the_partners(tmp_path):
    found = _contributions(tmp_path, "plan.txt", EN_DRAFT)
    assert ("partner", Decimal(4500000), "CVL") in found
    assert ("partner", Decimal(5500000), "CVL") in found
    assert ("US", Decimal(800000), "USD") in found


def test_spanish_acronym_of_the_partner(tmp_path):
    found = _contributions(tmp_path, "plan.txt", ES_DRAFT)
    assert ("partner", Decimal(3000000), "SVP") in found
    assert ("partner", Decimal(1400000), "SVP") in found
    assert ("US", Decimal(500000), "USD") in found
    assert not any(party != "partner" and currency == "SVP" for party, _, currency in found)
