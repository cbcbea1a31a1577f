"""What changed in substance between two versions, read from the facts `check` finds:
money; objectives, programs and indicators added or removed; indicator baselines and
targets; the term as the text states it; the signature; and each statutory element's
status. A text diff shows that words changed; this says which commitments did.

Objectives, programs and indicators are paired by similar wording, so that a reworded
one ("Strengthen" -> "Reinforce") is the same commitment and a deleted one is reported.
The term and the signing date are separate facts: a new signing date changes the term
only where the text dates the term itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from cpc_draft.check.facts import Signing, Term
from cpc_draft.check.review import Review
from cpc_draft.model import Contribution, ElementStatus, Indicator, TextBlock
from cpc_draft.statute import ELEMENT_KEYS

PARTY_NAMES = {"US": "United States", "partner": "partner government", "other": "other"}
SAME_WORDING = 0.6  # word-level similarity above which two items are one, reworded
NAME_WORDS = 24  # words of an objective, program or indicator that name it in a change
# "1.", "(a)", "ii)", "-", "•" before an item's words: renumbering is not a change.
_ITEM_MARK = re.compile(
    r"^\s*(?:[-•–·]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,5})[.)]|\d{1,2}\.\d{1,2}\.?)\s+", re.I
)


@dataclass(frozen=True)
class FactChange:
    kind: str  # contribution | objective | program | indicator | term | signing | element
    old: str | None
    new: str | None
    detail: str
    element: str | None = None


def fact_changes(old_review: Review, new_review: Review) -> list[FactChange]:
    """What changed between the first language versions of two reviewed drafts."""
    old, new = old_review.primary, new_review.primary
    changes: list[FactChange] = []
    changes += _contributions(old.funding.contributions, new.funding.contributions)
    changes += _listed("objective", "A", old.objectives.listed, new.objectives.listed)
    changes += _listed("program", "C", old.programs.listed, new.programs.listed)
    changes += _indicators(old.indicators.listed, new.indicators.listed)
    changes += _term(old.term, new.term)
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


def _name(text: str) -> str:
    """An item's words without its number or bullet, as a change names it."""
    words = _ITEM_MARK.sub("", text).split()
    return " ".join(words[:NAME_WORDS]) + (" …" if len(words) > NAME_WORDS else "")


def pair_items(
    old: list[str], new: list[str]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(pairs, removed, added) by index: each old text paired with the most similar new
    one, at least SAME_WORDING alike; the rest removed or added."""
    words_old = [_ITEM_MARK.sub("", t).casefold().split() for t in old]
    words_new = [_ITEM_MARK.sub("", t).casefold().split() for t in new]
    scored = sorted(
        (
            (SequenceMatcher(None, a, b, autojunk=False).ratio(), i, j)
            for i, a in enumerate(words_old)
            for j, b in enumerate(words_new)
        ),
        reverse=True,
    )
    pairs, used_old, used_new = [], set(), set()
    for ratio, i, j in scored:
        if ratio < SAME_WORDING:
            break
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    removed = [i for i in range(len(old)) if i not in used_old]
    added = [j for j in range(len(new)) if j not in used_new]
    return sorted(pairs), removed, added


def _listed(
    kind: str, element: str, old: tuple[TextBlock, ...], new: tuple[TextBlock, ...]
) -> list[FactChange]:
    """Objectives or programs added or removed; a reworded one is the same one."""
    _, removed, added = pair_items([b.text for b in old], [b.text for b in new])
    return [
        FactChange(kind, _name(old[i].text), None, f"{kind} removed", element) for i in removed
    ] + [FactChange(kind, None, _name(new[j].text), f"{kind} added", element) for j in added]


def _indicators(old: tuple[Indicator, ...], new: tuple[Indicator, ...]) -> list[FactChange]:
    pairs, removed, added = pair_items([i.text for i in old], [i.text for i in new])
    changes = [
        FactChange("indicator", _indicator_name(old[i]), None, "indicator removed", "D")
        for i in removed
    ]
    for i, j in pairs:
        was, now = old[i], new[j]
        name = _indicator_name(now)
        if was.baseline != now.baseline:
            changes.append(
                FactChange("indicator", was.baseline, now.baseline, f"baseline of: {name}", "D")
            )
        changes += _target_changes(name, was, now)
    changes += [
        FactChange("indicator", None, _indicator_name(new[j]), "indicator added", "D")
        for j in added
    ]
    return changes


def _indicator_name(indicator: Indicator) -> str:
    """The indicator as a reader names it: its name where the draft gives one apart from
    its figures ("share of victims referred within 48 hours"), else its opening words."""
    return _name(indicator.name or indicator.text)


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


def _term(was: Term, now: Term) -> list[FactChange]:
    """The term as each text states it: a start "from the date of signature" stays the
    same start when the signing date moves (that is the signing fact's change)."""
    changes = []
    for label, before, after in (
        ("term starts", _start(was), _start(now)),
        ("term ends", _text(was.end), _text(now.end)),
        ("term years", _text(was.years), _text(now.years)),
    ):
        if before != after:
            changes.append(FactChange("term", before, after, label))
    return changes


def _start(term: Term) -> str | None:
    if term.start is None and term.from_signing:
        return "the date of signature"
    return _text(term.start)


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
