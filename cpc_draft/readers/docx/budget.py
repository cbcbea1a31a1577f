"""What reading a Word file may produce, counted as it is produced.

The zip limits (:mod:`.zipsafe`) bound what is inflated and parsed; they do not bound
what reading makes of it. Two things amplify: an insertion nested in insertions has its
text kept once per level (as the text of each tracked change), and a list level's text
("Article %1") is repeated for every paragraph of the list. A 16 MB part of nested
insertions, or a numbering text of a megabyte applied to 20,000 paragraphs, would make
gigabytes of text. So every character a paragraph produces (text, label and each copy a
tracked change keeps) is charged here, and reading stops with a one-line refusal past:

- :data:`MAX_PRODUCED_CHARS` characters in the whole document (twice what
  :mod:`cpc_draft.readers.limits` lets a draft hold: the text of every insertion is
  also kept as its revision);
- :data:`MAX_CHANGE_NESTING` insertions nested in each other (Word nests none);
- :data:`MAX_LEVEL_TEXT` characters in a list level's text (Word's are a few).
"""

from __future__ import annotations

from collections.abc import Callable

from cpc_draft.errors import InputFileError
from cpc_draft.readers.limits import MAX_TEXT_CHARS

MAX_PRODUCED_CHARS = 2 * MAX_TEXT_CHARS
MAX_CHANGE_NESTING = 8
MAX_LEVEL_TEXT = 1_000


class Budget:
    """Characters produced so far, refused past the limit through ``fail``."""

    def __init__(self, fail: Callable[[str], InputFileError], limit: int = MAX_PRODUCED_CHARS):
        self.fail = fail
        self.limit = limit
        self.produced = 0

    def charge(self, characters: int) -> None:
        self.produced += characters
        if self.produced > self.limit:
            raise self.fail(
                f"would produce more than {self.limit:,} characters of text "
                "(with its tracked changes and list numbers); that is no draft, refused"
            )

    def enter_insertion(self, depth: int) -> None:
        """Called with the depth of an insertion about to be read (1 for the outermost)."""
        if depth > MAX_CHANGE_NESTING:
            raise self.fail(
                f"nests tracked insertions more than {MAX_CHANGE_NESTING} levels deep; refused"
            )


def check_level_text(text: str, part: str, fail: Callable[[str], InputFileError]) -> None:
    if len(text) > MAX_LEVEL_TEXT:
        raise fail(
            f"{part}: a list level's number text is {len(text):,} characters long; "
            f"the limit is {MAX_LEVEL_TEXT:,}"
        )
