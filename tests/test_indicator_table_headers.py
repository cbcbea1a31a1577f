"""Indicator table headers that name their years as fiscal years.

A U.S. letter writes "Baseline (FY2025) | FY2027 Target | FY2029 Target"; a ministry
"Línea de base (AF 2025) | Meta AF 2027". The fiscal-year prefix is part of the year, not
a word that makes the column something else ("Target group"). The tables are written
here, in text form.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

ROWS = [
    "| 1 | Number of child trafficking prosecutions initiated | 15 | 25 | 40 |",
    "| 2 | Percentage of identified child victims with a care plan | 22% | 50% | 80% |",
]


@pytest.mark.parametrize(
    "header",
    [
        "| # | Indicator | Baseline (FY2025) | FY2027 Target | FY2029 Target |",
        "| # | Indicator | Baseline FY 2025 | Target FY27 | Target FY29 |",
        "| # | Indicator | Baseline (2025) | Target 2027 | Target 2029 |",
    ],
)
def test_fiscal_years_in_headers_are_the_years_of_baselines_and_targets(tmp_path, header):
    path = tmp_path / "letter.txt"
    lines = [
        "Section 6. Measuring Progress",
        "",
        "Progress will be measured with the following indicators:",
        "",
        header,
        "|---|---|---|---|---|",
        *ROWS,
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    found = json.loads(result.output)["documents"][0]["indicators"]
    assert [(i["baseline"], i["targets"]) for i in found] == [
        ("15", ["25", "40"]),
        ("22%", ["50%", "80%"]),
    ]
    assert all(i["baseline_year"] == "2025" for i in found)
