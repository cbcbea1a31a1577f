"""A language stream cut into articles: the units that `compare` aligns.

An article starts at an "Article N" heading (with the heading that names it, when the
title is a heading of its own); a draft without numbered articles is cut at every
heading instead. What comes before the first article is the preamble. The cut is the
same for Word, PDF and text readings of one draft, so a PDF reply lines up with our .docx.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from cpc_draft.model import HEADING, TextBlock
from cpc_draft.text.cues import cue
from cpc_draft.text.headings import ARTICLE_HEADING

SIGNATURES = "Signatures"
_SIGNATURE_LINE = re.compile(r"^_{5,}")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_FIRST = {"premier", "primero", "primera", "first"}
_TITLE_SEPARATORS = " .:–—-\t"
_WORD = re.compile(r"\w+(?:[’'.,/-]\w+)*|[^\w\s]")
# "Article 8", "artículo 8", "l'article 8", "Art. 8": the references that follow a renumbering.
CROSS_REFERENCE = re.compile(
    r"\b(articles?|artículos?|articulos?|art\.)\s+(\d+|[ivxlc]+)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Article:
    index: int  # position among the stream's articles; the preamble is 0
    number: str | None  # "5" (roman numerals and "premier" read as numbers)
    title: str  # the heading's words without the number ("Programs")
    clause: str | None  # our clause id ("programs"), when the draft carries our tags
    blocks: tuple[TextBlock, ...]
    number_block: int | None = None  # which of ``blocks`` is the "Article N" line
    signatures: bool = False  # the signature blocks after the final clause

    @property
    def label(self) -> str:
        """ "Article 5 (Programs)", in the draft's own word: "Artículo 5 (Programas)"."""
        if self.number is None:
            return self.title or "Preamble"
        named = f"{self._word()} {self.number}"
        return named + (f" ({self.title})" if self.title else "")

    def _word(self) -> str:
        heading = self.blocks[self.number_block].text if self.number_block is not None else ""
        match = ARTICLE_HEADING.match(heading.strip())
        return match.group(1).capitalize() if match else "Article"

    @property
    def first_block(self) -> TextBlock:
        return self.blocks[0]


def split_articles(blocks, language: str | None = None) -> list[Article]:
    blocks = list(blocks)
    numbered = any(_article_number(block) for block in blocks)
    body, signatures = _cut_signatures(blocks, language)
    groups: list[list[TextBlock]] = [[]]
    for block in body:
        starts = _article_number(block) if numbered else block.kind == HEADING
        if starts and groups[-1] and not _only_titles(groups[-1], numbered):
            groups.append([])
        groups[-1].append(block)
    if not groups[0]:
        groups.pop(0)
    articles = [_article(group, numbered) for group in groups]
    if signatures:
        articles.append(
            Article(0, None, SIGNATURES, _clause(signatures[0]), tuple(signatures), signatures=True)
        )
    return [replace(article, index=position) for position, article in enumerate(articles)]


def _cut_signatures(blocks: list[TextBlock], language: str | None):
    """The signature blocks are layout more than text: a Word table here, two columns of
    lines in the PDF. Cut them off so that their words are compared, not their layout."""
    starts = cue("signature_block", language)
    last_article = max((i for i, block in enumerate(blocks) if _article_number(block)), default=-1)
    for position in range(last_article + 1, len(blocks)):
        text = blocks[position].text.lstrip()
        if starts.match(text) or _SIGNATURE_LINE.match(text):
            return blocks[:position], blocks[position:]
    return blocks, []


def _only_titles(group: list[TextBlock], numbered: bool) -> bool:
    """Unnumbered drafts: a heading straight after a heading names the same section."""
    return not numbered and all(block.kind == HEADING for block in group)


def _article(group: list[TextBlock], numbered: bool) -> Article:
    head = group[0]
    number = _article_number(head) if numbered else None
    if number is None and (numbered or head.kind != HEADING):  # the preamble
        return Article(0, None, "", _clause(head), tuple(group))
    if number is None:  # unnumbered drafts: the headings are the title
        titles = [b.text for b in group if b.kind == HEADING][:2]
        return Article(0, None, " — ".join(titles), _clause(head), tuple(group))
    title = title_after_number(head.text)
    if not title and len(group) > 1 and group[1].kind == HEADING:
        title = group[1].text.strip()
    return Article(0, number, title, _clause(head), tuple(group), number_block=0)


def _article_number(block: TextBlock) -> str | None:
    if block.kind != HEADING:
        return None
    match = ARTICLE_HEADING.match(block.text.strip())
    return normalise_number(match.group(2)) if match else None


def title_after_number(text: str) -> str:
    match = ARTICLE_HEADING.match(text.strip())
    return text.strip()[match.end() :].strip(_TITLE_SEPARATORS) if match else ""


def _clause(block: TextBlock) -> str | None:
    return block.clause.split("@")[0] if block.clause else None


def normalise_number(text: str) -> str:
    token = text.casefold().rstrip(".")
    if token.isdigit():
        return str(int(token))
    if token in _FIRST:
        return "1"
    if token and all(ch in _ROMAN for ch in token):
        return str(_roman(token))
    return token


def _roman(token: str) -> int:
    values = [_ROMAN[ch] for ch in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@lru_cache(maxsize=1 << 16)  # alignment, substance and the block diff all ask
def words(text: str) -> tuple[str, ...]:
    """The words and signs of ``text`` in a form that ignores spacing and typography
    differences between readers (tabs, no-break spaces, curly vs straight quotes)."""
    folded = unicodedata.normalize("NFKC", text).replace("’", "'")
    return tuple(_WORD.findall(folded))


def substance(article: Article, renumber: dict[str, str] | None = None) -> tuple[str, ...]:
    """The article's words without its own number, cross-references mapped through
    ``renumber`` (old number -> new): equal substance means no change worth reporting."""
    if article.signatures:
        # Where a name sits (a cell, a column, a line of its own) is layout, and the lines
        # to sign on ("______") exist in Word and PDF only: the words are the substance.
        found = (w for block in article.blocks for w in words(block.text) if w.strip("_|"))
        return tuple(sorted(found))
    tokens: list[str] = []
    for position, block in enumerate(article.blocks):
        text = block.text
        if position == article.number_block:
            text = title_after_number(text)
        if renumber:
            text = CROSS_REFERENCE.sub(lambda m: _mapped(m, renumber), text)
        tokens += words(text)
    return tuple(tokens)


def _mapped(match: re.Match, renumber: dict[str, str]) -> str:
    number = normalise_number(match.group(2))
    return f"{match.group(1)} {renumber.get(number, number)}"
