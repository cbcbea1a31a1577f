"""Duties given to a government named after the verb, as Spanish and French drafting
often does: "Corresponde a Ostrel, a través de …:", "A la parte estadounidense le
corresponde, sujeto a …:", "Il incombe à la Partie américaine de :". Short drafts written
for this test (fictional partner Ostrel / Morvane); the cue phrases are in
data/cues.yaml (commitment_of, commitment_to).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

ES = """ACUERDO MARCO

El Gobierno de los Estados Unidos de América y el Gobierno de la República de Ostrel
(en adelante, "Ostrel") acuerdan lo siguiente.

Artículo Cuarto.- De los compromisos del Gobierno ostrelense

Corresponde a Ostrel, a través de las entidades de la Comisión Intersectorial:

a) Designar a la Comisión Intersectorial como instancia nacional de coordinación;

b) Crear dos fiscalías especializadas en trata de personas antes de diciembre de 2027;

c) Mantener en funcionamiento los hogares de acogida públicos de la capital.

Artículo Quinto.- De los compromisos de la parte estadounidense

A la parte estadounidense le corresponde, sujeto a la disponibilidad de fondos:

a) Financiar los programas descritos en el Artículo Sexto mediante socios implementadores;

b) Brindar asistencia técnica y capacitación especializada a la Policía Nacional.
"""

FR = """ACCORD-CADRE

Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République de Morvane
(ci-après « Morvane ») conviennent de ce qui suit.

Article 4 – Des engagements de la Partie morvanaise

Il incombe à Morvane, par l'intermédiaire de son Comité national :

a) de désigner un point focal national pour le Partenariat ;

b) de créer deux unités spécialisées de police avant la fin de 2027 ;

c) de maintenir ouverts les foyers d'accueil publics de la capitale.

Article 5 – Des engagements de la Partie américaine

Il incombe à la Partie américaine, sous réserve de la disponibilité des fonds :

a) de financer les programmes décrits à l'article 6 par des partenaires d'exécution ;

b) de fournir une assistance technique aux services de police et de justice.
"""


@pytest.mark.parametrize(("name", "text"), [("acuerdo.txt", ES), ("accord.txt", FR)])
def test_a_government_named_after_the_verb_takes_on_the_list(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    element = json.loads(result.output)["documents"][0]["elements"]["B"]
    assert element["status"] == "present", element["reason"]
    assert "(2 U.S., 3 partner)" in element["reason"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("el aporte del Gobierno ostrelense asciende a S/ 4'800,000.00", "es"),
        ("le Gouvernement morvanais apportera 75 000 000 MVL", "fr"),
        ("the Norlandian Government plans to provide NLK 2,000,000", "en"),
    ],
)
def test_a_government_named_by_its_adjective_is_the_partner(text, language):
    """ "el Gobierno ostrelense", "le Gouvernement morvanais", "the Norlandian
    Government": the partner, named by the adjective of its country."""
    from cpc_draft.nlp import find_party_mentions

    assert [m.party for m in find_party_mentions(text, language, None)] == ["partner"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("el Gobierno nacional asumirá los costos", "es"),
        ("the American Government will fund the programs", "en"),
    ],
)
def test_a_government_called_national_or_american_is_not_named_as_partner(text, language):
    from cpc_draft.nlp import find_party_mentions

    assert "partner" not in [m.party for m in find_party_mentions(text, language, None)]
