"""Who contributes each amount: the United States, the partner, another body, or both
governments together.

Without a parser, the contributor is the party an amount names right after it through a
source preposition ("US$2,000,000 from the United States", "S/ 3'000,000.00 del Gobierno
de …", "de la part du Gouvernement de …"); failing that, the nearest party mention before
the amount in its sentence that is not the object of a preposition ("carried out by
implementing partners: US$2,000,000" is still the U.S. amount of the sentence's subject);
failing that, an agent after it ("was awarded by the TIP Office"); failing that, the
currency: U.S. dollars are the United States', any other currency the partner's. A total
of both governments' amounts is "both" (nlp.combined). The period of an amount is the one
its sentence states nearest to it ("PEN 8,000,000 over four years"), see nlp.periods.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.nlp.combined import BOTH, Stated, combined_parties
from cpc_draft.nlp.currencies import learn_currencies
from cpc_draft.nlp.lexicon import Lexicon, lexicon
from cpc_draft.nlp.money import money_of
from cpc_draft.nlp.money_years import each_year_phrases, is_breakdown, years_of_amount
from cpc_draft.nlp.parties import _learn, mentions_in_doc
from cpc_draft.nlp.periods import ANNUAL, Period, find_periods, nearest_period
from cpc_draft.nlp.pipeline import docs_of, sentences
from cpc_draft.nlp.ranked_years import labelled_ranges, ranked_years
from cpc_draft.nlp.values import PARTIES, AttributedMoney, Money, PartyMention
from cpc_draft.text.cues import phrase_pattern


def _ranked_years(text: str, language: str, periods: list[Period]) -> list[Period]:
    """``periods`` and the years of the term written by their rank ("USD 1.5 million in
    Year 1, USD 1.2 million in Year 2"): "year 1", "year 2" (see check.facts.money)."""
    ranked = [
        found
        for found in ranked_years(text, language)
        if all(found.end <= p.start or found.start >= p.end for p in periods)
    ]
    return sorted([*periods, *ranked], key=lambda p: p.start) if ranked else periods


def _total_after(text: str, item: Stated, lex: Lexicon) -> bool:
    """Whether the amount's clause calls it a total right after it ("USD 5 million in
    total, of which …", "HVK 64,000,000 en total")."""
    clause = re.split(r"[,;:(]", text[item.money.end : item.hi], maxsplit=1)[0]
    return any(word in lex.total_labels for word in re.findall(r"\w+", clause.casefold())[:3])


def _period_after(text: str, periods: list[Period], item: Stated, following) -> str | None:
    """The period written after an amount in the same clause, before the next amount:
    "USD 1.5 million in Year 2" after "…, USD 1.5 million in Year 1," is Year 2's."""
    limit = min(item.hi, following if following is not None else item.hi)
    for period in periods:
        if item.money.end <= period.start and period.end <= limit:
            between = text[item.money.end : period.start]
            return None if any(mark in between for mark in ",;:()") else period.value
    return None


@cache
def _notation(language: str):
    """Phrases of a sentence about how figures are written (data/money_notation.yaml)."""
    data = resources.files("cpc_draft").joinpath("data/money_notation.yaml").read_text("utf-8")
    entry = load_data(data)
    return phrase_pattern([*entry["en"], *(entry.get(language) or ())])


def by_currency(currency: str) -> str:
    return "US" if currency == "USD" else "partner"


def _word_before(doc, mention: PartyMention, lex: Lexicon) -> str | None:
    """The word before a mention, skipping articles ("to the Government")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in lex.articles or doc[i].is_space):
        i -= 1
    return doc[i].lower_ if i >= 0 else None


def _in_aside(text: str, lo: int, mention: PartyMention, money: Money, lex: Lexicon) -> bool:
    """Whether the mention sits in a phrase that opens with a preposition and is closed by a
    comma before the amount ("with the support of UNICEF, Peru will contribute ...")."""
    opening = max(text.rfind(mark, lo, mention.start) for mark in ",;:(") + 1 or lo
    closed = any(mark in text[mention.end : money.start] for mark in ",;")
    words = text[max(opening, lo) : mention.start].split()
    return closed and bool(words) and words[0].lower() in lex.object_prepositions


def _window(text: str, money: Money, bounds: list[tuple[int, int]]) -> tuple[int, int]:
    """The sentence of ``money``, cut at line ends (a Doc holds several lines)."""
    lo, hi = 0, len(text)
    for start, end in bounds:
        if start <= money.start < end:
            lo, hi = start, end
            break
    line_start = text.rfind("\n", lo, money.start) + 1
    line_end = text.find("\n", money.end, hi)
    return max(lo, line_start), hi if line_end < 0 else line_end


def _source_after(text: str, money: Money, mentions, lex: Lexicon, hi: int):
    """The mention joined to the amount just after it by a source preposition ("from the
    United States", "del Gobierno de …") or alone in brackets ("(Valdoria)"), or None."""
    after = next((m for m in mentions if m.start >= money.end), None)
    if after is None or after.end > hi or after.party not in PARTIES:
        return None
    if text[money.end : after.start].strip() == "(" and text[after.end :].lstrip()[:1] == ")":
        return after  # "US$3,200,000 (Valdoria)"
    between = text[money.end : after.start].lower().split()
    own = after.text.lower().split()  # a "Government of" span may open with "del"
    for taken in range(min(len(own), 3) + 1):
        words = between + own[:taken]
        while words and words[-1] in lex.articles:
            words.pop()
        if words and " ".join(words) in lex.source_prepositions:
            return after
    return None


def _attribute(doc, text: str, money: Money, mentions, lex: Lexicon, bounds, moneys) -> tuple:
    """The party of ``money`` and whether a mention names it directly: False when the
    mention before it has given its party to another amount in between ("Ostrana OSD 15
    million; in Year 2 US$1.5 million": see _by_currency_of_sentence)."""
    lo, hi = _window(text, money, bounds)
    source = _source_after(text, money, mentions, lex, hi)
    if source is not None:
        return source.party, True
    usable = [m for m in mentions if lo <= m.start and m.end <= hi and m.party in PARTIES]
    before = [m for m in usable if m.end <= money.start]
    for mention in reversed(before):
        if _word_before(doc, mention, lex) in lex.object_prepositions:
            continue  # "carried out by implementing partners: US$2,000,000"
        if _in_aside(text, lo, mention, money, lex):
            continue  # "aportará, con el apoyo de los socios implementadores, 5.000.000 COP"
        between = any(mention.end <= other.start and other.end <= money.start for other in moneys)
        return mention.party, not between
    for mention in (m for m in usable if m.start >= money.end):
        if _word_before(doc, mention, lex) in lex.agent_prepositions:
            return mention.party, True
    return by_currency(money.currency), True


def _by_currency_of_sentence(stated: list[Stated], direct: list[bool]) -> list[Stated]:
    """Amounts a sentence gives in pairs after naming each party once ("the United States
    US$1.4 million and Ostrana OSD 15 million; in Year 2 US$1.5 million and OSD 20
    million"): an amount whose nearest mention belongs to an earlier amount in another
    currency is the party's whose mention stood right before an amount in its own."""
    owner: dict[tuple[int, str], set[str]] = {}
    for item, named in zip(stated, direct, strict=True):
        if named:
            owner.setdefault((item.lo, item.money.currency), set()).add(item.party)
    out = []
    for item, named in zip(stated, direct, strict=True):
        parties = owner.get((item.lo, item.money.currency), set())
        if not named and len(parties) == 1 and item.party not in parties:
            item = item._replace(party=next(iter(parties)))
        out.append(item)
    return out


@cache
def _respectively_pattern(language: str) -> re.Pattern | None:
    words = lexicon(language).respectively
    return phrase_pattern(sorted(words)) if words else None


def _respectively(text: str, stated: list[Stated], mentions, language: str) -> list[Stated]:
    """The amounts of a sentence that says "respectively" go, in order, to the governments
    it names before them ("The United States and Valdoria will contribute US$800,000 and
    VDM 9,000,000 respectively", "… apportent respectivement 800 000 USD et …"), when it
    names as many, each once, and none among the amounts."""
    pattern = _respectively_pattern(language)
    if pattern is None:
        return stated
    out = list(stated)
    governments = [m for m in mentions if m.party in ("US", "partner")]
    for match in pattern.finditer(text):
        group = [i for i, item in enumerate(stated) if item.lo <= match.start() < item.hi]
        if len(group) < 2:
            continue
        first, last = stated[group[0]], stated[group[-1]]
        if any(first.money.start <= m.start < last.money.end for m in governments):
            continue  # a government named among the amounts gives its own
        named = [m.party for m in governments if first.lo <= m.start and m.end <= first.money.start]
        parties = [p for k, p in enumerate(named) if k == 0 or named[k - 1] != p][-len(group) :]
        if len(parties) == len(group) == len(set(parties)):
            for i, party in zip(group, parties, strict=True):
                out[i] = out[i]._replace(party=party)
    return out


def _own_currency_is_the_partners(stated: list[Stated], currencies) -> list[Stated]:
    """An amount in a currency the draft defines for itself (the partner's national
    currency under a code of the draft's own, "VDM") is the partner's, though the United
    States is the government its sentence names nearest ("The United States welcomes the
    allocation of VDM 9,000,000"), unless named as its source ("from the United States")."""
    own = {code for code in currencies if code != "USD"}
    if not own:
        return stated
    return [
        item._replace(party="partner")
        if item.party == "US" and item.money.currency in own and not item.named
        else item
        for item in stated
    ]


def _outside(mentions: list[PartyMention], moneys: list[Money]) -> list[PartyMention]:
    """Drop mentions inside an amount ("U.S. dollars", "dollars des États-Unis")."""
    return [m for m in mentions if all(m.end <= x.start or m.start >= x.end for x in moneys)]


def contributions_in_docs(
    pieces, language: str, partner: str | None, model: str | None = None, currencies=()
) -> list[AttributedMoney]:
    """Contributions of (offset, text, Doc) pieces, offsets added to each amount;
    ``currencies`` are the codes the draft defines for itself (nlp.currencies)."""
    lex = lexicon(language)
    out = []
    for offset, text, doc in pieces:
        moneys = money_of(doc, currencies)
        if not moneys:
            continue
        bounds = [(s.start_char, s.end_char) for s in sentences(doc, language, model)]
        mentions = _outside(mentions_in_doc(doc, partner, text), moneys)
        found_periods = labelled_ranges(text, language, _periods(text, language))
        periods = _ranked_years(text, language, found_periods)
        stated, direct = [], []
        for money in moneys:
            lo, hi = _window(text, money, bounds)
            if _notation(language).search(text, lo, hi):
                continue  # "… with a decimal point (PEN 1,000.00)": an example, no money
            party, named = _attribute(doc, text, money, mentions, lex, bounds, moneys)
            source = _source_after(text, money, mentions, lex, hi)
            end = source.end if source else money.end
            stated.append(Stated(money, party, end, lo, hi, source is not None))
            direct.append(named)
        stated = _by_currency_of_sentence(stated, direct)
        stated = _respectively(text, stated, mentions, language)
        stated = _own_currency_is_the_partners(stated, currencies)
        parties = combined_parties(text, stated, mentions, language)
        each = _each_year(text, language, stated)
        # the years of "in each of 2027 and 2028" are no other amount's period
        periods = [p for p in periods if not any(e.start <= p.start < e.end for e in each if e)]
        for position, (item, party) in enumerate(zip(stated, parties, strict=True)):
            following = stated[position + 1].money.start if position + 1 < len(stated) else None
            money = item.money.shifted(offset)
            if each[position] is not None:  # once for every one of the years
                out += [AttributedMoney(money, party, year) for year in each[position].years]
                continue
            if _total_after(text, item, lex):
                period = None  # "USD 5 million in total, of which … in Year 1": the whole
            else:
                period = _period_after(text, periods, item, following) or nearest_period(
                    periods, item.money.start, item.money.end, item.lo, item.hi
                )
            out.append(AttributedMoney(money, party, period))
    return out


def _periods(text: str, language: str) -> list[Period]:
    """The periods of ``text`` but a "per year" that says how a sum is broken down
    ("desglosado por eje y por año")."""
    return [
        p
        for p in find_periods(text, language)
        if p.value != ANNUAL or not is_breakdown(text, p.start, language)
    ]


def _each_year(text: str, language: str, stated: list[Stated]) -> list:
    """For each amount, the phrase that gives it to each of several years, or None; a
    sentence's opening phrase not to its total ("In each of the years 2027 to 2029, …
    US$300,000, for a total of US$900,000")."""
    phrases = each_year_phrases(text, language)
    if not phrases:
        return [None] * len(stated)
    lex = lexicon(language)
    firsts: dict[int, int] = {}  # the first amount of each sentence
    for item in stated:
        firsts.setdefault(item.lo, item.money.start)
    out = []
    for item in stated:
        first = -1 if _total_before(text, item, lex) else firsts[item.lo]
        out.append(years_of_amount(text, phrases, item.money.start, item.end, item.lo, first))
    return out


def _total_before(text: str, item: Stated, lex: Lexicon) -> bool:
    """Whether the words just before the amount call it a total ("for a total of")."""
    before = re.findall(r"\w+", text[item.lo : item.money.start].casefold())[-4:]
    return any(word in lex.total_cues for word in before)


def find_contributions(
    text: str,
    language: str,
    partner: str | None = None,
    *,
    model: str | None = None,
    currencies=None,
) -> list[AttributedMoney]:
    """Every amount in ``text`` with the party that contributes it. Without ``partner``
    its short name is learned from the text's "Government of X" mentions; without
    ``currencies`` (the codes the whole draft defines, nlp.currencies.learn_currencies)
    the codes ``text`` itself defines are read."""
    pieces = docs_of([text], language, model=model)[0]
    if partner is None:
        partner = _learn(pieces)
    if currencies is None:
        drafted = any(doc._.cpc_money_draft for _, _, doc in pieces)
        currencies = learn_currencies([text], language) if drafted else ()
    return contributions_in_docs(pieces, language, partner, model, currencies)


def label_mentions(texts, language: str, partner: str | None = None) -> list[list[PartyMention]]:
    """For each text (a table's header or label cell, a note), the party mentions outside
    currency names, in order: "United States (US$)" -> the United States, "Subtotal,
    Valdoria" -> Valdoria, "TOTAL, both Participants" -> both; "Amounts in United States
    dollars" names no party."""
    out: list[list[PartyMention]] = []
    for pieces in docs_of([text or "" for text in texts], language):
        named: list[PartyMention] = []
        for offset, text, doc in pieces:
            group = doc.spans.get("cpc") or ()
            currency = [(s.start_char, s.end_char) for s in group if s.label_.startswith("CUR_")]
            for mention in mentions_in_doc(doc, partner, text):
                inside = any(mention.start < end and mention.end > start for start, end in currency)
                if mention.party in (*PARTIES, BOTH) and not inside:
                    named.append(
                        PartyMention(
                            mention.party,
                            mention.text,
                            mention.start + offset,
                            mention.end + offset,
                            mention.name,
                        )
                    )
        out.append(named)
    return out


def attribute_columns(header_cells, language: str, partner: str | None = None) -> list[str | None]:
    """The party of each column of a table from its header cells: "United States (USD)" ->
    US, "Peru (PEN)" -> partner (by name, or else by its non-dollar currency), "Year" -> None.
    """
    cells = [cell or "" for cell in header_cells]
    out: list[str | None] = []
    for pieces in docs_of(cells, language):
        party = None
        for _, text, doc in pieces:
            for mention in mentions_in_doc(doc, partner, text):
                if mention.party in PARTIES:
                    party = mention.party
                    break
            if party is None:
                codes = [s.id_ for s in doc.spans.get("cpc") or [] if s.label_.startswith("CUR_")]
                party = by_currency(codes[0]) if codes else None
        out.append(party)
    return out
