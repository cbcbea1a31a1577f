"""The money lexicon of one language, read from ``data/money_words.yaml``.

Plain Python (no spaCy): number words and their values, currency names, symbols and ISO
codes, qualifiers and the small words around them. ``all`` in the file is merged under
every language; ``xx`` serves every language we have no section for.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data

SUPPORTED = ("en", "es", "fr")
FALLBACK = "xx"


def pipeline_language(language: str | None) -> str:
    """'en', 'es-PE', 'FR' -> 'en', 'es', 'fr'; anything else -> 'xx'."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED else FALLBACK


@dataclass(frozen=True)
class Lexicon:
    language: str
    decimal: str | None
    code_first: bool
    units: dict[str, Decimal]
    scales: dict[str, Decimal]
    ones: frozenset[str]
    joins: frozenset[str]
    cents: frozenset[str]
    connectors: frozenset[str]
    fillers: frozenset[str]
    currencies: dict[str, str]  # name or symbol (as written in the data) -> ISO code
    codes: dict[str, str]  # exact (capitals) -> ISO code
    qualifiers: dict[str, str]  # phrase -> normalized key
    object_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    articles: frozenset[str]

    def number_word(self, word: str) -> Decimal | None:
        """The value of a unit word, including hyphenated compounds ('vingt-deux')."""
        word = word.lower()
        if word in self.units:
            return self.units[word]
        if "-" not in word:
            return None
        total, rest = Decimal(0), word
        while rest:  # longest known prefix first: "quatre-vingt-dix" = 80 + 10
            for cut in range(len(rest), 0, -1):
                head = rest[:cut]
                if head in self.units and (cut == len(rest) or rest[cut] == "-"):
                    total += self.units[head]
                    rest = rest[cut + 1 :]
                    break
                if head in self.joins and cut < len(rest) and rest[cut] == "-":
                    rest = rest[cut + 1 :]  # "vingt-et-un"
                    break
            else:
                return None
        return total


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        elif isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = merged[key] + value
        else:
            merged[key] = value
    return merged


@cache
def _data() -> dict:
    entry = resources.files("cpc_draft").joinpath("data/money_words.yaml")
    return load_data(entry.read_text("utf-8"))


def _by_code(section: dict) -> dict[str, str]:
    table = {}
    for code, names in (section or {}).items():
        for name in names:
            table[name] = code
    return table


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (normalized with :func:`pipeline_language`)."""
    lang = pipeline_language(language)
    data = _data()
    raw = _merge(data["all"], data[lang])
    words = lambda key: frozenset(w.lower() for w in raw.get(key) or ())  # noqa: E731
    attribution = raw.get("attribution") or {}
    qualifiers = {}
    for key, phrases in (raw.get("qualifiers") or {}).items():
        for phrase in phrases:
            qualifiers[phrase] = key
    return Lexicon(
        language=lang,
        decimal=raw.get("decimal"),
        code_first=bool(raw.get("code_first")),
        units={w.lower(): Decimal(v) for w, v in (raw.get("units") or {}).items()},
        scales={w.lower(): Decimal(v) for w, v in (raw.get("scales") or {}).items()},
        ones=words("ones"),
        joins=words("joins"),
        cents=words("cents"),
        connectors=words("connectors"),
        fillers=words("fillers"),
        currencies=_by_code(raw.get("currencies")),
        codes=_by_code(raw.get("codes")),
        qualifiers=qualifiers,
        object_prepositions=frozenset(attribution.get("object_prepositions") or ()),
        agent_prepositions=frozenset(attribution.get("agent_prepositions") or ()),
        articles=frozenset(attribution.get("articles") or ()),
    )
