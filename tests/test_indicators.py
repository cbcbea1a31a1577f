"""Indicators (element D): baselines, targets and years told apart, placeholders never
values, key indicators named, in tables, sentences and lists, in en/es/fr and in .txt,
.docx and .pdf.

Every draft here was written for these tests (fictional partners: Valdoria, Montalba,
Kerval); none is copied from a real compact or from the development corpus.
"""

from __future__ import annotations

import json

import pytest
from docx_factory import make_docx, p, text_table
from pdf_factory import Pdf

from cpc_draft.check.config import Config
from cpc_draft.check.facts.indicator_values import read_cell, read_values
from cpc_draft.check.review import review_document
from cpc_draft.compare.facts import fact_changes
from cpc_draft.readers import read_document
from cpc_draft.report.check import reviews_to_json

# --- the words of one indicator ---------------------------------------------------------

PROSE = [
    # language, text, baseline, [(year, target)], placeholders
    (
        "en",
        "Number of shelters opened per year. Baseline: 12. Target 2028: 15. Target 2031: 19.",
        "12",
        [("2028", "15"), ("2031", "19")],
        [],
    ),
    (
        "en",
        "the number of labour inspections of farms, from 140 in 2024 to 300 in 2029, with "
        "yearly targets of 170 in 2025, 200 in 2026, 230 in 2027 and 265 in 2028",
        "140",
        [("2025", "170"), ("2026", "200"), ("2027", "230"), ("2028", "265"), ("2029", "300")],
        [],
    ),
    (
        "en",
        "the share of cases closed within 90 days, from 10 percent in 2024 to 50 percent in "
        "2028, with annual targets of 20, 30 and 40 percent for 2025 to 2027",
        "10%",
        [("2025", "20%"), ("2026", "30%"), ("2027", "40%"), ("2028", "50%")],
        [],
    ),
    (
        "en",
        "Helplines: the number of districts served by a child helpline. 2024: 3. Aim: 5 in "
        "2026 and all 11 by 2028.",
        "3",
        [("2026", "5"), ("2028", "11")],
        [],
    ),
    (
        "en",
        "the number of foster families registered, from a baseline of zero, with an interim "
        "target of 40 in 2026 and a final target of 90 in 2028",
        "0",
        [("2026", "40"), ("2028", "90")],
        [],
    ),
    (
        "en",
        "Regional referral protocol adopted (yes/no). Baseline: no. Target 2027: yes.",
        "no",
        [("2027", "yes")],
        [],
    ),
    (
        "en",
        "Number of prosecutions. Baseline: 8 (2024). Target: to be determined.",
        "8",
        [],
        ["to be determined"],
    ),
    ("en", "Number of labour inspectors trained (target: increase)", None, [], ["increase"]),
    (
        "en",
        "Percentage of victims referred. Baseline: TBD. Target 2028: XX.",
        None,
        [],
        ["TBD", "XX"],
    ),
    (
        "es",
        "Número de fiscales capacitados. Línea de base: 25. Meta 2027: 60. Meta 2029: 110.",
        "25",
        [("2027", "60"), ("2029", "110")],
        [],
    ),
    ("es", "el número de denuncias, de 300 en 2024 a 520 en 2029", "300", [("2029", "520")], []),
    ("es", "Número de albergues. Línea de base: 4. Meta: por definir.", "4", [], ["por definir"]),
    (
        "fr",
        "Taux d'enfants scolarisés après leur prise en charge. Valeur de référence : 35 %. "
        "Cible 2028 : 60 %.",
        "35%",
        [("2028", "60%")],
        [],
    ),
    ("fr", "le nombre de brigades, de 6 en 2024 à 14 en 2029", "6", [("2029", "14")], []),
    ("fr", "Nombre de comités actifs. Cible : à déterminer.", None, [], ["à déterminer"]),
]


@pytest.mark.parametrize(("language", "text", "baseline", "targets", "placeholders"), PROSE)
def test_baselines_targets_and_years_are_told_apart(
    language, text, baseline, targets, placeholders
):
    reading = read_values(text, language)
    assert reading.baseline == baseline
    assert list(reading.targets) == targets
    assert list(reading.placeholders) == placeholders


def test_a_figure_of_the_name_is_no_value():
    reading = read_values("the number of children placed within 48 hours of rescue", "en")
    assert (reading.baseline, reading.targets) == (None, ())


@pytest.mark.parametrize(
    ("cell", "value", "year", "placeholder"),
    [
        ("45", "45", None, None),
        ("30 %", "30%", None, None),
        ("1,10 0", "1,100", None, None),  # a PDF's gap inside one figure
        ("120 (2029)", "120", "2029", None),
        ("to be agreed", None, None, "to be agreed"),
        ("—", None, None, "—"),
        ("[ ]", None, None, "[ ]"),
        ("non disponible", None, None, "non disponible"),
    ],
)
def test_a_table_cell_without_a_figure_is_a_placeholder(cell, value, year, placeholder):
    assert tuple(read_cell(cell, "en")) == (value, year, placeholder)


# --- whole drafts -----------------------------------------------------------------------

RESULTS_ANNEX = """\
Article 6 - Monitoring
The Participants intend to track progress with the indicators in Annex B. The indicators
marked Yes in the Key column are the key indicators for each annual dialogue.

Annex B - Results Framework

| No. | Indicator | Baseline (2024) | 2025 | 2026 | 2027 | Key |
|---|---|---|---|---|---|---|
| 1 | Border posts with a trained child protection officer (number) | 2 | 4 | 7 | 10 | Yes |
| 2 | Children reunited with their families (%) | 35% | 45% | 55% | 70% | No |
| 3 | Prosecutions for child trafficking (number per year) | 14 | 18 | 22 | 27 | Yes |
"""

LOGFRAME = """\
Clause 5 Results Matrix

Indicators marked with an asterisk (*) are the key indicators of the Partnership.

| Outcome | Indicator | Baseline | Target 2026 | Target 2028 | Means of verification |
|---|---|---|---|---|---|
| 1. Justice | 1a. Number of convictions for child trafficking* | 5 | 9 | 14 | Court records |
|  | 1b. Number of judges trained in child-friendly hearings | 0 | 30 | 60 | Training records |
| 2. Care | 2a. Percentage of victims with a case plan* | 20% | 50% | 80% | Case files |
"""

ALIGNED_FR = """\
Article 9 : Indicateurs

Les progrès sont mesurés au moyen des indicateurs ci-après. Les indicateurs 1 et 3 sont
des indicateurs clés.

N°  Indicateur                               Référence (2024)  Cible 2027  Cible 2030
--  ---------------------------------------  ----------------  ----------  ----------
1   Nombre de dossiers transmis au parquet                 41   à définir   à définir
2   Nombre d'enfants pris en charge            non disponible   à définir   à définir
3   Pourcentage de communes dotées d'un                  12 %   à définir   à définir
    comité de vigilance actif
"""

ENUMERATED = """\
Progress will be measured through the following outcome indicators, with 2024 as the
baseline year: (i) the number of child labour inspections in quarries, from 60 in 2024 to
150 in 2028, with annual targets of 80, 100 and 125 for 2025 to 2027; (ii) the number of
convictions for trafficking in children, from 3 in 2024 to 10 in 2028; (iii) the percentage
of rescued children with an individual care plan, from 15 percent in 2024 to 75 percent in
2028; and (iv) the number of districts with a child protection network, from zero in
2024 to 12 a year by 2028.

Indicators (ii) and (iv) are designated as key indicators.
"""

LISTED_ES = """\
Artículo 7. Indicadores

Los Participantes prevén medir los avances mediante los siguientes indicadores:

Indicador 1. Número de investigaciones por trata de niñas, niños y adolescentes.
Línea de base: 40. Meta 2027: 65. Meta 2029: 90.

Indicador 2. Porcentaje de víctimas con atención especializada. Línea de base: 30 %.
Meta 2027: 50 %. Meta 2029: 70 %.

Indicador 3. Número de municipios con una red de protección. Línea de base: 8.
Meta 2027: por definir.

Los indicadores 1 y 2 son indicadores clave para el Diálogo Anual.
"""

PLACEHOLDERS_EN = """\
Article 5 - Indicators

The Participants intend to measure progress with the indicators below. Targets to be
agreed at the first annual dialogue.

1. Number of child trafficking investigations. Baseline: 22. Target: TBD.
2. Number of child victims referred to shelters. Baseline: [ ]. Target: increase.
3. Percentage of cases registered in the case management system. Baseline: 10%. Target 2028: 60%.

The key indicators will be reviewed at each annual dialogue.
"""


def _review(tmp_path, text: str, name: str = "draft.txt"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return review_document(read_document(path), Config())


def _facts(indicators):
    return [
        (i.name, i.baseline, list(zip(i.target_years, i.targets, strict=True)), i.key)
        for i in indicators
    ]


def test_results_framework_in_an_annex_with_year_columns_and_a_key_column(tmp_path):
    review = _review(tmp_path, RESULTS_ANNEX)
    listed = review.primary.indicators.listed
    assert _facts(listed) == [
        (
            "Border posts with a trained child protection officer (number)",
            "2",
            [("2025", "4"), ("2026", "7"), ("2027", "10")],
            True,
        ),
        (
            "Children reunited with their families (%)",
            "35%",
            [("2025", "45%"), ("2026", "55%"), ("2027", "70%")],
            False,
        ),
        (
            "Prosecutions for child trafficking (number per year)",
            "14",
            [("2025", "18"), ("2026", "22"), ("2027", "27")],
            True,
        ),
    ]
    assert {i.baseline_year for i in listed} == {"2024"}
    assert [i.label for i in listed] == ["1", "2", "3"]
    assert listed[0].unit == "number"
    assert review.elements["D"].status == "present"
    rules = {f.rule for f in review.findings}
    assert not {"indicator-targets", "key-indicators"} & rules


def test_logframe_matrix_with_starred_key_indicators(tmp_path):
    listed = _review(tmp_path, LOGFRAME).primary.indicators.listed
    assert _facts(listed) == [
        ("Number of convictions for child trafficking", "5", [("2026", "9"), ("2028", "14")], True),
        (
            "Number of judges trained in child-friendly hearings",
            "0",
            [("2026", "30"), ("2028", "60")],
            False,
        ),
        ("Percentage of victims with a case plan", "20%", [("2026", "50%"), ("2028", "80%")], True),
    ]
    assert [i.label for i in listed] == ["1a", "1b", "2a"]


def test_aligned_text_table_with_a_wrapped_name(tmp_path):
    document_path = tmp_path / "kerval.txt"
    document_path.write_text(ALIGNED_FR, "utf-8")
    rows = [b.cells for b in read_document(document_path).blocks if b.kind == "table_row"]
    assert rows[0] == ("N°", "Indicateur", "Référence (2024)", "Cible 2027", "Cible 2030")
    assert rows[1][:3] == ("1", "Nombre de dossiers transmis au parquet", "41")
    assert rows[2][2] == "non disponible"
    # the wrapped name goes on in the row above: three indicators, not four
    listed = review_document(read_document(document_path), Config()).primary.indicators.listed
    assert [i.name for i in listed] == [
        "Nombre de dossiers transmis au parquet",
        "Nombre d'enfants pris en charge",
        "Pourcentage de communes dotées d'un comité de vigilance actif",
    ]


def test_placeholder_targets_are_null_and_make_d_partial(tmp_path):
    review = _review(tmp_path, ALIGNED_FR)
    listed = review.primary.indicators.listed
    assert [(i.baseline, i.targets) for i in listed] == [("41", ()), (None, ()), ("12%", ())]
    assert listed[1].placeholders == ("non disponible", "à définir", "à définir")
    assert [i.key for i in listed] == [True, False, True]
    assert review.elements["D"].status == "partial"
    messages = [f.message for f in review.findings if f.rule == "indicator-targets"]
    assert len(messages) == 3 and "placeholder" in messages[0] and "à définir" in messages[0]


def test_enumerated_indicators_in_one_sentence(tmp_path):
    review = _review(tmp_path, ENUMERATED)
    listed = review.primary.indicators.listed
    assert [i.label for i in listed] == ["i", "ii", "iii", "iv"]
    assert [(i.baseline, i.baseline_year, i.target, i.target_year) for i in listed] == [
        ("60", "2024", "150", "2028"),
        ("3", "2024", "10", "2028"),
        ("15%", "2024", "75%", "2028"),
        ("0", "2024", "12", "2028"),
    ]
    assert listed[0].target_years == ("2025", "2026", "2027", "2028")
    assert [i.key for i in listed] == [False, True, False, True]
    assert review.elements["D"].status == "present"


def test_numbered_indicators_in_spanish(tmp_path):
    review = _review(tmp_path, LISTED_ES)
    listed = review.primary.indicators.listed
    assert [(i.label, i.baseline, i.target) for i in listed] == [
        ("1", "40", "90"),
        ("2", "30%", "70%"),
        ("3", "8", None),
    ]
    assert listed[2].placeholders == ("por definir",)
    assert [i.key for i in listed] == [True, True, False]
    # two of three measurable with targets: D present, the third still flagged (GAO)
    assert review.elements["D"].status == "present"
    flagged = [f.message for f in review.findings if f.rule == "indicator-targets"]
    assert len(flagged) == 1 and "por definir" in flagged[0]


def test_placeholders_in_a_list_and_key_indicators_mentioned_but_not_named(tmp_path):
    review = _review(tmp_path, PLACEHOLDERS_EN)
    indicators = review.primary.indicators
    assert [(i.baseline, i.targets, i.placeholders) for i in indicators.listed] == [
        ("22", (), ("TBD",)),
        (None, (), ("[ ]", "increase")),
        ("10%", ("60%",), ()),
    ]
    assert indicators.deferred  # "Targets to be agreed at the first annual dialogue."
    findings = {f.rule: f.message for f in review.findings}
    assert "does not say which" in findings["key-indicators"]
    assert review.elements["D"].status == "partial"


def test_indicators_named_as_key_by_their_short_titles(tmp_path):
    text = (
        "How we will know it is working\n\nWe will track these measures.\n\n"
        "• Safe homes: the number of foster homes. 2024: 10. Aim: 25 in 2026, 40 in 2028.\n\n"
        "• Quick help: the share of calls answered in a minute. 2024: 50%. Aim: 90% in 2028.\n\n"
        "We call two of them our key indicators: Quick help and Safe homes.\n"
    )
    listed = _review(tmp_path, text).primary.indicators.listed
    assert [(i.baseline, i.target, i.key) for i in listed] == [
        ("10", "40", True),
        ("50%", "90%", True),
    ]


# --- the same facts from Word and PDF -------------------------------------------------------

TABLE = [
    ["No.", "Indicator", "Baseline (2024)", "Target 2026", "Target 2028", "Key"],
    ["1", "Number of child trafficking investigations opened", "30", "45", "60", "Yes"],
    ["2", "Percentage of child victims in family-based care", "25%", "40%", "55%", "No"],
]
EXPECTED = [
    (
        "Number of child trafficking investigations opened",
        "30",
        [("2026", "45"), ("2028", "60")],
        True,
    ),
    (
        "Percentage of child victims in family-based care",
        "25%",
        [("2026", "40%"), ("2028", "55%")],
        False,
    ),
]


def test_table_in_word(tmp_path):
    body = p("Article 4", style="Heading1") + p("Outcome Indicators") + text_table(TABLE)
    document = read_document(make_docx(tmp_path / "valdoria.docx", body))
    review = review_document(document, Config())
    assert _facts(review.primary.indicators.listed) == EXPECTED


def test_table_in_pdf(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, "Article 4 Outcome Indicators", bold=True)
    page.grid(72, top, [30, 190, 70, 60, 60, 40], TABLE, size=8)
    document = read_document(pdf.save(tmp_path / "valdoria.pdf"))
    review = review_document(document, Config())
    assert _facts(review.primary.indicators.listed) == EXPECTED


# --- what the JSON and compare say ----------------------------------------------------------


def test_json_gives_name_baseline_and_targets_with_their_years(tmp_path):
    data = json.loads(reviews_to_json([_review(tmp_path, LOGFRAME)]))
    first = data["documents"][0]["indicators"][0]
    assert {
        k: first[k] for k in ("name", "label", "baseline", "baseline_year", "target", "target_year")
    } == {
        "name": "Number of convictions for child trafficking",
        "label": "1a",
        "baseline": "5",
        "baseline_year": None,
        "target": "14",
        "target_year": "2028",
    }
    assert first["targets"] == ["9", "14"] and first["target_years"] == ["2026", "2028"]
    assert first["placeholders"] == [] and first["key"] is True


def test_compare_names_the_year_of_a_changed_target(tmp_path):
    old = _review(tmp_path, RESULTS_ANNEX, "old.txt")
    new = _review(tmp_path, RESULTS_ANNEX.replace("| 45% | 55% |", "| 45% | 60% |"), "new.txt")
    changes = [c for c in fact_changes(old, new) if c.kind == "indicator"]
    assert [(c.old, c.new) for c in changes] == [("55%", "60%")]
    assert changes[0].detail.startswith("target 2026 of:")


def test_html_report_puts_targets_under_their_years_and_shows_placeholders(tmp_path):
    from html_dom import by_id, parse

    from cpc_draft.report import html as html_report

    dom = parse(html_report.reviews_to_html([_review(tmp_path, RESULTS_ANNEX)]))
    table = by_id(dom)["indicators"].find_all("table", "indicators")[0]
    headers = [th.text() for th in table.find_all("thead")[0].find_all("th")]
    assert headers[-3:] == ["Target 2025", "Target 2026", "Target 2027"]
    dom = parse(html_report.reviews_to_html([_review(tmp_path, ALIGNED_FR, "fr.txt")]))
    table = by_id(dom)["indicators"].find_all("table", "indicators")[0]
    cells = [td.text() for td in table.find_all("tbody")[0].find_all("tr")[0].find_all("td")]
    assert cells[-1] == "✗ missing (“à définir”)"


def test_a_title_row_above_the_header_and_columns_that_hold_no_values(tmp_path):
    text = (
        "Annex 3\n\n"
        "| Table 3. Results framework | | | | |\n|---|---|---|---|---|\n"
        "| Indicator | Target group | Baseline source | Baseline | Final target |\n"
        "| Number of children reintegrated | boys and girls | Registry | 40 | 90 |\n\n"
        "Indicators 1 to 1 are key indicators.\n"
    )
    listed = _review(tmp_path, text).primary.indicators.listed
    assert [(i.name, i.baseline, i.targets, i.placeholders) for i in listed] == [
        ("Number of children reintegrated", "40", ("90",), ())
    ]


def test_a_budget_table_with_year_columns_is_no_indicator_table(tmp_path):
    text = (
        "| Program | FY2026 | FY2027 | Total |\n|---|---|---|---|\n"
        "| Number of shelters built | 100,000 | 200,000 | 300,000 |\n"
    )
    assert _review(tmp_path, text).primary.indicators.listed == ()


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        ("Indicators 2 to 3 are designated as key indicators.", [False, True, True]),
        ("Indicators (1) and (3) are the key indicators.", [True, False, True]),
        (
            "The key indicators are the number of convictions and the share of victims "
            "with a care plan.",
            [False, True, True],
        ),
    ],
)
def test_key_indicators_by_number_range_and_by_the_start_of_their_names(tmp_path, sentence, keys):
    table = (
        "| Indicator | Baseline | Target 2028 |\n|---|---|---|\n"
        "| Number of shelters opened | 1 | 3 |\n"
        "| Number of convictions for trafficking in children | 4 | 9 |\n"
        "| Share of victims with a care plan within 30 days | 20% | 60% |\n\n"
    )
    listed = _review(tmp_path, table + sentence + "\n").primary.indicators.listed
    assert [i.key for i in listed] == keys


def test_pdf_line_breaks_cutting_a_value_from_its_cue_or_a_header_cell(tmp_path):
    # What PDF readers hand over: a target's value on a line of its own, read as a list
    # item ("90. Target 2032: 120."); a header cell cut over two rows; a Symbol-font bullet.
    text = (
        "Article 8 - Indicators\n\n"
        "(1) Number of investigations opened per year. Baseline: 64. Target 2029:\n"
        "90. Target 2032: 120.\n\n"
        "| No. | Indicator | Baselin | Target | Target |\n|---|---|---|---|---|\n"
        "|  |  | e | 2028 | 2030 |\n"
        "| 1 | Number of referrals to prosecutors | 28 | 45 | 60 |\n\n"
    )
    review = _review(tmp_path, text)
    assert _facts(review.primary.indicators.listed) == [
        ("Number of referrals to prosecutors", "28", [("2028", "45"), ("2030", "60")], False)
    ]
    prose = text.split("| No.")[0]
    assert _facts(_review(tmp_path, prose, "prose.txt").primary.indicators.listed) == [
        ("Number of investigations opened per year", "64", [("2029", "90"), ("2032", "120")], False)
    ]
    bullet = "\uf0b7 Cases in court: the number of cases heard. 2024: 6. Aim: 16 in 2029.\n\n"
    listed = _review(tmp_path, bullet, "bullet.txt").primary.indicators.listed
    assert [(i.name, i.baseline, i.target) for i in listed] == [
        ("Cases in court: the number of cases heard", "6", "16")
    ]


def test_a_yes_no_indicator_stated_in_words(tmp_path):
    text = (
        "Indicators\n\nIndicator 1: the number of shelters, from a baseline of 2 to a target "
        "of 5 in 2029.\n\nIndicator 2: whether a national referral protocol is in force; none "
        "existed in 2024, and one is expected to be adopted in 2026.\n"
    )
    listed = _review(tmp_path, text).primary.indicators.listed
    assert [(i.baseline, i.baseline_year, i.targets, i.target_years) for i in listed] == [
        ("2", None, ("5",), ("2029",)),
        ("no", "2024", ("yes",), ("2026",)),
    ]


PARAGRAPHS_EN = [
    "Article 7 Outcome Indicators",
    "The Participants intend to measure progress with the following indicators.",
    "Indicator 1: the number of child labour inspections in mines, from a baseline of 40, "
    "with targets of 60 in 2027 and 90 in 2029.",
    "Indicator 2: the percentage of rescued children in school within six months, from "
    "30 percent in 2025 to 70 percent in 2029.",
    "Indicator 3: the number of community watch groups. Baseline: 5. Target: to be agreed.",
    "Indicators 1 and 3 are the key indicators for the annual dialogue.",
]
PROSE_EXPECTED = [
    ("1", "40", [("2027", "60"), ("2029", "90")], True),
    ("2", "30%", [("2029", "70%")], False),
    ("3", "5", [], True),
]


def _prose_file(tmp_path, form: str):
    if form == "txt":
        path = tmp_path / "montalba.txt"
        path.write_text("\n\n".join(PARAGRAPHS_EN) + "\n", "utf-8")
        return path
    if form == "docx":
        heading, *rest = PARAGRAPHS_EN
        body = p(heading, style="Heading1") + "".join(p(text) for text in rest)
        return make_docx(tmp_path / "montalba.docx", body)
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, PARAGRAPHS_EN[0], bold=True)
    for text in PARAGRAPHS_EN[1:]:
        top = page.paragraph(72, top, 468, text)
    return pdf.save(tmp_path / "montalba.pdf")


@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
def test_prose_indicators_are_the_same_in_every_format(tmp_path, form):
    review = review_document(read_document(_prose_file(tmp_path, form)), Config())
    listed = review.primary.indicators.listed
    facts = [
        (i.label, i.baseline, list(zip(i.target_years, i.targets, strict=True)), i.key)
        for i in listed
    ]
    assert facts == PROSE_EXPECTED
    assert listed[2].placeholders == ("to be agreed",)
    assert review.elements["D"].status == "present"  # two of three with targets
    assert [f.rule for f in review.findings].count("indicator-targets") == 1
