"""A language stream cut into articles: the units that `compare` aligns.

An article starts at a heading that numbers the draft's articles, whatever the draft
calls them ("Article 5", "CLÁUSULA QUINTA.-", "Section 5.", "PARAGRAPH 5 —", "Clause
2.1"; text/structure.py reads the labels), with the heading that names it when the title
is a heading of its own. Where a draft has several labelled levels (PART / Clause, TITRE /
Chapitre / Article) the deepest numbered one is the article; headings of the larger
divisions and annexes start articles of their own, unnumbered. A draft without numbered
headings is cut at every heading. What comes before the first article is the preamble.
The cut is the same for Word, PDF and text readings of one draft, so a PDF reply lines up
with our .docx.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from cpc_draft.model import HEADING, TextBlock
from cpc_draft.text.cues import cue
from cpc_draft.text.structure import NUMBERED, HeadingLabel, heading_label, unit_name
from cpc_draft.text.structure import normalise_number as _normalise_label_number

SIGNATURES = "Signatures"
_SIGNATURE_LINE = re.compile(r"^_{5,}")
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
    word: str = "Article"  # what the draft calls its articles: "Artículo", "Cláusula"

    @property
    def label(self) -> str:
        """ "Article 5 (Programs)", in the draft's own word: "Artículo 5 (Programas)"."""
        if self.number is None:
            return self.title or "Preamble"
        named = f"{self.word} {self.number}"
        return named + (f" ({self.title})" if self.title else "")

    @property
    def first_block(self) -> TextBlock:
        return self.blocks[0]


def split_articles(blocks, language: str | None = None) -> list[Article]:
    blocks = list(blocks)
    unit = article_unit(blocks)
    numbered = unit is not None
    depth = _numbered_depth(blocks) if unit == NUMBERED else None
    body, signatures = _cut_signatures(blocks, language, unit)
    groups: list[list[TextBlock]] = [[]]
    for block in body:
        starts = _starts_article(block, unit, depth)
        if starts and groups[-1] and not _only_titles(groups[-1], numbered):
            groups.append([])
        groups[-1].append(block)
    if not groups[0]:
        groups.pop(0)
    articles = [_article(group, unit, language) for group in groups]
    if signatures:
        articles.append(
            Article(0, None, SIGNATURES, _clause(signatures[0]), tuple(signatures), signatures=True)
        )
    return [replace(article, index=position) for position, article in enumerate(articles)]


def article_unit(blocks) -> str | None:
    """The unit a draft numbers its articles in: of the labelled headings that occur at
    least twice, the deepest level's ("clause" under "part"; "article" under "titre" and
    "chapitre"); numbered titles ("3. Programs") where nothing else is labelled."""
    counts: dict[tuple[int, str], int] = {}
    for block in blocks:
        label = _label(block)
        if label is not None and label.unit != "annex":
            key = (0 if label.unit == NUMBERED else label.level, label.unit)
            counts[key] = counts.get(key, 0) + 1
    repeated = [key for key, count in counts.items() if count >= 2]
    return max(repeated)[1] if repeated else None


def _numbered_depth(blocks) -> int | None:
    """How deep the numbers of a draft's articles go where its titles are numbered
    without a unit word: "5. PROGRAMMES" is an article and "5.1 Programme 1 – …" a
    heading inside it. The shallowest depth that numbers two titles or more."""
    counts: dict[int, int] = {}
    for block in blocks:
        label = _label(block)
        if label is not None and label.unit == NUMBERED:
            depth = label.number.count(".")
            counts[depth] = counts.get(depth, 0) + 1
    repeated = [depth for depth, count in counts.items() if count >= 2]
    return min(repeated) if repeated else None


def _label(block: TextBlock) -> HeadingLabel | None:
    return heading_label(block.text) if block.kind == HEADING else None


def _starts_article(block: TextBlock, unit: str | None, depth: int | None = None) -> bool:
    if block.kind != HEADING:
        return False
    if unit is None:
        return True
    label = _label(block)
    if label is None:
        return False
    if label.unit == NUMBERED == unit and depth is not None:
        return label.number.count(".") == depth  # "5.1 Programme 1" stays in article 5
    # A larger division (PART TWO) or an annex opens an unnumbered article of its own.
    return label.unit == unit or label.unit != NUMBERED


def _cut_signatures(blocks: list[TextBlock], language: str | None, unit: str | None):
    """The signature blocks are layout more than text: a Word table here, two columns of
    lines in the PDF. Cut them off so that their words are compared, not their layout.
    Annexes after the signatures are articles again."""
    starts = cue("signature_block", language)
    last_article = max(
        (i for i, block in enumerate(blocks) if _article_number(block, unit)), default=-1
    )
    for position in range(last_article + 1, len(blocks)):
        text = blocks[position].text.lstrip()
        if starts.match(text) or _SIGNATURE_LINE.match(text):
            end = next(
                (
                    later
                    for later in range(position + 1, len(blocks))
                    if (label := _label(blocks[later])) is not None and label.unit == "annex"
                ),
                len(blocks),
            )
            return blocks[:position] + blocks[end:], blocks[position:end]
    return blocks, []


def _only_titles(group: list[TextBlock], numbered: bool) -> bool:
    """Unnumbered drafts: a heading straight after a heading names the same section."""
    return not numbered and all(block.kind == HEADING for block in group)


def _article(group: list[TextBlock], unit: str | None, language: str | None) -> Article:
    head = group[0]
    number = _article_number(head, unit)
    if number is None and head.kind != HEADING:  # the preamble
        return Article(0, None, "", _clause(head), tuple(group))
    if number is None:  # an unnumbered draft's section, a PART, an annex: named by headings
        titles = [b.text for b in group if b.kind == HEADING][:2]
        return Article(0, None, " — ".join(titles), _clause(head), tuple(group))
    title = title_after_number(head.text)
    if not title and len(group) > 1 and group[1].kind == HEADING:
        title = group[1].text.strip()
    # A numbered title ("3. Programs") has no unit word of its own: call it an article;
    # a clause numbered by an ordinal word alone ("SEGUNDO.-") a clause, in its language.
    label = _label(head)
    word = label.word.capitalize() or unit_name(label.unit, language) or "Article"
    return Article(0, number, title, _clause(head), tuple(group), number_block=0, word=word)


def _article_number(block: TextBlock, unit: str | None) -> str | None:
    label = _label(block) if unit is not None else None
    return label.number if label is not None and label.unit == unit else None


def title_after_number(text: str) -> str:
    label = heading_label(text)
    return label.title.strip(_TITLE_SEPARATORS) if label is not None else ""


def _clause(block: TextBlock) -> str | None:
    return block.clause.split("@")[0] if block.clause else None


def normalise_number(text: str) -> str:
    """ "V" -> "5", "premier" -> "1": how a cross-reference names an article."""
    return _normalise_label_number(text).casefold()


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
        elif article.number is not None:
            text = _own_paragraph_number(text, article.number)
        if renumber:
            text = CROSS_REFERENCE.sub(lambda m: _mapped(m, renumber), text)
        tokens += words(text)
    return tuple(tokens)


def _own_paragraph_number(text: str, number: str) -> str:
    """ "12.1 The Government …" in Clause 12 reads "#.1 The Government …": a paragraph's
    number follows its article's, and Word renumbers both when a clause moves."""
    if text.startswith(number + ".") and text[len(number) + 1 : len(number) + 2].isdigit():
        return "#" + text[len(number) :]
    return text


def _mapped(match: re.Match, renumber: dict[str, str]) -> str:
    number = normalise_number(match.group(2))
    return f"{match.group(1)} {renumber.get(number, number)}"
