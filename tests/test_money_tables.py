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
from conftest import requires_libreoffice, soffice

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document
from cpc_draft.readers.text import parse_text
from cpc_draft.readers.text_tables import pipe_aligned_tables
from cpc_draft.render.pdf import convert_with_libreoffice
from cpc_draft.report.ledger import build_ledger

# A draft: (kind, content) parts; "h" heading, "p" paragraph, "t" table (header first).
LORVAN_YEARS = [
    ("h", "Child Protection Compact Partnership between the United States and Lorvan"),
    (
        "p",
        "The Government of the United States of America and the Government of the Republic "
        "of Lorvan (Lorvan) intend to work together against child trafficking from 2027 to "
        "2029. Lorvan counts its money in Lorvan marks (LVM).",
    ),
    ("h", "Financial Plan"),
    ("p", "The Participants intend to contribute the following amounts by year:"),
    (
        "t",
        [
            ["Year", "United States (US$)", "Lorvan (LVM)"],
            ["2027", "750,000", "2,100,000"],
            ["2028", "1,250,000", "2,400,000"],
            ["2029", "1,000,000", "2,500,000"],
            ["Total", "3,000,000", "7,000,000"],
        ],
    ),
    ("p", "A joint committee of both Governments will oversee the use of these funds."),
]

MAREL_COMPONENTS = [
    ("h", "Partnership on Child Protection between the United States and Marel"),
    (
        "p",
        "The Government of the United States of America and the Government of the Republic "
        "of Marel (Marel) set out below how each intends to fund the components of the "
        "Partnership.",
    ),
    ("h", "Annex B – Budget by component"),
    ("p", "Figures in thousands of United States dollars; Marel's figures are equivalents."),
    (
        "t",
        [
            ["Participant / Component", "2027", "2028", "2029", "Total"],
            ["United States – Component 1", "200", "300", "250", "750"],
            ["United States – Component 2", "150", "150", "200", "500"],
            ["Subtotal, United States", "350", "450", "450", "1,250"],
            ["Marel – Component 1", "100", "120", "140", "360"],
            ["Marel – Component 2", "60", "60", "80", "200"],
            ["Subtotal, Marel", "160", "180", "220", "560"],
            ["Total, both Participants", "510", "630", "670", "1,810"],
        ],
    ),
]

MERINA_ROWS = [
    ("h", "Alianza para la Protección de la Niñez entre los Estados Unidos y Merina"),
    (
        "p",
        "El Gobierno de los Estados Unidos de América y el Gobierno de la República de "
        "Merina (en adelante, «Merina») acuerdan el siguiente financiamiento.",
    ),
    ("h", "Cláusula Sexta.- Financiamiento"),
    ("p", "Los aportes de Merina se indican en su equivalente en dólares."),
    (
        "t",
        [
            ["Componente", "Gobierno", "2027", "2028", "Total"],
            ["Justicia", "Estados Unidos", "USD 300.000", "USD 400.000", "USD 700.000"],
            ["Justicia", "Merina", "USD 120.000", "USD 150.000", "USD 270.000"],
            ["Protección", "Estados Unidos", "USD 500.000", "USD 450.000", "USD 950.000"],
            ["Protección", "Merina", "USD 200.000", "USD 210.000", "USD 410.000"],
            [
                "Todos los componentes",
                "ambos Gobiernos",
                "USD 1.120.000",
                "USD 1.210.000",
                "USD 2.330.000",
            ],
        ],
    ),
]

BELVAN_ONE_PARTY = [
    ("h", "Partenariat pour la protection de l'enfance entre les États-Unis et le Belvan"),
    (
        "p",
        "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République du "
        "Belvan (ci-après « le Belvan ») conviennent de ce qui suit.",
    ),
    ("h", "Article 7 – Contributions"),
    ("p", "7.1 La contribution des États-Unis s'élève à 2 400 000 USD sur la durée."),
    (
        "p",
        "7.2 La contribution du Gouvernement du Belvan, estimée à l'équivalent de "
        "900 000 USD, se répartit comme suit :",
    ),
    (
        "t",
        [
            ["Exercice", "Montant (USD)"],
            ["2027", "250 000"],
            ["2028", "300 000"],
            ["2029", "350 000"],
            ["Total", "900 000"],
        ],
    ),
]

SARN_TURNED = [
    ("h", "Compact between the United States and Sarn"),
    (
        "p",
        "The Government of the United States of America and the Government of the Kingdom "
        "of Sarn (Sarn) intend to carry out this Partnership from 2027 to 2029.",
    ),
    ("h", "Section 5. Funding"),
    (
        "p",
        "5.1 Over the term, the United States intends to provide US$3,600,000 and Sarn "
        "US$1,500,000, for a combined total of US$5,100,000. The estimated amounts by year "
        "are as follows (in US$):",
    ),
    (
        "t",
        [
            ["Participant", "2027", "2028", "2029", "Total"],
            ["United States", "1,000,000", "1,400,000", "1,200,000", "3,600,000"],
            ["Sarn", "400,000", "500,000", "600,000", "1,500,000"],
            ["Total", "1,400,000", "1,900,000", "1,800,000", "5,100,000"],
        ],
    ),
]

LORVAN_NOT_MONEY = [
    ("h", "Compact between the United States and Lorvan"),
    (
        "p",
        "The Government of the United States of America and the Government of the Republic "
        "of Lorvan (Lorvan) intend to fund the programs below.",
    ),
    ("p", "U.S. funding by program (in US$):"),
    (
        "t",
        [
            ["Program", "Amount"],
            ["Lorvan Child Helpline", "400,000"],
            ["Support to Lorvan's juvenile courts", "350,000"],
            ["Total", "750,000"],
        ],
    ),
    ("p", "Progress will be tracked with the indicators below; the budget is set out in US$."),
    (
        "t",
        [
            ["Indicator", "2027", "2028"],
            ["Officials trained in victim identification", "1,200", "2,500"],
            ["Children referred to specialized care", "3,400", "4,100"],
        ],
    ),
]

QUILLEN_THOUSANDS = [
    ("h", "Memorando de Entendimiento entre los Estados Unidos y Quillen"),
    (
        "p",
        "El Gobierno de los Estados Unidos de América y el Gobierno del Reino de Quillen "
        "(en adelante, «Quillen») prevén los aportes siguientes.",
    ),
    ("p", "Aportes anuales (montos en miles de dólares de los Estados Unidos):"),
    (
        "t",
        [
            ["Año", "Estados Unidos", "Quillen"],
            ["2027", "1.100", "450"],
            ["2028", "1.300", "500"],
            ["Total", "2.400", "950"],
        ],
    ),
]

PELL_TITLED = [
    ("h", "Child Protection Compact"),
    (
        "p",
        "The Government of the United States of America and the Government of the Republic "
        "of Pell (Pell) set out their estimated contributions below.",
    ),
    (
        "t",
        [
            ["Table 3: Contributions (USD '000)"] * 3,
            ["Fiscal year", "United States", "Pell"],
            ["FY2027", "800", "300"],
            ["FY2028", "900", "350"],
        ],
    ),
]

VARO_CURRENCY_COLUMN = [
    ("h", "Child Protection Compact"),
    (
        "p",
        "The Government of the United States of America and the Government of the Republic "
        "of Varo (Varo) intend to contribute as follows. Varo budgets in Varonese pesos (VRP).",
    ),
    (
        "t",
        [
            ["Participant", "Currency", "2027", "2028"],
            ["United States", "USD", "1,000,000*", "1,200,000"],
            ["Varo", "VRP", "5,000,000", "5,500,000*"],
        ],
    ),
    ("p", "* Subject to the availability of funds."),
]

US, PARTNER = "US", "partner"
DRAFTS = {
    # name: (parts, language, expected contributions (party, amount, currency) -> count,
    #        restated count, combined amounts, table total rows)
    "lorvan-years": (
        LORVAN_YEARS,
        "en",
        Counter(
            {
                (US, "750000", "USD"): 1,
                (US, "1250000", "USD"): 1,
                (US, "1000000", "USD"): 1,
                (PARTNER, "2100000", "LVM"): 1,
                (PARTNER, "2400000", "LVM"): 1,
                (PARTNER, "2500000", "LVM"): 1,
            }
        ),
        0,
        [],
    ),
    "marel-components": (
        MAREL_COMPONENTS,
        "en",
        Counter(
            [(US, f"{v}000", "USD") for v in (200, 300, 250, 750, 150, 150, 200, 500)]
            + [(US, f"{v}000", "USD") for v in (350, 450, 450, 1250)]
            + [(PARTNER, f"{v}000", "USD") for v in (100, 120, 140, 360, 60, 60, 80, 200)]
            + [(PARTNER, f"{v}000", "USD") for v in (160, 180, 220, 560)]
        ),
        12,  # four row totals and eight subtotal cells
        [],
    ),
    "merina-rows": (
        MERINA_ROWS,
        "es",
        Counter(
            [(US, f"{v}000", "USD") for v in (300, 400, 700, 500, 450, 950)]
            + [(PARTNER, f"{v}000", "USD") for v in (120, 150, 270, 200, 210, 410)]
        ),
        4,
        ["1120000", "1210000", "2330000"],
    ),
    "belvan-one-party": (
        BELVAN_ONE_PARTY,
        "fr",
        Counter(
            [(US, "2400000", "USD"), (PARTNER, "900000", "USD")]
            + [(PARTNER, f"{v}000", "USD") for v in (250, 300, 350)]
        ),
        0,
        [],
    ),
    "sarn-turned": (
        SARN_TURNED,
        "en",
        Counter(
            [(US, "3600000", "USD"), (PARTNER, "1500000", "USD")]
            + [(US, v, "USD") for v in ("1000000", "1400000", "1200000", "3600000")]
            + [(PARTNER, v, "USD") for v in ("400000", "500000", "600000", "1500000")]
        ),
        2,
        ["5100000"],
    ),
    "quillen-thousands": (
        QUILLEN_THOUSANDS,
        "es",
        Counter(
            [(US, "1100000", "USD"), (US, "1300000", "USD")]
            + [(PARTNER, "450000", "USD"), (PARTNER, "500000", "USD")]
        ),
        0,
        [],
    ),
    "pell-titled": (
        PELL_TITLED,
        "en",
        Counter(
            [(US, "800000", "USD"), (US, "900000", "USD")]
            + [(PARTNER, "300000", "USD"), (PARTNER, "350000", "USD")]
        ),
        0,
        [],
    ),
    "varo-currency-column": (
        VARO_CURRENCY_COLUMN,
        "en",
        Counter(
            [(US, "1000000", "USD"), (US, "1200000", "USD")]
            + [(PARTNER, "5000000", "VRP"), (PARTNER, "5500000", "VRP")]
        ),
        0,
        [],
    ),
    "lorvan-not-money": (
        LORVAN_NOT_MONEY,
        "en",
        Counter([(US, "400000", "USD"), (US, "350000", "USD")]),
        0,
        [],
    ),
}
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
    for name, (parts, *_) in DRAFTS.items():
        out[name, "pipes.txt"] = write_text(parts, folder / f"{name}.pipes.txt", pipe_table)
        out[name, "aligned.txt"] = write_text(parts, folder / f"{name}.aligned.txt", aligned_table)
        out[name, "docx"] = write_docx(parts, folder / f"{name}.docx")
    if soffice() is not None:
        sources = [out[name, "docx"] for name in DRAFTS]
        for name, pdf in zip(DRAFTS, convert_with_libreoffice(sources, folder), strict=True):
            out[name, "pdf"] = pdf
    return out


def funding(path: Path):
    review = review_document(read_document(path), Config(), findings=False)
    return review.primary.funding


# -- every form gives the same money --------------------------------------------------------


@pytest.mark.parametrize("form", FORMATS)
@pytest.mark.parametrize("name", DRAFTS)
def test_each_form_gives_the_contributions(drafts, name, form):
    if form == "pdf" and soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    _, _, expected, restated, combined = DRAFTS[name]
    found = funding(drafts[name, form])
    got = Counter((c.party, c.amount, c.currency) for c in found.contributions)
    assert got == expected, f"missing {expected - got}, extra {got - expected}"
    assert sum(c.restated for c in found.contributions) == restated
    assert sorted(c.amount for c in found.combined) == sorted(combined)
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
        for kind, content in MAREL_COMPONENTS
    ]
    found = funding(write_text(parts, tmp_path / "wrong.txt", pipe_table))
    wrong = [t for t in found.table_totals if Decimal(t.stated.amount) != t.summed]
    assert [(t.stated.amount, t.summed) for t in wrong] == [("999000", Decimal(220000))]


# -- the ledger counts each year's money once ----------------------------------------------


def test_the_ledger_adds_a_year_once_despite_subtotals(drafts):
    ledger = build_ledger(funding(drafts["marel-components", "docx"]).contributions)
    assert ledger.by_year["2027"] == {("US", "USD"): 350000, ("partner", "USD"): 160000}
    assert ledger.by_year["2029"] == {("US", "USD"): 450000, ("partner", "USD"): 220000}


def test_the_ledger_adds_a_year_once_when_prose_and_table_both_state_it(tmp_path):
    parts = [
        *SARN_TURNED,
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
    text = aligned_table(MAREL_COMPONENTS[4][1])
    rows = [b.cells for b in parse_text(text)]
    assert rows == [tuple(row) for row in MAREL_COMPONENTS[4][1]]


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
