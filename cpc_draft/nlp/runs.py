"""Runs of number tokens next to a currency: "5", "000", "000"; "nine million six hundred
thousand"; "8 millones"; "one million ... and 50/100".

Works on spaCy tokens but imports nothing from spaCy. Only the few tokens around a currency
mention are ever looked at, so the Python here costs nothing per word of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from cpc_draft.nlp.lexicon import Lexicon
from cpc_draft.nlp.numbers import GROUP_SPACES, exact, parse_figures, value_of

DIGITS = re.compile(r"\d(?:[\d.,'’]*\d)?")  # "12'000,000.00": Andean and Swiss groups
SCALED = re.compile(r"(\d(?:[\d.,]*\d)?)([^\W\d_]+)")  # "500k", "1.2bn"
GROUP = re.compile(r"\d{3}(?:[.,]\d+)?")
LEAD = re.compile(r"\d{1,3}")
CENTS = re.compile(r"(\d{1,2})/100")
MAX_RUN = 24  # tokens; "nine hundred ninety-nine million nine hundred ..." fits


@dataclass(frozen=True)
class Run:
    """Tokens ``start``..``end`` (exclusive) and their value."""

    start: int
    end: int
    value: Decimal
    words: bool  # has number words ("five million")
    figures: bool  # has digits ("5 million", "5,000,000")
    scaled: bool = False  # has a scale word or abbreviation ("5 million", "500k")


class Kinds:
    """What each token is to a number run; memoized by token text."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._memo: dict[str, str | None] = {}

    def __call__(self, token) -> str | None:
        text = token.text
        kind = self._memo.get(text, "?")
        if kind == "?":
            kind = self._kind(text)
            if len(self._memo) > 100_000:
                self._memo.clear()
            self._memo[text] = kind
        return kind

    def _kind(self, text: str) -> str | None:
        lex, low = self.lex, text.lower()
        if text[0].isdigit():
            if DIGITS.fullmatch(text):
                return "digits"
            scaled = SCALED.fullmatch(text)
            if scaled and scaled.group(2).lower() in lex.scales:
                return "scaled"
            return "cents" if CENTS.fullmatch(text) else None
        if not text.strip(GROUP_SPACES):
            return "space"
        if low in lex.scales:
            return "scale"
        if low in lex.ones:
            return "one"
        if low in lex.joins or low in lex.cents:
            return "join"
        return "unit" if lex.number_word(low) is not None else None


def parse_run(doc, start: int, end: int, kinds: Kinds) -> Run | None:
    """The value of tokens start..end if they form one well-formed amount, else None."""
    lex = kinds.lex
    toks = [doc[i] for i in range(start, end)]
    ks = [kinds(t) for t in toks]
    n = len(toks)
    if not n or ks[0] in ("join", "space", "cents") or ks[-1] in ("join", "space"):
        return None
    if ks[0] == "scale" and (lex.scales[toks[0].lower_] > 1000 or len(toks[0]) < 3):
        return None  # "millions of dollars" is no amount; "mil dólares" is
    items: list[tuple[str, Decimal]] = []
    i, figures, words, cents = 0, False, False, Decimal(0)
    if ks[0] == "scaled":
        number, scale = SCALED.fullmatch(toks[0].text).groups()
        value = parse_figures(number, lex.decimal)
        if value is None:
            return None
        items += [("num", value), ("scale", lex.scales[scale.lower()])]
        i, figures = 1, True
    elif ks[0] == "digits":
        groups = [toks[0].text]
        i = 1
        while i < n:  # "5 000 000": groups joined by spaces or space tokens (U+202F, U+00A0)
            j = i + 1 if ks[i] == "space" else i
            if ks[i] != "space" and not toks[i - 1].whitespace_:
                break
            if j < n and ks[j] == "digits" and GROUP.fullmatch(toks[j].text):
                if not LEAD.fullmatch(groups[-1]) or (len(groups) > 1 and len(groups[-1]) != 3):
                    break
                groups.append(toks[j].text)
                i = j + 1
            else:
                break
        # "5.000" is five thousand beside a currency (no currency has three decimals) but
        # "1.250 million" follows the language's decimal separator.
        scaled = i < n and ks[i] == "scale"
        value = parse_figures(" ".join(groups), lex.decimal if scaled else None)
        if value is None:
            return None
        items.append(("num", value))
        figures = True
    while i < n:
        kind, low = ks[i], toks[i].lower_
        nxt = ks[i + 1] if i + 1 < n else None
        if kind == "scale":
            items.append(("scale", lex.scales[low]))
            words = words or not figures
        elif kind == "unit" and not figures:
            items.append(("num", lex.number_word(low)))
            words = True
        elif kind == "one" and nxt == "scale" and not figures:
            items.append(("num", Decimal(1)))
            words = True
        elif kind == "join" and nxt == "cents" and low in lex.cents and i + 2 == n and items:
            cents = Decimal("0." + CENTS.fullmatch(toks[i + 1].text).group(1).zfill(2))
            i = n
            break
        elif (
            kind == "join" and low in lex.joins and items and nxt in ("unit", "one") and not figures
        ):
            pass
        else:
            return None
        i += 1
    value = value_of(items)
    if value is None:
        return None
    scaled = any(kind == "scale" for kind, _ in items)
    return Run(start, end, exact(value + cents), words, figures, scaled)


def window_left(doc, last: int, kinds: Kinds) -> int:
    """First index of the stretch of number-like tokens ending at ``last``."""
    first = last
    while first > 0 and last - first < MAX_RUN and kinds(doc[first - 1]) is not None:
        first -= 1
    return first


def run_ending_at(doc, last: int, kinds: Kinds) -> Run | None:
    """The longest well-formed run ending with token ``last`` (inclusive)."""
    if last < 0 or kinds(doc[last]) is None:
        return None
    for start in range(window_left(doc, last, kinds), last + 1):
        run = parse_run(doc, start, last + 1, kinds)
        if run is not None:
            return run
    return None


def run_starting_at(doc, first: int, kinds: Kinds) -> Run | None:
    """The longest well-formed run starting with token ``first``."""
    if first >= len(doc) or kinds(doc[first]) is None:
        return None
    end = first
    while end < len(doc) and end - first < MAX_RUN and kinds(doc[end]) is not None:
        end += 1
    for stop in range(end, first, -1):
        run = parse_run(doc, first, stop, kinds)
        if run is not None:
            return run
    return None
