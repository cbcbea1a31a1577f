"""Currencies a draft defines for itself, and the currency of a table's figures.

A partner may write its own currency under a code of its own, defined once in its text:
"Ossorian crowns (OSC)", "the Ossorian crown (hereinafter "OSC")", '"OSC" means the
Ossorian crown', "coronas osterianas (en adelante, «OSC»)", "SLP 4,000,000 (Santa Linan
pesos)". :func:`learn_currencies` reads those definitions from a whole draft, so that
amounts written with the code elsewhere ("OSC 2,600,000" in another article) are read:
pass its result as ``currencies`` to find_money or find_contributions.

A draft may also give its currency a symbol of one or two letters, defined beside its
name ('"quetzal valderiano" o "Q" … el código QVD', '"Halvenne crown" or "H"'): amounts
written with it ("Q 4,250,000.00") are read in the code the same sentence names, or the
one code the draft defines (:attr:`DraftCurrencies.symbols`).

A table may give its figures bare and its currency once, in a column header ("Corvel
(CVP)", "United States (US$)") or a note ("Amounts in United States dollars", "in
thousands of OSC"): :func:`currency_note` reads that currency and unit, and
:func:`bare_amount` a cell's figure in it.

Plain regular expressions over the text, once per draft; spaCy only in currency_note.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from cpc_draft.nlp.lexicon import Lexicon, lexicon
from cpc_draft.nlp.money_symbols import defined_symbols, noun_forms, own_noun
from cpc_draft.nlp.numbers import exact, parse_figures
from cpc_draft.nlp.values import Money

_QUOTE_OPEN = "\"'“‘«"
_QUOTE_CLOSE = "\"'”’»"
_CODE = r"(?P<code>[A-Z]{3})"
_BARE_CODE = r"(?P<bare>[A-Z]{3})(?!\w)"  # "(hereinafter OSC)"
# "(OSC)", "(SLP 16,000,000)", "(2 000 000 BLK)", "(« OSC »)": a code alone in brackets,
# or beside figures
_BRACKETED_CODE = re.compile(
    rf"\((?:\s*\d[\d\s.,'’]*)?\s*[{_QUOTE_OPEN}]?\s*{_CODE}\s*[{_QUOTE_CLOSE}]?"
    rf"\s*(?:\d[\d\s.,'’]*)?\)"
)
# "SLP 4,000,000 (Santa Linan pesos)": a code, figures, then its name in brackets
_CODE_THEN_NAME = re.compile(rf"(?<![\w]){_CODE}\s*\d[\d\s.,'’]*\((?P<name>[^()\d]{{2,60}})\)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_WORDS = 4  # "de coronas osterianas" before "(OSC)"
_NEAR_WORDS = 12  # how far from a defining phrase the currency's noun may be
_SENTENCE_END = re.compile(r"[.;:!?\n]\s")
_THREE_CAPITALS = re.compile(r"(?<![\w$])[A-Z]{3}(?![\w$])")
_SYMBOL_WORD = re.compile(r"(?<![\w$])[A-Z][a-z]?(?![\w$])")


# '"quetzal valderiano" o "Q"': a currency's name in quotes, a short joining word ("o",
# "or", "ou") or a comma, then its symbol in quotes: one or two letters, a capital first
_NAME_THEN_SYMBOL = re.compile(
    rf"[{_QUOTE_OPEN}](?P<name>[^{_QUOTE_CLOSE}\d]{{2,40}})[{_QUOTE_CLOSE}]\s*,?\s*(?:\w{{1,2}}\s+)?"
    rf"[{_QUOTE_OPEN}]\s*(?P<symbol>[A-Z][a-z]?)\s*[{_QUOTE_CLOSE}]"
)
_SYMBOL_REACH = 200  # how far after its symbol a sentence may name the currency's code
_CLAUSE_END = re.compile(r"[.;!?]\s|\n")  # not a colon: '"Q": la moneda … código QVD'


class DraftCurrencies(dict):
    """The codes a draft defines -> the words that name each; ``symbols``: the symbols it
    gives one of them ("Q" -> "QVD", "Rs" -> "SVR"); ``nouns``: the nouns of their names
    ("rupee" -> "SVR", see nlp.money_symbols)."""

    def __init__(self, codes=(), symbols: dict[str, str] | None = None) -> None:
        super().__init__(codes)
        self.symbols: dict[str, str] = dict(symbols or {})
        self.nouns: dict[str, str] = {}


def merged(first: Collection[str], second: Collection[str]) -> DraftCurrencies:
    """Two sets of defined currencies as one, their symbols kept; ``first`` wins."""
    out = DraftCurrencies({**dict(_items(second)), **dict(_items(first))})
    out.symbols = {**symbols_of(second), **symbols_of(first)}
    out.nouns = {**nouns_of(second), **nouns_of(first)}
    return out


def nouns_of(currencies: Collection[str]) -> dict[str, str]:
    """The noun -> code map of a draft's currencies ({} for a plain set of codes)."""
    return getattr(currencies, "nouns", None) or {}


def _items(currencies: Collection[str]):
    if isinstance(currencies, dict):
        return currencies.items()
    return ((code, "") for code in currencies)


def symbols_of(currencies: Collection[str]) -> dict[str, str]:
    """The symbol -> code map of a draft's currencies ({} for a plain set of codes)."""
    return getattr(currencies, "symbols", None) or {}


@dataclass(frozen=True)
class _Patterns:
    defining: re.Pattern  # "(hereinafter "OSC")" -> the code
    meaning: re.Pattern  # '"OSC" means' -> the code
    bare_meaning: re.Pattern  # "OSC means", first in its sentence -> the code
    code_and_symbol: re.Pattern  # "(código SAQ, símbolo S/)" -> the code and the symbol
    code_named: re.Pattern  # "Ostranan dinars, code OSD", "cuyo código es VDP" -> the code


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted({re.escape(p) for p in phrases}, key=len, reverse=True)
    return "|".join(ordered) or "(?!)"


@cache
def _patterns(language: str) -> _Patterns:
    lex = lexicon(language)
    quoted = rf"[{_QUOTE_OPEN}]\s*{_CODE}\s*[{_QUOTE_CLOSE}]"
    return _Patterns(
        defining=re.compile(
            rf"(?i:{_alternation(lex.defining)})\s*[,:]?\s*(?:(?i:{_alternation(lex.articles)})\s+)?"
            rf"(?:{quoted}|{_BARE_CODE})"
        ),
        code_and_symbol=re.compile(
            rf"\(\s*(?i:{_alternation(lex.code_word)})\s+{_CODE}\s*[,;]\s*"
            rf"(?i:{_alternation(lex.symbol_word)})\s+(?P<symbol>[^\s\d(),;]{{1,4}})\s*\)"
        ),
        code_named=re.compile(
            rf"(?<!\w)(?i:{_alternation(lex.code_word)})\s*[,:]?\s*"
            rf"(?:(?i:{_alternation(lex.copula)})\s+)?(?:{quoted}|{_BARE_CODE})"
        ),
        meaning=re.compile(rf"{quoted}\s*,?\s*(?i:{_alternation(lex.meaning)})(?!\w)"),
        # "KRF means the Karimandan franc": a code unquoted, first in its sentence or its
        # line (after a label: "(a) KRF means …")
        bare_meaning=re.compile(
            rf"(?:^(?:\(?[a-z0-9]{{1,4}}[.)]\s+)?|(?<=[.;:]\s)){_CODE}\s+"
            rf"(?i:{_alternation(lex.meaning)})(?!\w)",
            re.M,
        ),
    )


def _has_noun(words: list[str], lex: Lexicon) -> bool:
    return any(word.lower() in lex.nouns for word in words)


def _is_name(words: list[str], lex: Lexicon) -> bool:
    """Whether the words before "(OSC)" end with a currency's name: its noun last in
    English ("Ossorian crowns"; "Currency Board" is no currency), in lower case among the
    last words in Spanish and French ("coronas osterianas"; "Banco de la Moneda" is not)."""
    if not words:
        return False
    if not lex.noun_first:
        return words[-1].lower() in lex.nouns
    return any(word.islower() and word in lex.nouns for word in words[-3:])


def _words_before(text: str, end: int, limit: int) -> list[str]:
    start = max(0, end - 160)
    ends = [found.end() for found in _SENTENCE_END.finditer(text, start, end)]
    return _WORD.findall(text, ends[-1] if ends else start, end)[-limit:]


def _words_after(text: str, start: int, limit: int) -> list[str]:
    end = min(len(text), start + 160)
    boundary = _SENTENCE_END.search(text, start, end)
    return _WORD.findall(text, start, boundary.start() if boundary else end)[:limit]


def _definitions(text: str, lex: Lexicon, patterns: _Patterns) -> Iterable[tuple[str, str]]:
    """(code, name) of each definition of a currency code in ``text``."""
    for found in _BRACKETED_CODE.finditer(text):
        words = _words_before(text, found.start(), _NAME_WORDS)
        if _is_name(words, lex) or _said_to_be_currency(text, found.end(), lex):
            yield found["code"], " ".join(words)
    for found in _CODE_THEN_NAME.finditer(text):
        words = _WORD.findall(found["name"])
        if len(words) <= _NAME_WORDS and _is_name(words, lex):
            yield found["code"], " ".join(words)
    for found in [*patterns.defining.finditer(text), *patterns.code_named.finditer(text)]:
        words = _words_before(text, found.start(), _NEAR_WORDS)
        if _has_noun(words, lex):
            yield found["code"] or found["bare"], " ".join(words)
    for meaning in (patterns.meaning, patterns.bare_meaning):
        for found in meaning.finditer(text):
            words = _words_after(text, found.end(), _NEAR_WORDS)
            if _has_noun(words, lex):
                yield found["code"], " ".join(words)


def _said_to_be_currency(text: str, end: int, lex: Lexicon) -> bool:
    """ "la piastre (PSA), étant la monnaie ayant cours légal": a name we have no noun
    for, said to be a currency right after its code ("(NCB) and the Currency Board" is
    not)."""
    after = _words_after(text, end, _NAME_WORDS)
    return bool(after) and after[0].lower() in lex.apposition and _has_noun(after, lex)


def learn_currencies(texts: Iterable[str], language: str) -> DraftCurrencies:
    """The currency codes ``texts`` (one draft) define for themselves -> the words that
    name each ("OSC" -> "Ossorian crowns"). A code in brackets or in quotes counts only
    beside a currency's noun ("crowns", "pesos", "currency"), so that "Office of the
    Special Counsel (OSC)" defines no currency. ISO codes need no definition. The
    symbols the draft gives its currencies are the result's ``symbols``."""
    lex, patterns = lexicon(language), _patterns(language)
    found = DraftCurrencies()
    symbols: list[tuple[str, str | None, str]] = []  # symbol, code its sentence names, name
    for text in texts:
        if not text or not any(ch.isupper() for ch in text):
            continue
        for code, name in _definitions(text, lex, patterns):
            if code not in lex.iso and code not in found:
                found[code] = name
        symbols += _symbols(text, lex)
        symbols += defined_symbols(text, language)  # "$", "Rs": even a symbol others use
        for code, symbol, name in _code_and_symbol(text, lex, patterns):
            if code not in lex.iso:
                found.setdefault(code, name)
            symbols.append((symbol, code, name))
    for symbol, code, name in symbols:
        if code is None and len(found) == 1:
            code = next(iter(found))  # the one currency the draft defines
        if code is None or symbol in found.symbols:
            continue
        found.symbols[symbol] = code
        if code not in lex.iso:  # '"quetzal valderiano" o "Q" … con el código QVD'
            found.setdefault(code, name)
    for code, name in found.items():
        noun = own_noun(name, language)
        for form in noun_forms(noun) if noun else ():
            found.nouns.setdefault(form, code)
    return found


def _code_and_symbol(
    text: str, lex: Lexicon, patterns: _Patterns
) -> Iterable[tuple[str, str, str]]:
    """(code, symbol, name) of "soles quillarunenses (código SAQ, símbolo S/)": the
    symbol is the draft's own currency's, even one that names another ("S/", "$")."""
    for found in patterns.code_and_symbol.finditer(text):
        words = _words_before(text, found.start(), _NAME_WORDS)
        if _has_noun(words, lex):
            yield found["code"], found["symbol"], " ".join(words)


def _symbols(text: str, lex: Lexicon) -> Iterable[tuple[str, str | None, str]]:
    """(symbol, code or None, name) of each symbol ``text`` gives a currency by its name: the
    code is the first one written after the symbol in its sentence ("… identificada con
    el código QVD")."""
    for found in _NAME_THEN_SYMBOL.finditer(text):
        if not _has_noun(_WORD.findall(found["name"]), lex):
            continue
        symbol = found["symbol"]
        if symbol in lex.codes or symbol.lower() in lex.currencies:
            continue  # "$", "S/": a symbol every draft knows
        end = _CLAUSE_END.search(text, found.end(), found.end() + _SYMBOL_REACH)
        rest = text[found.end() : end.start() if end else found.end() + _SYMBOL_REACH]
        codes = [c for c in _THREE_CAPITALS.findall(rest) if c != symbol]
        yield symbol, codes[0] if codes else None, found["name"]


# -- tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CurrencyNote:
    """The currency of a table's bare figures, and the unit they count in (1000 for "in
    thousands of OSC")."""

    currency: str
    unit: Decimal = Decimal(1)


# "'000" standing alone counts in thousands ("in '000 USD"); the "'000" of "4'000,000.00",
# a figure grouped by apostrophes, is no unit
_THOUSANDS = r"(?<!\w)['’]000(?!\w)"
_THOUSANDS_MARK = re.compile(_THOUSANDS)


def currency_note(
    text: str, language: str, currencies: Collection[str] = ()
) -> CurrencyNote | None:
    """The currency a header cell or a note names without an amount ("Corvel (CVP)",
    "United States (US$)", "Amounts in United States dollars", "(en milliers de FCFA)"),
    or None: no currency, two different ones, or an amount (then it is money, not a
    note). ``currencies`` are the codes the draft defines (:func:`learn_currencies`)."""
    from cpc_draft.nlp.money import money_of
    from cpc_draft.nlp.pipeline import docs_of

    lex = lexicon(language)
    codes: list[str] = []
    # "'000" says the figures are thousands ("in '000 USD"): no amount of zero dollars
    bare = _THOUSANDS_MARK.sub(" ", text)
    for _, _, doc in docs_of([bare], language)[0]:
        if money_of(doc, currencies):
            return None
        codes += [s.id_ for s in doc.spans.get("cpc") or () if s.label_.startswith("CUR_")]
    codes += [c for c in _THREE_CAPITALS.findall(text) if c in lex.iso or c in currencies]
    symbols = symbols_of(currencies)  # "República de Valdería (Q)"
    codes += [symbols[w] for w in _SYMBOL_WORD.findall(text) if w in symbols]
    # a symbol the draft gives its own currency, where others know it ("Quillaruna (S/)")
    own = {
        code
        for symbol, code in symbols.items()
        if not symbol.isalpha() and re.search(rf"(?<![^\W\d_]){re.escape(symbol)}", text)
    }
    if len(own) == 1:
        codes = [next(iter(own))]
    if len(set(codes)) != 1:
        return None
    return CurrencyNote(codes[0], _unit(text, lex))


def _unit(text: str, lex: Lexicon) -> Decimal:
    """The one unit a header or note names ("thousands", "USD '000", both at once), else 1."""
    words = {word.lower() for word in re.findall(r"[\w'’]+", text)}
    units = {value for word, value in lex.header_units.items() if word in words}
    return units.pop() if len(units) == 1 else Decimal(1)


# "in thousands", "(en miles)", "cifras en miles", "USD '000": a unit said of figures
_UNIT_SAID = r"(?:\b(?:in|en)\s+(?:\w+\s+)?|\()(?P<unit>{units})\b|(?P<short>" + _THOUSANDS + ")"


def stated_unit(text: str, language: str) -> Decimal:
    """The unit a table's caption or note says its figures count in, with or without a
    currency ("(cifras en miles)", "in thousands", "en milliers"), else 1."""
    lex = lexicon(language)
    words = "|".join(re.escape(w) for w in lex.header_units if w[0].isalpha())
    if not words:
        return Decimal(1)
    pattern = re.compile(_UNIT_SAID.format(units=words), re.I)
    units = {
        lex.header_units[(m["unit"] or m["short"]).lower()]
        for m in pattern.finditer(text)
        if (m["unit"] or m["short"]).lower() in lex.header_units
    }
    return units.pop() if len(units) == 1 else Decimal(1)


def bare_amount(
    cell: str, language: str, note: CurrencyNote, *, start: int = 0, decimal: str | None = None
) -> Money | None:
    """A table cell's figure alone ("1,150,000", "1 100 000") as money in the currency of
    its column's header or of the table's note, or None if the cell is not one figure.
    ``decimal``: the decimal mark of the table, where its figures show it."""
    text = cell.strip()
    if not text or not text[0].isdigit():
        return None
    value = parse_figures(text, decimal or lexicon(language).decimal)
    if value is None:
        return None
    amount = exact(value * note.unit)
    offset = start + cell.index(text)
    return Money(
        amount=amount,
        currency=note.currency,
        qualifier=None,
        text=text,
        start=offset,
        end=offset + len(text),
        figures_amount=amount,
    )
