"""Elements A–E stated in general terms only: partial, neither present nor missing.

A general aim without specific objectives (A); one government's duties concrete and the
other's left to its discretion ("as appropriate", "en la medida de sus posibilidades",
"dans la mesure de ses moyens") or only money, and a plan of action's lines of action given
to the partner's bodies (B); areas of work named under a program word but their activities
and funding left for later (C); indicators to be agreed later (D); totals whose yearly
split is left for later, and a committee that meets as oversight (E). Each short draft was
written for these tests (fictional partner Doravia, our own wording) and is checked with
`cpc-draft check`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

OPENING = {
    "en": 'The Government of the United States of America ("the United States") and the '
    'Government of the Republic of Doravia ("Doravia") set out here their understanding '
    "on a Child Protection Compact Partnership.",
    "es": 'El Gobierno de los Estados Unidos de América ("los Estados Unidos") y el Gobierno '
    'de la República de Doravia ("Doravia") expresan aquí su entendimiento sobre una '
    "Alianza para la Protección de la Niñez.",
    "fr": "Le Gouvernement des États-Unis d'Amérique (« les États-Unis ») et le Gouvernement "
    "de la République de Doravia (« la Doravia ») exposent ici leur entente sur un "
    "Partenariat pour la protection de l'enfance.",
}


def _elements(tmp_path: Path, language: str, *paragraphs: str) -> dict:
    path = tmp_path / "draft.txt"
    path.write_text("\n\n".join([OPENING[language], *paragraphs]) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["documents"][0]["elements"]


# --- A: a general aim, no specific objectives -------------------------------------------

GENERAL_AIM = {
    "en": "The Participants share the aim of reducing the exploitation of children in "
    "Doravia and of making public services respond to it better.",
    "es": "El objetivo general de la Alianza es reducir la explotación de niñas y niños en "
    "Doravia y mejorar la respuesta de los servicios públicos.",
    "fr": "L'objectif général du Partenariat est de réduire l'exploitation des enfants en "
    "Doravia et d'améliorer la réponse des services publics.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_general_aim_alone_is_partial(tmp_path, language):
    element = _elements(tmp_path, language, GENERAL_AIM[language])["A"]
    assert element["status"] == "partial", element["reason"]


def test_a_draft_without_any_aim_has_no_objectives(tmp_path):
    element = _elements(tmp_path, "en", "This Letter takes effect on signature.")["A"]
    assert element["status"] == "missing", element["reason"]


def test_a_general_aim_is_not_counted_among_listed_objectives(tmp_path):
    """The aim stays a purpose: the two listed objectives are the ones counted."""
    objectives = (
        "The Participants expect to achieve the following specific objectives:\n\n"
        "(a) every identified child victim placed in care within 48 hours;\n\n"
        "(b) twice as many prosecutions of child exploitation by 2029."
    )
    element = _elements(tmp_path, "en", GENERAL_AIM["en"], objectives)["A"]
    assert element["status"] == "present", element["reason"]
    assert element["reason"].startswith("2 objectives"), element["reason"]
