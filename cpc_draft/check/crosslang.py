"""Figures that differ between the language versions of one draft.

Articles are paired by their number ("Article 8" / "Artículo 8" / "Article 8"), the text
before the first article as the preamble and the signature blocks as the signatures.
Within each pair the figures are compared as values of a kind, never as written:

- amounts of money as amount and currency ("US$5,000,000" = "5.000.000 USD", and
  "five million U.S. dollars" = "cinco millones de dólares");
- dates as dates ("26 April 2022" = "26 de abril de 2022");
- percentages, durations ("five years" = "cinco años" = "P5Y"), years, the articles a
  text refers to ("under Article 8"), and any other number, after removing formatting
  ("5,000,000" = "5.000.000" = "5 000 000");
- frequencies as periods ("every six months" = "chaque semestre" = "semestralmente"):
  never durations, and told apart only where both versions state one the other lacks,
  since a version may say "each year" where the other has no word we read.

An article present in one language only is reported too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from cpc_draft.model import TextBlock
from cpc_draft.text.articles import CROSS_REFERENCE, Article, normalise_number, split_articles
from cpc_draft.text.dates import find_date_spans
from cpc_draft.text.units import duration_words, frequency_words, percent_words

AMOUNT, DATE, PERCENTAGE, DURATION = "amount", "date", "percentage", "duration"
FREQUENCY = "frequency"
YEAR, CROSS_REF, NUMBER, MISSING_ARTICLE = "year", "cross_reference", "number", "article_missing"
_FIGURE = re.compile(
    # A figure stands on its own: the 1 of "SDG1" or "bravo1" is part of a name.
    r"(?<![\w.,])(?:\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)"
)
_YEAR = re.compile(r"^(19|20)\d{2}$")


@dataclass(frozen=True)
class Mismatch:
    kind: str
    article: str  # "8", "preamble", "signatures"
    values: dict[str, list[str]]  # language -> what only that language says
    block: int | None = None
    page: int | None = None

    def message(self) -> str:
        if self.kind == MISSING_ARTICLE:
            has = [language for language, values in self.values.items() if values]
            lacks = [language for language, values in self.values.items() if not values]
            return (
                f"article {self.article} is in the {', '.join(has)} text but not in the "
                f"{', '.join(lacks)} text"
            )
        sides = " and ".join(
            f"{language} ({', '.join(values) or '—'})" for language, values in self.values.items()
        )
        return f"article {self.article}: {self.kind.replace('_', ' ')} differs between {sides}"


@dataclass
class ArticleFigures:
    article: Article
    figures: dict[str, Counter] = field(default_factory=dict)  # kind -> values


def article_key(article: Article) -> str:
    if article.signatures:
        return "signatures"
    if article.number is None:
        return "preamble" if article.index == 0 else f"section {article.index}"
    return article.number


def language_mismatches(streams: dict[str, Sequence[TextBlock]]) -> list[Mismatch]:
    """Every figure that differs between the first language and each of the others."""
    languages = list(streams)
    if len(languages) < 2:
        return []
    figured = {language: _figures_by_article(streams[language], language) for language in languages}
    first = languages[0]
    found: list[Mismatch] = []
    for other in languages[1:]:
        found += _compare(first, figured[first], other, figured[other])
    return found


def _compare(first, mine: dict[str, ArticleFigures], other, theirs) -> list[Mismatch]:
    found: list[Mismatch] = []
    for key in sorted(set(mine) | set(theirs), key=_order):
        if key not in mine or key not in theirs:
            present = mine.get(key) or theirs[key]
            block = present.article.first_block
            values = {first: [key] if key in mine else [], other: [key] if key in theirs else []}
            found.append(Mismatch(MISSING_ARTICLE, key, values, block.index, block.page))
            continue
        a, b = mine[key], theirs[key]
        block = a.article.first_block
        for kind in _KINDS:
            left, right = a.figures.get(kind, Counter()), b.figures.get(kind, Counter())
            if kind == FREQUENCY and not (set(left) - set(right) and set(right) - set(left)):
                continue  # one version states a frequency in words we do not read
            if left != right:
                values = {
                    first: sorted((left - right).elements()),
                    other: sorted((right - left).elements()),
                }
                found.append(Mismatch(kind, key, values, block.index, block.page))
    return found


_KINDS = (AMOUNT, PERCENTAGE, DATE, FREQUENCY, DURATION, YEAR, CROSS_REF, NUMBER)


def _order(key: str):
    if key == "preamble":
        return (0, 0, key)
    if key == "signatures":
        return (3, 0, key)
    return (1, int(key), key) if key.isdigit() else (2, 0, key)


def _figures_by_article(blocks: Sequence[TextBlock], language: str) -> dict[str, ArticleFigures]:
    articles = split_articles(blocks, language)
    texts: list[tuple[str, str, bool]] = []  # (article key, text, is the "Article N" line)
    for article in articles:
        for position, block in enumerate(article.blocks):
            for text in block.cells or (block.text,):
                texts.append((article_key(article), text, position == article.number_block))
    money = _money_in([text for _, text, _ in texts], language)
    figured = {article_key(a): ArticleFigures(a) for a in articles}
    for (key, text, heading), amounts in zip(texts, money, strict=True):
        if heading:  # the article's own number is the pairing, not a figure
            continue
        for kind, value in figures_of(text, language, amounts):
            figured[key].figures.setdefault(kind, Counter())[value] += 1
    return figured


def _money_in(texts: list[str], language: str):
    from cpc_draft.nlp import find_money_in

    return find_money_in(texts, language)


def figures_of(text: str, language: str, amounts=()) -> list[tuple[str, str]]:
    """(kind, value) for every figure in ``text``; ``amounts`` are the Money found in it."""
    found: list[tuple[str, str]] = []
    taken = [False] * len(text)

    def take(start: int, end: int) -> None:
        for i in range(start, end):
            taken[i] = True

    for money in amounts:  # figures when a text gives words and figures both
        found.append((AMOUNT, f"{money.currency} {_plain(money.amount)}"))
        take(money.start, money.end)
    for start, end, day in find_date_spans(text, language):
        found.append((DATE, day.isoformat()))
        take(start, end)
    for match in _percent(language).finditer(text):
        if not any(taken[match.start() : match.end()]):
            found.append((PERCENTAGE, f"{_plain(_decimal(match.group(1)))}%"))
            take(match.start(), match.end())
    for match in CROSS_REFERENCE.finditer(text):
        if not any(taken[match.start() : match.end()]):
            found.append((CROSS_REF, f"Article {normalise_number(match.group(2))}"))
            take(match.start(), match.end())
    for start, end, period in _frequencies(text, language):
        if not any(taken[start:end]):
            found.append((FREQUENCY, period))
            take(start, end)
    for match in _duration(language).finditer(text):
        if not any(taken[match.start() : match.end()]):
            amount = _number_value(match.group(1), language)
            if amount is None:
                continue
            take(match.start(), match.end())
            # "d'une année", "un año" are also "a year": one unit written in words is an
            # article as often as a number, and English "a year" counts as none.
            if amount != 1 or match.group(1).isdigit():
                found.append((DURATION, f"P{_plain(amount)}{_unit(language, match.group(2))}"))
    for match in _FIGURE.finditer(text):
        if any(taken[match.start() : match.end()]):
            continue
        digits = re.sub(r"\D", "", match.group())
        found.append((YEAR if _YEAR.match(match.group()) else NUMBER, digits.lstrip("0") or "0"))
    return found


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


@cache
def _percent(language: str) -> re.Pattern:
    words = percent_words(language)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(\d+(?:[.,]\d+)?)\s*(?:{alternation})(?!\w)", re.IGNORECASE)


@cache
def _duration(language: str) -> re.Pattern:
    words = sorted(duration_words(language), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    # "five (5) years", "5 años", "cinq ans": a number, an optional figure in brackets.
    return re.compile(
        rf"\b(\d+|[^\W\d_]+(?:-[^\W\d_]+)*)(?:\s*\(\d+\))?[\s-]+({alternation})\b", re.IGNORECASE
    )


def _frequencies(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, "P6M") of each frequency: "every six months", "each quarter",
    "semestralmente", "tous les deux ans". A count that is no number ("every other
    year") makes no frequency we can compare."""
    table = frequency_words(language)
    found = []
    for match in _frequency(language).finditer(text):
        if match.group("word"):
            found.append((match.start(), match.end(), table["words"][_fold(match.group())]))
            continue
        unit, count = _fold(match.group("unit")), match.group("count")
        amount = _number_value(count, language) if count else Decimal(1)
        if amount is None or (count and unit in table["periods"]):
            continue
        period = table["periods"].get(unit) or f"P{_plain(amount)}{_unit(language, unit)}"
        found.append((match.start(), match.end(), period))
    return found


@cache
def _frequency(language: str) -> re.Pattern:
    table = frequency_words(language)

    def alternation(words) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)

    units = alternation([*duration_words(language), *table["periods"]])
    return re.compile(
        rf"(?<!\w)(?:(?P<word>{alternation(table['words'])})"
        rf"|(?:{alternation(table['every'])})\s+"
        rf"(?:(?P<count>\d+|[^\W\d_]+(?:-[^\W\d_]+)*)(?:\s*\(\d+\))?\s+)?"
        rf"(?P<unit>{units}))(?!\w)",
        re.IGNORECASE,
    )


def _fold(words: str) -> str:
    return " ".join(words.casefold().split())


def _unit(language: str, word: str) -> str:
    return duration_words(language).get(word.casefold(), "Y")


def _number_value(token: str, language: str) -> Decimal | None:
    if token.isdigit():
        return Decimal(token)
    from cpc_draft.nlp.lexicon import lexicon

    return lexicon(language).number_word(token.casefold())
