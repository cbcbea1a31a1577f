"""Element A: the specific objectives both governments expect to achieve.

Objectives are a list, however a draft writes it: items under an "Objectives" heading,
"Objective 2: …" paragraphs, "(a) … (b) …" inside a sentence, a sentence of infinitives
("intend to improve …, to expand … and to prevent …"), or a list introduced as expected
results ("the Participants expect that:", "we want to see these changes:"), or points made in
prose and opened by ordinal words ("three objectives. First, …; second, …; finally, …").
A purpose clause alone is not an objective: it makes A partial.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cpc_draft.check.facts.listing import (
    NEUTRAL_KEYS,
    is_labelled,
    is_lead_in,
    members_after,
    run_in_count,
    section_of,
    title_of,
)
from cpc_draft.check.facts.prose_lists import ordinal_count
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import HEADING, ITEM, PARAGRAPH, TABLE_ROW, TextBlock
from cpc_draft.text.cues import cue, has

_OBJECTIVE_WORD = re.compile(r"\b(objective|objectives|objetivos?|objectifs?)\b", re.I)
# "Objective A: …", "Specific Objective 2 –", "Objectif spécifique 1 :", "Objetivo 3."
_LABELLED_OBJECTIVE = re.compile(
    r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:\w+\s+)?(?:objective|objetivo|objectif|goal|meta)"
    r"(?:\s+\w+)?\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\s*(?:[:.–—-]|$)",
    re.IGNORECASE,
)


class Objectives(NamedTuple):
    listed: tuple[TextBlock, ...]
    purpose_only: tuple[TextBlock, ...]  # a purpose clause, or an objectives article's prose
    count: int = 0  # objectives listed (a run-in list counts each of its members)


MIN_LISTED_AIMS = 2  # one aim after a colon is the purpose put another way


def find_objectives(stream: Stream) -> Objectives:
    section = stream.in_section("objectives")
    found = _objective_headings(stream) or _listed_in_section(section, stream.language)
    if found:
        return Objectives(tuple(found), (), _count(found, stream.language))
    found = _introduced_lists(stream) or _listed_under_purpose(stream)
    if found:
        return Objectives(tuple(found), (), _count(found, stream.language))
    return Objectives((), tuple(_purpose(stream, section)))


def _listed_under_purpose(stream: Stream) -> list[TextBlock]:
    """A purpose article that goes on into a list of aims ("… En particular, las partes
    buscarán:" then "a) Fortalecer …", "b) Mejorar …"): where the draft has no article of
    objectives, its listed aims are its specific objectives (a sentence of purpose
    alone is not)."""
    if stream.in_section("objectives"):
        return []
    blocks = [b for b in stream.in_section("purpose") if b.kind != HEADING]
    for position, block in enumerate(blocks):
        if is_lead_in(block):
            members = members_after(blocks, position)
            if len(members) >= MIN_LISTED_AIMS:
                return members
    return []


def _listed_in_section(section: list[TextBlock], language: str) -> list[TextBlock]:
    """An objectives section's list: its items and rows, its labelled or titled
    paragraphs, else a paragraph listing several objectives in one sentence."""
    items = [b for b in section if b.kind == ITEM or (b.kind == TABLE_ROW and b.row)]
    shaped = [
        b
        for b in section
        if b.kind == PARAGRAPH
        and _is_member(b)
        and not is_lead_in(b)
        and not _general_objective(b.text, language)
    ]
    shaped += _numbered_after_lead_ins(section)
    if items or len(shaped) >= 2:
        return [b for b in section if b in items or b in shaped]
    return [b for b in section if b.kind != HEADING and _lists_in_one_sentence(b.text, language)]


def _general_objective(text: str, language: str) -> bool:
    """ "General objective: reduce …", "Objectif général : …": the purpose, titled as an
    objective beside the specific ones, is not one of them."""
    title = title_of(text)
    return title is not None and has("purpose", language, title)


def _numbered_after_lead_ins(section: list[TextBlock]) -> list[TextBlock]:
    """ "… the following objectives:" then "2.1 …", "2.2 …": clause-numbered paragraphs
    (Word paragraphs with typed numbers, no list style) members of the lead-in's list."""
    return [
        member
        for position, block in enumerate(section)
        if is_lead_in(block)
        for member in members_after(section, position)
    ]


def _objective_headings(stream: Stream) -> list[TextBlock]:
    """Objectives that are headings of their own: "Objective A: Justice", then its text."""
    return [
        s.heading
        for s in stream.sections
        if s.key == "objectives"
        and s.heading is not None
        and _LABELLED_OBJECTIVE.match(s.heading.text)
    ]


def _is_member(block: TextBlock) -> bool:
    """ "(a) …", "Safe Homes: …", or an objective's run-in label: "Objective 1. Establish
    …", "Objetivo 2. Fortalecer …" (a full stop after the number, no colon)."""
    return (
        is_labelled(block)
        or title_of(block.text) is not None
        or _LABELLED_OBJECTIVE.match(block.text) is not None
    )


def _lists_in_one_sentence(text: str, language: str) -> bool:
    """ "(a) … (b) …", several objectives between semicolons, a sentence of
    infinitives: "intend to improve …, to expand …, and to prevent …", or points
    opened by ordinal words: "First, … Second, … Finally, …"."""
    if run_in_count(text) or ordinal_count(text, language):
        return True
    several = text.count(";") >= 2 or text.count(",") >= 3
    if _OBJECTIVE_WORD.search(text) and several:
        return True
    return _infinitives(text, language)


def _infinitives(text: str, language: str) -> bool:
    infinitives = cue("objective_list", language)
    return has("commitment", language, text) and len(infinitives.findall(text)) >= 2


def _introduced_lists(stream: Stream) -> list[TextBlock]:
    """Lists a draft introduces as its objectives or expected results, in a section of
    no element ("By 2029 we want to see four changes:", "the Participants expect that:");
    in a draft without headings, also a sentence of infinitives. A purpose article's
    "to prosecute …, to protect … and to prevent …" is its purpose, not objectives."""
    language, blocks = stream.language, stream.blocks
    keys = section_of(stream)
    found: list[TextBlock] = []
    for position, block in enumerate(blocks):
        key = keys.get(block.index)
        if block.kind == HEADING or key not in NEUTRAL_KEYS:
            continue
        if _introduces_objectives(block.text, language):
            if is_lead_in(block):
                found += members_after(blocks, position, titled=True)
            elif run_in_count(block.text) or ordinal_count(block.text, language):
                found.append(block)  # "… the following objectives: (a) …; (b) …"
        elif key is None and _infinitives(block.text, language):
            found.append(block)
    return found


def _introduces_objectives(text: str, language: str) -> bool:
    """Objectives words, and none that make the list one of programs or indicators."""
    return (
        has("objective_intro", language, text)
        and not has("program_word", language, text)
        and not has("measure_word", language, text)
    )


def _purpose(stream: Stream, section: list[TextBlock]) -> list[TextBlock]:
    """An objectives article's prose, a purpose article, a purpose clause, or a general
    aim."""
    prose = [b for b in section if b.kind != HEADING]
    if prose:
        return prose
    prose = [b for b in stream.in_section("purpose") if b.kind != HEADING]
    if prose:
        return prose
    language = stream.language
    stated = [b for b in stream.blocks if b.kind != HEADING and has("purpose", language, b.text)]
    # "Work together to combat the trafficking of children": a general aim, with no
    # purpose word, is still the general terms that make A partial rather than missing.
    return (stated or [b for b in stream.blocks if _general_aim(b, language)])[:2]


def _general_aim(block: TextBlock, language: str) -> bool:
    return block.kind != HEADING and has("general_aim", language, block.text)


def _count(blocks: list[TextBlock], language: str) -> int:
    return sum(max(1, run_in_count(b.text), ordinal_count(b.text, language)) for b in blocks)
