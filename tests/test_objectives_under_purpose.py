"""A purpose article that goes on into a list of aims, in a draft with no article of
objectives: the listed aims are its specific objectives (element A present); the purpose
sentence alone stays a purpose (A partial). Short drafts written for this test."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

EN = """LETTER OF INTENT

1. PURPOSE

This Letter expresses the commitment of the two Governments to reduce the trafficking of
children in Norland. In particular, the two Governments will seek to:

(a) strengthen the investigation and prosecution of child trafficking cases;

(b) improve the identification and referral of child victims to specialised care;

(c) prevent the recruitment of children in border communities.

2. DURATION

This Letter will remain in effect for four years from its signature.
"""

ES = """CARTA DE INTENCIÓN

1. FINALIDAD

La presente Carta expresa el compromiso de ambos Gobiernos de reducir la trata de niñas,
niños y adolescentes. En particular, los Gobiernos buscarán:

a) Fortalecer la investigación y sanción de los responsables de la trata;

b) Mejorar la identificación de las víctimas y su derivación a servicios especializados.

2. DURACIÓN

La presente Carta tendrá una duración de cuatro años a partir de su firma.
"""


def _objectives(tmp_path, text):
    path = tmp_path / "draft.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    document = json.loads(result.output)["documents"][0]
    return document["elements"]["A"]["status"], len(document["objectives"])


@pytest.mark.parametrize(("text", "count"), [(EN, 3), (ES, 2)])
def test_aims_listed_in_a_purpose_article_are_objectives(tmp_path, text, count):
    assert _objectives(tmp_path, text) == ("present", count)


def test_a_purpose_sentence_alone_is_not_objectives(tmp_path):
    purpose_only = EN.split("In particular")[0] + "\n\n2. DURATION\n\nFour years.\n"
    assert _objectives(tmp_path, purpose_only)[0] == "partial"
