"""Elements A–C found by meaning, not by our own headings.

The drafts in tests/data/elements were written for these tests (fictional partners, our
own wording) in styles our clause library does not use: PART/Clause headings that stack,
plain-language headings, numbered paragraphs without headings, "Article premier"
French, "CLÁUSULA" Spanish, weak drafts. Each case says what a careful reviewer would
answer, and each reason must say where it found what it found.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
import pytest

from cpc_draft.check.config import Config
from cpc_draft.check.facts.listing import has_label, run_in_count, title_of
from cpc_draft.check.review import review_document
from cpc_draft.model import HEADING, PARAGRAPH, TextBlock
from cpc_draft.readers import read_document
from cpc_draft.text.sections import split_sections

DRAFTS = Path(__file__).parent / "data" / "elements"


def _review(path: Path):
    return review_document(read_document(path), Config(), findings=False)


def _statuses(path: Path) -> dict[str, str]:
    return {key: status.status for key, status in _review(path).elements.items()}


# (draft, expected A, B, C): a reviewer's answer for each
CASES = {
    "parts-stacked-en.txt": "+++",  # PART II: GOALS AND DUTIES > Clause 2.1 Goals; workstreams
    "plain-headings-en.txt": "+++",  # "Where we want to be", "What each government will do"
    "numbered-paragraphs-en.txt": "+++",  # run-in lists, "The first component, …"
    "titres-fr.txt": "+++",  # "entend :", "se propose de :", "Axe 1 :"
    "lineas-es.txt": "+++",  # "tiene previsto:", "Línea de acción 1:"
    "run-in-es.txt": "+++",  # "(i) … (iii)" objectives, "tres ejes de trabajo: a) …"
    "purpose-objectives-en.txt": "+++",  # objectives listed inside the Purpose article
    "weak-en.txt": "~~-",  # a purpose only; one government's duties; activities undecided
    "passing-duties-en.txt": "+~+",  # duties only in other articles' sentences
    "woven-duties-en.txt": "+++",  # each government's duties in the prose of "Implementation"
}
MARK = {"+": "present", "~": "partial", "-": "missing"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_objectives_duties_and_programs_by_meaning(name):
    statuses = _statuses(DRAFTS / name)
    expected = {key: MARK[mark] for key, mark in zip("ABC", CASES[name], strict=True)}
    assert {key: statuses[key] for key in "ABC"} == expected


def _as_docx(source: Path, target: Path) -> Path:
    """The text draft as received Word drafts often are: headings as bold Normal
    paragraphs, list members typed with their labels, no styles."""
    document = docx.Document()
    for paragraph in source.read_text("utf-8").split("\n\n"):
        text = paragraph.strip()
        run = document.add_paragraph().add_run(text)
        run.bold = len(text.split()) <= 10 and not text.endswith((".", ";", ":"))
    document.save(target)
    return target


@pytest.mark.parametrize("name", ["parts-stacked-en.txt", "titres-fr.txt", "weak-en.txt"])
def test_the_same_statuses_from_a_word_file_without_styles(name, tmp_path):
    word = _as_docx(DRAFTS / name, tmp_path / f"{Path(name).stem}.docx")
    statuses = _statuses(word)
    assert "".join(statuses[key][0] for key in "ABC") == "".join(
        MARK[mark][0] for mark in CASES[name]
    )


def test_the_innermost_of_stacked_headings_names_the_section():
    blocks = (
        TextBlock(0, HEADING, "PART TWO: OBJECTIVES AND RESPONSIBILITIES", language="en"),
        TextBlock(1, HEADING, "Clause 2.1 Objectives", language="en"),
        TextBlock(2, PARAGRAPH, "(a) more convictions;", language="en"),
        TextBlock(3, HEADING, "Clause 2.2 Responsibilities of Velora", language="en"),
        TextBlock(4, PARAGRAPH, "Velora intends to appoint a coordinator.", language="en"),
        TextBlock(5, HEADING, "PART THREE: COMPONENTS", language="en"),
        TextBlock(6, HEADING, "Clause 3.1 Fair Justice", language="en"),  # names no part
        TextBlock(7, PARAGRAPH, "Training for judges.", language="en"),
    )
    keys = [section.key for section in split_sections(blocks)]
    assert keys == ["objectives", "responsibilities", "programs"]


def test_a_long_phrase_between_the_government_and_its_verb():
    review = _review(DRAFTS / "parts-stacked-en.txt")
    duties = review.primary.duties
    assert [b.text[:3] for b in duties.us][:3] == ["(a)", "(b)", "(c)"]
    assert [b.text[:3] for b in duties.partner][:3] == ["(a)", "(b)", "(c)"]
    assert duties.has_article and not duties.in_passing


def test_duties_left_for_a_separate_arrangement_are_none():
    review = _review(DRAFTS / "weak-en.txt")
    duties = review.primary.duties
    # Only "… intends to contribute $500,000" under Resources: a contribution (C, E),
    # not a duty.
    assert duties.partner == () and duties.general == ("partner",)
    assert "partner government takes on nothing concrete" in review.elements["B"].reason


def test_run_in_objectives_are_counted_one_by_one():
    review = _review(DRAFTS / "numbered-paragraphs-en.txt")
    assert review.primary.objectives.count == 3
    assert review.elements["A"].reason.startswith("3 objectives listed — paragraph 2:")


def test_program_funding_comes_from_the_programs_own_paragraphs():
    review = _review(DRAFTS / "numbered-paragraphs-en.txt")
    programs = review.primary.programs
    assert len(programs.listed) == 2 and programs.funded_by == ("US", "partner")
    amounts = sorted((c.party, c.amount) for c in programs.funding)
    assert amounts == [
        ("US", "1000000"),
        ("US", "1500000"),
        ("partner", "400000"),
        ("partner", "600000"),
    ]


def test_programs_listed_inside_one_paragraph_are_counted_one_by_one():
    review = _review(DRAFTS / "run-in-es.txt")
    assert review.primary.programs.count == 3
    assert review.elements["C"].reason.startswith("3 programs with funding from both")


def test_a_programs_section_that_leaves_them_undecided_names_none():
    status = _review(DRAFTS / "weak-en.txt").elements["C"]
    assert status.status == "missing" and "to be determined" in status.reason


def test_reasons_say_where_with_a_quote():
    elements = _review(DRAFTS / "parts-stacked-en.txt").elements
    assert elements["A"].reason == (
        "3 objectives listed — Clause 2.1 (Goals): "
        "“(a) more child trafficking cases will have reached a court…”"
    )
    assert "Clause 2.3 (Duties of the United States)" in elements["B"].reason
    assert "Clause 2.2 (Duties of Velora)" in elements["B"].reason
    french = _review(DRAFTS / "titres-fr.txt").elements["C"].reason
    assert "Article 5 (Axes d’intervention): “Axe 1 : Justice pour les enfants." in french


def test_reasons_name_the_page_of_a_paged_draft():
    review = _review(DRAFTS / "purpose-objectives-en.txt")
    blocks = tuple(dataclasses.replace(b, page=2) for b in review.document.blocks)
    document = dataclasses.replace(review.document, blocks=blocks)
    reason = review_document(document, Config(), findings=False).elements["A"].reason
    assert reason.startswith("3 objectives listed — Article 1 (Purpose), p. 2: “(a) increase")


def test_list_shapes():
    assert has_label("• lead the Partnership") and has_label("\uf0b7 lead") and has_label("1° x")
    assert not has_label("U.S. funds are subject to audit") and not has_label("5.1 The")
    assert run_in_count("intends to: (a) lead; (b) assign; and (c) open a shelter") == 3
    assert run_in_count("as set out in paragraph (a) of Article 5") == 0
    assert title_of("Safe Homes: two small homes for child victims") == "Safe Homes"
    assert title_of("The Participants intend to carry out the following programs:") is None
