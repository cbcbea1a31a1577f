"""The money lexicon of one language, read from ``data/money_words.yaml`` and
``data/currencies.json``.

Plain Python (no spaCy): number words and their values, currency names, symbols and ISO
codes, qualifiers and the small words around them. ``all`` in money_words.yaml is merged
under every language; ``xx`` serves every language we have no section for.
currencies.json (generated once from CLDR; JSON because it is read at every start and
YAML costs fifty times more) gives every ISO 4217 code in use with its symbols and its
English, Spanish and French names; money_words.yaml wins where both name a currency.
"""

from __future__ import annotations

import json
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
    iso: frozenset[str]  # every ISO 4217 code in use, found beside figures by cpc_money
    nouns: frozenset[str]  # "dollars", "pesos", "crowns": the noun of a currency's name
    noun_first: bool  # the noun opens a currency's name ("pesos colombianos")
    defining: tuple[str, ...]  # "hereinafter", "en adelante": a name given to what precedes
    meaning: tuple[str, ...]  # '"OSC" means ...': a term defined by what follows
    apposition: frozenset[str]  # "(PSA), being the currency …": what is said of a code next
    code_word: tuple[str, ...]  # "(código SAQ, símbolo S/)": a code and a symbol defined
    symbol_word: tuple[str, ...]
    copula: tuple[str, ...]  # "whose symbol is VD$": between a symbol word and the symbol
    header_units: dict[str, Decimal]  # "in thousands of ...": figures of a table in units
    qualifiers: dict[str, str]  # phrase -> normalized key
    object_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    source_prepositions: frozenset[str]  # "from", "del": the mention after names the giver
    articles: frozenset[str]
    total_labels: frozenset[str]  # a table's total row or column: "Total", "Subtotal"
    total_cues: tuple[str, ...]  # a prose amount that is a total: "for a total of"
    combined_cues: tuple[str, ...]  # … of both governments: "a combined total of"
    amount_headers: frozenset[str]  # "Amount": a column of figures in the note's currency
    indicator_headers: tuple[str, ...]  # "Indicator", "Baseline": a table of counts
    # "currency", "moneda": a noun that says a code is a currency but names none
    generic_currency_nouns: frozenset[str] = frozenset()
    # "co-financing", "contrapartida": words around a government's name in the label of
    # a row of its money
    party_label_words: frozenset[str] = frozenset()
    respectively: frozenset[str] = frozenset()  # "respectively", "respectivamente"

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


@cache
def _iso() -> dict[str, dict[str, list[str]]]:
    """ISO code -> {"symbols": [...], "en": [names], "es": [...], "fr": [...]}."""
    entry = resources.files("cpc_draft").joinpath("data/currencies.json")
    return json.loads(entry.read_text("utf-8"))["currencies"]


def _by_code(*sections: dict) -> dict[str, str]:
    """Name -> code; a later section wins where two give the same name."""
    table = {}
    for section in sections:
        for code, names in (section or {}).items():
            for name in names:
                table[name] = code
    return table


def _iso_names(lang: str) -> dict[str, list[str]]:
    return {code: entry.get(lang) or [] for code, entry in _iso().items()}


def _iso_symbols(written: dict[str, str]) -> dict[str, list[str]]:
    """CLDR's symbols, matched like codes; those money_words.yaml lists are left to it."""
    return {
        code: [symbol for symbol in entry.get("symbols") or () if symbol not in written]
        for code, entry in _iso().items()
    }


def _nouns(names: list[str], noun_first: bool, extra) -> frozenset[str]:
    """The noun of each name: the last word in English ("Kenyan shillings"), the first in
    Spanish and French ("chelines kenianos", "shillings kényans")."""
    words = (name.split()[0 if noun_first else -1].lower() for name in names if name.strip())
    return frozenset({word for word in words if word.isalpha()} | {w.lower() for w in extra or ()})


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (normalized with :func:`pipeline_language`)."""
    lang = pipeline_language(language)
    data = _data()
    raw = _merge(data["all"], data[lang])
    names = _iso_names(lang) if lang != FALLBACK else {}
    currencies = _by_code(names, raw.get("currencies"))
    noun_first = bool(raw.get("noun_first"))
    words = lambda key: frozenset(w.lower() for w in raw.get(key) or ())  # noqa: E731
    attribution = raw.get("attribution") or {}
    totals = raw.get("totals") or {}
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
        currencies=currencies,
        codes=_by_code(_iso_symbols(currencies), raw.get("codes")),
        iso=frozenset(_iso()),
        nouns=_nouns(list(currencies), noun_first, raw.get("currency_nouns")),
        noun_first=noun_first,
        defining=tuple(raw.get("defining") or ()),
        meaning=tuple(raw.get("meaning") or ()),
        apposition=words("apposition"),
        code_word=tuple(raw.get("code_word") or ()),
        symbol_word=tuple(raw.get("symbol_word") or ()),
        copula=tuple(raw.get("copula") or ()),
        header_units={w.lower(): Decimal(v) for w, v in (raw.get("header_units") or {}).items()},
        qualifiers=qualifiers,
        object_prepositions=frozenset(attribution.get("object_prepositions") or ()),
        agent_prepositions=frozenset(attribution.get("agent_prepositions") or ()),
        source_prepositions=frozenset(attribution.get("source_prepositions") or ()),
        articles=frozenset(attribution.get("articles") or ()),
        total_labels=frozenset(w.lower() for w in totals.get("labels") or ()),
        total_cues=tuple(totals.get("cues") or ()),
        combined_cues=tuple(totals.get("combined") or ()),
        amount_headers=words("amount_headers"),
        indicator_headers=tuple(raw.get("indicator_headers") or ()),
        generic_currency_nouns=words("generic_currency_nouns"),
        party_label_words=words("party_label_words"),
        respectively=words("respectively"),
    )
