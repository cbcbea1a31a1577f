"""Sentences of a block, as spans of its text: a finding quotes one verbatim."""

from __future__ import annotations

import re

# A sentence ends at . ; : ! ? before a space, unless the full stop ends an initial
# ("U.S. Government", "D.C."), so that a quote stays a whole clause.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.;:!?](?=\s)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, without the spaces around it."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)] + [len(text)]
    spans, start = [], 0
    for end in ends:
        piece = text[start:end]
        if piece.strip():
            left = start + len(piece) - len(piece.lstrip())
            spans.append((left, left + len(piece.strip())))
        start = end
    return spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]
