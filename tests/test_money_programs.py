"""Program funding stated in a numbered sub-paragraph under the program's own heading, and
a multi-year plan whose years are the term's "Year 1", "Year 2", … as the draft defines them.

Short drafts written for these tests (fictional partners Tessaly and Rivonne, our own
wording): "4.1 Program 1 – Courts" with its funding in "4.1.2 …"; "Year 1" defined as
calendar year 2028 and the contributions given "in Year 1, … in Year 2"; the same in
French ("Programme 1 –", "4.1.2 Les États-Unis prévoient …", « l'année 1 »).
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from cpc_draft.cli import main

EN_DRAFT = "\n\n".join(
    [
        "EXCHANGE OF NOTES ON A CHILD PROTECTION COMPACT BETWEEN THE GOVERNMENT OF THE "
        "UNITED STATES OF AMERICA AND THE GOVERNMENT OF THE REPUBLIC OF TESSALY",
        "The Government of the United States of America and the Government of the Republic "
        "of Tessaly set out below the programmes of their Compact.",
        "1. TERM",
        '1.1 The Compact runs for three years. Here "Year 1" means calendar year 2028, '
        '"Year 2" means 2029 and "Year 3" means 2030.',
        "2. THE WORK AHEAD",
        "Amounts for Tessaly are in Tessalian dinars (TSD).",
        "2.1 Programme 1 – Courts for Children",
        "2.1.1 Specialised prosecutors, child-friendly hearing rooms and case mentoring.",
        "2.1.2 The United States plans to provide USD 900,000 and Tessaly TSD 7,000,000 "
        "to this programme.",
        "2.2 Programme 2 – Safe Homes",
        "2.2.1 Shelters, foster families and reintegration grants for child victims.",
        "2.2.2 The United States plans to provide USD 600,000 and Tessaly TSD 5,000,000 "
        "to this programme.",
        "3. FINANCIAL PLAN",
        "3.1 United States: USD 1,500,000 in total, of which USD 400,000 in Year 1, "
        "USD 600,000 in Year 2 and USD 500,000 in Year 3.",
        "3.2 Tessaly: TSD 12,000,000 in total, of which TSD 3,000,000 in Year 1, "
        "TSD 4,000,000 in Year 2 and TSD 5,000,000 in Year 3.",
    ]
)

FR_DRAFT = "\n\n".join(
    [
        "ACCORD ENTRE LE GOUVERNEMENT DES ÉTATS-UNIS D'AMÉRIQUE ET LE GOUVERNEMENT DE LA "
        "RÉPUBLIQUE DE RIVONNE",
        "4. LE TRAVAIL À VENIR",
        "4.1 Programme 1 – Justice pour les enfants",
        "4.1.1 Création de cellules spécialisées auprès des parquets et formation des juges.",
        "4.1.2 Les États-Unis prévoient d'apporter 1 200 000 dollars des États-Unis et le "
        "Gouvernement de la République de Rivonne 300 000 000 FCFA à ce programme.",
        "4.2 Programme 2 – Prise en charge des victimes",
        "4.2.1 Centres d'accueil et familles d'accueil pour les enfants victimes.",
        "4.2.2 Les États-Unis prévoient d'apporter 800 000 dollars des États-Unis et le "
        "Gouvernement de la République de Rivonne 200 000 000 FCFA à ce programme.",
    ]
)


def _check(tmp_path, name: str, text: str) -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["documents"][0]


def test_funding_in_a_sub_paragraph_belongs_to_its_program(tmp_path):
    document = _check(tmp_path, "notes.txt", EN_DRAFT)
    status = document["elements"]["C"]
    assert status["status"] == "present", status["reason"]
    assert "both governments" in status["reason"]


def test_french_funding_in_a_sub_paragraph_belongs_to_its_program(tmp_path):
    document = _check(tmp_path, "accord.txt", FR_DRAFT)
    status = document["elements"]["C"]
    assert status["status"] == "present", status["reason"]


def test_amounts_by_year_of_the_term_are_dated_as_the_draft_defines(tmp_path):
    document = _check(tmp_path, "notes.txt", EN_DRAFT)
    dated = {(c["party"], c["amount"], c["period"]) for c in document["contributions"]}
    assert ("US", "400000", "2028") in dated
    assert ("US", "600000", "2029") in dated
    assert ("partner", "5000000", "2030") in dated
    totals = [c for c in document["contributions"] if c["amount"] in ("1500000", "12000000")]
    assert totals and all(c["period"] is None for c in totals)


def test_a_plan_by_year_of_the_term_is_a_multi_year_plan(tmp_path):
    document = _check(tmp_path, "notes.txt", EN_DRAFT)
    reason = document["elements"]["E"]["reason"]
    assert "no multi-year financial plan" not in reason


LETTER_FR = "\n\n".join(
    [
        "LETTRE D'INTENTION",
        "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République de "
        "Marvès entendent ouvrir la négociation d'un Pacte de protection de l'enfance.",
        "Le futur Partenariat porterait sur trois volets : la répression, avec l'appui aux "
        "enquêtes et aux procès ; l'assistance, avec l'accueil et le suivi des enfants "
        "victimes ; et la sensibilisation, avec des campagnes dans les écoles. La part de "
        "chaque volet sera fixée dans le Pacte.",
        "Les États-Unis envisagent d'apporter jusqu'à 3 000 000 USD sur la durée du Pacte, "
        "et le Gouvernement de la République de Marvès a inscrit 90 000 000 FCFA à son "
        "budget de 2027 pour préparer le Partenariat.",
    ]
)

LETTER_EN = "\n\n".join(
    [
        "LETTER OF INTENT",
        "The Government of the United States of America and the Government of the Republic "
        "of Marvesa intend to open negotiations on a Child Protection Compact.",
        "The future Partnership would rest on three pillars: enforcement, with support to "
        "investigations and trials; assistance, with shelter and follow-up for child "
        "victims; and awareness, with campaigns in schools. How funds are shared among them "
        "will be settled in the Compact.",
        "The United States expects to provide up to USD 3,000,000 over the term, and the "
        "Government of the Republic of Marvesa has set aside XOF 90,000,000 in its 2027 "
        "budget to prepare the Partnership.",
    ]
)


def test_programs_listed_after_a_count_and_a_colon_in_one_sentence(tmp_path):
    for name, text in (("lettre.txt", LETTER_FR), ("letter.txt", LETTER_EN)):
        status = _check(tmp_path, name, text)["elements"]["C"]
        assert status["status"] == "partial", (name, status["reason"])
        assert status["reason"].startswith("3 programs, without the funding"), (
            name,
            status["reason"],
        )


def test_a_total_over_a_range_of_fiscal_years_covers_the_range(tmp_path):
    text = "\n\n".join(
        [
            "The Government of the United States of America (USG) and the Government of the "
            "Republic of Tessaly (GoT) set out their plan.",
            '"TSD" means the Tessalian dinar, the currency of Tessaly.',
            "The USG intends to provide up to USD 3,000,000 over FY2027–FY2030, and the GoT "
            "TSD 20,000,000 over FY 2027 – FY 2030.",
        ]
    )
    document = _check(tmp_path, "plan.txt", text)
    periods = {c["amount"]: c["period"] for c in document["contributions"]}
    assert periods == {"3000000": "2027–2030", "20000000": "2027–2030"}
