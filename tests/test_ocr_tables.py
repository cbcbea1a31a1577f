"""A scanned ruled table read by OCR: its rules are not read as letters, and real bars,
"I", "l" and "1" away from the rules are kept.

Tesseract reads a table's vertical rule as a glyph ("[", "|", "l", "}") glued to or
standing beside a cell's words; the reader whitens the rules before recognition. Text
of those shapes elsewhere ("Part I | Section 1") is text. The page is written by
tests/pdf_factory (a table whose cells hug their rules, then a line of such text) and
scanned by tests/scan_factory at 200 dpi, tilted, speckled, JPEG-compressed. Skipped
where the tesseract command is absent (.ci/run installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from pdf_factory import Pdf
from scan_factory import scan

HEADER = ["Indicator", "Unit", "Baseline", "Target year 1", "Target year 2", "Key"]
ROWS = [
    ["Number of cases prosecuted", "cases", "60", "70", "115", "Yes"],
    ["Number of victims identified", "children", "250", "300", "380", "No"],
    ["Number of committees in operation", "committees", "15", "20", "30", "No"],
]
SHAPES = "Part I | Section 1 | Annex II | l'article 11 | Table 1"
RULE_GLYPHS = set("[]{}|")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract OCR is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("ocr-table")
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, "The indicators are set out in the following table.")
    widths = [170, 64, 56, 52, 52, 40]
    # a padding of 1.5 points: the words stand against the rules
    top = page.grid(72, top + 6, widths, [HEADER, *ROWS], size=9, padding=1.5)
    page.paragraph(72, top + 14, 468, SHAPES)
    digital = pdf.save(folder / "table.pdf")
    scanned = scan(digital, folder / "table-scan.pdf", dpi=200, tilt=-0.8)
    documents = []
    for path in (digital, scanned):
        result = subprocess.run(
            [sys.executable, "-m", "cpc_draft", "extract", str(path), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=600,
            cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr
        documents.append(json.loads(result.stdout))
    return documents


def rows(document: dict) -> list[list[str]]:
    return [block["cells"] for block in document["blocks"] if block["kind"] == "table_row"]


def test_the_scanned_table_reads_as_the_digital_one(extracted):
    digital, scanned = (rows(document) for document in extracted)
    assert digital == [HEADER, *ROWS]
    assert scanned[0] == HEADER
    cells = [cell for row in scanned[1:] for cell in row]
    same = sum(a == b for a, b in zip(cells, (cell for row in ROWS for cell in row), strict=True))
    assert same >= 0.9 * len(cells), scanned


def test_no_rule_is_read_as_a_letter(extracted):
    _, scanned = extracted
    glued = [cell for row in rows(scanned) for cell in row if RULE_GLYPHS & set(cell)]
    assert glued == []


def test_bars_and_ones_away_from_rules_are_kept(extracted):
    _, scanned = extracted
    texts = [block["text"] for block in scanned["blocks"] if block["kind"] != "table_row"]
    assert SHAPES in texts
