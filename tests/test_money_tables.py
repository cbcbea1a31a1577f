"""Money in tables, and who gives it, in every format.

Our own small drafts (fictional partners, en/es/fr), each written as text with pipe
tables, as text with tables aligned by spaces, as a Word document with real tables
(python-docx) and as a PDF that LibreOffice makes from that document. Each form must give
the same contributions: party, amount, currency, and which of them restate others (a
subtotal, a row total) and which are totals of both governments (combined).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml
from conftest import requires_libreoffice, soffice

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document
from cpc_draft.readers.text import parse_text
from cpc_draft.readers.text_tables import pipe_aligned_tables
from cpc_draft.render.pdf import convert_with_libreoffice
from cpc_draft.report.ledger import build_ledger

ROOT = Path(__file__).resolve().parent
DRAFTS = yaml.safe_load((ROOT / "data" / "money_tables.yaml").read_text("utf-8"))
FORMATS = ("pipes.txt", "aligned.txt", "docx", "pdf")


# -- writing the drafts ---------------------------------------------------------------------


def pipe_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]])


def aligned_table(rows: list[list[str]]) -> str:
    """Columns padded with spaces under a rule of dashes; figures right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row):
        cells = [
            cell.rjust(width) if i and cell[:1].isdigit() else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "   ".join(cells).rstrip()

    rule = "   ".join("-" * width for width in widths)
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])


def write_text(parts, path: Path, table) -> Path:
    chunks = [table(content) if kind == "t" else content for kind, content in parts]
    path.write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    return path


def write_docx(parts, path: Path) -> Path:
    document = docx.Document()
    for kind, content in parts:
        if kind == "h":
            document.add_heading(content, level=1)
        elif kind == "p":
            document.add_paragraph(content)
        else:
            table = document.add_table(rows=len(content), cols=len(content[0]))
            table.style = "Table Grid"
            for i, row in enumerate(content):
                if len(row) > 1 and len(set(row)) == 1:  # a title row: one merged cell
                    table.cell(i, 0).merge(table.cell(i, len(row) - 1)).text = row[0]
                    continue
                for cell, text in zip(table.rows[i].cells, row, strict=True):
                    cell.text = text
    document.save(path)
    return path


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("money-tables")
    out = {}
    for name, draft in DRAFTS.items():
        parts = _parts(draft)
        out[name, "pipes.txt"] = write_text(parts, folder / f"{name}.pipes.txt", pipe_table)
        out[name, "aligned.txt"] = write_text(parts, folder / f"{name}.aligned.txt", aligned_table)
        out[name, "docx"] = write_docx(parts, folder / f"{name}.docx")
    if soffice() is not None:
        sources = [out[name, "docx"] for name in DRAFTS]
        for name, pdf in zip(DRAFTS, convert_with_libreoffice(sources, folder), strict=True):
            out[name, "pdf"] = pdf
    return out


def _parts(draft: dict) -> list[tuple[str, object]]:
    return [next(iter(part.items())) for part in draft["draft"]]


def _expected(draft: dict) -> Counter:
    return Counter(
        (key.split()[0], str(amount), key.split()[1])
        for key, amounts in draft["contributions"].items()
        for amount in amounts
    )


def funding(path: Path):
    review = review_document(read_document(path), Config(), findings=False)
    return review.primary.funding


# -- every form gives the same money --------------------------------------------------------


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("name", DRAFTS)
def test_each_form_gives_the_contributions(drafts, name, form):
    if form == "pdf" and soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    draft = DRAFTS[name]
    found = funding(drafts[name, form])
    got = Counter((c.party, c.amount, c.currency) for c in found.contributions)
    expected = _expected(draft)
    assert got == expected, f"missing {expected - got}, extra {got - expected}"
    assert sum(c.restated for c in found.contributions) == draft["restated"]
    assert sorted(c.amount for c in found.combined) == sorted(map(str, draft["combined"]))
    assert all(c.party == "both" for c in found.combined)


@pytest.mark.parametrize("name", DRAFTS)
def test_every_total_row_adds_up(drafts, name):
    for total in funding(drafts[name, "pipes.txt"]).table_totals:
        assert Decimal(total.stated.amount) == total.summed, total


def test_a_wrong_subtotal_is_a_total_that_does_not_add_up(tmp_path):
    parts = [
        (
            kind,
            [
                [*row[:3], "999", *row[4:]] if row[0].startswith("Subtotal, Marel") else row
                for row in content
            ]
            if kind == "t"
            else content,
        )
        for kind, content in _parts(DRAFTS["marel-components"])
    ]
    found = funding(write_text(parts, tmp_path / "wrong.txt", pipe_table))
    wrong = [t for t in found.table_totals if Decimal(t.stated.amount) != t.summed]
    assert [(t.stated.amount, t.summed) for t in wrong] == [("999000", Decimal(220000))]


# -- the ledger counts each year's money once ----------------------------------------------


def test_the_ledger_adds_a_year_once_despite_subtotals(drafts):
    ledger = build_ledger(funding(drafts["marel-components", "docx"]).contributions)
    assert ledger.by_year["2027"] == {("US", "USD"): 350000, ("partner", "USD"): 160000}
    assert ledger.by_year["2029"] == {("US", "USD"): 450000, ("partner", "USD"): 220000}


@pytest.mark.parametrize("name", ["keldara-merged-cells", "brenou-axes-fusionnes"])
def test_a_year_under_a_merged_header_cell_is_read_once(drafts, name):
    """The years sit under a cell merged over them, and the partner's row under "Total"
    has an empty (merged) label: it is a total too, so each year counts once."""
    ledger = build_ledger(funding(drafts[name, "docx"]).contributions)
    expected = {
        "keldara-merged-cells": {("US", "USD"): 280000, ("partner", "KDM"): 1100000},
        "brenou-axes-fusionnes": {("US", "USD"): 600000, ("partner", "BRF"): 4000000},
    }
    assert ledger.by_year["2028"] == expected[name]


def test_a_middle_row_equal_to_its_neighbours_sum_is_money_of_its_own(drafts):
    found = funding(drafts["valmira-componentes-combinados", "pipes.txt"]).contributions
    partner = [c for c in found if c.party == "partner" and c.period == "2027"]
    assert [(c.amount, c.restated) for c in partner] == [
        ("100000", False),
        ("300000", False),
        ("200000", False),
    ]


def test_the_ledger_adds_a_year_once_when_prose_and_table_both_state_it(tmp_path):
    parts = [
        *_parts(DRAFTS["sarn-turned"]),
        ("p", "In 2027 the United States intends to provide US$1,000,000 and Sarn US$400,000."),
    ]
    found = funding(write_text(parts, tmp_path / "sarn.txt", pipe_table))
    ledger = build_ledger(found.contributions)
    assert ledger.by_year["2027"] == {("US", "USD"): 1000000, ("partner", "USD"): 400000}
    (us,) = [t for t in ledger.totals if t.party == "US"]
    assert us.yearly_sum == 3600000


def test_a_row_of_all_programs_is_not_added_again():
    rows = [
        ["Program", "Government", "2027", "2028"],
        ["Shelters", "United States", "$100,000", "$150,000"],
        ["Helpline", "United States", "$50,000", "$50,000"],
        ["All programs", "United States", "$150,000", "$200,000"],
    ]
    text = (
        "The Government of the United States of America and the Government of Pell (Pell) "
        "agree.\n\n" + pipe_table(rows) + "\n"
    )
    from cpc_draft.check.facts import find_facts

    found = find_facts(tuple(parse_text(text)), "en", "Pell").funding
    ledger = build_ledger(found.contributions)
    assert ledger.by_year["2027"] == {("US", "USD"): 150000}
    assert [c.amount for c in found.contributions if c.restated] == ["150000", "200000"]


# -- the text reader: tables aligned with spaces -------------------------------------------


def test_an_aligned_table_becomes_a_pipe_table():
    (table,) = [content for kind, content in _parts(DRAFTS["marel-components"]) if kind == "t"]
    rows = [b.cells for b in parse_text(aligned_table(table))]
    assert rows == [tuple(row) for row in table]


def test_an_empty_cell_stays_in_its_column():
    text = (
        "No.  Indicator            Baseline   Target\n---  -------------------  --------   ------\n"
    )
    text += (
        "1    Cases investigated         40       60\n2    Convictions                         9\n"
    )
    rows = [b.cells for b in parse_text(text)]
    assert rows[2] == ("2", "Convictions", "", "9")


def test_text_without_a_rule_of_dashes_is_left_alone():
    text = "Year    Amount\n2027    1,000\n\nA line -- with dashes -- inside.\n"
    assert pipe_aligned_tables(text) == text


@requires_libreoffice
def test_the_pdf_forms_were_made(drafts):
    assert all((name, "pdf") in drafts for name in DRAFTS)


def test_words_and_figures_of_a_combined_total_are_checked(tmp_path):
    path = tmp_path / "combined.txt"
    path.write_text(
        "The Government of the United States of America and the Government of the Republic "
        "of Lorvan (Lorvan) intend to contribute US$3,000,000 from the United States and "
        "US$1,000,000 from Lorvan, for a combined total of four million United States "
        "dollars (US$4,500,000).\n",
        encoding="utf-8",
    )
    review = review_document(read_document(path), Config())
    assert [c.amount for c in review.primary.funding.combined] == ["4500000"]
    messages = [f.message for f in review.findings if f.rule == "words-figures"]
    assert messages and "US$4,000,000" in messages[0]


def test_two_programs_with_the_same_yearly_amount_are_both_added():
    text = (
        "The Government of the United States of America and the Government of Pell (Pell) "
        "agree.\n\nProgram 1: the United States intends to provide US$500,000 in 2027.\n\n"
        "Program 2: the United States intends to provide US$500,000 in 2027.\n"
    )
    from cpc_draft.check.facts import find_facts

    found = find_facts(tuple(parse_text(text)), "en", "Pell").funding
    assert build_ledger(found.contributions).by_year["2027"] == {("US", "USD"): 1000000}
