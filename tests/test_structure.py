"""text/structure.py: one decision on headings and labels for every format.

The drafts here are written for these tests in the styles partner ministries use; the
same lines must give the same outline whether a reader called them headings or not.
"""

from __future__ import annotations

import pytest

from cpc_draft.model import HEADING, TABLE_ROW, TextBlock
from cpc_draft.text.articles import split_articles
from cpc_draft.text.structure import decide_headings, heading_label

PARAGRAPH, ITEM = "paragraph", "item"
BODY = "The Participants intend to work together on this matter during the whole term."


@pytest.mark.parametrize(
    ("text", "unit", "number", "title"),
    [
        ("Article 5", "article", "5", ""),
        ("ARTICLE V — PURPOSE", "article", "5", "PURPOSE"),
        ("Article premier : Objet", "article", "1", "Objet"),
        ("Article 1er – Objet", "article", "1", "Objet"),
        ("Article 4\u202f: Rôle du Gouvernement", "article", "4", "Rôle du Gouvernement"),
        ("Article\u00a05\u00a0: Programmes", "article", "5", "Programmes"),
        ("ARTÍCULO XII", "article", "12", ""),
        ("CLÁUSULA PRIMERA.- OBJETO", "clause", "1", "OBJETO"),
        ("CLÁUSULA DÉCIMA SEGUNDA.- VIGENCIA", "clause", "12", "VIGENCIA"),
        ("Section 3. Programs", "section", "3", "Programs"),
        ("SECTION IV. FINANCIAL PLAN", "section", "4", "FINANCIAL PLAN"),
        ("PART ONE: GENERAL PROVISIONS", "part", "1", "GENERAL PROVISIONS"),
        ("Clause 2.1 Objectives", "clause", "2.1", "Objectives"),
        ("TITRE II – RESPONSABILITÉS", "title", "2", "RESPONSABILITÉS"),
        ("Chapitre 3 – Des données", "chapter", "3", "Des données"),
        ("PARAGRAPH 7 — FUNDING", "paragraph", "7", "FUNDING"),
        ("Annex B – Results Framework", "annex", "B", "Results Framework"),
        ("Schedule 2", "annex", "2", ""),
        ("ANEXO I – PLAN FINANCIERO", "annex", "1", "PLAN FINANCIERO"),
        ("4. Programs and Initiatives", "number", "4", "Programs and Initiatives"),
        ("1.1 Purpose", "number", "1.1", "Purpose"),
        ("IV. FINANCIAL PLAN", "number", "4", "FINANCIAL PLAN"),
    ],
)
def test_heading_labels_in_every_style(text, unit, number, title):
    label = heading_label(text)
    assert label is not None
    assert (label.unit, label.number, label.title) == (unit, number, title)


@pytest.mark.parametrize(
    "text",
    [
        "5. The Government of Norland intends to assign twelve prosecutors to the unit.",
        "Section 4 of the Act provides that the courts will hear children in private.",
        "article 3 of the law applies",
        "3. strengthen the prosecution of traffickers",
        "2026 budget",
    ],
)
def test_sentences_that_start_with_a_number_are_not_labels(text):
    assert heading_label(text) is None


def _blocks(*pieces: tuple[str, str]) -> list[TextBlock]:
    return [TextBlock(index, kind, text) for index, (kind, text) in enumerate(pieces)]


def _headings(blocks) -> list[str]:
    return [block.text for block in decide_headings(blocks) if block.kind == HEADING]


def test_the_same_lines_give_the_same_headings_whatever_the_reader_said():
    lines = [
        "What we want to achieve",
        BODY,
        "Who does what",
        "The Government of Norland plans to:",
        "• lead the Partnership through its Ministry of Justice;",
        "Where the money comes from",
        BODY,
    ]
    plain = _blocks(*[(PARAGRAPH, line) for line in lines])
    styled = _blocks(*[(HEADING if line[0].isupper() and len(line) < 30 else PARAGRAPH, line)
                       for line in lines])  # fmt: skip
    expected = ["What we want to achieve", "Who does what", "Where the money comes from"]
    assert _headings(plain) == expected
    assert _headings(styled) == expected


def test_list_members_and_numbered_paragraphs_are_not_headings():
    blocks = _blocks(
        (PARAGRAPH, "The Participants expect to achieve the following objectives:"),
        (ITEM, "1. Stronger Prosecution"),
        (ITEM, "2. Better Care"),
        (PARAGRAPH, "3. The Government of Norland intends to fund each program every year."),
        (PARAGRAPH, BODY),
    )
    assert _headings(blocks) == []


def test_a_reader_heading_that_is_a_sentence_becomes_a_paragraph():
    blocks = _blocks((HEADING, BODY), (PARAGRAPH, BODY))
    assert [block.kind for block in decide_headings(blocks)] == [PARAGRAPH, PARAGRAPH]


def test_a_reference_cut_off_by_a_line_break_ends_its_sentence():
    """A PDF line break can leave "Article 6." alone after "… set out in": it finishes the
    sentence; a label after a finished sentence, or one with a title, is a heading."""
    blocks = _blocks(
        (HEADING, "Article 5 – Review"),
        (PARAGRAPH, "Progress on the plan is reviewed every year as set out in"),
        (HEADING, "Article 6."),
        (PARAGRAPH, "The Participants intend to review progress every year."),
        (HEADING, "Article 6."),
        (PARAGRAPH, BODY),
        (PARAGRAPH, "Funds are managed by the ministry described in"),
        (HEADING, "Article 7 – Funds"),
        (PARAGRAPH, BODY),
    )
    assert _headings(blocks) == ["Article 5 – Review", "Article 6.", "Article 7 – Funds"]
    assert [b.kind for b in decide_headings(blocks)][2] == PARAGRAPH


def test_a_reference_that_ends_a_list_member_across_a_page_break_is_not_a_heading():
    """A list member's sentence cut by a page break ("(c) adopt the rules required by" /
    new page / "Article 9.") ends there: the label is its last words, and the list goes
    on under the same article (the other government's duties stay in it)."""
    pieces = [
        (HEADING, "Article 3 – Responsibilities"),
        (ITEM, "1. The Government of Norland shall:"),
        (ITEM, "(a) name a lead ministry for the Partnership;"),
        (ITEM, "(b) adopt the rules for the case register required by"),
        (HEADING, "Article 9."),
        (ITEM, "2. The Government of the United States of America shall:"),
        (ITEM, "(a) fund implementing partners selected through open competition."),
    ]
    blocks = [
        TextBlock(index, kind, text, page=1 if index < 4 else 2)
        for index, (kind, text) in enumerate(pieces)
    ]
    assert _headings(blocks) == ["Article 3 – Responsibilities"]


def test_after_the_signatures_only_annexes_are_headings():
    blocks = _blocks(
        (HEADING, "Article 1 – Purpose"),
        (PARAGRAPH, BODY),
        (PARAGRAPH, "Done at Port Adler, in duplicate, on 3 March 2026."),
        (HEADING, "FOR THE GOVERNMENT OF NORLAND"),
        (PARAGRAPH, "Minister of Justice"),
        (PARAGRAPH, "ANNEX I – MULTI-YEAR FINANCIAL PLAN"),
        (TABLE_ROW, "Year | United States | Norland"),
    )
    assert _headings(blocks) == ["Article 1 – Purpose", "ANNEX I – MULTI-YEAR FINANCIAL PLAN"]


def _article_labels(blocks) -> list[str]:
    return [article.label for article in split_articles(decide_headings(blocks), "en")]


def test_articles_are_the_deepest_numbered_division():
    blocks = _blocks(
        (PARAGRAPH, "PART ONE: GENERAL PROVISIONS"),
        (PARAGRAPH, "Clause 1.1 Purpose"),
        (PARAGRAPH, BODY),
        (PARAGRAPH, "Clause 1.2 Term"),
        (PARAGRAPH, BODY),
        (PARAGRAPH, "PART TWO: FUNDING"),
        (PARAGRAPH, "Clause 2.1 Programs"),
        (PARAGRAPH, BODY),
    )
    assert _article_labels(blocks) == [
        "PART ONE: GENERAL PROVISIONS",
        "Clause 1.1 (Purpose)",
        "Clause 1.2 (Term)",
        "PART TWO: FUNDING",
        "Clause 2.1 (Programs)",
    ]


def test_spanish_clauses_are_numbered_from_their_ordinal_words():
    blocks = _blocks(
        (PARAGRAPH, "CLÁUSULA PRIMERA.- OBJETO"),
        (PARAGRAPH, "Los Participantes se proponen cooperar durante la vigencia de la Alianza."),
        (PARAGRAPH, "CLÁUSULA SEGUNDA.- OBJETIVOS"),
        (PARAGRAPH, "Los Participantes se proponen alcanzar los objetivos siguientes."),
    )
    assert _article_labels(blocks) == ["Cláusula 1 (OBJETO)", "Cláusula 2 (OBJETIVOS)"]


def test_annexes_after_the_signatures_are_articles_of_their_own():
    blocks = _blocks(
        (PARAGRAPH, "Article 1 – Purpose"),
        (PARAGRAPH, BODY),
        (PARAGRAPH, "Article 2 – Funding"),
        (PARAGRAPH, BODY),
        (PARAGRAPH, "FOR THE GOVERNMENT OF NORLAND:"),
        (PARAGRAPH, "ANNEX I – INDICATORS"),
        (TABLE_ROW, "Indicator | Baseline | Target"),
    )
    articles = split_articles(decide_headings(blocks), "en")
    assert [a.label for a in articles] == [
        "Article 1 (Purpose)",
        "Article 2 (Funding)",
        "ANNEX I – INDICATORS",
        "Signatures",
    ]
