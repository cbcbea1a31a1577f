"""Indicators written as bullets with milestones.

"reduce X from 40% (2024) to 20% by end-2029", "from 6 a year (2024) to 15 a year by
end-2029, with at least 9 in Year 2 (FY2027)", "train 900 officials by 2029 (cumulative;
0 in 2024)": a year of the term ("Year 2") is never a value, a rate ("a year", "al año",
"par an") and the end of a year ("by end-", "a finales de", "d'ici fin") stand between a
value and its year, and a count that opens a bullet is the target of its deadline. The
texts are written here (fictional partners), in English, Spanish and French.
"""

from __future__ import annotations

import pytest

from cpc_draft.check.config import Config
from cpc_draft.check.facts.indicator_values import read_values
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

CASES = [
    # language, text, baseline, baseline year, [(year, target)]
    (
        "en",
        "reduce the share of victims waiting more than 48 hours from 35% (2024) to 10% by end-2028",
        "35%",
        "2024",
        [("2028", "10%")],
    ),
    (
        "en",
        "increase prosecutions from 8 a year (2024) to 20 a year by end-2029, with at least 12 "
        "in Year 2 (FY2027)",
        "8",
        "2024",
        [("2027", "12"), ("2029", "20")],
    ),
    (
        "en",
        "raise labour inspections from 90 per year (2025) to 250 per year by Year 3 (FY2028)",
        "90",
        "2025",
        [("2028", "250")],
    ),
    (
        "en",
        "certify 400 police officers in child-friendly interviewing by end-2029 (cumulative; 0 "
        "in 2025)",
        "0",
        "2025",
        [("2029", "400")],
    ),
    (
        "es",
        "aumentar las sentencias de 6 al año (2024) a 15 al año a finales de 2029, con al "
        "menos 9 en el Año 2 (2027)",
        "6",
        "2024",
        [("2027", "9"), ("2029", "15")],
    ),
    (
        "es",
        "capacitar a 600 fiscales en entrevista especializada para 2029 (acumulado; 0 en 2025)",
        "0",
        "2025",
        [("2029", "600")],
    ),
    (
        "fr",
        "porter les condamnations de 5 par an (2024) à 14 par an d'ici fin 2029, dont au moins "
        "8 en Année 2 (2027)",
        "5",
        "2024",
        [("2027", "8"), ("2029", "14")],
    ),
    (
        "fr",
        "former 700 travailleurs sociaux à la prise en charge d'ici fin 2028 (cumul ; 0 en 2025)",
        "0",
        "2025",
        [("2028", "700")],
    ),
]


@pytest.mark.parametrize(("language", "text", "baseline", "year", "targets"), CASES)
def test_milestones_in_a_bullet(language, text, baseline, year, targets):
    reading = read_values(text, language)
    assert (reading.baseline, reading.baseline_year) == (baseline, year)
    assert list(reading.targets) == targets


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "open 3 shelters in the northern provinces, with staff trained in 2026"),
        ("en", "hold 2 joint reviews a year with the donors"),
        ("es", "abrir 3 albergues en las provincias del norte"),
    ],
)
def test_a_count_without_a_deadline_is_no_target(language, text):
    """A count opening a bullet is a target only when a year it is to be reached by follows."""
    assert read_values(text, language).targets == ()


BULLETS = {
    "en": [
        "Section 7. Indicators",
        (
            "The Participants plan to follow these indicators, with baselines from the 2024 "
            "national report:"
        ),
        (
            "• reduce the share of identified child victims who wait more than 48 hours for "
            "a shelter place from 35% (2024) to 10% by end-2029;"
        ),
        (
            "• increase prosecutions for child trafficking from 8 a year (2024) to 20 a "
            "year by end-2029, with at least 12 in Year 2 (FY2027);"
        ),
        (
            "• certify 400 police officers in child-friendly interviewing by end-2029 "
            "(cumulative; 0 in 2024)."
        ),
    ],
    "es": [
        "Sección 7. Indicadores",
        (
            "Los Participantes darán seguimiento a los siguientes indicadores, con líneas "
            "de base del informe nacional de 2024:"
        ),
        (
            "• reducir la proporción de víctimas identificadas sin plan de atención de 35% "
            "(2024) a 10% a finales de 2029;"
        ),
        (
            "• aumentar las sentencias por trata de niños de 8 al año (2024) a 20 al año a "
            "finales de 2029, con al menos 12 en el Año 2 (2027);"
        ),
        (
            "• capacitar a 400 agentes de policía en entrevista especializada para 2029 "
            "(acumulado; 0 en 2024)."
        ),
    ],
    "fr": [
        "Section 7. Indicateurs",
        (
            "Les Participants suivront les indicateurs suivants, avec des valeurs de "
            "référence tirées du rapport national de 2024 :"
        ),
        (
            "• réduire la part des victimes identifiées sans plan de prise en charge de 35 "
            "% (2024) à 10 % d'ici fin 2029 ;"
        ),
        (
            "• porter les condamnations pour traite des enfants de 8 par an (2024) à 20 par "
            "an d'ici fin 2029, dont au moins 12 en Année 2 (2027) ;"
        ),
        (
            "• former 400 policiers à l'audition adaptée aux enfants d'ici fin 2029 (cumul "
            "; 0 en 2024)."
        ),
    ],
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_bullets_with_milestones_in_a_draft(tmp_path, language):
    path = tmp_path / f"{language}.txt"
    path.write_text("\n\n".join(BULLETS[language]) + "\n", "utf-8")
    listed = review_document(read_document(path), Config()).primary.indicators.listed
    found = [
        (i.baseline, i.baseline_year, dict(zip(i.target_years, i.targets, strict=True)))
        for i in listed
    ]
    assert found == [
        ("35%", "2024", {"2029": "10%"}),
        ("8", "2024", {"2027": "12", "2029": "20"}),
        ("0", "2024", {"2029": "400"}),
    ]
    assert [i.target for i in listed] == ["10%", "20", "400"]
