"""Indicators stated as clauses of change, outside any indicators article: "Meta del
eje: que las provincias con mesa local pasen de 3 en 2025 a 10 en 2029". A verb of
change from a dated baseline to a dated target measures something whatever its name
begins with; two such clauses in one sentence ("…, y que las sentencias pasen de …")
are two indicators; the run-in title and "que"/"that" are no part of the name; and a
change of money is no indicator. The drafts are written here (fictional partner Isla
Serena), read with `cpc-draft check --format json`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

DRAFTS = {
    "es": (
        "Eje estratégico 1: Persecución del delito\n\n"
        "Meta del eje: que el número de casos llevados a juicio pase de 18 en 2025 a 40 en "
        "2029, y que las sentencias condenatorias pasen de 4 en 2025 a 12 en 2029.\n\n"
        "Eje estratégico 2: Coordinación\n\n"
        "Meta del eje: que las provincias con mesa local en funcionamiento pasen de 3 en "
        "2025 a 10 en 2029.\n\n"
        "El aporte del Gobierno pasará de USD 100,000 en 2026 a USD 300,000 en 2029.\n",
        [
            ("número de casos llevados a juicio", "18", "40"),
            ("las sentencias condenatorias", "4", "12"),
            ("las provincias con mesa local en funcionamiento", "3", "10"),
        ],
    ),
    "fr": (
        "Axe 1 : Poursuites\n\n"
        "Cible de l'axe : que le nombre de dossiers jugés passe de 18 en 2025 à 40 en "
        "2029, et que les condamnations passent de 4 en 2025 à 12 en 2029.\n\n"
        "Axe 2 : Coordination\n\n"
        "Cible de l'axe : que les provinces dotées d'un comité local passent de 3 en 2025 "
        "à 10 en 2029.\n",
        [
            ("nombre de dossiers jugés", "18", "40"),
            ("les condamnations", "4", "12"),
            ("les provinces dotées d'un comité local", "3", "10"),
        ],
    ),
    "en": (
        "Pillar 1: Prosecution\n\n"
        "Pillar target: that the number of cases brought to trial rise from 18 in 2025 to "
        "40 in 2029, and that convictions rise from 4 in 2025 to 12 in 2029.\n\n"
        "Pillar 2: Coordination\n\n"
        "Pillar target: that provinces with a working local board rise from 3 in 2025 to "
        "10 in 2029.\n\n"
        "The Government's contribution will rise from USD 100,000 in 2026 to USD 300,000 "
        "in 2029.\n",
        [
            ("number of cases brought to trial", "18", "40"),
            ("convictions", "4", "12"),
            ("provinces with a working local board", "3", "10"),
        ],
    ),
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_clauses_of_change_are_indicators(tmp_path, language):
    text, expected = DRAFTS[language]
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    found = json.loads(result.output)["documents"][0]["indicators"]
    got = [(i["name"], i["baseline"], i["target"]) for i in found]
    assert got == expected
