"""Elements F and G stated in general terms only: partial, never present.

- F: support promised "as far as its resources allow" hedges on means, and a
  sentence that "recognises the importance" of lasting results declares, it plans
  nothing; a concrete step in a sentence of its own is still a strategy.
- G: data collection only "to be improved" ("mejorará la recopilación de datos",
  "renforcera la collecte des données") says nothing of how the data are collected,
  tracked or managed; a database whose workings are left to "un décret ultérieur" or "a subsequent
  decision" is deferred; the source column of an indicator table ("case management
  system of the Ministry") is no data system; a work plan activity to set up a register
  of child victims is a mention (partial), not nothing; a database the Ministry only
  "will endeavour to set up" is not set up.
- F and G: "will promote national ownership" is general wording; a clause whose title in
  capitals runs into its text ("TERCERA.- DATOS. El Ministerio …") is the article, so a
  system named in passing in another clause does not make G present.

Each short draft was written for these tests (fictional partner Corvania, our own
wording) and is checked with `cpc-draft check`, as a reviewer would run it.
"""

from __future__ import annotations

import pytest
from check_status import element_status

RECITAL = {
    "en": "The Government of the United States of America and the Government of the Republic "
    "of Corvania intend to cooperate against the trafficking of children.",
    "es": "El Gobierno de los Estados Unidos de América y el Gobierno de la República de "
    "Corvania tienen la intención de cooperar contra la trata de niñas, niños y adolescentes.",
    "fr": "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République de "
    "Corvania ont l'intention de coopérer contre la traite des enfants.",
}
HEADING = {
    ("en", "F"): "Article 7. Sustaining the results",
    ("en", "G"): "Article 8. Data on child victims",
    ("es", "F"): "Artículo 7. Sostenibilidad",
    ("es", "G"): "Artículo 8. Información y datos",
    ("fr", "F"): "Article 7 – Pérennisation",
    ("fr", "G"): "Article 8 – Données sur les enfants",
}


def _article(tmp_path, language: str, key: str, body: str) -> str:
    text = f"{RECITAL[language]}\n\n{HEADING[language, key]}\n{body}\n"
    return element_status(tmp_path, text, key)


# --- F --------------------------------------------------------------------------------

SUSTAINABILITY = [
    (
        "en",
        "Corvania intends to keep funding the two shelters after the Partnership ends, as "
        "far as its resources allow.",
        "partial",
    ),
    (
        "es",
        "Corvania financiará los dos albergues una vez concluida la alianza, en tanto sus "
        "recursos lo permitan.",
        "partial",
    ),
    (
        "fr",
        "Corvania financera les deux foyers après la fin du partenariat, si ses ressources "
        "le permettent.",
        "partial",
    ),
    (
        "en",
        "The Participants recognise the importance of keeping the gains of the Partnership "
        "and will promote national ownership of its activities.",
        "partial",
    ),
    (
        "es",
        "Los Participantes reconocen la importancia de que los logros perduren y fomentarán "
        "la apropiación local de las actividades.",
        "partial",
    ),
    (
        "fr",
        "Les Participants soulignent l'importance de la pérennité des acquis et favoriseront "
        "l'appropriation nationale des activités.",
        "partial",
    ),
    (
        "es",
        "Corvania asumirá el costo de los albergues al término de la alianza, según lo "
        "permitan sus recursos.",
        "partial",
    ),
    (
        "fr",
        "Corvania financera les foyers après la fin du partenariat, selon ses disponibilités "
        "budgétaires.",
        "partial",
    ),
    (
        "en",
        "The Participants recognise the need to sustain the results and will keep the "
        "shelters open after the Partnership ends.",
        "partial",
    ),
    # the declaration stands in its own sentence; the next one plans
    (
        "en",
        "The Participants recognise the importance of keeping the gains of the Partnership. "
        "From fiscal year 2030 the Ministry of Finance of Corvania will take over the "
        "salaries of the eight social workers recruited under the Partnership.",
        "present",
    ),
    (
        "es",
        "Los Participantes reconocen la importancia de que los logros perduren. A partir del "
        "ejercicio fiscal 2030 el Ministerio de Hacienda de Corvania asumirá los salarios de "
        "los ocho trabajadores sociales contratados en el marco de la alianza.",
        "present",
    ),
    (
        "fr",
        "Les Participants soulignent l'importance de la pérennité des acquis. À compter de "
        "l'exercice 2030, le Ministère des Finances de Corvania prendra en charge les "
        "salaires des huit travailleurs sociaux recrutés dans le cadre du partenariat.",
        "present",
    ),
]


@pytest.mark.parametrize(("language", "body", "expected"), SUSTAINABILITY)
def test_sustainability_in_general_terms(tmp_path, language, body, expected):
    assert _article(tmp_path, language, "F", body) == expected


# --- G: improving the data, a database for later ----------------------------------------

DATA = [
    (
        "en",
        "The Ministry of Families will improve its data collection on child victims and "
        "share relevant information with the Steering Committee.",
        "partial",
    ),
    (
        "es",
        "El Ministerio de la Familia mejorará la recopilación de datos sobre niñas y niños "
        "víctimas y compartirá con el Comité la información pertinente.",
        "partial",
    ),
    (
        "fr",
        "Le Ministère de la Famille renforcera la collecte des données sur les enfants victimes.",
        "partial",
    ),
    (
        "en",
        "The Ministry of Families will set up a database on child victims. Its workings "
        "will be laid down in a subsequent decision of the Minister.",
        "partial",
    ),
    (
        "es",
        "El Ministerio de la Familia creará una base de datos sobre niñas y niños víctimas. "
        "Su funcionamiento se regirá por una resolución posterior del Ministerio.",
        "partial",
    ),
    (
        "fr",
        "Le Ministère de la Famille créera une base de données sur les enfants victimes. "
        "Ses modalités de fonctionnement seront fixées par un décret ultérieur.",
        "partial",
    ),
    # a system described stays present
    (
        "en",
        "The Ministry of Families will record each case of a child victim in the national "
        "case management database within 48 hours and consolidate the data every quarter.",
        "present",
    ),
    (
        "es",
        "El Ministerio de la Familia registrará cada caso de niña o niño víctima en la base "
        "de datos nacional de gestión de casos en un plazo de 48 horas y consolidará los "
        "datos cada trimestre.",
        "present",
    ),
    (
        "fr",
        "Le Ministère de la Famille enregistrera chaque cas d'enfant victime dans la base de "
        "données nationale de gestion des cas dans les 48 heures et consolidera les données "
        "chaque trimestre.",
        "present",
    ),
]


@pytest.mark.parametrize(("language", "body", "expected"), DATA)
def test_data_in_general_terms(tmp_path, language, body, expected):
    assert _article(tmp_path, language, "G", body) == expected


# --- G: an indicator table's source column ---------------------------------------------

# A draft without articles (so a data system anywhere would count), whose only data
# system is named as the source of an indicator's figures.
SOURCE_COLUMN = {
    "en": (
        "1. Corvania will open two shelters for child victims by 2027.\n\n"
        "2. The Participants will measure progress with these indicators:\n\n"
        "| Indicator | Baseline | Target 2029 | Source |\n"
        "|---|---|---|---|\n"
        "| Number of child victims referred to a shelter | 40 (2025) | 120 | "
        "Case management system of the Ministry of Families |\n"
    ),
    "es": (
        "1. Corvania abrirá dos albergues para niñas y niños víctimas en 2027.\n\n"
        "2. Los Participantes medirán el avance con estos indicadores:\n\n"
        "| Indicador | Línea de base | Meta 2029 | Fuente |\n"
        "|---|---|---|---|\n"
        "| Número de niñas y niños víctimas remitidos a un albergue | 40 (2025) | 120 | "
        "Sistema de gestión de casos del Ministerio de la Familia |\n"
    ),
    "fr": (
        "1. Corvania ouvrira deux foyers pour enfants victimes d'ici 2027.\n\n"
        "2. Les Participants mesureront les progrès avec ces indicateurs :\n\n"
        "| Indicateur | Référence | Cible 2029 | Source |\n"
        "|---|---|---|---|\n"
        "| Nombre d'enfants victimes orientés vers un foyer | 40 (2025) | 120 | "
        "Système de gestion des cas du Ministère de la Famille |\n"
    ),
}


@pytest.mark.parametrize("language", sorted(SOURCE_COLUMN))
def test_indicator_source_column_is_no_data_system(tmp_path, language):
    text = f"{RECITAL[language]}\n\n{SOURCE_COLUMN[language]}"
    assert element_status(tmp_path, text, "G") == "partial"


# --- G: a register among the activities of a work plan ---------------------------------

WORK_PLAN = (
    "Article 1. Objectives\n"
    "1. To protect child victims of trafficking in three provinces of Corvania.\n\n"
    "Article 2. Work plan\n"
    "| Activity | Lead | Year 1 | Year 2 |\n"
    "|---|---|---|---|\n"
    "| 2.1 Train forty labour inspectors | Ministry of Labour | X | |\n"
    "| 2.2 Set up a referral register for child victims | Ministry of Families | | X |\n"
)


def test_register_in_a_work_plan_is_a_mention(tmp_path):
    text = f"{RECITAL['en']}\n\n{WORK_PLAN}"
    assert element_status(tmp_path, text, "G") == "partial"


# --- F and G: promoting ownership, striving for a database ------------------------------

ENDEAVOURS = [
    (
        "en",
        "F",
        "The Participants will promote national ownership of the activities after the "
        "Partnership ends.",
    ),
    (
        "es",
        "F",
        "Los Participantes fomentarán la apropiación local una vez concluida la alianza.",
    ),
    (
        "fr",
        "F",
        "Les Participants favoriseront l'appropriation nationale après la fin du partenariat.",
    ),
    (
        "en",
        "G",
        "The Ministry of Families will endeavour to set up a national case management "
        "database on child victims.",
    ),
    (
        "es",
        "G",
        "El Ministerio de la Familia procurará contar con una base de datos sobre niñas y "
        "niños víctimas.",
    ),
    (
        "fr",
        "G",
        "Le Ministère de la Famille s'efforcera de mettre en place une base de données sur "
        "les enfants victimes.",
    ),
]


@pytest.mark.parametrize(("language", "key", "body"), ENDEAVOURS)
def test_promoting_or_striving_is_general(tmp_path, language, key, body):
    assert _article(tmp_path, language, key, body) == "partial"


# --- F and G: clauses whose title runs into their text ----------------------------------

# No heading the reader marks: each clause opens with its title in capitals. The data
# clause only improves records; a case system named in the programs clause is in passing.
RUN_IN = {
    "es": (
        "PRIMERA.- PROGRAMAS. Corvania creará un sistema de gestión de casos para la "
        "Fiscalía con fondos de la alianza.\n\n"
        "SEGUNDA.- SOSTENIBILIDAD. Los Participantes reconocen la importancia de que los "
        "logros perduren y fomentarán la apropiación local.\n\n"
        "TERCERA.- DATOS. El Ministerio de la Familia mejorará sus registros sobre niñas y "
        "niños víctimas y compartirá la información pertinente.\n"
    ),
    "fr": (
        "ARTICLE PREMIER. PROGRAMMES. Corvania créera un système de gestion des cas pour le "
        "parquet avec les fonds du partenariat.\n\n"
        "ARTICLE 2. PÉRENNITÉ. Les Participants soulignent l'importance de la pérennité des "
        "acquis et favoriseront l'appropriation nationale.\n\n"
        "ARTICLE 3. DONNÉES. Le Ministère de la Famille améliorera ses dossiers sur les "
        "enfants victimes et partagera les informations utiles.\n"
    ),
    "en": (
        "CLAUSE 1. PROGRAMS. Corvania will create a case management system for prosecutors "
        "with Partnership funds.\n\n"
        "CLAUSE 2. SUSTAINABILITY. The Participants recognise the importance of lasting "
        "results and will promote national ownership.\n\n"
        "CLAUSE 3. DATA. The Ministry of Families will improve its records on child victims "
        "and share relevant information.\n"
    ),
}


@pytest.mark.parametrize("language", sorted(RUN_IN))
@pytest.mark.parametrize("key", ["F", "G"])
def test_clause_with_run_in_title_is_the_article(tmp_path, language, key):
    text = f"{RECITAL[language]}\n\n{RUN_IN[language]}"
    assert element_status(tmp_path, text, key) == "partial"
