"""What the governments set out to do: objectives (element A), each government's duties
(B), and the programs with the funding allocated to them (C).

Sections scope each search where a draft has them; where it has none the finders fall
back on cue words in the paragraphs themselves (data/cues.yaml).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cpc_draft.check.facts.money import is_total
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import HEADING, ITEM, TABLE_ROW, Contribution, TextBlock
from cpc_draft.text.cues import cue, has

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZÀ-Ý])")
_OBJECTIVE_WORD = re.compile(r"\b(objective|objectives|objetivos?|objectifs?)\b", re.I)


class Objectives(NamedTuple):
    listed: tuple[TextBlock, ...]
    purpose_only: tuple[TextBlock, ...]  # an objectives article's prose that lists none


class Duties(NamedTuple):
    us: tuple[TextBlock, ...]
    partner: tuple[TextBlock, ...]
    has_article: bool  # a section on responsibilities, not only duties in passing


class Programs(NamedTuple):
    listed: tuple[TextBlock, ...]
    funding: tuple[Contribution, ...]  # amounts of the U.S. or the partner in the section

    @property
    def funded_by(self) -> tuple[str, ...]:
        """US and/or partner, in that order: the governments allocating money to programs."""
        return tuple(p for p in ("US", "partner") if any(c.party == p for c in self.funding))


def find_objectives(stream: Stream) -> Objectives:
    section = stream.in_section("objectives")
    items = [b for b in section if b.kind in (ITEM, TABLE_ROW)]
    if items:
        return Objectives(tuple(items), ())
    infinitives = cue("objective_list", stream.language)
    listed: list[TextBlock] = []
    purpose_only: list[TextBlock] = []
    for block in section or stream.blocks:
        several = block.text.count(";") >= 2 or block.text.count(",") >= 3
        if _OBJECTIVE_WORD.search(block.text) and several:
            listed.append(block)
        elif (
            has("commitment", stream.language, block.text)
            and len(infinitives.findall(block.text)) >= 2
        ):
            listed.append(block)  # "intend to improve …, to expand …, and to prevent …"
        elif section and block.kind != HEADING:
            purpose_only.append(block)
    return Objectives(tuple(listed), tuple(purpose_only))


def find_duties(stream: Stream) -> Duties:
    from cpc_draft.nlp import find_party_mentions

    language = stream.language
    scope = stream.in_section("responsibilities") or [
        b for b in stream.blocks if has("commitment", language, b.text)
    ]
    commitment = cue("commitment", language)
    duties: dict[str, list[TextBlock]] = {"US": [], "partner": []}
    current: str | None = None
    for block in scope:
        if block.kind == ITEM and current:
            duties[current].append(block)
            continue
        for sentence in _SENTENCE_END.split(block.text):  # one paragraph may hold both
            found = commitment.search(sentence)
            if not found:
                continue
            before = sentence[: found.start()]
            mentions = [
                m
                for m in find_party_mentions(before, language, stream.partner)
                if m.party in duties
            ]
            if not mentions:
                continue
            current = mentions[-1].party
            if len(sentence[found.end() :].split()) > 3 and block not in duties[current]:
                duties[current].append(block)  # a duty, not "X intends to:"
    return Duties(
        tuple(duties["US"]), tuple(duties["partner"]), stream.has_section("responsibilities")
    )


def find_programs(stream: Stream, contributions: tuple[Contribution, ...]) -> Programs:
    section = stream.in_section("programs")
    # Listed programs, else the rows of a programs table (not both: they name the same ones).
    listed = [b for b in section if b.kind == ITEM] or [
        b for b in section if b.kind == TABLE_ROW and b.row and not is_total(b)
    ]
    if not listed:
        listed = [b for b in section if b.kind != HEADING and len(b.text.split()) > 5]
    indices = {b.index for b in section}
    funding = tuple(c for c in contributions if c.block in indices and c.party in ("US", "partner"))
    return Programs(tuple(listed), funding)
