"""The redline of an article that moved and was edited: one tracked move whose edits are
tracked inside it (the amount changed reads as a deletion at the old place and an
insertion at the new), never the whole article deleted and inserted again.

Both the writer (blocks in, .docx out) and the whole command (two assembled versions,
`compare --format docx`) are tested; Word's and LibreOffice's Accept All / Reject All
must give the new and the old version.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import convert_to_pdf, requires_libreoffice
from lxml import etree
from redline_helpers import W, libreoffice_accept_and_reject, main_part, reject_all, w
from version_factory import Version

from cpc_draft.cli import main
from cpc_draft.readers import read_document
from cpc_draft.render.redline import RedlineBlock, RedlineSpan, redline_docx

NS = {"w": W}
OLD_AMOUNT, NEW_AMOUNT = "(US$5,000,000)", "(US$5,500,000)"


def texts(path: Path) -> list[str]:
    return [" ".join(block.text.split()) for block in read_document(path).blocks]


def root_of(path: Path) -> etree._Element:
    return etree.fromstring(main_part(path.read_bytes()))


def paragraph_with(root: etree._Element, tag: str, text: str) -> etree._Element:
    """The one paragraph holding a ``tag`` change whose text is ``text``."""
    (found,) = [
        element.getparent()
        for element in root.iter(w(tag))
        if "".join(element.itertext()) == text and element.getparent().tag == w("p")
    ]
    return found


def changes_in(paragraph: etree._Element) -> list[tuple[str, str]]:
    """(change, text) of the paragraph's runs in order."""
    return [
        (etree.QName(child).localname, "".join(child.itertext()))
        for child in paragraph
        if child.tag != w("pPr")
    ]


# -- the writer --------------------------------------------------------------------------------


def same(text: str) -> RedlineSpan:
    return RedlineSpan("equal", text)


BLOCKS = [
    RedlineBlock("heading", (same("Article 1"),)),
    RedlineBlock("paragraph", (same("Kept in place."),)),
    RedlineBlock("heading", (same("Funding"),), change="move_from", move_name="m"),
    RedlineBlock(
        "paragraph",
        (same("The United States gives "), RedlineSpan("delete", "5"), same(" million.")),
        change="move_from",
        move_name="m",
    ),
    RedlineBlock(
        "paragraph",
        (RedlineSpan("delete", "A sentence dropped."),),
        change="move_from",
        move_name="m",
    ),
    RedlineBlock("heading", (same("Article 2"),)),
    RedlineBlock("heading", (same("Funding"),), change="move_to", move_name="m"),
    RedlineBlock(
        "paragraph",
        (same("The United States gives "), RedlineSpan("insert", "6"), same(" million.")),
        change="move_to",
        move_name="m",
    ),
    RedlineBlock(
        "paragraph",
        (RedlineSpan("insert", "A sentence added."),),
        change="move_to",
        move_name="m",
    ),
]
NEW = ["Article 1", "Kept in place.", "Article 2", "Funding", "The United States gives 6 million.",
       "A sentence added."]  # fmt: skip
OLD = ["Article 1", "Kept in place.", "Funding", "The United States gives 5 million.",
       "A sentence dropped.", "Article 2"]  # fmt: skip


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("moves") / "redline.docx"
    path.write_bytes(redline_docx(BLOCKS, author="Legal Office", date=_date()))
    return path


def _date():
    from datetime import UTC, datetime

    return datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_edits_inside_a_move_are_tracked_as_such(written):
    root = root_of(written)
    old_place = paragraph_with(root, "del", "5")
    assert changes_in(old_place) == [
        ("moveFrom", "The United States gives "),
        ("del", "5"),
        ("moveFrom", " million."),
    ]
    new_place = paragraph_with(root, "ins", "6")
    assert changes_in(new_place) == [
        ("moveTo", "The United States gives "),
        ("ins", "6"),
        ("moveTo", " million."),
    ]
    # the paragraph the move lost is deleted, mark and all; the one it gained inserted
    assert paragraph_with(root, "del", "A sentence dropped.").xpath(
        "w:pPr/w:rPr/w:del", namespaces=NS
    )
    assert paragraph_with(root, "ins", "A sentence added.").xpath(
        "w:pPr/w:rPr/w:ins", namespaces=NS
    )
    # one move: a range on each side, paired by name, all three paragraphs inside
    starts = root.xpath("//w:moveFromRangeStart | //w:moveToRangeStart", namespaces=NS)
    assert [start.get(w("name")) for start in starts] == ["move1", "move1"]


def test_accepting_gives_the_new_text_and_rejecting_the_old(written, tmp_path):
    assert texts(written) == NEW
    rejected = tmp_path / "rejected.docx"
    rejected.write_bytes(reject_all(written.read_bytes()))
    assert texts(rejected) == OLD


@requires_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_accepts_and_rejects_the_edited_move(written, tmp_path):
    accepted, rejected = libreoffice_accept_and_reject(written, tmp_path)
    assert texts(accepted) == NEW
    assert texts(rejected) == OLD


# -- the whole command ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def compared(assembled, tmp_path_factory) -> tuple[Path, Path, Path]:
    """Peru (English, Spanish): the financial plan moved before the programs, renumbered,
    and its English amount raised."""
    folder = tmp_path_factory.mktemp("moved-and-edited")
    old = assembled["peru-sequential-us"][1]
    new = (
        Version(old)
        .move("financial_plan", "programs")
        .replace(OLD_AMOUNT, NEW_AMOUNT, language=0)
        .renumber()
        .save(folder / "new.docx")
    )
    output = folder / "redline.docx"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "--format", "docx",
                                       "-o", str(output)])  # fmt: skip
    assert result.exit_code == 1, result.output
    return old, new, output


def test_the_moved_article_is_one_move_not_a_deletion_and_an_insertion(compared):
    root = root_of(compared[2])
    heading = "Multi-Year Financial Plan"
    assert paragraph_with(root, "moveFrom", heading) is not None
    assert paragraph_with(root, "moveTo", heading) is not None
    whole = [e for e in root.iter(w("del"), w("ins")) if heading in "".join(e.itertext())]
    assert whole == []


def test_the_amount_change_is_tracked_inside_the_move(compared):
    root = root_of(compared[2])
    old_place = changes_in(paragraph_with(root, "del", "5,000,000"))
    new_place = changes_in(paragraph_with(root, "ins", "5,500,000"))
    assert old_place[1] == ("del", "5,000,000")
    assert old_place[2][0] == "moveFrom" and old_place[2][1].startswith("), and the Government")
    assert old_place[0][0] == new_place[0][0].replace("To", "From") == "moveFrom"
    assert old_place[0][1].endswith("five million US dollars (US$")
    assert new_place[1] == ("ins", "5,500,000")
    # the Spanish version only moved: in its text the amount is moved, not changed (its
    # table rows are deleted and inserted: Word tracks no row moves)
    changed = [e for e in root.iter(w("del"), w("ins")) if "5.000.000" in "".join(e.itertext())]
    assert [e for e in changed if not e.xpath("ancestor::w:tbl", namespaces=NS)] == []


def test_the_redline_accepts_to_new_and_rejects_to_old(compared, tmp_path):
    old, new, output = compared
    assert texts(output) == texts(new)
    rejected = tmp_path / "rejected.docx"
    rejected.write_bytes(reject_all(output.read_bytes()))
    assert texts(rejected) == texts(old)


@requires_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_accepts_rejects_and_shows_both_amounts(compared, tmp_path):
    old, new, output = compared
    accepted, rejected = libreoffice_accept_and_reject(output, tmp_path)
    assert texts(accepted) == texts(new)
    assert texts(rejected) == texts(old)
    shown = " ".join(texts(convert_to_pdf([output], tmp_path)[output]))
    assert "dollars (US$5,000,000), and" in shown  # at the old place, deleted
    assert "dollars (US$5,500,000), and" in shown  # at the new place, inserted
