"""Element D when nearly all indicators have targets: one in four at most still without
("a target will be set at the first dialogue") leaves the element present, and the
indicator-targets finding names that one; half without is partial.

Every draft here was written for these tests (fictional partners).
"""

from __future__ import annotations

import pytest

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

HEADINGS = {
    "en": "Article 6: Indicators",
    "es": "Artículo 6. Indicadores",
    "fr": "Article 6 : Indicateurs",
}
ITEMS = {
    "en": [
        "Indicator 1: Number of foster families approved. Baseline: 20. Target 2029: 55.",
        "Indicator 2: Number of labor inspectors trained. Baseline: 10. Target 2029: 70.",
        "Indicator 3: Percentage of cases closed within a year. Baseline: 15%. Target 2029: 45%.",
        "Indicator 4: Number of hotline calls answered. Target to be set at the first dialogue.",
    ],
    "es": [
        "Indicador 1: Número de familias de acogida aprobadas. Línea de base: 20. Meta 2029: 55.",
        "Indicador 2: Número de inspectores capacitados. Línea de base: 10. Meta 2029: 70.",
        "Indicador 3: Porcentaje de casos cerrados. Línea de base: 15 %. Meta 2029: 45 %.",
        "Indicador 4: Número de llamadas atendidas. Meta por definir en el primer diálogo.",
    ],
    "fr": [
        "Indicateur 1 : Nombre de familles d'accueil agréées. Référence : 20. Cible 2029 : 55.",
        "Indicateur 2 : Nombre d'inspecteurs formés. Référence : 10. Cible 2029 : 70.",
        "Indicateur 3 : Pourcentage de dossiers clos. Référence : 15 %. Cible 2029 : 45 %.",
        "Indicateur 4 : Nombre d'appels traités. Cible à définir lors du premier dialogue.",
    ],
}  # fmt: skip


def _review(tmp_path, language: str, items: list[str]):
    path = tmp_path / f"{language}.txt"
    path.write_text("\n\n".join([HEADINGS[language], *items]) + "\n", "utf-8")
    return review_document(read_document(path), Config())


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_one_indicator_in_four_without_a_target_leaves_d_present(tmp_path, language):
    review = _review(tmp_path, language, ITEMS[language])
    assert [bool(i.targets) for i in review.primary.indicators.listed] == [True] * 3 + [False]
    assert review.elements["D"].status == "present"
    assert "1 without" in review.elements["D"].reason
    assert [f for f in review.findings if f.rule == "indicator-targets"]  # still named


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_half_the_indicators_without_targets_is_partial(tmp_path, language):
    first, second, *_ = ITEMS[language]
    without = ITEMS[language][3]
    review = _review(tmp_path, language, [first, second, without, without.replace("4", "5", 1)])
    assert [bool(i.targets) for i in review.primary.indicators.listed] == [True, True, False, False]
    assert review.elements["D"].status == "partial"
