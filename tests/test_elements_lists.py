"""Objectives, duties and programs listed the ways other ministries write them.

The drafts in tests/data/elements used here were written for these tests (fictional
partners, our own wording):

- carta-ordinales-es.txt: a Spanish letter of intention in continuous prose under
  section labels in capitals, no numbering. Its objectives are points opened by
  ordinal words ("En primer lugar, … En segundo lugar, … Por último, …"), its lines of
  work are listed after a colon between semicolons, its indicators named in a sentence.
- lettre-ordinaux-fr.txt: a French letter of intention in unnumbered paragraphs and no
  headings: "Premièrement, … Deuxièmement, … Enfin, …" objectives, "trois volets : …
  ; … ; et …", indicators named in a sentence ("le taux d'…", "le pourcentage d'…").
- annexe-clauses-en.txt: an annex numbered in levels ("2.1", "2.1.1") with no list
  labels: objectives are the sub-clauses of a lead-in clause, and each government's
  roles a clause whose run-in title names it ("3.1 Government of Corvania. … the GoC
  plans to:") while its verb's subject is an abbreviation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as WordDocument

from cpc_draft.cli import main

DRAFTS = Path(__file__).parent / "data" / "elements"


def _check(path: Path) -> dict:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["documents"][0]


def _status(document: dict, key: str) -> tuple[str, str]:
    element = document["elements"][key]
    return element["status"], element["reason"]


@pytest.mark.parametrize(
    ("name", "opening"),
    [("carta-ordinales-es.txt", "Con esta cooperación"), ("lettre-ordinaux-fr.txt", "Les deux")],
)
def test_objectives_opened_by_ordinal_words_are_listed(name, opening):
    status, reason = _status(_check(DRAFTS / name), "A")
    assert status == "present"
    assert reason.startswith("3 objectives listed")
    assert opening in reason


def test_english_objectives_opened_by_ordinal_words(tmp_path):
    draft = tmp_path / "letter.txt"
    draft.write_text(
        "Letter of Intent between the Government of the United States of America and the "
        "Government of the Republic of Ostrava\n\n"
        "Through this Partnership the two Governments aim to achieve three results. First, "
        "more child trafficking cases reach a verdict within a year; second, every rescued "
        "child is offered a place in a licensed shelter; and, finally, fewer children beg "
        "in the streets of the capital.\n",
        encoding="utf-8",
    )
    status, reason = _status(_check(draft), "A")
    assert (status, reason.split(" —")[0]) == ("present", "3 objectives listed")


def test_a_purpose_with_a_lone_finally_is_still_only_a_purpose(tmp_path):
    draft = tmp_path / "purpose.txt"
    draft.write_text(
        "Letter of Intent between the Government of the United States of America and the "
        "Government of the Republic of Ostrava\n\n"
        "The purpose of this Partnership is to reduce child trafficking in Ostrava. Finally, "
        "the two Governments recall their earlier cooperation.\n",
        encoding="utf-8",
    )
    assert _status(_check(draft), "A")[0] == "partial"


@pytest.mark.parametrize(
    ("name", "announcement"),
    [("carta-ordinales-es.txt", "tres ejes"), ("lettre-ordinaux-fr.txt", "trois volets")],
)
def test_programs_listed_after_a_colon_between_semicolons(name, announcement):
    status, reason = _status(_check(DRAFTS / name), "C")
    # named, counted one by one; no funding is allocated to them (C partial)
    assert status == "partial"
    assert reason.startswith("3 programs, without the funding allocated to them")
    assert announcement in reason


def test_objectives_numbered_as_sub_clauses_of_their_lead_in():
    document = _check(DRAFTS / "annexe-clauses-en.txt")
    status, reason = _status(document, "A")
    assert (status, reason.split(" —")[0]) == ("present", "3 objectives listed")
    quoted = [e["text"][:5] for e in document["elements"]["A"]["evidence"]]
    assert quoted == ["2.1.1", "2.1.2", "2.1.3"]  # "2.2 Annex B links …" is not one


def test_a_clause_titled_by_its_government_gives_it_the_list():
    status, reason = _status(_check(DRAFTS / "annexe-clauses-en.txt"), "B")
    assert status == "present"
    assert reason.startswith("duties of both governments (3 U.S., 3 partner)")


def test_duties_numbered_as_sub_clauses_are_listed_duties(tmp_path):
    """ "4.1 X will:" then "4.1.1 …" plain Word paragraphs (no list style, so no
    items): a list of duties in the roles article, not duties in passing."""
    lines = [
        "Memorandum between the Government of the United States of America and the "
        "Government of the Republic of Ostrava",
        "1. OBJECTIVES",
        "1.1 The Participants expect to achieve the following objectives:",
        "(a) more convictions of child traffickers;",
        "(b) safe shelter for every child victim.",
        "2. ROLES OF THE PARTICIPANTS",
        "2.1 Ostrava, through its Anti-Trafficking Council, will:",
        "2.1.1 appoint a national coordinator for the Partnership;",
        "2.1.2 pay the running costs of two shelters; and",
        "2.1.3 assign ten prosecutors to child trafficking cases.",
        "2.2 The United States, through the TIP Office, will:",
        "2.2.1 fund implementing partners chosen through open competition;",
        "2.2.2 train police officers and prosecutors; and",
        "2.2.3 share the progress reports of implementing partners with Ostrava.",
    ]
    word = WordDocument()
    for line in lines:
        if line[:2] in ("1.", "2.") and line.isupper():
            word.add_heading(line, level=1)
        else:
            word.add_paragraph(line)
    word.save(tmp_path / "memorandum.docx")
    status, reason = _status(_check(tmp_path / "memorandum.docx"), "B")
    assert status == "present", reason
    assert "in passing" not in reason


def test_objectives_numbered_as_clauses_after_a_lead_in(tmp_path):
    """ "… los objetivos siguientes:" then "2.1 …", "2.2 …", "2.3 …" typed as plain
    Word paragraphs (no list style): the lead-in's list, counted one by one."""
    word = WordDocument()
    word.add_paragraph(
        "Convenio entre el Gobierno de los Estados Unidos de América y el Gobierno de la "
        "República de Mirandela"
    )
    for heading, paragraphs in [
        ("PRIMERO.- OBJETO.", ["El Convenio tiene por objeto reducir la trata de menores."]),
        (
            "SEGUNDO.- OBJETIVOS.",
            [
                "Los Participantes se proponen alcanzar los objetivos siguientes:",
                "2.1 Duplicar las condenas por trata de menores en las provincias del litoral.",
                "2.2 Atender a cada víctima rescatada en un plazo de tres días.",
                "2.3 Formar a los docentes de cien escuelas en la detección de la captación.",
            ],
        ),
    ]:
        word.add_heading(heading, level=1)
        for text in paragraphs:
            word.add_paragraph(text)
    word.save(tmp_path / "convenio.docx")
    status, reason = _status(_check(tmp_path / "convenio.docx"), "A")
    assert (status, reason.split(" —")[0]) == ("present", "3 objectives listed")


def test_a_programs_funding_in_its_numbered_sub_clauses(tmp_path):
    """ "4.1 Programme 1 – …" then "4.1.1 …", "4.1.2 … USD …": the sub-clauses are the
    program's own paragraphs, whether read as list items (text) or paragraphs (Word)."""
    lines = [
        "Arrangement between the Government of the United States of America and the "
        "Government of the Republic of Ostrava",
        "3. PROGRAMMES",
        "3.1 The Participants intend to carry out the two programmes set out in clause 4.",
        "HOW THE WORK IS ORGANISED",
        "4.1 Programme 1 – Courts for Children",
        "4.1.1 Specialised hearing rooms are equipped in the three border provinces.",
        "4.1.2 The United States expects to provide USD 900,000 and Ostrava expects to "
        "provide USD 300,000 for this programme.",
        "4.2 Programme 2 – Safe Homes",
        "4.2.1 Two shelters are opened on the coast.",
        "4.2.2 The United States expects to provide USD 600,000 and Ostrava expects to "
        "provide USD 200,000 for this programme.",
    ]
    draft = tmp_path / "arrangement.txt"
    draft.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    status, reason = _status(_check(draft), "C")
    assert (status, reason.split(" —")[0]) == (
        "present",
        "2 programs with funding from both governments",
    )
