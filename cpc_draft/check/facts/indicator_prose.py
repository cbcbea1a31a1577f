"""Indicators written in sentences and lists.

One block may hold one indicator ("Indicator 1: the number of …, from a baseline of 36,
with targets of …", "(1) Number of … Baseline: 64. Target 2029: 90.", "• Cases in court:
… 2025: 6. Aim: 8 in 2026 …"), an enumeration of them ("(i) the number of …; (ii) the
percentage of …") or a list in one sentence ("measured by the number of X, the number of
Y and the number of Z"). Each piece is read for its baseline and targets
(:mod:`cpc_draft.check.facts.indicator_values`); its name is what comes before them.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from cpc_draft.check.facts.indicator_values import YEAR, read_binary, read_values
from cpc_draft.check.facts.indicator_words import in_figures
from cpc_draft.model import HEADING, TABLE_ROW, Indicator, TextBlock
from cpc_draft.text.cues import cue, has

# "(i) … (ii) …", "(1) … (2) …", "(a) … (b) …" inside one paragraph.
_INLINE = re.compile(r"(?:^|(?<=[\s:;,]))\((?P<label>[ivx]{1,5}|\d{1,2}|[a-h])\)\s", re.IGNORECASE)
_LABEL = re.compile(
    # Bullets include the private-use glyphs of Symbol and Wingdings fonts in PDFs.
    r"^\s*(?:\(?(?P<label>\d{1,2}[a-z]?|[ivx]{1,5}|[a-h])[.)]|[•\-–*·▪\ue000-\uf8ff])\s+",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")
# A short title before a colon, then the indicator: "Safe place within 24 hours: the share …"
_TITLE = re.compile(r"^\s*[^\s.;:][^.;:]{0,60}:\s*(?:\w{1,3}\s+)?$")
_YEAR = re.compile(YEAR)
_FIGURE = re.compile(r"\d")
_TRAILING_UNIT = re.compile(r"\s*\(([^()]{1,40})\)\s*$")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv")


@cache
def _numbered(language: str) -> re.Pattern:
    """ "Indicator 1:", "Indicador 1.", "Indicateur 3 –"."""
    word = cue("indicator_word", language).pattern
    return re.compile(rf"^\s*(?:{word})\s+(?P<label>\d{{1,2}}[a-z]?)\s*[:.\-–—]\s*")


@cache
def _comma_joiner(language: str) -> re.Pattern:
    return re.compile(rf"[,;]\s*(?:{cue('clause_joiner', language).pattern})")


@cache
def _that_clause(language: str) -> re.Pattern:
    """What opens a name stated as a clause: a run-in title and "que" / "that", or a
    joiner left from the clause before ("y que", "and that")."""
    that = cue("that_clause", language).pattern
    joiner = cue("clause_joiner", language).pattern
    return re.compile(rf"^(?:[^:]{{1,40}}:\s*)?[,;]?\s*(?:{joiner}|{that})\s+")


@cache
def _joiner(language: str) -> re.Pattern:
    """What joins a name to its figures or to the next indicator: "…, from", "… with",
    ", and the", "… se espera que" (dropped from the name)."""
    words = cue("name_joiner", language).pattern
    trailer = cue("name_trailer", language).pattern  # "… is expected to" (rise from)
    return re.compile(rf"(?:[\s,;:.(]+|{words}|{trailer})+$")


def declared_baseline_year(blocks, language: str) -> str | None:
    """ "with 2025 as the baseline year", "Baselines refer to 2025", "(année de référence :
    2025)": the one year of a sentence about baselines that states no value."""
    for block in blocks:
        if block.kind == TABLE_ROW or not has("baseline", language, block.text):
            continue
        for sentence in _SENTENCE.split(block.text):
            years = set(_YEAR.findall(sentence))
            figures = _FIGURE.findall(_YEAR.sub(" ", sentence))
            if len(years) == 1 and not figures and has("baseline", language, sentence):
                return years.pop()
    return None


def prose_indicators(
    blocks, language: str, baseline_year: str | None, scoped: bool
) -> list[Indicator]:
    """``scoped``: the blocks are a section on indicators, where every "number of …"
    is one; elsewhere a piece needs a word on measuring nearby, or its own figures."""
    found: list[Indicator] = []
    context = False
    for block in _mended(blocks, language):
        if block.kind == HEADING:
            context = False
            continue
        here = has("indicator_context", language, block.text)
        for label, named, piece in _pieces(block.text, language):
            reading = _read_values(piece, language, baseline_year)
            if not (reading.baseline or reading.targets):
                reading = read_binary(piece, language) or reading
            indicator = _indicator(block, label, piece, reading, language)
            if indicator is None:
                continue
            cue_word = has("indicator", language, piece)
            if (
                named  # "Indicator 6: whether …": the draft says it is one
                or (cue_word and (scoped or here or context))
                or (reading.cued and (label or cue_word))
                # under "measured with the following indicators:", a baseline and a
                # target make an item an indicator, whatever its name begins with
                or ((scoped or context) and reading.baseline and reading.targets)
                or _sentence_of_change(piece, reading, language)
            ):
                found.append(indicator)
        # A list's lead-in ("measured by the following indicators:") speaks for its items.
        context = here or (context and _listed(block.text, language))
    return found


def _read_values(piece: str, language: str, baseline_year: str | None):
    """The piece's baseline and targets, its numbers in words read as figures ("rising
    from nine in 2025 to thirty in 2030"); where its figures start, in its own words."""
    rewritten = in_figures(piece, language)
    reading = read_values(rewritten.text, language, baseline_year)
    if reading.start is None or not rewritten.spans:
        return reading
    return reading._replace(start=rewritten.original(reading.start))


def _sentence_of_change(piece: str, reading, language: str) -> bool:
    """ "que las provincias con mesa local pasen de 3 en 2025 a 10 en 2029": a verb of
    change from a dated baseline to a dated target measures something, whatever its name
    begins with, unless what changes is money."""
    if not (reading.cued and reading.baseline and reading.baseline_year and reading.targets):
        return False
    if not all(year for year, _ in reading.targets):
        return False
    from cpc_draft.nlp.money import find_money

    return not find_money(piece, language)


def _mended(blocks, language: str) -> list[TextBlock]:
    """The text blocks, each joined with the next where a line break of the file cut a
    value from its cue ("… Target 2029:" | "90. Target 2032: 120."): a PDF line read as
    a new list item."""
    dangling = _dangling(language)
    out: list[TextBlock] = []
    for block in blocks:
        if block.kind == TABLE_ROW:
            continue
        if out and out[-1].kind != HEADING and dangling.search(out[-1].text):
            out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text} {block.text}")
        else:
            out.append(block)
    return out


@cache
def _dangling(language: str) -> re.Pattern:
    cues = "|".join(cue(group, language).pattern for group in ("target", "baseline"))
    return re.compile(rf"(?:{cues})(?:\s*\(?{YEAR}\)?)?\s*:\s*$")


def _listed(text: str, language: str) -> bool:
    """A list item or a numbered indicator ("Indicator 4: …")."""
    return bool(_LABEL.match(text) or _numbered(language).match(text))


def _pieces(text: str, language: str) -> list[tuple[str | None, bool, str]]:
    """(label, named "Indicator N", text) of each indicator a block may hold."""
    inline = _enumeration(text)
    if inline:
        return [(label, False, piece) for label, piece in inline]
    named = _numbered(language).match(text)
    numbered = named or _LABEL.match(text)
    if numbered:
        return [(numbered.group("label"), bool(named), text[numbered.end() :])]
    starts = [m.start() for m in cue("indicator", language).finditer(text)]
    if not starts:
        return [(None, False, text)]
    if _TITLE.match(text[: starts[0]]):  # "Cases in court: the number of …"
        starts[0] = 0
    ends = [*starts[1:], len(text)]
    pieces = [text[at:end] for at, end in zip(starts, ends, strict=True)]
    return [(None, False, clause) for piece in pieces for clause in _clauses(piece, language)]


def _clauses(piece: str, language: str) -> list[str]:
    """ "que el número de casos pase de 18 … a 40 en 2029, y que las sentencias pasen de
    4 … a 12 en 2029": two indicators, one a clause, where each clause has its figures."""
    parts, at = [], 0
    for joiner in _comma_joiner(language).finditer(piece):
        before, after = piece[at : joiner.start()], piece[joiner.end() :]
        if any(c.isdigit() for c in before) and any(c.isdigit() for c in after):
            parts.append(before)
            at = joiner.start()
    return [*parts, piece[at:]]


def _enumeration(text: str) -> list[tuple[str, str]]:
    """ "(i) … (ii) … (iii) …" in one paragraph: labels in sequence, two at least."""
    labels = list(_INLINE.finditer(text))
    chosen: list[re.Match] = []
    for match in labels:
        if _follows(chosen[-1].group("label") if chosen else None, match.group("label")):
            chosen.append(match)
    if len(chosen) < 2:
        return []
    ends = [m.start() for m in chosen[1:]] + [len(text)]
    return [(m.group("label"), text[m.end() : end]) for m, end in zip(chosen, ends, strict=True)]


def _follows(previous: str | None, label: str) -> bool:
    label = label.lower()
    if previous is None:
        return label in ("i", "1", "a")
    previous = previous.lower()
    if previous.isdigit():
        return label.isdigit() and int(label) == int(previous) + 1
    if previous in _ROMAN and label in _ROMAN and _ROMAN.index(label) == _ROMAN.index(previous) + 1:
        return True
    return len(previous) == 1 and len(label) == 1 and ord(label) == ord(previous) + 1


def _first_sentence(piece: str) -> str:
    """A name with no figures after it ends with its sentence: "… the number of
    inspections made. Their targets will be set later." names "the number of
    inspections made"."""
    end = _NAME_END.search(piece)
    return piece[: end.start()] if end else piece


_NAME_END = re.compile(r"(?<=[a-zà-ÿ\d)])\.\s+(?=[A-ZÀ-Ý])")  # not "the U.S. Embassy"


def _indicator(block: TextBlock, label, piece: str, reading, language: str) -> Indicator | None:
    head = piece[: reading.start] if reading.start is not None else _first_sentence(piece)
    name = _joiner(language).sub("", head.strip()).strip(" ,;:.")
    name = _that_clause(language).sub("", name)  # "Meta del eje: que las provincias …"
    if not name:
        return None
    targets = reading.targets
    unit = _TRAILING_UNIT.search(name)
    return Indicator(
        piece.strip(" ,;.") if reading.start is not None else name,
        unit.group(1) if unit else None,
        reading.baseline,
        tuple(value for _, value in targets),
        block.index,
        block.page,
        name=name,
        label=label,
        baseline_year=reading.baseline_year,
        target_years=tuple(year for year, _ in targets),
        placeholders=reading.placeholders,
        starred="(*)" in piece or name.endswith("*"),
    )
