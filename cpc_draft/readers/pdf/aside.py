"""Text from outside a page's running text -> (origin, text) blocks, after its content.

- "rotated": lines at another angle (:mod:`.turned`), already in reading order; lines
  that follow one another closely, at one size, make one block (a stamp of two lines);
- "vertical": East Asian columns (:mod:`.glyphs`), read right to left; columns side by
  side under one top make one block, their characters run together as the script wants;
- "form field", "annotation", "comment": the page's filled-in fields, free text and
  notes (:mod:`.annotations`), one block each, as they were found.
"""

from __future__ import annotations

from cpc_draft.readers.pdf.geometry import Word


def aside_blocks(words: list[Word], annotations: list[tuple[str, str]]) -> list[tuple[str, str]]:
    blocks = _rotated([word for word in words if word.origin == "rotated"])
    blocks += _vertical([word for word in words if word.origin == "vertical"])
    return blocks + [(origin, text) for origin, text in annotations if text.strip()]


def _rotated(lines: list[Word]) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    previous: Word | None = None
    for line in lines:
        size = line.size
        if (
            previous is not None
            and abs(previous.size - size) <= 0.15 * size
            and -0.5 * size <= line.top - previous.bottom <= 0.8 * size
            and abs(line.x0 - previous.x0) <= 20 * size
        ):
            blocks[-1] = ("rotated", f"{blocks[-1][1]} {line.text}")
        else:
            blocks.append(("rotated", line.text))
        previous = line
    return blocks


def _vertical(columns: list[Word]) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    previous: Word | None = None
    for column in sorted(columns, key=lambda word: (-word.x1, word.top)):
        size = column.size
        if (
            previous is not None
            and abs(previous.top - column.top) <= size
            and previous.x0 - column.x1 <= 1.5 * size
        ):
            blocks[-1] = ("vertical", blocks[-1][1] + column.text)
        else:
            blocks.append(("vertical", column.text))
        previous = column
    return blocks
