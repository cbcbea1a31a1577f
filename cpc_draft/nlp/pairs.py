"""One amount written twice: "five million dollars (US$5,000,000)", "US$5,000,000 (five
million United States dollars)", "1,5 million de dollars (1 500 000 USD)".

Works on spaCy tokens but imports nothing from spaCy. :func:`pair_hits` joins the two
writings into one :class:`Hit` whose words and figures can then be compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from cpc_draft.nlp.lexicon import Lexicon
from cpc_draft.nlp.runs import Kinds, run_ending_at

OPEN, CLOSE = ("(", "["), (")", "]")
MAX_NAME_WORDS = 4  # "Santa Linan pesos", "de coronas osterianas"
LEAST_WORDS = 1000  # words for less, before a draft's own code, are no compact's amount
# What may follow an amount in words inside its brackets: its cents ("00/100") and the
# initials of its currency ("M.N.", moneda nacional)
_TRAILER = re.compile(r"\d{1,2}/100|(?:[A-Z]\.){1,3}")


@dataclass
class Hit:
    """Tokens ``start``..``end`` hold one amount in ``currency``."""

    start: int
    end: int
    currency: str
    words: Decimal | None  # the amount in words
    figures: Decimal | None  # the amount in plain figures ("1,500,000")
    words_currency: str | None = None
    scaled: bool = False  # figures with a scale word ("1.5 million")


def name_before(doc, last: int, lex: Lexicon, kinds: Kinds, own: bool = False) -> int | None:
    """The first token of a currency's name ending at token ``last`` ("Ossorian crowns",
    "de coronas osterianas"): up to four words, one of them a currency noun; with ``own``
    (before figures in a code the draft defines) any words: the draft names its own
    currency as it likes ("Marovian lire", "tallers"), and we know no noun for it."""
    first, noun = last + 1, own
    while first > 0 and last - first + 1 < MAX_NAME_WORDS:
        token = doc[first - 1]
        if not (token.is_alpha or token.text in ("'", "’")) or kinds(token) is not None:
            break
        noun = noun or token.lower_ in lex.nouns
        first -= 1
    return first if noun and first <= last else None


def _close_of(doc, hit: Hit) -> int | None:
    """The closing bracket of a bracketed amount, after the cents and the initials that may
    end its words ("(siete millones de pesos 00/100 M.N.)"), or None."""
    if hit.start < 1 or doc[hit.start - 1].text not in OPEN:
        return None
    i = hit.end
    while i < len(doc) and i - hit.end < 2 and _TRAILER.fullmatch(doc[i].text):
        i += 1
    return i if i < len(doc) and doc[i].text in CLOSE else None


def _before_bracket(doc, hit: Hit, lex: Lexicon, kinds: Kinds, known):
    """The words run before "(figures)", directly ("five million (US$5,000,000)") or before
    a currency name with no amount of its own ("sixteen million Santa Linan pesos (SLP
    16,000,000)"; any name before a code the draft defines)."""
    run = run_ending_at(doc, hit.start - 2, kinds)
    if run is None:
        own = hit.currency not in known
        first = name_before(doc, hit.start - 2, lex, kinds, own=own)
        run = run_ending_at(doc, first - 1, kinds) if first is not None else None
        if own and run is not None and run.value < LEAST_WORDS:
            return None  # "two per cent of the budget (TVT 2,000,000)": no sum's words
    return run if run is not None and run.words else None


def _join(prev: Hit, hit: Hit, known, close: int) -> Hit | None:
    """One hit of "words (figures)" or "figures (words)", or None if they are two amounts."""
    if (prev.words is None) != (hit.words is None) and (prev.figures is None) != (
        hit.figures is None
    ):
        words, figures = (prev, hit) if prev.words is not None else (hit, prev)
        said = words.words
    elif (
        prev.currency == hit.currency
        and prev.scaled != hit.scaled
        and not (prev.words or hit.words)
    ):
        # "1,5 million de dollars (1 500 000 USD)": the scaled figure is the one in words
        words, figures = (prev, hit) if prev.scaled else (hit, prev)
        said = words.figures
    else:
        return None
    other = words.currency if words.currency != figures.currency else None
    if figures.currency not in known:
        other = None  # a draft's own code: its name in words is only "pesos" or "crowns"
    return Hit(prev.start, close + 1, figures.currency, said, figures.figures, other)


def _adjoining(doc, prev: Hit, hit: Hit, lex: Lexicon) -> bool:
    """Whether ``prev`` ends right before the bracket of ``hit``, or before the rest of its
    currency's name ("dos millones de pesos santalinenses (SLP 2.400.000)")."""
    last = _skip_space(doc, hit.start - 2)
    if prev.end == last + 1:
        return True
    if not lex.noun_first or doc[prev.end - 1].lower_ not in lex.nouns:
        return False
    between = [doc[i] for i in range(prev.end, last + 1)]
    return len(between) <= 2 and all(t.is_alpha and t.is_lower for t in between)


def pair_hits(doc, hits: list[Hit], kinds: Kinds, known) -> list[Hit]:
    """Join "words (figures)" and "figures (words)" into one hit."""
    lex = kinds.lex
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        close = _close_of(doc, hit)
        bracketed = close is not None
        if bracketed and prev is not None and _adjoining(doc, prev, hit, lex):
            joined = _join(prev, hit, known, close)
            if joined is not None:
                out[-1] = joined
                continue
        if bracketed and hit.figures is not None and hit.words is None:
            # "five million (US$5,000,000)": the words carry no currency of their own
            run = _before_bracket(doc, hit, lex, kinds, known)
            if run is not None and (prev is None or prev.end <= run.start):
                hit = Hit(run.start, close + 1, hit.currency, run.value, hit.figures)
        out.append(hit)
    return out


def _skip_space(doc, i: int) -> int:
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    return i
