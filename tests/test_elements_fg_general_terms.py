"""Elements F and G stated in general terms only: partial, never present.

- F: support promised "to the extent that its resources permit" hedges on means, and a
  sentence that "recognises the importance" of lasting results declares, it plans
  nothing; a concrete step in a sentence of its own is still a strategy.
- G: data collection only "to be improved" ("mejorarán sus registros", "améliorer la
  collecte des données") says nothing of how the data are collected, tracked or
  managed; a database whose workings are left to "un arrêté ultérieur" or "a subsequent
  decision" is deferred; the source column of an indicator table ("case management
  system of the Ministry") is no data system; a work plan activity to set up a register
  of child victims is a mention (partial), not nothing.

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
        "Corvania intends to keep funding the two shelters after the Partnership ends, to "
        "the extent that its resources permit.",
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
        "la apropiación nacional de las actividades.",
        "partial",
    ),
    (
        "fr",
        "Les Participants soulignent l'importance de la pérennité des acquis et favoriseront "
        "l'appropriation nationale des activités.",
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
