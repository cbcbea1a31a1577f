"""Elements E (oversight), F and G judged by what the words provide now.

A clause that names its topic but leaves the substance for later ("its structure will be
decided by the Joint Committee", "se proponen definir en su momento", "feront l'objet
d'un document distinct") is partial; a problem stated ("the lack of a case management
system") is no system at all; an article whose heading came through as a paragraph in
capitals is still an article. Each short draft below was written for these tests
(fictional partner Veltora, our own wording) and is checked with `cpc-draft check`, as
a reviewer would run it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main

RECITAL = {
    "en": "The Government of the United States of America and the Government of the Republic "
    "of Veltora intend to work together against the trafficking of children.",
    "es": "El Gobierno de los Estados Unidos de América y el Gobierno de la República de Veltora "
    "tienen la intención de colaborar contra la trata de niñas, niños y adolescentes.",
    "fr": "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République de "
    "Veltora ont l'intention de coopérer contre la traite des enfants.",
}
HEADING = {
    ("en", "F"): "SECTION 8. SUSTAINING THE RESULTS",
    ("en", "G"): "SECTION 9. CASE DATA",
    ("es", "F"): "Artículo 8. Sostenibilidad",
    ("es", "G"): "Artículo 9. Datos sobre los casos",
    ("fr", "F"): "Article 8 – Pérennité",
    ("fr", "G"): "Article 9 – Données sur les cas",
}


def _check(tmp_path: Path, text: str) -> str:
    path = tmp_path / "draft.txt"
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    return result.output


def _status(output: str, key: str) -> str:
    """The status `check` prints on element ``key``'s line: "G data  ~ partial  …"."""
    line = re.search(rf"^  {key} \S+\s+\S (present|partial|missing)", output, re.MULTILINE)
    assert line, output
    return line.group(1)


def _article(tmp_path: Path, language: str, key: str, body: str) -> str:
    text = f"{RECITAL[language]}\n\n{HEADING[language, key]}\n{body}\n"
    return _status(_check(tmp_path, text), key)


@pytest.mark.parametrize(
    ("language", "body", "status"),
    [
        # the system announced, its substance left to a committee
        (
            "en",
            "The Ministry of Social Welfare plans to set up a case management system for "
            "child victims. How it is organised, who may consult it and how privacy is "
            "protected will be decided by the Joint Committee at its first meeting.",
            "partial",
        ),
        (
            "en",
            "The Ministry of Social Welfare plans to set up a case management system for "
            "child victims. Each case will be recorded under one number, and the Ministry "
            "will consolidate the records every quarter.",
            "present",
        ),
        (
            "es",
            "El Ministerio pondrá en marcha un sistema de información sobre las víctimas. Sus "
            "características y los organismos usuarios se determinarán durante el primer "
            "semestre de la Alianza.",
            "partial",
        ),
        (
            "es",
            "El Ministerio pondrá en marcha un sistema de información sobre las víctimas y "
            "registrará cada caso con un número único.",
            "present",
        ),
        (
            "fr",
            "Le Ministère tiendra un registre des enfants victimes. Le contenu de ce registre "
            "et les règles d'accès feront l'objet d'un document distinct.",
            "partial",
        ),
        (
            "fr",
            "Le Ministère tiendra un registre des enfants victimes et consolidera les données "
            "de chaque dossier chaque trimestre.",
            "present",
        ),
    ],
)
def test_a_data_system_whose_substance_is_deferred_is_partial(tmp_path, language, body, status):
    assert _article(tmp_path, language, "G", body) == status


@pytest.mark.parametrize(
    ("language", "body", "status"),
    [
        # an intention only to decide, and a strategy worked out "in the course of" a year:
        # a year, but no deadline
        (
            "en",
            "The Participants intend to agree on a transition strategy in the last year of "
            "the Partnership.",
            "partial",
        ),
        (
            "en",
            "A strategy for after the Partnership is to be worked out by the two Governments "
            "in the course of FY2029.",
            "partial",
        ),
        (
            "en",
            "A transition plan will be prepared by 31 March 2029; under it the Ministry will "
            "take over the costs of the two shelters from 2030.",
            "present",
        ),
        (
            "es",
            "Los Participantes se proponen definir en su momento una estrategia de continuidad "
            "de los servicios.",
            "partial",
        ),
        (
            "es",
            "El Ministerio asumirá los costos de los dos albergues a partir de 2030 e "
            "incorporará los cursos a la academia de policía.",
            "present",
        ),
        (
            "fr",
            "Les Parties entendent étudier, lors des négociations du Pacte, la reprise du "
            "financement des centres d'accueil.",
            "partial",
        ),
        (
            "fr",
            "La stratégie de pérennisation sera arrêtée ultérieurement par le Comité.",
            "partial",
        ),
        # agreeing now to decide later
        (
            "fr",
            "Les deux Parties conviennent d'examiner, lors de la dernière revue, les mesures "
            "nécessaires pour préserver les services après l'expiration du Pacte.",
            "partial",
        ),
        (
            "en",
            "The two Governments agree to examine, at the final review, the steps needed to "
            "sustain the services after the Partnership expires.",
            "partial",
        ),
    ],
)
def test_a_sustainability_plan_left_to_a_later_decision_is_partial(
    tmp_path, language, body, status
):
    assert _article(tmp_path, language, "F", body) == status


@pytest.mark.parametrize(
    ("language", "problem"),
    [
        (
            "en",
            "The Participants note that the lack of a case management system leaves many "
            "child victims without follow-up.",
        ),
        (
            "es",
            "Los Gobiernos constatan que la falta de datos consolidados dificulta la "
            "planificación de las políticas.",
        ),
        (
            "fr",
            "Les deux Gouvernements constatent que l'absence de statistiques consolidées rend "
            "difficile l'appréciation du phénomène.",
        ),
    ],
)
def test_a_problem_stated_about_data_is_not_a_system(tmp_path, language, problem):
    output = _check(tmp_path, f"{RECITAL[language]}\n\n{problem}\n")
    assert _status(output, "G") == "missing"


# Numbered articles whose headings are lines in capitals, read as paragraphs.
NOTES = """\
The Government of the United States of America and the Government of the Republic of \
Veltora intend to work together against the trafficking of children.

7. AFTER THE PARTNERSHIP

7.1 Before the end of Year 3, Veltora intends to adopt a national continuity plan for 2031 \
to 2035. Under it:

7.1.1 the Ministry of Social Welfare will pay the staff of the two shelters from 1 January 2031;

7.1.2 the police academy will teach the investigation course every year.

8. CASE INFORMATION

8.1 The Ministry of Social Welfare intends to keep a record of every child victim under one \
case number.

8.2 District officers will enter each referral within five days, and the Ministry will \
consolidate the records every quarter.
"""


def test_articles_under_title_lines_in_capitals_are_articles(tmp_path):
    output = _check(tmp_path, NOTES)
    assert _status(output, "F") == "present"
    assert _status(output, "G") == "present"
    # the reason quotes the article's text, not its title line
    assert re.search(r"^  G .*8\.1 The Ministry", output, re.MULTILINE), output


def test_a_title_line_in_capitals_with_a_deferred_article_is_partial(tmp_path):
    deferred = (
        "8.1 The Ministry of Social Welfare intends to keep a record of every child victim "
        "under one case number. Its design and contents will be settled later.\n"
    )
    text = NOTES.replace(
        "7.1 Before the end of Year 3",
        "7.0 How the services continue will be decided later.\n\n7.1 Before the end of Year 3",
    )
    text = text[: text.index("8.1 ")] + deferred
    output = _check(tmp_path, text)
    assert _status(output, "F") == "present"  # 7.1 still plans, whatever 7.0 leaves open
    assert _status(output, "G") == "partial"  # the record announced, its design left open


PLAN = {
    "en": "ARTICLE 6 - FINANCIAL PLAN\nThe United States intends to contribute US$3,000,000 "
    "and Veltora intends to contribute US$2,000,000, by year as follows:\n\n"
    "Year | United States | Veltora\n2027 | US$1,500,000 | US$1,000,000\n"
    "2028 | US$1,500,000 | US$1,000,000\n",
    "es": "Artículo 6. Plan financiero\nLos Estados Unidos tienen la intención de aportar "
    "USD 3.000.000 y Veltora tiene la intención de aportar USD 2.000.000, por año, así:\n\n"
    "Año | Estados Unidos | Veltora\n2027 | USD 1.500.000 | USD 1.000.000\n"
    "2028 | USD 1.500.000 | USD 1.000.000\n",
    "fr": "Article 6 – Plan financier\nLes États-Unis ont l'intention d'apporter 3 000 000 USD "
    "et la Veltora a l'intention d'apporter 2 000 000 USD, par année :\n\n"
    "Année | États-Unis | Veltora\n2027 | 1 500 000 USD | 1 000 000 USD\n"
    "2028 | 1 500 000 USD | 1 000 000 USD\n",
}


@pytest.mark.parametrize(
    ("language", "oversight", "status"),
    [
        (
            "en",
            "The arrangements for auditing the use of these funds will be agreed by the "
            "Participants at a later stage.",
            "partial",
        ),
        (
            "en",
            "The Comptroller General of Veltora will audit the national contribution every year.",
            "present",
        ),
        ("es", "Los mecanismos de auditoría de estos fondos se definirán más adelante.", "partial"),
        (
            "es",
            "La Contraloría General auditará cada año el aporte nacional.",
            "present",
        ),
        (
            "fr",
            "Les modalités de contrôle de ces fonds seront précisées ultérieurement.",
            "partial",
        ),
        # an intention to examine the spending is oversight, not a decision put off
        (
            "fr",
            "Les Parties entendent examiner l'exécution des fonds chaque année.",
            "present",
        ),
    ],
)
def test_oversight_left_for_later_is_no_oversight(tmp_path, language, oversight, status):
    text = f"{RECITAL[language]}\n\n{PLAN[language]}\n{oversight}\n"
    assert _status(_check(tmp_path, text), "E") == status


def test_the_reason_quotes_the_sentence_that_defers(tmp_path):
    body = (
        "The Ministry of Social Welfare plans to set up a case management system for child "
        "victims. How it is organised and who may consult it will be decided by the Joint "
        "Committee at its first meeting."
    )
    output = _check(tmp_path, f"{RECITAL['en']}\n\n{HEADING['en', 'G']}\n{body}\n")
    line = next(line for line in output.splitlines() if line.startswith("  G "))
    assert "left to a later decision" in line
    assert "“How it is organised" in line


@pytest.mark.parametrize(
    ("language", "definition", "use", "status"),
    [
        (
            "en",
            '(c) "VCR" means the Veltora Case Register kept by the Ministry of Social Welfare.',
            "",
            "partial",
        ),
        (
            "en",
            '(c) "VCR" means the Veltora Case Register kept by the Ministry of Social Welfare.',
            "The Ministry will record every child victim in the VCR under one case number.",
            "present",
        ),
        (
            "es",
            "c) Por «RUV» se entiende el Registro Único de Víctimas a cargo del Ministerio.",
            "",
            "partial",
        ),
        (
            "fr",
            "c) « RNV » désigne le registre national des victimes tenu par le Ministère.",
            "",
            "partial",
        ),
    ],
)
def test_a_system_named_only_in_a_definition_is_not_described(
    tmp_path, language, definition, use, status
):
    text = f"{RECITAL[language]}\n\n{definition}\n\n{use}\n"
    assert _status(_check(tmp_path, text), "G") == status
