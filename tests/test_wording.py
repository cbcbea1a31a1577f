"""Our own drafts must read as the non-binding instrument a CPC Partnership is.

A reviewer's `check` flags treaty wording ("shall", "Parties", "entry into force") in an
instrument that calls itself non-binding; every draft we assemble must pass that test.
"""

from __future__ import annotations

import re

import pytest
from conftest import VARIANTS, variant_id

from cpc_draft.model import ITEM, PARAGRAPH, TITLE

BINDING = {
    "en": [
        r"\bshall\b",
        r"\bagree[sd]?\b",
        r"\bParties\b",
        r"\bentry into force\b",
        r"\bobligations?\b",
    ],
    "es": [
        r"\bdeberán\b",
        r"\bacuerdan\b",
        r"\bPartes\b",
        r"\bentrará en vigor\b",
        r"\bobligaciones\b",
    ],
    "fr": [
        r"\bdoivent\b",
        r"\bconviennent\b",
        r"\bParties\b",
        r"\bentrée en vigueur\b",
        r"\bobligations?\b",
    ],
}
PARTICIPANTS = {"en": "the Participants", "es": "los Participantes", "fr": "les Participants"}


def _text(draft, language) -> str:
    return "\n".join(
        block.text
        for section in draft.sections
        for block in section.texts[language].blocks
        if block.kind in (PARAGRAPH, ITEM, TITLE)
    )


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v[2] == "us"], ids=variant_id)
def test_no_treaty_wording_in_any_language(variant, assembled):
    draft, _ = assembled[variant_id(variant)]
    for language in draft.languages:
        text = _text(draft, language)
        for pattern in BINDING[language]:
            found = re.search(pattern, text)
            assert not found, f"{language}: binding wording {found.group()!r}"
        assert PARTICIPANTS[language] in text


@pytest.mark.parametrize("name", ["cote-divoire-sequential-us"])
def test_french_typography_keeps_no_break_spaces(name, assembled):
    draft, _ = assembled[name]
    text = _text(draft, "fr")
    assert "«\u00a0les Participants\u00a0»" in text
    assert not re.search(r"\S [:;!?»]", text), "a plain space before French high punctuation"
    assert not re.search(r"« ", text)
