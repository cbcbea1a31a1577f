"""What a lawyer expects `check` to read: treaty wording wherever it appears, the
non-binding statement, the term as the text states it, and F/G by what the words commit
to. Every draft here is written for these tests (fictional partners, our own wording) in
several styles and in English, Spanish and French.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_factory import make_docx, p, r

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

DRAFTS = Path(__file__).parent / "data" / "drafts"

# -- helpers ---------------------------------------------------------------------------------


def _review(tmp_path: Path, text: str, name: str = "draft.txt"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return review_document(read_document(path), Config())


def _findings(review, rule: str) -> list[str]:
    return [f.message for f in review.findings if f.rule == rule]


def _flagged(review, quote: str) -> bool:
    """A binding-wording finding quotes the sentence holding ``quote``."""
    return any(quote in message for message in _findings(review, "binding-wording"))


# -- treaty wording, whatever the draft says about itself ------------------------------------

TREATY_EN = (DRAFTS / "treaty-en.txt").read_text("utf-8")

TREATY_QUOTES_EN = [
    "have agreed as follows",
    "The Parties agree to pursue the objectives",
    "shall be obligated to provide",
    "Veltora undertakes to assign forty investigators",
    "shall be settled by arbitration",
    "This Compact is legally binding.",
    "perform its obligations under this Agreement",
    "shall enter into force on the date of the second notification",
]


def test_treaty_wording_is_flagged_without_a_non_binding_clause(tmp_path):
    review = _review(tmp_path, TREATY_EN)
    assert review.primary.wording.non_binding == ()
    missed = [q for q in TREATY_QUOTES_EN if not _flagged(review, q)]
    assert not missed, _findings(review, "binding-wording")
    assert _findings(review, "non-binding-statement") == [
        "the draft never states that it is not legally binding"
    ]


def test_a_finding_names_the_words_and_points_at_the_block(tmp_path):
    review = _review(tmp_path, TREATY_EN)
    finding = next(f for f in review.findings if "arbitration" in f.message)
    assert "\u2018shall\u2019" in finding.message and "\u2018arbitration\u2019" in finding.message
    block = review.document.blocks[finding.block]
    assert "settled by arbitration" in block.text


def test_treaty_wording_in_a_word_file_too(tmp_path):
    paragraphs = [p(r(line)) for line in TREATY_EN.splitlines() if line.strip()]
    path = tmp_path / "treaty.docx"
    make_docx(path, "".join(paragraphs))
    review = review_document(read_document(path), Config())
    assert all(_flagged(review, q) for q in TREATY_QUOTES_EN)


TREATY_ES = (DRAFTS / "treaty-es.txt").read_text("utf-8")

TREATY_FR = (DRAFTS / "treaty-fr.txt").read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (
            TREATY_ES,
            [
                "Las Partes deberán cumplir sus obligaciones",
                "se obligan a aportar",
                "entrará en vigor en la fecha",
            ],
        ),
        (
            TREATY_FR,
            [
                "Les Parties s'engagent à coopérer",
                "doit affecter quarante enquêteurs",
                "entrera en vigueur à la date",
                "Il est juridiquement contraignant.",
            ],
        ),
    ],
    ids=["es", "fr"],
)
def test_treaty_wording_in_spanish_and_french(tmp_path, text, quotes):
    review = _review(tmp_path, text)
    missed = [q for q in quotes if not _flagged(review, q)]
    assert not missed, _findings(review, "binding-wording")
    assert _findings(review, "non-binding-statement")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ARTICLE 3 - OBLIGATIONS OF THE PARTIES", "\u2018THE PARTIES\u2019"),
        ("The Government of Veltora must report on the indicators every year.", "\u2018must\u2019"),
        ("Los Participantes deben presentar un informe cada año.", "\u2018deben\u2019"),
    ],
)
def test_capitals_and_other_modals(tmp_path, text, words):
    messages = _findings(_review(tmp_path, text + "\n"), "binding-wording")
    assert len(messages) == 1 and words in messages[0]


# A non-binding draft in each language: its denials and disclaimers are the non-binding
# statement, "undertaken" is "carried out", and "targets to be agreed" is no treaty verb.
NON_BINDING = {
    language: (DRAFTS / f"nonbinding-{language}.txt").read_text("utf-8")
    for language in ("en", "es", "fr")
}


@pytest.mark.parametrize("language", sorted(NON_BINDING))
def test_denials_and_disclaimers_are_not_treaty_wording(tmp_path, language):
    review = _review(tmp_path, NON_BINDING[language])
    assert review.document.languages == (language,)
    assert _findings(review, "binding-wording") == []
    assert _findings(review, "non-binding-statement") == []


def test_treaty_wording_in_a_non_binding_draft_says_it_contradicts_it(tmp_path):
    text = NON_BINDING["en"] + "\n3. The Parties shall exchange information every quarter.\n"
    messages = _findings(_review(tmp_path, text), "binding-wording")
    assert len(messages) == 1
    assert "calls itself non-binding" in messages[0]
    assert "\u201cThe Parties shall exchange information every quarter.\u201d" in messages[0]


def test_a_treaty_savings_clause_is_not_a_non_binding_statement(tmp_path):
    text = (
        "The Participants intend to meet every year.\n\n"
        "Nothing in this Compact shall affect the rights and obligations of the Parties "
        "under other international agreements.\n"
    )
    review = _review(tmp_path, text)
    assert _findings(review, "non-binding-statement")
    assert _findings(review, "binding-wording")


def test_each_language_version_must_state_it(tmp_path):
    english = NON_BINDING["en"]
    spanish = (
        "MEMORANDO DE INTENCIÓN SOBRE UNA ALIANZA CPC\n\n"
        "Los Participantes tienen la intención de reunirse cada año para examinar los avances "
        "de la presente Alianza y los resultados de los programas.\n\n"
        "Los Participantes tienen la intención de fortalecer la protección de las niñas, niños "
        "y adolescentes víctimas de trata en todo el territorio nacional.\n"
    )
    review = _review(tmp_path, english + "\n" + spanish)
    assert set(review.facts) == {"en", "es"}
    assert _findings(review, "non-binding-statement") == [
        "the es text never states that it is not legally binding; the other language versions do"
    ]


# -- the term, from what the text says about it --------------------------------------------


def _term(tmp_path, text: str):
    review = _review(tmp_path, text)
    data = review.primary
    return data.stated_term, data.signing


@pytest.mark.parametrize(
    ("text", "start", "end", "years"),
    [
        (  # the case: the signing date is not the start
            "Article 9\nDuration\n\nA term of five years beginning on January 1, 2027.\n\n"
            "Done at Orlan, on November 20, 2026.\n",
            "2027-01-01",
            "2031-12-31",
            5,
        ),
        (  # tied to the signature: then the signing date starts it
            "SECTION II. DURATION\nThis Partnership is expected to remain in effect for five "
            "years from the date of its signature.\n\nDone at Orlan, on November 20, 2026.\n",
            "2026-11-20",
            "2031-11-19",
            5,
        ),
        (  # a range in the preamble is another plan's, not the term
            "Recalling the National Plan 2021–2025;\n\nArticle 3\nTerm\n\nThis Partnership "
            "covers the years 2026–2030.\n\nSigned at Orlan on 2 March 2026.\n",
            "2026",
            "2030",
            4,
        ),
        (  # no duration article: a sentence about the implementation period
            "1. The Participants intend to protect children from trafficking.\n\n"
            "2. The implementation period of this Partnership is 2027-2031.\n",
            "2027",
            "2031",
            4,
        ),
        (  # an extension is not the term's length
            "Article 4 – Duration\nThis Partnership remains in effect from the date of signature "
            "until 31 December 2029. The Participants may extend it for two additional years.\n\n"
            "Done at Orlan, this 3rd day of March, 2026.\n",
            "2026-03-03",
            "2029-12-31",
            4,
        ),
        (
            "CLÁUSULA TERCERA.- VIGENCIA\nLa presente Alianza permanecerá vigente por un período "
            "de cuatro (4) años, desde la fecha de su firma hasta el 31 de diciembre de 2029.\n\n"
            "Hecho en la ciudad de Orlán, a los 5 días del mes de marzo de 2026.\n",
            "2026-03-05",
            "2029-12-31",
            4,
        ),
        (  # Spanish, signature left blank: the end year and the length give the start
            "Artículo 3. Duración\nEl presente Memorando surte efecto a partir de la fecha de su "
            "firma y permanecerá vigente cuatro años, hasta el año 2030.\n\n"
            "Firmado en Orlán, a los ____ días del mes de ______ de 2026.\n",
            "2026",
            "2030",
            4,
        ),
        (
            "Article 3 : Durée\nLe présent Partenariat est conclu pour une durée de cinq (5) ans "
            "à compter du 1er janvier 2027.\n\nFait à Orlan, le 20 novembre 2026.\n",
            "2027-01-01",
            "2031-12-31",
            5,
        ),
        (
            "TITRE I – DISPOSITIONS GÉNÉRALES\nArticle 2 – Durée\nLe présent Partenariat "
            "s'applique de 2026 à 2030.\n\nFait à Orlan, le 2 juin 2026.\n",
            "2026",
            "2030",
            4,
        ),
    ],
    ids=[
        "en-begins",
        "en-from-signature",
        "en-range",
        "en-period",
        "en-until",
        "es-dates",
        "es-year",
        "fr-dates",
        "fr-range",
    ],
)
def test_term_from_what_the_text_says(tmp_path, text, start, end, years):
    term, _ = _term(tmp_path, text)
    assert (term.start, term.end, term.years) == (start, end, years)


def test_signature_place_and_date_in_other_forms(tmp_path):
    text = "Signed at Washington, D.C., in duplicate, this 14th day of May, 2026, in English.\n"
    _, signing = _term(tmp_path, text)
    assert signing.place == "Washington, D.C." and signing.date.isoformat() == "2026-05-14"


@pytest.mark.parametrize(
    ("final_clause", "place", "date"),
    [
        (
            "Done in duplicate at Orlan, on the twenty-second day of May, two thousand "
            "twenty-six, in the English language.",
            "Orlan",
            "2026-05-22",
        ),
        (
            "Hecho en la ciudad de Orlán, a los veintidós días del mes de mayo de dos mil "
            "veintiséis, en dos ejemplares originales.",
            "Orlán",
            "2026-05-22",
        ),
        (
            "Fait à Orlan, le vingt-deux mai deux mille vingt-six, en deux exemplaires.",
            "Orlan",
            "2026-05-22",
        ),
    ],
    ids=["en", "es", "fr"],
)
def test_signature_dates_in_words(tmp_path, request, final_clause, place, date):
    language = request.node.callspec.id
    _, signing = _term(tmp_path, f"{RECITAL[language]}\n\n{final_clause}\n")
    assert (signing.place, signing.date.isoformat()) == (place, date)


def test_term_length_reads_the_stated_dates(tmp_path):
    text = (
        "Article 2\nDuration\n\nThis Partnership remains in effect from 1 January 2026 until "
        "31 December 2032.\n"
    )
    review = _review(tmp_path, text)
    assert [f.message for f in review.findings if f.rule == "term-length"] == [
        "a term of 7 years is outside the usual four to five"
    ]


# -- F sustainability and G data: what the words commit to ------------------------------------


# A recital before the article under test, so that each short draft reads as its language.
RECITAL = {
    "en": "The Government of the United States of America and the Government of the Republic "
    "of Veltora intend to work together against the trafficking of children.",
    "es": "El Gobierno de los Estados Unidos de América y el Gobierno de la República de Veltora "
    "tienen la intención de colaborar contra la trata de niñas, niños y adolescentes.",
    "fr": "Le Gouvernement des États-Unis d'Amérique et le Gouvernement de la République de "
    "Veltora ont l'intention de coopérer contre la traite des enfants.",
}


def _status(tmp_path, heading: str, body: str, key: str) -> str:
    language = (
        "es" if heading.startswith("Art\u00edculo") else "fr" if "\u2013" in heading else "en"
    )
    review = _review(tmp_path, f"{RECITAL[language]}\n\n{heading}\n{body}\n")
    assert review.document.languages == (language,)
    return review.elements[key].status


@pytest.mark.parametrize(
    ("heading", "body", "status"),
    [
        (
            "SECTION VIII. SUSTAINABILITY",
            "The Participants will consider sustainability of the results achieved.",
            "partial",
        ),
        (
            "SECTION VIII. SUSTAINABILITY",
            "The Participants hope that the improvements continue after the Partnership ends.",
            "partial",
        ),
        ("SECTION VIII. SUSTAINABILITY", "A sustainability plan will be agreed later.", "partial"),
        (
            "SECTION VIII. SUSTAINABILITY",
            "The Participants will discuss how to sustain the results at the annual dialogue.",
            "partial",
        ),
        (
            "SECTION VIII. SUSTAINABILITY",
            "By 30 June 2029 the Ministry intends to adopt a national strategy that moves the "
            "shelters' running costs to its own budget from 2030.",
            "present",
        ),
        (
            "Artículo 9. Sostenibilidad",
            "Los Participantes esperan que las mejoras continúen.",
            "partial",
        ),
        (
            "Artículo 9. Sostenibilidad",
            "El Ministerio tiene la intención de adoptar, antes de diciembre de 2029, una "
            "estrategia nacional que asuma con su presupuesto los costos de los albergues.",
            "present",
        ),
        (
            "Article 9 – Pérennité",
            "Un plan de pérennisation sera élaboré ultérieurement.",
            "partial",
        ),
        (
            "Article 9 – Pérennité",
            "Le Ministère a l'intention d'adopter avant fin 2029 une stratégie nationale de "
            "pérennisation prenant en charge les centres d'accueil sur son budget.",
            "present",
        ),
    ],
)
def test_sustainability_hopes_and_later_plans_are_partial(tmp_path, heading, body, status):
    assert _status(tmp_path, heading, body, "F") == status


def test_a_sustainability_heading_in_plain_words(tmp_path):
    body = (
        "The Ministry of Social Affairs intends to keep the trained staff in post and to fund "
        "the two shelters from its own budget from 2030, under a national strategy it plans to "
        "adopt by June 2029."
    )
    assert _status(tmp_path, "What happens when the Partnership ends", body, "F") == "present"


@pytest.mark.parametrize(
    ("heading", "body", "status"),
    [
        (
            "ARTICLE 7 - CHILD PROTECTION DATA",
            "Data will be shared between the Participants as appropriate.",
            "partial",
        ),
        (
            "ARTICLE 7 - CHILD PROTECTION DATA",
            "Each case of a child victim will be recorded under one number from identification "
            "to closure, and the Ministry will consolidate the data every quarter for planning.",
            "present",
        ),
        ("Artículo 7. Datos", "Los Participantes compartirán los datos disponibles.", "partial"),
        (
            "Artículo 7. Datos",
            "La Fiscalía registrará cada caso y consolidará los datos cada trimestre para la "
            "planificación de políticas.",
            "present",
        ),
        ("Article 7 – Données", "Les données seront partagées entre les Participants.", "partial"),
        (
            "Article 7 – Données",
            "Le Ministère collectera les données de chaque dossier et les consolidera chaque "
            "trimestre pour le suivi des cas.",
            "present",
        ),
    ],
)
def test_data_shared_only_is_partial(tmp_path, heading, body, status):
    assert _status(tmp_path, heading, body, "G") == status
