"""Pairs of articles whose word pairs overlap enough, found without trying every pair.

Two sets whose Jaccard similarity reaches ``t`` share at least ``t`` times the larger
one's size, so each must share an element with the other's *prefix*: its elements,
rarest in the whole comparison first, cut after ``size - ceil(t * size) + 1`` (the
prefix filter of all-pairs similarity search). Only pairs that share a prefix element
are scored, which finds exactly the pairs that trying all of them would, in the same
order. On a draft that is every pair of a few dozen articles; on thousands of
near-identical articles it could still be millions, so past a bound each old article
is scored only against the new articles near its own place among the unmatched.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

# Scored pairs beyond which the search keeps to nearby articles
MAX_SCORED = 200_000
_NEARBY = 20


def similar_pairs(
    old: Sequence[int],
    new: Sequence[int],
    sets: Callable[[int], set],
    threshold: float,
    allowed: Callable[[int, int], bool],
) -> list[tuple[float, int, int]]:
    """(score, old position, new position) of every allowed pair of ``old`` and ``new``
    (keys for ``sets``) whose Jaccard similarity reaches ``threshold``, in the order
    of ``old`` then ``new``."""
    rarity = Counter(item for key in (*old, *new) for item in sets(key))
    prefixes_new: dict[object, list[int]] = defaultdict(list)
    for position, key in enumerate(new):
        for item in _prefix(sets(key), rarity, threshold):
            prefixes_new[item].append(position)
    candidates: set[tuple[int, int]] = set()
    for position, key in enumerate(old):
        for item in _prefix(sets(key), rarity, threshold):
            candidates.update((position, other) for other in prefixes_new.get(item, ()))
        if len(candidates) > MAX_SCORED:
            candidates = _nearby(len(old), len(new))
            break
    found = []
    for i, j in sorted(candidates):
        if not allowed(old[i], new[j]):
            continue
        score = jaccard(sets(old[i]), sets(new[j]))
        if score >= threshold:
            found.append((score, i, j))
    return found


def _prefix(items: set, rarity: Counter, threshold: float) -> list:
    if not items:
        return []
    keep = len(items) - math.ceil(threshold * len(items)) + 1
    return sorted(items, key=lambda item: (rarity[item], repr(item)))[:keep]


def _nearby(old_count: int, new_count: int) -> set[tuple[int, int]]:
    """Each old position with the new positions at about the same place in the order."""
    pairs = set()
    for i in range(old_count):
        centre = i * new_count // max(old_count, 1)
        for j in range(max(0, centre - _NEARBY), min(new_count, centre + _NEARBY + 1)):
            pairs.add((i, j))
    return pairs


def jaccard(x: set, y: set) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0
