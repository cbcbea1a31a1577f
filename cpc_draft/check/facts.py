"""Facts of one language stream of a draft: money, duties, programs, indicators, term.

Sections (from headings) scope each search where a draft has them; where it has none the
finders fall back on cue words in the paragraphs themselves, so prose drafts, list drafts
and our own assembled drafts are all read. Money and parties come from the spaCy
pipelines in :mod:`cpc_draft.nlp`; the cue phrases from data/cues.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from cpc_draft.model import HEADING, ITEM, TABLE_ROW, Contribution, Indicator, TextBlock
from cpc_draft.text.cues import cue, has
from cpc_draft.text.sections import Section, split_sections

TOTAL_WORDS = {"total", "totales", "totaux", "sous-total", "subtotal"}
_YEAR_ROW = re.compile(r"^\s*(?:FY\s*)?(?:19|20)\d\d\b")  # a table row that starts with a year
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-ZÀ-Ý])")
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[–—-]\s*((?:19|20)\d\d)\b")
_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*")
# "the number of X, the number of Y and the" -> each indicator without the joining words
_TRAILING_JOINER = re.compile(
    r"(\s*[,;]?\s*\b(and|y|et|the|el|la|los|las|le|les|du|des)\b)+$", re.IGNORECASE
)


@dataclass
class StreamFacts:
    language: str
    blocks: tuple[TextBlock, ...]
    sections: list[Section]
    partner: str | None
    model: str | None = None
    contributions: list[Contribution] = field(default_factory=list)
    table_totals: list[tuple[Contribution, Decimal]] = field(default_factory=list)
    objectives: list[TextBlock] = field(default_factory=list)
    purpose_only: list[TextBlock] = field(default_factory=list)
    responsibilities: dict[str, list[TextBlock]] = field(default_factory=dict)
    responsibilities_section: bool = False
    programs: list[TextBlock] = field(default_factory=list)
    program_money: dict[str, list[Contribution]] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    key_indicators: list[TextBlock] = field(default_factory=list)
    oversight: list[TextBlock] = field(default_factory=list)
    sustainability: list[TextBlock] = field(default_factory=list)
    sustainability_section: bool = False
    data: list[TextBlock] = field(default_factory=list)
    data_section: bool = False
    data_system: list[TextBlock] = field(default_factory=list)
    plan_section: bool = False
    plan_by_year: bool = False
    term_years: int | None = None
    term_range: tuple[int, int] | None = None
    term_evidence: TextBlock | None = None
    term_dates: tuple[dt.date, dt.date] | None = None
    signing_place: str | None = None
    signing_date: dt.date | None = None
    signing_evidence: TextBlock | None = None
    non_binding: list[TextBlock] = field(default_factory=list)
    binding_terms: list[tuple[TextBlock, str]] = field(default_factory=list)

    def in_section(self, *keys: str) -> list[TextBlock]:
        return [block for s in self.sections if s.key in keys for block in s.blocks]

    def has_section(self, *keys: str) -> bool:
        return any(s.key in keys for s in self.sections)

    @property
    def structured(self) -> bool:
        """A draft with articles on at least three elements: gaps in it are telling."""
        return len({s.element for s in self.sections if s.element}) >= 3


def find_facts(
    blocks: tuple[TextBlock, ...], language: str, partner: str | None, model: str | None = None
) -> StreamFacts:
    """``model`` names an installed trained spaCy pipeline to add its entities (optional)."""
    facts = StreamFacts(language, blocks, split_sections(blocks), partner, model=model)
    _money(facts)
    _objectives(facts)
    _responsibilities(facts)
    _programs(facts)
    _indicators(facts)
    _plan_and_cues(facts)
    _term(facts)
    _signing(facts)
    return facts


# -- money ----------------------------------------------------------------------------------


def _money(facts: StreamFacts) -> None:
    from cpc_draft.nlp import attribute_columns, find_contributions, learn_currencies
    from cpc_draft.nlp.periods import label_period

    language, partner = facts.language, facts.partner
    # A code the draft defines once ("Ossorian crowns (OSC)") is read in every block.
    own = learn_currencies([b.text for b in facts.blocks], language)
    prose = [b for b in facts.blocks if b.kind != TABLE_ROW]
    for block in prose:
        for found in find_contributions(
            block.text, language, partner, model=facts.model, currencies=own
        ):
            facts.contributions.append(_contribution(found.money, found.party, block, found.period))
    tables: dict[int, list[TextBlock]] = {}
    for block in facts.blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    for rows in tables.values():
        header, *body = rows
        parties = attribute_columns(list(header.cells), language, partner)
        # A plan by year: years label the rows ("2022", "Year 1") or, turned, the columns.
        column_periods = [label_period(cell, language) for cell in header.cells]
        columns: dict[int, Decimal] = {}
        for row in body:
            is_total = row.cells and row.cells[0].strip().casefold() in TOTAL_WORDS
            row_period = label_period(row.cells[0], language) if row.cells else None
            for column, cell in enumerate(row.cells):
                party = parties[column] if column < len(parties) else None
                column_period = column_periods[column] if column < len(column_periods) else None
                for found in find_contributions(
                    cell, language, partner, model=facts.model, currencies=own
                ):
                    period = found.period or row_period or column_period
                    money = _contribution(found.money, party or found.party, row, period)
                    if is_total:
                        facts.table_totals.append((money, columns.get(column, Decimal(0))))
                    else:
                        facts.contributions.append(money)
                        columns[column] = columns.get(column, Decimal(0)) + found.money.amount


def _contribution(
    money, party: str | None, block: TextBlock, period: str | None = None
) -> Contribution:
    return Contribution(
        party=party if party in ("US", "partner") else "other",
        amount=str(money.amount),
        currency=money.currency,
        qualifier=money.qualifier,
        text=money.text,
        page=block.page,
        block=block.index,
        words_amount=str(money.words_amount) if money.words_amount is not None else None,
        period=period,
    )


# -- objectives, duties, programs -----------------------------------------------------------------


def _objectives(facts: StreamFacts) -> None:
    section = facts.in_section("objectives")
    items = [b for b in section if b.kind in (ITEM, TABLE_ROW)]
    if items:
        facts.objectives = items
        return
    objective_word = re.compile(r"\b(objective|objectives|objetivos?|objectifs?)\b", re.I)
    infinitives = cue("objective_list", facts.language)
    for block in section or facts.blocks:
        listed = block.text.count(";") >= 2 or block.text.count(",") >= 3
        if objective_word.search(block.text) and listed:
            facts.objectives.append(block)
        elif (
            has("commitment", facts.language, block.text)
            and len(infinitives.findall(block.text)) >= 2
        ):
            facts.objectives.append(block)  # "intend to improve …, to expand …, and to prevent …"
        elif section and block.kind != HEADING:
            facts.purpose_only.append(block)


def _responsibilities(facts: StreamFacts) -> None:
    from cpc_draft.nlp import find_party_mentions

    facts.responsibilities_section = facts.has_section("responsibilities")
    scope = facts.in_section("responsibilities") or [
        b for b in facts.blocks if has("commitment", facts.language, b.text)
    ]
    commitment = cue("commitment", facts.language)
    duties: dict[str, list[TextBlock]] = {"US": [], "partner": []}
    current: str | None = None
    for block in scope:
        if block.kind == ITEM and current:
            duties[current].append(block)
            continue
        for sentence in _SENTENCE_END.split(block.text):  # one paragraph may hold both
            found = commitment.search(sentence)
            if not found:
                continue
            before = sentence[: found.start()]
            mentions = [
                m
                for m in find_party_mentions(before, facts.language, facts.partner)
                if m.party in duties
            ]
            if not mentions:
                continue
            current = mentions[-1].party
            if len(sentence[found.end() :].split()) > 3 and block not in duties[current]:
                duties[current].append(block)  # a duty, not "X intends to:"
    facts.responsibilities = duties


def _programs(facts: StreamFacts) -> None:
    section = facts.in_section("programs")
    # Listed programs, else the rows of a programs table (not both: they name the same ones).
    facts.programs = [b for b in section if b.kind == ITEM] or [
        b for b in section if b.kind == TABLE_ROW and b.row and not _is_total(b)
    ]
    if not facts.programs:
        facts.programs = [b for b in section if b.kind != HEADING and len(b.text.split()) > 5]
    indices = {b.index for b in section}
    money: dict[str, list[Contribution]] = {"US": [], "partner": []}
    for contribution in facts.contributions:
        if contribution.block in indices and contribution.party in money:
            money[contribution.party].append(contribution)
    facts.program_money = money


def _is_total(block: TextBlock) -> bool:
    return bool(block.cells) and block.cells[0].strip().casefold() in TOTAL_WORDS


# -- indicators ---------------------------------------------------------------------------


def _indicators(facts: StreamFacts) -> None:
    language = facts.language
    section = facts.in_section("indicators", "annual_dialogue")
    facts.key_indicators = [b for b in facts.blocks if has("key_indicator", language, b.text)]
    tables: dict[int, list[TextBlock]] = {}
    for block in section or facts.blocks:
        if block.kind == TABLE_ROW and block.table is not None:
            tables.setdefault(block.table, []).append(block)
    for rows in tables.values():
        header = rows[0].cells
        targets = [i for i, cell in enumerate(header) if has("target", language, cell)]
        baselines = [i for i, cell in enumerate(header) if has("baseline", language, cell)]
        if (
            not targets
            and not baselines
            and not any(has("indicator", language, r.text) for r in rows)
        ):
            continue
        keys = [i for i, cell in enumerate(header) if has("key_indicator", language, cell)]
        for row in rows[1:]:
            facts.indicators.append(_table_indicator(row, header, targets, baselines, keys))
    if facts.indicators:
        return
    indicator = cue("indicator", language)
    for block in section or facts.blocks:
        starts = [m.start() for m in indicator.finditer(block.text)]
        if not starts:
            continue
        for at, end in zip(starts, [*starts[1:], len(block.text)], strict=True):
            piece = block.text[at:end].strip(" ,;.")
            piece = _TRAILING_JOINER.sub("", piece)
            with_target = has("target", language, block.text)
            figures = _NUMBER.findall(piece) if with_target else []
            facts.indicators.append(
                Indicator(
                    piece, None, None, tuple(f.strip() for f in figures), block.index, block.page
                )
            )


def _table_indicator(row: TextBlock, header, targets, baselines, keys) -> Indicator:
    cells = row.cells
    values = [cells[i].strip() for i in targets if i < len(cells) and cells[i].strip()]
    baseline = cells[baselines[0]].strip() if baselines and baselines[0] < len(cells) else None
    key = (
        bool(keys)
        and keys[0] < len(cells)
        and cells[keys[0]].strip().casefold()
        in {
            "yes",
            "sí",
            "si",
            "oui",
            "x",
            "✓",
        }
    )
    unit = cells[1].strip() if len(cells) > 2 and not _NUMBER.fullmatch(cells[1].strip()) else None
    return Indicator(
        cells[0].strip(), unit, baseline or None, tuple(values), row.index, row.page, key
    )


# -- plan, sustainability, data, nature ------------------------------------------------------


def _plan_and_cues(facts: StreamFacts) -> None:
    language = facts.language
    for block in facts.blocks:
        if has("oversight", language, block.text):
            facts.oversight.append(block)
        if has("non_binding", language, block.text):
            facts.non_binding.append(block)
        for match in cue("binding", language).finditer(block.text):
            if not _negated(block.text, match.start()):
                facts.binding_terms.append((block, match.group()))
    section = [b for b in facts.in_section("sustainability") if b.kind != HEADING]
    facts.sustainability_section = bool(section)
    facts.sustainability = section or [
        b for b in facts.blocks if has("sustainability", language, b.text)
    ]
    section = [b for b in facts.in_section("data") if b.kind != HEADING]
    facts.data_section = bool(section)
    facts.data_system = [b for b in facts.blocks if has("data_system", language, b.text)]
    facts.data = section or [b for b in facts.blocks if has("data", language, b.text)]
    facts.plan_section = facts.has_section("financial_plan")
    facts.plan_by_year = any(
        _RANGE.search(b.text) or _names_a_year(b, language)
        for b in facts.blocks
        if b.kind == TABLE_ROW
    )


def _names_a_year(row: TextBlock, language: str) -> bool:
    """A table row for one year of the plan: "2022", "FY2023", "Year 1", "Año 1"."""
    from cpc_draft.nlp.periods import label_period

    label = row.cells[0] if row.cells else row.text
    return _YEAR_ROW.match(row.text) is not None or label_period(label, language) is not None


def _negated(text: str, at: int) -> bool:
    """ "does not create obligations", "no crea obligaciones": a denial, not treaty wording."""
    window = text[max(0, at - 60) : at].casefold()
    return any(word in window for word in (" not ", "no ", " ne ", " pas ", "n'", " ni "))


def _term(facts: StreamFacts) -> None:
    from cpc_draft.nlp.lexicon import lexicon

    words = lexicon(facts.language)
    year_word = cue("year_word", facts.language)
    scope = facts.in_section("duration") + list(facts.blocks)
    for block in scope:
        text = block.text.replace("-", " ")  # "four-year" reads as "four year"
        for match in year_word.finditer(text):
            before = text[: match.start()].rstrip().split()
            if not before:
                continue
            token = before[-1].strip("(").casefold()
            value = int(token) if token.isdigit() else words.number_word(token)
            if value is not None and 1 <= int(value) <= 10:
                facts.term_years, facts.term_evidence = int(value), block
                break
        if facts.term_years:
            break
    from cpc_draft.text.dates import find_dates

    stated = [d for b in facts.in_section("duration") for d in find_dates(b.text, facts.language)]
    if len(stated) >= 2 and min(stated) < max(
        stated
    ):  # "… until April 25, 2027, … on April 26, 2022"
        facts.term_dates = (min(stated), max(stated))
    for block in facts.blocks:
        match = _RANGE.search(block.text)
        if match and 1 <= int(match.group(2)) - int(match.group(1)) <= 10:
            facts.term_range = (int(match.group(1)), int(match.group(2)))
            facts.term_evidence = facts.term_evidence or block
            break


def _signing(facts: StreamFacts) -> None:
    """ "Done at Lima, on April 26, 2022" / "Hecho en Lima, el 26 de abril de 2022"."""
    from cpc_draft.text.dates import find_date

    done_at = cue("done_at", facts.language)
    for block in reversed(facts.blocks):  # the final clause is near the end
        match = done_at.search(block.text)
        if not match:
            continue
        rest = block.text[match.end() :].strip()
        place = rest.split(",")[0].strip()
        facts.signing_place = place if place and "_" not in place else None
        facts.signing_date = find_date(rest, facts.language)
        facts.signing_evidence = block
        return
