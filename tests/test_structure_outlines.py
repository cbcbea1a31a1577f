"""Drafts whose outline our clause library does not use: clauses numbered by an ordinal
word alone, and an annex in numbered paragraphs with numbered titles at two depths.

tests/data/elements/convenio-ordinales-es.txt and notes-annex-outline-en.txt were written
for these tests (fictional partners Almaral and Tessaly, our own wording):
"PRIMERA.- FINALIDAD." … "DÉCIMA.- VIGENCIA." after "POR TANTO, CONVIENEN:"; and two
diplomatic notes followed by an ANNEX cut "1. SCOPE" / "1.1 …" / "2.1.1 …", with
"4.1 Component 1 – Justice" under "4. PROGRAMMES" and more top-level titles after it.
Each must be cut into its clauses, whatever the format, and a finding located in the
clause it stands in.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from cpc_draft.cli import main
from cpc_draft.model import HEADING, TextBlock
from cpc_draft.text.articles import split_articles
from cpc_draft.text.sections import split_sections
from cpc_draft.text.structure import decide_headings, heading_label

DRAFTS = Path(__file__).parent / "data" / "elements"
CONVENIO = DRAFTS / "convenio-ordinales-es.txt"
NOTES = DRAFTS / "notes-annex-outline-en.txt"
PARAGRAPH = "paragraph"
BODY = "The Participants intend to work together on this matter during the whole term."


def _check(path: Path) -> str:
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    return result.output


def _statuses(output: str) -> dict[str, str]:
    """{"A": "✓ present — Cláusula 2 (…)", …}: each element's line of the report."""
    lines = [line.strip() for line in output.splitlines()]
    return {
        line[0]: line for line in lines if len(line) > 2 and line[1] == " " and line[0] in "ABCDEFG"
    }


def _as_word(source: Path, target: Path, heading_style: bool) -> Path:
    """The draft saved from Word: one paragraph a line; titles in capitals set in a
    Heading style or, as many ministries do, typed in a Normal paragraph."""
    document = docx.Document()
    for line in source.read_text("utf-8").split("\n\n"):
        line = line.strip()
        if line.startswith("|"):
            rows = [[c.strip() for c in r.strip("|").split("|")] for r in line.split("\n")]
            rows = [r for r in rows if not set("".join(r)) <= set("-")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
        elif line:
            title = heading_label(line) is not None and line.isupper()
            document.add_paragraph(line, style="Heading 1" if title and heading_style else None)
    document.save(target)
    return target


@pytest.mark.parametrize("form", ["txt", "docx-normal", "docx-headings"])
def test_spanish_ordinal_clauses_are_clauses_in_every_format(tmp_path, form):
    path = (
        CONVENIO
        if form == "txt"
        else _as_word(CONVENIO, tmp_path / "convenio.docx", heading_style=form == "docx-headings")
    )
    statuses = _statuses(_check(path))
    assert all("✓ present" in statuses[key] for key in "ABCDEFG"), statuses
    assert "Cláusula 9 (SOSTENIBILIDAD)" in statuses["F"]
    assert "Cláusula 8 (REGISTRO DE CASOS)" in statuses["G"]
    assert "CONVIENEN" not in "".join(statuses.values())  # no longer one section


@pytest.mark.parametrize("form", ["txt", "docx-normal", "docx-headings"])
def test_top_level_titles_after_sub_headings_open_their_own_articles(tmp_path, form):
    path = (
        NOTES
        if form == "txt"
        else _as_word(NOTES, tmp_path / "notes.docx", heading_style=form == "docx-headings")
    )
    output = _check(path)
    statuses = _statuses(output)
    assert all("✓ present" in statuses[key] for key in "ABCDEFG"), statuses
    assert "Article 4 (PROGRAMMES)" in statuses["C"]
    assert "Article 5 (FINANCIAL PLAN)" in statuses["E"]
    assert "Article 7 (SUSTAINABILITY)" in statuses["F"]
    assert "Article 4.1" not in output  # a programme's sub-heading is no article


def test_the_annex_outline_is_read_as_headings_and_numbered_paragraphs(tmp_path):
    """The same kinds from the text and from Word, where "2.1.1 …" is a typed number."""
    kinds = {}
    word = _as_word(NOTES, tmp_path / "notes.docx", heading_style=False)
    for name, path in (("txt", NOTES), ("docx", word)):
        result = CliRunner().invoke(main, ["extract", str(path)])
        assert result.exit_code == 0, result.output
        lines = [line.split("] ", 1) for line in result.output.splitlines() if line[:1] == "["]
        read = [(tag.split()[-1], text) for tag, text in lines]
        kinds[name] = read[read.index(("heading", "ANNEX")) :]  # the notes' line breaks differ
    assert ("heading", "5. FINANCIAL PLAN") in kinds["txt"]
    assert ("heading", "8. CASE DATA") in kinds["txt"]
    assert (
        "item",
        "2.1.1 more child traffickers are convicted by the courts of Tessaly;",
    ) in kinds["txt"]
    assert kinds["docx"] == kinds["txt"]


@pytest.mark.parametrize(
    ("text", "number", "title"),
    [
        ("PRIMERO.- OBJETO DEL CONVENIO.", "1", "OBJETO DEL CONVENIO"),
        ("Segunda: Objetivos", "2", "Objetivos"),
        ("DÉCIMO QUINTO.- VIGENCIA.", "15", "VIGENCIA"),
        ("Decimotercera.- Datos", "13", "Datos"),
        ("VIGÉSIMO PRIMERO.-", "21", ""),
        ("PREMIÈREMENT : OBJET", "1", "OBJET"),
        ("Deuxièmement – Durée", "2", "Durée"),
        ("FIRST: PURPOSE", "1", "PURPOSE"),
        ("SECOND — FUNDING", "2", "FUNDING"),
        ("THIRD", "3", ""),
    ],
)
def test_a_clause_may_be_numbered_by_its_ordinal_word_alone(text, number, title):
    label = heading_label(text)
    assert label is not None
    assert (label.unit, label.number, label.title) == ("clause", number, title)


@pytest.mark.parametrize(
    "text",
    [
        "First, the Government of Norland will appoint a coordinator.",
        "Primero.- El Gobierno de Almaral designará un coordinador nacional.",
        "Second",  # a line a PDF cut off a sentence: "… in its" / "Second"
        "tercero.- objeto",
        "Firstly the Participants will meet.",
    ],
)
def test_sentences_that_start_with_an_ordinal_are_not_headings(text):
    assert heading_label(text) is None


def _blocks(*texts: str) -> list[TextBlock]:
    return [TextBlock(index, PARAGRAPH, text) for index, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("language", "lines", "labels"),
    [
        (
            "fr",
            [
                "Sont convenus de ce qui suit :",
                "PREMIÈREMENT : OBJET",
                BODY,
                "DEUXIÈMEMENT : DURÉE",
                BODY,
            ],
            ["Clause 1 (OBJET)", "Clause 2 (DURÉE)"],
        ),
        (
            "en",
            [
                "HAVE REACHED THE FOLLOWING UNDERSTANDING:",
                "FIRST: PURPOSE",
                BODY,
                "SECOND: FUNDING",
                BODY,
            ],
            ["Clause 1 (PURPOSE)", "Clause 2 (FUNDING)"],
        ),
    ],
)
def test_ordinal_clauses_are_named_in_the_drafts_language(language, lines, labels):
    articles = split_articles(decide_headings(_blocks(*lines)), language)
    assert [a.label for a in articles if a.number] == labels


def test_a_numbered_sub_heading_is_about_what_its_division_is_about():
    blocks = decide_headings(
        _blocks(
            "4. PROGRAMMES",
            "The Participants intend to carry out two components during the whole term.",
            "4.1 Justice for Every Child",
            "4.1.1 Training of prosecutors and judges in every district of the country.",
            "5. DURATION",
            "5.1 The Partnership covers the years 2027 to 2030 and may be extended by notes.",
        )
    )
    keys = {s.heading.text: s.key for s in split_sections(tuple(blocks)) if s.heading}
    assert keys == {
        "4. PROGRAMMES": "programs",
        "4.1 Justice for Every Child": "programs",
        "5. DURATION": "duration",
    }


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("3. WHAT THE PARTNERS WANT TO ACHIEVE", "objectives"),
        ("7. AFTER THE PARTNERSHIP", "sustainability"),
        ("9. CHILD PROTECTION INFORMATION", "data"),
        ("7. MONITORING, EVALUATION AND LEARNING", "indicators"),
        ("Article 7 : Du plan de financement pluriannuel", "financial_plan"),
        ("4.2 Programme 2 – Safe Homes", "programs"),
    ],
)
def test_descriptive_titles_name_their_part(heading, key):
    language = "fr" if heading.startswith("Article") else "en"
    body = BODY + " " + BODY
    blocks = [
        TextBlock(i, PARAGRAPH, text, language=language) for i, text in enumerate((heading, body))
    ]
    blocks = decide_headings(blocks)
    assert blocks[0].kind == HEADING
    assert split_sections(tuple(blocks))[0].key == key


def _kinds(*pieces: tuple[str, str]) -> list[str]:
    blocks = [TextBlock(index, kind, text) for index, (kind, text) in enumerate(pieces)]
    return [block.kind for block in decide_headings(blocks)]


def test_the_next_numbered_title_after_a_list_of_definitions_is_a_heading():
    """ "2. BACKGROUND" after the (a)…(c) items of "1. DEFINITIONS", with no "2.1" under
    it: its number follows the last numbered title's."""
    kinds = _kinds(
        (PARAGRAPH, "1. DEFINITIONS"),
        (PARAGRAPH, "In this document:"),
        ("item", "(a) “Child” means a person under the age of eighteen years;"),
        ("item", "(b) “TIP Office” means the Office to Monitor and Combat Trafficking in Persons."),
        (PARAGRAPH, "2. BACKGROUND"),
        (PARAGRAPH, BODY),
    )
    assert kinds == [HEADING, PARAGRAPH, "item", "item", HEADING, PARAGRAPH]


def test_a_component_title_with_a_dash_and_a_tag_is_a_heading():
    """The dash is no word: "Component 3 – Prevention in Ports and Markets Online (IR 3)"
    has ten words, as many as a plain heading may have."""
    kinds = _kinds(
        (PARAGRAPH, "Component 3 – Prevention in Ports and Markets Online (IR 3)"),
        (PARAGRAPH, "Output 3.1 – Prevention sessions in the schools of both port districts."),
    )
    assert kinds == [HEADING, PARAGRAPH]


def test_the_place_and_date_of_a_note_are_not_a_heading():
    kinds = _kinds(
        (PARAGRAPH, "Corvant City, 2 June 2027"),
        (PARAGRAPH, "I have the honour to acknowledge receipt of Your Excellency's Note No. 77."),
    )
    assert kinds == [PARAGRAPH, PARAGRAPH]


def test_nothing_after_signed_at_is_a_heading_but_an_annex():
    kinds = _kinds(
        (PARAGRAPH, "Signed at Corvant City on 2 June 2027, in two copies in English."),
        (PARAGRAPH, "OF AMERICA"),
        (PARAGRAPH, "TESSALY"),
        (PARAGRAPH, "ANNEX 1 – RESULTS FRAMEWORK"),
        (PARAGRAPH, BODY),
    )
    assert kinds == [PARAGRAPH, PARAGRAPH, PARAGRAPH, HEADING, PARAGRAPH]


def test_a_government_that_binds_itself_to_a_list_takes_on_those_duties(tmp_path):
    """ "se obliga a:" introduces the partner's duties under its own clause, as "se
    compromete a:" does (the wording is binding, which another finding reports)."""
    text = CONVENIO.read_text("utf-8").replace("se compromete a:", "se obliga a:")
    path = tmp_path / "convenio-obliga.txt"
    path.write_text(text, "utf-8")
    statuses = _statuses(_check(path))
    assert "✓ present" in statuses["B"]
    assert "Cláusula 3 (TAREAS DE CADA GOBIERNO)" in statuses["B"]


def test_paragraphs_renumbered_with_their_clause_are_no_change(tmp_path):
    """Word's automatic numbering renumbers "4.1" to "3.1" when a clause before it moves
    to the end; the clause that only moved up a number is renumbered, not modified."""
    clauses = {
        "Purpose": "The Participants intend to end the trafficking of children in Tessaly.",
        "Dialogue": "The Participants will meet once a year to review progress together.",
        "Data": "The Ministry will keep a register of every child victim it identifies.",
        "Sustainability": "Tessaly intends to fund the shelter from its own budget after 2030.",
        "Review": "An independent review of the Partnership is planned for the year 2029.",
        "Safeguarding": "Every partner will adopt a written policy to keep children safe.",
        "Final": "The Participants may amend this Compact in writing at any time.",
    }

    def draft(names: list[str]) -> str:
        parts = []
        for number, name in enumerate(names, start=1):
            parts += [f"Clause {number} — {name}", f"{number}.1 {clauses[name]}"]
        return "\n\n".join(parts) + "\n"

    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(draft(["Purpose", "Dialogue", "Data", "Sustainability", "Review", "Final"]))
    new.write_text(
        draft(["Purpose", "Data", "Sustainability", "Safeguarding", "Dialogue", "Final"])
    )
    result = CliRunner().invoke(main, ["compare", str(old), str(new)])
    assert result.exit_code in (0, 1), result.output
    assert "modified  Clause 4 (Sustainability)" not in result.output
    assert "modified  Clause 3 (Data)" not in result.output
    assert "0 modified" in result.output
