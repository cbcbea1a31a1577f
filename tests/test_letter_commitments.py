"""A government's letter that lists the commitments it takes on ("el Gobierno de X asume
los siguientes compromisos:", "the Government of X undertakes the following:") gives it
the list's members as duties; a commitment for a year past the term ("from fiscal year
2031", "a partir del ejercicio fiscal 2031") is about after the compact. Short drafts
written for this test (fictional partner Dravonia; term 2027 to 2030)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

EN = """Letter of Commitment - Child Protection Compact Partnership

The Partnership will run for four years, from 1 January 2027 to 31 December 2030.

To that end, the Government of the Republic of Dravonia undertakes the following:

1) Open two specialised prosecution units for child trafficking in the capital by 2028.

2) Provide a building for a shelter for child victims and pay its running costs.

3) Include, from fiscal year 2031, the cost of the units and the shelter in its budget.
"""

ES = """Carta de Compromiso - Alianza CPC

La Alianza tendrá una duración de cuatro años, del 1 de enero de 2027 al 31 de diciembre de 2030.

En ese marco, el Gobierno de la República de Dravonia asume los siguientes compromisos:

1) Crear dos unidades fiscales especializadas en trata de niños en la capital antes de 2028.

2) Poner a disposición un inmueble como albergue para niños víctimas y cubrir sus gastos.

3) Incorporar, a partir del ejercicio fiscal 2031, el costo de las unidades en su presupuesto.
"""

FR = """Lettre d'engagement - Partenariat CPC

Le Partenariat a une durée de quatre ans, du 1er janvier 2027 au 31 décembre 2030.

À cet effet, le Gouvernement de la République de Dravonie prend les engagements suivants :

1) Créer deux unités du parquet contre la traite des enfants dans la capitale avant 2028.

2) Mettre à disposition un foyer d'accueil des enfants victimes et en couvrir les frais.

3) Inscrire, à compter de l'exercice 2031, le coût des unités et du foyer à son budget.
"""


def _elements(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    return json.loads(result.output)["documents"][0]["elements"]


CASES = [("letter.txt", EN), ("carta.txt", ES), ("lettre.txt", FR)]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_the_commitments_a_government_takes_on_are_its_duties(tmp_path, name, text):
    element = _elements(tmp_path, name, text)["B"]
    assert element["status"] == "partial", element["reason"]
    assert "partner government only" in element["reason"]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_costs_taken_over_from_a_year_past_the_term_sustain_progress(tmp_path, name, text):
    element = _elements(tmp_path, name, text)["F"]
    assert element["status"] == "present", element["reason"]
