"""Element C when one government gives a total for the programs together and leaves its
split among them for later: that government funds no program yet, so C is partial. A
total split now, program by program, still funds them. Each short draft was written for
these tests (fictional partner Ostrelia, our own wording) and is checked with
`cpc-draft check`, as a reviewer would run it.
"""

from __future__ import annotations

import pytest
from check_status import element_status

PROGRAMS = {
    "en": (
        "The Government of the United States of America and the Government of the Republic "
        "of Ostrelia intend to work together against the trafficking of children.\n\n"
        "Article 5 – Programs\n\n"
        "Program 1 – Justice. Training of prosecutors. The United States intends to "
        "contribute US$1,500,000.\n\n"
        "Program 2 – Care. Two shelters for child victims. The United States intends to "
        "contribute US$2,000,000.\n\n"
    ),
    "es": (
        "El Gobierno de los Estados Unidos de América y el Gobierno de la República de "
        "Ostrelia tienen la intención de colaborar contra la trata de niñas, niños y "
        "adolescentes.\n\nArtículo 5 – Programas\n\n"
        "Programa 1 – Justicia. Capacitación de fiscales. Los Estados Unidos aportarán "
        "USD 1,500,000.\n\n"
        "Programa 2 – Atención. Dos albergues para víctimas. Los Estados Unidos aportarán "
        "USD 2,000,000.\n\n"
    ),
    "fr": (
        "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République "
        "d'Ostrelia ont l'intention de coopérer contre la traite des enfants.\n\n"
        "Article 5 – Programmes\n\n"
        "Programme 1 – Justice. Formation des procureurs. Les États-Unis apporteront "
        "1 500 000 USD.\n\n"
        "Programme 2 – Prise en charge. Deux foyers pour enfants victimes. Les États-Unis "
        "apporteront 2 000 000 USD.\n\n"
    ),
}
LATER = {
    "en": "Ostrelia will contribute US$3,000,000 across the two programs; its split between "
    "them will be decided in the first annual work plan.\n",
    "es": "Ostrelia aportará USD 3,000,000 para los dos programas; su distribución entre "
    "ellos se definirá en el primer plan de trabajo anual.\n",
    "fr": "Ostrelia apportera 3 000 000 USD aux deux programmes ; leur répartition entre "
    "eux sera définie dans le premier plan de travail annuel.\n",
}
NOW = {
    "en": "Ostrelia will contribute US$3,000,000: US$1,000,000 to Program 1 and US$2,000,000 "
    "to Program 2.\n",
    "es": "Ostrelia aportará USD 3,000,000: USD 1,000,000 al Programa 1 y USD 2,000,000 al "
    "Programa 2.\n",
    "fr": "Ostrelia apportera 3 000 000 USD : 1 000 000 USD au programme 1 et 2 000 000 USD "
    "au programme 2.\n",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_total_whose_split_is_left_for_later_funds_no_program(tmp_path, language):
    assert element_status(tmp_path, PROGRAMS[language] + LATER[language], "C") == "partial"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_total_split_now_funds_the_programs(tmp_path, language):
    assert element_status(tmp_path, PROGRAMS[language] + NOW[language], "C") == "present"
