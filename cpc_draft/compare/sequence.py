"""Which stretches two sequences share (paragraphs of two versions, words of a paragraph),
at a cost that stays near linear whatever the input.

difflib's matcher finds the longest common stretch, then the longest in what is left on
each side, and so on: on drafts it gives the changes a reader expects, and it is what
every comparison used first. On repetitive text its cost grows with the product of the
two lengths times the number of changes (a thousand equal paragraphs each match a
thousand others), so it runs on a metered allowance of work. When the allowance runs
out, the comparison starts again the way patience and histogram diffs do:

1. the common beginning and end are set aside;
2. elements that occur once in each version anchor the rest, the longest run of anchors
   in the same order is kept, and each stretch between two anchors is compared alone;
3. a stretch with no such anchor goes to Myers's algorithm, whose cost grows with the
   length times the number of differences, so it stops early when the differences are
   many;
4. a stretch that is still too costly is given as replaced whole: a coarser answer, but
   a true one (accepting it gives the new text, rejecting it the old), and counted so
   that the report says so;
5. an insertion and a deletion that only repeated text separates are moved together,
   to read as the one replacement they are.

The work of one whole comparison is drawn from one :class:`Budget`, so that no input
can keep `compare` busy for long: once it is spent, every further stretch is compared
at the coarser level at once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

Opcode = tuple[str, int, int, int, int]  # difflib's (tag, i1, i2, j1, j2)
_Match = tuple[int, int, int]  # (i, j, size): a[i:i+size] == b[j:j+size]

# Units of work: about one inner-loop step of the matcher (a few hundred nanoseconds).
COMPARISON_BUDGET = 8_000_000  # one whole `compare`; a long draft takes some 100,000
_MATCHER_BASE = 1_000_000  # what difflib may spend on one sequence pair, plus…
_MATCHER_PER_ELEMENT = 50  # …this much per element of the pair
_MAX_DIFFERENCES = 1_000  # Myers keeps one row per difference: memory stays bounded
_MYERS_ALLOWANCE = 4_000_000  # what Myers may spend on one stretch


class Budget:
    """Work left for one comparison, and how many blocks' words were compared coarsely
    (some stretch of them given as replaced whole)."""

    def __init__(self, units: int = COMPARISON_BUDGET) -> None:
        self.left = units
        self.coarse_blocks = 0

    def spend(self, units: int) -> bool:
        """Take ``units`` if there are that many left."""
        if units > self.left:
            return False
        self.left -= units
        return True


@dataclass
class Outcome:
    opcodes: list[Opcode]
    coarse: bool  # some stretch was given as replaced whole


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable], budget: Budget) -> Outcome:
    """difflib-style opcodes from ``a`` to ``b``: difflib's own while they cost little,
    else the anchored comparison (module notes)."""
    matches = _metered_matcher(a, b, budget)
    if matches is not None:
        return Outcome(_to_opcodes(matches, len(a), len(b)), coarse=False)
    matches, coarse_elements = _anchored(a, b, budget)
    matches = _side_by_side(matches, a, b)
    return Outcome(_to_opcodes(matches, len(a), len(b)), coarse=coarse_elements > 0)


# -- difflib, metered ----------------------------------------------------------------------


class _OverAllowance(Exception):
    pass


class _MeteredMatcher(SequenceMatcher):
    """difflib's matcher that charges each search for a longest match what its inner
    loop may cost (every position of ``b`` holding each element of ``a`` searched)."""

    def __init__(self, a, b, allowance: int) -> None:
        super().__init__(None, a, b, autojunk=False)
        self.allowance = allowance
        self.spent = 0
        occurrences = [len(self.b2j.get(element, ())) + 1 for element in a]
        self.cost_before = [0, *accumulate(occurrences)]

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        self.spent += self.cost_before[ahi] - self.cost_before[alo] + (bhi - blo)
        if self.spent > self.allowance:
            raise _OverAllowance
        return super().find_longest_match(alo, ahi, blo, bhi)


def _metered_matcher(a, b, budget: Budget) -> list[_Match] | None:
    allowance = min(budget.left, _MATCHER_BASE + _MATCHER_PER_ELEMENT * (len(a) + len(b)))
    matcher = _MeteredMatcher(a, b, allowance)
    if matcher.cost_before[-1] > allowance:  # the first search alone is too dear
        budget.spend(len(a) + len(b))
        return None
    try:
        blocks = matcher.get_matching_blocks()
    except _OverAllowance:
        budget.spend(min(matcher.spent, budget.left))
        return None
    budget.spend(matcher.spent)
    return [tuple(block) for block in blocks if block.size]


# -- anchored ------------------------------------------------------------------------------


def _anchored(a, b, budget: Budget) -> tuple[list[_Match], int]:
    """Matches between ``a`` and ``b`` (module notes, steps 1–4); and how many elements
    of both sides fell in stretches given as replaced whole."""
    matches: list[_Match] = []
    coarse = 0
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            matches.append((alo, blo, 1))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            matches.append((ahi - 1, bhi - 1, 1))
            ahi, bhi = ahi - 1, bhi - 1
        if alo == ahi or blo == bhi:
            continue
        if not budget.spend(2 * (ahi - alo + bhi - blo)):
            coarse += ahi - alo + bhi - blo
            continue
        anchors = _unique_anchors(a, b, alo, ahi, blo, bhi)
        if anchors:
            previous_i, previous_j = alo, blo
            for i, j in anchors:
                matches.append((i, j, 1))
                stack.append((previous_i, i, previous_j, j))
                previous_i, previous_j = i + 1, j + 1
            stack.append((previous_i, ahi, previous_j, bhi))
            continue
        found = _myers(a, b, alo, ahi, blo, bhi, budget)
        if found is None:
            coarse += ahi - alo + bhi - blo
        else:
            matches += found
    return _joined(sorted(matches)), coarse


def _unique_anchors(a, b, alo, ahi, blo, bhi) -> list[tuple[int, int]]:
    """Positions (i, j) of elements found once in a[alo:ahi] and once in b[blo:bhi], the
    longest run of them in the same order on both sides."""
    in_a = Counter(a[alo:ahi])
    in_b = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if in_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(alo, ahi) if in_a[a[i]] == 1 and a[i] in where_b]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One longest run of ``pairs`` (sorted by i) whose j increase too (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(pairs)
    for position, (_, j) in enumerate(pairs):
        slot = bisect_left(tails, j)
        if slot == len(tails):
            tails.append(j)
            tail_at.append(position)
        else:
            tails[slot] = j
            tail_at[slot] = position
        previous[position] = tail_at[slot - 1] if slot else -1
    run = []
    position = tail_at[-1] if tail_at else -1
    while position != -1:
        run.append(pairs[position])
        position = previous[position]
    return run[::-1]


def _myers(a, b, alo, ahi, blo, bhi, budget: Budget) -> list[_Match] | None:
    """A shortest edit script between a[alo:ahi] and b[blo:bhi] (Myers 1986, greedy,
    forward), or None when it needs more differences than the budget pays for."""
    n, m = ahi - alo, bhi - blo
    limit = min(n + m, _MAX_DIFFERENCES, _MYERS_ALLOWANCE // max(n + m, 1))
    offset = limit + 1
    frontier = [0] * (2 * limit + 3)  # furthest x reached on each diagonal k = x - y
    trace: list[list[int]] = []  # the frontier before each step, diagonals -d..d
    for d in range(limit + 1):
        if not budget.spend(n + m):
            return None
        trace.append(frontier[offset - d : offset + d + 1])
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and frontier[offset + k - 1] < frontier[offset + k + 1]):
                x = frontier[offset + k + 1]  # down: an insertion
            else:
                x = frontier[offset + k - 1] + 1  # right: a deletion
            y = x - k
            while x < n and y < m and a[alo + x] == b[blo + y]:
                x, y = x + 1, y + 1
            frontier[offset + k] = x
            if x >= n and y >= m:
                return _myers_path(trace, d, k, (n, m), (alo, blo))
    return None


def _myers_path(trace, d: int, k: int, end: tuple[int, int], origin) -> list[_Match]:
    """The diagonal stretches (snakes) of the path found, walked back from its end."""
    matches: list[_Match] = []
    x, _ = end
    for step in range(d, 0, -1):
        before = trace[step]  # index q + step holds diagonal q

        def reach(diagonal: int, row=before, step=step) -> int:
            return row[diagonal + step]

        down = k == -step or (k != step and reach(k - 1) < reach(k + 1))
        previous_k = k + 1 if down else k - 1
        previous_x = reach(previous_k)
        snake_x = previous_x if down else previous_x + 1
        if x > snake_x:
            matches.append((origin[0] + snake_x, origin[1] + snake_x - k, x - snake_x))
        x, k = previous_x, previous_k
    if x > 0:
        matches.append((origin[0], origin[1], x))
    return matches


# -- opcodes -------------------------------------------------------------------------------


def _joined(matches: list[_Match]) -> list[_Match]:
    """Adjacent matches as one (sorted input)."""
    joined: list[_Match] = []
    for i, j, size in matches:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            last = joined[-1]
            joined[-1] = (last[0], last[1], last[2] + size)
        else:
            joined.append((i, j, size))
    return joined


def _side_by_side(matches: list[_Match], a, b) -> list[_Match]:
    """Insertions and deletions separated by repeated text, moved next to each other so
    that they read as replacements: among a thousand equal paragraphs, the one edited is
    shown where it was, not inserted at its place and deleted at the far end (both are
    equally short answers; only one is what a reader expects).

    On the alignment path (match, insert, delete steps), a deletion may move back across
    a match whenever the two old elements are equal, and an insertion whenever the two
    new ones are: the pairs of text stay the same. Each deletion goes back to the nearest
    insertion left unpaired that it can reach that way, and each insertion to the nearest
    deletion."""
    path = _path(matches, len(a), len(b))
    partner = _partners(path, a, b)
    if not partner:
        return matches
    moved: list[tuple[str, int, int]] = []
    for position, step in enumerate(path):
        if position in partner and partner[position] < position:
            continue  # written next to its partner already
        moved.append(step)
        if position in partner:
            moved.append(path[partner[position]])
    return _matches_of(moved, a, b) or matches


def _path(matches: list[_Match], n: int, m: int) -> list[tuple[str, int, int]]:
    """("=", i, j), ("-", i, j) or ("+", i, j) steps: i and j where each step starts."""
    path = []
    i = j = 0
    for ai, bj, size in [*matches, (n, m, 0)]:
        path += [("-", x, j) for x in range(i, ai)]
        path += [("+", ai, y) for y in range(j, bj)]
        path += [("=", ai + k, bj + k) for k in range(size)]
        i, j = ai + size, bj + size
    return path


def _partners(path, a, b) -> dict[int, int]:
    """Path position -> position of the opposite edit it pairs with."""
    partner: dict[int, int] = {}
    # Unpaired edits waiting for their opposite: positions, and how many at the top have
    # no match after them yet; every match after the others held the same element.
    waiting = {"+": deque(), "-": deque()}
    fresh = {"+": 0, "-": 0}
    last = {"+": None, "-": None}  # the element of the last match, on the side that slides
    for position, (step, i, j) in enumerate(path):
        if step == "=":
            for side, element in (("-", a[i]), ("+", b[j])):
                # a deletion slides over old elements, an insertion over new ones: the
                # opposite edit that waits slides the other way, over its own side
                opposite = "+" if side == "-" else "-"
                if element != last[side]:
                    keep = fresh[opposite]
                    while len(waiting[opposite]) > keep:
                        waiting[opposite].popleft()
                fresh[opposite] = 0
                last[side] = element
            continue
        opposite = "-" if step == "+" else "+"
        element = a[i] if step == "-" else b[j]
        side = step  # the side this edit slides over to reach its partner
        if waiting[opposite] and (fresh[opposite] or last[side] == element):
            other = waiting[opposite].pop()
            fresh[opposite] = max(fresh[opposite] - 1, 0)
            partner[position], partner[other] = other, position
        else:
            waiting[step].append(position)
            fresh[step] += 1
    return partner


def _matches_of(path, a, b) -> list[_Match] | None:
    """The matches along ``path`` (renumbered), or None if one does not hold."""
    found: list[_Match] = []
    i = j = 0
    for step, _, _ in path:
        if step == "=":
            if a[i] != b[j]:
                return None
            found.append((i, j, 1))
        i += step != "+"
        j += step != "-"
    return _joined(found)


def _to_opcodes(matches: list[_Match], n: int, m: int) -> list[Opcode]:
    """As difflib turns matching blocks into opcodes."""
    result: list[Opcode] = []
    i = j = 0
    for ai, bj, size in [*matches, (n, m, 0)]:
        tag = ""
        if i < ai and j < bj:
            tag = "replace"
        elif i < ai:
            tag = "delete"
        elif j < bj:
            tag = "insert"
        if tag:
            result.append((tag, i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            result.append(("equal", ai, i, bj, j))
    return result
