"""A government that only "supports the Partnership through the TIP Office" takes on no
concrete duty (element B partial); support "by funding two shelters" is one. Short
texts written for this test (fictional partner Dravonia)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

PARTNER = {
    "en": "The Government of Dravonia intends to open two shelters for child victims by 2028.",
    "es": "El Gobierno de Dravonia se compromete a abrir dos albergues para víctimas en 2028.",
    "fr": "Le Gouvernement de la Dravonie s'engage à ouvrir deux foyers pour victimes en 2028.",
}
GENERAL = {
    "en": "The United States intends to support the Partnership through the TIP Office.",
    "es": "Los Estados Unidos se comprometen a apoyar la Alianza por medio de la Oficina TIP.",
    "fr": "Les États-Unis s'engagent à soutenir le Partenariat par l'intermédiaire du Bureau TIP.",
}
CONCRETE = {
    "en": "The United States intends to support the Partnership by funding three prosecutors.",
    "es": "Los Estados Unidos se comprometen a apoyar la Alianza capacitando a cien fiscales.",
    "fr": "Les États-Unis s'engagent à soutenir le Partenariat en formant cent magistrats.",
}
HEADING = {"en": "Roles of the Participants", "es": "Funciones", "fr": "Rôles des Participants"}


def _b(tmp_path, language, us):
    path = tmp_path / f"{language}.txt"
    path.write_text(f"{HEADING[language]}\n\n{PARTNER[language]}\n\n{us[language]}\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    return json.loads(result.output)["documents"][0]["elements"]["B"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_support_of_the_whole_through_an_office_is_no_concrete_duty(tmp_path, language):
    element = _b(tmp_path, language, GENERAL)
    assert element["status"] == "partial", element["reason"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_support_by_a_concrete_action_is_a_duty(tmp_path, language):
    element = _b(tmp_path, language, CONCRETE)
    assert element["status"] == "present", element["reason"]


def test_a_gerund_pledge_of_money_is_no_duty():
    from cpc_draft.check.facts.duties import _pledges_money

    clause = "providing up to US$ 3 million over the life of the Partnership"
    assert _pledges_money(clause, ["US$ 3 million"], "en")
