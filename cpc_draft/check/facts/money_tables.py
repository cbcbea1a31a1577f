"""The money of one table: each amount with its party, year, and the totals to check.

A table says who gives each amount in one of three places: a column header ("United
States (US$)", "Corvel (CVP)"), a label in the row ("Subtotal, Valdoria", "| Safe
Harbours | Valdoria | $60,000 |") or, for a table of one party's money, the note that
introduces it ("The U.S. contribution … is distributed as follows:"). Failing all three,
the currency decides, as in prose.

Figures may be written bare. Their currency is then the one their column's header names,
else the one the row's labels name ("| Varo | VRP | 5,000,000 |"), else the one the
table's note names: a title row above the header, or the paragraph just before the table
("(in US$)", "Amounts in United States dollars", "en miles de bolivianos"), with its unit
("in thousands"). Bare figures are read only in columns whose header suggests amounts (a
party, a currency, a year, a total, an "Amount"), never in the label column, never in a
row counting something ("Number of …") and never in a table of indicators. A header may
take two rows ("United States" over "(US$)").

Rows and columns labelled "Total" (data: ``totals`` in data/money_words.yaml) are sums:
a total row with no single party is checked against the rows above and is no
contribution; a subtotal of one party ("Subtotal, Valdoria") and a party's row total are
its contributions, marked ``restated`` because they state again the money of other cells;
a total of both governments (a "Total" column beside both parties' columns, a row of
"Both governments") is combined, not a contribution of either. Every total (rows,
subtotals, row totals) is checked against the cells it adds up (rule ``totals``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from cpc_draft.check.facts.money_columns import (
    header_periods,
    label_columns,
    table_decimal,
    table_unit,
    with_unit,
    years_in_total_currency,
)
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import Contribution, TextBlock
from cpc_draft.nlp.lexicon import lexicon
from cpc_draft.text.cues import has, phrase_pattern

GOVERNMENTS = ("US", "partner")
BOTH = "both"
_SEGMENT = re.compile(r"\([^()]*\)|[^.;:!?]+[.;:!?]?")  # a bracket, or a sentence
_SEPARATOR = re.compile(r"\s*[-–—:,;(/|]")  # what may follow a party naming a row
LEAST_BARE = Decimal(1000)  # a bare figure below this is a count, not money
NOTE_WORDS = 15  # a note this short names the one party a table is about
_MARKS = " *†‡"  # footnote marks after a figure ("1,200,000*")
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)])\s+\w")  # "1.1 ", "a) "


class TableTotal(NamedTuple):
    """A table's total row in one column: what it states and what the rows above add up to."""

    stated: Contribution
    summed: Decimal


class TableMoney(NamedTuple):
    contributions: list[Contribution]
    combined: list[Contribution]  # totals of both governments
    totals: list[TableTotal]
    # the "Total" row of one party's column: its contribution, stated again, unless the
    # draft states a larger whole for that party elsewhere (money.find_funding)
    party_totals: list[Contribution]


class _Column(NamedTuple):
    party: str | None  # named in the header
    note: object | None  # the CurrencyNote its header names
    period: str | None
    total: bool
    amounts: bool  # the header suggests amounts: bare figures under it are money


class _Row(NamedTuple):
    block: TextBlock
    party: str | None  # named by a label cell
    period: str | None
    total: bool  # labelled "Total", "Subtotal, …"


def is_total_label(cell: str) -> bool:
    """ "Total", "TOTAL, both Participants", "Subtotal, Valdoria", "Sous-total"."""
    words = re.findall(r"[\w'’-]+", cell.casefold())
    labels = lexicon("xx").total_labels
    return bool(words) and (words[0] in labels or " ".join(words[:2]) in labels)


def read_table(
    rows: list[TextBlock],
    note: TextBlock | None,
    stream: Stream,
    model,
    own: dict[str, str],
    decimal: str | None = None,
) -> TableMoney:
    """The money of a table's ``rows`` (header first); ``note``: the block before it;
    ``decimal``: the decimal mark the draft's figures show (money_columns.shown_decimal),
    for a table whose own figures do not show one ("5,000" in thousands)."""
    captions = 0  # title rows above the header ("Table 1 – Contributions (in US$)")
    while captions < len(rows) - 1 and len(set(c for c in rows[captions].cells if c)) <= 1:
        captions += 1
    first = captions + 1  # a second header row ("| Year | (US$) | (VDM) |") joins the first
    while first < len(rows) - 1 and not _body_row(rows[first].cells, stream.language):
        first += 1
    header_rows = [row.cells for row in rows[captions:first]]
    header = _joined(header_rows)
    body = rows[first:]
    notes = [row.text for row in reversed(rows[:captions])] + ([note.text] if note else [])
    columns = _columns(list(header), stream, own, header_periods(header_rows, stream.language))
    columns = label_columns(columns, body)
    if not body:
        return _Reader(columns, stream).out
    language = stream.language
    currency = None
    if any(c.amounts for c in columns) and not _is_indicator_table(header, language):
        currency = next(filter(None, (_note_currency(t, language, own) for t in notes)), None)
        if currency is None and header[0].strip():  # the labels' header: "Budget line (USD)"
            currency = _note_currency(header[0], language, own)
        unit = table_unit([*notes, *header], language)  # "(cifras en miles)", "USD '000"
        columns = [c._replace(note=with_unit(c.note, unit)) for c in columns]
        currency = with_unit(currency, unit)
        columns = years_in_total_currency(columns, body, language)
    else:
        unit = Decimal(1)
    reader = _Reader(columns, stream)
    reader.note_party = _note_party(" ".join(notes[:1]), stream, model, own) if notes else None
    decimal = table_decimal(body) or decimal
    rows = _rows(body, columns, stream)
    reader.rows_name_parties = any(r.party is not None and not r.total for r in rows)
    for row in rows:
        found = _cell_money(row, columns, stream, model, own, (currency, unit), decimal)
        reader.read(row, found)
    return reader.out


def _body_row(cells: tuple[str, ...], language: str) -> bool:
    """A row of the table's body, not a second header row: one with figures, or one
    that opens with an item's number ("| 1.1 Train judges | Ministry | 2027 |")."""
    return _has_figures(cells, language) or bool(cells and _ITEM_NUMBER.match(cells[0]))


def _has_figures(cells: tuple[str, ...], language: str) -> bool:
    """Whether a row states figures beyond its label: a year label is a header's."""
    from cpc_draft.nlp.periods import label_period

    return any(
        any(ch.isdigit() for ch in cell) and not label_period(cell, language) for cell in cells[1:]
    )


def _joined(rows: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Header rows joined column by column: "United States" over "(US$)". A cell of an
    upper row also spans the empty cells to its right (a merged cell: "USD '000" over
    "United States" and "Lorvania"), after their own words ("Total USD '000"); never from
    the label column."""
    width = max(len(cells) for cells in rows)
    own = [[c[i] for c in rows if i < len(c) and c[i]] for i in range(width)]
    for cells in rows[:-1]:
        cells = list(cells) + [""] * (width - len(cells))
        spanning = ""
        for i in range(1, width):
            spanning = cells[i] if cells[i].strip() else spanning
            if i > 1 and not cells[i].strip() and spanning:
                own[i].append(spanning)
    return tuple(" ".join(dict.fromkeys(texts)) for texts in own)


class _Reader:
    """Reads a table's rows in order, keeping the sums its total rows are checked against."""

    def __init__(self, columns: list[_Column], stream: Stream) -> None:
        self.columns, self.note_party = columns, None
        self.rows_name_parties = False  # rows of each party: a column holds both
        self.both_columns = {c.party for c in columns} >= set(GOVERNMENTS)
        self.out = TableMoney([], [], [], [])
        self.sums: dict[int, Decimal] = {}  # column -> sum of the rows so far
        self.party_sums: dict[tuple[str | None, int], Decimal] = {}  # by the rows' party

    def column(self, i: int) -> _Column:
        return self.columns[i] if i < len(self.columns) else _Column(None, None, None, False, False)

    def party(
        self, row: _Row, col: _Column, found: str | None, currency: str, named: bool = False
    ) -> str | None:
        """Header, a government the cell itself names beside its amount (``named``:
        "Valdoria: VDM 9,000,000" in a row whose label names the United States first),
        row label, a total beside both parties' columns, note, currency (the cell's own
        words, or for a bare figure the currency of its column or note)."""
        from cpc_draft.nlp.contributions import by_currency

        party = col.party or (found if named else None) or row.party
        if party is None and col.total and self.both_columns:
            party = BOTH
        return party or self.note_party or found or by_currency(currency)

    def read(self, row: _Row, cells: list[tuple]) -> None:
        for i, money, found_party, found_period, named in cells:
            col = self.column(i)
            party = self.party(row, col, found_party, money.currency, named)
            period = found_period or row.period or col.period
            if row.total and row.party not in GOVERNMENTS:  # "Total": checked, not counted
                made = contribution(money, party, row.block, period)
                self.out.totals.append(TableTotal(made, self.sums.get(i, Decimal(0))))
                if party in GOVERNMENTS and not self.rows_name_parties:
                    self.out.party_totals.append(replace(made, restated=True))
                continue
            restated = row.total or (col.total and party != BOTH)
            made = contribution(money, party, row.block, period, restated=restated)
            (self.out.combined if party == BOTH else self.out.contributions).append(made)
            if row.total:  # one party's subtotal: of its rows, or of the rows naming no one
                summed = self.party_sums.get((row.party, i)) or self.party_sums.get(
                    (None, i), Decimal(0)
                )
                self.out.totals.append(TableTotal(made, summed))
                continue
            same = [m.amount for j, m, *_ in cells if j != i and m.currency == money.currency]
            if col.total and len(same) > 1:  # a row's total: the row's other amounts
                self.out.totals.append(TableTotal(made, sum(same, Decimal(0))))
            if row.party != BOTH:
                self.sums[i] = self.sums.get(i, Decimal(0)) + money.amount
                key = (row.party, i)
                self.party_sums[key] = self.party_sums.get(key, Decimal(0)) + money.amount


def contribution(
    money, party: str | None, block: TextBlock, period: str | None, *, restated: bool = False
) -> Contribution:
    return Contribution(
        party=party if party in (*GOVERNMENTS, BOTH) else "other",
        amount=str(money.amount),
        currency=money.currency,
        qualifier=money.qualifier,
        text=money.text,
        page=block.page,
        block=block.index,
        words_amount=str(money.words_amount) if money.words_amount is not None else None,
        period=period,
        restated=restated,
    )


def _columns(
    cells: list[str], stream: Stream, own: dict[str, str], periods: list[str | None]
) -> list[_Column]:
    """Each column's party, currency, period, total flag and whether it holds amounts;
    ``periods``: the period each column's own header cell names (_header_periods)."""
    from cpc_draft.nlp import currency_note, label_mentions
    from cpc_draft.nlp.periods import label_period

    language, lex = stream.language, lexicon(stream.language)
    named = label_mentions(cells, language, stream.partner)
    out = []
    for column, cell in enumerate(cells):
        party = named[column][0].party if named[column] else None
        note = currency_note(cell, language, own) if column and cell.strip() else None
        own_period = periods[column] if column < len(periods) else None
        period = label_period(cell, language) or own_period
        total = is_total_label(cell)
        words = {w.lower() for w in re.findall(r"[\w'’-]+", cell)}
        amounts = bool(party or note or period or total or words & lex.amount_headers)
        out.append(_Column(party, note, period, total, column > 0 and amounts))
    return out


def _rows(body: list[TextBlock], columns: list[_Column], stream: Stream) -> list[_Row]:
    """Each row with the party its label cells name: the first cell, and the cells of the
    columns that hold no amounts ("| Safe Harbours | Valdoria | $60,000 |")."""
    from cpc_draft.nlp import label_mentions
    from cpc_draft.nlp.periods import label_period

    labels = [
        [cell for i, cell in enumerate(row.cells) if i == 0 or not _amounts(columns, i)]
        for row in body
    ]
    flat = [cell for cells in labels for cell in cells]
    named = iter(label_mentions(flat, stream.language, stream.partner))
    out: list[_Row] = []
    for row, cells in zip(body, labels, strict=True):
        parties = [_labelled(cell, next(named), stream.language) for cell in cells]
        party = next((p for p in parties if p is not None), None)
        first = row.cells[0] if row.cells else ""
        if not first.strip() and out:  # the first cell merged over this row and the one above
            above = out[-1]
            out.append(_Row(row, party, above.period, above.total and above.party != BOTH))
            continue
        out.append(_Row(row, party, label_period(first, stream.language), is_total_label(first)))
    return out


def _labelled(cell: str, mentions, language: str) -> str | None:
    """The party a label cell is about: one it names first, alone or before a separator
    ("Valdoria", "United States – Program 1", "Subtotal, Valdoria", "TOTAL, both
    Participants"); not one named inside a program's name ("Valdoria Child Helpline",
    "Support to Valdoria's courts")."""
    if not mentions:
        return None
    first = mentions[0]
    before = re.sub(r"[\W_]+", " ", cell[: first.start]).strip()
    after = cell[first.end :]
    opens = not before or is_total_label(before)
    closes = not after.strip() or _SEPARATOR.match(after) is not None
    if opens and closes:
        return first.party
    return first.party if _money_of(cell[: first.start] + cell[first.end :], language) else None


def _money_of(rest: str, language: str) -> bool:
    """Whether the words of a label besides the government's name only say the row is
    its money: "Total U.S. contribution", "Partner co-financing (Government of …)"."""
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", rest.lower())
    known = lexicon(language).party_label_words
    return bool(words) and all(word in known or is_total_label(word) for word in words)


def _amounts(columns: list[_Column], i: int) -> bool:
    return i < len(columns) and columns[i].amounts


def _cell_money(
    row: _Row, columns, stream: Stream, model, own, table_note, decimal=None
) -> list[tuple]:
    """(column, Money, party by the cell's own words, period, whether the cell names that
    party) of each amount in the row.
    A bare figure takes the currency of its column's header, else of the row's labels
    ("| United States | USD | 1,000,000 |"), else of the table's note; ``table_note``:
    that note and the unit the table counts in ("in thousands"), which the row's labels
    take too."""
    from cpc_draft.nlp import bare_amount, currency_note, find_contributions, label_mentions
    from cpc_draft.nlp.periods import label_period

    language, cells = stream.language, row.block.cells
    table_note, unit = table_note
    counted = cells and has("indicator", language, cells[0])
    found, row_note = [], None
    for column, cell in enumerate(cells):
        if not any(ch.isdigit() for ch in cell):
            continue
        stated = find_contributions(cell, language, stream.partner, model=model, currencies=own)
        if stated:
            names = {m.party for m in label_mentions([cell], language, stream.partner)[0]}
            named = names & set(GOVERNMENTS)
            found += [(column, s.money, s.party, s.period, s.party in named) for s in stated]
            continue
        if counted or not _amounts(columns, column) or label_period(cell, language):
            continue  # "Number of …" counts; a column of labels; a year
        note = columns[column].note
        if note is None and row_note is None:
            labels = [c for i, c in enumerate(cells) if i == 0 or not _amounts(columns, i)]
            row_note = with_unit(currency_note(" ".join(labels), language, own), unit) or False
        note = note or row_note or table_note
        money = bare_amount(cell.rstrip(_MARKS), language, note, decimal=decimal) if note else None
        if money is not None and money.amount >= LEAST_BARE:
            found.append((column, money, None, None, False))
    return found


def _note_currency(text: str, language: str, own: dict[str, str]):
    """The currency a table's note names for its figures: the whole note, or else the
    bracket or sentence nearest the table that names one and states no amount ("The
    estimated contributions … are as follows (in US$):")."""
    from cpc_draft.nlp import currency_note

    whole = currency_note(text, language, own)
    if whole is not None:
        return whole
    for segment in reversed(_SEGMENT.findall(text)):
        note = currency_note(segment, language, own) if segment.strip() else None
        if note is not None:
            return note
    return None


def _note_party(text: str, stream: Stream, model, own) -> str | None:
    """The one government a table's note is about: the party of all its amounts ("The
    U.S. contribution is US$3,800,000, distributed as follows:"), or the only government
    a short note without amounts names ("Contributions of Valdoria (in US$)"); else None."""
    from cpc_draft.nlp import find_contributions, label_mentions

    language = stream.language
    amounts = find_contributions(text, language, stream.partner, model=model, currencies=own)
    parties = {found.party for found in amounts}
    if not amounts and len(text.split()) <= NOTE_WORDS:
        parties = {m.party for m in label_mentions([text], language, stream.partner)[0]}
    return parties.pop() if len(parties) == 1 and parties <= set(GOVERNMENTS) else None


def _is_indicator_table(header: tuple[str, ...], language: str) -> bool:
    """A table of indicators, baselines and targets: its figures are counts, not money."""
    pattern = _indicator_headers(language)
    return pattern is not None and any(pattern.search(cell) for cell in header)


@cache
def _indicator_headers(language: str) -> re.Pattern | None:
    words = lexicon(language).indicator_headers
    return phrase_pattern(list(words)) if words else None
