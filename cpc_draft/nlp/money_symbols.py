"""The symbols and names a draft gives its own currency, even those that usually name
another: '"Rs" and "rupees" mean the Selvaran rupee … whose code is SVR', 'el peso
tlalcoyano, al que se hace referencia con el signo "$", con la clave "TLP"', 'pesos
(TLP), en adelante "$"', 'la roupie (code RPX), symbole « R »'.

:func:`defined_symbols` reads such definitions: a short symbol in quotes after a symbol
word ("sign", "signo", "symbole"), after a defining phrase ("hereinafter", "en
adelante") or before a meaning word ("means", "significa"), in a sentence that names a
currency's noun and a code. The symbol is then that code's wherever the draft writes it
(nlp.money.money_of), and so is the noun of the currency's name: "three hundred million
rupees" is in SVR, not NPR, in a draft whose rupee is the Selvaran one
(:func:`own_nouns`, :func:`own_currency`).

Plain regular expressions over the text, once per draft.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from cpc_draft.nlp.lexicon import lexicon
from cpc_draft.nlp.values import Money

_OPEN = "\"'“‘«"
_CLOSE = "\"'”’»"
# A symbol: one to four characters with no space or figure, not a code of three capitals
# ("$", "Rs", "RD$", "S/", "M.N.", "Q")
_SYMBOL = (
    rf"[{_OPEN}]\s*(?P<symbol>(?![A-Z]{{3}}[{_CLOSE}\s])[^\s\d{_OPEN}{_CLOSE}]{{1,4}})\s*[{_CLOSE}]"
)
# The same unquoted after a copula ("whose symbol is VD$", "cuyo símbolo es RD$"): then
# it must hold a sign, so that "the symbol is used" names none ("VD$", "S/", "$")
_BARE_SYMBOL = r"(?P<bare>[^\W\d_]{0,3}[^\w\s,;.:()\"'“”‘’«»]{1,2})(?=[\s,;.:)]|$)"
_QUOTED = rf"[{_OPEN}][^{_OPEN}{_CLOSE}\d]{{1,30}}[{_CLOSE}]"
_CODE = re.compile(r"(?<![\w$])[A-Z]{3}(?![\w$])")
_SENTENCE_END = re.compile(r"[.;!?]\s|\n")
_REACH = 240  # how far from its symbol a sentence may name the code and the noun
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted({re.escape(p) for p in phrases}, key=len, reverse=True)
    return "|".join(ordered) or "(?!)"


@cache
def _patterns(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(after a symbol word, after a defining phrase, before a meaning word)."""
    lex = lexicon(language)
    articles = rf"(?:(?i:{_alternation(lex.articles)})\s+)?"
    symbol_word = rf"(?i:{_alternation(lex.symbol_word)})\s*[,:]?\s*"
    copula = rf"(?i:{_alternation(lex.copula)})\s+"
    return (
        re.compile(rf"{symbol_word}(?:(?:\w+\s+){{0,2}}?{_SYMBOL}|{copula}{_BARE_SYMBOL})"),
        re.compile(rf"(?i:{_alternation(lex.defining)})\s*[,:]?\s*{articles}{_SYMBOL}"),
        re.compile(
            rf"{_SYMBOL}(?:\s*(?:,|\w{{1,3}})\s*{_QUOTED})*\s*,?\s*"
            rf"(?i:{_alternation(lex.meaning)})(?!\w)"
        ),
    )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - _REACH), start)]
    lo = ends[-1] if ends else max(0, start - _REACH)
    stop = _SENTENCE_END.search(text, end, end + _REACH)
    return lo, stop.start() if stop else min(len(text), end + _REACH)


def _symbol_of(found: re.Match) -> str:
    """The symbol a pattern found, quoted or (after a copula) bare."""
    return found["symbol"] or found.groupdict().get("bare") or ""


def _code_near(text: str, found: re.Match, lo: int, hi: int, before_first: bool) -> str | None:
    symbol = _symbol_of(found)
    after = [c for c in _CODE.findall(text, found.end(), hi) if c != symbol]
    before = [c for c in _CODE.findall(text, lo, found.start()) if c != symbol]
    ordered = [*before[::-1], *after] if before_first else [*after, *before[::-1]]
    return ordered[0] if ordered else None


def defined_symbols(text: str, language: str) -> Iterable[tuple[str, str, str]]:
    """(symbol, code, name) of each symbol ``text`` defines for a currency whose code the
    same sentence names; the name is the words that name the currency: those after a
    meaning word ('"Rs" means the Selvaran rupee'), else those before the symbol."""
    lex = lexicon(language)
    by_word, by_defining, by_meaning = _patterns(language)
    for pattern, before_first in ((by_word, False), (by_defining, True), (by_meaning, False)):
        for found in pattern.finditer(text):
            lo, hi = _sentence(text, found.start(), found.end())
            near = (found.end(), hi) if pattern is by_meaning else (lo, found.start())
            name = " ".join(_WORD.findall(text, *near))
            if not any(word.lower() in lex.nouns for word in name.split()):
                continue
            if not _symbol_shaped(_symbol_of(found)):
                continue  # '(hereinafter "MoU")': a short name, not a currency's symbol
            code = _code_near(text, found, lo, hi, before_first)
            if code is not None:
                yield _symbol_of(found), code, name


def _symbol_shaped(symbol: str) -> bool:
    """ "$", "RD$", "S/", "M.N.", "Rs", "Q": a sign, or at most two letters."""
    return not symbol.isalnum() or (symbol.isalpha() and len(symbol) <= 2)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def noun_forms(word: str) -> set[str]:
    """A noun and its singulars: "colones" -> colones, colone, colon."""
    plain = _plain(word)
    forms = {plain}
    if plain.endswith("s"):
        forms.add(plain[:-1])
    if plain.endswith("es"):
        forms.add(plain[:-2])
    return forms


def own_noun(name: str, language: str) -> str | None:
    """The noun of a currency a draft names for itself ("the Selvaran rupee, the lawful
    currency of Selvara" -> "rupee"): the last currency noun of its name that is not the
    word "currency" itself, and never one that names U.S. dollars ("Valdoran dollars"
    leaves "dollars" to the United States)."""
    lex = lexicon(language)
    for word in reversed(_WORD.findall(name or "")):
        low = word.lower()
        if low not in lex.nouns or low in lex.generic_currency_nouns:
            continue
        if lex.currencies.get(low) == "USD":
            return None
        return _plain(low)
    return None


def own_currency(money: Money, symbols: dict[str, str], nouns: dict[str, str]) -> Money:
    """An amount written with a symbol or a noun the draft gives its own currency ("S/
    4'800,000.00", "Rs 40 million", "siete millones de pesos") is in that currency, not
    the one the symbol or noun usually names; words that name it too are no other
    currency ("$7'000,000.00 (siete millones de pesos)")."""
    written = money.text.strip()
    for symbol, code in symbols.items():
        if code != money.currency and (written.startswith(symbol) or written.endswith(symbol)):
            return _in(money, code, nouns)
    if money.currency in symbols.values():
        return _in(money, money.currency, nouns)
    for word in _WORD.findall(written):
        code = next((nouns[f] for f in noun_forms(word) if f in nouns), None)
        if code is not None and code != money.currency:
            return _in(money, code, nouns)
    return money


def _in(money: Money, code: str, nouns: dict[str, str]) -> Money:
    words = money.words_currency
    if words is not None and any(
        nouns.get(f) == code for w in _WORD.findall(money.text) for f in noun_forms(w)
    ):
        words = None
    if code == money.currency and words == money.words_currency:
        return money
    return replace(money, currency=code, words_currency=words)
