"""Element C when a government funds the programs together without allocating its money
to any of them ("without allocation per program", "sin asignación por programa", "sans
affectation par programme"): that government funds no program, so C is partial. The
statement may stand in the amount's own sentence, or in a sentence naming the government
by its role ("la Partie ostrelienne"), the amount stated elsewhere. Each short draft was
written for these tests (fictional partner Ostrelia, our own wording) and is checked with
`cpc-draft check`.
"""

from __future__ import annotations

import pytest
from check_status import element_status
from test_programs_split_later import PROGRAMS

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


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_an_amount_stated_as_allocated_to_no_program_funds_none(tmp_path, language):
    draft = PROGRAMS[language] + IN_ITS_SENTENCE[language]
    assert element_status(tmp_path, draft, "C") == "partial"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_party_funding_without_allocation_per_program_funds_none(tmp_path, language):
    draft = PROGRAMS[language] + TOTAL[language] + BY_ROLE[language]
    assert element_status(tmp_path, draft, "C") == "partial"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_total_for_the_programs_still_funds_them(tmp_path, language):
    assert element_status(tmp_path, PROGRAMS[language] + TOTAL[language] + "\n", "C") == "present"
