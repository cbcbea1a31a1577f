"""What a negotiator sees around and across the text: header, footer, headings, layout.

Read back from the .docx XML (python-docx gives the parts): the header's draft marking,
the footer's PAGE and NUMPAGES fields, Heading 1/2 with outline levels, the keep flags
that hold "Done at …" with the signatures, table rows that repeat and do not split, and
French typography (a raised "er" in "1er", no-break spaces inside « »).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from cpc_draft.cli import main

COTE_DIVOIRE = ROOT / "examples" / "cote-divoire.yaml"


def assemble(tmp_path: Path, spec: Path, *options: str, name: str = "draft.docx"):
    output = tmp_path / name
    result = CliRunner().invoke(main, ["assemble", str(spec), "-o", str(output), *options])
    return output, result


def edited_spec(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(COTE_DIVOIRE.read_text("utf-8"))
    edit(data)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def part_text(part) -> str:
    return "\n".join(Paragraph(p, None).text for p in part._element.iter(qn("w:p")))


def field_codes(part) -> list[str]:
    return [" ".join((node.text or "").split()) for node in part._element.iter(qn("w:instrText"))]


def test_header_marks_the_draft_in_each_language_from_the_spec(tmp_path):
    def mark_round(data):
        data["draft"] = {"round": 2, "version": "3.1", "date": dt.date(2026, 11, 2)}

    output, result = assemble(tmp_path, edited_spec(tmp_path, mark_round))
    assert result.exit_code == 0, result.output
    section = Document(str(output)).sections[0]
    header = part_text(section.header)
    assert "DRAFT — FOR DISCUSSION" in header and "PROJET — POUR DISCUSSION" in header
    assert "Negotiation round 2 — Version 3.1 — November 2, 2026" in header
    assert "Cycle de négociation 2 — Version 3.1 — 2 novembre 2026" in header


def test_a_marking_of_our_own_and_a_bad_round_is_refused(tmp_path):
    def own_marking(data):
        data["draft"] = {"marking": {"en": "AD REFERENDUM", "fr": "AD REFERENDUM"}}

    output, result = assemble(tmp_path, edited_spec(tmp_path, own_marking))
    assert result.exit_code == 0, result.output
    assert "AD REFERENDUM" in part_text(Document(str(output)).sections[0].header)

    def bad_round(data):
        data["draft"] = {"round": 0}

    output, result = assemble(tmp_path, edited_spec(tmp_path, bad_round), name="bad.docx")
    assert result.exit_code == 2
    assert "draft.round: 0 is outside 1..99" in result.stderr
    assert not output.exists()


def test_footer_numbers_pages_with_fields_in_each_language(tmp_path):
    output, result = assemble(tmp_path, COTE_DIVOIRE)
    assert result.exit_code == 0, result.output
    footer = Document(str(output)).sections[0].footer
    assert field_codes(footer) == ["PAGE", "NUMPAGES", "PAGE", "NUMPAGES"]
    text = part_text(footer)
    assert "Page 1 of 1" in text and "Page 1 sur 1" in text  # shown until laid out


def test_final_drops_the_marking_and_keeps_the_page_numbers(tmp_path):
    output, result = assemble(tmp_path, COTE_DIVOIRE, "--final")
    assert result.exit_code == 0, result.output
    section = Document(str(output)).sections[0]
    assert "DRAFT" not in part_text(section.header) and "PROJET" not in part_text(section.header)
    assert field_codes(section.footer) == ["PAGE", "NUMPAGES", "PAGE", "NUMPAGES"]


@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
def test_articles_are_headings_the_navigation_pane_lists(tmp_path, layout):
    output, result = assemble(tmp_path, COTE_DIVOIRE, "--layout", layout)
    assert result.exit_code == 0, result.output
    document = Document(str(output))
    for name, level in (("Heading 1", "0"), ("Heading 2", "1")):
        outline = document.styles[name].element.pPr.find(qn("w:outlineLvl"))
        assert outline.get(qn("w:val")) == level
    listed = []  # what the navigation pane shows: Heading 1 paragraphs left at level 0
    for element in document.element.body.iter(qn("w:p")):
        style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        own_level = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if style is not None and style.get(qn("w:val")) == "Heading1" and own_level is None:
            listed.append(Paragraph(element, None).text)
    english = [f"Article {number}" for number in range(1, 16)]
    assert listed[:15] == english
    # side by side, the French column's headings stay out of the pane (no duplicates)
    assert ("Article 1" in listed[15:]) == (layout == "sequential")


def test_done_at_keeps_with_the_signatures(tmp_path):
    output, result = assemble(tmp_path, COTE_DIVOIRE, "--layout", "sequential")
    assert result.exit_code == 0, result.output
    body = Document(str(output)).element.body
    for start in ("Done at Abidjan", "Fait à Abidjan"):
        element = next(p for p in body.iter(qn("w:p")) if Paragraph(p, None).text.startswith(start))
        properties = element.find(qn("w:pPr"))
        assert properties.find(qn("w:keepNext")) is not None, start
        assert properties.find(qn("w:keepLines")) is not None, start
        # the last paragraph of the last article comes along: the page is not bare signatures
        paragraphs = list(body.iter(qn("w:p")))
        before = paragraphs[paragraphs.index(element) - 1]
        assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, start
        following = element.getparent().getparent().getnext()  # the signatures' control
        rows = list(following.iter(qn("w:tr")))
        assert rows and all(
            row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows
        )


def test_data_tables_repeat_their_header_and_keep_rows_whole(tmp_path):
    output, result = assemble(tmp_path, COTE_DIVOIRE, "--layout", "sequential")
    assert result.exit_code == 0, result.output
    body = Document(str(output)).element.body
    tables = [
        t
        for t in body.iter(qn("w:tbl"))
        if t.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}") is not None
    ]
    assert len(tables) == 6  # plan, indicators, programs in each language
    for table in tables:
        rows = table.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert all(row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for row in rows)


def test_french_typography(tmp_path):
    def first_of_month(data):
        data["term"]["start"] = dt.date(2022, 10, 1)
        data["signing"]["date"] = dt.date(2022, 10, 1)
        data["sustainability"]["fr"] = data["sustainability"]["fr"].replace("\u00a0", " ")

    output, result = assemble(tmp_path, edited_spec(tmp_path, first_of_month))
    assert result.exit_code == 0, result.output
    body = Document(str(output)).element.body
    raised = [
        r for r in body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}") is not None
    ]
    assert raised and {"".join(t.text for t in r.iter(qn("w:t"))) for r in raised} == {"er"}
    text = "\n".join(Paragraph(p, None).text for p in body.iter(qn("w:p")))
    assert "1er octobre 2022" in text.replace("\n", "")
    assert "«\u00a0Rapport sur la traite des personnes\u00a0»" in text
    assert "« " not in text and " »" not in text and " :" not in text


def test_phrase_fields_read_as_sentences(tmp_path):
    def lower_case_phrases(data):
        plan = data["financial_plan"]
        plan["implementation"] = {"en": "grants to implementing partners;", "fr": "des subventions"}
        plan["oversight"] = {"en": "a joint steering committee", "fr": "un comité de pilotage"}

    output, result = assemble(
        tmp_path, edited_spec(tmp_path, lower_case_phrases), "--layout", "sequential"
    )
    assert result.exit_code == 0, result.output
    texts = [Paragraph(p, None).text for p in Document(str(output)).element.body.iter(qn("w:p"))]
    for sentence in (
        "Grants to implementing partners.",
        "Des subventions.",
        "A joint steering committee.",
        "Un comité de pilotage.",
    ):
        assert sentence in texts, sentence
