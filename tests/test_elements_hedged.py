"""Elements B, F and G where the wording is hedged, plural or only in passing.

- F: an intention to maintain services "within the limits of its means", "subject to
  available resources", "en la medida de sus posibilidades" is general wording (partial);
  a strategy names its means (budget lines, staff taken over, dates).
- G: records kept apart and options to be explored, a database that "could" be set up,
  is partial; "information" a committee may request, with nothing on children or cases,
  is no child protection data at all (missing).
- B: a government's duties stated with a plural verb ("Los Estados Unidos procurarán",
  "Les États-Unis s'engagent à", "The United States undertake to").

Each short draft was written for these tests (fictional partner Veltora, our own
wording) and is checked with `cpc-draft check`, as a reviewer would run it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

RECITAL = {
    "en": "The Government of the United States of America and the Government of the Republic "
    "of Veltora intend to work together against the trafficking of children.",
    "es": "El Gobierno de los Estados Unidos de América y el Gobierno de la República de Veltora "
    "tienen la intención de colaborar contra la trata de niñas, niños y adolescentes.",
    "fr": "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République de "
    "Veltora ont l'intention de coopérer contre la traite des enfants.",
}
HEADING = {
    ("en", "F"): "Section 8. After the Partnership",
    ("en", "G"): "Section 9. Information on cases",
    ("es", "F"): "Artículo 8. Sostenibilidad",
    ("es", "G"): "Artículo 9. Datos sobre los casos",
    ("fr", "F"): "Article 8 – Pérennité",
    ("fr", "G"): "Article 9 – Données sur les cas",
}


def _status(tmp_path: Path, text: str, key: str) -> str:
    path = tmp_path / "draft.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    line = re.search(rf"^  {key} \S+\s+\S (present|partial|missing)", result.output, re.M)
    assert line, result.output
    return line.group(1)


def _article(tmp_path: Path, language: str, key: str, body: str) -> str:
    text = f"{RECITAL[language]}\n\n{HEADING[language, key]}\n{body}\n"
    return _status(tmp_path, text, key)


# --- F: maintaining services as far as means allow is no strategy -----------------------

SUSTAINABILITY = [
    (
        "en",
        "The Government of Veltora will endeavour, subject to available resources, to "
        "maintain the services created under the Partnership.",
        "partial",
    ),
    (
        "en",
        "The Government of Veltora intends, within the limits of its means, to keep the "
        "shelters opened under the Partnership running after it ends.",
        "partial",
    ),
    (
        "en",
        "From fiscal year 2029 the Ministry of Finance of Veltora will take over the salaries "
        "of the twelve social workers recruited under the Partnership, and the running costs "
        "of the two shelters will be charged to budget line 4.2 of the Ministry of Families.",
        "present",
    ),
    (
        "es",
        "El Gobierno de Veltora procurará mantener, en la medida de sus posibilidades, los "
        "servicios creados en el marco de la Alianza.",
        "partial",
    ),
    (
        "es",
        "A partir de 2029, el Ministerio de Hacienda de Veltora asumirá los salarios de los "
        "doce trabajadores sociales contratados en el marco de la Alianza e incorporará los "
        "gastos de los albergues a su presupuesto ordinario.",
        "present",
    ),
    (
        "fr",
        "Le Gouvernement de Veltora entend, dans la mesure de ses moyens, maintenir les "
        "services créés dans le cadre du Partenariat.",
        "partial",
    ),
    (
        "fr",
        "À compter de 2029, le Ministère des Finances de Veltora prendra en charge les "
        "salaires des douze travailleurs sociaux recrutés dans le cadre du Partenariat et "
        "inscrira les frais des foyers à son budget ordinaire.",
        "present",
    ),
]


@pytest.mark.parametrize(("language", "body", "status"), SUSTAINABILITY)
def test_maintaining_services_within_means_is_general_wording(tmp_path, language, body, status):
    assert _article(tmp_path, language, "F", body) == status


# --- G: options to explore are no system; a committee's "information" is no data ---------

DATA = [
    (
        "en",
        "Records on child victims are at present kept separately by the police, the "
        "Ministry and the courts. The two Governments intend to explore options for "
        "improving the collection of data on child victims; these could include a shared "
        "database.",
        "partial",
    ),
    (
        "es",
        "Los registros sobre víctimas menores de edad se llevan hoy por separado en la "
        "policía, el Ministerio y los tribunales. Los Participantes tienen la intención de "
        "explorar opciones para mejorar la recopilación de datos; entre ellas podría "
        "figurar una base de datos común.",
        "partial",
    ),
    (
        "fr",
        "Les dossiers des enfants victimes sont aujourd'hui tenus séparément par la police, "
        "le Ministère et les tribunaux. Les deux Gouvernements entendent explorer des "
        "options pour améliorer la collecte des données ; une base de données commune "
        "pourrait en faire partie.",
        "partial",
    ),
]


@pytest.mark.parametrize(("language", "body", "status"), DATA)
def test_options_to_explore_are_no_data_system(tmp_path, language, body, status):
    assert _article(tmp_path, language, "G", body) == status


MONITORING = {
    "en": "Section 6. Monitoring\nA Monitoring Committee will meet once a year. It may make "
    "recommendations and request the {what} it considers necessary.",
    "es": "Artículo 6. Seguimiento\nUna Comisión de Seguimiento se reunirá una vez al año. "
    "Podrá formular recomendaciones y solicitar la {what} que considere necesaria.",
    "fr": "Article 6 – Suivi\nUn Comité de suivi se réunira une fois par an. Il pourra "
    "formuler des recommandations et demander les {what} qu'il juge nécessaires.",
}
GENERAL = {"en": "information", "es": "información", "fr": "informations"}
ON_CASES = {
    "en": "information on the cases of child victims",
    "es": "información sobre los casos de víctimas",
    "fr": "informations sur les cas d'enfants victimes",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_information_a_committee_requests_is_no_child_protection_data(tmp_path, language):
    general = MONITORING[language].format(what=GENERAL[language])
    assert _status(tmp_path, f"{RECITAL[language]}\n\n{general}\n", "G") == "missing"
    # information on children's cases is data mentioned, though no system
    on_cases = MONITORING[language].format(what=ON_CASES[language])
    assert _status(tmp_path, f"{RECITAL[language]}\n\n{on_cases}\n", "G") == "partial"


# --- B: the United States' duties in a plural verb ---------------------------------------

DUTIES = {
    "en": """\
Section 4. Responsibilities of Veltora
Veltora, through its National Council against Trafficking, intends to:
(a) create a specialised prosecution unit for crimes against children;
(b) provide a building for a shelter for child victims in the capital.

Section 5. Responsibilities of the United States
The United States, through the Office to Monitor and Combat Trafficking in Persons, and \
subject to the availability of funds, undertake to:
(a) fund the programs of Section 6 through grants to implementing partners;
(b) provide technical assistance to the specialised prosecution unit.
""",
    "es": """\
Artículo 4. Responsabilidades de Veltora
Veltora, por medio de su Consejo Nacional contra la Trata, procurará:
a) crear una unidad fiscal especializada en delitos contra la niñez;
b) poner a disposición un inmueble para un albergue de víctimas en la capital.

Artículo 5. Responsabilidades de los Estados Unidos
Los Estados Unidos, por intermedio de la Oficina para Monitorear y Combatir la Trata de \
Personas y sujeto a la disponibilidad de fondos, procurarán:
a) financiar los programas del Artículo 6 mediante subvenciones a socios implementadores;
b) brindar asistencia técnica a la unidad fiscal especializada.
""",
    "fr": """\
Article 4 – Responsabilités de Veltora
Veltora, par l'intermédiaire de son Conseil national contre la traite, entend :
a) créer une unité spécialisée du parquet pour les crimes contre les enfants ;
b) mettre à disposition un bâtiment pour un foyer d'accueil des victimes dans la capitale.

Article 5 – Responsabilités des États-Unis
Les États-Unis, par l'intermédiaire du Bureau de surveillance et de lutte contre la traite \
des personnes et sous réserve de la disponibilité des fonds, s'engagent à :
a) financer les programmes de l'article 6 par des subventions à des partenaires d'exécution ;
b) fournir une assistance technique à l'unité spécialisée du parquet.
""",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_duties_of_the_united_states_in_a_plural_verb(tmp_path, language):
    text = f"{RECITAL[language]}\n\n{DUTIES[language]}"
    assert _status(tmp_path, text, "B") == "present"


LATER = {
    "en": "Section 4. Responsibilities\nThe United States, through the TIP Office, intends to "
    "select and fund implementing partners and to provide technical assistance to the police."
    "\n\nThe specific responsibilities that the Ministry of Justice and the National Police "
    "of Veltora will assume will be specified in a joint work plan that the Governments "
    "plan to prepare within six months of signature.\n",
    "es": "Artículo 4. Responsabilidades\nLos Estados Unidos, por conducto de la Oficina TIP, "
    "tienen previsto seleccionar y financiar a los socios implementadores y brindar "
    "asistencia técnica a la policía.\n\nLas responsabilidades concretas que asumirán el "
    "Ministerio de Justicia y la Policía Nacional de Veltora se precisarán en un plan de "
    "trabajo conjunto que los Gobiernos se proponen elaborar dentro de los seis meses "
    "siguientes a la firma.\n",
    "fr": "Article 4 – Responsabilités\nLes États-Unis, par l'intermédiaire du Bureau TIP, "
    "prévoient de sélectionner et de financer des partenaires d'exécution et de fournir une "
    "assistance technique à la police.\n\nLes responsabilités précises qu'assumeront le "
    "Ministère de la Justice et la Police nationale de Veltora seront précisées dans un plan "
    "de travail conjoint que les Gouvernements se proposent d'élaborer dans les six mois "
    "suivant la signature.\n",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_duties_left_to_a_work_plan_are_none_whatever_the_verb(tmp_path, language):
    text = f"{RECITAL[language]}\n\n{LATER[language]}"
    assert _status(tmp_path, text, "B") == "partial"
