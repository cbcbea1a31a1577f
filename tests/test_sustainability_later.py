"""Element F when the sustainability plan is still to be written or decided.

GAO-23-105390 found sustainability plans promised for later that never came. A draft
that says the governments "will look at" sustainability at a later review, "intend to
develop" a plan before some undated point, or "acordarán … los términos de una
estrategia" provides no strategy: F is partial. The same intention with a date ("by 30
June 2029") is a dated commitment, and a concrete strategy set out under a line of action
titled for sustainability is the strategy, wherever the draft puts it. Each short draft
was written for these tests (fictional partner Ardell, our own wording) and is checked
with `cpc-draft check`, as a reviewer would run it.
"""

from __future__ import annotations

import pytest
from check_status import element_status

OPENING = {
    "en": "The Government of the United States of America and the Government of the Republic "
    "of Ardell intend to work together against the trafficking of children.\n\n"
    "Article 1 – Objectives\n1.1 The Participants intend to double the number of child "
    "victims identified each year.\n\n"
    "Article 2 – Responsibilities\n2.1 Ardell intends to assign six prosecutors to a "
    "specialised unit. The United States intends to fund training for the unit.\n\n"
    "Article 3 – Sustainability\n",
    "es": "El Gobierno de los Estados Unidos de América y el Gobierno de la República de Ardell "
    "tienen la intención de colaborar contra la trata de niñas, niños y adolescentes.\n\n"
    "Artículo 1 – Objetivos\n1.1 Los Participantes se proponen duplicar el número de víctimas "
    "identificadas cada año.\n\n"
    "Artículo 2 – Responsabilidades\n2.1 Ardell asignará seis fiscales a una unidad "
    "especializada. Los Estados Unidos financiarán la capacitación de la unidad.\n\n"
    "Artículo 3 – Sostenibilidad\n",
    "fr": "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République "
    "d'Ardell ont l'intention de coopérer contre la traite des enfants.\n\n"
    "Article 1 – Objectifs\n1.1 Les Participants entendent doubler le nombre d'enfants "
    "victimes identifiés chaque année.\n\n"
    "Article 2 – Responsabilités\n2.1 Ardell affectera six procureurs à une unité "
    "spécialisée. Les États-Unis financeront la formation de l'unité.\n\n"
    "Article 3 – Pérennité\n",
}


@pytest.mark.parametrize(
    ("language", "body", "status"),
    [
        (
            "en",
            "3.1 The Participants will look at questions of sustainability at the mid-term "
            "review in 2028.",
            "partial",
        ),
        (
            "en",
            "3.1 The Participants intend to develop, before the end of the third year of the "
            "Partnership, a plan to sustain its results after it expires.",
            "partial",
        ),
        (
            "en",
            "3.1 Ardell intends to prepare, by 30 June 2029, a transition plan under which "
            "the national budget takes over the cost of the specialised unit from 2030.",
            "present",
        ),
        (
            "en",
            "3.1 To that end, Ardell intends to develop a strategy to sustain that progress, "
            "as follows:\n\n(a) the national budget takes over the cost of the specialised "
            "unit from 2030;\n\n(b) the unit's prosecutors stay in post after the Partnership "
            "expires.",
            "present",
        ),
        (
            "es",
            "3.1 Los Participantes reconocen la importancia de dar continuidad a las acciones "
            "y acordarán, durante el tercer año, los términos de una estrategia para sostener "
            "los resultados.",
            "partial",
        ),
        (
            "es",
            "3.1 Los Participantes tienen la intención de elaborar, antes del final del "
            "tercer año, un plan para sostener los resultados.",
            "partial",
        ),
        (
            "fr",
            "3.1 Les Participants entendent élaborer, avant la fin de la troisième année, "
            "une stratégie de pérennisation des résultats.",
            "partial",
        ),
        (
            "fr",
            "3.1 Les Participants conviendront, lors de la revue à mi-parcours, des "
            "modalités de la pérennisation.",
            "partial",
        ),
    ],
)
def test_a_plan_still_to_be_written_or_decided_is_partial(tmp_path, language, body, status):
    assert element_status(tmp_path, OPENING[language] + body + "\n", "F") == status


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_strategy_under_a_line_of_action_titled_for_sustainability(tmp_path, language):
    if language == "en":
        text = (
            OPENING["en"].split("Article 3")[0]
            + "Article 3 – Lines of action\n\nLine of action 3.1 Specialised prosecution\n\n"
            "The unit is set up in 2026 and trained each year.\n\n"
            "Line of action 3.2 Sustainability strategy\n\n"
            "By June 2028 the Government of Ardell will adopt by decree a strategy that "
            "places the unit's costs in the ordinary budget, half in 2029 and all from 2030, "
            "and keeps its prosecutors in post after 2029.\n"
        )
    else:
        text = (
            OPENING["es"].split("Artículo 3")[0]
            + "Artículo 3 – Líneas de acción\n\nLínea de acción 3.1 Fiscalía especializada\n\n"
            "La unidad se crea en 2026 y se capacita cada año.\n\n"
            "Línea de acción 3.2 Estrategia de sostenibilidad\n\n"
            "A más tardar en junio de 2028, el Gobierno de Ardell aprobará mediante decreto "
            "una estrategia que incorpore al presupuesto ordinario el costo de la unidad, "
            "el 50 % en 2029 y el 100 % a partir de 2030, y mantenga a sus fiscales en sus "
            "cargos después de 2029.\n"
        )
    assert element_status(tmp_path, text, "F") == "present"
