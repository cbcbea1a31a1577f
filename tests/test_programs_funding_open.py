"""Element C: programs with funding from both governments, for every program.

A program whose money is "to be mobilised" ("à mobiliser", "por movilizar"), or whose
partner allocation "will be determined" later, has no funding allocated to it yet: C is
partial even where both governments fund the other programs. A target "to be determined"
in an indicator column is no open money. A work plan's table of costed activities is its
list of initiatives (C partial with one government's money, not missing). Short drafts
written for these tests (fictional partner Doravia and its currency DRV).
"""

from __future__ import annotations

import pytest
from check_status import element_status
from doravia_opening import OPENING

PROGRAMS = {
    "en": "Article 5. Programs\n\n| Program | United States (USD) | Doravia (DRV) |\n"
    "|---|---|---|\n| Program 1 – Justice | 900,000 | 3,000,000 |\n"
    "| Program 2 – Care | 1,100,000 | {open} |\n| Program 3 – Prevention | 500,000 | 1,000,000 |",
    "es": "Artículo 5. Programas\n\n| Programa | Estados Unidos (USD) | Doravia (DRV) |\n"
    "|---|---|---|\n| Programa 1 – Justicia | 900.000 | 3.000.000 |\n"
    "| Programa 2 – Atención | 1.100.000 | {open} |\n"
    "| Programa 3 – Prevención | 500.000 | 1.000.000 |",
    "fr": "Article 5. Programmes\n\n| Programme | États-Unis (USD) | Doravia (DRV) |\n"
    "|---|---|---|\n| Programme 1 – Justice | 900 000 | 3 000 000 |\n"
    "| Programme 2 – Prise en charge | 1 100 000 | {open} |\n"
    "| Programme 3 – Prévention | 500 000 | 1 000 000 |",
}
OPEN = {"en": "to be mobilised", "es": "por movilizar", "fr": "à mobiliser"}
FUNDED = {"en": "2,000,000", "es": "2.000.000", "fr": "2 000 000"}


def _draft(language: str, cell: str) -> str:
    return OPENING[language] + "\n\n" + PROGRAMS[language].format(open=cell) + "\n"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_every_program_funded_by_both_is_present(tmp_path, language):
    assert element_status(tmp_path, _draft(language, FUNDED[language]), "C") == "present"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_program_whose_money_is_to_be_mobilised_is_partial(tmp_path, language):
    assert element_status(tmp_path, _draft(language, OPEN[language]), "C") == "partial"


ALLOCATION_LATER = {
    "en": "Article 5. Programs\n\n(a) Program 1 – Justice: training for prosecutors. The "
    "United States expects to allocate US$900,000 and Doravia DRV 3,000,000 to this "
    "program.\n\n(b) Program 2 – Care: two shelters. The United States expects to allocate "
    "US$1,100,000 to this program; the allocation of Doravia will be determined in its "
    "budget law.",
    "es": "Artículo 5. Programas\n\na) Programa 1 – Justicia: capacitación de fiscales. Los "
    "Estados Unidos prevén asignar US$900.000 y Doravia DRV 3.000.000 a este programa.\n\n"
    "b) Programa 2 – Atención: dos albergues. Los Estados Unidos prevén asignar "
    "US$1.100.000 a este programa; la asignación de Doravia se determinará en su ley de "
    "presupuesto.",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_partner_allocation_left_for_later_is_partial(tmp_path, language):
    text = OPENING[language] + "\n\n" + ALLOCATION_LATER[language] + "\n"
    assert element_status(tmp_path, text, "C") == "partial"


def test_a_target_to_be_determined_in_a_program_table_is_no_open_money(tmp_path):
    text = (
        OPENING["fr"] + "\n\nArticle 5. Programmes\n\n"
        "| Programme | Indicateur | Cible | États-Unis (USD) | Doravia (DRV) |\n"
        "|---|---|---|---|---|\n"
        "| Programme 1 – Justice | Nombre de procès | 40 | 900 000 | 3 000 000 |\n"
        "| Programme 2 – Prise en charge | Nombre de foyers | à déterminer | 1 100 000 "
        "| 2 000 000 |\n"
    )
    assert element_status(tmp_path, text, "C") == "present"


ACTIVITIES = """\
5. Activity table

| Activity | Lead | Q1 | Q2 | Budget (USD) |
|---|---|---|---|---|
| 1.1 Train district child protection officers | Ministry | X | X | 40,000 |
| 1.2 Open two referral desks | Ministry | | X | 75,000 |
| 2.1 Radio campaign on child labour | Implementing partner | X | X | 30,000 |

Budget figures are U.S. funds; the Ministry's contribution is in kind.
"""


def test_a_costed_activity_table_lists_the_initiatives(tmp_path):
    """One government's money: partial, not "no programs found"."""
    assert element_status(tmp_path, OPENING["en"] + "\n\n" + ACTIVITIES, "C") == "partial"
