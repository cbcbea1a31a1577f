"""Outcome indicators (element D) and the key indicators named for the annual dialogue.

Indicators come from the draft's indicator tables wherever they stand (an article, an
annex, a results framework), else from the sentences and lists of its section on
indicators, else from any paragraph about measuring progress
(:mod:`~cpc_draft.check.facts.indicator_tables`,
:mod:`~cpc_draft.check.facts.indicator_prose`). Key indicators are named in a column
("Key: Yes"), by a mark ("indicators marked with an asterisk"), by number ("indicators
1, 4 and 6 are key indicators", "(i), (iii) and (vi)") or by name.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import NamedTuple

from cpc_draft.check.facts.indicator_prose import declared_baseline_year, prose_indicators
from cpc_draft.check.facts.indicator_tables import table_indicators
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import Indicator, TextBlock
from cpc_draft.text.cues import cue, has

_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
_LABEL = r"\(?(?:\d{1,2}[a-z]?|[ivx]{1,5})\)?(?!\w)"
_NUMBER_SIGN = r"(?:N\.?\s*[°º]|No\.?|Nos\.?|n[°º]s?|núm\.?)?"


class Indicators(NamedTuple):
    listed: tuple[Indicator, ...]
    key_mentions: tuple[TextBlock, ...]  # blocks that speak of key indicators
    key_named_in: tuple[TextBlock, ...] = ()  # blocks that say which indicators are key
    deferred: tuple[TextBlock, ...] = ()  # "targets to be agreed at the first dialogue"

    @property
    def names_key_ones(self) -> bool:
        """Key indicators for the annual dialogue are named, in a sentence or a column."""
        return bool(self.key_named_in) or any(i.key for i in self.listed)

    @property
    def without_targets(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.listed if not i.targets)


def find_indicators(stream: Stream, first_year: int | None = None) -> Indicators:
    """``first_year``: the term's, from which a results table's "Year 1" counts."""
    language = stream.language
    section = stream.in_section("indicators")
    scope = section or list(stream.blocks)
    year = declared_baseline_year(scope, language) or declared_baseline_year(
        stream.blocks, language
    )
    listed = table_indicators(stream.blocks, language, year, first_year)
    if not listed:
        listed = prose_indicators(scope, language, year, scoped=bool(section))
    if not listed and section:
        listed = prose_indicators(stream.blocks, language, year, scoped=False)
    mentions = tuple(b for b in stream.blocks if has("key_indicator", language, b.text))
    listed, named_in = _mark_key(listed, mentions, language)
    deferred = tuple(b for b in scope if _defers_targets(b.text, language))
    return Indicators(tuple(listed), mentions, named_in, deferred)


# --- key indicators ------------------------------------------------------------------


@cache
def _label_list(language: str) -> re.Pattern:
    """ "indicators 1, 3 and 5", "indicadores N.° 1, 3 y 6", "indicateurs (i) et (iii)"."""
    word = cue("indicator_word", language).pattern
    joiner = cue("list_and", language).pattern
    span = cue("year_span", language).pattern
    labels = rf"{_LABEL}(?:\s*(?:,|;|[-–]|{joiner}|{span})\s*{_LABEL})*"
    return re.compile(rf"(?:{word})\s*{_NUMBER_SIGN}\s*(?P<labels>{labels})", re.IGNORECASE)


def _mark_key(listed, mentions, language: str):
    """The indicators with ``key`` set, and the blocks that name the key ones."""
    sentences = [
        (block, sentence)
        for block in mentions
        for sentence in _SENTENCE.split(block.text)
        if has("key_indicator", language, sentence)
    ]
    labels: set[str] = set()
    starred = False
    named_in: list[TextBlock] = []
    for block, sentence in sentences:
        found = {
            label
            for match in _label_list(language).finditer(sentence)
            for label in _labels(match.group("labels"), language)
        }
        star = "*" in sentence or has("asterisk", language, sentence)
        by_name = any(_named(i, sentence, language) for i in listed)
        if found or star or by_name:
            named_in.append(block)
        labels |= found
        starred = starred or star
    by_position = bool(labels) and not any(_label(i) in labels for i in listed)
    marked = [
        dataclasses.replace(indicator, key=True)
        if indicator.key
        or (starred and indicator.starred)
        or (_label(indicator) in labels)
        or (by_position and str(position) in labels)
        or any(_named(indicator, sentence, language) for _, sentence in sentences)
        else indicator
        for position, indicator in enumerate(listed, start=1)
    ]
    return marked, tuple(dict.fromkeys(named_in))


def _labels(listed: str, language: str) -> list[str]:
    """ "1, 3 and 5" -> 1, 3, 5; "(i) and (iii)" -> i, iii; "2 to 4" -> 2, 3, 4."""
    labels = [m.strip("()").casefold() for m in re.findall(_LABEL, listed, re.IGNORECASE)]
    span = re.search(rf"(\d+)\s*(?:[-–]|{cue('year_span', language).pattern})\s*(\d+)", listed)
    if span and int(span.group(1)) < int(span.group(2)) <= 50:
        labels += [str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1)]
    return labels


def _label(indicator: Indicator) -> str | None:
    return indicator.label.strip("()").casefold() if indicator.label else None


def _named(indicator: Indicator, sentence: str, language: str) -> bool:
    """The key sentence names the indicator: its whole name, the short title before a
    colon ("Cases in court: the number of …"), two words at least, or the start of its
    name ("the number of convictions" for "Number of convictions for …"), three words."""
    text = sentence.casefold()
    name = _leading(language).sub("", indicator.name.strip().casefold())
    short = name.split(":")[0] if ":" in name else ""
    if any(len(n.split()) >= 2 and n in text for n in (name, short)):
        return True
    for start in cue("indicator", language).finditer(sentence):
        phrase = _phrase_end(language).split(text[start.start() :], maxsplit=1)[0].strip()
        if len(phrase.split()) >= 3 and name.startswith(phrase):
            return True
    return False


@cache
def _leading(language: str) -> re.Pattern:
    """The joining words before a name ("the number of …")."""
    return re.compile(rf"^(?:(?:{cue('name_joiner', language).pattern})\s*)+")


@cache
def _phrase_end(language: str) -> re.Pattern:
    """Where a phrase naming one key indicator ends: a comma, a stop, "and"."""
    return re.compile(rf"\s*(?:[,;:.()]|\s(?:{cue('list_and', language).pattern})\s)")


def _defers_targets(text: str, language: str) -> bool:
    """A sentence leaving the targets to be set later: "targets to be agreed at the first
    annual dialogue", "Las metas … por definir", "Les cibles … sont à définir"."""
    return any(
        has("target", language, sentence) and has("placeholder", language, sentence)
        for sentence in _SENTENCE.split(text)
    )
