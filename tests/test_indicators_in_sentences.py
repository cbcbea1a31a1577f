"""Indicators written as sentences of change, in en/es/fr: "raise the share of X from
30% in 2024 to 80% in 2028", "que el porcentaje de X pase de 20 % en 2024 a 55 % en
2028", "faire passer le taux de X de 30 % en 2024 à 80 % en 2028"; a baseline still to
be established is no value, and the figure after it is the target.

Every draft here was written for these tests (fictional partners); none is copied from a
real compact or from the development corpus.
"""

from __future__ import annotations

import pytest

from cpc_draft.check.config import Config
from cpc_draft.check.facts.indicator_values import read_values
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

# --- a baseline to be established: null, with its year; the next figure is the target ---

OPEN_BASELINES = [
    # language, text, baseline year, placeholder, [(year, target)]
    (
        "en",
        "the percentage of hotline calls answered within one hour, from a baseline to be "
        "established during 2025 to 75% (2029); and",
        "2025",
        "to be established",
        [("2029", "75%")],
    ),
    (
        "en",
        "the number of shelters, baseline to be determined in 2025, target 40 by 2029",
        "2025",
        "to be determined",
        [("2029", "40")],
    ),
    (
        "es",
        "porcentaje de denuncias atendidas en 24 horas, desde una línea de base por establecer "
        "durante 2025 hasta 75 % (2029)",
        "2025",
        "por establecer",
        [("2029", "75%")],
    ),
    (
        "es",
        "número de albergues: línea de base a determinar en 2025; meta de 40 en 2029",
        "2025",
        "a determinar",
        [("2029", "40")],
    ),
    (
        "fr",
        "taux de signalements traités sous 48 heures, d'une valeur de référence à établir en "
        "2025 à 75 % (2029)",
        "2025",
        "à établir",
        [("2029", "75%")],
    ),
    (
        "fr",
        "nombre de brigades : valeur de référence à déterminer courant 2025 ; cible de 14 en 2029",
        "2025",
        "à déterminer",
        [("2029", "14")],
    ),
]


@pytest.mark.parametrize(("language", "text", "year", "placeholder", "targets"), OPEN_BASELINES)
def test_a_baseline_to_be_established_is_null_and_the_next_figure_a_target(
    language, text, year, placeholder, targets
):
    reading = read_values(text, language)
    assert reading.baseline is None
    assert reading.baseline_year == year
    assert reading.placeholders == (placeholder,)
    assert list(reading.targets) == targets


# --- a target cue joined to its value by "de" or qualified, or after its value ----------

CUED = [
    # language, text, baseline, [(year, target)]
    (
        "es",
        "número de denuncias: línea de base de 20 en 2025 y meta de 40 en 2029",
        "20",
        [("2029", "40")],
    ),
    (
        "es",
        "el porcentaje de víctimas atendidas pase de 35 % en 2025 a 70 % en 2029, con una "
        "meta intermedia de 50 % en 2027",
        "35%",
        [("2027", "50%"), ("2029", "70%")],
    ),
    (
        "fr",
        "le nombre de brigades passera de 6 en 2024 à 14 en 2029, avec une cible "
        "intermédiaire de 10 en 2027",
        "6",
        [("2027", "10"), ("2029", "14")],
    ),
    (
        "en",
        "the number of inspections will rise from 60 in 2024 to 140 in 2028, with 100 as the "
        "target for 2026",
        "60",
        [("2026", "100"), ("2028", "140")],
    ),
    (
        "es",
        "el número de inspecciones se elevará de 60 en 2024 a 140 en 2028, con 100 como meta "
        "para 2026",
        "60",
        [("2026", "100"), ("2028", "140")],
    ),
    (
        "fr",
        "le nombre d'inspections devrait passer de 60 en 2024 à 140 en 2028, avec 100 comme "
        "cible pour 2026",
        "60",
        [("2026", "100"), ("2028", "140")],
    ),
]


@pytest.mark.parametrize(("language", "text", "baseline", "targets"), CUED)
def test_targets_named_by_de_by_a_qualifier_or_after_their_value(language, text, baseline, targets):
    reading = read_values(text, language)
    assert reading.baseline == baseline
    assert list(reading.targets) == targets


# --- whole drafts: sentences of change in an article on indicators ----------------------

DRAFTS = {
    "en": """\
Section 6. Indicators

6.1 Progress will be measured with the following indicators, with 2024 as the baseline year.

6.2 The Ministry intends to increase the share of child victims placed in accredited \
shelters from 30% in 2024 to 80% in 2028, with an interim target of 55% in 2026. The annual \
number of convictions for child trafficking is expected to rise from 14 in 2024 to 40 in \
2028, with 25 as the target for 2026.
""",
    "es": """\
Artículo 6. Indicadores

6.1 Los avances se medirán con los indicadores siguientes, cuya línea de base corresponde \
al año 2024.

6.2 En materia de justicia, se espera que el porcentaje de causas por trata infantil \
resueltas en primera instancia pase de 30 % en 2024 a 80 % en 2028, con una meta intermedia \
de 55 % en 2026. Asimismo, el número anual de inspecciones laborales en minas se elevará de \
14 en 2024 a 40 en 2028, con 25 como meta para 2026; y el número anual de albergues \
acreditados se espera que crezca de 3 en 2024 a 9 en 2028.
""",
    "fr": """\
Article 7 : Indicateurs

7.1 Les progrès seront mesurés au moyen des indicateurs suivants, dont l'année de \
référence est 2024.

7.2 Le Gouvernement entend faire passer le taux de victimes mineures orientées vers un \
centre agréé de 30 % en 2024 à 80 % en 2028, avec une cible intermédiaire de 55 % en 2026. \
Le nombre annuel de poursuites pour traite d'enfants devrait passer de 14 en 2024 à 40 en \
2028, avec 25 comme cible pour 2026.
""",
}

NAMES = {
    "en": [
        "share of child victims placed in accredited shelters",
        "annual number of convictions for child trafficking",
    ],
    "es": [
        "porcentaje de causas por trata infantil resueltas en primera instancia",
        "número anual de inspecciones laborales en minas",
        "número anual de albergues acreditados",
    ],
    "fr": [
        "taux de victimes mineures orientées vers un centre agréé",
        "nombre annuel de poursuites pour traite d'enfants",
    ],
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_sentences_of_change_give_baseline_target_and_years(tmp_path, language):
    path = tmp_path / f"{language}.txt"
    path.write_text(DRAFTS[language], "utf-8")
    listed = review_document(read_document(path), Config()).primary.indicators.listed
    # the verb of change ("pase", "is expected to rise") is not part of the name
    assert [i.name for i in listed] == NAMES[language]
    first, second = listed[0], listed[1]
    assert (first.baseline, first.baseline_year) == ("30%", "2024")
    assert list(zip(first.target_years, first.targets, strict=True)) == [
        ("2026", "55%"),
        ("2028", "80%"),
    ]
    assert (second.baseline, second.baseline_year) == ("14", "2024")
    assert list(zip(second.target_years, second.targets, strict=True)) == [
        ("2026", "25"),
        ("2028", "40"),
    ]
