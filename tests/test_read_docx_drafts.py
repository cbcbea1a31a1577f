"""The Word reader on our own drafts: clauses, properties, tables, both layouts, LibreOffice."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, requires_libreoffice
from docx_factory import patch_zip

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.readers import read_document
from cpc_draft.readers.docx import read_docx
from cpc_draft.render.docx import write_docx
from cpc_draft.render.pdf import convert_with_libreoffice

# -- our own drafts -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def peru(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    folder = tmp_path_factory.mktemp("peru")
    drafts = {}
    for layout in ("sequential", "side-by-side"):
        draft = build_draft(ROOT / "examples/peru.yaml", AssembleOptions(layout=layout))
        path = folder / f"peru-{layout}.docx"
        write_docx(draft, path)
        drafts[layout] = (draft, path)
    return drafts


def article_headings(blocks) -> list[str]:
    return [b.text for b in blocks if b.kind == "heading" and b.text.startswith("Article ")]


def assert_financial_plan(blocks) -> None:
    rows = [block.cells for block in blocks if block.kind == "table_row"]
    assert ("Total", "US$5,000,000", "PEN 8,000,000") in rows
    assert ("2017", "US$500,000", "PEN 1,200,000") in rows


@pytest.mark.parametrize("layout", ["sequential", "side-by-side"])
def test_our_draft_comes_back_with_clauses_properties_and_tables(peru, layout):
    draft, path = peru[layout]
    read = read_docx(path)
    assert read.properties == draft.properties
    expected_tags = [section.tag.removeprefix("cpc:") for section in draft.sections]
    # sequential: each language in turn; side by side: a row per clause
    assert list(dict.fromkeys(block.clause for block in read.blocks)) == expected_tags
    assert all(block.clause for block in read.blocks)
    english = [b for b in read.blocks if layout == "sequential" or b.column == 0]
    articles = article_headings(english)
    assert articles == [f"Article {number}" for number in range(1, len(articles) + 1)]
    assert len(articles) >= 10
    objectives = next(b for b in read.blocks if b.text == "Article 3")
    assert objectives.clause == "objectives@1.0.0" and objectives.kind == "heading"
    assert_financial_plan(read.blocks)
    items = [b for b in read.blocks if b.clause == "objectives@1.0.0" and b.kind == "item"]
    assert items and items[0].text.startswith("1.\t")
    assert read.warnings == () and read.revisions == ()


def test_side_by_side_draft_keeps_languages_apart_and_aligned(peru):
    draft, path = peru["side-by-side"]
    read = read_docx(path)
    assert {block.column for block in read.blocks} == {0, 1}
    rows: dict[int, dict[int, list]] = {}
    for block in read.blocks:
        rows.setdefault(block.row, {}).setdefault(block.column, []).append(block)
    # one outer row per clause; the signatures share the row of "Done at …"
    sections = [section for section in draft.sections if section.kind != "signatures"]
    assert sorted(rows) == list(range(len(sections)))
    for number, columns in rows.items():
        english, spanish = columns[0], columns[1]
        # all of column 0, then all of column 1, for each row
        assert max(b.index for b in english) < min(b.index for b in spanish)
        assert {b.clause for b in english} == {b.clause for b in spanish}
        assert sections[number].tag == f"cpc:{english[0].clause}"
    spanish_articles = [b.text for b in read.blocks if b.column == 1 and b.text.startswith("Art")]
    assert spanish_articles[:3] == ["Artículo 1", "Artículo 2", "Artículo 3"]
    assert_financial_plan(b for b in read.blocks if b.column == 0)
    assert ("Total", "5.000.000\u00a0USD", "8.000.000\u00a0PEN") in [
        b.cells for b in read.blocks if b.column == 1
    ]


def test_side_by_side_tables_come_back_in_their_clause_row_and_column(peru):
    """The data tables are set between layout tables (so their header rows repeat);
    each is read in the row of its clause, in its language's column."""
    _, path = peru["side-by-side"]
    read = read_docx(path)
    rows = [b for b in read.blocks if b.kind == "table_row"]
    assert rows and {b.column for b in rows} == {0, 1}
    rows = [b for b in rows if not b.clause.startswith("signatures@")]  # beside "Done at"
    for number in {b.row for b in rows}:
        in_row = [b for b in read.blocks if b.row == number]
        assert len({b.clause for b in in_row}) == 1
        english, partner = ([b for b in in_row if b.column == c] for c in (0, 1))
        assert [len(b.cells) for b in english if b.kind == "table_row"] == [
            len(b.cells) for b in partner if b.kind == "table_row"
        ]
        assert english[0].kind == partner[0].kind == "heading"  # one row, not cut in two


def test_side_by_side_without_its_tags_reads_the_same(peru, tmp_path):
    """Another program may drop our content-control tags: the layout's structure alone
    puts the tables in their clause's row."""
    _, path = peru["side-by-side"]
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode("utf-8")
    untagged = re.sub(r"<w:tag [^>]*/>", "", body)
    assert untagged != body
    stripped = patch_zip(path, tmp_path / "untagged.docx", {"word/document.xml": untagged})
    seen = [(b.kind, b.text, b.row, b.column, b.table) for b in read_docx(stripped).blocks]
    assert seen == [(b.kind, b.text, b.row, b.column, b.table) for b in read_docx(path).blocks]


def test_read_document_dispatches_and_detects_both_languages(peru):
    _, path = peru["side-by-side"]
    read = read_document(path)
    assert read.format == "docx"
    assert set(read.languages) == {"en", "es"}
    objectives = [b for b in read.blocks if b.clause == "objectives@1.0.0" and b.kind == "item"]
    assert {b.language for b in objectives if b.column == 0} == {"en"}
    assert {b.language for b in objectives if b.column == 1} == {"es"}


@requires_libreoffice
def test_a_draft_saved_by_libreoffice_still_reads(peru, tmp_path):
    sources = [str(peru[layout][1]) for layout in ("sequential", "side-by-side")]
    convert_with_libreoffice(
        [Path(source) for source in sources], tmp_path / "out", to="docx:MS Word 2007 XML"
    )
    for layout in ("sequential", "side-by-side"):
        draft, original = peru[layout]
        converted = tmp_path / "out" / f"peru-{layout}.docx"
        assert converted.read_bytes() != original.read_bytes()
        read = read_docx(converted)
        # LibreOffice keeps the custom properties but drops the content-control tags
        assert read.properties == draft.properties
        ours = read_docx(original)
        english = [b for b in read.blocks if layout == "sequential" or b.column == 0]
        assert article_headings(english) == article_headings(
            [b for b in ours.blocks if layout == "sequential" or b.column == 0]
        )
        assert_financial_plan(read.blocks)
        if layout == "side-by-side":  # no tags left: the prose heuristic finds the layout
            assert {b.column for b in read.blocks} == {0, 1}
        assert [(b.kind, b.text, b.row, b.column) for b in read.blocks] == [
            (b.kind, b.text, b.row, b.column) for b in ours.blocks
        ]
