"""Amounts of money: the ``cpc_money`` pipeline component and :func:`find_money`.

The span ruler marks currency mentions (``CUR_SYMBOL`` "US$", ``CUR_CODE`` "PEN",
``CUR_NAME`` "soles", each with the ISO code as its id) and qualifiers (``QUAL``, id "up to",
"at least", "approximately"). ``cpc_money`` adds the three-capital codes the ruler does not
know (any ISO 4217 code, and codes a draft defines for itself such as "OSC"), reads the
number run beside each currency mention, joins "words (figures)" pairs and stores
:class:`Money` values: in ``doc._.cpc_money`` those in a known currency, in
``doc._.cpc_money_draft`` those in a code that only the draft itself can define. A code
is defined in the draft's text (:func:`cpc_draft.nlp.currencies.learn_currencies`), often
in another paragraph, so :func:`money_of` takes the codes of the whole draft.
Only tokens near a currency mention are looked at.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.attrs import SHAPE
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from cpc_draft.nlp.bracketed_words import join_bracketed_words
from cpc_draft.nlp.lexicon import Lexicon, lexicon
from cpc_draft.nlp.pairs import CLOSE, OPEN, Hit, name_before, pair_hits
from cpc_draft.nlp.runs import Kinds, Run, run_ending_at, run_starting_at
from cpc_draft.nlp.values import Money

SPANS_KEY = "cpc"
YEARS = (1900, 2100)
DASHES = ("-", "–", "—")
THREE_CAPITALS = hash_string("XXX")  # the shape of "OSC", "KES": a code
# The shapes of a symbol a draft may give its own currency ("Q 4,250,000.00", "VD$
# 1.500.000", "S/ 400"): money only where the draft defines that symbol
# (currencies.DraftCurrencies.symbols)
SYMBOL_SHAPES = ("X", "Xx", "X$", "XX$", "XXX$", "Xx$", "X/")
# A code that is only a shape ("SDG 16.2", "ALL 3 PROGRAMS") is money beside a sum of at
# least this much; compacts count money in thousands.
LEAST_FOR_A_SHAPE = Decimal(1000)
# Rank of each kind of currency mention: the first takes the amount beside it.
RANK = {"symbol": 0, "code": 1, "iso": 1, "after name": 2, "name": 3, "draft": 5}

for _name in ("cpc_money", "cpc_money_draft"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True)
class Mention:
    """Tokens ``start``..``end`` name ``code``; ``kind`` is symbol, code, name (from the
    ruler), iso (an ISO code found by its shape) or draft (a code the ruler does not
    know, money only if the draft defines it)."""

    start: int
    end: int
    kind: str
    code: str


def _hit(run: Run, currency: str, start: int, end: int) -> Hit:
    words = run.value if run.words else None
    return Hit(start, end, currency, words, None if run.words else run.value, None, run.scaled)


def _skip_space(doc: Doc, i: int, step: int) -> int:
    """Step over no-break spaces that spaCy keeps as tokens ("5.000.000\u00a0USD")."""
    while 0 <= i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += step
    return i


def _in_range(doc: Doc, hit: Hit) -> bool:
    """One end of a range ("$1-2 million"): neither end alone is the amount."""
    end, start = hit.end, hit.start
    glued = end + 1 < len(doc) and not (doc[end - 1].whitespace_ or doc[end].whitespace_)
    if glued and doc[end].text in DASHES and doc[end + 1].text[0].isdigit():
        return True
    if start > 1 and doc[start - 1].text in DASHES and not doc[start - 1].whitespace_:
        return not doc[start - 2].whitespace_ and doc[start - 2].text[-1].isdigit()
    return False


def _year(doc: Doc, hit: Hit) -> bool:
    """A bare four-digit year beside an ISO code: a table header "2022 USD", not money."""
    if hit.figures is None or hit.words is not None:
        return False
    first = doc[hit.start] if doc[hit.start].text[0].isdigit() else doc[hit.end - 1]
    return len(first.text) == 4 and first.text.isdigit() and YEARS[0] <= int(first.text) <= YEARS[1]


def _capitals_word(doc: Doc, i: int) -> bool:
    """A word of four or more capitals: the line is a heading in capitals ("ALL 3 PROGRAMS")."""
    return 0 <= i < len(doc) and len(doc[i]) >= 4 and doc[i].is_alpha and doc[i].is_upper


def _shape_only(doc: Doc, hit: Hit) -> bool:
    """A code found by its shape alone, beside what is not plainly a sum of money."""
    value = hit.figures if hit.figures is not None else hit.words
    small = value is None or value < LEAST_FOR_A_SHAPE
    return small or _capitals_word(doc, hit.start - 1) or _capitals_word(doc, hit.end)


class MoneyParser:
    """The ``cpc_money`` component."""

    def __init__(self, lex: Lexicon, spans_key: str = SPANS_KEY) -> None:
        self.lex, self.spans_key, self.kinds = lex, spans_key, Kinds(lex)
        self.known = lex.iso | set(lex.codes.values()) | set(lex.currencies.values())

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        doc._.cpc_money = [m for m in found if m.currency in self.known]
        doc._.cpc_money_draft = [m for m in found if m.currency not in self.known] or None
        return doc

    def find(self, doc: Doc) -> list[Money]:
        """Every amount beside a currency mention, in known and in draft codes."""
        currency, qualifying = [], []
        for span in doc.spans.get(self.spans_key) or ():  # one pass: label_ is a lookup
            label = span.label_
            if label == "QUAL":
                qualifying.append(span)
            elif label.startswith("CUR_"):
                currency.append((span, label))
        ruled = filter_spans([span for span, _ in currency])
        labels = {(span.start, span.end): label for span, label in currency}
        mentions = [
            Mention(s.start, s.end, labels[s.start, s.end][4:].lower(), s.id_) for s in ruled
        ]
        mentions += self._by_shape(doc, {i for m in mentions for i in range(m.start, m.end)})
        if not mentions:
            return []
        # Each currency mention takes the amount on its side; symbols first, then codes
        # with an amount on one side only ("5.000.000 USD 8.000.000 PEN" read as English),
        # then the other codes, then names, then codes in brackets after a name, then the
        # codes only a draft defines.
        options = [(m, RANK[m.kind], self._beside(doc, m)) for m in mentions]
        options += [(m, RANK["after name"], self._after_name(doc, m)) for m in mentions]
        options.sort(key=lambda o: (o[1] + (len(o[2]) > 1), o[0].start))
        used: set[int] = set()
        hits: list[Hit] = []
        for mention, _, candidates in options:
            for hit in candidates:
                if not used.intersection(range(hit.start, hit.end)):
                    hits.append(hit)
                    used.update(range(hit.start, hit.end))
                    self._mark(doc, mention)
                    break
        if not hits:
            return []
        hits = pair_hits(doc, sorted(hits, key=lambda h: h.start), self.kinds, self.known)
        hits = join_bracketed_words(doc, hits, self.kinds, self.known)
        qualifiers = {span.end: span.id_ for span in sorted(qualifying, key=len)}
        return [self._money(doc, hit, qualifiers) for hit in hits]

    def _by_shape(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Three-capital tokens the ruler left alone, beside a number or alone in brackets:
        ISO codes ("KES 5,000,000") and codes that a draft may define for itself ("OSC").
        An acronym beside a number ("SDG 16") comes to nothing: the sum is too small,
        or the draft never defines it as a currency."""
        shapes = doc.to_array(SHAPE)
        found = []
        codes = (shapes == THREE_CAPITALS).nonzero()[0].tolist()
        symbols = sorted(
            i
            for shape in SYMBOL_SHAPES  # "X" is one of spaCy's symbols, not a hash
            for i in (shapes == doc.vocab.strings[shape]).nonzero()[0].tolist()
        )
        for i in codes + [i for i in symbols if self._symbol_before_figures(doc, i)]:
            if i not in taken and self._by_a_number(doc, i):
                code = doc[i].text
                found.append(Mention(i, i + 1, "iso" if code in self.lex.iso else "draft", code))
        return found

    def _symbol_before_figures(self, doc: Doc, i: int) -> bool:
        """A letter or two right before figures ("Q 4,250,000.00"), not a list's label
        ("A 2027") nor a quarter ("Q 1"): the sum must be money-sized (_shape_only)."""
        after = _skip_space(doc, i + 1, 1)
        return after < len(doc) and self.kinds(doc[after]) in ("digits", "scaled")

    def _mark(self, doc: Doc, mention: Mention) -> None:
        """A code found by its shape joins the ruler's currency mentions, so that a name
        read after "Government of" ends before it ("Government of Kenya KES 5,000,000")."""
        if mention.kind in ("iso", "draft"):
            span = Span(doc, mention.start, mention.end, label="CUR_CODE", span_id=mention.code)
            if self.spans_key in doc.spans:
                doc.spans[self.spans_key].append(span)
            else:
                doc.spans[self.spans_key] = [span]

    def _by_a_number(self, doc: Doc, i: int) -> bool:
        before = _skip_space(doc, i - 1, -1)
        after = _skip_space(doc, i + 1, 1)
        if after < len(doc) and self.kinds(doc[after]) is not None:
            return True
        if before < 0:
            return False
        if doc[before].text in OPEN:  # "4,400,000 Ossorian crowns (OSC)"
            return after < len(doc) and doc[after].text in CLOSE
        return self.kinds(doc[before]) is not None

    def _beside(self, doc: Doc, cur: Mention) -> list[Hit]:
        """The amounts written after and before one currency mention, preferred first."""
        kind, code = cur.kind, cur.code
        if kind == "name":
            sides = ("left",)
        elif kind == "symbol" or self.lex.code_first:
            sides = ("right", "left")
        else:
            sides = ("left", "right")
        out = []
        for side in sides:
            if side == "right":
                run = run_starting_at(doc, _skip_space(doc, cur.end, 1), self.kinds)
                hit = run and _hit(run, code, cur.start, run.end)
            else:
                hit = self._left(doc, cur)
            if hit is None or _in_range(doc, hit):
                continue
            if kind != "symbol" and kind != "name" and _year(doc, hit):
                continue
            if kind in ("iso", "draft") and _shape_only(doc, hit):
                continue
            out.append(hit)
        return out

    def _left(self, doc: Doc, cur: Mention) -> Hit | None:
        last = _skip_space(doc, cur.start - 1, -1)
        if last >= 0 and doc[last].lower_ in self.lex.connectors:
            # "millones de dólares"; a code or symbol only after a scale ("millions de FCFA")
            before = _skip_space(doc, last - 1, -1)
            if cur.kind == "name" or (before >= 0 and self.kinds(doc[before]) == "scale"):
                last = before
        if last >= 0 and doc[last].text in CLOSE:  # "cinco millones (5.000.000) de dólares"
            return self._words_then_bracket(doc, last, cur)
        run = run_ending_at(doc, last, self.kinds)
        return run and _hit(run, cur.code, run.start, cur.end)

    def _words_then_bracket(self, doc: Doc, close: int, cur: Mention) -> Hit | None:
        inner = run_ending_at(doc, close - 1, self.kinds)
        if inner is None or inner.words or inner.start < 1 or doc[inner.start - 1].text not in OPEN:
            return None
        words = run_ending_at(doc, inner.start - 2, self.kinds)
        if words is None or not words.words:
            return None
        return Hit(words.start, cur.end, cur.code, words.value, inner.value)

    def _after_name(self, doc: Doc, cur: Mention) -> list[Hit]:
        """A code alone in brackets after a currency's name and an amount: "4,400,000
        Ossorian crowns (OSC)", "4,4 millones de coronas osterianas (OSC)"."""
        if cur.kind in ("symbol", "name") or cur.start < 2 or cur.end >= len(doc):
            return []
        if doc[cur.start - 1].text not in OPEN or doc[cur.end].text not in CLOSE:
            return []
        first = name_before(doc, cur.start - 2, self.lex, self.kinds)
        run = first is not None and run_ending_at(doc, first - 1, self.kinds)
        if not run:
            return []
        hit = _hit(run, cur.code, run.start, cur.end + 1)
        if cur.kind in ("iso", "draft") and _shape_only(doc, hit):
            return []
        return [hit]

    def _money(self, doc: Doc, hit: Hit, qualifiers: dict[int, str]) -> Money:
        span = doc[hit.start : hit.end]
        amount = hit.figures if hit.figures is not None else hit.words
        return Money(
            amount=amount,
            currency=hit.currency,
            qualifier=self._qualifier(doc, hit.start, qualifiers),
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            words_amount=hit.words,
            figures_amount=hit.figures,
            words_currency=hit.words_currency,
        )

    def _qualifier(self, doc: Doc, at: int, qualifiers: dict[int, str]) -> str | None:
        for _ in range(5):  # "up to a total of $5 million": skip a few filler words
            if at in qualifiers:
                return qualifiers[at]
            if at < 1 or doc[at - 1].lower_ not in self.lex.fillers:
                return None
            at -= 1
        return None


@Language.factory(
    "cpc_money",
    default_config={"language": None, "spans_key": SPANS_KEY},
)
def make_money_parser(nlp: Language, name: str, language: str | None, spans_key: str):
    return MoneyParser(lexicon(language or nlp.lang), spans_key)


def money_of(doc: Doc, currencies: Collection[str] = ()) -> list[Money]:
    """The amounts of one Doc: those in known currencies, and those in the codes a draft
    defines for itself that ``currencies`` names (see currencies.learn_currencies). An
    amount under a symbol or a noun the draft gives its own currency is in that currency
    (nlp.money_symbols)."""
    from cpc_draft.nlp.currencies import nouns_of, symbols_of
    from cpc_draft.nlp.money_symbols import own_currency

    known = doc._.cpc_money or []
    draft = doc._.cpc_money_draft
    symbols, nouns = symbols_of(currencies), nouns_of(currencies)
    if symbols or nouns:
        known = [own_currency(money, symbols, nouns) for money in known]
    if not draft or not (currencies or symbols):
        return known
    defined = [
        replace(money, currency=symbols[money.currency]) if money.currency in symbols else money
        for money in draft
        if money.currency in currencies or money.currency in symbols
    ]
    return sorted([*known, *defined], key=lambda money: money.start) if defined else known


def find_money(text: str, language: str, currencies: Collection[str] = ()) -> list[Money]:
    """Every amount of money in ``text``, with character offsets into ``text``. Codes the
    text defines for itself ("Ossorian crowns (OSC)") are read, and so are ``currencies``
    (the codes a whole draft defines, when ``text`` is one paragraph of it)."""
    return find_money_in([text], language, currencies)[0]


def find_money_in(texts, language: str, currencies: Collection[str] = ()) -> list[list[Money]]:
    """:func:`find_money` for many texts at once (one batched pass through spaCy)."""
    from cpc_draft.nlp.currencies import learn_currencies, merged
    from cpc_draft.nlp.pipeline import docs_of

    texts = list(texts)
    out = []
    for text, docs in zip(texts, docs_of(texts, language), strict=True):
        defined = currencies
        if any(doc._.cpc_money_draft for _, _, doc in docs):
            defined = merged(currencies, learn_currencies([text], language))
        out.append([m.shifted(offset) for offset, _, doc in docs for m in money_of(doc, defined)])
    return out
