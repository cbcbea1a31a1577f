"""Fixed wording per language (names of the United States, labels, contractions).

The data lives in ``data/languages/<code>.yaml``; adding a partner language means adding
that file and a section in each clause, nothing in code.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from cpc_draft.errors import CpcDraftError
from cpc_draft.fileio.yaml_source import load_data

_DATA = resources.files("cpc_draft").joinpath("data/languages")


def available_languages() -> list[str]:
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in _DATA.iterdir()
        if entry.name.endswith(".yaml")
    )


@cache
def wording(language: str) -> dict:
    """The wording data of ``language``; raise a clear error for a language we lack."""
    entry = _DATA.joinpath(f"{language}.yaml")
    if not entry.is_file():
        have = ", ".join(available_languages())
        raise CpcDraftError(f"no wording data for language {language!r} (available: {have})")
    return load_data(entry.read_text("utf-8"))


@cache
def _contraction_patterns(language: str) -> tuple[tuple[re.Pattern, str], ...]:
    # Only before a capitalised word: "de el Gobierno" -> "del Gobierno", while the
    # clause author's "de le protéger" (a pronoun) is left alone.
    # Elision ("de Haïti" -> "d'Haïti") likewise, before a capitalised vowel or h.
    words = wording(language)
    return tuple(
        (re.compile(rf"\b{re.escape(source)} (?=[A-ZÀ-ÖØ-Þ])"), target + " ")
        for source, target in words["contractions"]
    ) + tuple(
        (re.compile(rf"\b{re.escape(source)} (?=[AEIOUYHÀ-ÆÈ-ÏÒ-ÖØ-Ü])"), target)
        for source, target in words.get("elisions", [])
    )


def contract(text: str, language: str) -> str:
    """Apply the language's article contractions to ``text``."""
    for pattern, replacement in _contraction_patterns(language):
        text = pattern.sub(replacement, text)
    return text


@cache
def _spacing_rules(language: str) -> tuple[tuple[re.Pattern, str], ...]:
    return tuple(
        (re.compile(pattern), replacement)
        for pattern, replacement in wording(language).get("spacing", [])
    )


def typeset(text: str, language: str) -> str:
    """The language's typography: its one apostrophe, its spaces around punctuation."""
    apostrophe = wording(language).get("apostrophe")
    if apostrophe:
        text = text.replace("'", apostrophe).replace("’", apostrophe)
    for pattern, replacement in _spacing_rules(language):
        text = pattern.sub(replacement, text)
    return text
