"""Elements A and B as plans of action and declarations write them.

A: objectives labelled run-in with a full stop ("Objective 1. Establish …", "Objetivo 2.
Fortalecer …", "Objectif 3. Doter …") are listed objectives; a declaration that only
states a general aim ("work together to combat …") is partial, not missing.
B: a roles article that states each government's part in the present tense ("The
Ministry leads …", "Le Gouvernement de X … assure la coordination …") gives duties to
each; a duty opened by a connective ("To this end, the Government of X will designate
…") is still that government's. Short drafts written for these tests (fictional Doravia).
"""

from __future__ import annotations

import json

import pytest
from check_status import element_status
from click.testing import CliRunner

from cpc_draft.cli import main

OPENING = {
    "en": 'The Government of the United States of America ("the United States") and the '
    'Government of the Republic of Doravia ("Doravia") set out here a Child Protection '
    "Compact Partnership.",
    "es": 'El Gobierno de los Estados Unidos de América ("los Estados Unidos") y el Gobierno '
    'de la República de Doravia ("Doravia") establecen aquí una Alianza para la Protección '
    "de la Niñez.",
    "fr": "Le Gouvernement des États-Unis d'Amérique (« les États-Unis ») et le Gouvernement "
    "de la République de Doravia (« la Doravia ») établissent ici un Partenariat pour la "
    "protection de l'enfance.",
}
OBJECTIVES = {
    "en": "2. Objectives\n\nObjective 1. Open a shelter for child victims in each coastal "
    "province.\n\nObjective 2. Double the number of child trafficking cases brought to "
    "court.\n\nObjective 3. Reach every secondary school in the border districts with "
    "prevention sessions.",
    "es": "2. Objetivos\n\nObjetivo 1. Abrir un albergue para víctimas en cada provincia "
    "costera.\n\nObjetivo 2. Duplicar el número de casos de trata de niñas y niños llevados "
    "a juicio.\n\nObjetivo 3. Llegar a todas las escuelas secundarias de los distritos "
    "fronterizos con sesiones de prevención.",
    "fr": "2. Objectifs\n\nObjectif 1. Ouvrir un foyer pour enfants victimes dans chaque "
    "province côtière.\n\nObjectif 2. Doubler le nombre d'affaires de traite d'enfants "
    "portées devant les tribunaux.\n\nObjectif 3. Atteindre chaque école secondaire des "
    "districts frontaliers par des séances de prévention.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_run_in_labelled_objectives_are_listed(tmp_path, language):
    text = OPENING[language] + "\n\n" + OBJECTIVES[language] + "\n"
    assert element_status(tmp_path, text, "A") == "present"


GENERAL_THEN_SPECIFIC = {
    "en": "2. Objectives\n\nGeneral objective: reduce the exploitation of children in Doravia."
    "\n\nSpecific objective 1: open a shelter in each coastal province.\n\nSpecific "
    "objective 2: double the number of cases brought to court.",
    "es": "2. Objetivos\n\nObjetivo general: reducir la explotación de niñas y niños en "
    "Doravia.\n\nObjetivo específico 1: abrir un albergue en cada provincia costera.\n\n"
    "Objetivo específico 2: duplicar el número de casos llevados a juicio.",
    "fr": "2. Objectifs\n\nObjectif général : réduire l'exploitation des enfants en Doravia."
    "\n\nObjectif spécifique 1 : ouvrir un foyer dans chaque province côtière.\n\n"
    "Objectif spécifique 2 : doubler le nombre d'affaires portées devant les tribunaux.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_general_objective_is_not_counted_among_the_specific_ones(tmp_path, language):
    path = tmp_path / "draft.txt"
    path.write_text(OPENING[language] + "\n\n" + GENERAL_THEN_SPECIFIC[language] + "\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    element = json.loads(result.output)["documents"][0]["elements"]["A"]
    assert element["status"] == "present"
    assert element["reason"].startswith("2 objectives listed"), element["reason"]


GENERAL_AIM = {
    "en": "The Participants declare their intention to:\n\n1. Work together to combat the "
    "trafficking of children and to deepen their bilateral dialogue.\n\n2. Meet when they "
    "see fit to review the preparation of a future compact.",
    "es": "Las Partes declaran su intención de:\n\n1. Trabajar conjuntamente para combatir la "
    "trata de niñas y niños y profundizar su diálogo bilateral.\n\n2. Reunirse cuando lo "
    "estimen conveniente para revisar la preparación de una futura Alianza.",
    "fr": "Les Parties déclarent leur intention de :\n\n1. Travailler ensemble pour lutter "
    "contre la traite des enfants et approfondir leur dialogue bilatéral.\n\n2. Se réunir "
    "lorsqu'elles le jugent utile pour examiner la préparation d'un futur Partenariat.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_general_aim_alone_is_partial_not_missing(tmp_path, language):
    text = OPENING[language] + "\n\n" + GENERAL_AIM[language] + "\n"
    assert element_status(tmp_path, text, "A") == "partial"


ROLES = {
    "en": "3. Roles of the Participants\n\nThe Government of the Republic of Doravia, through "
    "its Ministry of Social Affairs, coordinates the Plan, assigns the staff of the child "
    "protection office and chairs the Joint Committee.\n\nThe Government of the United States "
    "of America, through the TIP Office, funds implementing partners for the first two "
    "programs, provides technical assistance to prosecutors and takes part in the Joint "
    "Committee.",
    "es": "3. Funciones de los Participantes\n\nEl Gobierno de la República de Doravia, por "
    "medio de su Ministerio de Asuntos Sociales, coordina el Plan, asigna el personal de la "
    "oficina de protección de la niñez y preside el Comité Conjunto.\n\nEl Gobierno de los "
    "Estados Unidos de América, por medio de la Oficina TIP, financia a socios ejecutores "
    "para los dos primeros programas, brinda asistencia técnica a los fiscales y participa "
    "en el Comité Conjunto.",
    "fr": "3. Rôles des Participants\n\nLe Gouvernement de la République de Doravia, par "
    "l'intermédiaire de son Ministère des Affaires sociales, coordonne le Plan, affecte le "
    "personnel de l'office de protection de l'enfance et préside le Comité conjoint.\n\n"
    "Le Gouvernement des États-Unis d'Amérique, par l'intermédiaire du Bureau TIP, finance "
    "des partenaires de mise en œuvre pour les deux premiers programmes, fournit une "
    "assistance technique aux magistrats et participe au Comité conjoint.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_roles_in_the_present_tense_are_duties_of_each(tmp_path, language):
    text = OPENING[language] + "\n\n" + ROLES[language] + "\n"
    assert element_status(tmp_path, text, "B") == "present"


def test_roles_of_both_together_are_no_one_governments(tmp_path):
    text = (
        OPENING["en"] + "\n\n3. Roles of the Participants\n\nThe Government of the Republic of "
        "Doravia and the Government of the United States of America jointly review the Plan "
        "every year and publish a short report on its progress.\n"
    )
    assert element_status(tmp_path, text, "B") != "present"


CONNECTIVE = {
    "en": "1. The Participants will work together against the trafficking of children.\n\n"
    "2. To this end, the Government of the Republic of Doravia will designate, through its "
    "Ministry of Foreign Affairs, a focal point to coordinate the national institutions.",
    "es": "1. Las Partes trabajarán conjuntamente contra la trata de niñas y niños.\n\n"
    "2. Para tal efecto, el Gobierno de la República de Doravia designará, por medio de su "
    "Ministerio de Relaciones Exteriores, un punto focal encargado de coordinar con las "
    "instituciones nacionales.",
    "fr": "1. Les Parties travailleront ensemble contre la traite des enfants.\n\n"
    "2. À cet effet, le Gouvernement de la République de Doravia désignera, par "
    "l'intermédiaire de son Ministère des Affaires étrangères, un point focal chargé de "
    "coordonner les institutions nationales.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_duty_opened_by_a_connective_is_the_governments(tmp_path, language):
    """One government's duty: partial, not "no responsibilities"."""
    text = OPENING[language] + "\n\n" + CONNECTIVE[language] + "\n"
    assert element_status(tmp_path, text, "B") == "partial"
