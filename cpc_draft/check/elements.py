"""Statuses of the seven statutory elements (A–G) from the facts of a draft.

Each status is present, partial or missing, with a reason a reviewer can act on and the
evidence (block, page, quote) it rests on; the reason also says where the evidence
stands (article label, page, a short quote: :mod:`cpc_draft.check.located`). Partial is a
real status: duties for one government only, programs without amounts, indicators
most of which lack targets, a financial plan with one government's contribution.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import zip_longest

from cpc_draft.check.facts import StreamFacts
from cpc_draft.check.facts.deferral import deferred_mentions, deferring
from cpc_draft.check.facts.left_open import left_open
from cpc_draft.check.facts.phasing import phased_parties
from cpc_draft.check.facts.sentences import sentences
from cpc_draft.check.located import Locator
from cpc_draft.model import (
    HEADING,
    MISSING,
    PARTIAL,
    PRESENT,
    ElementStatus,
    Evidence,
    TextBlock,
)
from cpc_draft.text.cues import has

QUOTE = 160


def evidence(blocks: Iterable[TextBlock], limit: int = 5) -> tuple[Evidence, ...]:
    return tuple(Evidence(b.index, b.page, b.text[:QUOTE]) for b in list(blocks)[:limit])


def element_statuses(facts: StreamFacts) -> dict[str, ElementStatus]:
    statuses = {
        "A": _objectives(facts),
        "B": _responsibilities(facts),
        "C": _programs(facts),
        "D": _indicators(facts),
        "E": _financial_plan(facts),
        "F": _sustainability(facts),
        "G": _data(facts),
    }
    locator = Locator(facts.stream.blocks, facts.stream.language)
    return {key: locator.located(status) for key, status in statuses.items()}


def _objectives(facts: StreamFacts) -> ElementStatus:
    objectives = facts.objectives
    listed = objectives.listed
    if listed:
        count = objectives.count or len(listed)
        return ElementStatus("A", PRESENT, f"{_many(count, 'objective')} listed", evidence(listed))
    if objectives.purpose_only:
        return ElementStatus(
            "A",
            PARTIAL,
            "a statement of purpose, but no listed objectives",
            evidence(objectives.purpose_only),
        )
    return ElementStatus("A", MISSING, "no objectives found")


_WHO = {"US": "the United States", "partner": "the partner government"}


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _without_targets(missing: int, count: int) -> str:
    """ "1 of 1 indicator has no targets", "2 of 3 indicators have no targets"."""
    verb = "has" if missing == 1 else "have"
    return f"{missing} of {_many(count, 'indicator')} {verb} no targets"


def _responsibilities(facts: StreamFacts) -> ElementStatus:
    duties = facts.duties
    us, partner = duties.us, duties.partner
    # One government's duty, then the other's: the reason names where each is stated.
    both = [block for pair in zip_longest(us[:3], partner[:3]) for block in pair if block]
    found = evidence(both, 6)
    if us and partner and duties.in_passing:
        who = " and ".join(_WHO[party] for party in duties.in_passing)
        where = "the article on responsibilities" if duties.has_article else "an article"
        reason = f"duties of {who} appear only in passing, not in {where} or a list of duties"
        return ElementStatus("B", PARTIAL, reason, found)
    if us and partner:
        return ElementStatus(
            "B",
            PRESENT,
            f"duties of both governments ({len(us)} U.S., {len(partner)} partner)",
            found,
        )
    if us or partner:
        who = _WHO["US"] if us else _WHO["partner"]
        other = _WHO["partner"] if us else _WHO["US"]
        if ("partner" if us else "US") in duties.general:
            reason = (
                f"duties of {who}; {other} takes on nothing concrete, only money or support"
                " left to its discretion"
            )
        else:
            reason = f"duties of {who} only; none for {other}"
        return ElementStatus("B", PARTIAL, reason, evidence(us or partner))
    if duties.general:
        # "X intends to make available up to US$2,000,000", "Y will contribute as
        # appropriate": general terms, not nothing.
        who = " and ".join(_WHO[party] for party in duties.general)
        offer, its = ("offers", "its") if len(duties.general) == 1 else ("offer", "their")
        reason = f"no concrete duties; {who} only {offer} money or support left to {its} discretion"
        return ElementStatus("B", PARTIAL, reason)
    return ElementStatus("B", MISSING, "no responsibilities attributed to either government")


def _programs(facts: StreamFacts) -> ElementStatus:
    programs = facts.programs
    listed = programs.listed
    if not listed:
        return ElementStatus("C", MISSING, "no programs or initiatives found")
    found = evidence(listed)
    if programs.undecided:
        reason = "the programs are left to be determined; none is named"
        return ElementStatus("C", MISSING, reason, found)
    count = programs.count or len(listed)
    what = _many(count, "program") if programs.named else "programs described in general terms"
    funded = programs.funded_by
    if len(funded) == 2 and programs.unfunded:
        # "Budget of axis 3: to be mobilised": funding from both, but not for every program
        reason = f"{what} with funding from both governments, but some funding is left open"
        return ElementStatus("C", PARTIAL, reason, evidence([*programs.unfunded, *listed]))
    if len(funded) == 2:
        return ElementStatus("C", PRESENT, f"{what} with funding from both governments", found)
    if funded:
        who = _WHO[funded[0]]
        return ElementStatus(
            "C",
            PARTIAL,
            f"{what} funded by {who} only; the other government's allocation is not stated",
            found,
        )
    return ElementStatus("C", PARTIAL, f"{what}, without the funding allocated to them", found)


def _indicators(facts: StreamFacts) -> ElementStatus:
    indicators = facts.indicators.listed
    if not indicators:
        later = deferred_mentions(facts.stream.blocks, "indicator_word", facts.stream.language)
        if later:
            # "Les indicateurs … seront définis d'un commun accord": an intention to agree
            # later is partial, as a heading without substance is.
            reason = "no indicator is listed; the indicators are left to a later agreement"
            return ElementStatus("D", PARTIAL, reason, _deferrals(later, facts.stream.language))
        later = left_open(facts.stream.blocks, "indicator_word", facts.stream.language)
        if later:
            # "… indicadores …, los cuales serán definidos por las Partes": the same
            reason = "no indicator is listed; the indicators are left to be defined"
            return ElementStatus("D", PARTIAL, reason, evidence(later))
        return ElementStatus("D", MISSING, "no outcome indicators found")
    with_targets = [i for i in indicators if i.targets]
    found = tuple(Evidence(i.block, i.page, i.text[:QUOTE]) for i in indicators[:5])
    missing = len(indicators) - len(with_targets)
    if not missing:
        return ElementStatus(
            "D", PRESENT, f"{_many(len(indicators), 'indicator')} with targets", found
        )
    if len(with_targets) > missing:
        # Most indicators measurable, one target "to be determined": a reviewer rates
        # the element present (measurable indicators); the indicator-targets finding
        # still names each indicator that lacks its target. Half or more without
        # targets do not yet measure progress: partial.
        reason = f"{_many(len(with_targets), 'indicator')} with targets; {missing} without yet"
        return ElementStatus("D", PRESENT, reason, found)
    return ElementStatus("D", PARTIAL, _without_targets(missing, len(indicators)), found)


def _financial_plan(facts: StreamFacts) -> ElementStatus:
    # With a financial-plan article, the plan is what that article states; amounts in
    # the programs article serve element C, not E.
    plan, stream = facts.plan, facts.stream
    in_plan = {b.index for b in stream.in_section("financial_plan")}
    # …unless that article states no amount ("the contributions are as follows:" and no
    # table): then the amounts elsewhere are all the plan there is.
    in_article = [c for c in facts.funding.contributions if c.block in in_plan]
    contributions = in_article or list(facts.funding.contributions)
    parties = {c.party for c in contributions} & {"US", "partner"}
    stated_at = {c.block for c in contributions}
    money_blocks = [b for b in stream.blocks if b.index in stated_at]
    found = evidence([*money_blocks, *plan.oversight[:2]], 6)
    if not parties:
        # "Resources for the implementation … are to be identified": money named and left
        # open is an intention to agree later (partial), not silence.
        later = left_open(stream.blocks, "funding_word", stream.language)
        if later:
            reason = "no contribution is quantified; the resources are left to be identified"
            return ElementStatus("E", PARTIAL, reason, evidence(later))
        return ElementStatus("E", MISSING, "no contribution by either government is quantified")
    if plan.phasing_later and not _yearly(contributions):
        # "The annual phasing of these amounts will be agreed by the Committee": totals
        # now, the plan by year later (an intention to agree later is partial).
        reason = "totals are stated, but the contributions by year are left to a later decision"
        later = _deferrals(plan.phasing_later, facts.stream.language)
        return ElementStatus("E", PARTIAL, reason, (*later, *found)[:6])
    # Totals for the whole term are no multi-year plan: the amounts must be dated (a
    # table a year, "per year", "US$1.0 million in 2027, …") for each government.
    phased = phased_parties(facts.funding.contributions, stream.blocks, stream.language)
    phased &= {"US", "partner"}
    if not (phased or plan.by_year):
        reason = "amounts are stated for the whole term only, not by year (no multi-year plan)"
        return ElementStatus("E", PARTIAL, reason, found)
    if len(parties) == 1:
        whose = "the U.S." if parties == {"US"} else "the partner government's"
        return ElementStatus("E", PARTIAL, f"only {whose} contribution is quantified", found)
    lump = parties - phased if phased else set()
    if lump:
        whose = "the U.S." if lump == {"US"} else "the partner government's"
        reason = f"{whose} contribution is one sum for the whole term, with no amounts by year"
        return ElementStatus("E", PARTIAL, reason, found)
    if not plan.oversight:
        return ElementStatus(
            "E", PARTIAL, "contributions of both governments, but no oversight mechanism", found
        )
    return ElementStatus(
        "E", PRESENT, "contributions of both governments and an oversight mechanism", found
    )


def _sustainability(facts: StreamFacts) -> ElementStatus:
    blocks, in_article = facts.sustainability.blocks, facts.sustainability.has_article
    strategy = facts.sustainability.strategy  # plans, not hopes or promises for later
    if in_article and not strategy:
        return _sustainability_partial(
            facts,
            "a sustainability plan is only hoped for or promised for later, not set out",
            "the sustainability plan is left to a later decision, not set out",
        )
    if in_article or (strategy and not facts.stream.structured):
        return ElementStatus(
            "F",
            PRESENT,
            "a sustainability strategy for after the compact expires",
            evidence(strategy or blocks),
        )
    if blocks:
        return _sustainability_partial(
            facts,
            "sustainability is mentioned, but no strategy for after expiry is set out",
            "sustainability is mentioned, but its strategy is left to a later decision",
        )
    return ElementStatus("F", MISSING, "no strategy to sustain progress after the compact expires")


def _sustainability_partial(facts: StreamFacts, reason: str, if_deferred: str) -> ElementStatus:
    """Partial, quoting the sentence that leaves the plan for later where there is one."""
    later = facts.sustainability.deferred
    if later:
        return ElementStatus("F", PARTIAL, if_deferred, _deferrals(later, facts.stream.language))
    return ElementStatus("F", PARTIAL, reason, evidence(facts.sustainability.blocks))


def _data(facts: StreamFacts) -> ElementStatus:
    data = facts.data
    system_in_section = {b.index for b in data.blocks} & {b.index for b in data.systems}
    if data.has_article and not system_in_section:
        if data.deferred:
            reason = "how the data will be collected and managed is left to a later decision"
            found = _deferrals(data.deferred, facts.stream.language)
            return ElementStatus("G", PARTIAL, reason, found)
        reason = "data are mentioned, but no case management or information system"
        return ElementStatus("G", PARTIAL, reason, evidence(data.blocks))
    if data.has_article and _names_only(data.blocks, facts.stream.language):
        reason = "the article on data names a register or system, not how the data are handled"
        return ElementStatus("G", PARTIAL, reason, evidence(data.blocks))
    if data.has_article:
        return ElementStatus(
            "G",
            PRESENT,
            "child protection data collection and management described",
            evidence(data.blocks),
        )
    if data.systems and facts.stream.structured:
        reason = "no article on child protection data; a data system is mentioned only in passing"
        return ElementStatus("G", PARTIAL, reason, evidence(data.systems))
    if data.systems:
        reason = "a case management or information system is described"
        return ElementStatus("G", PRESENT, reason, evidence(data.systems))
    if data.blocks:
        reason = "data are mentioned, but not how they will be collected, tracked and managed"
        return ElementStatus("G", PARTIAL, reason, evidence(data.blocks))
    return ElementStatus("G", MISSING, "no child protection data collection or case management")


THIN_ARTICLE_WORDS = 20  # "X will keep a register of the cases it handles": one line


def _names_only(blocks: Iterable[TextBlock], language: str) -> bool:
    """An article on data of one short sentence that says nothing done with the data."""
    text = " ".join(b.text for b in blocks if b.kind != HEADING)
    return (
        len(text.split()) <= THIN_ARTICLE_WORDS
        and len(sentences(text)) <= 1
        and not has("data_handling", language, text)
    )


def _deferrals(blocks: Iterable[TextBlock], language: str) -> tuple[Evidence, ...]:
    """Each block with the sentence that leaves its substance for later as the quote."""
    return tuple(
        Evidence(b.index, b.page, next(iter(deferring(b.text, language)), b.text)[:QUOTE])
        for b in list(blocks)[:5]
    )


def _yearly(contributions) -> bool:
    """Amounts a government sets out year by year in prose: "US$800,000 in 2026,
    US$1,200,000 in 2027, …" is a multi-year plan as a table with a row a year is."""
    years: dict[str, set[str]] = {}
    for contribution in contributions:
        if (
            contribution.period
            and contribution.period[:1].isdigit()
            and len(contribution.period) == 4
        ):
            years.setdefault(contribution.party, set()).add(contribution.period)
    return any(len(found) >= 2 for found in years.values())
