"""Short columns of vertical East Asian text: the last column of a paragraph ("责。").

:func:`.glyphs.join_vertical` knows a column by three or more characters stacked one
under another. A column of one or two characters (a paragraph's last, a short title)
would stay behind as words of the page's running text, read before the columns they
belong after. Such a column is vertical too when it starts level with a vertical column
beside it, one column's distance away, in the same size.
"""

from __future__ import annotations

from dataclasses import replace

from cpc_draft.readers.pdf.geometry import Word

_EAST_ASIAN = "\u2e80"  # CJK radicals, kana, ideographs, Hangul… lie above
SHORT = 2  # characters a short column holds at most
LEVEL = 0.5  # of the size: how far apart the tops of two columns of one paragraph lie
GAP = 1.5  # of the size: the widest space between two columns of one paragraph
SAME_SIZE = 0.15  # of the size: what two sizes may differ by and still be one size


def join_short_columns(words: list[Word]) -> list[Word]:
    """Words with each short column beside a vertical one made one vertical word."""
    columns = [word for word in words if word.origin == "vertical"]
    if not columns:
        return words
    candidates = [word for word in words if _short(word)]
    runs = _runs(candidates)
    joined: dict[int, Word] = {}  # id of a run's first word -> the column it makes
    gone: set[int] = set()
    found = True
    while found:  # a short column found may stand beside the next one
        found = False
        for run in runs:
            if id(run[0]) in joined or not any(_beside(run, column) for column in columns):
                continue
            column = _column(run)
            joined[id(run[0])] = column
            gone.update(id(word) for word in run[1:])
            columns.append(column)
            found = True
    if not joined:
        return words
    return [joined.get(id(word), word) for word in words if id(word) not in gone]


def _short(word: Word) -> bool:
    return (
        word.origin is None
        and len(word.text) <= SHORT
        and all(char >= _EAST_ASIAN for char in word.text)
    )


def _runs(words: list[Word]) -> list[list[Word]]:
    """Short words one directly under another, in runs of at most SHORT characters."""
    runs: list[list[Word]] = []
    open_runs: list[list[Word]] = []  # runs a word further down may still continue
    for word in sorted(words, key=lambda word: word.top):
        reach = 1.6 * word.size
        open_runs = [run for run in open_runs if word.top - run[-1].top <= reach]
        for run in open_runs:
            if (
                abs(word.x0 - run[-1].x0) <= 0.25 * word.size
                and sum(len(item.text) for item in run) + len(word.text) <= SHORT
            ):
                run.append(word)
                break
        else:
            runs.append([word])
            open_runs.append(runs[-1])
    return runs


def _beside(run: list[Word], column: Word) -> bool:
    first = run[0]
    size = max(first.size, column.size)
    gap = max(column.x0 - max(word.x1 for word in run), first.x0 - column.x1)
    return (
        abs(first.size - column.size) <= SAME_SIZE * size
        and abs(first.top - column.top) <= LEVEL * size
        and -0.1 * size <= gap <= GAP * size
    )


def _column(run: list[Word]) -> Word:
    return replace(
        run[0],
        text="".join(word.text for word in run),
        x1=max(word.x1 for word in run),
        bottom=run[-1].bottom,
        origin="vertical",
    )
