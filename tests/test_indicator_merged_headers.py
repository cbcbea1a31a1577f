"""Indicator tables whose header is two rows of merged cells, and a final target left open.

A ministry's results table often heads its year columns with one merged cell ("Metas
anuales", "Cibles par année", "Targets") over a second header row of years, the
indicator and baseline headers merged down both rows. The year under a target heading
is the target's year, whatever other words the heading has. Where the last year's
target is "TBD" ("por definir", "à déterminer"), the final target is not set: it is not
the year before's. The drafts are written here (fictional partners), as text tables, a
real Word table with merged cells and a ruled PDF table.
"""

from __future__ import annotations

import pytest
from docx import Document as WordDocument
from pdf_factory import Pdf

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

LEAD_IN = {
    "en": "The Participants will measure progress with the following indicators, each with "
    "its baseline and its targets for every year of the Partnership.",
    "es": "Los Participantes medirán los avances con los siguientes indicadores, cada uno con "
    "su línea de base y sus metas para cada año de la Alianza.",
    "fr": "Les Participants mesureront les progrès au moyen des indicateurs suivants, chacun "
    "avec sa valeur de référence et ses cibles pour chaque année du Partenariat.",
}
# language: heading, the headers of number, indicator and baseline, a heading of targets
STYLES = {
    "en": ("Article 7. Indicators", ["No.", "Indicator", "Baseline 2025"], "Annual targets"),
    "es": ("Artículo 7. Indicadores", ["N.°", "Indicador", "Línea base 2025"], "Metas anuales"),
    "fr": (
        "Article 7. Indicateurs",
        ["N°", "Indicateur", "Valeur de référence 2025"],
        "Cibles annuelles",
    ),
}
GROUPS = {
    "en": ["Targets", "Annual targets", "Targets by year"],
    "es": ["Metas", "Metas anuales", "Metas por año"],
    "fr": ["Cibles", "Cibles annuelles", "Cibles par année"],
}
NAMES = {
    "en": ["Number of child trafficking cases investigated", "Share of victims with a care plan"],
    "es": ["Número de casos de trata investigados", "Porcentaje de víctimas con plan de atención"],
    "fr": ["Nombre d'affaires de traite instruites", "Part des victimes dotées d'un plan de prise"],
}
OPEN = {"en": "TBD", "es": "Por definir", "fr": "À déterminer"}
YEARS = ["2026", "2027", "2028", "2029"]
VALUES = [["18", "22", "27", "31", "36"], ["20%", "35%", "50%", "65%", "80%"]]
WANTED = [
    ("18", {"2026": "22", "2027": "27", "2028": "31", "2029": "36"}),
    ("20%", {"2026": "35%", "2027": "50%", "2028": "65%", "2029": "80%"}),
]


def _rows(language: str, group: str, final: str | None = None) -> list[list[str]]:
    """Two header rows (the group heading merged over the years), then the indicators."""
    _, heads, _ = STYLES[language]
    top = [*heads, group, "", "", ""]
    years = ["", "", "", *YEARS]
    body = [
        [str(n), name, *values]
        for n, (name, values) in enumerate(zip(NAMES[language], VALUES, strict=True), start=1)
    ]
    if final is not None:
        body[1][-1] = final
    return [top, years, *body]


def _pipe(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([lines[0], lines[1], "|" + "---|" * len(rows[0]), *lines[2:]])


def _text_draft(tmp_path, language: str, group: str, final: str | None = None):
    heading, _, _ = STYLES[language]
    path = tmp_path / f"{language}.txt"
    table = _pipe(_rows(language, group, final))
    path.write_text(f"{heading}\n\n{LEAD_IN[language]}\n\n{table}\n", "utf-8")
    return review_document(read_document(path), Config()).primary.indicators.listed


def _found(listed):
    return [(i.baseline, dict(zip(i.target_years, i.targets, strict=True))) for i in listed]


@pytest.mark.parametrize(
    ("language", "group"), [(lang, group) for lang, groups in GROUPS.items() for group in groups]
)
def test_a_merged_heading_of_targets_over_a_row_of_years(tmp_path, language, group):
    listed = _text_draft(tmp_path, language, group)
    assert _found(listed) == WANTED
    assert {i.baseline_year for i in listed} == {"2025"}
    assert [i.target for i in listed] == ["36", "80%"]


@pytest.mark.parametrize("group", ["Program funding", "Annual budget", "Spending by year"])
def test_a_merged_heading_of_money_over_years_is_no_target_table(tmp_path, group):
    """A heading without a target word over year columns gives no targets."""
    listed = _text_draft(tmp_path, "en", group)
    assert all(not i.targets for i in listed)


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_final_target_to_be_determined_is_no_final_target(tmp_path, language):
    _, _, group = STYLES[language]
    listed = _text_draft(tmp_path, language, group, final=OPEN[language])
    second = listed[1]
    assert dict(zip(second.target_years, second.targets, strict=True)) == {
        "2026": "35%",
        "2027": "50%",
        "2028": "65%",
    }
    assert second.target is None and second.target_year is None
    assert second.final_placeholder == OPEN[language]
    assert listed[0].target == "36"  # a row with its final target keeps it


def test_an_open_target_before_the_last_year_leaves_the_final_one(tmp_path):
    path = tmp_path / "es.txt"
    rows = _rows("es", "Metas anuales")
    rows[2][3] = "Por definir"  # 2026 not yet set, 2029 set
    path.write_text(f"Artículo 7. Indicadores\n\n{LEAD_IN['es']}\n\n{_pipe(rows)}\n", "utf-8")
    first = review_document(read_document(path), Config()).primary.indicators.listed[0]
    assert first.target == "36" and first.target_year == "2029"
    assert first.placeholders == ("Por definir",)


def _word_table(path, language: str):
    """A real Word table: the group heading merged across the years (gridSpan), the
    number, indicator and baseline headings merged down the two header rows (vMerge)."""
    heading, _, group = STYLES[language]
    rows = _rows(language, group)
    word = WordDocument()
    word.add_heading(heading, level=1)
    word.add_paragraph(LEAD_IN[language])
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(0, 3).merge(table.cell(0, 6)).text = group
    for column in (0, 1, 2):
        table.cell(0, column).merge(table.cell(1, column)).text = rows[0][column]
    word.save(path)
    return path


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_merged_header_cells_in_word(tmp_path, language):
    document = read_document(_word_table(tmp_path / f"{language}.docx", language))
    listed = review_document(document, Config()).primary.indicators.listed
    assert _found(listed) == WANTED


def test_merged_header_cells_in_pdf(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, "Artículo 7. Indicadores", bold=True)
    top = page.paragraph(72, top + 8, 468, LEAD_IN["es"])
    page.grid(72, top, [30, 170, 70, 50, 50, 50, 50], _rows("es", "Metas anuales"), size=8)
    document = read_document(pdf.save(tmp_path / "es.pdf"))
    listed = review_document(document, Config()).primary.indicators.listed
    assert _found(listed) == WANTED


@pytest.mark.parametrize(
    ("language", "target"),
    [("en", "Target per year"), ("es", "Metas anuales"), ("fr", "Cibles annuelles")],
)
def test_a_one_row_header_of_yearly_targets_in_the_plural(tmp_path, language, target):
    """ "Metas anuales 2026 | Metas anuales 2027": the plural qualifies the targets too."""
    heading, heads, _ = STYLES[language]
    header = [*heads, *(f"{target} {year}" for year in YEARS)]
    rows = [header, *_rows(language, target)[2:]]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    table = "\n".join([lines[0], "|" + "---|" * len(header), *lines[1:]])
    path = tmp_path / f"{language}.txt"
    path.write_text(f"{heading}\n\n{LEAD_IN[language]}\n\n{table}\n", "utf-8")
    listed = review_document(read_document(path), Config()).primary.indicators.listed
    assert _found(listed) == WANTED
