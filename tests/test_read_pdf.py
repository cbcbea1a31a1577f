"""The PDF reader: reading order, paragraphs, headers, headings, tables.

Small PDFs are written by tests/pdf_factory.py (exact control of every position). Bad
and hostile files: tests/test_hostile_pdf.py; the assembled drafts through LibreOffice:
tests/test_read_pdf_drafts.py.
"""

from __future__ import annotations

import re

import pytest
from pdf_factory import EN, LANDSCAPE, Pdf, pages_with_furniture, text_width, texts

from cpc_draft.readers.pdf import read_pdf
from cpc_draft.readers.pdf.hyphenation import Vocabulary, hyphen_join, join_lines

ES = [
    "Los Participantes tienen la intención de fortalecer la capacidad de las autoridades "
    "nacionales para identificar a las víctimas.",
    "Cada Participante tiene la intención de cumplir sus responsabilidades de conformidad "
    "con sus leyes.",
    "Los Participantes tienen la intención de examinar los avances en cada Diálogo Anual.",
]


# -- paragraphs and hyphenation -----------------------------------------------------------------


def test_paragraphs_are_rebuilt_from_lines(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = 72
    for text in EN:
        top = page.paragraph(72, top, 300, text)
    document = read_pdf(pdf.save(tmp_path / "p.pdf"))
    assert document.format == "pdf" and document.pages == 1
    assert texts(document) == EN  # several lines each, joined with single spaces
    assert [b.index for b in document.blocks] == [0, 1, 2]
    assert {b.kind for b in document.blocks} == {"paragraph"}
    assert {b.page for b in document.blocks} == {1}
    assert all(b.language is None and b.column is None for b in document.blocks)


def test_paragraph_continues_across_a_page_break(tmp_path):
    pdf = Pdf()
    first, second = pdf.page(), pdf.page()
    first.lines(72, 700, ["The Participants intend to strengthen the capacity"])
    second.lines(72, 72, ["of the national authorities.", ""])
    second.paragraph(72, 120, 300, "A new paragraph.")
    document = read_pdf(pdf.save(tmp_path / "p.pdf"))
    assert texts(document) == [
        "The Participants intend to strengthen the capacity of the national authorities.",
        "A new paragraph.",
    ]
    assert document.blocks[0].page == 1 and document.blocks[1].page == 2


def test_line_end_hyphens_are_joined_and_real_hyphens_kept(tmp_path):
    pairs = [
        ("The Participants intend to support the implemen-", "tation of the annual plan."),
        ("Programs intend to provide comprehensive trauma-", "informed care to victims."),
        ("The Participants intend to adopt a broad Victim-", "centered approach in cases."),
        ("The Participants intend to agree on a new proce-", "dure for the annual review."),
        ("The Participants intend to agree on the procedure", "for the review of the plan."),
    ]
    pdf = Pdf()
    page = pdf.page()
    top = 72
    for first, second in pairs:
        assert len(first) >= 48  # full lines: the break was the line's end, not a new line
        top = page.lines(72, top, [first, second]) + 12
    document = read_pdf(pdf.save(tmp_path / "h.pdf"))
    assert texts(document) == [
        "The Participants intend to support the implementation of the annual plan.",
        "Programs intend to provide comprehensive trauma-informed care to victims.",
        "The Participants intend to adopt a broad Victim-centered approach in cases.",
        "The Participants intend to agree on a new procedure for the annual review.",
        "The Participants intend to agree on the procedure for the review of the plan.",
    ]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("implemen-", "tation", True),  # no word: a break
        ("trauma-", "informed", False),  # compound head
        ("Victim-", "centered", False),  # capital: never a break
        ("multi-", "year", False),  # compound prefix and head
        ("dix-", "huit", False),  # French compound number
        ("pro-", "gramme", True),
        ("child-", "protection", False),  # both halves are words of the document
        ("coordi-", "nation", True),
        ("the", "plan", None),  # no hyphen at all
        ("2017-", "2020", False),  # figures keep it
        ("CLÁUSULA OCTAVA.-", "SOSTENIBILIDAD", None),  # a dash after a stop: a space
        ("the plan -", "as agreed", None),  # a dash between words
    ],
)
def test_hyphen_rule(before, after, expected):
    vocabulary = Vocabulary()
    vocabulary.add_lines(["child protection is the plan of the year", "coordination"])
    assert hyphen_join(before, after, vocabulary) is expected


def test_hyphenated_form_seen_elsewhere_decides():
    vocabulary = Vocabulary()
    vocabulary.add_lines(["a well funded cost-sharing plan", "the costsharing plan"])
    assert join_lines(["the cost-", "sharing plan"], vocabulary) == "the cost-sharing plan"
    closed = Vocabulary()
    closed.add_lines(["the costsharing plan"])
    assert join_lines(["the cost-", "sharing plan"], closed) == "the costsharing plan"


# -- reading order ----------------------------------------------------------------------------


def _two_column_page(page, top=60, article=1):
    left = right = top
    left = page.paragraph(60, left, 320, f"Article {article}", bold=True)
    right = page.paragraph(412, right, 320, f"Artículo {article}", bold=True)
    for en, es in zip(EN, ES, strict=True):
        left = page.paragraph(60, left, 320, en)
        right = page.paragraph(412, right, 320, es)


def test_two_columns_read_left_then_right_per_page(tmp_path):
    pdf = Pdf()
    for article in (1, 2):
        _two_column_page(pdf.page(LANDSCAPE), article=article)
    document = read_pdf(pdf.save(tmp_path / "c.pdf"))
    for page in (1, 2):
        blocks = [b for b in document.blocks if b.page == page]
        assert [b.column for b in blocks] == [0] * 4 + [1] * 4
        assert [b.text for b in blocks] == [f"Article {page}", *EN, f"Artículo {page}", *ES]
        assert blocks[0].kind == "heading" and blocks[4].kind == "heading"


def test_full_width_title_then_two_columns(tmp_path):
    pdf = Pdf()
    page = pdf.page(LANDSCAPE)
    title = "Child Protection Compact Partnership - Alianza CPC"
    page.text((792 - text_width(title, 16)) / 2, 50, title, size=16, bold=True)
    _two_column_page(page, top=80)
    document = read_pdf(pdf.save(tmp_path / "t.pdf"))
    assert document.blocks[0].text == title and document.blocks[0].column is None
    assert document.blocks[0].kind == "heading"
    assert [b.column for b in document.blocks[1:]] == [0] * 4 + [1] * 4


def test_wide_spaces_of_justified_text_are_not_a_gutter(tmp_path):
    # three lines whose wide word gaps overlap by chance (a "river"): one column still
    lefts = [
        "The Participants intend to.",  # 27 characters: ends at 250.2
        "strengthen the capacity of t",  # 28: 256.8
        "the national authorities t",  # 26: 243.6
    ]
    rights = [
        "identify child victims and refer them to",  # 40: starts at 276
        "specialized services and report every y",  # 39: 282.6
        "ear on the progress made in every region.",  # 41: 269.4
    ]
    pdf = Pdf()
    page = pdf.page()
    for index, (left, right) in enumerate(zip(lefts, rights, strict=True)):
        baseline = 100 + index * 13.2
        page.text(72, baseline, left)
        page.text(540 - text_width(right, 11), baseline, right)
    document = read_pdf(pdf.save(tmp_path / "r.pdf"))
    assert all(b.column is None for b in document.blocks)
    expected = " ".join(f"{left} {right}" for left, right in zip(lefts, rights, strict=True))
    assert " ".join(texts(document)) == expected


def test_rotated_page_is_read_upright(tmp_path):
    pdf = Pdf()
    page = pdf.page(LANDSCAPE, rotate=90)
    top = page.paragraph(72, 72, 600, EN[0])
    page.paragraph(72, top, 600, EN[1])
    document = read_pdf(pdf.save(tmp_path / "rot.pdf"))
    assert texts(document) == EN[:2]


def test_sideways_page_without_rotate_entry_is_read_upright(tmp_path):
    # a landscape table or text drawn turned on a portrait page, no /Rotate: the text's
    # own direction decides
    pdf = Pdf()
    page = pdf.page(LANDSCAPE, rotate=90, declare_rotation=False)
    top = page.paragraph(72, 72, 600, EN[0])
    page.paragraph(72, top, 600, EN[1])
    document = read_pdf(pdf.save(tmp_path / "sideways.pdf"))
    assert texts(document) == EN[:2]
    assert document.warnings == ()


def test_diagonal_watermark_is_read_after_the_text_marked_rotated(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, EN[0])
    page.paragraph(72, top, 468, EN[1])
    page.text(150, 600, "DRAFT", size=90, angle=45)
    document = read_pdf(pdf.save(tmp_path / "watermark.pdf"))
    assert texts(document) == [*EN[:2], "DRAFT"]
    assert [b.origin for b in document.blocks] == [None, None, "rotated"]
    assert document.warnings == ()


# -- running headers, footers, page numbers -------------------------------------------------


@pytest.mark.parametrize("variant", ["page-of", "lone", "pagina"])
def test_running_headers_footers_and_page_numbers_are_removed(tmp_path, variant):
    document = read_pdf(pages_with_furniture(tmp_path, variant))
    body = [f"Article {n}" if i == 0 else EN[i - 1] for n in range(1, 5) for i in range(4)]
    assert texts(document) == body
    assert document.headers == ("Draft Compact - confidential",)
    if variant == "pagina":
        assert document.footers == ("Borrador CPC - página 1",)
    joined = " ".join(texts(document))
    assert "confidential" not in joined and "Page" not in joined
    assert not re.search(r"(^| )-? ?\d -?( |$)", joined)


def test_article_headings_at_the_top_of_each_page_are_kept(tmp_path):
    # "Article 1" on page 1, "Article 2" on page 2…: repeated with the page number, at the
    # same place, yet headings (bold), not running headers
    pdf = Pdf()
    for number in range(1, 5):
        page = pdf.page()
        top = page.paragraph(72, 50, 468, f"Article {number}", bold=True)
        page.paragraph(72, top, 468, EN[0])
    document = read_pdf(pdf.save(tmp_path / "a.pdf"))
    assert texts(document, "heading") == [f"Article {n}" for n in range(1, 5)]
    assert document.headers == ()


# -- headings and list items ------------------------------------------------------------------


def test_headings_and_list_items(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = 60
    for text, options in [
        ("Article 3", {}),
        ("Artículo 4", {}),
        ("ARTICLE III", {}),
        ("Purpose and scope", {"bold": True}),
        ("Financial Plan", {"size": 16}),
        (EN[0], {}),
        ("1. Improve the quality of investigations.", {}),
        ("(a) fund implementing partners;", {}),
        ("b) select implementing partners;", {}),
        ("\u2022 forced child labor in fishing;", {}),
        (
            "Article 3 of the Convention provides that the Participants cooperate in all matters.",
            {},
        ),
    ]:
        top = page.paragraph(72, top, 468, text, **options)
    document = read_pdf(pdf.save(tmp_path / "k.pdf"))
    assert [b.kind for b in document.blocks] == [
        "heading",
        "heading",
        "heading",
        "heading",
        "heading",
        "paragraph",
        "item",
        "item",
        "item",
        "item",
        "paragraph",
    ]
    assert document.blocks[9].text == "\u2022 forced child labor in fishing;"


def test_items_without_gaps_are_separate_blocks(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    page.lines(
        72,
        72,
        [
            "The Government of the United States intends to:",
            "(a) fund implementing partners through grants;",
            "(b) select implementing partners through a",
            "    competitive process; and",
            "(c) monitor the projects it funds.",
        ],
    )
    document = read_pdf(pdf.save(tmp_path / "i.pdf"))
    assert texts(document) == [
        "The Government of the United States intends to:",
        "(a) fund implementing partners through grants;",
        "(b) select implementing partners through a competitive process; and",
        "(c) monitor the projects it funds.",
    ]
    assert [b.kind for b in document.blocks] == ["paragraph", "item", "item", "item"]


# -- tables -----------------------------------------------------------------------------------

PLAN = [
    ["Program or initiative", "United States (USD)", "Peru (PEN)"],
    ["Victim-centered investigation and prosecution", "US$1,600,000", "PEN 2,800,000"],
    ["Community-based prevention", "US$1,100,000", "PEN 1,200,000"],
    ["Total", "US$5,000,000", "PEN 8,000,000"],
]


def test_ruled_table_rows_keep_their_cells(tmp_path):
    pdf = Pdf()
    page = pdf.page()
    top = page.paragraph(72, 72, 468, "The funding is set out in the following table:")
    bottom = page.grid(72, top, [200, 130, 130], PLAN)
    page.paragraph(72, bottom + 12, 468, "All amounts are estimates.")
    document = read_pdf(pdf.save(tmp_path / "t.pdf"))
    kinds = [b.kind for b in document.blocks]
    assert kinds == ["paragraph"] + ["table_row"] * 4 + ["paragraph"]
    rows = [b for b in document.blocks if b.kind == "table_row"]
    assert [list(b.cells) for b in rows] == PLAN
    assert [b.row for b in rows] == [0, 1, 2, 3] and {b.table for b in rows} == {1}
    assert rows[3].text == "Total | US$5,000,000 | PEN 8,000,000"
    # the cells' words are not read a second time as paragraphs
    paragraphs = " ".join(texts(document, "paragraph"))
    assert "US$" not in paragraphs and "Total" not in paragraphs


def test_table_continued_on_the_next_page_keeps_its_number(tmp_path):
    pdf = Pdf()
    first, second = pdf.page(), pdf.page()
    first.paragraph(72, 72, 468, "First table:")
    first.grid(72, 640, [200, 130, 130], PLAN[:3])
    second.grid(72, 60, [200, 130, 130], [PLAN[0], PLAN[3]])  # header repeated
    top = second.paragraph(72, 140, 468, "Second table:")
    second.grid(72, top, [200, 130], [["Year", "Amount"], ["2017", "US$500,000"]])
    document = read_pdf(pdf.save(tmp_path / "t2.pdf"))
    rows = [(b.table, b.row, b.page, b.cells) for b in document.blocks if b.kind == "table_row"]
    assert rows == [
        (1, 0, 1, tuple(PLAN[0])),
        (1, 1, 1, tuple(PLAN[1])),
        (1, 2, 1, tuple(PLAN[2])),
        (1, 3, 2, tuple(PLAN[3])),
        (2, 0, 2, ("Year", "Amount")),
        (2, 1, 2, ("2017", "US$500,000")),
    ]


def test_a_two_row_header_repeated_and_a_row_cut_by_the_page_break(tmp_path):
    """A results framework with a two-row header ("Targets" over the years) runs onto
    the next page: the page repeats the years' row, and the last row's indicator name
    is cut by the break. One table, its cut row whole, no header read as a row."""
    header = [
        ["No.", "Indicator", "Baseline", "Targets", "", ""],
        ["", "", "", "2027", "2028", "2029"],
    ]
    widths = [30, 200, 60, 50, 50, 50]
    first_row = ["1", "Cases investigated", "18", "25", "35", "45"]
    cut_row = ["2", "Vessels inspected", "30", "60", "90", "120"]
    pdf = Pdf()
    first, second = pdf.page(), pdf.page()
    top = first.paragraph(72, 72, 468, "Annex 2. Results framework")
    first.paragraph(72, top, 468, "Progress is measured for each indicator: the vessels inspected.")
    first.grid(72, 640, widths, [*header, first_row, cut_row])
    second.grid(72, 60, widths, [header[1], ["", "for child labour each year", "", "", "", ""]])
    document = read_pdf(pdf.save(tmp_path / "cut.pdf"))
    rows = [(b.table, b.cells) for b in document.blocks if b.kind == "table_row"]
    assert rows == [
        (1, tuple(header[0])),
        (1, tuple(header[1])),
        (1, tuple(first_row)),
        (1, ("2", "Vessels inspected for child labour each year", "30", "60", "90", "120")),
    ]


def test_ruled_side_by_side_layout_is_read_as_two_columns_not_a_table(tmp_path):
    # a bilingual draft laid out in a bordered two-column table: long texts in two cells
    pdf = Pdf()
    page = pdf.page(LANDSCAPE)
    rows = [[" ".join(EN), " ".join(ES)], [" ".join(reversed(EN)), " ".join(reversed(ES))]]
    page.grid(60, 60, [336, 336], rows, size=9, padding=6)
    document = read_pdf(pdf.save(tmp_path / "ruled-sbs.pdf"))
    assert "table_row" not in {b.kind for b in document.blocks}
    assert [(b.column, b.text) for b in document.blocks] == [
        (0, rows[0][0]),
        (0, rows[1][0]),
        (1, rows[0][1]),
        (1, rows[1][1]),
    ]


# -- tables that go on after a break --------------------------------------------------------


def _table_entry(x0: float, x1: float, top: float, column: int):
    from cpc_draft.readers.pdf.geometry import Entry, TableItem

    item = TableItem((x0, top, x1, top + 100), [[[]]], [[None]])
    return Entry(item, column, region=column, left=x0, right=x1)


def test_a_table_goes_on_in_the_next_column_or_page_but_not_beside_itself():
    """A two-column page: a table that ends the first column goes on at the head of the
    second (it starts higher up); the same table beside it, level with it, is the other
    language's version; and a table ending the page's last column goes on at the head of
    the next page's first column."""
    from cpc_draft.readers.pdf.table_flow import OpenTable, continued_table

    left = OpenTable(1, 50, 250, 500, 3, ["Year", "US", "Partner"], [])
    carried = {0: (4, left)}
    flowing = _table_entry(300, 500, 70, column=1)
    beside = _table_entry(300, 500, 500, column=1)
    narrower = _table_entry(300, 420, 70, column=1)
    assert continued_table(carried, None, 4, flowing, 3) is left
    assert continued_table(carried, None, 4, beside, 3) is None
    assert continued_table(carried, None, 4, narrower, 3) is None
    assert continued_table(carried, None, 4, flowing, 4) is None  # other columns
    right = OpenTable(2, 300, 500, 400, 3, ["Year", "US", "Partner"], [])
    next_page = _table_entry(50, 250, 70, column=0)
    assert continued_table({1: (4, right)}, (4, 1, right), 5, next_page, 3) is right
    assert continued_table({1: (4, right)}, (3, 1, right), 5, next_page, 3) is None
