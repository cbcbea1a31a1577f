"""Totals of both governments in prose: "US$5,000,000 from the United States and
US$3,200,000 from Valdoria, for a combined total of US$8,200,000".

Such a total is neither government's contribution. It is recognised by its place in its
sentence, not by one phrase:

- after amounts of both governments, with no government named in between, behind a
  word of totalling ("for a total of", "en conjunto", "soit au total") or equal to
  their sum;
- before amounts of both governments that add up to it ("Total funding is US$8,200,000,
  of which US$5,000,000 from the United States and US$3,200,000 from Valdoria");
- right behind a word of combining ("the combined US$7,000,000", "a combined total of");
- as the amount of both governments together ("Both Governments intend to contribute a
  total of US$8.2 million"), when no single government is named with it.

Cue words are data (``totals`` in data/money_words.yaml).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from cpc_draft.nlp.lexicon import lexicon
from cpc_draft.nlp.values import Money, PartyMention
from cpc_draft.text.cues import phrase_pattern

BOTH = "both"
_GOVERNMENTS = frozenset(("US", "partner"))
_WORD = re.compile(r"[\w'’]+")


class Stated(NamedTuple):
    """An amount in its sentence (``lo``..``hi``) with the party it was given, and where
    its statement ends (after "from Valdoria" when that names its giver, else the amount)."""

    money: Money
    party: str | None
    end: int
    lo: int
    hi: int
    named: bool  # its giver is named right after it


class _Cues(NamedTuple):
    totals: re.Pattern  # words of totalling or combining
    combined: re.Pattern  # words of combining only
    fillers: frozenset[str]


@cache
def _cues(language: str) -> _Cues:
    lex = lexicon(language)
    never = re.compile(r"(?!)")
    words = [*lex.total_cues, *lex.combined_cues]
    return _Cues(
        phrase_pattern(words) if words else never,
        phrase_pattern(list(lex.combined_cues)) if lex.combined_cues else never,
        lex.fillers,
    )


def combined_parties(
    text: str, stated: list[Stated], mentions: list[PartyMention], language: str
) -> list[str | None]:
    """The party of each amount, "both" for a total of both governments."""
    cues = _cues(language)
    parties = [item.party for item in stated]
    for i, item in enumerate(stated):
        if item.named:
            continue
        earlier = [
            e._replace(party=parties[j])
            for j, e in enumerate(stated[:i])
            if e.money.start >= item.lo
        ]
        later = [s for s in stated[i + 1 :] if s.money.end <= item.hi]
        if (
            _after_parts(text, item, earlier, mentions, cues)
            or _before_parts(item, later)
            or _behind_combining(text, item, cues)
            or _of_both(text, item, later, mentions, cues)
        ):
            parties[i] = BOTH
    return parties


def _after_parts(text, item: Stated, earlier: list[Stated], mentions, cues: _Cues) -> bool:
    if not earlier or not {e.party for e in earlier} >= _GOVERNMENTS:
        return False
    since = earlier[-1].end
    if _named(mentions, since, item.money.start):
        return False
    money = item.money
    same = [e.money.amount for e in earlier if e.money.currency == money.currency]
    added = len(same) > 1 and sum(same, Decimal(0)) == money.amount
    return added or cues.totals.search(text, since, money.start) is not None


def _before_parts(item: Stated, later: list[Stated]) -> bool:
    """The amounts right after it, in its currency, add up to it and come from both."""
    total, parties = Decimal(0), set()
    for part in later:
        if part.money.currency != item.money.currency:
            break
        total += part.money.amount
        parties.add(part.party)
        if total >= item.money.amount:
            break
    return total == item.money.amount and parties >= _GOVERNMENTS


def _behind_combining(text: str, item: Stated, cues: _Cues) -> bool:
    """A word of combining, then only filler words, then the amount ("the combined
    US$7,000,000", "a combined total of US$8,200,000")."""
    before = text[item.lo : item.money.start]
    found = list(cues.combined.finditer(before))
    if not found:
        return False
    return all(w.lower() in cues.fillers for w in _WORD.findall(before[found[-1].end() :]))


def _of_both(text: str, item: Stated, later: list[Stated], mentions, cues: _Cues) -> bool:
    """Both governments are the subject, a word of totalling precedes the amount, and no
    single government is named with it (before the next amount)."""
    money = item.money
    before = [m for m in mentions if item.lo <= m.start and m.end <= money.start]
    if not before or before[-1].party != BOTH:
        return False
    until = later[0].money.start if later else item.hi
    if _named(mentions, money.end, until):
        return False
    return cues.totals.search(text, item.lo, money.start) is not None


def _named(mentions: list[PartyMention], start: int, end: int) -> bool:
    return any(start <= m.start and m.end <= end and m.party in _GOVERNMENTS for m in mentions)
