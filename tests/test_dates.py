"""Dates written out in words, per language (month names from CLDR)."""

from __future__ import annotations

import datetime as dt

import pytest

from cpc_draft.text.dates import find_date, find_dates


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Done at Lima, on April 26, 2022, in duplicate", "en", dt.date(2022, 4, 26)),
        ("signed 26 April 2022", "en", dt.date(2022, 4, 26)),
        ("Hecho en Lima, el 26 de abril de 2022", "es", dt.date(2022, 4, 26)),
        ("Fait à Abidjan, le 1er avril 2022", "fr", dt.date(2022, 4, 1)),
        ("le 15 septembre 2022", "fr", dt.date(2022, 9, 15)),
        ("el 30 de febrero de 2022", "es", None),  # no such day
        ("on ______", "en", None),
        ("in 2022 and 2027", "en", None),
    ],
)
def test_find_date(text, language, expected):
    assert find_date(text, language) == expected


def test_find_dates_in_order():
    text = "remains in effect until April 25, 2027, for five years beginning on April 26, 2022"
    assert find_dates(text, "en") == [dt.date(2027, 4, 25), dt.date(2022, 4, 26)]
