"""Which language each block is in: en, es, fr (and pt, de), offline, from marker words.

A CPC draft mixes at most a few known languages, in long formal sentences; counting
function words that belong to one language only is accurate there and costs microseconds
per block. Blocks too short to tell (a figure, a name) take the language of their
neighbours in reading order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.model import HEADING, TextBlock

MIN_EVIDENCE = 2  # marker words needed before a block is given a language
SHARE_FOR_DOCUMENT = 0.1  # a language must hold this share of the text to count
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _markers() -> tuple[dict[str, str], dict[str, str]]:
    text = resources.files("cpc_draft").joinpath("data/language_markers.yaml").read_text("utf-8")
    data = load_data(text)
    owners: dict[str, set[str]] = {}
    for language, entry in data.items():
        for word in entry["words"].split():
            owners.setdefault(word.casefold(), set()).add(language)
    words = {word: next(iter(langs)) for word, langs in owners.items() if len(langs) == 1}
    letters = {letter: language for language, entry in data.items() for letter in entry["letters"]}
    return words, letters


def identify(text: str) -> str | None:
    """The language of ``text``, or None when it carries too little evidence."""
    words, letters = _markers()
    votes: Counter[str] = Counter()
    for token in _WORD.findall(text.casefold()):
        language = words.get(token)
        if language:
            votes[language] += 1
    for char in text:
        language = letters.get(char)
        if language:
            votes[language] += 1
    if not votes:
        return None
    ranked = [*votes.most_common(2), ("", 0)]
    (best, count), (_, runner_up) = ranked[0], ranked[1]
    if count < MIN_EVIDENCE or count < 2 * runner_up:
        return None
    return best


def detect_languages(
    blocks: tuple[TextBlock, ...],
) -> tuple[tuple[TextBlock, ...], tuple[str, ...]]:
    """Every block with a language, and the document's languages by share of text."""
    found = [identify(block.text) for block in blocks]
    # A language with almost no text in the document is a misreading of a short block
    # (a Spanish table row voted Portuguese by "no"): such blocks are filled as unknown.
    totals: Counter[str] = Counter()
    for block, language in zip(blocks, found, strict=True):
        if language:
            totals[language] += len(block.text)
    everything = sum(totals.values()) or 1
    found = [
        lang if lang and totals[lang] / everything >= SHARE_FOR_DOCUMENT else None for lang in found
    ]
    # Short blocks take the language of their neighbours: a heading that of the text it
    # introduces (the next identified block), anything else that of the block before it.
    previous = _fill(found)
    following = _fill(found[::-1])[::-1]
    filled = [
        (following[i] or previous[i]) if block.kind == HEADING else (previous[i] or following[i])
        for i, block in enumerate(blocks)
    ]
    # In a side-by-side table each column keeps to one language: fill from the column.
    # Columns are counted per page, since a sequential PDF has two-column signature
    # blocks in each language version.
    by_column = _column_languages(blocks, found)
    for index, block in enumerate(blocks):
        column = (block.page, block.column)
        if found[index] is None and block.column is not None and column in by_column:
            filled[index] = by_column[column]
    shares: Counter[str] = Counter()
    for block, language in zip(blocks, found, strict=True):
        if language:
            shares[language] += len(block.text)
    total = sum(shares.values()) or 1
    significant = {lang for lang, size in shares.items() if size / total >= SHARE_FOR_DOCUMENT}
    # In reading order: the left column's language first, then by first appearance.
    first_seen: dict[str, tuple[int, int]] = {}
    for index, (block, language) in enumerate(zip(blocks, found, strict=True)):
        if language in significant:
            key = (block.column or 0, index)
            first_seen[language] = min(first_seen.get(language, key), key)
    languages = tuple(sorted(significant, key=first_seen.__getitem__))
    tagged = tuple(
        replace(block, language=lang) for block, lang in zip(blocks, filled, strict=True)
    )
    return tagged, languages


def _fill(found: list[str | None]) -> list[str | None]:
    """Each position's language, or the last identified one before it."""
    filled, last = [], None
    for language in found:
        last = language or last
        filled.append(last)
    return filled


def _column_languages(blocks, found) -> dict[tuple[int | None, int], str]:
    votes: dict[tuple[int | None, int], Counter[str]] = {}
    for block, language in zip(blocks, found, strict=True):
        if block.column is not None and language:
            votes.setdefault((block.page, block.column), Counter())[language] += 1
    return {column: counter.most_common(1)[0][0] for column, counter in votes.items()}
