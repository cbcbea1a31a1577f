"""Indicators as other ministries lay them out (element D).

- A Word results framework whose "Target" header is one cell merged over two columns,
  with the years below it ("Year 2 (2028)" | "Year 4 (2030)"): each column is a target.
  The .docx is made here with python-docx, whose merge writes gridSpan as Word does.
- A results table continued on a new page, as a PDF gives it: the header row repeated
  at the top of the page, then the end of the last indicator's wrapped name. The text
  draft is written here in that shape.
- Indicators named in one French sentence ("le taux d'…", "le pourcentage d'…"), the
  last one ending with its sentence: tests/data/elements/lettre-ordinaux-fr.txt (see
  tests/test_elements_lists.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document as WordDocument

from cpc_draft.cli import main

DRAFTS = Path(__file__).parent / "data" / "elements"
TITLE = (
    "Compact Partnership between the Government of the United States of America and the "
    "Government of the Republic of Ostrava"
)


def _indicators(path: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["documents"][0]["indicators"]


def _framework_docx(path: Path) -> Path:
    header = ["Result", "Indicator", "Baseline (year)", "Target", ""]
    years = ["", "", "", "Year 2 (2028)", "Year 4 (2030)"]
    rows = [
        ["1. Justice", "Number of child trafficking verdicts in the year", "12 (2025)", "18", "25"],
        ["2. Care", "Percentage of child victims with a care plan", "35% (2025)", "55%", "80%"],
    ]
    word = WordDocument()
    word.add_heading(TITLE, level=1)
    word.add_heading("Appendix 2 – Results framework", level=1)
    word.add_paragraph('In this Appendix "Year 2" means 2028 and "Year 4" means 2030.')
    table = word.add_table(rows=2 + len(rows), cols=len(header))
    for row, values in zip(table.rows, [header, years, *rows], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Target"
    for column in range(3):
        table.cell(0, column).merge(table.cell(1, column)).text = header[column]
    word.save(path)
    return path


def test_a_merged_target_header_heads_each_year_below_it(tmp_path):
    found = {
        i["baseline"]: dict(zip(i["target_years"], i["targets"], strict=True))
        for i in _indicators(_framework_docx(tmp_path / "framework.docx"))
    }
    assert found == {"12": {"2028": "18", "2030": "25"}, "35%": {"2028": "55%", "2030": "80%"}}


def test_a_table_continued_on_a_new_page_keeps_the_wrapped_name(tmp_path):
    lines = [
        TITLE,
        "",
        "Annex 3 – Indicators",
        "",
        "| No. | Indicator | Baseline (2025) | 2027 | 2029 |",
        "|---|---|---|---|---|",
        "| 1 | Number of shelters accredited | 2 | 4 | 6 |",
        "| 2 | Number of labour inspections of brick kilns carried out | 40 | 80 | 120 |",
        "| No. | Indicator | Baseline (2025) | 2027 | 2029 |",
        "|  | with a child protection officer present |  |  |  |",
    ]
    draft = tmp_path / "annex.txt"
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [(i["name"], i["baseline"], i["targets"]) for i in _indicators(draft)]
    assert found == [
        ("Number of shelters accredited", "2", ["4", "6"]),
        (
            "Number of labour inspections of brick kilns carried out with a child "
            "protection officer present",
            "40",
            ["80", "120"],
        ),
    ]


def test_indicators_named_in_one_french_sentence():
    names = [i["name"] for i in _indicators(DRAFTS / "lettre-ordinaux-fr.txt")]
    assert names == [
        "taux d'affaires jugées dans l'année",
        "pourcentage d'enfants victimes hébergés dans des foyers agréés",
        "nombre de mines inspectées",
    ]
