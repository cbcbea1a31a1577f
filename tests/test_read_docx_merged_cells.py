"""Word tables whose header cells are merged across columns (gridSpan) or rows (vMerge).

A results framework often heads its year columns with one merged "Annual targets" cell
over a second header row of years. Each row must keep its cells under their columns,
as the text and PDF forms of the table do, or the years fall under the wrong headers.
The .docx is made by the test with python-docx, whose cell merge writes gridSpan and
vMerge as Word does.
"""

from __future__ import annotations

from docx import Document as WordDocument

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

HEADER = ["No.", "Indicator", "Baseline (2025)", "Annual targets", "", "", "", "Key"]
YEARS = ["", "", "", "2026", "2027", "2028", "2029", ""]
ROWS = [
    ["1", "Number of child trafficking cases investigated", "18", "25", "35", "45", "55", "Yes"],
    [
        "2",
        "Percentage of child victims with a recovery plan",
        "20%",
        "40%",
        "60%",
        "75%",
        "90%",
        "No",
    ],
]


def write_results_framework(path):
    word = WordDocument()
    word.add_heading("Article 7. Indicators", level=1)
    word.add_paragraph(
        "Progress will be measured against the following indicators, baselines and annual targets."
    )
    table = word.add_table(rows=2 + len(ROWS), cols=len(HEADER))
    for row, values in zip(table.rows, [HEADER, YEARS, *ROWS], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(0, 3).merge(table.cell(0, 6)).text = "Annual targets"  # across the years
    for column in (0, 1, 2, 7):  # down the two header rows
        top = table.cell(0, column)
        top.merge(table.cell(1, column)).text = HEADER[column]
    word.save(path)
    return path


def test_merged_header_cells_keep_each_row_under_its_columns(tmp_path):
    document = read_document(write_results_framework(tmp_path / "framework.docx"))
    rows = [block.cells for block in document.blocks if block.kind == "table_row"]
    assert [len(cells) for cells in rows] == [8, 8, 8, 8]
    assert rows[0][3] == "Annual targets"
    assert rows[1][3:7] == ("2026", "2027", "2028", "2029")


def test_merged_header_cells_give_each_year_its_target(tmp_path):
    document = read_document(write_results_framework(tmp_path / "framework.docx"))
    indicators = review_document(document, Config()).primary.indicators.listed
    found = {i.baseline: dict(zip(i.target_years, i.targets, strict=True)) for i in indicators}
    assert found["18"] == {"2026": "25", "2027": "35", "2028": "45", "2029": "55"}
    assert found["20%"] == {"2026": "40%", "2027": "60%", "2028": "75%", "2029": "90%"}
