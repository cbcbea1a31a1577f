"""Elements A–E stated in general terms only: partial, neither present nor missing.

A general aim without specific objectives (A); one government's duties concrete and the
other's left to its discretion ("as appropriate", "en la medida de sus posibilidades",
"dans la mesure de ses moyens") or only money, and a plan of action's lines of action given
to the partner's bodies (B); areas of work named under a program word but their activities
and funding left for later (C); indicators to be agreed later (D); totals whose yearly
split is left for later, and a committee that meets as oversight (E). Each short draft was
written for these tests (fictional partner Doravia, our own wording) and is checked with
`cpc-draft check`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

OPENING = {
    "en": 'The Government of the United States of America ("the United States") and the '
    'Government of the Republic of Doravia ("Doravia") set out here their understanding '
    "on a Child Protection Compact Partnership.",
    "es": 'El Gobierno de los Estados Unidos de América ("los Estados Unidos") y el Gobierno '
    'de la República de Doravia ("Doravia") expresan aquí su entendimiento sobre una '
    "Alianza para la Protección de la Niñez.",
    "fr": "Le Gouvernement des États-Unis d'Amérique (« les États-Unis ») et le Gouvernement "
    "de la République de Doravia (« la Doravia ») exposent ici leur entente sur un "
    "Partenariat pour la protection de l'enfance.",
}


def _elements(tmp_path: Path, language: str, *paragraphs: str) -> dict:
    path = tmp_path / "draft.txt"
    path.write_text("\n\n".join([OPENING[language], *paragraphs]) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["documents"][0]["elements"]


# --- A: a general aim, no specific objectives -------------------------------------------

GENERAL_AIM = {
    "en": "The Participants share the aim of reducing the exploitation of children in "
    "Doravia and of making public services respond to it better.",
    "es": "El objetivo general de la Alianza es reducir la explotación de niñas y niños en "
    "Doravia y mejorar la respuesta de los servicios públicos.",
    "fr": "L'objectif général du Partenariat est de réduire l'exploitation des enfants en "
    "Doravia et d'améliorer la réponse des services publics.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_general_aim_alone_is_partial(tmp_path, language):
    element = _elements(tmp_path, language, GENERAL_AIM[language])["A"]
    assert element["status"] == "partial", element["reason"]


def test_a_draft_without_any_aim_has_no_objectives(tmp_path):
    element = _elements(tmp_path, "en", "This Letter takes effect on signature.")["A"]
    assert element["status"] == "missing", element["reason"]


def test_a_general_aim_is_not_counted_among_listed_objectives(tmp_path):
    """The aim stays a purpose: the two listed objectives are the ones counted."""
    objectives = (
        "The Participants expect to achieve the following specific objectives:\n\n"
        "(a) every identified child victim placed in care within 48 hours;\n\n"
        "(b) twice as many prosecutions of child exploitation by 2029."
    )
    element = _elements(tmp_path, "en", GENERAL_AIM["en"], objectives)["A"]
    assert element["status"] == "present", element["reason"]
    assert element["reason"].startswith("2 objectives"), element["reason"]


# --- B: one government's duties left to its discretion ----------------------------------

CONCRETE_PARTNER = {
    "en": "The Government of Doravia will assign eight prosecutors to child exploitation "
    "cases by 30 June 2027 and will open a shelter for child victims in the capital.",
    "es": "El Gobierno de Doravia se compromete a asignar ocho fiscales a los casos de "
    "explotación infantil antes del 30 de junio de 2027 y a abrir un albergue en la capital.",
    "fr": "Le Gouvernement de la Doravia s'engage à affecter huit procureurs aux affaires "
    "d'exploitation des enfants avant le 30 juin 2027 et à ouvrir un foyer dans la capitale.",
}
VAGUE_US = {
    "en": "The United States will support the efforts of Doravia as appropriate.",
    "es": "Los Estados Unidos se comprometen a apoyar los esfuerzos de Doravia en la medida "
    "de sus posibilidades.",
    "fr": "Les États-Unis s'engagent à appuyer les efforts de la Doravia dans la mesure de "
    "leurs moyens.",
}
CONCRETE_US = {
    "en": "The United States will fund the training of the prosecutors and the equipment "
    "of the shelter through awards to implementing partners.",
    "es": "Los Estados Unidos se comprometen a financiar la formación de los fiscales y el "
    "equipamiento del albergue mediante socios implementadores.",
    "fr": "Les États-Unis s'engagent à financer la formation des procureurs et l'équipement "
    "du foyer par l'intermédiaire de partenaires de mise en œuvre.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_b_duties_left_to_discretion_are_not_concrete(tmp_path, language):
    element = _elements(tmp_path, language, CONCRETE_PARTNER[language], VAGUE_US[language])["B"]
    assert element["status"] == "partial", element["reason"]
    assert "discretion" in element["reason"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_b_concrete_duties_of_both_are_present(tmp_path, language):
    element = _elements(tmp_path, language, CONCRETE_PARTNER[language], CONCRETE_US[language])["B"]
    assert element["status"] == "present", element["reason"]


def test_b_a_pledge_of_money_is_a_contribution_not_a_duty(tmp_path):
    pledge = "The United States intends to provide up to US$2,000,000 for the Partnership."
    element = _elements(tmp_path, "en", CONCRETE_PARTNER["en"], pledge)["B"]
    assert element["status"] == "partial", element["reason"]


def test_b_a_hedge_on_one_duty_leaves_the_others(tmp_path):
    """ "will support … as appropriate and will fund …": the funding is still a duty."""
    mixed = (
        "The United States will support the Ministry as appropriate, and will fund the "
        "training of eight prosecutors through an implementing partner."
    )
    element = _elements(tmp_path, "en", CONCRETE_PARTNER["en"], mixed)["B"]
    assert element["status"] == "present", element["reason"]


PLURAL_LEAD_IN = {
    "es": (
        "Los Estados Unidos, por intermedio de la Oficina TIP y sujeto a la disponibilidad "
        "de fondos, procurarán:\n\n"
        "a) financiar la formación de los fiscales mediante socios implementadores;\n\n"
        "b) equipar el albergue de la capital."
    ),
    "fr": (
        "Les États-Unis, par l'intermédiaire du Bureau TIP et sous réserve de la "
        "disponibilité des fonds, veilleront à :\n\n"
        "a) financer la formation des procureurs par des partenaires de mise en œuvre ;\n\n"
        "b) équiper le foyer de la capitale."
    ),
}


@pytest.mark.parametrize("language", ["es", "fr"])
def test_b_a_plural_subject_introduces_its_list_of_duties(tmp_path, language):
    """ "Los Estados Unidos … procurarán:", "Les États-Unis … veilleront à :": plural verbs."""
    paragraphs = (CONCRETE_PARTNER[language], PLURAL_LEAD_IN[language])
    element = _elements(tmp_path, language, *paragraphs)["B"]
    assert element["status"] == "present", element["reason"]


def test_b_duties_a_body_will_take_on_that_are_specified_later_are_none(tmp_path):
    """ "Las responsabilidades que asumirán la Fiscalía y la Policía se precisarán en un plan
    de trabajo": the partner's duties are left for later, whatever verb is in the future."""
    later = (
        "Las responsabilidades concretas que asumirán la Fiscalía General y la Policía "
        "Nacional se precisarán en un plan de trabajo conjunto."
    )
    element = _elements(tmp_path, "es", CONCRETE_US["es"], later)["B"]
    assert element["status"] == "partial", element["reason"]
    assert "only; none for the partner government" in element["reason"], element["reason"]


# --- B: a plan of action gives its lines of action to the partner's bodies ---------------

BODIES = {
    "es": (
        "Línea de acción 1.1 Fiscalía especializada",
        "La Fiscalía General designará diez fiscales para los casos de explotación infantil.",
        "Línea de acción 1.2 Salas de entrevista",
        "El Poder Judicial habilitará tres salas de entrevista para niñas y niños víctimas.",
    ),
    "fr": (
        "Axe 1 – Répression",
        "La Police nationale créera une brigade des mineurs de vingt officiers dans la capitale.",
        "Axe 2 – Protection",
        "Le Conseil national de l'enfance ouvrira deux centres d'accueil pour enfants victimes.",
    ),
}


RESPONSIBLE_LINES = {
    "en": (
        "Action 1. Train forty police investigators in interviewing child victims.",
        "Lead agency: National Police",
        "Action 2. Open a shelter for child victims in the capital.",
        "Lead agency: Ministry of Social Affairs",
    ),
    "es": (
        "Acción 1. Formar a cuarenta investigadores en la entrevista de víctimas menores.",
        "Responsable: Policía Nacional",
        "Acción 2. Abrir un albergue para niñas y niños víctimas en la capital.",
        "Institución responsable: Ministerio de Desarrollo Social",
    ),
    "fr": (
        "Action 1. Former quarante enquêteurs à l'audition des enfants victimes.",
        "Structure responsable : Police nationale",
        "Action 2. Ouvrir un centre d'accueil pour enfants victimes dans la capitale.",
        "Chef de file : Ministère des Affaires sociales",
    ),
}


@pytest.mark.parametrize(
    ("plan", "language"),
    [(BODIES, "es"), (BODIES, "fr"), *((RESPONSIBLE_LINES, lang) for lang in ("en", "es", "fr"))],
)
def test_b_lines_of_action_given_to_the_partners_bodies_are_its_duties(tmp_path, plan, language):
    """A body as the subject of a future tense ("La Fiscalía General designará …"), or
    named by a "Responsable:" line under the action: the partner's duties."""
    element = _elements(tmp_path, language, *plan[language])["B"]
    assert element["status"] == "partial", element["reason"]
    assert "duties of the partner government" in element["reason"], element["reason"]


def test_b_a_lead_agency_column_gives_each_row_to_its_government(tmp_path):
    table = (
        "| Activity | Lead agency | Timing |\n"
        "|---|---|---|\n"
        "| Train forty police investigators | National Police | 2027 |\n"
        "| Fund two shelters through implementing partners | TIP Office | 2027 |"
    )
    element = _elements(tmp_path, "en", table)["B"]
    assert element["status"] == "present", element["reason"]


# --- C: areas named, activities and funding left for later ------------------------------

AREAS = {
    "en": (
        "The Participants will carry out activities in three areas of cooperation: "
        "justice, care and prevention. The specific activities and their funding will be "
        "identified later by the TIP Office.",
    ),
    "es": (
        "Áreas de cooperación",
        "Las actividades conjuntas abarcarán en particular la formación de fiscales, la "
        "atención a las víctimas y la prevención. Su contenido y financiamiento se definirán "
        "más adelante.",
    ),
    "fr": (
        "Domaines d'intervention",
        "Les activités conjointes porteront notamment sur la formation des magistrats, la "
        "prise en charge des victimes et la prévention. Leur contenu et leur financement "
        "seront précisés ultérieurement.",
    ),
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_c_named_areas_left_for_later_are_partial(tmp_path, language):
    element = _elements(tmp_path, language, *AREAS[language])["C"]
    assert element["status"] == "partial", element["reason"]


def test_c_activities_to_be_determined_without_areas_are_missing(tmp_path):
    """No program word names the areas: nothing of element C is there."""
    activities = (
        "Activities",
        "The activities of the Partnership are to be determined once implementing partners "
        "have been selected.",
    )
    element = _elements(tmp_path, "en", *activities)["C"]
    assert element["status"] == "missing", element["reason"]


LABELLED = {
    "en": (
        "Programme Area 1 – Justice. Training of prosecutors.",
        "Programme Area 2 – Care. Two shelters.",
    ),
    "es": (
        "Eje estratégico 1: Justicia. Formación de fiscales.",
        "Eje estratégico 2: Atención. Dos albergues.",
    ),
    "fr": (
        "Axe stratégique 1 : Justice. Formation des procureurs.",
        "Axe stratégique 2 : Prise en charge. Deux foyers.",
    ),
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_c_a_qualified_program_word_labels_a_program(tmp_path, language):
    element = _elements(tmp_path, language, *LABELLED[language])["C"]
    assert element["status"] == "partial", element["reason"]
    assert element["reason"].startswith("2 programs"), element["reason"]


# --- D: indicators left to a later agreement ---------------------------------------------

INDICATORS_LATER = {
    "en": "The indicators of the Partnership will be agreed by the Participants at their "
    "first meeting.",
    "es": "Los indicadores de la Alianza se definirán de común acuerdo en la primera reunión.",
    "fr": "Les indicateurs de suivi seront définis d'un commun accord lors de la première réunion.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_d_indicators_to_be_agreed_later_are_partial(tmp_path, language):
    element = _elements(tmp_path, language, INDICATORS_LATER[language])["D"]
    assert element["status"] == "partial", element["reason"]
    assert "later" in element["reason"]


@pytest.mark.parametrize(
    "text",
    [
        "Se buscará que la Alianza cuente con indicadores, que serán definidos en su oportunidad.",
        "Los indicadores de avance serán determinados por las Partes en su oportunidad.",
        "La Alianza tendrá un indicador de resultados, que será definido por un comité técnico.",
    ],
)
def test_d_indicators_left_to_a_passive_later_decision_in_spanish_are_partial(tmp_path, text):
    """ "serán definidos", "en su oportunidad": Spanish passives and "in due course", as
    "seront définis" and "en temps utile" in French."""
    element = _elements(tmp_path, "es", text)["D"]
    assert element["status"] == "partial", element["reason"]
    assert "later" in element["reason"]


def test_d_no_word_of_indicators_is_missing(tmp_path):
    element = _elements(tmp_path, "en", "The Participants will meet once a year.")["D"]
    assert element["status"] == "missing", element["reason"]


# --- E: oversight by a committee; the yearly split left for later ------------------------

YEARLY = {
    "en": "The United States intends to provide US$600,000 in 2026 and US$700,000 in 2027. "
    "Doravia intends to provide US$300,000 in 2026 and US$350,000 in 2027.",
    "es": "Los Estados Unidos aportarán US$600,000 en 2026 y US$700,000 en 2027. Doravia "
    "aportará US$300,000 en 2026 y US$350,000 en 2027.",
    "fr": "Les États-Unis fourniront 600 000 USD en 2026 et 700 000 USD en 2027. La Doravia "
    "fournira 300 000 USD en 2026 et 350 000 USD en 2027.",
}
COMMITTEE = {
    "en": "A Joint Steering Committee meets twice a year to follow the contributions.",
    "es": "Un Comité de Seguimiento se reúne dos veces al año para revisar los aportes.",
    "fr": "Un Comité de pilotage se réunit deux fois par an pour suivre les contributions.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_e_a_steering_committee_is_an_oversight_mechanism(tmp_path, language):
    element = _elements(tmp_path, language, YEARLY[language], COMMITTEE[language])["E"]
    assert element["status"] == "present", element["reason"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_e_without_a_committee_oversight_is_missing(tmp_path, language):
    element = _elements(tmp_path, language, YEARLY[language])["E"]
    assert element["status"] == "partial", element["reason"]
    assert "oversight" in element["reason"]


TOTALS_PHASING_LATER = {
    "en": "Budget\n\nThe United States intends to provide up to US$1,300,000 and Doravia "
    "US$650,000 over the term. The annual phasing of these amounts will be agreed by the "
    "Joint Steering Committee at its first meeting.",
    "es": "Presupuesto\n\nLos Estados Unidos aportarán hasta US$1,300,000 y Doravia "
    "US$650,000 durante la vigencia. La distribución anual de estos montos se acordará en la "
    "primera reunión del Comité de Seguimiento.",
    "fr": "Budget\n\nLes États-Unis fourniront jusqu'à 1 300 000 USD et la Doravia 650 000 USD "
    "sur la durée du Partenariat. La répartition annuelle de ces montants sera arrêtée par le "
    "Comité de pilotage lors de sa première réunion.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_e_totals_with_the_yearly_split_left_for_later_are_partial(tmp_path, language):
    element = _elements(tmp_path, language, TOTALS_PHASING_LATER[language])["E"]
    assert element["status"] == "partial", element["reason"]
    assert "by year" in element["reason"], element["reason"]
