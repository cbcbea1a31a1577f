"""Element D present when most indicators are measurable with targets, partial when most
lack them; the indicator-targets check (GAO-23-105390) still names each one without.

A plan whose indicators have baselines and targets but one target "to be determined"
("por definir", "à déterminer") describes measurable indicators: a reviewer rates D present
and asks for the missing target. Where most or all targets are missing, the indicators do
not yet measure progress (partial). Indicators left to be defined later, with none listed,
are an intention to agree later: partial, not missing. Short drafts written for these
tests (fictional partner Doravia, our own wording), checked with `cpc-draft check`.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

HEAD = {
    "en": "Article 6. Indicators\n\nThe Participants intend to measure progress with these "
    "indicators:",
    "es": "Artículo 6. Indicadores\n\nLos Participantes prevén medir los avances con los "
    "siguientes indicadores:",
    "fr": "Article 6. Indicateurs\n\nLes Participants entendent mesurer les progrès au moyen des "
    "indicateurs suivants :",
}
# (name, baseline, target or placeholder) per language
ROWS = {
    "en": [
        ("Number of shelters for child victims in operation", "2", "6"),
        ("Number of labour inspectors trained on child trafficking", "15", "90"),
        ("Number of district referral desks open", "1", "7"),
        ("Percentage of victims with an individual care plan", "10%", "to be determined"),
    ],
    "es": [
        ("Número de albergues para víctimas en funcionamiento", "2", "6"),
        ("Número de inspectores laborales capacitados", "15", "90"),
        ("Número de oficinas distritales de derivación abiertas", "1", "7"),
        ("Porcentaje de víctimas con un plan de atención", "10%", "por definir"),
    ],
    "fr": [
        ("Nombre de foyers pour enfants victimes en service", "2", "6"),
        ("Nombre d'inspecteurs du travail formés", "15", "90"),
        ("Nombre de guichets d'orientation de district ouverts", "1", "7"),
        ("Pourcentage de victimes dotées d'un plan de prise en charge", "10 %", "à déterminer"),
    ],
}
HEADER = {
    "en": "| Indicator | Baseline (2025) | Target 2029 |",
    "es": "| Indicador | Línea de base (2025) | Meta 2029 |",
    "fr": "| Indicateur | Valeur de référence (2025) | Cible 2029 |",
}
PLACEHOLDER = {"en": "to be determined", "es": "por definir", "fr": "à déterminer"}


def _check(tmp_path, text: str) -> dict:
    path = tmp_path / "draft.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["documents"][0]


def _draft(language: str, rows) -> str:
    table = [HEADER[language], "|---|---|---|"]
    table += [f"| {name} | {baseline} | {target} |" for name, baseline, target in rows]
    return HEAD[language] + "\n\n" + "\n".join(table) + "\n"


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_one_target_to_be_determined_leaves_d_present_and_flagged(tmp_path, language):
    document = _check(tmp_path, _draft(language, ROWS[language]))
    assert document["elements"]["D"]["status"] == "present", document["elements"]["D"]
    flagged = [f for f in document["findings"] if f["rule"] == "indicator-targets"]
    assert len(flagged) == 1
    assert PLACEHOLDER[language] in flagged[0]["message"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_most_targets_missing_is_partial(tmp_path, language):
    rows = [
        (name, baseline, target if position == 0 else PLACEHOLDER[language])
        for position, (name, baseline, target) in enumerate(ROWS[language])
    ]
    document = _check(tmp_path, _draft(language, rows))
    assert document["elements"]["D"]["status"] == "partial"
    flagged = [f for f in document["findings"] if f["rule"] == "indicator-targets"]
    assert len(flagged) == 3


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_half_the_targets_missing_is_partial(tmp_path, language):
    rows = [
        (name, baseline, target if position < 2 else PLACEHOLDER[language])
        for position, (name, baseline, target) in enumerate(ROWS[language])
    ]
    assert _check(tmp_path, _draft(language, rows))["elements"]["D"]["status"] == "partial"


LEFT_TO_DEFINE = {
    "en": "The Participants will seek to include in the future compact indicators to measure "
    "progress, which will be defined by the Participants when the compact is negotiated.",
    "es": "Se procurará que la futura Alianza incluya indicadores que permitan medir los "
    "avances, los cuales serán definidos por las Partes en su oportunidad.",
    "fr": "Les Parties s'efforceront d'inclure dans le futur Partenariat des indicateurs "
    "permettant de mesurer les progrès, lesquels seront définis par les Parties.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_indicators_left_to_be_defined_are_partial_not_missing(tmp_path, language):
    document = _check(tmp_path, LEFT_TO_DEFINE[language] + "\n")
    assert document["elements"]["D"]["status"] == "partial", document["elements"]["D"]
