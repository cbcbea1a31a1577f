"""A reviewed document's text laid out for the HTML report.

Blocks become segments (a paragraph, or the rows of one table together). A document with
two or more language versions is laid out side by side: articles are cut and paired the
way the language-mismatch rule pairs them (``split_articles`` and crosslang's keys), so
"Article 8" sits beside "Artículo 8" even when the file had one language after the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cpc_draft.check.crosslang import article_key
from cpc_draft.model import TABLE_ROW, Finding, TextBlock
from cpc_draft.text.articles import split_articles

PREAMBLE, SIGNATURES = "preamble", "signatures"  # crosslang's keys of those two parts


@dataclass(frozen=True)
class Segment:
    """A block on its own, or the consecutive rows of one table (``kind`` "table")."""

    kind: str
    blocks: tuple[TextBlock, ...]


@dataclass
class ArticlePair:
    """One article in every language; ``key`` is crosslang's ("8", "preamble", …) and
    ``mismatches`` holds the language-mismatch messages about it."""

    key: str
    segments: dict[str, list[Segment]] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"Article {self.key}" if self.key.isdigit() else self.key.capitalize()


def segments(blocks: list[TextBlock] | tuple[TextBlock, ...]) -> list[Segment]:
    result: list[Segment] = []
    rows: list[TextBlock] = []
    for block in blocks:
        if rows and (block.kind != TABLE_ROW or _table_key(block) != _table_key(rows[0])):
            result.append(Segment("table", tuple(rows)))
            rows = []
        if block.kind == TABLE_ROW:
            rows.append(block)
        else:
            result.append(Segment(block.kind, (block,)))
    if rows:
        result.append(Segment("table", tuple(rows)))
    return result


def _table_key(block: TextBlock) -> tuple:
    # In a side-by-side draft every row of the layout table carries the same table number,
    # so an inner table is told apart by the layout row and column it sits in.
    if block.column is not None:
        return (block.table, block.row, block.column)
    return (block.table,)


def side_by_side(
    blocks: tuple[TextBlock, ...],
    streams: dict[str, tuple[TextBlock, ...]],
    mismatches: list[Finding],
) -> tuple[list[ArticlePair], list[TextBlock]]:
    """Articles paired across the language ``streams`` (language -> its blocks), and the
    ``blocks`` in none of them.

    ``mismatches`` are language-mismatch findings; each is attached to the article its
    block belongs to.
    """
    key_of: dict[int, str] = {}
    pairs: dict[str, ArticlePair] = {}
    for language, stream in streams.items():
        for article in split_articles(stream, language):
            key = article_key(article)
            key_of.update((block.index, key) for block in article.blocks)
            pair = pairs.setdefault(key, ArticlePair(key))
            # extend, not set: a number used twice in one text keeps both articles' blocks
            pair.segments.setdefault(language, []).extend(segments(article.blocks))
    for finding in mismatches:
        key = key_of.get(finding.block)
        if key is not None:
            pairs[key].mismatches.append(finding.message)
    leftovers = [block for block in blocks if block.index not in key_of]
    order = {key: position for position, key in enumerate(pairs)}
    ordered = sorted(pairs.values(), key=lambda pair: (_rank(pair.key), order[pair.key]))
    return ordered, leftovers


def _rank(key: str) -> tuple[int, int]:
    """The preamble first, numbered articles by number, then other sections as they come
    (first language first), the signatures last."""
    if key == PREAMBLE:
        return (0, 0)
    if key == SIGNATURES:
        return (3, 0)
    return (1, int(key)) if key.isdigit() else (2, 0)
