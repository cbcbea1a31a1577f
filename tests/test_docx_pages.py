"""Pages of a Word draft, from the page breaks the file records: Word's rendered breaks
(``w:lastRenderedPageBreak``) and explicit ones (page breaks, "page break before", section
breaks starting a new page). A file Word did not lay out (no rendered break) has no pages,
rather than pages that may be false. Every .docx here is written by the test
(tests/docx_factory.py).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from docx_factory import cell, make_docx, p, r, row, table, text_box

from cpc_draft.cli import main
from cpc_draft.readers.docx import read_docx

RENDERED = r(inner="<w:lastRenderedPageBreak/>")
PAGE_BREAK = r(inner='<w:br w:type="page"/>')


def section(kind: str | None) -> str:
    """Paragraph properties ending a section (no type: Word's default, a new page)."""
    kind_element = f'<w:type w:val="{kind}"/>' if kind else ""
    return f"<w:sectPr>{kind_element}</w:sectPr>"


def pages(document) -> dict[str, int | None]:
    return {block.text: block.page for block in document.blocks}


def _draft_body(before_meetings: str, rendered: bool = True) -> str:
    """A short draft whose Article 3 starts after a break; Word's mark of it when
    ``rendered``."""
    mark = RENDERED if rendered else ""
    return "".join(
        (
            p("CHILD PROTECTION COMPACT PARTNERSHIP"),
            p("Article 1"),
            p("Objectives"),
            p("1. Increase the number of child trafficking cases investigated."),
            p(RENDERED if rendered else "", "Article 2"),
            p("Funding"),
            p("The United States intends to provide up to US$5,000,000."),
            before_meetings,
            p(mark, "Article 3"),
            p("Meetings"),
            p("The Parties shall meet every year to review progress."),
        )
    )


def test_rendered_breaks_give_each_block_its_page(tmp_path):
    path = make_docx(
        tmp_path / "word.docx",
        p("First page")
        + p("Runs over", RENDERED, "onto the second")  # starts on page 1
        + p(RENDERED, "Third page")
        + p("Still third"),
    )
    document = read_docx(path)
    assert pages(document) == {
        "First page": 1,
        "Runs overonto the second": 1,
        "Third page": 3,
        "Still third": 3,
    }
    assert document.pages == 3


def test_an_explicit_break_and_words_mark_of_it_count_once(tmp_path):
    path = make_docx(
        tmp_path / "explicit.docx",
        p("One")
        + p("Ends the page", PAGE_BREAK)
        + p(RENDERED, "Two")  # Word's mark of the break above
        + p("Before the section break", properties=section("nextPage"))
        + p(RENDERED, "Three")
        + p("Continuous", properties=section("continuous"))
        + p("Still three")
        + p("Four", properties="<w:pageBreakBefore/>")
        + p("Not a break", properties='<w:pageBreakBefore w:val="0"/>')
        + p("Section of no type", properties=section(None))
        + p("Five"),
    )
    assert pages(read_docx(path)) == {
        "One": 1,
        "Ends the page": 1,
        "Two": 2,
        "Before the section break": 2,
        "Three": 3,
        "Continuous": 3,
        "Still three": 3,
        "Four": 4,
        "Not a break": 4,
        "Section of no type": 4,
        "Five": 5,
    }


def test_explicit_breaks_beside_words_marks_are_breaks_added_since(tmp_path):
    path = make_docx(
        tmp_path / "edited.docx", p("One") + p(RENDERED, "Two", PAGE_BREAK) + p("Three")
    )
    document = read_docx(path)
    assert pages(document) == {"One": 1, "Two": 2, "Three": 3}
    assert document.pages == 3


@pytest.mark.parametrize("body", [p("One") + p("Two"), p("One", PAGE_BREAK) + p("Two")])
def test_a_file_word_did_not_lay_out_has_no_pages(tmp_path, body):
    # An explicit break alone says nothing of the pages the text before it fills.
    document = read_docx(make_docx(tmp_path / "made.docx", body))
    assert pages(document) == {"One": None, "Two": None}
    assert document.pages is None


def test_a_row_split_over_a_page_counts_the_break_once(tmp_path):
    # Word marks the break in each cell of a row that runs onto the next page.
    split = row(cell(p("Indicator"), p(RENDERED, "more")), cell(p("Target"), p(RENDERED, "more")))
    path = make_docx(
        tmp_path / "table.docx",
        p("Before")
        + table(row(cell(p("Name")), cell(p("Value"))), split, row(cell(p("A")), cell(p("B"))))
        + p("After"),
    )
    assert pages(read_docx(path)) == {
        "Before": 1,
        "Name | Value": 1,
        "Indicator\nmore | Target\nmore": 1,
        "A | B": 2,
        "After": 2,
    }


def test_breaks_in_a_text_box_do_not_move_the_body(tmp_path):
    box = text_box(p("Boxed", PAGE_BREAK), p(RENDERED, "still boxed"))
    path = make_docx(
        tmp_path / "box.docx",
        p("One", PAGE_BREAK, box) + p(RENDERED, "Two") + p("Also two"),  # Word's mark of it
    )
    assert pages(read_docx(path)) == {
        "One": 1,
        "Two": 2,
        "Boxed": 2,
        "still boxed": 2,
        "Also two": 2,
    }


def _check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_check_reports_article_and_page_of_a_word_draft(tmp_path):
    draft = make_docx(tmp_path / "draft.docx", _draft_body(p(PAGE_BREAK)))
    line = next(x for x in _check(str(draft)).output.splitlines() if "[binding-wording]" in x)
    assert line.endswith("(Article 3, page 3)")
    sarif = json.loads(_check(str(draft), "--format", "sarif").output)
    found = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "binding-wording")
    location = found["locations"][0]
    assert location["message"]["text"] == "Article 3, page 3"
    assert found["properties"]["page"] == 3
    assert "see Article 3, page 3</a>" in _check(str(draft), "--format", "html").output
    data = json.loads(_check(str(draft), "--format", "json").output)
    assert data["documents"][0]["pages"] == 3


@pytest.mark.parametrize("before_meetings", ["", p(PAGE_BREAK)])
def test_check_of_a_word_draft_word_did_not_lay_out_names_no_page(tmp_path, before_meetings):
    draft = make_docx(tmp_path / "draft.docx", _draft_body(before_meetings, rendered=False))
    line = next(x for x in _check(str(draft)).output.splitlines() if "[binding-wording]" in x)
    assert line.endswith("(Article 3)")


def test_a_flood_of_breaks_is_counted_once_each(tmp_path):
    # Each break costs a constant: 20,000 pages, and a row of 2,000 cells each breaking.
    many = "".join(p(RENDERED, f"Page {n}") for n in range(2, 20_002))
    wide = row(*(cell(p(RENDERED, "cell")) for _ in range(2_000)))
    path = make_docx(tmp_path / "flood.docx", p("Page 1") + many + table(wide) + p("Last"))
    document = read_docx(path)
    assert document.blocks[0].page == 1 and document.blocks[20_000].page == 20_001
    assert document.blocks[-1].text == "Last" and document.blocks[-1].page == 20_002
    assert document.pages == 20_002
