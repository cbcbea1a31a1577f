"""The financial plan and its oversight (element E), the plan to sustain progress after
the compact (F) and the management of child protection data (G).

An article on the topic is the plan where the draft has one (a heading the section cues
know, one that uses the topic's own cue words ("After the Partnership ends"), or a title
line in capitals the reader left as a paragraph); otherwise the blocks that use the
topic's cue words (data/cues.yaml) stand for it, which the element statuses weigh as a
mention in passing.

What the words commit to matters as much as where they stand. A sustainability plan is
set out only by a sentence that plans something and neither hopes ("will consider
sustainability", "hope that improvements continue"), hedges on means ("maintain the
services within the limits of its means", "en la medida de sus posibilidades") nor
defers (:mod:`.deferral`: "a plan will be agreed later", "se proponen acordar en su
momento"). Data are managed only where a sentence says they are collected, recorded,
tracked or managed, or names the system that holds them, now rather than later and not
as a possibility ("options could include a shared database") nor only as what is to be
improved ("improve data collection"); "data will be shared" is a mention, "the lack of
consolidated statistics" a problem, not a system, the source column of an indicator table
a source, not a system, and "information" or a "register" is child protection data only
when it is about children or cases. A sustainability sentence that "recognises the
importance" of lasting results declares; it plans nothing.
Oversight left for later ("audit arrangements will be agreed later") is none, and so is
a split of the amounts by year left for later ("the annual phasing will be agreed by the
Committee"): totals alone are no multi-year plan.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import NamedTuple

from cpc_draft.check.facts.deferral import deferring, defers, lacking, live_sentences
from cpc_draft.check.facts.sentences import sentences
from cpc_draft.check.facts.stream import Stream
from cpc_draft.check.facts.term import YEAR_RANGE
from cpc_draft.model import HEADING, ITEM, PARAGRAPH, TABLE_ROW, TextBlock
from cpc_draft.text.cues import cue, has, loose, phrases, prefilter
from cpc_draft.text.sections import HeadedSection

_YEAR_ROW = re.compile(r"^\s*(?:FY\s*)?(?:19|20)\d\d\b")  # a table row that starts with a year
TITLE_WORDS = 10  # a title line is short: "DÉCIMO PRIMERO.- SOSTENIBILIDAD."
TITLE_LETTERS = 4  # …and has words, not only a label ("IV.")
_QUOTE_MARK = re.compile(r"[\"“”«»]")  # around a defined term
_DEADLINE = re.compile(r"\b(?:19|20)\d\d\b")  # "by June 2029": a promise with a date


class FinancialPlan(NamedTuple):
    has_article: bool
    by_year: bool  # a table with a row per year ("2022", "FY2023", "Year 1", "2022–2023")
    oversight: tuple[TextBlock, ...]
    phasing_later: tuple[TextBlock, ...] = ()  # the amounts by year left to a later decision


class Sustainability(NamedTuple):
    blocks: tuple[TextBlock, ...]  # the article's, else those that mention sustaining
    has_article: bool
    # Blocks that set out what will sustain progress: in the article, any sentence that
    # plans without hoping or deferring; elsewhere, such a sentence about sustaining.
    strategy: tuple[TextBlock, ...] = ()
    deferred: tuple[TextBlock, ...] = ()  # blocks that leave the plan for later


class DataManagement(NamedTuple):
    blocks: tuple[TextBlock, ...]  # the article's, else those that mention the data
    has_article: bool
    # Blocks naming a case management or information system, or saying how the data are
    # collected, recorded, tracked or managed (not only shared).
    systems: tuple[TextBlock, ...]
    deferred: tuple[TextBlock, ...] = ()  # blocks that leave the system for later


def find_plan(stream: Stream) -> FinancialPlan:
    language = stream.language
    return FinancialPlan(
        has_article=stream.has_section("financial_plan"),
        by_year=any(
            YEAR_RANGE.search(b.text) or _names_a_year(b, language) or _years_across(b, language)
            for b in stream.blocks
            if b.kind == TABLE_ROW
        ),
        # a heading ("Money and oversight") names the topic; the mechanism is in its text
        oversight=tuple(
            b for b in stream.blocks if b.kind != HEADING and _oversees(b.text, language)
        ),
        phasing_later=tuple(
            b
            for b in stream.blocks
            if b.kind != HEADING
            and has("annual_phasing", language, b.text)
            and any(has("annual_phasing", language, s) for s in deferring(b.text, language))
        ),
    )


def _oversees(text: str, language: str) -> bool:
    """Oversight provided now, not "oversight arrangements will be agreed later": an audit
    or a review of the spending, or a joint body that meets or reviews ("A Joint Steering
    Committee meets twice a year to …", "Una Mesa de Seguimiento se reunirá …"); a body
    only named ("report to the Steering Committee") oversees nothing in that sentence."""
    if not (has("oversight", language, text) or has("oversight_body", language, text)):
        return False  # most blocks
    live = live_sentences(text, language, intentions=False)
    return any(_oversight_in(sentence, language) for sentence in live)


def _oversight_in(sentence: str, language: str) -> bool:
    return has("oversight", language, sentence) or (
        has("oversight_body", language, sentence) and has("oversight_act", language, sentence)
    )


def find_sustainability(
    stream: Stream, term_end: int | None = None, duties: frozenset[int] = frozenset()
) -> Sustainability:
    """``term_end``: the compact's last year, where the text states it; a sentence about
    a later year ("so that progress continues after 2030") is about after the compact.
    ``duties``: the blocks that are a government's duties, by index: a member of a list
    of commitments ("1) Include, from fiscal year 2031, the cost … in the budget") plans
    though its verb is an infinitive."""
    language = stream.language

    def about_after(text: str) -> bool:
        return has("sustainability", language, text) or _after_term(text, language, term_end)

    section = _article(stream, "sustainability", "sustainability")
    blocks = section or [b for b in stream.blocks if about_after(b.text)]
    strategy = [
        block
        for block in blocks
        if any(
            _plans(sentence, language, block.index in duties) and (section or about_after(sentence))
            for sentence in live_sentences(block.text, language)
        )
    ]
    later = _deferring(blocks, language)
    return Sustainability(tuple(blocks), bool(section), tuple(strategy), later)


def _after_term(text: str, language: str, term_end: int | None) -> bool:
    """ "after 2030", "más allá de 2030": a year after a cue word, not before the term's
    last year; "from fiscal year 2031", "a partir de 2031": a year past the term's last."""
    if term_end is None or not _DEADLINE.search(text):
        return False
    after = _year_pattern("after_year", language).finditer(text)
    since = _year_pattern("from_year", language).finditer(text)
    return any(int(m.group("year")) >= term_end for m in after) or any(
        int(m.group("year")) > term_end for m in since
    )


@cache
def _future_verb(language: str) -> re.Pattern:
    """A verb in the future tense: Spanish and French plan with it as English with "will"."""
    endings = "|".join(loose(ending) for ending in phrases("future_endings", language))
    return re.compile(rf"\b\w{{2,}}(?:{endings})\b" if endings else r"(?!)")


@cache
def _year_pattern(group: str, language: str) -> re.Pattern:
    words = "|".join(
        re.escape(word) for word in sorted(phrases(group, language), key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?i:{words})\s+(?P<year>(?:19|20)\d\d)\b")


def _plans(sentence: str, language: str, committed: bool = False) -> bool:
    """A sentence that plans something: a commitment or a strategy, neither a hope nor a
    promise without a date. ``committed``: the sentence is a government's duty."""
    if not (
        committed
        or has("commitment", language, sentence)
        or has("strategy", language, sentence)
        or _future_verb(language).search(sentence)
    ):
        return False
    return not _hedged(sentence, language) and not defers(sentence, language)


def _hedged(sentence: str, language: str) -> bool:
    """A hope ("will consider"), an intention on condition of means ("within the limits
    of its means, maintain the services") or a possibility ("might include a shared
    database"): general wording, not a plan or a system provided."""
    return any(
        has(group, language, sentence)
        for group in ("aspiration", "means_permitting", "speculative")
    )


def find_data_management(
    stream: Stream, indicators: frozenset[int] = frozenset()
) -> DataManagement:
    """``indicators``: the blocks that state an indicator, by index. A row of an indicator
    table describes no data system, whatever its cells name: its source column says where
    a figure will come from ("Case management system of the Prosecutor's Office"), and an
    indicator of a system's roll-out ("Number of districts using the database") measures
    it; both are mentions."""
    language = stream.language
    section = _article(stream, "data", "data", "data_general", "data_system")
    systems = tuple(
        b
        for b in stream.blocks
        if not (b.kind == TABLE_ROW and b.index in indicators) and _manages_data(b.text, language)
    )
    mentions = [b for b in stream.blocks if _mentions_data(b.text, language)]
    # an indicator row names a source; a clause on the data, where there is one, comes first
    mentions.sort(key=lambda b: b.kind == TABLE_ROW and b.index in indicators)
    blocks = section or mentions
    later = _deferring(blocks, language)
    return DataManagement(tuple(blocks), bool(section), systems, later)


def _deferring(blocks: list[TextBlock], language: str) -> tuple[TextBlock, ...]:
    return tuple(b for b in blocks if deferring(b.text, language))


def _manages_data(text: str, language: str) -> bool:
    """A system named ("case management", "base de datos"), or a sentence in which data
    or records are collected, recorded, tracked or managed — provided now, not left to
    a later decision, not said to be lacking ("l'absence de statistiques consolidées"
    states a problem), and not only named in a definition."""
    if not prefilter(("data_system", "data_handling"), language).search(text):
        return False  # most blocks
    live = [
        sentence
        for sentence in live_sentences(text, language)
        if not _defines_a_term(sentence, language) and not _speculates(sentence, language)
    ]
    if any(_provided(sentence, "data_system", language, set_up=True) for sentence in live):
        return True
    return len(_handling_steps(live, language)) >= HANDLING_STEPS


def _handling_steps(live: list[str], language: str) -> set[str]:
    """What is done with the data, one word stem a step: "collected" and "collect" are
    one step, "collected … consolidated" two. Data only "collected by the competent
    ministries" say who gathers them, not how they are tracked and managed."""
    return {
        match.group().casefold()[:STEM_LETTERS]
        for sentence in live
        if _names_data(sentence, language) or has("data_record", language, sentence)
        for match in cue("data_handling", language).finditer(sentence)
        if not lacking(sentence, match.start(), language)
        and not _to_improve(sentence, match.start(), language)
    }


HANDLING_STEPS = 2  # collected and tracked, recorded and consolidated: a way of managing data
STEM_LETTERS = 6  # "collect", "collected", "collecting" are one step; "consolidated" another


def _speculates(sentence: str, language: str) -> bool:
    """ "Options … might include a shared database": a system that may be, not one set up."""
    return has("speculative", language, sentence)


def _defines_a_term(sentence: str, language: str) -> bool:
    """ "“CPIMS” means the Child Protection Information Management System", "Por «SUR»
    se entiende …": a quoted term, then a definition."""
    found = cue("defines", language).search(sentence)
    return found is not None and _QUOTE_MARK.search(sentence[: found.start()]) is not None


def _mentions_data(text: str, language: str) -> bool:
    """Data, or a system for them, named other than as what is lacking."""
    return any(
        _provided(sentence, "data", language)
        or (
            has("data_subject", language, sentence)
            and _provided(sentence, "data_general", language)
        )
        or _provided(sentence, "data_system", language)
        for sentence in sentences(text)
    )


def _names_data(sentence: str, language: str) -> bool:
    """ "data", "statistics"; "information" only on children, victims or cases ("the
    Commission may request the information it needs" is no child protection data)."""
    if has("data", language, sentence):
        return True
    return has("data_general", language, sentence) and has("data_subject", language, sentence)


def _provided(sentence: str, group: str, language: str, *, set_up: bool = False) -> bool:
    """A phrase of ``group`` not named as lacking; ``set_up``: nor only as what is to be
    improved ("improve data collection", "fortalecerá el registro de casos"), general
    terms that say nothing of how the data are collected, tracked or managed."""
    return any(
        not lacking(sentence, match.start(), language)
        and not (set_up and _to_improve(sentence, match.start(), language))
        for match in cue(group, language).finditer(sentence)
    )


IMPROVE_GAP = 3  # words from the verb to what it improves: "renforcer le suivi des dossiers"


def _to_improve(sentence: str, at: int, language: str) -> bool:
    """The words at ``at`` are the object of an improvement ("to improve the collection
    of data", "fortalecer el registro", "renforcer le suivi des dossiers") or follow
    an endeavour ("will seek to set up a national case database", "procurará contar con
    un registro"): general terms, not a system set up."""
    before = sentence[:at]
    recent = " ".join(before.split()[-IMPROVE_GAP:])
    return has("improve", language, recent) or has("aspiration", language, before)


def _article(stream: Stream, key: str, *cue_groups: str) -> list[TextBlock]:
    """The blocks under the headings of the topic: those the section cues name ``key``,
    and others whose heading uses the topic's cue words (a line of action titled
    "Estrategia de sostenibilidad" is a program and the sustainability plan); failing those, the
    blocks after a title line read as a paragraph ("8. AFTER THE COMPACT")."""
    return [
        block
        for section in stream.sections
        if section.key == key or _heading_has(section, cue_groups, stream)
        for block in section.blocks
        if block.kind != HEADING
    ] or _after_title_line(stream, cue_groups)


def _after_title_line(stream: Stream, cue_groups: tuple[str, ...]) -> list[TextBlock]:
    """The blocks from a title line of the topic to the next title line or heading: an
    article whose heading came through as a paragraph of capitals ("DÉCIMO PRIMERO.-
    SOSTENIBILIDAD.", "9. CHILD PROTECTION INFORMATION"), or ran into its text
    ("NOVENA.- SOSTENIBILIDAD. El Gobierno …"): that paragraph is its first."""
    found: list[TextBlock] = []
    inside = False
    for block in stream.blocks:
        run_in = _run_in_title(block)
        if block.kind == HEADING or _title_line(block) or run_in:
            title = run_in or block.text
            inside = block.kind != HEADING and _names_topic(title, cue_groups, stream.language)
            if inside and run_in:
                found.append(block)
        elif inside:
            found.append(block)
    return found


def _run_in_title(block: TextBlock) -> str:
    """The title in capitals a paragraph opens with, ended by a full stop or a colon, before
    a sentence in lower case: "SEXTA.- DATOS. La Secretaría …" -> "SEXTA.- DATOS."."""
    if block.kind not in (PARAGRAPH, ITEM):
        return ""
    words = block.text.split()
    title = list(itertools.takewhile(_in_capitals, words[: TITLE_WORDS + 1]))
    if not title or len(title) > TITLE_WORDS or len(title) == len(words):
        return ""
    text = " ".join(title)
    letters = sum(char.isalpha() for char in text)
    return text if text.endswith((".", ":")) and letters >= TITLE_LETTERS else ""


def _in_capitals(word: str) -> bool:
    """ "DATOS.", "PRIMERA.-", "11.", "Y": no lower-case letter."""
    return not any(char.islower() for char in word)


def _title_line(block: TextBlock) -> bool:
    """A short paragraph in capitals: a heading the reader did not mark as one."""
    if block.kind not in (PARAGRAPH, ITEM) or len(block.text.split()) > TITLE_WORDS:
        return False
    letters = [char for char in block.text if char.isalpha()]
    return len(letters) >= TITLE_LETTERS and all(char.isupper() for char in letters)


def _heading_has(section: HeadedSection, cue_groups: tuple[str, ...], stream: Stream) -> bool:
    heading = section.heading
    return heading is not None and _names_topic(heading.text, cue_groups, stream.language)


def _names_topic(title: str, cue_groups: tuple[str, ...], language: str) -> bool:
    return any(has(group, language, title) for group in cue_groups)


def _years_across(row: TextBlock, language: str) -> bool:
    """A header row with a column a year: "Program | Government | FY2026 | FY2027 | …"."""
    from cpc_draft.nlp.periods import label_period

    cells = row.cells[1:] if row.cells else ()
    return sum(1 for cell in cells if label_period(cell, language) is not None) >= 2


def _names_a_year(row: TextBlock, language: str) -> bool:
    """A table row for one year of the plan: "2022", "FY2023", "Year 1", "Año 1"."""
    from cpc_draft.nlp.periods import label_period

    label = row.cells[0] if row.cells else row.text
    return _YEAR_ROW.match(row.text) is not None or label_period(label, language) is not None
