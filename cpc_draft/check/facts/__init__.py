"""Facts of one language stream of a draft: money, commitments, indicators, plans, term.

Sections (from headings) scope each search where a draft has them; where it has none the
finders fall back on cue words in the paragraphs themselves, so prose drafts, list drafts
and our own assembled drafts are all read. Money and parties come from the spaCy
pipelines in :mod:`cpc_draft.nlp`; the cue phrases from data/cues.yaml.

Each finder returns a record of what it found; :func:`find_facts` puts them together.
The records are typed NamedTuples, immutable like the frozen dataclasses of
:mod:`cpc_draft.model` but built without compiling methods at import: `check` starts
cold on every run, and a dataclass compiles its ``__init__``, ``__eq__``, ``__repr__``
and more when its module is imported.
"""

from __future__ import annotations

from typing import NamedTuple

from cpc_draft.check.facts.commitments import (
    Duties,
    Objectives,
    Programs,
    find_duties,
    find_objectives,
    find_programs,
)
from cpc_draft.check.facts.indicators import Indicators, find_indicators
from cpc_draft.check.facts.money import Funding, find_funding
from cpc_draft.check.facts.plans import (
    DataManagement,
    FinancialPlan,
    Sustainability,
    find_data_management,
    find_plan,
    find_sustainability,
)
from cpc_draft.check.facts.stream import Stream
from cpc_draft.check.facts.term import (
    Signing,
    StatedTerm,
    Term,
    find_signing,
    find_term,
    stated_term,
)
from cpc_draft.check.facts.wording import Wording, find_wording
from cpc_draft.model import TextBlock
from cpc_draft.text.sections import split_sections


class StreamFacts(NamedTuple):
    stream: Stream
    funding: Funding
    objectives: Objectives
    duties: Duties
    programs: Programs
    indicators: Indicators
    plan: FinancialPlan
    sustainability: Sustainability
    data: DataManagement
    wording: Wording
    term: Term
    signing: Signing

    @property
    def stated_term(self) -> StatedTerm:
        return stated_term(self.term, self.signing)


def find_facts(
    blocks: tuple[TextBlock, ...], language: str, partner: str | None, model: str | None = None
) -> StreamFacts:
    """``model`` names an installed trained spaCy pipeline to add its entities (optional)."""
    stream = Stream(language, blocks, tuple(split_sections(blocks)), partner)
    funding = find_funding(stream, model)
    term = find_term(stream)
    term_end = _year_of(term.end)
    duties = find_duties(stream, funding.contributions)
    committed = frozenset(block.index for block in (*duties.us, *duties.partner))
    indicators = find_indicators(stream, _year_of(term.start))
    return StreamFacts(
        stream=stream,
        funding=funding,
        objectives=find_objectives(stream),
        duties=duties,
        programs=find_programs(stream, funding.contributions),
        indicators=indicators,
        plan=find_plan(stream),
        sustainability=find_sustainability(stream, term_end, committed),
        data=find_data_management(stream, frozenset(i.block for i in indicators.listed)),
        wording=find_wording(stream),
        term=term,
        signing=find_signing(stream),
    )


def _year_of(point) -> int | None:
    """The year of a term's start or end: a year, a date, or None."""
    return point if isinstance(point, int) else getattr(point, "year", None)
