"""The partner's names for `cpc-draft init`: formal and short, each with its article.

A compact writes "the Government of" + the formal name and "de"/"à" + the short name,
so both carry the article the language gives them (la Côte d'Ivoire, le Maroc, el Perú;
Mongolia and Haiti take none in English) and the assembler's contractions do the rest
(du Maroc, au Maroc, del Perú). Known countries come from ``data/country_names.yaml``;
for others the short name is CLDR's, the article a guess marked for checking.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import NamedTuple

from cpc_draft.assemble.wording import wording
from cpc_draft.fileio.yaml_source import load_data

_VOWELS = "aeiouyàâéèêëîïôöûüœh"


class Name(NamedTuple):
    """One language's names; ``check`` says what the user should verify (or is empty)."""

    formal: str | None  # None: the user must write it (a TODO in the spec)
    short: str | None
    check: str = ""


def partner_names(partner: str, code: str | None, english: str | None, languages) -> dict:
    """Language -> :class:`Name` for the partner called ``partner`` (as the user wrote it),
    whose ISO code and English CLDR name are ``code`` and ``english`` (None if unknown)."""
    from babel import Locale

    known = _data()["countries"].get(code or "", {})
    names = {}
    for language in languages:
        if language in known:
            formal, short = known[language]
            names[language] = Name(formal, short)
        elif language == "en":
            short = _english_short(english, code) or partner
            names[language] = Name(_english_formal(partner, code), short)
        else:
            local = Locale.parse(language).territories.get(code) if code else None
            names[language] = _guessed(language, local)
    return {
        language: Name(
            _apostrophes(name.formal, language), _apostrophes(name.short, language), name.check
        )
        for language, name in names.items()
    }


def _english_formal(partner: str, code: str | None) -> str:
    words = partner.split()
    first = words[0].casefold() if words else ""
    if first == "the":
        return partner
    formal_words = set(_data()["formal_words"])
    if first in formal_words or " ".join(words[:2]).casefold() in formal_words:
        return f"the {partner}"
    if code in _data()["english_the"]:
        return f"the {partner}"
    return partner  # Mongolia, Haiti, Jamaica: no article


def _english_short(english: str | None, code: str | None) -> str | None:
    if english is None:
        return None
    return f"the {english}" if code in _data()["english_the"] else english


def _guessed(language: str, local: str | None) -> Name:
    if local is None:
        return Name(None, None)
    if language != "fr":
        return Name(None, local, "check whether the name takes an article")
    rules = _data()["french_rules"]
    folded = local.casefold()
    if folded[:1] in _VOWELS:
        article = rules["elided"]
    elif folded.endswith("s"):
        article = rules["plural"] + " "
    elif folded.endswith("e"):
        article = rules["feminine"] + " "
    else:
        article = rules["masculine"] + " "
    return Name(None, article + local, f"article guessed ({article.strip()}); check it")


def _apostrophes(text: str | None, language: str) -> str | None:
    """Straight and typographic apostrophes written the one way the language's data says."""
    if text is None:
        return None
    apostrophe = wording(language)["apostrophe"]
    return text.replace("'", apostrophe).replace("’", apostrophe)


@cache
def _data() -> dict:
    entry = resources.files("cpc_draft").joinpath("data/country_names.yaml")
    return load_data(entry.read_text("utf-8"))
