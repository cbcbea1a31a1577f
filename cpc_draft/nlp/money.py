"""Amounts of money: the ``cpc_money`` pipeline component and :func:`find_money`.

The span ruler marks currency mentions (``CUR_SYMBOL`` "US$", ``CUR_CODE`` "PEN",
``CUR_NAME`` "soles", each with the ISO code as its id) and qualifiers (``QUAL``, id "up to",
"at least", "approximately"). ``cpc_money`` reads the number run beside each currency
mention, joins "words (figures)" pairs and stores :class:`Money` values in
``doc._.cpc_money``. Only tokens near a currency mention are looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from cpc_draft.nlp.lexicon import Lexicon, lexicon
from cpc_draft.nlp.runs import Kinds, Run, run_ending_at, run_starting_at
from cpc_draft.nlp.values import Money

SPANS_KEY = "cpc"
OPEN, CLOSE = ("(", "["), (")", "]")
YEARS = (1900, 2100)
DASHES = ("-", "–", "—")

if not Doc.has_extension("cpc_money"):
    Doc.set_extension("cpc_money", default=None)


@dataclass
class _Hit:
    start: int
    end: int
    currency: str
    words: Decimal | None
    figures: Decimal | None
    words_currency: str | None = None


def _hit(run: Run, currency: str, start: int, end: int) -> _Hit:
    words = run.value if run.words else None
    return _Hit(start, end, currency, words, None if run.words else run.value)


def _skip_space(doc: Doc, i: int, step: int) -> int:
    """Step over no-break spaces that spaCy keeps as tokens ("5.000.000\u00a0USD")."""
    while 0 <= i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += step
    return i


def _in_range(doc: Doc, hit: _Hit) -> bool:
    """One end of a range ("$1-2 million"): neither end alone is the amount."""
    end, start = hit.end, hit.start
    glued = end + 1 < len(doc) and not (doc[end - 1].whitespace_ or doc[end].whitespace_)
    if glued and doc[end].text in DASHES and doc[end + 1].text[0].isdigit():
        return True
    if start > 1 and doc[start - 1].text in DASHES and not doc[start - 1].whitespace_:
        return not doc[start - 2].whitespace_ and doc[start - 2].text[-1].isdigit()
    return False


def _year(doc: Doc, hit: _Hit) -> bool:
    """A bare four-digit year beside an ISO code: a table header "2022 USD", not money."""
    if hit.figures is None or hit.words is not None:
        return False
    first = doc[hit.start] if doc[hit.start].text[0].isdigit() else doc[hit.end - 1]
    return len(first.text) == 4 and first.text.isdigit() and YEARS[0] <= int(first.text) <= YEARS[1]


class MoneyParser:
    """The ``cpc_money`` component."""

    def __init__(self, lex: Lexicon, spans_key: str = SPANS_KEY) -> None:
        self.lex, self.spans_key, self.kinds = lex, spans_key, Kinds(lex)

    def __call__(self, doc: Doc) -> Doc:
        doc._.cpc_money = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Money]:
        group = doc.spans.get(self.spans_key)
        if not group:
            return []
        currencies = filter_spans([s for s in group if s.label_.startswith("CUR_")])
        if not currencies:
            return []
        qualifiers: dict[int, str] = {}
        for span in sorted((s for s in group if s.label_ == "QUAL"), key=len):
            qualifiers[span.end] = span.id_
        # Each currency mention takes the amount on its side; symbols first, then codes
        # with an amount on one side only ("5.000.000 USD 8.000.000 PEN" read as English),
        # then the other codes, then names.
        options = [(span, self._beside(doc, span)) for span in currencies]
        rank = {"CUR_SYMBOL": 0, "CUR_CODE": 1, "CUR_NAME": 3}
        options.sort(key=lambda o: (rank[o[0].label_] + (len(o[1]) > 1), o[0].start))
        used: set[int] = set()
        hits: list[_Hit] = []
        for _, candidates in options:
            for hit in candidates:
                if not used.intersection(range(hit.start, hit.end)):
                    hits.append(hit)
                    used.update(range(hit.start, hit.end))
                    break
        hits = self._pair(doc, sorted(hits, key=lambda h: h.start))
        return [self._money(doc, hit, qualifiers) for hit in hits]

    def _beside(self, doc: Doc, cur) -> list[_Hit]:
        """The amounts written after and before one currency mention, preferred first."""
        kind, code = cur.label_, cur.id_
        if kind == "CUR_NAME":
            sides = ("left",)
        elif kind == "CUR_SYMBOL" or (kind == "CUR_CODE" and self.lex.code_first):
            sides = ("right", "left")
        else:
            sides = ("left", "right")
        out = []
        for side in sides:
            if side == "right":
                run = run_starting_at(doc, _skip_space(doc, cur.end, 1), self.kinds)
                hit = run and _hit(run, code, cur.start, run.end)
            else:
                hit = self._left(doc, cur, code)
            if hit is None or (kind == "CUR_CODE" and _year(doc, hit)) or _in_range(doc, hit):
                continue
            out.append(hit)
        return out

    def _left(self, doc: Doc, cur, code: str) -> _Hit | None:
        last = _skip_space(doc, cur.start - 1, -1)
        if last >= 0 and doc[last].lower_ in self.lex.connectors and cur.label_ == "CUR_NAME":
            last = _skip_space(doc, last - 1, -1)
        if last >= 0 and doc[last].text in CLOSE:  # "cinco millones (5.000.000) de dólares"
            return self._words_then_bracket(doc, last, cur, code)
        run = run_ending_at(doc, last, self.kinds)
        return run and _hit(run, code, run.start, cur.end)

    def _words_then_bracket(self, doc: Doc, close: int, cur, code: str) -> _Hit | None:
        inner = run_ending_at(doc, close - 1, self.kinds)
        if inner is None or inner.words or inner.start < 1 or doc[inner.start - 1].text not in OPEN:
            return None
        words = run_ending_at(doc, inner.start - 2, self.kinds)
        if words is None or not words.words:
            return None
        return _Hit(words.start, cur.end, code, words.value, inner.value)

    def _pair(self, doc: Doc, hits: list[_Hit]) -> list[_Hit]:
        """Join "words (figures)" and "figures (words)" into one hit."""
        out: list[_Hit] = []
        for hit in hits:
            prev = out[-1] if out else None
            bracketed = (
                hit.start >= 1
                and doc[hit.start - 1].text in OPEN
                and hit.end < len(doc)
                and doc[hit.end].text in CLOSE
            )
            if (
                bracketed
                and prev is not None
                and prev.end == _skip_space(doc, hit.start - 2, -1) + 1
            ):
                one_each = (prev.words is None) != (hit.words is None)
                if one_each and (prev.figures is None) != (hit.figures is None):
                    words, figures = (prev, hit) if prev.words is not None else (hit, prev)
                    other = words.currency if words.currency != figures.currency else None
                    out[-1] = _Hit(
                        prev.start,
                        hit.end + 1,
                        figures.currency,
                        words.words,
                        figures.figures,
                        other,
                    )
                    continue
            if bracketed and hit.figures is not None and hit.words is None:
                # "five million (US$5,000,000)": the words carry no currency of their own
                run = run_ending_at(doc, hit.start - 2, self.kinds)
                if run is not None and run.words and (prev is None or prev.end <= run.start):
                    hit = _Hit(run.start, hit.end + 1, hit.currency, run.value, hit.figures)
            out.append(hit)
        return out

    def _money(self, doc: Doc, hit: _Hit, qualifiers: dict[int, str]) -> Money:
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


def find_money(text: str, language: str) -> list[Money]:
    """Every amount of money in ``text``, with character offsets into ``text``."""
    return find_money_in([text], language)[0]


def find_money_in(texts, language: str) -> list[list[Money]]:
    """:func:`find_money` for many texts at once (one batched pass through spaCy)."""
    from cpc_draft.nlp.pipeline import docs_of

    return [
        [money.shifted(offset) for offset, _, doc in docs for money in doc._.cpc_money]
        for docs in docs_of(list(texts), language)
    ]
