"""The Word reader: structure, kinds, runs, content controls, notes, side-by-side layout."""

from __future__ import annotations

import docx
from docx_factory import SIDE_BY_SIDE_EN as ENGLISH
from docx_factory import SIDE_BY_SIDE_ES as SPANISH
from docx_factory import (
    cell,
    make_docx,
    p,
    patch_zip,
    python_docx_bytes,
    r,
    row,
    sdt,
    table,
    text_box,
    text_table,
    vml_text_box,
)

from cpc_draft.readers.docx import read_docx


def texts(document) -> list[str]:
    return [block.text for block in document.blocks]


def kinds(document) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in document.blocks]


# -- ordinary documents ---------------------------------------------------------------------


def test_python_docx_document_kinds_order_tables_headers(tmp_path):
    document = docx.Document()
    document.add_heading("Child Protection Compact", 0)
    document.add_heading("Article 1", 1)
    document.add_paragraph("The Participants intend to work together.")
    document.add_paragraph("first objective", style="List Number")
    document.add_paragraph("second objective", style="List Number")
    document.add_paragraph("a bullet point", style="List Bullet")
    document.add_paragraph("3.\tliteral label, as our drafts write it")
    document.add_paragraph("(b) lettered label")
    grid = document.add_table(rows=2, cols=3)
    for row_index, values in enumerate([("Year", "USD", "PEN"), ("2017", "500,000", "1,2")]):
        for column, value in enumerate(values):
            grid.cell(row_index, column).text = value
    document.add_paragraph("After the table.")
    document.sections[0].header.paragraphs[0].text = "DRAFT — for discussion"
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    path = tmp_path / "plain.docx"
    path.write_bytes(python_docx_bytes(document))

    read = read_docx(path)

    assert read.format == "docx" and read.pages is None and read.path == str(path)
    assert kinds(read) == [
        ("heading", "Child Protection Compact"),
        ("heading", "Article 1"),
        ("paragraph", "The Participants intend to work together."),
        ("item", "1.\tfirst objective"),
        ("item", "2.\tsecond objective"),
        ("item", "•\ta bullet point"),
        ("item", "3.\tliteral label, as our drafts write it"),
        ("item", "(b) lettered label"),
        ("table_row", "Year | USD | PEN"),
        ("table_row", "2017 | 500,000 | 1,2"),
        ("paragraph", "After the table."),
    ]
    rows = [block for block in read.blocks if block.kind == "table_row"]
    assert [(block.table, block.row, block.cells) for block in rows] == [
        (0, 0, ("Year", "USD", "PEN")),
        (0, 1, ("2017", "500,000", "1,2")),
    ]
    assert [block.index for block in read.blocks] == list(range(len(read.blocks)))
    assert all(block.language is None and block.column is None for block in read.blocks)
    assert read.headers == ("DRAFT — for discussion",)
    assert read.footers == ("Page footer",)
    assert "Page footer" not in " ".join(texts(read))
    assert read.warnings == () and read.revisions == ()


NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="(%2)"/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
    <w:lvlText w:val="%1.%2.%3"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="ARTICLE %1"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def numbered(text: str, num_id: int, level: int = 0, style: str | None = None) -> str:
    properties = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(text, style=style, properties=properties)


def test_word_numbering_is_rendered_as_the_reader_sees_it(tmp_path):
    body = "".join(
        [
            numbered("Purpose", 2, style="Heading1"),
            numbered("first", 1),
            numbered("sub one", 1, 1),
            numbered("deep", 1, 2),
            numbered("sub two", 1, 1),
            numbered("second", 1),
            numbered("sub again", 1, 1),
            numbered("Objectives", 2, style="Heading1"),
            numbered("restarted list", 3),
            numbered("   ", 3),  # an empty numbered paragraph: counted by Word, not a block
            numbered("after the empty one", 3),
        ]
    )
    path = make_docx(tmp_path / "numbered.docx", body, parts={"word/numbering.xml": NUMBERING})
    assert kinds(read_docx(path)) == [
        ("heading", "ARTICLE I Purpose"),
        ("item", "1.\tfirst"),
        ("item", "(a) sub one"),
        ("item", "1.a.ideep"),
        ("item", "(b) sub two"),
        ("item", "2.\tsecond"),
        ("item", "(a) sub again"),  # a higher level restarts the lower ones
        ("heading", "ARTICLE II Objectives"),
        ("item", "1.\trestarted list"),  # startOverride restarts the shared list
        ("item", "3.\tafter the empty one"),
    ]


def test_run_content_characters_fields_links_and_hidden_text(tmp_path):
    body = p(
        r("Tab", "<w:tab/>"),
        r("line", "<w:br/>"),
        r("next", "<w:cr/>"),
        r("non", "<w:noBreakHyphen/>"),
        r(
            "binding co",
            '<w:softHyphen/><w:t>operation</w:t><w:sym w:font="Symbol" w:char="F0B7"/>',
        ),
        '<w:hyperlink r:id="rId99"><w:r><w:t xml:space="preserve"> link</w:t></w:r></w:hyperlink>',
        '<w:smartTag w:uri="u" w:element="place"><w:r><w:t xml:space="preserve"> Lima</w:t>'
        "</w:r></w:smartTag>",
        '<w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve"> 2017</w:t></w:r>'
        "</w:fldSimple>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://secret.example" </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t xml:space="preserve"> result</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        r(" hidden", properties="<w:vanish/>"),
        r(" shown", properties='<w:vanish w:val="0"/>'),
    )
    read = read_docx(make_docx(tmp_path / "runs.docx", body))
    assert texts(read) == ["Tab\tline\nnext\nnon-binding cooperation link Lima 2017 result shown"]


# -- content controls, notes, text boxes, nested tables --------------------------------------


def test_content_controls_at_every_level_carry_the_clause(tmp_path):
    body = "".join(
        [
            sdt(p("Article 3", style="Heading2") + p("Objectives text."), "cpc:objectives@1.0.0"),
            sdt(p("Not ours."), "reviewer-note"),
            sdt(
                p("Outer clause.") + sdt(p("Inner clause."), "cpc:inner@2.1.0"),
                "cpc:outer@1.0.0",
            ),
            p("Run-level ", sdt(r("control"), "cpc:ignored@1"), " text."),
            table(
                sdt(row(cell(p("row-level control")), cell(p("x"))), "cpc:plan@1.0.0"),
                row(sdt(cell(p("cell-level control")), "cpc:cell@1.0.0"), cell(p("y"))),
            ),
        ]
    )
    read = read_docx(make_docx(tmp_path / "controls.docx", body))
    assert [(block.text, block.clause) for block in read.blocks] == [
        ("Article 3", "objectives@1.0.0"),
        ("Objectives text.", "objectives@1.0.0"),
        ("Not ours.", None),
        ("Outer clause.", "outer@1.0.0"),
        ("Inner clause.", "inner@2.1.0"),
        ("Run-level control text.", None),
        ("row-level control | x", "plan@1.0.0"),
        ("cell-level control | y", "cell@1.0.0"),
    ]
    assert read.blocks[0].kind == "heading"


def test_footnotes_endnotes_headers_and_properties_apart_from_the_body(tmp_path):
    body = p("Body text", '<w:r><w:footnoteReference w:id="1"/></w:r>', ".")
    path = make_docx(
        tmp_path / "notes.docx",
        body,
        headers=("Header one", "Header two", "Header one"),
        footers=("Footer",),
        footnotes=("22 U.S.C. § 7103a.", "Second note."),
        endnotes=("An endnote.",),
        properties={"cpc-layout": "sequential", "reviewer": "Ana"},
    )
    read = read_docx(path)
    assert texts(read) == ["Body text."]
    assert read.footnotes == ("22 U.S.C. § 7103a.", "Second note.", "An endnote.")
    assert read.headers == ("Header one", "Header two")  # distinct texts, in part order
    assert read.footers == ("Footer",)
    assert read.properties == {"cpc-layout": "sequential", "reviewer": "Ana"}


def test_text_boxes_are_read_once_after_their_anchor(tmp_path):
    body = "".join(
        [
            p("Before the box ", text_box(p("Inside the box."), p("Second box line.")), "end."),
            p("After."),
            p("Old box: ", vml_text_box(p("VML text."))),
        ]
    )
    read = read_docx(make_docx(tmp_path / "boxes.docx", body))
    assert texts(read) == [
        "Before the box end.",
        "Inside the box.",
        "Second box line.",
        "After.",
        "Old box:",
        "VML text.",
    ]


def test_nested_table_rows_follow_the_row_that_holds_them(tmp_path):
    inner = text_table([["inner a", "inner b"], ["inner c", "inner d"]])
    body = table(
        row(cell(p("Program"), inner, p("after inner")), cell(p("Amount"))),
        row(cell(p("Total")), cell(p("US$5,000,000"))),
    ) + text_table([["next table"]])
    read = read_docx(make_docx(tmp_path / "nested.docx", body))
    assert [(block.table, block.row, block.cells) for block in read.blocks] == [
        (0, 0, ("Program\nafter inner", "Amount")),
        (1, 0, ("inner a", "inner b")),
        (1, 1, ("inner c", "inner d")),
        (0, 1, ("Total", "US$5,000,000")),
        (2, 0, ("next table",)),
    ]


# -- side-by-side layout ---------------------------------------------------------------------


def test_a_bilingual_table_is_split_into_columns_not_rows(tmp_path):
    layout = table(
        row(
            cell(p("Article 1", style="Heading2"), p(ENGLISH)),
            cell(p("Artículo 1", style="Heading2"), p(SPANISH)),
        ),
        row(
            cell(p(ENGLISH), text_table([["Total", "US$5,000,000"]])),
            cell(p(SPANISH), text_table([["Total", "5.000.000 USD"]])),
        ),
    )
    signatures = text_table([["FOR THE UNITED STATES:", "FOR PERU:"]])
    read = read_docx(make_docx(tmp_path / "bilingual.docx", layout + signatures))
    assert [(block.kind, block.row, block.column, block.text[:12]) for block in read.blocks] == [
        ("heading", 0, 0, "Article 1"),
        ("paragraph", 0, 0, ENGLISH[:12]),
        ("heading", 0, 1, "Artículo 1"),
        ("paragraph", 0, 1, SPANISH[:12]),
        ("paragraph", 1, 0, ENGLISH[:12]),
        ("table_row", 1, 0, "Total | US$5"),
        ("paragraph", 1, 1, SPANISH[:12]),
        ("table_row", 1, 1, "Total | 5.00"),
        ("table_row", 0, None, "FOR THE UNIT"),  # two short cells: a data row, not a layout
    ]
    assert [block.table for block in read.blocks if block.kind == "table_row"] == [0, 1, 2]


def test_a_data_table_with_long_text_in_one_column_stays_rows(tmp_path):
    rows = [["Program", "Description"], ["Prevention", ENGLISH], ["Protection", ENGLISH]]
    read = read_docx(make_docx(tmp_path / "data.docx", text_table(rows)))
    assert [block.kind for block in read.blocks] == ["table_row"] * 3
    assert all(block.column is None for block in read.blocks)


# -- odd but valid packages ----------------------------------------------------------------


def test_strict_open_xml_namespace_reads(tmp_path):
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    path = make_docx(tmp_path / "plain.docx", p("Strict paragraph."))
    import zipfile

    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    xml = xml.replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict)
    strict_path = patch_zip(path, tmp_path / "strict.docx", {"word/document.xml": xml})
    assert texts(read_docx(strict_path)) == ["Strict paragraph."]


def test_an_empty_document_says_so(tmp_path):
    read = read_docx(make_docx(tmp_path / "empty.docx", p() + p("   ")))
    assert read.blocks == ()
    assert read.warnings == ("no text in the document body",)
