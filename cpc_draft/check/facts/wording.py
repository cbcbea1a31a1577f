"""The nature of the instrument: whether it calls itself non-binding, and the treaty
wording ("shall", "the Parties", "entry into force") it uses all the same."""

from __future__ import annotations

from typing import NamedTuple

from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import TextBlock
from cpc_draft.text.cues import cue, has

_DENIALS = (" not ", "no ", " ne ", " pas ", "n'", " ni ")


class BindingTerm(NamedTuple):
    block: TextBlock
    wording: str  # as the text has it: "shall", "las Partes"


class Wording(NamedTuple):
    non_binding: tuple[TextBlock, ...]  # blocks saying the instrument is not legally binding
    binding_terms: tuple[BindingTerm, ...]


def find_wording(stream: Stream) -> Wording:
    language = stream.language
    binding = cue("binding", language)
    return Wording(
        non_binding=tuple(b for b in stream.blocks if has("non_binding", language, b.text)),
        binding_terms=tuple(
            BindingTerm(block, match.group())
            for block in stream.blocks
            for match in binding.finditer(block.text)
            if not _negated(block.text, match.start())
        ),
    )


def _negated(text: str, at: int) -> bool:
    """ "does not create obligations", "no crea obligaciones": a denial, not treaty wording."""
    window = text[max(0, at - 60) : at].casefold()
    return any(word in window for word in _DENIALS)
