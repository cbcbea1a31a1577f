"""A compact 'concluded for' a term speaks as a treaty does ("Le présent Protocole est
conclu pour une période de quatre ans"): `check` flags it as binding wording, in each
language, and leaves a compact that 'remains in effect' for its term alone. The drafts
are written here (fictional partner Bassoko)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

TERM = {
    "en": "This Memorandum is concluded for a period of four years.",
    "es": "El presente Memorándum se celebra por un período de cuatro años.",
    "fr": "Le présent Protocole est conclu pour une période de quatre (4) ans.",
}
CALM = {
    "en": "This Memorandum remains in effect for four years.",
    "es": "El presente Memorándum permanecerá vigente durante cuatro años.",
    "fr": "Le présent Protocole restera applicable pendant quatre ans.",
}


def _binding(tmp_path, sentence: str) -> list[str]:
    path = tmp_path / "draft.txt"
    path.write_text(f"Article 12 – Term\n\n{sentence}\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    findings = json.loads(result.output)["documents"][0]["findings"]
    return [f["message"] for f in findings if f["rule"] == "binding-wording"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_compact_concluded_for_a_term_is_treaty_wording(tmp_path, language):
    assert len(_binding(tmp_path, TERM[language])) == 1


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_compact_in_effect_for_a_term_is_not(tmp_path, language):
    assert _binding(tmp_path, CALM[language]) == []
