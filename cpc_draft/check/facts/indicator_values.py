"""Baselines, targets and their years in the words of one indicator.

"from 31 in 2025 to 60 in 2030", "Baseline: 64. Target 2029: 90", "a baseline of 36, with
targets of 42 in 2026 and 48 in 2027", "2025: 40%. Aim: 55% in 2026", "annual targets of
35, 50, 60 and 70 percent for 2026 to 2029", "Línea de base: 20 %. Meta 2028: 35 %", a
table cell "90 (2029)". A year is never a value, and what a draft writes where a value
should be ("to be determined", "por definir", "XX") is a placeholder, never a value.

The text is read as a run of tokens (figures, years, cue words from data/cues.yaml) whose
roles come from what stands before them: a cue word counts only when a value follows it
closely, so "target districts" or "Baselines refer to …" set no role.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from cpc_draft.text.cues import cue

BASELINE, TARGET = "baseline", "target"
YEAR = r"(?:19|20)\d{2}"
_FIGURE = r"\d{1,3}(?:[,.\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# What may stand between a cue word and its value: "Target 2029: 90", "baseline of 36".
_CUE_GAP = re.compile(r"[\s:=()\-–]*(?:\w{1,3}[\s:]+)?[\s:=(]*", re.IGNORECASE)
_LABEL_GAP = re.compile(r"\s*\)?\s*[:=\-–—]?\s*")  # "2025: 40", "(2025) 40", "2029 : 90"
_VALUES = ("num", "zero", "yes", "no")
_SPACED_FIGURE = re.compile(r"\d[\d.,]*(?:\s+[\d.,]*\d)+(?:\s?%)?")


class Figure(NamedTuple):
    value: str  # "35%", "1,500", "0", "yes"
    year: str | None
    role: str | None  # baseline | target | None (the text does not say)
    start: int


class Reading(NamedTuple):
    """What one indicator's words state. ``start`` is where its figures begin (its name
    ends there); ``targets`` are (year or None, value), by year where all have one."""

    baseline: str | None
    baseline_year: str | None
    targets: tuple[tuple[str | None, str], ...]
    placeholders: tuple[str, ...]
    start: int | None
    cued: bool  # a baseline or target word, or a year label ("2025: 40"), stated a value


@cache
def _tokens(language: str) -> re.Pattern:
    def group(name: str) -> str:
        return cue(name, language).pattern

    percent = rf"(?:\s?%|\s(?:{group('percent')}))"
    span = rf"(?:\s*[-–]\s*|\s+(?:{group('year_span')})\s+)"
    return re.compile(
        "|".join(
            (
                rf"(?P<range>(?<![\d.,]){YEAR}{span}{YEAR}(?!\d))",
                # before placeholders: "increase from 35%" is a change, not a target
                rf"(?P<from>{group('value_from')})",
                rf"(?P<placeholder>{group('placeholder')})",
                rf"(?P<year>(?<![\d.,]){YEAR}(?![\d%]|[.,]\d|{percent}))",
                # "Year 2 (FY2027)", "Año 3": a year of the term, never a value
                rf"(?P<term>(?<!\w)(?:{group('term_year')})\s?\d{{1,2}}(?![\d%.,]\d|\d)"
                rf"(?:\s*\(\s*(?:FY|AF|EF)?\s?{YEAR}\s*\))?)",
                rf"(?P<num>(?<![\w.,]){_FIGURE}{percent}?(?![\w]))",
                rf"(?P<zero>{group('zero')})",
                rf"(?P<yes>{group('yes')})",
                rf"(?P<no>{group('no')})",
                rf"(?P<base>{group('baseline')})",
                rf"(?P<target>{group('target')})",
                rf"(?P<to>{group('value_to')})",
            )
        )
    )


@cache
def _qualifiers(language: str) -> re.Pattern:
    """Words between a cue and its value: "meta intermedia de 50", "final target of 90"."""
    words = cue("value_qualifier", language).pattern
    return re.compile(rf"\s*(?:(?:{words})[\s:]+){{0,3}}")


@cache
def _year_link(language: str) -> re.Pattern:
    """Between a value and its year: "60 in 2030", "41 (2025)", "9 in Year 2 (FY2027)",
    "15 a year by end-2029", "80 % a finales de 2029"."""
    words, ends = cue("year_link", language).pattern, cue("year_end", language).pattern
    rate = cue("per_year", language).pattern
    return re.compile(
        rf"\s*(?:(?:{rate})\s*)?(?:\((?:FY|AF|EF)?\s?|,?\s*(?:{words})(?:\s+(?:{ends}))?[\s-]+)\s*"
    )


@cache
def _deadline(language: str) -> re.Pattern:
    """What ends the words before a deadline year: "… officials by end-", "… para "."""
    words, ends = cue("target_by", language).pattern, cue("year_end", language).pattern
    return re.compile(rf"(?<!\w)(?:{words})(?:\s+(?:{ends}))?[\s-]+$")


@cache
def _leading_count(language: str) -> re.Pattern:
    """The words before a count that opens an item: "train 900 …", "capacitar a 900 …",
    "former 900 …" (one verb, a preposition at most)."""
    joiner = cue("count_joiner", language).pattern
    return re.compile(rf"^\W*(?:(?:{joiner})\s+)?[^\W\d_]+(?:\s+(?:{joiner}))?\s+$")


class _Scan(NamedTuple):
    figures: list[Figure]
    placeholders: list[tuple[int, str]]  # (position, phrase)
    roles: set[str]  # the roles cue words gave
    marks: list[int]  # where a cue word or a year label stands: the name ends before
    cued: bool  # a baseline or target word, or a year label, stated a value
    open_year: str | None = None  # "a baseline to be established in 2025": its year


def read_values(text: str, language: str, baseline_year: str | None = None) -> Reading:
    """The baseline and targets stated in ``text`` (one indicator's words or one cell)."""
    scan = _scan(_meaningful(list(_tokens(language).finditer(text))), language)
    baseline = _baseline(scan.figures, baseline_year, TARGET in scan.roles)
    targets = [
        f
        for f in scan.figures
        if f is not baseline
        and (f.role == TARGET or f.year is not None or TARGET in scan.roles)
        and f.role != BASELINE
    ]
    if targets and all(f.year for f in targets):
        targets.sort(key=lambda f: f.year)
    starts = [f.start for f in scan.figures] + [at for at, _ in scan.placeholders] + scan.marks
    return Reading(
        baseline.value if baseline else None,
        (baseline.year if baseline else scan.open_year) or baseline_year,
        tuple((f.year, f.value) for f in targets),
        tuple(phrase for _, phrase in scan.placeholders),
        min(starts, default=None),
        scan.cued,
    )


def _baseline(figures: list[Figure], baseline_year: str | None, has_target_cue: bool):
    said = next((f for f in figures if f.role == BASELINE), None)
    if said or not figures:
        return said
    if baseline_year:
        same = next((f for f in figures if f.year == baseline_year and f.role is None), None)
        if same:
            return same
    # "2025: 40%. Aim: 55% in 2026": what comes before the targets is where one starts;
    # "train 900 officials by 2029 (0 in 2024)": so does the earliest year after them.
    first = next((f for f in figures if f.role is None), figures[0])
    later = [f.year for f in figures if f.year and f is not first]
    starts = first.role is None and (has_target_cue or first.year) and len(figures) > 1
    if starts and (first.year is None or all(first.year < year for year in later)):
        return first
    return None


def _scan(tokens: list[re.Match], language: str) -> _Scan:
    """Figures with their years and roles, read left to right: a cue word gives the role
    of what follows (a baseline cue, of one value only), a year label the year. A count
    that opens the text ("train 900 officials by 2029") is the target of its deadline."""
    link = _year_link(language)
    out = _Scan([], [], set(), [], False)
    role, once, label_year, waiting, cued = None, False, None, False, False
    open_year = None
    leading: re.Match | None = None
    skip = set()
    for i, token in enumerate(tokens):
        if i in skip:
            continue
        kind, after = token.lastgroup, _next(tokens, i)
        gap = _gap(token, after)
        if kind in ("base", "target", "from", "to"):
            if kind in ("base", "target") and _joined(tokens, i, language):
                skip.add(i + 1)  # "meta de 40", "cible de 14": "de" joins cue and value
                after = tokens[i + 2]
                gap = token.string[token.end() : after.start()]
            if not _cue_applies(kind, after, gap, waiting, language):
                continue
            role = BASELINE if kind in ("base", "from") else TARGET
            once, waiting = kind in ("base", "from"), kind == "from"
            out.roles.add(role)
            out.marks.append(token.start())
            # "pase de 18 en 2025 a 40", "rise from": a verb of change states a value too
            cued = cued or kind in ("base", "target") or (kind == "from" and " " in token.group())
        elif kind == "placeholder":
            if role or label_year or len(tokens) == 1:
                out.placeholders.append((token.start(), token.group()))
                label_year = None
            if once:  # "from a baseline to be established (in 2025) to 75% (2029)":
                # the placeholder is the baseline, and the next figure is a target
                role, once, waiting = None, False, True
                year = _open_year(tokens, i, link)
                if year:
                    open_year = year
                    skip.add(i + 1)
        elif kind in ("year", "term"):
            labels = after is not None and after.lastgroup in (*_VALUES, "placeholder")
            if labels and _LABEL_GAP.fullmatch(gap) and _year_of(token):
                label_year, cued = _year_of(token), True
                out.marks.append(token.start())
            elif leading is not None and kind == "year":
                deadline = _deadline(language).search(token.string[leading.end() : token.start()])
                if deadline:
                    at = leading.end() + deadline.start()
                    out.figures.append(Figure(_value(leading, "num"), token.group(), TARGET, at))
                    out.marks.append(at)
                    leading = None
        elif kind == "range":
            _spread(out.figures, token.group())
        elif kind in _VALUES:
            if kind in ("yes", "no") and not (role or label_year) and len(tokens) > 1:
                continue
            year, said = label_year, role
            if after is not None and after.lastgroup in ("year", "term") and link.fullmatch(gap):
                year = _year_of(after) or year
                skip.add(i + 1)
            elif year is None and (named := _named_after(tokens, i, link)):
                said, year = named  # "120 como meta para 2027"
                skip.update((i + 1, i + 2))
            if not (said or year) and not _alone(tokens):
                opening = token.string[: token.start()]
                if kind == "num" and not out.figures and _leading_count(language).match(opening):
                    leading = token
                continue  # a figure of the name: "within 72 hours"
            out.figures.append(Figure(_value(token, kind), year, said, token.start()))
            label_year = None
            if once:
                role, once = None, False
    return out._replace(cued=cued, open_year=open_year)


# "120 as the target for 2027", "120 como meta para 2027", "120 comme cible pour 2027"
_AS = re.compile(r"\s+(?:\w{1,6}\s+){1,2}")


def _named_after(tokens: list[re.Match], i: int, link: re.Pattern) -> tuple[str, str] | None:
    """(role, year) of a figure whose role and year follow it: "120 as the target for
    2027"."""
    word, year = _next(tokens, i), _next(tokens, i + 1)
    if word is None or year is None or word.lastgroup not in ("base", "target"):
        return None
    if year.lastgroup != "year" or not _AS.fullmatch(_gap(tokens[i], word)):
        return None
    if not link.fullmatch(_gap(word, year)):
        return None
    return (BASELINE if word.lastgroup == "base" else TARGET), year.group()


def _joined(tokens: list[re.Match], i: int, language: str) -> bool:
    """A cue word whose value follows a "from" word ("meta de 40", "cible intermédiaire
    de 50"): the word is "of"."""
    joiner, value = _next(tokens, i), _next(tokens, i + 1)
    return (
        joiner is not None
        and joiner.lastgroup == "from"
        and _qualifiers(language).fullmatch(_gap(tokens[i], joiner)) is not None
        and value is not None
        and value.lastgroup in _VALUES
        and len(_gap(joiner, value)) <= 2
    )


def _open_year(tokens: list[re.Match], i: int, link: re.Pattern) -> str | None:
    """The year just after a placeholder baseline: "to be determined in 2025"."""
    after = _next(tokens, i)
    if after is not None and after.lastgroup == "year" and link.fullmatch(_gap(tokens[i], after)):
        return after.group()
    return None


def _year_of(token: re.Match) -> str | None:
    """The calendar year a year token, or a year of the term ("Year 2 (FY2027)"), names."""
    found = re.search(YEAR + r"(?=\s*\)?$)", token.group())
    if token.lastgroup == "term":
        return found.group() if found and "(" in token.group() else None
    return found.group() if found else None


def _meaningful(tokens: list[re.Match]) -> list[re.Match]:
    """The tokens without the "from"/"to" words no figure follows at once: those set no
    role, and left in they would stand between a value and its year ("6 al año (2024)",
    "15 par an d'ici 2029")."""
    return [
        token
        for i, token in enumerate(tokens)
        if token.lastgroup not in ("from", "to")
        or ((after := _next(tokens, i)) is not None and after.lastgroup in ("num", "zero"))
    ]


def _next(tokens: list[re.Match], i: int) -> re.Match | None:
    return tokens[i + 1] if i + 1 < len(tokens) else None


def _gap(token: re.Match, after: re.Match | None) -> str:
    return token.string[token.end() : after.start()] if after is not None else ""


def _cue_applies(kind: str, after: re.Match | None, gap: str, waiting: bool, language: str) -> bool:
    """A cue word sets a role only when a value (or, for a label, its year) follows it
    closely; "from"/"to" only when a figure follows at once, "to" only after "from"."""
    if after is None:
        return False
    if kind in ("from", "to"):
        ready = after.lastgroup in ("num", "zero") and len(gap) <= 2
        return ready and (kind == "from" or waiting)
    follows = after.lastgroup in (*_VALUES, "year", "placeholder", "base", "target")
    close = len(gap) <= 14 and _CUE_GAP.fullmatch(gap) is not None
    qualified = len(gap) <= 30 and _qualifiers(language).fullmatch(gap) is not None
    return follows and (close or qualified)


def _alone(tokens: list[re.Match]) -> bool:
    """A table cell holding one figure: the column says what it is."""
    return len(tokens) == 1 or (len(tokens) == 2 and tokens[1].lastgroup == "year")


def _value(token: re.Match, kind: str) -> str:
    if kind == "zero":
        return "0"
    if kind in ("yes", "no"):
        return kind
    text = token.group()
    figure = re.match(_FIGURE, text).group()
    return figure + "%" if len(figure) < len(text) else figure


def _spread(figures: list[Figure], span: str) -> None:
    """ "35, 50, 60 and 70 percent for 2026 to 2029": the figures without a year just
    before the span take its years in order, when there are as many of each."""
    first, last = (int(y) for y in re.findall(YEAR, span))
    years = [str(y) for y in range(first, last + 1)]
    bare = []
    for figure in reversed(figures):
        if figure.year is not None:
            break
        bare.insert(0, figure)
    if len(bare) != len(years) or len(bare) < 2:
        return
    percent = bare[-1].value.endswith("%")
    del figures[len(figures) - len(bare) :]
    for figure, year in zip(bare, years, strict=True):
        value = figure.value + ("%" if percent and not figure.value.endswith("%") else "")
        figures.append(figure._replace(year=year, value=value))


class Cell(NamedTuple):
    value: str | None
    year: str | None  # "90 (2029)"
    placeholder: str | None  # "à définir", "n/a", "—": text where a figure should be


def read_cell(text: str, language: str) -> Cell:
    """One table cell under a baseline or target column. Text without a figure is a
    placeholder, whatever its words: a column of values holds nothing else."""
    text = text.strip().strip("*").strip()
    if _SPACED_FIGURE.fullmatch(text):  # "1,10 0": a PDF's gap inside one figure
        text = re.sub(r"\s+", "", text)
    tokens = list(_tokens(language).finditer(text))
    for i, token in enumerate(tokens):
        kind = token.lastgroup
        if kind in (*_VALUES, "year"):
            after = _next(tokens, i)
            linked = after is not None and after.lastgroup == "year"
            year = after.group() if linked and kind != "year" else None
            return Cell(_value(token, "num" if kind == "year" else kind), year, None)
    return Cell(None, None, text or None)


def read_binary(text: str, language: str) -> Reading | None:
    """A yes/no indicator ("whether the Ministry publishes …") stated in words: the year
    of a clause that denies it is the baseline, "no"; each later year it is expected by is a
    target, "yes". None when the text is not a yes/no indicator or gives no such years."""
    if not cue("binary", language).search(text):
        return None
    negation = cue("negation", language)
    clauses = [c for c in re.split(r"[;,.]\s", text) if re.search(YEAR, c)]
    denied = [min(re.findall(YEAR, c)) for c in clauses if negation.search(c)]
    if not denied:
        return None
    baseline_year = min(denied)
    later = sorted({y for c in clauses for y in re.findall(YEAR, c) if y > baseline_year})
    start = min(text.find(c) for c in clauses)
    targets = tuple((year, "yes") for year in later)
    return Reading("no", baseline_year, targets, (), start, True)
