"""Programs a draft calls "areas of cooperation" ("áreas de cooperación", "domaines de
coopération"), each a titled paragraph with its funding. Short drafts written here."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

EN = """FRAMEWORK FOR COOPERATION

Areas of Cooperation

Subject to the availability of funds, the United States intends to support two areas of
cooperation:

Courts for Children – training for judges and prosecutors in child-friendly procedures.
Indicative U.S. allocation: $900,000.

Safe Homes – support for emergency foster placements and counselling for child victims.
Indicative U.S. allocation: $600,000.
"""

ES = """MARCO DE COOPERACIÓN

Áreas de cooperación

Sujeto a la disponibilidad de fondos, los Estados Unidos apoyarán dos áreas de
cooperación:

Justicia para la niñez – formación de jueces y fiscales. Asignación indicativa de los
Estados Unidos: US$ 900.000.

Hogares seguros – apoyo a familias de acogida de emergencia. Asignación indicativa de los
Estados Unidos: US$ 600.000.
"""


@pytest.mark.parametrize("text", [EN, ES])
def test_areas_of_cooperation_are_programs(tmp_path, text):
    """Two programs, funded by the United States only: C partial, not missing."""
    path = tmp_path / "framework.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    element = json.loads(result.output)["documents"][0]["elements"]["C"]
    assert element["status"] == "partial", element["reason"]
    assert "2 programs" in element["reason"]
