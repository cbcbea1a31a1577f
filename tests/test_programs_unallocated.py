"""Element C when a government funds the programs together without allocating its money
to any of them ("without allocation per program", "sin asignación por programa", "sans
affectation par programme"): that government funds no program, so C is partial. The
statement may stand in the amount's own sentence, or in a sentence naming the government
by its role ("la Partie ostrelienne"), the amount stated elsewhere. Each short draft was
written for these tests (fictional partner Ostrelia, our own wording) and is checked with
`cpc-draft check`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

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
IN_ITS_SENTENCE = {
    "en": "Ostrelia will contribute US$3,000,000 to the two programs as a whole, not "
    "allocated to individual programs.\n",
    "es": "Ostrelia aportará USD 3,000,000 a los dos programas en su conjunto, sin "
    "asignación por programa.\n",
    "fr": "Ostrelia apportera 3 000 000 USD à l'ensemble des deux programmes, sans "
    "affectation par programme.\n",
}
TOTAL = {
    "en": "Ostrelia will contribute US$3,000,000 to the programs.",
    "es": "Ostrelia aportará USD 3,000,000 a los programas.",
    "fr": "Ostrelia apportera 3 000 000 USD aux programmes.",
}
BY_ROLE = {
    "en": " The Ostrelian Party funds them from its general budget, without allocation per "
    "program.\n",
    "es": " La Parte ostreliana los financia con cargo a su presupuesto general, sin "
    "asignación por programa.\n",
    "fr": " La Partie ostrelienne les finance sur son budget général, sans affectation par "
    "programme.\n",
}


def _c_status(tmp_path: Path, text: str) -> str:
    path = tmp_path / "draft.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    line = re.search(r"^  C \S+\s+\S (present|partial|missing)", result.output, re.MULTILINE)
    assert line, result.output
    return line.group(1)


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_an_amount_stated_as_allocated_to_no_program_funds_none(tmp_path, language):
    assert _c_status(tmp_path, PROGRAMS[language] + IN_ITS_SENTENCE[language]) == "partial"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_party_funding_without_allocation_per_program_funds_none(tmp_path, language):
    draft = PROGRAMS[language] + TOTAL[language] + BY_ROLE[language]
    assert _c_status(tmp_path, draft) == "partial"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_total_for_the_programs_still_funds_them(tmp_path, language):
    assert _c_status(tmp_path, PROGRAMS[language] + TOTAL[language] + "\n") == "present"
