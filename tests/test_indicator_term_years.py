"""A results table whose target columns are the years of the term ("Year 1 | Year 2 |
Year 3", "Año 1", "Année 1") dates each target from the term's first year, as a
reviewer reads it; with no term stated, the targets are read undated. The drafts are
our own (fictional partner Doravia), checked with `cpc-draft check`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

DRAFTS = {
    "en": (
        "Results Framework of the Partnership between the United States and Doravia\n\n"
        "1. Term\n\nThe Government of the United States of America and the Government of the "
        "Republic of Doravia (Doravia) intend this Partnership to run {term}.\n\n"
        "2. Indicators\n\n| Level | Indicator | Baseline (2026) | Year 1 | Year 2 | Year 3 |\n"
        "|---|---|---|---|---|---|\n"
        "| Outcome 1 | Child trafficking prosecutions (number per year) | 20 | 25 | 30 | 40 |\n"
    ),
    "es": (
        "Marco de resultados de la Alianza entre los Estados Unidos y Doravia\n\n"
        "1. Vigencia\n\nEl Gobierno de los Estados Unidos de América y el Gobierno de la "
        "República de Doravia (Doravia) prevén que esta Alianza rija {term}.\n\n"
        "2. Indicadores\n\n| Nivel | Indicador | Línea base (2026) | Año 1 | Año 2 | Año 3 |\n"
        "|---|---|---|---|---|---|\n"
        "| Resultado 1 | Procesos penales por trata de niños (número por año) "
        "| 20 | 25 | 30 | 40 |\n"
    ),
    "fr": (
        "Cadre de résultats du Partenariat entre les États-Unis et la Doravia\n\n"
        "1. Durée\n\nLe Gouvernement des États-Unis d'Amérique et le Gouvernement de la "
        "République de Doravia (la Doravia) entendent que ce Partenariat s'applique {term}.\n\n"
        "2. Indicateurs\n\n| Niveau | Indicateur | Valeur de référence (2026) | Année 1 | "
        "Année 2 | Année 3 |\n|---|---|---|---|---|---|\n"
        "| Résultat 1 | Poursuites pour traite d'enfants (nombre par an) | 20 | 25 | 30 | 40 |\n"
    ),
}
TERM = {
    "en": "from 1 January 2027 to 31 December 2029",
    "es": "del 1 de enero de 2027 al 31 de diciembre de 2029",
    "fr": "du 1er janvier 2027 au 31 décembre 2029",
}
UNDATED = {"en": "for three years", "es": "por tres años", "fr": "pendant trois ans"}


def _indicator(tmp_path, language: str, term: str) -> dict:
    path = tmp_path / f"framework-{language}.txt"
    path.write_text(DRAFTS[language].format(term=term), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    document = json.loads(result.output)["documents"][0]
    (indicator,) = document["indicators"]
    return indicator


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_year_columns_count_from_the_term_s_first_year(tmp_path, language):
    indicator = _indicator(tmp_path, language, TERM[language])
    assert indicator["baseline"] == "20"
    assert indicator["targets"] == ["25", "30", "40"]
    assert indicator["target_years"] == ["2027", "2028", "2029"]


@pytest.mark.parametrize("language", sorted(DRAFTS))
def test_without_a_dated_term_the_targets_stay_undated(tmp_path, language):
    indicator = _indicator(tmp_path, language, UNDATED[language])
    assert indicator["targets"] == ["25", "30", "40"]
    assert indicator["target_years"] == [None, None, None]
