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

from dataclasses import replace

from cpc_draft.readers.pdf.geometry import Word

_EAST_ASIAN = "\u2e80"  # CJK radicals, kana, ideographs, Hangul… lie above
OVERPRINT = 0.2  # of the size: how far apart two drawings of one word may lie
DROP_CAP = 1.8  # times the size of the text beside it, at least


def drop_overprints(words: list[Word]) -> list[Word]:
    """Words drawn again over themselves, left out (the first drawing is kept)."""
    seen: dict[tuple[str, int], list[Word]] = {}  # by text and the point of the bottom
    kept: list[Word] = []
    for word in words:
        line = round(word.bottom)
        reach = OVERPRINT * word.size
        if any(
            abs(other.x0 - word.x0) <= reach
            and abs(other.bottom - word.bottom) <= reach
            and abs(other.size - word.size) <= reach
            for near in (line - 1, line, line + 1)
            for other in seen.get((word.text, near), ())
        ):
            continue
        seen.setdefault((word.text, line), []).append(word)
        kept.append(word)
    return kept


def join_touching(words: list[Word]) -> list[Word]:
    """Words that touch on one baseline, at one size, joined (a space is 0.2 em at least)."""
    if len(words) < 2:
        return words
    gone: set[int] = set()
    ordered = sorted(words, key=lambda word: word.baseline)
    start = 0
    while start < len(ordered):
        first = ordered[start]
        end = start + 1
        while end < len(ordered) and ordered[end].baseline - first.baseline <= 0.1 * first.size:
            end += 1
        if end - start > 1:
            _join_row(sorted(ordered[start:end], key=lambda word: word.x0), gone)
        start = end
    return [word for word in words if id(word) not in gone] if gone else words


def _join_row(row: list[Word], gone: set[int]) -> None:
    kept = row[0]
    for word in row[1:]:
        size = kept.size
        if (
            abs(word.size - size) <= 0.15 * size
            and -0.15 * size <= word.x0 - kept.x1 <= 0.05 * size
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
