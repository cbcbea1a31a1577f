"""Substance a draft names and leaves open: money "to be mobilised", resources "to be
identified", indicators that "serán definidos por las Partes", an allocation that "will
be determined in the budget law".

Such a clause is no longer silence: the element it belongs to is stated in general terms
(partial), not missing; and a program whose funding is left open has no funding allocated
to it yet (C partial). The ``unfunded`` cues (data/cues.yaml) say what is open; the cue
group of the topic (``funding_word``, ``indicator_word``) says what it is about, in the
same sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from cpc_draft.check.facts.sentences import sentences
from cpc_draft.model import HEADING, TABLE_ROW, TextBlock
from cpc_draft.text.cues import has


def left_open(blocks: Iterable[TextBlock], topic: str, language: str) -> list[TextBlock]:
    """The blocks (not headings) with a sentence about ``topic`` that leaves it open."""
    return [
        block
        for block in blocks
        if block.kind != HEADING
        and has("unfunded", language, block.text)
        and any(open_about(sentence, topic, language) for sentence in sentences(block.text))
    ]


def open_about(text: str, topic: str, language: str) -> bool:
    return has("unfunded", language, text) and has(topic, language, text)


def open_money_rows(
    rows: Iterable[TextBlock], header_of, language: str, partner: str | None
) -> list[TextBlock]:
    """Table rows whose money is still to be found: a cell "à mobiliser" in a column the
    header gives a government, a currency or money ("États-Unis (USD)", "Budget"), or a
    row about money ("Budget of axis 3 | to be mobilised"). A target "to be determined"
    in an indicator column is no open money."""
    found = []
    for row in rows:
        if row.kind != TABLE_ROW or not row.cells or not has("unfunded", language, row.text):
            continue
        if has("funding_word", language, row.cells[0]):
            found.append(row)
            continue
        header = header_of(row)
        columns = header.cells if header is not None and header is not row else ()
        if any(
            has("unfunded", language, cell) and _money_column(label, language, partner)
            for cell, label in zip(row.cells, columns, strict=False)
        ):
            found.append(row)
    return found


def _money_column(label: str, language: str, partner: str | None) -> bool:
    from cpc_draft.nlp import find_party_mentions

    if has("funding_word", language, label):
        return True
    named = {m.party for m in find_party_mentions(label, language, partner)}
    return bool(named & {"US", "partner"})
