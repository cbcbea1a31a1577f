"""A page's words, as drawn, -> the words a reader sees: what drawing tricks leave behind.

- **Overprinted "fake bold"**: the same word drawn twice (or more) a fraction of a point
  apart reads once ("ANHUI ANHUI" -> "ANHUI").
- **Drop caps**: a large initial letter beside the first line of its paragraph joins the
  word it begins ("D" + "rop" -> "Drop").
- **Touching pieces**: two words of one size on one baseline with no room for a space
  between them are one word, whatever order the PDF drew them in ("ann" ... "ouncing").
- **Vertical text** (East Asian, set in columns): characters stacked one under the other
  become one word per column, marked "vertical", instead of a row of one-letter words.

All work on the words of one page in the order the PDF draws them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from operator import attrgetter, itemgetter

from cpc_draft.readers.pdf.geometry import DESCENT, Word

_EAST_ASIAN = "\u2e80"  # CJK radicals, kana, ideographs, Hangul… lie above
EAST_ASIAN = re.compile("[\u2e80-\U0002ffff]")
_TEXT = attrgetter("text")
_X0 = itemgetter(2)
OVERPRINT = 0.2  # of the size: how far apart two drawings of one word may lie
DROP_CAP = 1.8  # times the size of the text beside it, at least


def drop_overprints(words: list[Word]) -> list[Word]:
    """Words drawn again over themselves, left out (the first drawing is kept)."""
    counts = Counter(map(_TEXT, words))
    repeated = {text for text, count in counts.items() if count > 1}
    if not repeated:
        return words
    groups: dict[str, list[tuple[int, Word]]] = {}
    for order, word in enumerate(words):
        if word.text in repeated:
            groups.setdefault(word.text, []).append((order, word))
    gone: set[int] = set()
    for group in groups.values():
        group.sort(key=lambda item: item[1].bottom)
        for index, (order, word) in enumerate(group):
            reach = OVERPRINT * word.size
            for earlier_order, other in reversed(group[:index]):
                if word.bottom - other.bottom > reach:
                    break
                if (
                    id(other) not in gone
                    and abs(other.x0 - word.x0) <= reach
                    and abs(other.size - word.size) <= reach
                ):
                    # of the two drawings, the one drawn later goes
                    gone.add(id(word) if earlier_order < order else id(other))
                    break
    return [word for word in words if id(word) not in gone]


def join_touching(words: list[Word], spaced: set[int] = frozenset()) -> list[Word]:
    """Per line (one baseline): letter-spaced runs joined, then words that touch.

    A run of four or more one-letter words with spaces pdfium made up between them
    (``spaced``: the ids of one-letter words after such a space) is letter-spaced text
    ("E n t e r  t h e"): its gaps fall in two groups, between letters and (wider)
    between words, and it is cut at the widest jump between them only, as the line's
    own spacing says (a run of one group is one word). Spaces the PDF draws ("1 2 3 4")
    are the author's and stay. Then two words of one size with no room for a space
    between them (a space is 0.2 em at least) are one word, whatever order the PDF drew
    them in.
    """
    if len(words) < 2:
        return words
    gone: set[int] = set()
    ordered = sorted(
        (word.bottom - DESCENT * word.size, word.size, word.x0, id(word), word) for word in words
    )
    start, count = 0, len(ordered)
    while start < count:
        baseline, size = ordered[start][:2]
        end = start + 1
        while end < count and ordered[end][0] - baseline <= 0.1 * size:
            end += 1
        if end - start > 1:
            row = [item[4] for item in sorted(ordered[start:end], key=_X0)]
            if spaced:
                row = _join_letters(row, gone, spaced)
            _join_row(row, gone)
        start = end
    return [word for word in words if id(word) not in gone] if gone else words


def _join_letters(row: list[Word], gone: set[int], spaced: set[int]) -> list[Word]:
    """The row with its letter-spaced runs joined into words."""
    out: list[Word] = []
    index = 0
    while index < len(row):
        end = index + 1
        if len(row[index].text) == 1:
            while end < len(row) and len(row[end].text) == 1 and id(row[end]) in spaced:
                end += 1
        run = row[index:end]
        if len(run) < 4:
            out += run
        else:
            out += _join_run(run, gone)
        index = end
    return out


def _join_run(run: list[Word], gone: set[int]) -> list[Word]:
    size = run[0].size
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(run)]
    ordered = sorted(gaps)
    jumps = [(b - a, a) for a, b in itertools.pairwise(ordered) if a < 0.5 * size]
    widest, below = max(jumps, default=(0.0, ordered[-1]))
    limit = below if widest >= 0.1 * size else ordered[-1]
    limit = min(limit, 0.5 * size)
    words = [run[0]]
    for gap, word in zip(gaps, run[1:], strict=True):
        if gap <= limit + 0.01 and abs(word.size - size) <= 0.15 * size:
            words[-1].text += word.text
            words[-1].x1 = word.x1
            gone.add(id(word))
        else:
            words.append(word)
    return words


def _join_row(row: list[Word], gone: set[int]) -> None:
    kept = row[0]
    for word in row[1:]:
        size = kept.size
        gap = word.x0 - kept.x1
        if (
            abs(word.size - size) <= 0.15 * size
            and -0.15 * size <= gap <= 0.05 * size
            and kept.origin is None
            and word.origin is None
        ):
            kept.text += word.text
            kept.x1 = max(kept.x1, word.x1)
            gone.add(id(word))
        else:
            kept = word


def join_drop_caps(words: list[Word]) -> list[Word]:
    """A single large letter joined to the first word on its right at its top."""
    if len(words) < 2:
        return words
    sizes = sorted(word.size for word in words)
    body = sizes[len(sizes) // 2]
    caps = [
        word
        for word in words
        if len(word.text) == 1 and word.text.isalpha() and word.size >= DROP_CAP * body
    ]
    if not caps:
        return words
    gone: set[int] = set()
    for cap in caps:
        beside = [
            word
            for word in words
            if word is not cap
            and word.size * DROP_CAP <= cap.size
            and -0.1 * cap.size <= word.x0 - cap.x1 <= 0.6 * word.size
            and cap.top - word.size <= word.baseline <= cap.top + 1.5 * word.size
            and word.text[:1].isalpha()
        ]
        if not beside:
            continue
        first = min(beside, key=lambda word: (word.top, word.x0))
        first.text = cap.text + first.text
        first.x0 = cap.x0
        gone.add(id(cap))
    return [word for word in words if id(word) not in gone]


def join_vertical(words: list[Word]) -> list[Word]:
    """Runs of three or more short words stacked in one column -> one vertical word each."""
    out: list[Word] = []
    run: list[Word] = []
    for word in words:
        if run and not _stacked(run[-1], word):
            _flush(run, out)
            run = []
        if len(word.text) <= 2 and all(char >= _EAST_ASIAN for char in word.text):
            run.append(word)
        else:
            _flush(run, out)
            run = []
            out.append(word)
    _flush(run, out)
    return out


def _stacked(above: Word, below: Word) -> bool:
    size = max(above.size, below.size)
    step = below.baseline - above.baseline
    return abs(above.x0 - below.x0) <= 0.25 * size and 0.5 * size <= step <= 1.6 * size


def _flush(run: list[Word], out: list[Word]) -> None:
    if len(run) < 3:
        out += run
        return
    out.append(
        replace(
            run[0],
            text="".join(word.text for word in run),
            x1=max(word.x1 for word in run),
            bottom=run[-1].bottom,
            origin="vertical",
        )
    )
