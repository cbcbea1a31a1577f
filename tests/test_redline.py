"""The Word redline: every change a tracked change that Word and LibreOffice show, accept and
reject; accepted-all it is the new version, rejected-all the old one."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pdfplumber
import pytest
from conftest import convert_to_pdf, requires_libreoffice
from docx import Document
from lxml import etree
from redline_helpers import W, libreoffice_accept_and_reject, main_part, reject_all, w

from cpc_draft.readers import read_document
from cpc_draft.render.redline import RedlineBlock, RedlineSpan, redline_docx

AUTHOR = "cpc-draft <reviewer> & co"
DATE = datetime(2026, 11, 22, 8, 0, 0, 654_321, tzinfo=UTC)
STAMP = "2026-11-22T08:00:00Z"


def same(text: str) -> RedlineSpan:
    return RedlineSpan("equal", text)


def added(text: str) -> RedlineSpan:
    return RedlineSpan("insert", text)


def removed(text: str) -> RedlineSpan:
    return RedlineSpan("delete", text)


def row(*cells: tuple[RedlineSpan, ...] | str, change: str | None = None, table: int = 0):
    return RedlineBlock(
        "table_row",
        cells=tuple((same(cell),) if isinstance(cell, str) else cell for cell in cells),
        change=change,
        table=table,
    )


EVALUATION = "Article 7 — Évaluation"
EVALUATION_TEXT = "Les Parties évaluent les progrès « chaque année »."
HOSTILE = "Escape <w:t>& \"quotes\" 'single'\x01\x0b ctl\x7f "

# Versions of one compact in English, Spanish and French with known edits: a changed amount,
# an inserted and a deleted paragraph, a moved article (heading + paragraph), a table with
# a changed cell, an inserted and a deleted row, words added to a list item, hostile text.
BLOCKS = [
    RedlineBlock("heading", (same("Article 1 — Purpose"),)),
    RedlineBlock(
        "paragraph",
        (
            same("The United States will contribute "),
            removed("USD 5,000,000"),
            added("USD 6,500,000"),
            same(" over four years."),
        ),
    ),
    RedlineBlock(
        "paragraph",
        (same("El Gobierno de la República aportará recursos en especie."),),
        change="insert",
    ),
    RedlineBlock(
        "paragraph",
        (same("Le Gouvernement s'engage à réviser la législation pénale."),),
        change="delete",
    ),
    RedlineBlock("heading", (same(EVALUATION),), change="move_from", move_name="article 7"),
    RedlineBlock("paragraph", (same(EVALUATION_TEXT),), change="move_from", move_name="article 7"),
    RedlineBlock("heading", (same("Artículo 2 — Cooperación"),)),
    RedlineBlock(
        "item",
        (same("(a)\tFortalecer el sistema "), added("nacional "), same("de protección.")),
    ),
    RedlineBlock("heading", (added("Article 3 — Monitoring"),), change="insert"),
    RedlineBlock("paragraph", (same("The Parties meet twice a year."),)),
    RedlineBlock("heading", (same(EVALUATION),), change="move_to", move_name="article 7"),
    RedlineBlock("paragraph", (same(EVALUATION_TEXT),), change="move_to", move_name="article 7"),
    row("Indicator", "Baseline", "Target 2027"),
    row("Children in family care", "1,200", (removed("2,000"), added("2,400"))),
    row("Trained social workers", "150", "600", change="insert"),
    row("Courts with child-friendly rooms", "3", "10", change="delete"),
    RedlineBlock("paragraph", (same(HOSTILE), added("</w:p>"), same("\tTab\nsecond line"))),
    RedlineBlock("heading", (removed("Article 9 — Final provisions"),), change="delete"),
    RedlineBlock("paragraph", (same("Term: "), removed("five"), added("seven"), same(" years."))),
    RedlineBlock("paragraph", (same("Hecho en dos ejemplares."),), change="delete"),
]

CLEAN_HOSTILE = "Escape <w:t>& \"quotes\" 'single' ctl\x7f"
NEW = [
    ("heading", "Article 1 — Purpose"),
    ("paragraph", "The United States will contribute USD 6,500,000 over four years."),
    ("paragraph", "El Gobierno de la República aportará recursos en especie."),
    ("heading", "Artículo 2 — Cooperación"),
    ("item", "(a)\tFortalecer el sistema nacional de protección."),
    ("heading", "Article 3 — Monitoring"),
    ("paragraph", "The Parties meet twice a year."),
    ("heading", EVALUATION),
    ("paragraph", EVALUATION_TEXT),
    ("table_row", "Indicator | Baseline | Target 2027"),
    ("table_row", "Children in family care | 1,200 | 2,400"),
    ("table_row", "Trained social workers | 150 | 600"),
    ("paragraph", CLEAN_HOSTILE + " </w:p>\tTab\nsecond line"),
    ("paragraph", "Term: seven years."),
]
OLD = [
    ("heading", "Article 1 — Purpose"),
    ("paragraph", "The United States will contribute USD 5,000,000 over four years."),
    ("paragraph", "Le Gouvernement s'engage à réviser la législation pénale."),
    ("heading", EVALUATION),
    ("paragraph", EVALUATION_TEXT),
    ("heading", "Artículo 2 — Cooperación"),
    ("item", "(a)\tFortalecer el sistema de protección."),
    ("paragraph", "The Parties meet twice a year."),
    ("table_row", "Indicator | Baseline | Target 2027"),
    ("table_row", "Children in family care | 1,200 | 2,000"),
    ("table_row", "Courts with child-friendly rooms | 3 | 10"),
    ("paragraph", CLEAN_HOSTILE + " \tTab\nsecond line"),
    ("heading", "Article 9 — Final provisions"),
    ("paragraph", "Term: five years."),
    ("paragraph", "Hecho en dos ejemplares."),
]


@pytest.fixture(scope="module")
def package() -> bytes:
    return redline_docx(BLOCKS, author=AUTHOR, date=DATE, title="Peru compact: draft 3 → 4")


@pytest.fixture(scope="module")
def redline(package, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("redline") / "redline.docx"
    path.write_bytes(package)
    return path


def blocks_of(path: Path) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in read_document(path).blocks]


def body(package: bytes) -> etree._Element:
    return etree.fromstring(main_part(package)).find(w("body"))


def empty_paragraphs(path: Path) -> int:
    """Body paragraphs with no text at all (tables' cells aside)."""
    return sum(1 for paragraph in Document(str(path)).paragraphs if not paragraph.text)


def spacers(package: bytes) -> int:
    """Empty paragraphs the redline puts before tables and at the end, in both versions."""
    return sum(
        1 for child in body(package) if child.tag == w("p") and not "".join(child.itertext())
    )


# -- accept-all and reject-all -----------------------------------------------------------------


def test_accepted_all_is_the_new_version(redline):
    assert blocks_of(redline) == NEW


def test_rejected_all_is_the_old_version(package, tmp_path):
    path = tmp_path / "rejected.docx"
    path.write_bytes(reject_all(package))
    document = read_document(path)
    assert [(block.kind, block.text) for block in document.blocks] == OLD
    assert document.revisions == ()
    assert "tracked changes" not in " ".join(document.warnings)


def test_whole_blocks_leave_no_empty_paragraph_behind(package, redline, tmp_path):
    rejected = tmp_path / "rejected.docx"
    rejected.write_bytes(reject_all(package))
    assert spacers(package) == 2  # before the table (after a move) and at the end
    assert empty_paragraphs(rejected) == spacers(package)


def test_the_reader_lists_the_unaccepted_changes(redline):
    document = read_document(redline)
    changes = {(revision.kind, revision.text) for revision in document.revisions}
    assert ("deletion", "USD 5,000,000") in changes
    assert ("insertion", "USD 6,500,000") in changes
    assert ("insertion", "Trained social workers") in changes
    assert ("deletion", "Hecho en dos ejemplares.") in changes
    assert {(revision.author, revision.date) for revision in document.revisions} == {
        ("cpc-draft <reviewer> & co", STAMP)
    }
    assert "2 moved-from passages, 2 moved-to passages" in document.warnings[0]


# -- the markup ------------------------------------------------------------------------------


REVISIONS = ("ins", "del", "moveFrom", "moveTo")


def test_every_change_has_author_date_and_its_own_id(package):
    root = body(package)
    changes = list(root.iter(*(w(name) for name in REVISIONS)))
    starts = list(root.iter(w("moveFromRangeStart"), w("moveToRangeStart")))
    assert len(changes) > 20
    for element in changes + starts:
        assert element.get(w("author")) == AUTHOR
        assert element.get(w("date")) == STAMP
    ids = [element.get(w("id")) for element in changes + starts]
    assert len(ids) == len(set(ids)), "w:id values must be unique"
    assert all(identifier.isdigit() for identifier in ids)


def test_changes_are_marked_where_word_looks_for_them(package):
    root = body(package)

    def count(path: str) -> int:
        return len(root.xpath(path, namespaces={"w": W}))

    assert count("//w:pPr/w:rPr/w:ins") == 2  # inserted paragraph and heading
    assert count("//w:pPr/w:rPr/w:del") == 3  # deleted paragraphs and heading
    assert count("//w:pPr/w:rPr/w:moveFrom") == count("//w:pPr/w:rPr/w:moveTo") == 2
    assert count("//w:trPr/w:ins") == count("//w:trPr/w:del") == 1
    assert count("//w:del//w:t | //w:moveFrom//w:t") == 0, "deleted text is w:delText"
    assert count("//w:tr[w:trPr/w:del]//w:r[not(ancestor::w:del)]") == 0
    # a move's two ranges carry one name and each range is closed
    for side in ("moveFrom", "moveTo"):
        (start,) = root.iter(w(f"{side}RangeStart"))
        (end,) = root.iter(w(f"{side}RangeEnd"))
        assert start.get(w("name")) == "move1"
        assert end.get(w("id")) == start.get(w("id"))
        # whole paragraphs moved: the range takes in their marks, so it lies between them
        assert start.getparent().tag == end.getparent().tag == w("body")
        assert etree.QName(start.getnext()).localname == "p"
        assert etree.QName(end.getprevious()).localname == "p"


def test_text_is_escaped_stripped_of_control_characters_and_keeps_its_spaces(package):
    xml = main_part(package).decode("utf-8")
    assert "&lt;w:t&gt;&amp;" in xml and "&lt;/w:p&gt;" in xml
    assert "\x01" not in xml and "\x0b" not in xml
    texts = list(body(package).iter(w("t"), w("delText")))
    preserve = "{http://www.w3.org/XML/1998/namespace}space"
    for element in texts:
        edges = element.text != element.text.strip()
        assert (element.get(preserve) == "preserve") == edges, element.text
    assert any(element.text == " years." for element in texts)


def test_tabs_and_line_breaks_are_word_elements(package):
    (paragraph,) = [p for p in body(package).iter(w("p")) if "Tab" in "".join(p.itertext())]
    names = [etree.QName(child).localname for child in paragraph.iter(w("tab"), w("br"))]
    assert names == ["tab", "br"]


def test_settings_keep_tracking_further_edits(package):
    with io.BytesIO(package) as stream:
        settings = Document(stream).settings.element
    names = [etree.QName(child).localname for child in settings]
    assert "trackRevisions" in names
    assert names.index("trackRevisions") < names.index("defaultTabStop")


def test_python_docx_opens_it_with_heading_and_list_styles(package):
    with io.BytesIO(package) as stream:
        document = Document(stream)
    styles = {paragraph.style.name for paragraph in document.paragraphs}
    assert {"Heading 2", "List Paragraph"} <= styles
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 4
    assert document.core_properties.title == "Peru compact: draft 3 → 4"
    assert document.core_properties.author == AUTHOR


def test_an_empty_redline_is_still_a_document_with_a_paragraph():
    with io.BytesIO(redline_docx([], author="a", date=DATE)) as stream:
        document = Document(stream)
    assert [paragraph.text for paragraph in document.paragraphs] == [""]


def test_the_date_is_utc_in_whole_seconds():
    bogota = timezone(timedelta(hours=-5))
    package = redline_docx(
        [RedlineBlock("paragraph", (added("x"),))],
        author="a",
        date=datetime(2026, 11, 22, 8, 30, 15, 999_999, tzinfo=bogota),
    )
    (insertion,) = body(package).iter(w("ins"))
    assert insertion.get(w("date")) == "2026-11-22T13:30:15Z"


def test_a_move_without_its_other_half_is_a_deletion():
    blocks = [
        RedlineBlock("paragraph", (same("Gone."),), change="move_from", move_name="lonely"),
        RedlineBlock("paragraph", (same("Stays."),)),
    ]
    root = body(redline_docx(blocks, author="a", date=DATE))
    assert not list(root.iter(w("moveFrom"), w("moveFromRangeStart")))
    assert len(list(root.iter(w("del")))) == 2  # its text and its paragraph mark


def test_moved_table_rows_become_a_deleted_and_an_inserted_row(tmp_path):
    blocks = [
        row("A", "1", change="move_from", table=0),
        row("B", "2", table=0),
        row("A", "1", change="move_to", table=0),
    ]
    package = redline_docx(blocks, author="a", date=DATE)
    root = body(package)
    assert len(root.xpath("//w:trPr/w:del | //w:trPr/w:ins", namespaces={"w": W})) == 2
    assert not list(root.iter(w("moveFrom"), w("moveTo")))
    path = tmp_path / "moved.docx"
    path.write_bytes(package)
    assert [text for _, text in blocks_of(path)] == ["B | 2", "A | 1"]


def test_two_tables_stay_two_tables_and_short_rows_span_the_grid(tmp_path):
    blocks = [
        row("a", "b", "c", table=0),
        row("total", table=0),
        row("x", "y", table=1),
    ]
    package = redline_docx(blocks, author="a", date=DATE)
    tables = list(body(package).iter(w("tbl")))
    assert len(tables) == 2
    (span,) = tables[0].iter(w("gridSpan"))
    assert span.get(w("val")) == "3"
    path = tmp_path / "tables.docx"
    path.write_bytes(package)
    document = read_document(path)
    assert [(block.table, block.text) for block in document.blocks] == [
        (0, "a | b | c"),
        (0, "total"),
        (1, "x | y"),
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (RedlineBlock("title", (same("x"),)), "unknown kind 'title'"),
        (RedlineBlock("paragraph", (same("x"),), change="replace"), "unknown change 'replace'"),
        (RedlineBlock("paragraph", (RedlineSpan("moved", "x"),)), "unknown segment operation"),
        (RedlineBlock("paragraph", (removed("x"),), change="insert"), "cannot hold deleted text"),
        (row((added("x"),), change="move_from"), "cannot hold inserted text"),
    ],
)
def test_inconsistent_blocks_are_refused(block, message):
    with pytest.raises(ValueError, match=message):
        redline_docx([block], author="a", date=DATE)


# -- LibreOffice -------------------------------------------------------------------------------


@requires_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_converts_it_to_pdf_showing_both_versions(redline, tmp_path):
    pdf = convert_to_pdf([redline], tmp_path)[redline]
    with pdfplumber.open(pdf) as document:
        text = " ".join(page.extract_text() or "" for page in document.pages)
    # tracked changes are shown, not applied: old and new amounts are both on the page
    for words in ("USD 5,000,000", "USD 6,500,000", "2,000", "2,400", "Courts", "Trained"):
        assert words in text


@requires_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_accept_all_and_reject_all_agree(package, redline, tmp_path):
    accepted, rejected = libreoffice_accept_and_reject(redline, tmp_path)
    for path, expected in ((accepted, NEW), (rejected, OLD)):
        document = read_document(path)
        assert [(block.kind, block.text) for block in document.blocks] == expected, path.name
        assert document.revisions == (), f"{path.name} still has tracked changes"
        assert empty_paragraphs(path) == spacers(package), path.name
