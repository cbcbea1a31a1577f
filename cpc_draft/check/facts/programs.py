"""Element C: the programs to be undertaken and the funding each government allocates
to them.

Drafts call their programs many things (components, pillars, lines of action,
workstreams, líneas de acción, ejes, composantes, volets, axes: the ``program_word``
cues) and name them in many ways: items under a programs heading, labelled paragraphs
or headings ("Component 2: Care and Recovery", "6.2 Program 1 – Justice"), a program
named by its rank ("The first program, "Justice for Every Child", will …"), titled
paragraphs after an announcement ("We plan four programs." then "Safe Homes: …"), the
members an announcement lists after its colon ("three axes: justice, …; protection, …;
and prevention, …"), or the rows of a table whose header names programs. A program's
funding is what its own block and the paragraphs under it state, what the rows of a
programs table state (the table may be in an annex), and what the programs section
states.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from cpc_draft.check.facts.deferral import defers
from cpc_draft.check.facts.left_open import left_open, open_money_rows
from cpc_draft.check.facts.listing import (
    has_label,
    is_labelled,
    is_lead_in,
    members_after,
    run_in_count,
    sub_clause,
    title_of,
)
from cpc_draft.check.facts.money import is_total
from cpc_draft.check.facts.prose_lists import colon_list_count
from cpc_draft.check.facts.sentences import sentences
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import HEADING, ITEM, TABLE_ROW, Contribution, TextBlock
from cpc_draft.text.cues import cue, has

# A label before the program word: "6.2", "3.", "(a)", "a)", "Clause 3.2", "–".
_LEAD = r"^\s*(?:[A-Za-zÀ-ÿ]+\s+)?(?:\(?[\dA-Za-z]{1,3}(?:\.\d{1,2})*[.)]?\s+|[•–—-]\s+)?"
# The program's own number or letter, then a separator: "Program 1 —", "Axe A :", or a
# comma before its name: "Program 2, Victim Care, is …" (not "Programs 1, 2 and 3").
_NUMBER = r"\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4})\s*(?:[:.–—-]|,\s+(?=[A-ZÀ-Ý])|$)"
# A decimal paragraph number: "5.1 Programme 1 – …", "5.1.2 The United States …"
# How many programs a sentence announces: "four programs", "3 componentes", "trois axes".
_COUNT = (
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|dos|tres|cuatro|cinco|seis|siete|"
    r"ocho|deux|trois|quatre|cinq|six|sept|huit)"
)


class Programs(NamedTuple):
    listed: tuple[TextBlock, ...]
    funding: tuple[Contribution, ...]  # amounts of the U.S. or the partner for programs
    named: bool = True  # programs named, not only a programs section's general prose
    undecided: bool = False  # the draft says its programs are still to be determined
    count: int = 0  # programs named (a list running inside one paragraph counts each)
    # program blocks or rows whose funding is left open: "to be mobilised", "will be
    # determined in the budget law": no funding is allocated to those programs yet
    unfunded: tuple[TextBlock, ...] = ()

    @property
    def funded_by(self) -> tuple[str, ...]:
        """US and/or partner, in that order: the governments allocating money to programs."""
        return tuple(p for p in ("US", "partner") if any(c.party == p for c in self.funding))


def find_programs(stream: Stream, contributions: tuple[Contribution, ...]) -> Programs:
    section = stream.in_section("programs")
    named = _named_programs(stream, section)
    tables = _program_tables(stream, section, named)
    listed = named or [b for b in tables if not is_total(b)]
    general = not listed
    areas = _named_areas(stream)
    if general:
        listed = [b for b in section if b.kind != HEADING and len(b.text.split()) > 5] or areas
    # Areas named as programs ("IV. Domaines d'intervention", "the three areas of
    # cooperation") whose activities are left for later are programs in general terms.
    undecided = not areas and any(has("undecided", stream.language, b.text) for b in section)
    bodies = _bodies(stream, named)
    indices = {b.index for b in section} | {b.index for b in tables} | bodies
    unallocated = _unallocated_parties(stream, indices)
    funding = tuple(
        c
        for c in contributions
        if c.block in indices
        and c.party in ("US", "partner")
        and c.party not in unallocated
        and not _split_left_for_later(c, stream)
    )
    count = sum(max(1, _listed_inside(b.text)) for b in listed) if named else len(listed)
    unfunded = _unfunded(stream, tables, bodies) if listed else []
    return Programs(
        tuple(listed), funding, not general, undecided and general, count, tuple(unfunded)
    )


def _unfunded(stream: Stream, rows: list[TextBlock], bodies: set[int]) -> list[TextBlock]:
    """The programs' text and rows that leave money open: "US$900,000 to this program;
    the allocation of X will be determined in its budget law", "Budget of axis 3 | to be
    mobilised", a partner column reading "à mobiliser"."""
    language = stream.language
    prose = [b for b in stream.blocks if b.index in bodies and b.kind != TABLE_ROW]
    first_rows: dict[int, TextBlock] = {}
    for block in stream.blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            first_rows.setdefault(block.table, block)
    # the rows of any table of a program's own section or body ("Budget de l'axe 1 | …")
    own_rows = [
        b for b in stream.blocks if b.kind == TABLE_ROW and (b.index in bodies or b in rows)
    ]
    found = left_open(prose, "funding_word", language)
    found += open_money_rows(
        own_rows, lambda row: first_rows.get(row.table), language, stream.partner
    )
    return found


def _named_programs(stream: Stream, section: list[TextBlock]) -> list[TextBlock]:
    """The blocks naming a program, in reading order: labelled or ranked programs and
    the members of an announced list, else the items of the programs section."""
    language, blocks = stream.language, stream.blocks
    named: dict[int, TextBlock] = {}
    for position, block in enumerate(blocks):
        if block.kind == TABLE_ROW:
            continue
        if _labelled_program(block.text, language) or _ranked_program(block.text, language):
            named[block.index] = block
        elif _announces_programs(block, language):
            # "5.1 The Participants intend to carry out the four programs below": their
            # announcement, not one of them, unless it lists them: "three pillars: (a) …".
            if _listed_inside(block.text):
                named[block.index] = block
            for member in members_after(blocks, position, titled=True):
                named[member.index] = member
    if not named:
        # "6.1 … the following programs, with the allocations shown." before the table
        # that names them introduces the programs; it is not one of them.
        before_table = {
            block.index for block, following in pairwise(blocks) if following.kind == TABLE_ROW
        }
        items = [
            b
            for b in section
            if b.kind == ITEM and not is_lead_in(b) and b.index not in before_table
        ]
        named = {b.index: b for b in items}
    return [b for b in blocks if b.index in named]


def _named_areas(stream: Stream) -> list[TextBlock]:
    """The blocks under a programs heading that uses a program word ("Domaines
    d'intervention", "Áreas de cooperación"; not "Activities"), and paragraphs that name
    how many areas of work there are ("activities in the three areas of cooperation")."""
    language = stream.language
    found = [
        block
        for section in stream.sections
        if section.key == "programs"
        and section.heading is not None
        and has("program_word", language, section.heading.text)
        for block in section.blocks
        if block.kind != HEADING
    ]
    counted = _count_pattern(language)
    found += [b for b in stream.blocks if b.kind != HEADING and counted.search(b.text)]
    return found


def _listed_inside(text: str) -> int:
    """How many programs a paragraph lists inside itself: "(a) …; (b) …", or "three
    axes: justice, with …; protection, with …; and prevention, with …"."""
    return run_in_count(text) or colon_list_count(text)


def _labelled_program(text: str, language: str) -> bool:
    """ "Program 1 — Justice …", "6.2 Component 2: …", "Línea de acción 3.", "Axe A :"."""
    return _label_pattern(language).match(text) is not None


def _ranked_program(text: str, language: str) -> bool:
    """ "The first program, "Justice for Every Child", will …" (near the block's start)."""
    match = _rank_pattern(language).search(text[:120])
    return match is not None


def _announces_programs(block: TextBlock, language: str) -> bool:
    """ "We plan four programs.", "… the following lines of action:" before their list."""
    if block.kind == HEADING:
        return False
    if block.text.rstrip().endswith(":"):
        return has("program_word", language, block.text)
    if has_label(block.text) and not run_in_count(block.text):
        return False  # "(c) the four programs of Article 6;": a reference in a list
    return _count_pattern(language).search(block.text) is not None


@cache
def _count_pattern(language: str) -> re.Pattern:
    return re.compile(
        rf"(?<![\d.,])\b({_COUNT})\s+(?:\w+\s+)?{cue('program_word', language).pattern}", re.I
    )


@cache
def _label_pattern(language: str) -> re.Pattern:
    """ "Program 2 –", and with a word that qualifies the program word: "Programme Area
    1 –", "Eje estratégico 3:", "Axe stratégique 2 :"."""
    words = cue("program_word", language).pattern
    qualifier = cue("program_qualifier", language).pattern
    return re.compile(_LEAD + f"(?:{words})(?:\\s+{qualifier})?" + _NUMBER, re.I)


@cache
def _rank_pattern(language: str) -> re.Pattern:
    ranks = cue("ordinal", language).pattern
    words = cue("program_word", language).pattern
    return re.compile(rf"^\W*(?:\d{{1,2}}\.\s+)?\w+\s+{ranks}\s+{words}\b", re.I)


def _program_tables(
    stream: Stream, section: list[TextBlock], named: list[TextBlock]
) -> list[TextBlock]:
    """The body rows of tables about programs: in the programs section, headed by a
    program word ("Program", "Componente"), whose rows name the programs found, or a
    table of costed activities."""
    in_section = {b.index for b in section}
    titles = {_title_key(b.text) for b in named} - {None}
    tables: dict[int, list[TextBlock]] = {}
    for block in stream.blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    rows: list[TextBlock] = []
    for table in tables.values():
        header, body = table[0], table[1:]
        about_programs = (
            any(b.index in in_section for b in table)
            or has("program_word", stream.language, " ".join(header.cells[:2]))
            or any(_names_program(row, titles) for row in body)
            or _costed_activities(header, stream.language)
        )
        if about_programs:
            rows += body
    return rows


def _costed_activities(header: TextBlock, language: str) -> bool:
    """A work plan's activity table with a budget column ("Activity | Lead | Q1 | … |
    Budget (USD)"): its activities are the initiatives undertaken, each with its cost."""
    cells = header.cells
    return (
        bool(cells)
        and cue("activity_word", language).match(cells[0].strip()) is not None
        and any(has("funding_word", language, cell) for cell in cells[1:])
    )


def _names_program(row: TextBlock, titles: set[str]) -> bool:
    first = row.cells[0].casefold() if row.cells else ""
    return any(title in first for title in titles)


def _title_key(text: str) -> str | None:
    """The words a program is known by ("Justice for Children"), to find its table row."""
    title = title_of(text)
    if title is None:
        return None
    words = re.sub(r"^.*?\b(?:\d{1,2}|[A-Z])\s*[:.–—-]\s*", "", title).casefold()
    return words if len(words.split()) >= 2 else None


def _split_left_for_later(contribution: Contribution, stream: Stream) -> bool:
    """ "OSD 90 million across the three programme areas; its split between them will be
    decided in the first work plan": an amount for the programs together, whose
    allocation to each is still to be decided, funds no program yet; nor does one stated
    as allocated to none ("…, not allocated to individual programs")."""
    block = next((b for b in stream.blocks if b.index == contribution.block), None)
    if block is None:
        return False
    language = stream.language
    found = sentences(block.text)
    for position, sentence in enumerate(found):
        if contribution.text not in sentence:
            continue
        # "…; its split between them will be decided": the next clause, about the amount
        after = found[position + 1 : position + 2]
        about = [sentence, *(s for s in after if _refers_back(s, language))]
        if any(has("allocation_word", language, s) and defers(s, language) for s in about):
            return True
        if any(has("unallocated", language, s) for s in about):
            return True  # "OSD 9 million for the programs as a whole, unallocated"
    return False


def _unallocated_parties(stream: Stream, indices: set[int]) -> set[str]:
    """The governments the programs' text says fund them without allocating to each ("The
    Partner contributes to all the programs from its general budget, without allocation per
    program"): their amounts, wherever stated, fund no program."""
    from cpc_draft.nlp import find_party_mentions

    language, parties = stream.language, set()
    for block in stream.blocks:
        if block.index not in indices or not has("unallocated", language, block.text):
            continue
        for sentence in sentences(block.text):
            if not has("unallocated", language, sentence):
                continue
            mentions = find_party_mentions(sentence, language, stream.partner)
            named = {m.party for m in mentions} & {"US", "partner"}
            if not named and has("party_word", language, sentence):
                named = {"partner"}  # "la Partie khémirienne": a Party not the U.S. one
            if len(named) == 1:
                parties |= named
    return parties


def _refers_back(sentence: str, language: str) -> bool:
    first = sentence.split()[:1]
    return bool(first) and cue("back_reference", language).fullmatch(first[0]) is not None


def _bodies(stream: Stream, named: list[TextBlock]) -> set[int]:
    """The blocks under each named program: itself and the paragraphs that follow it, up
    to the next heading or program ("6.2 Program 1 – Justice" then its description)."""
    indices: set[int] = set()
    names = {b.index for b in named}
    blocks = stream.blocks
    for position, block in enumerate(blocks):
        if block.index not in names:
            continue
        indices.add(block.index)
        if colon_list_count(block.text) and not run_in_count(block.text):
            continue  # "three axes: …; …; …" names them all: no paragraph is one's own
        for later in blocks[position + 1 :]:
            if later.index in names or later.kind in (HEADING, TABLE_ROW):
                break
            if is_labelled(later) and not sub_clause(block.text, later.text):
                break  # "5.1.2 …" under "5.1 Programme 1 – …" is still the program's
            indices.add(later.index)
    return indices
