"""Which old article is which new article.

Strongest evidence first: the clause tag our own drafts carry; the same text; the same
heading; the same number with similar text; then similar text anywhere. An article
whose place in the order changed is *moved* only when it left the longest run of
articles that kept their order, so inserting one article renumbers the rest without
moving them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from cpc_draft.compare.similar import jaccard, similar_pairs
from cpc_draft.text.articles import Article, substance

_SIMILAR = 0.5
_SIMILAR_SAME_NUMBER = 0.3


@dataclass(frozen=True)
class Pair:
    old: Article
    new: Article
    how: str  # clause | text | heading | number | similarity
    moved: bool = False


def align(old: list[Article], new: list[Article]) -> list[Pair]:
    pairs: dict[int, tuple[Article, str]] = {}  # old index -> (new article, how)
    taken: set[int] = set()

    def match(key: Callable[[Article], object], how: str) -> None:
        theirs = _keyed([a for a in new if a.index not in taken], key)
        for value, article in _keyed([a for a in old if a.index not in pairs], key).items():
            other = theirs.get(value)
            if other is not None:
                pairs[article.index] = (other, how)
                taken.add(other.index)

    texts = {id(a): substance(a) for a in (*old, *new)}
    match(lambda a: a.clause, "clause")
    match(lambda a: texts[id(a)] or None, "text")
    match(lambda a: _folded(a.title) or None, "heading")
    grams = _LazyBigrams(texts)
    _match_similar(old, new, pairs, taken, grams, same_number=True)
    _match_similar(old, new, pairs, taken, grams, same_number=False)
    ordered = sorted(((o, *pairs[o.index]) for o in old if o.index in pairs), key=_old_index)
    kept = _longest_ordered_run([new_article.index for _, new_article, _ in ordered])
    return [
        Pair(o, n, how, moved=position not in kept) for position, (o, n, how) in enumerate(ordered)
    ]


def _old_index(item) -> int:
    return item[0].index


def _keyed(articles: list[Article], key) -> dict[object, Article]:
    """Key -> article, for keys that name exactly one article (an ambiguous key proves nothing)."""
    seen: dict[object, Article | None] = {}
    for article in articles:
        value = key(article)
        if value is None:
            continue
        seen[value] = None if value in seen else article
    return {value: article for value, article in seen.items() if article is not None}


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _match_similar(old, new, pairs, taken, grams, *, same_number: bool) -> None:
    threshold = _SIMILAR_SAME_NUMBER if same_number else _SIMILAR
    old_left = [a for a in old if a.index not in pairs]
    new_left = [b for b in new if b.index not in taken]
    if same_number:
        candidates = _same_number_pairs(old_left, new_left, grams, threshold)
    else:
        found = similar_pairs(
            [id(a) for a in old_left],
            [id(b) for b in new_left],
            grams.__getitem__,
            threshold,
            lambda _a, _b: True,
        )
        candidates = [
            (score, old_left[i].index, new_left[j])
            for score, i, j in found
            if (old_left[i].number is None) == (new_left[j].number is None)
        ]
    for _score, old_index, article in sorted(candidates, key=lambda c: -c[0]):
        if old_index not in pairs and article.index not in taken:
            pairs[old_index] = (article, "number" if same_number else "similarity")
            taken.add(article.index)


def _same_number_pairs(old_left, new_left, grams, threshold) -> list:
    """Old and new articles that carry the same number and similar text."""
    by_number: dict[str, list[Article]] = {}
    for b in new_left:
        if b.number is not None:
            by_number.setdefault(b.number, []).append(b)
    candidates = []
    for a in old_left:
        for b in by_number.get(a.number, ()) if a.number is not None else ():
            score = jaccard(grams[id(a)], grams[id(b)])
            if score >= threshold:
                candidates.append((score, a.index, b))
    return candidates


class _LazyBigrams(dict):
    """Word pairs of an article, made only for the articles still unmatched."""

    def __init__(self, texts: dict[int, tuple[str, ...]]) -> None:
        super().__init__()
        self.texts = texts

    def __missing__(self, key: int) -> set[tuple[str, str]]:
        self[key] = found = _bigrams(self.texts[key])
        return found


def _bigrams(tokens: tuple[str, ...]) -> set[tuple[str, str]]:
    folded = [t.casefold() for t in tokens]
    return set(pairwise(folded))


def _longest_ordered_run(sequence: list[int]) -> set[int]:
    """Positions of one longest increasing subsequence (patience sorting, n log n)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(sequence)
    for position, value in enumerate(sequence):
        slot = bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[slot] = value
            tail_at[slot] = position
        previous[position] = tail_at[slot - 1] if slot else -1
    kept: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position != -1:
        kept.add(position)
        position = previous[position]
    return kept
