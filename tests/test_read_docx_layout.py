"""The Word reader: a side-by-side layout cut around its data tables.

Word repeats no header row of a table nested in another, so a side-by-side draft may end
its layout table before a clause's data tables, set each language's table full width, and
resume the layout after them. Such a draft must read as the same draft with its tables
nested in the layout's cells: same blocks, rows and columns.
"""

from __future__ import annotations

from docx_factory import SIDE_BY_SIDE_EN as ENGLISH
from docx_factory import SIDE_BY_SIDE_ES as SPANISH
from docx_factory import cell, make_docx, p, row, sdt, text_table

from cpc_draft.readers.docx import read_docx

FIGURES = {
    "en": [["Year", "United States (USD)"], ["2017", "US$500,000"], ["Total", "US$500,000"]],
    "es": [["Año", "Estados Unidos (USD)"], ["2017", "500.000 USD"], ["Total", "500.000 USD"]],
}
AFTER = {"en": "The amounts are estimates.", "es": "Los montos son estimaciones."}
GRID = (6616, 6616)


def layout(*rows: str) -> str:
    """A borderless layout table with a grid, as Word and LibreOffice write one."""
    columns = "".join(f'<w:gridCol w:w="{width}"/>' for width in GRID)
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{columns}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def tagged(content: str, clause: str | None) -> str:
    return sdt(content, tag=f"cpc:{clause}@1.0.0") if clause else content


def before(language: str, clause: str | None) -> str:
    label = {"en": "Article 5", "es": "Artículo 5"}[language]
    text = {"en": ENGLISH, "es": SPANISH}[language]
    return tagged(p(label, style="Heading1") + p(text) + p(text), clause)


def article(number: int, clause: str | None) -> str:
    """The row of an article without tables."""
    return row(
        cell(tagged(p(f"Article {number}", style="Heading1") + p(ENGLISH) + p(ENGLISH), clause)),
        cell(tagged(p(f"Artículo {number}", style="Heading1") + p(SPANISH) + p(SPANISH), clause)),
    )


def nested(clauses: tuple[str | None, str | None]) -> str:
    """The draft as one layout table, the tables in the cells of their clause's row."""
    first = clauses[0]
    cells = [
        cell(
            tagged(
                before(language, None) + text_table(FIGURES[language]) + p(AFTER[language]),
                first,
            )
        )
        for language in ("en", "es")
    ]
    return layout(article(4, "purpose" if first else None), row(*cells), article(6, clauses[1]))


def cut(clauses: tuple[str | None, str | None]) -> str:
    """The same draft with the layout ended before the tables and resumed after them."""
    first = clauses[0]
    return (
        layout(
            article(4, "purpose" if first else None),
            row(cell(before("en", first)), cell(before("es", first))),
        )
        + p()
        + tagged(p() + text_table(FIGURES["en"]) + p(), first)
        + tagged(p() + text_table(FIGURES["es"]) + p(), first)
        + layout(
            row(cell(tagged(p(AFTER["en"]), first)), cell(tagged(p(AFTER["es"]), first))),
            article(6, clauses[1]),
        )
    )


def read(tmp_path, name: str, body: str):
    return read_docx(make_docx(tmp_path / f"{name}.docx", body)).blocks


def seen(blocks) -> list[tuple]:
    return [(b.kind, b.text[:20], b.row, b.column, b.table, b.clause) for b in blocks]


def test_tables_set_between_layout_tables_read_as_nested_in_their_clause(tmp_path):
    clauses = ("programs", "indicators")
    blocks = read(tmp_path, "cut", cut(clauses))
    assert seen(blocks) == seen(read(tmp_path, "nested", nested(clauses)))
    english = [(b.kind, b.text[:9]) for b in blocks if b.row == 1 and b.column == 0]
    assert english == [
        ("heading", "Article 5"),
        ("paragraph", ENGLISH[:9]),
        ("paragraph", ENGLISH[:9]),
        ("table_row", "Year | Un"),
        ("table_row", "2017 | US"),
        ("table_row", "Total | U"),
        ("paragraph", AFTER["en"][:9]),
    ]
    assert {b.clause for b in blocks if b.row == 1} == {"programs@1.0.0"}
    assert [b.row for b in blocks if b.text.startswith("Art")] == [0, 0, 1, 1, 2, 2]


def test_without_content_controls_the_structure_says_where_tables_belong(tmp_path):
    """A file another program saved keeps no tags: the tables still go to the row before
    them, and the layout table after them, too short to pass for prose, resumes it."""
    clauses = (None, None)
    blocks = read(tmp_path, "cut", cut(clauses))
    assert seen(blocks) == seen(read(tmp_path, "nested", nested(clauses)))
    assert [b.column for b in blocks if b.kind == "table_row"] == [0] * 3 + [1] * 3
    assert {b.row for b in blocks if b.text in AFTER.values()} == {1}


def test_a_table_of_another_clause_or_after_text_is_no_part_of_the_row(tmp_path):
    opening = layout(
        article(4, "purpose"), row(cell(before("en", "programs")), cell(before("es", "programs")))
    )
    for name, between in (
        ("other-clause", tagged(text_table(FIGURES["en"]), "annex")),
        ("after-text", p("Annex") + text_table(FIGURES["en"])),
    ):
        blocks = read(tmp_path, name, opening + between + text_table(FIGURES["es"]))
        rows = [b for b in blocks if b.kind == "table_row"]
        assert [(b.row, b.column) for b in rows] == [(0, None), (1, None), (2, None)] * 2, name


def test_one_table_for_two_columns_belongs_to_neither(tmp_path):
    """A single table between layout pieces is no language's: it is read in no column."""
    bilingual = [["Year / Año", "USD"], ["2017", "500,000"]]
    body = (
        layout(article(4, None), row(cell(before("en", None)), cell(before("es", None))))
        + text_table(bilingual)
        + layout(row(cell(p(AFTER["en"])), cell(p(AFTER["es"]))), article(6, None))
    )
    blocks = read(tmp_path, "bilingual", body)
    assert [b.column for b in blocks if b.kind == "table_row"] == [None, None]
    assert [(b.row, b.column) for b in blocks if b.text in AFTER.values()] == [(1, 0), (1, 1)]
