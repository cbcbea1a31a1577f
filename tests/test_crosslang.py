"""The figures the language versions of one draft are compared on (check/crosslang.py)."""

from __future__ import annotations

import pytest

from cpc_draft.check.crosslang import figures_of


@pytest.mark.parametrize(
    ("language", "text", "durations"),
    [
        ("fr", "Lorsque les dépenses d'une année diffèrent des montants prévus", []),
        ("es", "si el gasto de un año difiere de lo previsto", []),
        ("en", "where the expenditure of a year differs from the amounts", []),
        ("en", "for one year after expiry", []),
        ("fr", "pendant cinq ans à compter de la signature", ["P5Y"]),
        ("es", "por un plazo de dos (2) años", ["P2Y"]),
        ("en", "within 1 year", ["P1Y"]),
    ],
)
def test_one_unit_in_words_is_an_article_as_often_as_a_duration(language, text, durations):
    """ "d'une année" is also "a year", which English does not count: neither side of a
    faithful translation reports it, so no mismatch is invented."""
    assert [value for kind, value in figures_of(text, language) if kind == "duration"] == durations


def _stream(*paragraphs: str):
    from cpc_draft.model import TextBlock

    heading = ("Article", "Artículo")
    return [
        TextBlock(i, "heading" if text.startswith(heading) else "paragraph", text)
        for i, text in enumerate(paragraphs)
    ]


def _mismatches(first: tuple[str, str], second: tuple[str, str]):
    from cpc_draft.check.crosslang import language_mismatches

    (one, text_one), (two, text_two) = first, second
    titles = {
        "en": ("Article 3: Purpose", "Article 4: Oversight"),
        "es": ("Artículo 3: Objeto", "Artículo 4: Supervisión"),
        "fr": ("Article 3 : Objet", "Article 4 : Suivi"),
    }
    streams = {
        language: _stream(titles[language][0], "…", titles[language][1], text)
        for language, text in ((one, text_one), (two, text_two))
    }
    return [m.message() for m in language_mismatches(streams)]


@pytest.mark.parametrize(
    ("language", "text", "frequencies"),
    [
        (
            "en",
            "Board meets every three months; semiannual reports.",
            ["P3M", "P6M"],
        ),
        ("en", "Each quarter the Office reports; the review happens once a year.", ["P3M", "P1Y"]),
        (
            "es",
            "Sesiona cada cuatro meses, informa semestralmente.",
            ["P4M", "P6M"],
        ),
        (
            "fr",
            "Siège tous les deux ans, bilan trimestriel.",
            ["P2Y", "P3M"],
        ),
        ("fr", "Siège chaque semestre.", ["P6M"]),
        ("en", "Every other year, every child and every district.", []),
    ],
)
def test_a_frequency_is_read_as_a_period_never_as_a_duration(language, text, frequencies):
    found = figures_of(text, language)
    assert [value for kind, value in found if kind == "frequency"] == frequencies
    assert not [value for kind, value in found if kind == "duration"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            ("en", "Board meets every six months."),
            ("fr", "Siège chaque semestre."),
        ),
        (("es", "La Junta sesiona semestralmente."), ("en", "The Board convenes twice a year.")),
        (
            ("fr", "Siège tous les trois mois."),
            ("es", "La Junta sesiona cada trimestre."),
        ),
        # a frequency in words the tool does not read is no evidence of a difference
        (
            ("en", "Board meets every six months."),
            ("es", "Sesiona de vez en cuando."),
        ),
    ],
)
def test_the_same_frequency_written_each_language_s_way_is_no_mismatch(first, second):
    assert _mismatches(first, second) == []


def test_frequencies_that_differ_between_the_versions_are_reported():
    found = _mismatches(("en", "Board meets every six months."), ("fr", "Siège chaque trimestre."))
    assert found == ["article 4: frequency differs between en (P6M) and fr (P3M)"]
