"""Indicator values written in words, read as figures.

A note or a letter may state its indicators in prose with its numbers in words: "the
number of cases tried, rising from eleven in 2025 to thirty-five in 2030", "el
porcentaje de víctimas atendidas, que pasará del veinte por ciento en 2025 al sesenta por
ciento en 2029", "passer de douze en 2025 à quarante en 2030".
:mod:`~cpc_draft.check.facts.indicator_values` reads figures; this module writes each
run of number words as its figure first ("thirty-five" -> "35", "cent vingt" -> "120")
and maps positions in the rewritten text back to the words as written, so an indicator's
name keeps the draft's own words ("within forty-eight hours").

The number words are the money lexicon's (data/money_words.yaml). A lone word that is
also an article ("un", "una", "une") is left as a word, and so are the abbreviated scales
("k", "m"), which follow figures only, the words of a percent ("por ciento"), and a
number followed by a unit of time ("under fifteen years", "within forty-eight hours"):
a measure within the indicator's name, which a figure there might be read as a value.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import NamedTuple

from cpc_draft.nlp.lexicon import Lexicon, lexicon
from cpc_draft.nlp.numbers import value_of
from cpc_draft.text.cues import cue

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SHORTEST_SCALE = 3  # "k", "m", "bn" abbreviate scales after figures only


class Rewritten(NamedTuple):
    """``text`` with its number words in figures; ``spans`` (new start, new end, old
    start, old end) of each rewritten run, in order."""

    text: str
    spans: tuple[tuple[int, int, int, int], ...]

    def original(self, at: int) -> int:
        """Where position ``at`` of the rewritten text stands in the text as written."""
        index = bisect.bisect_right([span[0] for span in self.spans], at) - 1
        if index < 0:
            return at
        _new_start, new_end, old_start, old_end = self.spans[index]
        return old_start if at < new_end else at - new_end + old_end


def in_figures(text: str, language: str) -> Rewritten:
    """``text`` with every run of number words written as its figure."""
    lex = lexicon(language)
    percent = [m.span() for m in cue("percent", language).finditer(text)]
    # "por ciento", "pour cent" say percent, not a hundred
    words = [w for w in _WORD.finditer(text) if not any(a <= w.start() < b for a, b in percent)]
    pieces, spans, at, new_length = [], [], 0, 0
    i = 0
    while i < len(words):
        run = _run(words, i, text, lex)
        if not run:
            i += 1
            continue
        end, value = run
        first, last = words[i], words[end - 1]
        if end < len(words) and _measure(words[end], last, text, language):
            i = end
            continue  # "under fifteen years", "within forty-eight hours": part of the name
        figure = f"{value:f}"
        pieces.append(text[at : first.start()])
        new_start = new_length + first.start() - at
        spans.append((new_start, new_start + len(figure), first.start(), last.end()))
        pieces.append(figure)
        new_length = new_start + len(figure)
        at = last.end()
        i = end
    pieces.append(text[at:])
    return Rewritten("".join(pieces), tuple(spans))


def _run(words: list[re.Match], i: int, text: str, lex: Lexicon) -> tuple[int, Decimal] | None:
    """(index after the run, its value) of the number words that start at ``words[i]``."""
    items: list[tuple[str, Decimal]] = []
    end = i
    j = i
    while j < len(words):
        if j > i and not _adjacent(words[j - 1], words[j], text):
            break
        word = words[j].group().casefold()
        item = _item(word, lex)
        if item is None and word in lex.joins and items and j + 1 < len(words):
            following = _item(words[j + 1].group().casefold(), lex)
            if following is not None and _joinable(items[-1], following):
                j += 1  # "one hundred and five", "treinta y cinco", "vingt et un"
                continue
            break
        if item is None or (items and not _joinable(items[-1], item)):
            break
        items.append(item)
        j += 1
        end = j
    if not items or _article(words, i, end, lex):
        return None
    value = value_of(items)
    return (end, value) if value is not None else None


def _item(word: str, lex: Lexicon) -> tuple[str, Decimal] | None:
    scale = lex.scales.get(word)
    if scale is not None and len(word) >= _SHORTEST_SCALE:
        return ("scale", scale)
    unit = lex.number_word(word)
    return ("num", unit) if unit is not None else None


def _joinable(previous: tuple[str, Decimal], item: tuple[str, Decimal]) -> bool:
    """Two number words make one number: a scale before or after anything ("two
    hundred", "hundred and five"), or a round number before a smaller one that fills its
    zeros ("twenty five", "doscientos cuarenta"); "fifteen twenty" is two numbers."""
    if previous[0] == "scale" or item[0] == "scale":
        return True
    round_number, rest = previous[1], item[1]
    return 0 < rest < round_number and round_number % 10 ** len(str(int(rest))) == 0


def _measure(word: re.Match, number: re.Match, text: str, language: str) -> bool:
    """A number followed by a unit of time is a measure within the indicator's name
    ("children under fifteen years", "dans les quarante-huit heures"), never its value."""
    unit = cue("name_measure", language).match(text, word.start())
    return _adjacent(number, word, text) and unit is not None


def _adjacent(before: re.Match, after: re.Match, text: str) -> bool:
    return text[before.end() : after.start()].strip() == ""


def _article(words: list[re.Match], i: int, end: int, lex: Lexicon) -> bool:
    """A lone word that is also an article ("un", "una", "une") or means one only before
    a scale ("a", "an")."""
    if end - i != 1:
        return False
    word = words[i].group().casefold()
    return word in lex.articles or word in lex.ones
