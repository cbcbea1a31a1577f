"""Element E: both governments' amounts over the years, and an oversight mechanism.

The README's present E needs each government's contribution over the years. A partner
contribution given as one sum for the whole term beside U.S. amounts by year is partial;
so are totals per program with no years at all. Amounts dated in prose ("… in 2027, …
in 2028"), "per year", or a line a year for both ("2027: United States …; Doravia …") are
a plan. A financial article with no amount but "resources are to be identified" is an
intention to agree later (partial, not missing). Short drafts written for these tests
(fictional partner Doravia and its currency DRV), checked with `cpc-draft check`.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from doravia_opening import OPENING

from cpc_draft.cli import main

HEADING = {"en": "Article 7. Financial plan", "es": "Artículo 7. Plan financiero",
           "fr": "Article 7. Plan financier"}  # fmt: skip
US_BY_YEAR = {
    "en": "The United States plans to contribute up to US$2.4 million: US$0.8 million in "
    "2027, US$0.9 million in 2028 and US$0.7 million in 2029.",
    "es": "Los Estados Unidos prevén aportar hasta US$2,4 millones: US$0,8 millones en 2027, "
    "US$0,9 millones en 2028 y US$0,7 millones en 2029.",
    "fr": "Les États-Unis prévoient de contribuer jusqu'à 2,4 millions USD : 0,8 million USD "
    "en 2027, 0,9 million USD en 2028 et 0,7 million USD en 2029.",
}
PARTNER_LUMP = {
    "en": "Doravia plans to contribute DRV 6,000,000 over the term of the Partnership.",
    "es": "Doravia prevé aportar DRV 6.000.000 durante la vigencia de la Alianza.",
    "fr": "La Doravia prévoit de contribuer 6 000 000 DRV pendant la durée du Partenariat.",
}
PARTNER_BY_YEAR = {
    "en": "Doravia plans to contribute DRV 6,000,000: DRV 1,500,000 in 2027, DRV 2,000,000 "
    "in 2028 and DRV 2,500,000 in 2029.",
    "es": "Doravia prevé aportar DRV 6.000.000: DRV 1.500.000 en 2027, DRV 2.000.000 en 2028 "
    "y DRV 2.500.000 en 2029.",
    "fr": "La Doravia prévoit de contribuer 6 000 000 DRV : 1 500 000 DRV en 2027, "
    "2 000 000 DRV en 2028 et 2 500 000 DRV en 2029.",
}
OVERSIGHT = {
    "en": "A Joint Steering Committee will meet twice a year to review the use of the funds; "
    "the accounts of implementing partners will be audited every year.",
    "es": "Un Comité Conjunto de Seguimiento se reunirá dos veces al año para examinar el uso "
    "de los fondos; las cuentas de los socios ejecutores serán auditadas cada año.",
    "fr": "Un Comité conjoint de pilotage se réunira deux fois par an pour examiner "
    "l'utilisation des fonds ; les comptes des partenaires de mise en œuvre seront audités "
    "chaque année.",
}


def _e(tmp_path, language: str, *paragraphs: str) -> dict:
    path = tmp_path / "draft.txt"
    text = "\n\n".join([OPENING[language], HEADING[language], *paragraphs])
    path.write_text(text + "\n", "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["documents"][0]["elements"]["E"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_both_governments_by_year_is_present(tmp_path, language):
    element = _e(
        tmp_path, language, US_BY_YEAR[language], PARTNER_BY_YEAR[language], OVERSIGHT[language]
    )
    assert element["status"] == "present", element["reason"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_partner_lump_sum_beside_us_amounts_by_year_is_partial(tmp_path, language):
    element = _e(
        tmp_path, language, US_BY_YEAR[language], PARTNER_LUMP[language], OVERSIGHT[language]
    )
    assert element["status"] == "partial"
    assert "one sum for the whole term" in element["reason"]
    assert "partner government" in element["reason"]


TOTALS_BY_PROGRAM = {
    "en": "| Program | United States (USD) | Doravia (DRV) |\n|---|---|---|\n"
    "| Program 1 – Justice | 1,000,000 | 2,000,000 |\n"
    "| Program 2 – Care | 1,400,000 | 4,000,000 |",
    "es": "| Programa | Estados Unidos (USD) | Doravia (DRV) |\n|---|---|---|\n"
    "| Programa 1 – Justicia | 1.000.000 | 2.000.000 |\n"
    "| Programa 2 – Atención | 1.400.000 | 4.000.000 |",
    "fr": "| Programme | États-Unis (USD) | Doravia (DRV) |\n|---|---|---|\n"
    "| Programme 1 – Justice | 1 000 000 | 2 000 000 |\n"
    "| Programme 2 – Prise en charge | 1 400 000 | 4 000 000 |",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_totals_for_the_whole_term_without_years_are_partial(tmp_path, language):
    element = _e(tmp_path, language, TOTALS_BY_PROGRAM[language], OVERSIGHT[language])
    assert element["status"] == "partial"
    assert "not by year" in element["reason"]


LINES_A_YEAR = {
    "en": [
        "2027: United States US$800,000; Doravia DRV 1,500,000;",
        "2028: United States US$900,000; Doravia DRV 2,000,000;",
        "2029: United States US$700,000; Doravia DRV 2,500,000.",
    ],
    "fr": [
        "2027 : États-Unis 800 000 USD ; Doravia 1 500 000 DRV ;",
        "2028 : États-Unis 900 000 USD ; Doravia 2 000 000 DRV ;",
        "2029 : États-Unis 700 000 USD ; Doravia 2 500 000 DRV.",
    ],
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_line_a_year_for_both_governments_is_a_plan(tmp_path, language):
    element = _e(tmp_path, language, *LINES_A_YEAR[language], OVERSIGHT[language])
    assert element["status"] == "present", element["reason"]


RESOURCES_OPEN = {
    "en": "Resources for carrying out this Memorandum are to be identified. Each Participant "
    "bears its own costs.",
    "es": "Los recursos para la ejecución del presente Memorando están por identificar. Cada "
    "Participante sufragará sus propios gastos.",
    "fr": "Les ressources nécessaires à la mise en œuvre du présent Mémorandum sont à "
    "identifier. Chaque Participant prend en charge ses propres frais.",
}
NO_MONEY = {
    "en": "This Declaration expresses a political intention only and entails no financial "
    "commitment.",
    "es": "La presente Declaración expresa únicamente una intención política y no implica "
    "compromiso financiero alguno.",
    "fr": "La présente Déclaration n'exprime qu'une intention politique et n'emporte aucun "
    "engagement financier.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_resources_left_to_be_identified_are_partial(tmp_path, language):
    element = _e(tmp_path, language, RESOURCES_OPEN[language])
    assert element["status"] == "partial", element["reason"]
    assert "left to be identified" in element["reason"]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_no_money_at_all_is_missing(tmp_path, language):
    assert _e(tmp_path, language, NO_MONEY[language])["status"] == "missing"


BOTH_EACH_YEAR = {
    "en": "The United States expects to provide US$600,000 each year from 2027 to 2029, and "
    "Doravia DRV 1,800,000 in each of those years.",
    "es": "Los Estados Unidos prevén aportar US$600.000 cada año de 2027 a 2029, y Doravia "
    "DRV 1.800.000 en cada uno de esos años.",
    "fr": "Les États-Unis prévoient d'apporter 600 000 USD chaque année de 2027 à 2029, et la "
    "Doravia 1 800 000 DRV pour chacune de ces années.",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_one_sentence_giving_both_amounts_per_year_is_a_plan(tmp_path, language):
    """The per-year phrase covers both amounts of the sentence."""
    element = _e(tmp_path, language, BOTH_EACH_YEAR[language], OVERSIGHT[language])
    assert element["status"] == "present", element["reason"]
