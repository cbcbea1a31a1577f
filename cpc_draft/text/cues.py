"""Cue phrases from data/cues.yaml, compiled once per language."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import NamedTuple

from cpc_draft.fileio.yaml_source import load_data


@cache
def _data() -> dict:
    text = resources.files("cpc_draft").joinpath("data/cues.yaml").read_text("utf-8")
    return load_data(text)


def phrases(group: str, language: str | None) -> list[str]:
    """The phrases of ``group`` in ``language`` (English as fallback), in their order."""
    entry = _data()[group]
    return list(entry.get(language or "en") or entry["en"])


@cache
def cue(group: str, language: str | None) -> re.Pattern:
    """A pattern matching any phrase of ``group`` in ``language`` (English as fallback)."""
    return phrase_pattern(phrases(group, language))


class Prefilter(NamedTuple):
    """A pattern over folded text (lower case, no accents, straight apostrophes): only
    whether it finds something means anything, not where."""

    pattern: re.Pattern

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text.casefold().translate(_fold_table()))


@cache
def prefilter(groups: tuple[str, ...], language: str | None) -> Prefilter:
    """A fast test for the texts where a phrase of ``groups`` may occur (case, accents
    and the ends of words ignored), for passing over the many blocks that hold none before
    the exact patterns run. The text is folded first, so the pattern needs no accent
    classes, whose compiling is slow; and the phrases share their prefixes (a trie): the
    regex engine tries alternatives one by one, so "shall|shall be|…" would cost a try
    per phrase."""
    folded = {
        p.casefold().translate(_fold_table()) for group in groups for p in phrases(group, language)
    }
    # Every cue phrase starts a word: positions inside words fail at once.
    return Prefilter(re.compile(r"(?<!\w)" + _trie(sorted(folded))))


@cache
def _fold_table() -> dict[int, str]:
    """Each accented Latin letter to its base letter, and the typographic apostrophe to
    the straight one: a table for str.translate, which folds a text in C."""
    table = {ord("’"): "'"}
    for code in range(0xC0, 0x250):
        base = _base(chr(code))
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


def _trie(phrases: list[str]) -> str:
    if "" in phrases:  # a phrase ends here: for a prefilter, its prefix is enough
        return ""
    branches: dict[str, list[str]] = {}
    for phrase in phrases:
        branches.setdefault(phrase[0], []).append(phrase[1:])
    return "(?:" + "|".join(re.escape(c) + _trie(rest) for c, rest in branches.items()) + ")"


def phrase_pattern(phrases: list[str]) -> re.Pattern:
    """Any of ``phrases`` as a whole word or words, longest first.

    A phrase written with capitals is a defined term and must match as written ("the
    Parties", not "third parties"); every other phrase matches in any case. A straight
    and a typographic apostrophe match each other ("système d'information" / "d’"). An
    accented letter matches with or without its accent, or with another one ("DUREE",
    OCR's "ministére"); a letter written without an accent matches only itself, which
    keeps these patterns small: compiling an accent class under (?i) is what made loading
    the cues slow, and an accent is seldom added where the word has none.
    """
    alternation = "|".join(
        (_as_written(p) if p != p.lower() else f"(?i:{_phrase_letters(p)})")
        + ("" if p[-1] in "'’" else r"(?!\w)")  # "nombre d'" runs into its noun
        for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternation})")


def _as_written(phrase: str) -> str:
    """Match as written, but let the first letter start a sentence ("The Parties")."""
    first = phrase[0]
    return f"[{re.escape(first.lower())}{re.escape(first.upper())}]{_phrase_letters(phrase[1:])}"


def _phrase_letters(phrase: str) -> str:
    return "".join(
        _letter(char) if char in "'’" or _base(char) != char else re.escape(char) for char in phrase
    )


def _escape(phrase: str) -> str:
    return "".join(_letter(char) for char in phrase)


def loose(text: str) -> str:
    """A regex for ``text`` with each letter matching with or without its accent."""
    return _escape(text)


# A letter matches itself with or without its accent: capitals are often typed without
# them ("DUREE", "ETATS-UNIS"), and OCR drops or swaps them ("ministére").
_ACCENTED = {
    "a": "aàáâäã",
    "e": "eéèêë",
    "i": "iìíîï",
    "o": "oòóôöõ",
    "u": "uùúûü",
    "c": "cç",
    "n": "nñ",
}


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


def unaccented(text: str) -> str:
    """``text`` without its accents: "États-Unis" -> "Etats-Unis"."""
    return "".join(
        char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
    )


def _letter(char: str) -> str:
    if char in "'’":
        return "['’]"
    base = _base(char)
    variants = _ACCENTED.get(base.lower())
    if variants is None:
        return re.escape(char)
    return f"[{variants.upper() if base.isupper() else variants}]"


def has(group: str, language: str | None, text: str) -> bool:
    return cue(group, language).search(text) is not None
