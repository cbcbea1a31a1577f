"""What changed in substance between two versions, read from the facts `check` finds:
money, indicator baselines and targets, the term and the signature, and each statutory
element's status. A text diff shows that words changed; this says which commitments did.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from cpc_draft.check.facts import Signing, StatedTerm
from cpc_draft.check.review import Review
from cpc_draft.model import Contribution, ElementStatus, Indicator
from cpc_draft.statute import ELEMENT_KEYS

PARTY_NAMES = {"US": "United States", "partner": "partner government", "other": "other"}


@dataclass(frozen=True)
class FactChange:
    kind: str  # contribution | indicator | term | signing | element
    old: str | None
    new: str | None
    detail: str
    element: str | None = None


def fact_changes(old_review: Review, new_review: Review) -> list[FactChange]:
    """What changed between the first language versions of two reviewed drafts."""
    old, new = old_review.primary, new_review.primary
    changes: list[FactChange] = []
    changes += _contributions(old.funding.contributions, new.funding.contributions)
    changes += _indicators(old.indicators.listed, new.indicators.listed)
    changes += _term(old.stated_term, new.stated_term)
    changes += _signing(old.signing, new.signing)
    changes += _elements(old_review.elements, new_review.elements)
    return changes


def _money(contribution: Contribution) -> str:
    qualifier = f"{contribution.qualifier} " if contribution.qualifier else ""
    period = contribution.period
    return f"{qualifier}{contribution.currency} {Decimal(contribution.amount):,}" + (
        f" ({period})" if period else ""
    )


def _contribution_key(contribution: Contribution) -> tuple:
    return (contribution.party, contribution.currency, contribution.period)


def _contributions(
    old: tuple[Contribution, ...], new: tuple[Contribution, ...]
) -> list[FactChange]:
    """Amounts per party and currency as multisets: a repeated amount (the same figure in
    the article and in the table) is counted as often as the text states it."""
    before = Counter((_contribution_key(c), c.amount, c.qualifier) for c in old)
    after = Counter((_contribution_key(c), c.amount, c.qualifier) for c in new)
    gone = list((before - after).elements())
    came = list((after - before).elements())
    samples = {(_contribution_key(c), c.amount, c.qualifier): c for c in (*old, *new)}
    changes = []
    for item in list(gone):
        partner = next((x for x in came if x[0] == item[0]), None)
        if partner is None:
            continue
        gone.remove(item)
        came.remove(partner)
        was, now = samples[item], samples[partner]
        changes.append(
            FactChange(
                "contribution",
                _money(was),
                _money(now),
                f"{PARTY_NAMES[was.party]} contribution changed",
            )
        )
    for item in gone:
        was = samples[item]
        changes.append(
            FactChange(
                "contribution",
                _money(was),
                None,
                f"{PARTY_NAMES[was.party]} contribution no longer stated",
            )
        )
    for item in came:
        now = samples[item]
        changes.append(
            FactChange(
                "contribution", None, _money(now), f"new {PARTY_NAMES[now.party]} contribution"
            )
        )
    return changes


def _indicator_name(indicator: Indicator) -> str:
    return " ".join(indicator.text.split()[:12])


def _indicators(old: tuple[Indicator, ...], new: tuple[Indicator, ...]) -> list[FactChange]:
    by_name = {_indicator_name(i): i for i in old}
    new_names = {_indicator_name(i): i for i in new}
    changes = []
    for name, was in by_name.items():
        now = new_names.get(name)
        if now is None:
            changes.append(FactChange("indicator", name, None, "indicator removed", "D"))
            continue
        if was.baseline != now.baseline:
            changes.append(
                FactChange("indicator", was.baseline, now.baseline, f"baseline of: {name}", "D")
            )
        changes += _target_changes(name, was, now)
    changes += [
        FactChange("indicator", None, name, "indicator added", "D")
        for name in new_names
        if name not in by_name
    ]
    return changes


def _target_changes(name: str, was: Indicator, now: Indicator) -> list[FactChange]:
    """Year by year where both versions give every target a year ("target 2028 of: …",
    60% -> 75%); else the list of targets as a whole."""
    if tuple(was.targets) == tuple(now.targets) and was.target_years == now.target_years:
        return []
    by_year = [dict(zip(i.target_years, i.targets, strict=True)) for i in (was, now)]
    if all(i.targets and all(i.target_years) for i in (was, now)):
        years = sorted(set(by_year[0]) | set(by_year[1]))
        return [
            FactChange("indicator", old, new, f"target {year} of: {name}", "D")
            for year in years
            if (old := by_year[0].get(year)) != (new := by_year[1].get(year))
        ]
    return [
        FactChange(
            "indicator",
            ", ".join(was.targets) or None,
            ", ".join(now.targets) or None,
            f"targets of: {name}",
            "D",
        )
    ]


def _term(was: StatedTerm, now: StatedTerm) -> list[FactChange]:
    changes = []
    for key, label in (("start", "term starts"), ("end", "term ends"), ("years", "term years")):
        before, after = getattr(was, key), getattr(now, key)
        if before != after:
            changes.append(FactChange("term", _text(before), _text(after), label))
    return changes


def _signing(old: Signing, new: Signing) -> list[FactChange]:
    changes = []
    if old.date != new.date:
        changes.append(FactChange("signing", _text(old.date), _text(new.date), "signature date"))
    if old.place != new.place:
        changes.append(FactChange("signing", old.place, new.place, "signature place"))
    return changes


def _elements(old: dict[str, ElementStatus], new: dict[str, ElementStatus]) -> list[FactChange]:
    return [
        FactChange(
            "element",
            old[key].status,
            new[key].status,
            f"element {key}: {new[key].reason}",
            element=key,
        )
        for key in ELEMENT_KEYS
        if old[key].status != new[key].status
    ]


def _text(value: dt.date | str | int | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
