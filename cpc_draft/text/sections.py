"""Which part of a compact each block belongs to, from its headings.

A received draft is cut into sections at its headings; each heading is matched against
the cue phrases of data/sections.yaml in its language. Where headings stack ("PART TWO:
OBJECTIVES AND RESPONSIBILITIES", then "Clause 2.1 Objectives") the innermost heading
that names a part decides: it says what the blocks under it are about, the outer one
what the whole division is about. Blocks before the first recognised heading belong to
no section. Drafts without headings are handled by the fact finders, which look at cue
words in the paragraphs themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.model import HEADING, TextBlock
from cpc_draft.text.cues import phrase_pattern
from cpc_draft.text.structure import NUMBERED, heading_label


@dataclass(frozen=True)
class HeadedSection:
    """The blocks under one heading of a draft read from a file, and what the heading
    names (an assembled draft's clauses are :class:`cpc_draft.model.Section`)."""

    key: str | None  # objectives, programs, … or None when the heading is not recognised
    element: str | None
    heading: TextBlock | None
    blocks: tuple[TextBlock, ...]
    # headings stacked above ``heading`` ("4. Roles and Responsibilities" over "4.1
    # Government of X"): their numbers are parents of the sub-headings that follow
    outer: tuple[TextBlock, ...] = ()


@cache
def _cues() -> dict[str, dict]:
    text = resources.files("cpc_draft").joinpath("data/sections.yaml").read_text("utf-8")
    return load_data(text)


@cache
def _patterns(language: str) -> tuple[tuple[str, str | None, re.Pattern], ...]:
    return tuple(
        (key, entry.get("element"), phrase_pattern(entry.get(language) or entry.get("en", [])))
        for key, entry in _cues().items()
    )


def classify_heading(text: str, language: str | None) -> tuple[str | None, str | None]:
    """(section key, element) for a heading such as "Article 8 — Multi-Year Financial Plan"."""
    for key, element, pattern in _patterns(language or "en"):
        if pattern.search(text):
            return key, element
    return None, None


def classify_headings(
    headings: list[TextBlock], language: str | None
) -> tuple[str | None, str | None]:
    """(section key, element) of stacked headings: the innermost that names a part."""
    for heading in reversed(headings):
        key, element = classify_heading(heading.text, language)
        if key is not None:
            return key, element
    return None, None


def split_sections(blocks: tuple[TextBlock, ...]) -> list[HeadedSection]:
    """Consecutive headings ("Article 3", "Objectives") open one section together."""
    return _inherit_from_parents(_split(blocks))


def _inherit_from_parents(sections: list[HeadedSection]) -> list[HeadedSection]:
    """ "5.1 Justice for Children" under "5. PROGRAMMES AND THEIR FUNDING": a numbered
    sub-heading that names no part is about what its parent division is about."""
    named: dict[str, tuple[str | None, str | None]] = {}
    inherited: list[HeadedSection] = []
    for section in sections:
        number = _outline_number(section.heading)
        if number is not None:
            if section.key is None:
                parent = _parent_of(number, named)
                if parent is not None:
                    section = replace(section, key=parent[0], element=parent[1])
            if section.key is not None:
                named[number] = (section.key, section.element)
        _name_outer(section, named)
        inherited.append(section)
    return inherited


def _name_outer(section: HeadedSection, named: dict[str, tuple]) -> None:
    """ "4. Roles and Responsibilities" stacked over "4.1 Government of X": "4.2
    Government of Y" further on is under "4." too. An outer heading that names no part
    itself is about what the section is about."""
    language = section.heading.language if section.heading is not None else None
    for heading in section.outer:
        number = _outline_number(heading)
        if number is None:
            continue
        key, element = classify_heading(heading.text, language)
        if key is None and section.key is not None:
            key, element = section.key, section.element
        if key is not None:
            named[number] = (key, element)


def _outline_number(heading: TextBlock | None) -> str | None:
    label = heading_label(heading.text) if heading is not None else None
    return label.number if label is not None and label.unit == NUMBERED else None


def _parent_of(number: str, named: dict[str, tuple]) -> tuple | None:
    parts = number.split(".")
    for depth in range(len(parts) - 1, 0, -1):
        found = named.get(".".join(parts[:depth]))
        if found is not None:
            return found
    return None


def _split(blocks: tuple[TextBlock, ...]) -> list[HeadedSection]:
    sections: list[HeadedSection] = []
    current_heading: list[TextBlock] = []
    current_blocks: list[TextBlock] = []

    def close() -> None:
        if current_heading or current_blocks:
            language = next((b.language for b in current_heading if b.language), None)
            if language is None and current_blocks:
                language = current_blocks[0].language
            key, element = classify_headings(current_heading, language)
            head = current_heading[-1] if current_heading else None
            outer = tuple(current_heading[:-1])
            sections.append(HeadedSection(key, element, head, tuple(current_blocks), outer))

    for block in blocks:
        if block.kind == HEADING:
            if current_blocks:
                close()
                current_heading, current_blocks = [], []
            current_heading.append(block)
        else:
            current_blocks.append(block)
    close()
    return sections
