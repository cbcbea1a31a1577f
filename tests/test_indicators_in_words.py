"""Indicators in prose whose numbers are written in words, in en/es/fr: "rising from
nine in 2025 to thirty-two in 2030", "que pase de doce en 2025 a treinta y cinco en 2029",
"passer de vingt et un en 2025 à quatre-vingt-dix en 2030". The values are read as
figures; the names keep the draft's words.

Every draft here was written for these tests (fictional partners); none is copied from a
real compact, from the development corpus or from a held-out set.
"""

from __future__ import annotations

import pytest

from cpc_draft.check.config import Config
from cpc_draft.check.facts.indicator_words import in_figures
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

DRAFTS = {
    "en": """\
5. EVALUATION

Results will be measured through the number of labor inspections of brick kilns, growing \
from nine in 2025 to thirty-two in 2030; through the percentage of child victims given a \
guardian within seventy-two hours, increasing from fifteen percent in 2025 to at least \
seventy percent in 2030; and through the number of district child protection officers \
trained, for which a baseline will be set in 2027.
""",
    "es": """\
Artículo 5. Evaluación

Los avances se medirán por el número de inspecciones laborales en ladrilleras, que pasará \
de doce en 2025 a treinta y cinco en 2029, y por el porcentaje de víctimas menores con tutor \
designado en setenta y dos horas, que pasará de veinte por ciento en 2025 a sesenta por \
ciento en 2029.
""",
    "fr": """\
Article 5 : Évaluation

Les progrès seront mesurés par le nombre d'inspections du travail dans les briqueteries, \
qui devrait passer de vingt et un en 2025 à quatre-vingt-dix en 2030, et par le pourcentage \
d'enfants victimes dotés d'un tuteur sous soixante-douze heures, qui devrait passer de \
trente pour cent en 2025 à soixante-dix pour cent en 2030.
""",
}

EXPECTED = {
    # language: [(name starts with, baseline, baseline year, [(year, target)])]
    "en": [
        ("number of labor inspections of brick kilns", "9", "2025", [("2030", "32")]),
        ("percentage of child victims given a guardian within seventy-two hours", "15%", "2025",
         [("2030", "70%")]),
        # a baseline to be set: its year, no value
        ("number of district child protection officers trained", None, "2027", []),
    ],
    "es": [
        ("número de inspecciones laborales en ladrilleras", "12", "2025", [("2029", "35")]),
        ("porcentaje de víctimas menores con tutor designado en setenta y dos horas", "20%",
         "2025", [("2029", "60%")]),
    ],
    "fr": [
        ("nombre d'inspections du travail dans les briqueteries", "21", "2025", [("2030", "90")]),
        ("pourcentage d'enfants victimes dotés d'un tuteur sous soixante-douze heures", "30%",
         "2025", [("2030", "70%")]),
    ],
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_values_in_words_are_read_and_names_keep_the_words(tmp_path, language):
    path = tmp_path / f"{language}.txt"
    path.write_text(DRAFTS[language], "utf-8")
    listed = review_document(read_document(path), Config()).primary.indicators.listed
    assert len(listed) == len(EXPECTED[language])
    for indicator, (name, baseline, year, targets) in zip(listed, EXPECTED[language], strict=True):
        assert indicator.name.casefold().startswith(name.casefold()), indicator.name
        assert (indicator.baseline, indicator.baseline_year) == (baseline, year)
        assert list(zip(indicator.target_years, indicator.targets, strict=True)) == targets


@pytest.mark.parametrize(
    ("language", "text", "figures"),
    [
        ("en", "from one hundred and five to two thousand", "from 105 to 2000"),
        # two numbers side by side stay two: "between fifteen and twenty" is no 35
        ("en", "between fifteen and twenty", "between 15 and 20"),
        ("es", "de un total de doscientos cuarenta", "de un total de 240"),
        ("fr", "un centre pour quatre-vingts enfants", "un centre pour 80 enfants"),
        ("en", "a unit of 5k staff; an office", "a unit of 5k staff; an office"),
        # a unit of time after a number: a measure within the name, never a value
        (
            "fr",
            "enfants de moins de quinze ans : douze en 2025",
            "enfants de moins de quinze ans : 12 en 2025",
        ),
        (
            "es",
            "víctimas atendidas en setenta y dos horas",
            "víctimas atendidas en setenta y dos horas",
        ),
    ],
)
def test_number_words_become_figures_but_articles_stay_words(language, text, figures):
    assert in_figures(text, language).text == figures


def test_positions_map_back_to_the_words_as_written():
    text = "rising from eleven in 2025 to thirty-six in 2030"
    rewritten = in_figures(text, "en")
    assert rewritten.text == "rising from 11 in 2025 to 36 in 2030"
    assert text[rewritten.original(rewritten.text.index("11")) :].startswith("eleven")
    assert text[rewritten.original(rewritten.text.index(" in 2030")) :] == " in 2030"
    assert rewritten.original(3) == 3  # before any number word
