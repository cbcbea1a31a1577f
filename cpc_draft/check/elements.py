"""Statuses of the seven statutory elements (A–G) from the facts of a draft.

Each status is present, partial or missing, with a reason a reviewer can act on and the
evidence (block, page, quote) it rests on. Partial is a real status: duties for one
government only, programs without amounts, indicators without targets, a financial plan
with one government's contribution.
"""

from __future__ import annotations

from collections.abc import Iterable

from cpc_draft.check.facts import StreamFacts
from cpc_draft.model import MISSING, PARTIAL, PRESENT, ElementStatus, Evidence, TextBlock

QUOTE = 160


def evidence(blocks: Iterable[TextBlock], limit: int = 5) -> tuple[Evidence, ...]:
    return tuple(Evidence(b.index, b.page, b.text[:QUOTE]) for b in list(blocks)[:limit])


def element_statuses(facts: StreamFacts) -> dict[str, ElementStatus]:
    return {
        "A": _objectives(facts),
        "B": _responsibilities(facts),
        "C": _programs(facts),
        "D": _indicators(facts),
        "E": _financial_plan(facts),
        "F": _sustainability(facts),
        "G": _data(facts),
    }


def _objectives(facts: StreamFacts) -> ElementStatus:
    listed, stream = facts.objectives.listed, facts.stream
    if listed and stream.structured and not stream.has_section("objectives"):
        reason = "no article on objectives; objectives appear only in passing"
        return ElementStatus("A", PARTIAL, reason, evidence(listed))
    if listed:
        return ElementStatus("A", PRESENT, f"{len(listed)} objectives listed", evidence(listed))
    if facts.objectives.purpose_only:
        return ElementStatus(
            "A",
            PARTIAL,
            "a statement of purpose, but no listed objectives",
            evidence(facts.objectives.purpose_only),
        )
    return ElementStatus("A", MISSING, "no objectives found")


def _responsibilities(facts: StreamFacts) -> ElementStatus:
    us, partner = facts.duties.us, facts.duties.partner
    if us and partner and facts.stream.structured and not facts.duties.has_article:
        reason = "no article on responsibilities; the governments' duties appear only in passing"
        return ElementStatus("B", PARTIAL, reason, evidence(us[:3] + partner[:3], 6))
    if us and partner:
        return ElementStatus(
            "B",
            PRESENT,
            f"duties of both governments ({len(us)} U.S., {len(partner)} partner)",
            evidence(us[:3] + partner[:3], 6),
        )
    if us or partner:
        who = "the United States" if us else "the partner government"
        other = "the partner government" if us else "the United States"
        return ElementStatus(
            "B", PARTIAL, f"duties of {who} only; none for {other}", evidence(us or partner)
        )
    return ElementStatus("B", MISSING, "no responsibilities attributed to either government")


def _programs(facts: StreamFacts) -> ElementStatus:
    programs = facts.programs.listed
    if not programs:
        return ElementStatus("C", MISSING, "no programs or initiatives found")
    funded = facts.programs.funded_by
    found = evidence(programs)
    if len(funded) == 2:
        return ElementStatus(
            "C", PRESENT, f"{len(programs)} programs with funding from both governments", found
        )
    if funded:
        who = "the United States" if funded == ("US",) else "the partner government"
        return ElementStatus(
            "C",
            PARTIAL,
            f"programs funded by {who} only; the other government's allocation is not stated",
            found,
        )
    return ElementStatus(
        "C", PARTIAL, "programs named without the funding allocated to them", found
    )


def _indicators(facts: StreamFacts) -> ElementStatus:
    indicators = facts.indicators.listed
    if not indicators:
        return ElementStatus("D", MISSING, "no outcome indicators found")
    with_targets = [i for i in indicators if i.targets]
    found = tuple(Evidence(i.block, i.page, i.text[:QUOTE]) for i in indicators[:5])
    if len(with_targets) == len(indicators):
        return ElementStatus("D", PRESENT, f"{len(indicators)} indicators with targets", found)
    return ElementStatus(
        "D",
        PARTIAL,
        f"{len(indicators) - len(with_targets)} of {len(indicators)} indicators have no targets",
        found,
    )


def _financial_plan(facts: StreamFacts) -> ElementStatus:
    # With a financial-plan article, the plan is what that article states; amounts in
    # the programs article serve element C, not E.
    plan, stream = facts.plan, facts.stream
    in_plan = {b.index for b in stream.in_section("financial_plan")}
    contributions = [c for c in facts.funding.contributions if not in_plan or c.block in in_plan]
    parties = {c.party for c in contributions} & {"US", "partner"}
    stated_at = {c.block for c in contributions}
    money_blocks = [b for b in stream.blocks if b.index in stated_at]
    found = evidence([*money_blocks, *plan.oversight[:2]], 6)
    if not parties:
        return ElementStatus("E", MISSING, "no contribution by either government is quantified")
    if not (plan.has_article or plan.by_year):
        reason = "amounts are stated, but no multi-year financial plan (contributions by year)"
        return ElementStatus("E", PARTIAL, reason, found)
    if len(parties) == 1:
        whose = "the U.S." if parties == {"US"} else "the partner government's"
        return ElementStatus("E", PARTIAL, f"only {whose} contribution is quantified", found)
    if not plan.oversight:
        return ElementStatus(
            "E", PARTIAL, "contributions of both governments, but no oversight mechanism", found
        )
    return ElementStatus(
        "E", PRESENT, "contributions of both governments and an oversight mechanism", found
    )


def _sustainability(facts: StreamFacts) -> ElementStatus:
    blocks, in_article = facts.sustainability.blocks, facts.sustainability.has_article
    strategy = facts.sustainability.strategy  # plans, not hopes or undated promises
    if in_article and not strategy:
        reason = "a sustainability plan is only hoped for or promised for later, not set out"
        return ElementStatus("F", PARTIAL, reason, evidence(blocks))
    if in_article or (strategy and not facts.stream.structured):
        return ElementStatus(
            "F",
            PRESENT,
            "a sustainability strategy for after the compact expires",
            evidence(blocks),
        )
    if blocks:
        return ElementStatus(
            "F",
            PARTIAL,
            "sustainability is mentioned, but no strategy for after expiry is set out",
            evidence(blocks),
        )
    return ElementStatus("F", MISSING, "no strategy to sustain progress after the compact expires")


def _data(facts: StreamFacts) -> ElementStatus:
    data = facts.data
    system_in_section = {b.index for b in data.blocks} & {b.index for b in data.systems}
    if data.has_article and not system_in_section:
        reason = "data are mentioned, but no case management or information system"
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
