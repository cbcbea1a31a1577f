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
