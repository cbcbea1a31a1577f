"""Every language version of a clause is exactly as non-binding as the English text.

A CPC Partnership is a political commitment. A translation that says "prendra effet … et
demeurera applicable" where the English says "is intended to remain in effect" commits
the partner to more than the United States: the same wording test a reviewer's `check`
applies (its binding cues, cpc_draft/data/cues.yaml) finds none in any language, and a
count of firm statements (tests/data/clause_strength.yaml) is the same in every
language, paragraph by paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from cpc_draft.assemble.library import load_library
from cpc_draft.text.cues import phrases

STRENGTH = yaml.safe_load((Path(__file__).parent / "data" / "clause_strength.yaml").read_text())
LIBRARY = load_library()
_JINJA = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_VALUE = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def paragraphs(body: str) -> list[str]:
    """The clause author's prose, paragraph by paragraph (spec values left out)."""
    text = _VALUE.sub("X", _JINJA.sub("", body))
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return [block for block in blocks if re.search(r"[^\W\dX_]{3}", block)]


def firm_statements(text: str, language: str) -> list[str]:
    for pattern in STRENGTH["not_firm"].get(language, []):
        text = re.sub(pattern, " ", text, flags=re.IGNORECASE)
    found = []
    for pattern in STRENGTH["firm"][language]:
        found += re.findall(pattern, text, flags=re.IGNORECASE)
    return found


def binding_cues(text: str, language: str) -> list[str]:
    """The binding cues of ``text``, once its denials ("not legally binding") are set aside."""
    for phrase in phrases("non_binding", language):
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return [
        phrase
        for phrase in phrases("binding", language)
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    ]


CLAUSES = [LIBRARY.clauses[clause_id] for clause_id in LIBRARY.outline]


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda clause: clause.id)
def test_no_language_version_uses_binding_wording(clause):
    for language, body in clause.bodies.items():
        assert binding_cues(body, language) == [], (clause.id, language)


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda clause: clause.id)
def test_language_versions_are_equally_non_binding(clause):
    english = paragraphs(clause.bodies["en"])
    for language, body in clause.bodies.items():
        if language == "en":
            continue
        other = paragraphs(body)
        assert len(other) == len(english), (clause.id, language, "paragraphs differ")
        for mine, theirs in zip(english, other, strict=True):
            expected = len(firm_statements(mine, "en"))
            found = firm_statements(theirs, language)
            assert len(found) == expected, (
                f"{clause.id} [{language}]: {found} where the English has {expected} firm "
                f"statement(s):\n  en: {mine[:160]}\n  {language}: {theirs[:160]}"
            )


def test_the_check_catches_a_firmer_translation():
    firm = "Le présent Partenariat prendra effet à sa signature et demeurera applicable."
    hedged = "This Partnership comes into effect upon signature and is intended to remain so."
    assert len(firm_statements(firm, "fr")) == 2
    assert firm_statements(hedged, "en") == []
    assert binding_cues("Les Parties conviennent de ce qui suit.", "fr")
