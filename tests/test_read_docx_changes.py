"""The Word reader and tracked changes: text read as accepted, every change reported."""

from __future__ import annotations

from docx_factory import (
    DATE,
    cell,
    delete,
    ins,
    make_docx,
    p,
    r,
    row,
    table,
)

from cpc_draft.model import Revision
from cpc_draft.readers.docx import read_docx


def texts(document) -> list[str]:
    return [block.text for block in document.blocks]


# -- tracked changes ------------------------------------------------------------------------


def test_tracked_changes_read_as_accepted_and_reported(tmp_path):
    body = "".join(
        [
            p(
                "The Participants ",
                ins("intend to ", "Ana", "2024-03-01T10:00:00Z"),
                delete("shall ", "Ben", "2024-03-02T11:00:00Z"),
                "cooperate.",
            ),
            p("Article 2", style="Heading2"),
            # a wholly deleted paragraph (runs and mark): gone, reported at the next block
            p(
                delete("Obsolete sentence.", "Ben"),
                properties="<w:rPr><w:del w:id='9' "
                "w:author='Ben' w:date='2024-03-02T11:00:00Z'/></w:rPr>",
            ),
            p("Funding is ", ins("five million", "Ana"), delete("four million", "Ana"), "."),
            # a deleted paragraph mark joins this paragraph to the next
            p(
                "Joined ",
                properties="<w:rPr><w:del w:id='10' w:author='Ben' "
                "w:date='2024-03-02T11:00:00Z'/></w:rPr>",
            ),
            p("together."),
            p(
                "Moved: ",
                '<w:moveFrom w:id="20" w:author="Ana" w:date="2024-03-01T10:00:00Z">'
                "<w:r><w:t>old place</w:t></w:r></w:moveFrom>",
                '<w:moveTo w:id="21" w:author="Ana" w:date="2024-03-01T10:00:00Z">'
                "<w:r><w:t>new place</w:t></w:r></w:moveTo>",
            ),
            p(
                r(
                    "Bold now",
                    properties="<w:b/><w:rPrChange w:id='30' w:author='Ana' "
                    "w:date='2024-03-01T10:00:00Z'><w:rPr/></w:rPrChange>",
                )
            ),
        ]
    )
    read = read_docx(make_docx(tmp_path / "changes.docx", body))

    assert texts(read) == [
        "The Participants intend to cooperate.",
        "Article 2",
        "Funding is five million.",
        "Joined together.",
        "Moved: new place",
        "Bold now",
    ]
    assert read.revisions == (
        Revision("insertion", "Ana", "2024-03-01T10:00:00Z", "intend to ", 0),
        Revision("deletion", "Ben", "2024-03-02T11:00:00Z", "shall ", 0),
        Revision("deletion", "Ben", DATE, "Obsolete sentence.", 2),
        Revision("insertion", "Ana", DATE, "five million", 2),
        Revision("deletion", "Ana", DATE, "four million", 2),
    )
    assert read.warnings == (
        "2 insertions, 3 deletions, 1 moved-from passage, 1 moved-to passage, "
        "2 paragraph-mark changes and 1 formatting change are not accepted (tracked changes)",
    )


def test_tracked_changes_in_tables_headers_and_deleted_rows(tmp_path):
    deleted_row = (
        "<w:tr><w:trPr><w:del w:id='40' w:author='Ben' w:date='2024-03-02T11:00:00Z'/></w:trPr>"
        + cell(p(delete("2016", "Ben")))
        + cell(p(delete("US$1", "Ben")))
        + "</w:tr>"
    )
    body = table(
        row(cell(p("Year")), cell(p("Amount"))),
        deleted_row,
        row(cell(p("2017")), cell(p("US$", ins("500,000", "Ana")))),
    )
    # a tracked insertion in the header too: read, and reported with no block
    header = p("Draft ", ins("v2", "Cleo"))
    read = read_docx(make_docx(tmp_path / "table-changes.docx", body, headers=(header,)))
    assert [block.cells for block in read.blocks] == [("Year", "Amount"), ("2017", "US$500,000")]
    assert [block.row for block in read.blocks] == [0, 2]  # row numbers are positions
    assert read.headers == ("Draft v2",)
    assert [(rev.kind, rev.text, rev.block) for rev in read.revisions] == [
        ("deletion", "2016", 1),
        ("deletion", "US$1", 1),
        ("insertion", "500,000", 1),
        ("insertion", "v2", None),
    ]
    assert read.warnings == (
        "2 insertions, 2 deletions and 1 table row change are not accepted (tracked changes)",
    )


def test_one_change_is_singular(tmp_path):
    read = read_docx(make_docx(tmp_path / "one.docx", p("A ", ins("new", "Ana"), " text")))
    assert read.warnings == ("1 insertion is not accepted (tracked changes)",)


# -- tables typed as lines of pipes ---------------------------------------------------------


def test_pipe_rows_typed_as_paragraphs_are_read_as_a_table(tmp_path):
    """A text draft pasted into Word keeps its Markdown table as paragraphs of pipes: they
    are a table, the rule under the header is dropped, and a tracked change after the
    table still points at its own paragraph. One line with pipes in prose stays prose."""
    from cpc_draft.readers import read_document

    body = "".join(
        [
            p("The Participants intend to fund the following programs:"),
            p("| Program | United States (USD) | Norland (USD) |"),
            p("|---|---|---|"),
            p("| Justice for children | 1,500,000 | 600,000 |"),
            p("| Care and recovery | 2,000,000 | 900,000 |"),
            p("Each | Participant | intends to report on its contribution every year."),
            p("The Participants ", ins("intend to", "Ana"), " meet every year."),
        ]
    )
    read = read_document(make_docx(tmp_path / "pasted.docx", body))
    rows = [block for block in read.blocks if block.kind == "table_row"]
    assert [block.cells for block in rows] == [
        ("Program", "United States (USD)", "Norland (USD)"),
        ("Justice for children", "1,500,000", "600,000"),
        ("Care and recovery", "2,000,000", "900,000"),
    ]
    assert {block.table for block in rows} == {0} and [b.row for b in rows] == [0, 1, 2]
    assert [block.index for block in read.blocks] == list(range(len(read.blocks)))
    (revision,) = read.revisions
    assert read.blocks[revision.block].text == "The Participants intend to meet every year."
    assert read.blocks[revision.block - 1].kind == "paragraph"
