"""One language version of a draft as the fact finders read it."""

from __future__ import annotations

from typing import NamedTuple

from cpc_draft.model import TextBlock
from cpc_draft.text.sections import HeadedSection


class Stream(NamedTuple):
    """A language version (:class:`~cpc_draft.text.bilingual.LanguageStream`) as the
    fact finders read it: its blocks in reading order, cut into sections at its headings,
    and the partner government's name as that text gives it."""

    language: str
    blocks: tuple[TextBlock, ...]
    sections: tuple[HeadedSection, ...]
    partner: str | None

    def in_section(self, *keys: str) -> list[TextBlock]:
        return [block for s in self.sections if s.key in keys for block in s.blocks]

    def has_section(self, *keys: str) -> bool:
        return any(s.key in keys for s in self.sections)

    @property
    def structured(self) -> bool:
        """A draft with articles on at least three elements: gaps in it are telling."""
        return len({s.element for s in self.sections if s.element}) >= 3
