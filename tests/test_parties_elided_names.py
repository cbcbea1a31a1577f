"""A partner whose formal French name elides its article ("la République d'Ostrelia",
"la République d’Haïti") is named by its short name afterwards ("Ostrelia apportera …"):
that short name is the partner's, and so is the money it pledges. Before, the short name
kept "République d'" and the pledge went to the United States. The drafts are written
here (fictional partner Ostrelia); `cpc-draft check --format json` reads them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main
from cpc_draft.nlp.parties import short_name


@pytest.mark.parametrize(
    ("formal", "short"),
    [
        ("République d'Ostrelia", "Ostrelia"),
        ("la République d’Haïti", "Haïti"),
        ("République de l'Inde", "Inde"),
        ("République de Guinée", "Guinée"),
        ("République de Côte d'Ivoire", "Côte d'Ivoire"),
        ("Republic of the Philippines", "Philippines"),
    ],
)
def test_short_name_after_an_elided_article(formal, short):
    assert short_name(formal) == short


def test_money_pledged_under_the_short_name_is_the_partner_s(tmp_path):
    path = tmp_path / "protocole.txt"
    path.write_text(
        "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République "
        "d'Ostrelia ont l'intention de coopérer contre la traite des enfants.\n\n"
        "Article 5 – Programmes\n\n"
        "Programme 1 – Justice. Ostrelia apportera 1 000 000 USD au programme 1.\n\n"
        "Programme 2 – Prise en charge. Les États-Unis apporteront 2 000 000 USD.\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    document = json.loads(result.output)["documents"][0]
    assert document["partner"] == "Ostrelia"
    pledged = {(c["party"], c["amount"]) for c in document["contributions"]}
    assert pledged == {("partner", "1000000"), ("US", "2000000")}
