"""Element G: how child protection data are collected, tracked and managed.

Data said only to be "collected by the competent ministries" say who gathers them, not
how they are tracked or managed: G is partial. Data collected and then consolidated,
recorded and updated describe a way of managing them, and so does a case data system
with a unique code per child, however the draft names it. Each short draft was written
for these tests (fictional partner Corvane, our own wording) and is checked with
`cpc-draft check`, as a reviewer would run it.
"""

from __future__ import annotations

import pytest
from check_status import element_status

OPENING = {
    "en": "The Government of the United States of America and the Government of the Republic "
    "of Corvane intend to work together against the trafficking of children.\n\n"
    "Article 7 – Case data\n",
    "es": "El Gobierno de los Estados Unidos de América y el Gobierno de la República de "
    "Corvane tienen la intención de colaborar contra la trata de niñas, niños y "
    "adolescentes.\n\nArtículo 7 – Datos\n",
    "fr": "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République de "
    "Corvane ont l'intention de coopérer contre la traite des enfants.\n\n"
    "Article 7 – Données\n",
}


@pytest.mark.parametrize(
    ("language", "body", "status"),
    [
        (
            "fr",
            "Les données relatives aux enfants victimes de traite seront collectées par "
            "les ministères compétents.",
            "partial",
        ),
        (
            "es",
            "Los datos sobre niñas, niños y adolescentes víctimas de trata serán recopilados "
            "por los ministerios competentes.",
            "partial",
        ),
        (
            "en",
            "Data on child victims of trafficking will be collected by the ministries concerned.",
            "partial",
        ),
        (
            "fr",
            "Les données relatives aux enfants victimes de traite seront collectées par les "
            "services sociaux, consolidées chaque trimestre par la Commission nationale et "
            "mises à jour à chaque étape de la prise en charge.",
            "present",
        ),
        (
            "en",
            "The National Council intends to operate a single case data system for child "
            "trafficking. Each presumed child victim receives a unique case code when first "
            "identified, and every later step is added under that code.",
            "present",
        ),
        (
            "es",
            "El Consejo Nacional operará un sistema de datos en el que cada niña, niño o "
            "adolescente víctima recibe un código único al ser identificado.",
            "present",
        ),
    ],
)
def test_how_the_data_are_managed_decides_g(tmp_path, language, body, status):
    assert element_status(tmp_path, OPENING[language] + body + "\n", "G") == status
