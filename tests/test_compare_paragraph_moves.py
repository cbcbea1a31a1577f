"""A paragraph moved from one article to another is one move, not two modified articles.

The articles keep their places; one paragraph leaves Section 2 and, in the same words,
ends Section 4 with that section's number ("2.3" -> "4.3"). The paragraphs after the
place it left are renumbered ("2.4" -> "2.3"), which is no change either. An edit made
beside the move is still reported. The drafts are written here, in en, es and fr.
"""

from __future__ import annotations

import pytest

from cpc_draft.compare.versions import ADDED, DELETED, MODIFIED, MOVED, compare_versions
from cpc_draft.readers import read_document

SECTIONS = {
    "en": [
        (
            "Section 1 Purpose",
            [
                "The Participants intend to reduce the trafficking of children in the Republic of "
                "Valdoria through joint work on prosecution, protection and prevention.",
            ],
        ),
        (
            "Section 2 Outcome Indicators",
            [
                "The Participants will measure progress with the indicators set out in the annex, "
                "each with its baseline and yearly targets.",
                "The Ministry of Justice will collect the figures "
                "for each indicator every year and "
                "share them with the Joint Committee.",
                "Implementing partners will send quarterly narrative and financial reports to the "
                "Embassy, which will share a summary with the Ministry within thirty days.",
                "The Joint Committee will review the indicators at each annual dialogue and may "
                "propose new targets where the figures call for them.",
            ],
        ),
        (
            "Section 3 Case Data",
            [
                "A case register for child victims will be designed "
                "in the first year, with rules on "
                "who may see the data of a child.",
            ],
        ),
        (
            "Section 4 Financial Oversight",
            [
                "The Participants will keep separate accounts of the funds of the Partnership and "
                "make them available for audit on request.",
                "Each Participant will report its spending every year in the format agreed by the "
                "Joint Committee.",
            ],
        ),
    ],
    "es": [
        (
            "Sección 1 Objeto",
            [
                "Los Participantes se proponen reducir la trata de "
                "niñas, niños y adolescentes en la "
                "República de Montalba mediante un trabajo conjunto de persecución y protección.",
            ],
        ),
        (
            "Sección 2 Indicadores",
            [
                "Los Participantes medirán los avances con los indicadores del anexo, cada uno con "
                "su línea de base y sus metas anuales.",
                "El Ministerio de Justicia reunirá cada año las cifras de cada indicador y las "
                "compartirá con el Comité Conjunto.",
                "Los socios ejecutores enviarán informes narrativos "
                "y financieros trimestrales a la "
                "Embajada, que remitirá un resumen al Ministerio en un plazo de treinta días.",
                "El Comité Conjunto examinará los indicadores en "
                "cada diálogo anual y podrá proponer "
                "nuevas metas cuando las cifras lo justifiquen.",
            ],
        ),
        (
            "Sección 3 Datos de casos",
            [
                "Durante el primer año se diseñará un registro de "
                "casos de víctimas, con reglas sobre "
                "quién puede consultar los datos de un niño.",
            ],
        ),
        (
            "Sección 4 Supervisión financiera",
            [
                "Los Participantes llevarán cuentas separadas de los fondos de la Alianza y las "
                "pondrán a disposición para auditoría cuando se soliciten.",
                "Cada Participante informará cada año de sus gastos en el formato acordado por el "
                "Comité Conjunto.",
            ],
        ),
    ],
    "fr": [
        (
            "Section 1 Objet",
            [
                "Les Participants entendent réduire la traite des enfants en République de Kerval "
                "par un travail commun de poursuite, de protection et de prévention.",
            ],
        ),
        (
            "Section 2 Indicateurs",
            [
                "Les Participants mesureront les progrès au moyen des indicateurs de l'annexe, "
                "chacun avec sa valeur de référence et ses cibles annuelles.",
                "Le Ministère de la Justice recueillera chaque année les chiffres de chaque "
                "indicateur et les communiquera au Comité conjoint.",
                "Les partenaires d'exécution adresseront des rapports narratifs et financiers "
                "trimestriels à l'Ambassade, qui en transmettra un résumé au Ministère sous trente "
                "jours.",
                "Le Comité conjoint examinera les indicateurs lors de chaque dialogue annuel et "
                "pourra proposer de nouvelles cibles si les chiffres le justifient.",
            ],
        ),
        (
            "Section 3 Données des dossiers",
            [
                "Un registre des dossiers des enfants victimes sera conçu au cours de la première "
                "année, avec des règles sur l'accès aux données d'un enfant.",
            ],
        ),
        (
            "Section 4 Contrôle financier",
            [
                "Les Participants tiendront des comptes séparés des fonds du Partenariat et les "
                "mettront à disposition pour audit sur demande.",
                "Chaque Participant rendra compte chaque année de ses dépenses selon le format "
                "arrêté par le Comité conjoint.",
            ],
        ),
    ],
}


def _text(sections) -> str:
    parts = []
    for heading, paragraphs in sections:
        number = heading.split()[1]
        parts.append(heading)
        parts += [f"{number}.{n} {text}" for n, text in enumerate(paragraphs, start=1)]
    return "\n\n".join(parts) + "\n"


def _moved(language: str, edit_section_4: str | None = None):
    """The third paragraph of Section 2 moved to the end of Section 4."""
    sections = [(heading, list(paragraphs)) for heading, paragraphs in SECTIONS[language]]
    paragraph = sections[1][1].pop(2)
    sections[3][1].append(paragraph)
    if edit_section_4:
        old, new = edit_section_4.split(" -> ")
        sections[3][1][0] = sections[3][1][0].replace(old, new)
    return sections


def _compare(tmp_path, language, new_sections):
    old = tmp_path / f"{language}-v1.txt"
    new = tmp_path / f"{language}-v2.txt"
    old.write_text(_text(SECTIONS[language]), "utf-8")
    new.write_text(_text(new_sections), "utf-8")
    return compare_versions(read_document(old), read_document(new)).changes


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_paragraph_moved_to_another_section_is_one_move(tmp_path, language):
    changes = _compare(tmp_path, language, _moved(language))
    assert [(c.kind, c.old.number, c.new.number) for c in changes] == [(MOVED, "2", "4")]
    moved = changes[0]
    assert moved.old.title == SECTIONS[language][1][0].split(maxsplit=2)[2]
    # one paragraph, its number the only words that changed: "2.3" -> "4.3"
    assert [(b.old.text[:3], b.new.text[:3]) for b in moved.blocks] == [("2.3", "4.3")]
    assert {s.text for b in moved.blocks for s in b.segments if s.op != "equal"} == {"2.3", "4.3"}


EDITS = {
    "en": "separate accounts -> separate and audited accounts",
    "es": "cuentas separadas -> cuentas separadas y auditadas",
    "fr": "comptes séparés -> comptes séparés et audités",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_an_edit_beside_the_move_is_still_a_modification(tmp_path, language):
    changes = _compare(tmp_path, language, _moved(language, EDITS[language]))
    assert sorted((c.kind, c.old.number, c.new.number) for c in changes) == [
        (MODIFIED, "4", "4"),
        (MOVED, "2", "4"),
    ]
    modified = next(c for c in changes if c.kind == MODIFIED)
    assert [b.new.text[:3] for b in modified.blocks if b.changed] == ["4.1"]


def test_a_paragraph_deleted_and_another_added_is_no_move(tmp_path):
    sections = [(heading, list(paragraphs)) for heading, paragraphs in SECTIONS["en"]]
    sections[1][1].pop(2)
    sections[3][1].append(
        "The Embassy will publish a yearly summary of the Partnership's spending on its website."
    )
    changes = _compare(tmp_path, "en", sections)
    # no move: a paragraph deleted from one section and another added to a second
    assert sorted((c.kind, c.old.number) for c in changes) == [(ADDED, "4"), (DELETED, "2")]


def test_the_html_report_shows_both_sections_of_a_paragraph_move_as_changed(tmp_path):
    from cpc_draft.report.compare_html import _language_view

    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(_text(SECTIONS["en"]), "utf-8")
    new.write_text(_text(_moved("en")), "utf-8")
    comparison = compare_versions(read_document(old), read_document(new))
    view = _language_view(comparison.languages[0], comparison)
    kinds = {piece["new_label"]: piece["kind"] for piece in view["pieces"]}
    assert kinds["Section 2 (Outcome Indicators)"] == "modified"  # not folded as unchanged
    assert kinds["Section 4 (Financial Oversight)"] == "modified"
    assert kinds["Section 1 (Purpose)"] == "unchanged"
    assert [entry["kind"] for entry in view["toc"]] == ["moved"]
