"""A footnote mark set in superscript after a figure is no part of the figure.

"US$5,000,000⁵" drawn without a space reads in pdfium's text as one token,
"US$5,000,0005": an amount the draft never states. Within a token drawn in more than one
text object (the mark is a run of its own: smaller, raised with a text rise or a new
position), a run of raised digits at its end after a figure or a percent sign (smaller
than the token's largest characters by a tenth, raised above their baseline by more
than RISE of their size) is cut off as a word of its own, with the punctuation after it
("5,"), as :mod:`cpc_draft.text.normalize` takes a superscript digit after a figure for
a mark (a draft states amounts, not powers of ten). A mark after a word stays with it,
as pdftotext reads it ("Agency12"), and so do exponents ("x2"), ordinals ("10th") and
subscripts ("CO2").
"""

from __future__ import annotations

import re

RISE = 0.15  # of the size: how far above the baseline a superscript sits, at least
SMALLER = 0.9  # a mark's size, at most, against the word's
# the figure a mark follows, and the mark: digits, then punctuation only
_BASE = re.compile(r"[\d%]$")
_MARK = re.compile(r"\d+[,.;:)\]”’\"']*$")


def raised_pieces(reader, start: int, token: str) -> list[tuple[int, int]] | None:
    """The (start, end) offsets of ``token``'s word and of its raised mark, or None.

    ``reader`` gives each character's baseline and style (size first).
    """
    if not token[-1:].isdigit() and not _MARK.search(token):
        return None
    chars = [
        (reader.baseline(start + offset), reader.style(start + offset)[0])
        for offset in range(len(token))
    ]
    size = max(char_size for _, char_size in chars)
    line = next(baseline for baseline, char_size in chars if char_size == size)
    raised = [
        char_size < SMALLER * size and baseline < line - RISE * size
        for baseline, char_size in chars
    ]
    cut = len(token)
    while cut > 0 and not raised[cut - 1] and not token[cut - 1].isdigit():
        cut -= 1  # punctuation after the mark
    first = cut
    while first > 0 and raised[first - 1]:
        first -= 1
    if first == cut or first == 0 or any(raised[:first]):
        return None
    if not (_MARK.match(token[first:]) and _BASE.search(token[:first])):
        return None
    return [(0, first), (first, len(token))]
