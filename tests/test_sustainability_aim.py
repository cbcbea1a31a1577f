"""An aim for after the compact ("will aim to ensure that the results continue") is
general wording, not a strategy: element F is partial. Short texts written for this
test (fictional partner Dravonia)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

CASES = [
    (
        "aim.txt",
        "Memorandum between the Government of the United States and the Government of "
        "Dravonia.\n\nSustainability: the Participants will aim to ensure that the "
        "results of the Partnership continue after the Partnership ends.\n",
    ),
    (
        "meta.txt",
        "Memorando entre el Gobierno de los Estados Unidos y el Gobierno de Dravonia.\n\n"
        "Sostenibilidad: los Participantes aspirarán a asegurar que los "
        "resultados perduren después de la vigencia de la Alianza.\n",
    ),
    (
        "visee.txt",
        "Mémorandum entre le Gouvernement des États-Unis et le Gouvernement de la "
        "Dravonie.\n\nPérennité : les Participants viseront à ce que les résultats du "
        "Partenariat perdurent après la fin du partenariat.\n",
    ),
]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_an_aim_for_after_the_compact_is_no_strategy(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    element = json.loads(result.output)["documents"][0]["elements"]["F"]
    assert element["status"] == "partial", element["reason"]
