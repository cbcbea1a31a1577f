"""The words that give a figure its unit: percent words and duration units, per language
(data/figure_units.yaml). `crosslang` compares "five years" with "cinco años" through them,
and contribution periods (`nlp.periods`) read "over four years" with the same year words.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data

YEARS = "Y"


@cache
def _units() -> dict:
    data = resources.files("cpc_draft").joinpath("data/figure_units.yaml").read_text("utf-8")
    return load_data(data)


def percent_words(language: str) -> list[str]:
    percent = _units()["percent"]
    return [*percent["all"], *percent.get(language, [])]


def duration_words(language: str) -> dict[str, str]:
    """Each duration word of ``language`` (English for others) -> its ISO 8601 unit."""
    table = _units()["durations"].get(language) or _units()["durations"]["en"]
    return {word: unit for unit, words in table.items() for word in words}


def year_words(language: str) -> list[str]:
    return [word for word, unit in duration_words(language).items() if unit == YEARS]


def frequency_words(language: str) -> dict:
    """``every`` words, period nouns and frequency words of ``language`` (English for
    others): {"every": [...], "periods": {word: "P3M"}, "words": {phrase: "P6M"}}."""
    table = _units()["frequencies"].get(language) or _units()["frequencies"]["en"]
    return {
        "every": list(table["every"]),
        "periods": _by_word(table["periods"]),
        "words": _by_word(table["words"]),
    }


def _by_word(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: period for period, words in table.items() for word in words}
