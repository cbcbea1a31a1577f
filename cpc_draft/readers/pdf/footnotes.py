"""Footnotes at the foot of a page, kept apart from the running text as Word keeps them.

A footnote is set smaller than the body, below the page's last line of body text, and
opens with its mark: a number or a symbol on its own ("1 The Office to Monitor …", "*").
Read into the running text, a note lands between a lead-in and the list it introduces
when the list goes on to the next page, and its figures ("an indicative rate of Rs 300
to US$1") read as the draft's own; the Word form of the same draft has them apart. The
lines at the foot of a page that are all set small, the first of them opening with a
mark, are the page's footnotes: one note from each mark to the next. A note's mark in
the running text, drawn raised against the word before it, comes out glued to that word
("código QVD1", "Memorandum;1"): it is taken off, as the Word reader leaves a note's
reference out of the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cpc_draft.readers.pdf.geometry import Word

# A note's text is at most this share of the body's size: Word sets its notes at 10 pt
# under an 11 pt body (0.91), LibreOffice at 10 under 12, a ministry's own template at
# 9 under 10.5 (0.86).
FOOTNOTE_SIZE = 0.92
REFERENCE_SIZE = 0.75  # a reference mark standing apart is set this small or smaller
MAX_SHARE = 0.5  # notes take at most half of a page's lines; more is small print, not notes
MIN_LINES_ABOVE = 2  # a page of notes alone is no page of footnotes
SAME_LINE = 0.5  # two words overlapping by half the smaller height stand on one line

_MARK = re.compile(r"^(?:\d{1,3}|[*†‡]{1,3})$")


def split_footnotes(words: list[Word], body_size: float) -> tuple[list[Word], list[str]]:
    """The page's words without its footnotes, and the footnotes' texts (marks left out)."""
    lines = _lines(words)
    start = len(lines)
    while start > 0 and _small(lines[start - 1], body_size):
        start -= 1
    notes = lines[start:]
    if not notes or start < MIN_LINES_ABOVE or len(notes) > MAX_SHARE * len(lines):
        return words, []
    if not _opens_note(notes[0]):
        return words, []
    texts: list[list[str]] = []
    marks: list[str] = []
    for line in notes:
        if _opens_note(line):
            texts.append([word.text for word in line[1:]])
            marks.append(line[0].text)
        else:
            texts[-1].extend(word.text for word in line)
    taken = {id(word) for line in notes for word in line}
    running = [w for line in lines[:start] for w in line]
    unmarked = _references_taken_off(running, marks, body_size)
    taken |= {word_id for word_id, word in unmarked.items() if word is None}
    body = [unmarked.get(id(word), word) for word in words if id(word) not in taken]
    return body, [" ".join(t) for t in texts]


def _references_taken_off(
    running: list[Word], marks: list[str], body_size: float
) -> dict[int, Word | None]:
    """Each note's reference taken off the running text (top to bottom): the first word
    that ends in the mark after a letter or a stop, a stop after the mark kept ("QVD1."
    -> "QVD."), or the mark standing apart, set small (None: the word goes)."""
    unmarked: dict[int, Word | None] = {}
    for mark in marks:
        glued = re.compile(rf"(?<=[^\W\d_]|[.,;:)”\"'’»]){re.escape(mark)}(?=[.,;:)]?$)")
        for word in running:
            if id(word) in unmarked:
                continue
            if word.text == mark and word.size <= REFERENCE_SIZE * body_size:
                unmarked[id(word)] = None
                break
            found = glued.search(word.text)
            if found:
                text = word.text[: found.start()] + word.text[found.end() :]
                unmarked[id(word)] = replace(word, text=text)
                break
    return unmarked


def _lines(words: list[Word]) -> list[list[Word]]:
    """The words in lines, top to bottom, each line left to right. A raised mark stands
    on the line of the note it opens."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        line = lines[-1] if lines else None
        if line is not None and _overlap(line, word) >= SAME_LINE * min(
            word.height, min(w.height for w in line)
        ):
            line.append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _overlap(line: list[Word], word: Word) -> float:
    top = max(min(w.top for w in line), word.top)
    bottom = min(max(w.bottom for w in line), word.bottom)
    return bottom - top


def _small(line: list[Word], body_size: float) -> bool:
    """Every word set small, a leading mark aside (a raised mark may keep the body's size)."""
    text_words = line[1:] if _MARK.match(line[0].text) else line
    return bool(text_words) and all(w.size <= FOOTNOTE_SIZE * body_size for w in text_words)


def _opens_note(line: list[Word]) -> bool:
    return len(line) > 1 and _MARK.match(line[0].text) is not None
