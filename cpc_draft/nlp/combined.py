"""Totals of both governments in prose: "US$5,000,000 from the United States and
US$3,200,000 from Valdoria, for a combined total of US$8,200,000".

Such a total is neither government's contribution. It is recognised by its place, not by
one phrase: it follows amounts of both governments in its sentence with no government
named in between, and either a total word stands before it ("for a total of", "en
total", "soit au total") or it is their sum. A total whose subject is both governments
("Both Governments intend to contribute a combined US$8.2 million") is one too when a
word of totalling or combining stands before it and no single government is named right
after it ("The Participants estimate their total contributions at US$5,000,000 for the
United States and …" gives each government its own).
Cue words are data (``totals`` in data/money_words.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from cpc_draft.nlp.lexicon import lexicon
from cpc_draft.nlp.values import Money, PartyMention
from cpc_draft.text.cues import phrase_pattern

BOTH = "both"
_GOVERNMENTS = ("US", "partner")


@cache
def _cues(language: str) -> re.Pattern:
    """Words of totalling or combining ("total", "combined", "en conjunto")."""
    lex = lexicon(language)
    words = [*lex.total_cues, *lex.combined_cues]
    return phrase_pattern(words) if words else re.compile(r"(?!)")


def is_combined(
    text: str,
    money: Money,
    earlier: list[tuple[Money, str, int]],
    mentions: list[PartyMention],
    language: str,
    window: tuple[int, int],
) -> bool:
    """Whether ``money`` is a total of both governments. ``earlier``: the amounts before it
    in its sentence (``window``), each with its party and where its statement ends (after
    "from Valdoria" if that names its giver); ``mentions``: the party mentions outside
    amounts."""
    totals = _cues(language)
    lo, hi = window
    if earlier and {party for _, party, _ in earlier} >= set(_GOVERNMENTS):
        since = earlier[-1][2]
        if not _named(mentions, since, money.start, _GOVERNMENTS):
            between = text[since : money.start]
            same = [m.amount for m, _, _ in earlier if m.currency == money.currency]
            return bool(totals.search(between)) or (len(same) > 1 and sum(same) == money.amount)
    before = [m for m in mentions if lo <= m.start and m.end <= money.start]
    if not before or before[-1].party != BOTH:
        return False
    after = [m for m in mentions if money.end <= m.start < hi]
    named_after = bool(after) and after[0].party in _GOVERNMENTS
    return bool(totals.search(text, lo, money.start)) and not named_after


def _named(mentions: list[PartyMention], start: int, end: int, parties) -> bool:
    return any(start <= m.start and m.end <= end and m.party in parties for m in mentions)
