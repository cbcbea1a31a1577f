"""One document, several languages: split it into one stream of blocks per language.

Side-by-side drafts come from the readers with ``column`` and ``row`` on each block: a
column is one language, and blocks that share a row are translations of each other.
Sequential drafts (one text after the other) are split by each block's language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cpc_draft.model import Document, TextBlock
from cpc_draft.text.langid import identify


@dataclass(frozen=True)
class LanguageStream:
    language: str
    blocks: tuple[TextBlock, ...]

    def rows(self) -> dict[int, tuple[TextBlock, ...]]:
        """Blocks by the side-by-side row they came from (empty for sequential drafts)."""
        grouped: dict[int, list[TextBlock]] = {}
        for block in self.blocks:
            if block.row is not None and block.column is not None:
                grouped.setdefault(block.row, []).append(block)
        return {row: tuple(blocks) for row, blocks in grouped.items()}


def language_streams(document: Document) -> dict[str, LanguageStream]:
    """Language -> its blocks in reading order; one entry for a monolingual document."""
    columns = {block.column for block in document.blocks if block.column is not None}
    if len(columns) >= 2:
        return _by_column(document.blocks)
    return _by_language(document)


def _by_column(blocks: tuple[TextBlock, ...]) -> dict[str, LanguageStream]:
    # Votes per page and column: a sequential PDF's signature blocks have two columns in
    # each language version, a side-by-side draft's pages two columns in every page.
    votes: dict[tuple[int | None, int], Counter[str]] = {}
    for block in blocks:
        if block.column is not None and block.language:
            key = (block.page, block.column)
            votes.setdefault(key, Counter())[block.language] += len(block.text)
    streams: dict[str, list[TextBlock]] = {}
    column_language = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    known = set(column_language.values())
    for block in blocks:
        key = (block.page, block.column)
        language = column_language.get(key) if block.column is not None else None
        # A block whose own words say another of the document's languages was read into
        # the wrong column (a closing line on a page the PDF reader saw as one column).
        own = identify(block.text)
        if own in known and own != language:
            language = own
        streams.setdefault(language or block.language or "und", []).append(block)
    return {language: LanguageStream(language, tuple(items)) for language, items in streams.items()}


def _by_language(document: Document) -> dict[str, LanguageStream]:
    languages = document.languages or ("und",)
    streams: dict[str, list[TextBlock]] = {language: [] for language in languages}
    for block in document.blocks:
        language = block.language if block.language in streams else languages[0]
        streams[language].append(block)
    return {language: LanguageStream(language, tuple(items)) for language, items in streams.items()}
