"""Changes inside a section both versions keep, named for what they do: a paragraph
inserted is an addition in that section, a sentence struck out a deletion, words
replaced a modification; paragraph numbers that shift after an insertion ("3." -> "4.")
are no change, in any section. The drafts are written here, in en, es and fr.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main
from cpc_draft.compare.versions import ADDED, DELETED, MODIFIED, compare_versions
from cpc_draft.readers import read_document

# (heading, paragraphs); paragraphs are numbered 1, 2, 3 … across the whole draft
OLD = {
    "en": [
        ("Background", ["The Partners have worked together against child labour since 2019.",
                        "This Plan runs from 2027 to 2030."]),
        ("Aims", ["The Partners aim to bring more traffickers of children to justice."]),
        ("Duties", ["The Ministry will staff two shelters. The Embassy will also fund "
                    "exchanges of judges between the two countries."]),
        ("Reporting", ["The Ministry will report to the Embassy every year."]),
    ],
    "es": [
        ("Antecedentes", ["Las Partes colaboran contra el trabajo infantil desde 2019.",
                          "Este Plan abarca de 2027 a 2030."]),
        ("Fines", ["Las Partes buscan llevar ante la justicia a más tratantes de menores."]),
        ("Obligaciones", ["El Ministerio dotará de personal dos albergues. La Embajada también "
                          "financiará intercambios de jueces entre ambos países."]),
        ("Informes", ["El Ministerio informará a la Embajada cada año."]),
    ],
    "fr": [
        ("Contexte", ["Les Parties coopèrent contre le travail des enfants depuis 2019.",
                      "Ce Plan couvre la période de 2027 à 2030."]),
        ("Buts", ["Les Parties entendent traduire en justice davantage de trafiquants d'enfants."]),
        ("Obligations", ["Le Ministère dotera deux foyers en personnel. L'Ambassade financera "
                         "aussi des échanges de juges entre les deux pays."]),
        ("Rapports", ["Le Ministère fera rapport à l'Ambassade chaque année."]),
    ],
}  # fmt: skip

INSERTED = {
    "en": "The Plan also follows up the pledges made at a regional summit on child protection.",
    "es": "El Plan también da seguimiento a los compromisos de una cumbre regional de protección.",
    "fr": "Le Plan donne aussi suite aux engagements pris lors d'un sommet régional.",
}
REWORDED = {  # (old, new) words in the last section: a phrase inserted is a modification
    "en": ("report to", "report in writing to"),
    "es": ("informará a", "informará por escrito a"),
    "fr": ("fera rapport à", "fera rapport par écrit à"),
}


def _text(sections) -> str:
    lines, number = [], 0
    for heading, paragraphs in sections:
        lines.append(heading)
        for paragraph in paragraphs:
            number += 1
            lines.append(f"{number}. {paragraph}")
    return "\n\n".join(lines) + "\n"


def _new(language: str):
    """A paragraph inserted in the first section (every later number shifts), the second
    sentence of the third section struck out, and words replaced in the last section."""
    sections = [(heading, list(paragraphs)) for heading, paragraphs in OLD[language]]
    sections[0][1].insert(1, INSERTED[language])
    duty = sections[2][1][0]
    sections[2][1][0] = duty[: duty.index(". ") + 1]
    old, new = REWORDED[language]
    sections[3][1][0] = sections[3][1][0].replace(old, new)
    return sections


def _files(tmp_path, language: str, new_sections):
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(_text(OLD[language]), "utf-8")
    new.write_text(_text(new_sections), "utf-8")
    return old, new


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_paragraph_added_and_sentence_deleted_in_kept_sections(tmp_path, language):
    old, new = _files(tmp_path, language, _new(language))
    comparison = compare_versions(read_document(old), read_document(new))
    headings = [heading for heading, _ in OLD[language]]
    found = [(c.kind, c.old.title, c.new.title) for c in comparison.changes]
    assert found == [
        (ADDED, headings[0], headings[0]),
        (DELETED, headings[2], headings[2]),
        (MODIFIED, headings[3], headings[3]),
    ]
    added, deleted, _ = comparison.changes
    # only the inserted paragraph is shown, not the next one's shifted number
    assert [b.new.text for b in added.blocks if b.changed] == [f"2. {INSERTED[language]}"]
    duty = OLD[language][2][1][0]
    struck = duty[duty.index(". ") + 2 :]
    assert [b.old.text.endswith(struck) for b in deleted.blocks if b.changed and b.old] == [True]


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_shifted_paragraph_numbers_alone_are_no_change(tmp_path, language):
    """A paragraph inserted at the top renumbers every later paragraph: one change."""
    sections = [(heading, list(paragraphs)) for heading, paragraphs in OLD[language]]
    sections[0][1].insert(0, INSERTED[language])
    old, new = _files(tmp_path, language, sections)
    comparison = compare_versions(read_document(old), read_document(new))
    assert [(c.kind, c.new.title) for c in comparison.changes] == [(ADDED, OLD[language][0][0])]


def test_a_word_struck_out_is_a_modification_not_a_deletion(tmp_path):
    sections = [(heading, list(paragraphs)) for heading, paragraphs in OLD["en"]]
    sections[3][1][0] = sections[3][1][0].replace(" every year", "")
    old, new = _files(tmp_path, "en", sections)
    comparison = compare_versions(read_document(old), read_document(new))
    assert [c.kind for c in comparison.changes] == [MODIFIED]


def test_the_reports_name_the_section_the_text_was_added_to(tmp_path):
    old, new = _files(tmp_path, "en", _new("en"))
    runner = CliRunner()
    text = runner.invoke(main, ["compare", str(old), str(new)]).output
    assert "added     in Background" in text and "deleted   in Duties" in text
    assert "1 added, 1 deleted, 0 moved, 1 modified" in text
    data = json.loads(
        runner.invoke(main, ["compare", str(old), str(new), "--format", "json"]).output
    )
    added = data["changes"][0]
    assert added["kind"] == "added" and added["old"]["title"] == added["new"]["title"]
    assert [d["text"] for d in added["diff"] if d["op"] != "equal"] == [f"2. {INSERTED['en']}"]
