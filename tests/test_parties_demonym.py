"""The partner named by its people's adjective, which drops the last vowel of its name:
"la Partie morvanaise" (Morvane), "la Parte khemirense" (Khemira), "the Saldorian side"
(Saldora). Short drafts written for this test (fictional partners)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main
from cpc_draft.nlp import find_party_mentions


@pytest.mark.parametrize(
    ("text", "language", "partner"),
    [
        ("La Partie morvanaise s'engage à :", "fr", "Morvane"),
        ("la contribution khémirienne est versée", "fr", "Khémira"),
        ("La Parte khemirense se compromete a:", "es", "Khemira"),
        ("the Saldorian side will open two shelters", "en", "Saldora"),
    ],
)
def test_the_partner_named_by_its_adjective(text, language, partner):
    assert [m.party for m in find_party_mentions(text, language, partner)] == ["partner"]


@pytest.mark.parametrize(
    ("text", "language", "partner"),
    [
        ("a cubic metre of water", "en", "Cuba"),  # a stem too short to tell
        ("la Partie américaine s'engage à :", "fr", "Morvane"),
    ],
)
def test_other_words_are_not_the_partner(text, language, partner):
    assert "partner" not in [m.party for m in find_party_mentions(text, language, partner)]


FR = """CONVENTION DE PARTENARIAT

entre le Gouvernement de la République de Morvane et le Gouvernement des États-Unis d'Amérique

Article 4 – Engagements de la Partie morvanaise

La Partie morvanaise s'engage à :

- créer deux unités de police spécialisées dans la traite des enfants avant 2028 ;

- ouvrir trois foyers d'accueil pour les enfants victimes et en payer le personnel.

Article 5 – Engagements de la Partie américaine

La Partie américaine, par l'intermédiaire du Bureau TIP, s'engage à :

- financer des partenaires de mise en œuvre pour les programmes de l'article 6 ;

- fournir une assistance technique aux magistrats et aux travailleurs sociaux.
"""

ES = """CONVENIO DE ASOCIACIÓN

entre el Gobierno de la República de Khemira y el Gobierno de los Estados Unidos de América

Artículo 4 – Compromisos de la Parte khemirense

La Parte khemirense se compromete a:

- crear dos unidades policiales especializadas en trata de niños antes de 2028;

- abrir tres albergues para niños víctimas y pagar a su personal.

Artículo 5 – Compromisos de la Parte estadounidense

La Parte estadounidense, por medio de la Oficina TIP, se compromete a:

- financiar socios implementadores para los programas del artículo 6;

- brindar asistencia técnica a fiscales y trabajadores sociales.
"""


@pytest.mark.parametrize(("name", "text"), [("convention.txt", FR), ("convenio.txt", ES)])
def test_the_partners_article_named_by_its_adjective_gives_its_duties(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    element = json.loads(result.output)["documents"][0]["elements"]["B"]
    assert element["status"] == "present", element["reason"]
    assert "(2 U.S., 2 partner)" in element["reason"]
