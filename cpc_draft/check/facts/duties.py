"""Element B: the responsibilities of each government.

A duty is a commitment ("intends to", "plans to", "entend", "se compromete a"; the
``commitment`` cues) whose subject is one government. The subject is the first party
named before the commitment that is not the object of a preposition: in "The
Government of the United States, through the Office to Monitor … ("TIP Office"),
intends to:" it is the United States, whatever stands between it and its verb. A
lead-in ("X intends to:") gives X the members of the list that follows; a heading that
names one government ("Responsibilities of the Government of X") gives X the list under
it, as a clause's run-in title does ("5.1 Government of X. Through …, the GoB plans
to:"). A duty left for later ("to be set out in a separate arrangement") is not a duty.
Nor is support left to the government's discretion ("will support … as appropriate", "en
la medida de sus posibilidades", "dans la mesure de ses moyens": the ``hedged_duty``
cues), or a pledge of money ("the United States intends to provide up to US$4,000,000"),
a contribution (elements C and E): a government that takes on only these has duties in
general terms only.

A plan of action often gives each line of action to an institution of the partner, in
the future tense: "La Procuraduría General designará quince fiscales", "La Police
nationale créera une brigade". A national body (the ``national_body`` cues) is the
partner's, and a future-tense verb right after the body that opens the sentence commits
it as "intends to" does. Lines of action given to a body by a "Responsable:" line or a
lead-agency column (:mod:`.assigned`) are that government's listed duties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from cpc_draft.check.facts.assigned import (
    INSERTION,
    assigned_duties,
    opens_clause,
    role_of,
    with_bodies,
)
from cpc_draft.check.facts.listing import (
    NEUTRAL_KEYS,
    ends_in_lead_colon,
    is_labelled,
    run_in_count,
    sentences,
    sub_clause,
)
from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import HEADING, ITEM, Contribution, TextBlock
from cpc_draft.text.cues import cue, has, phrases

PARTIES = ("US", "partner")
MIN_DUTY_WORDS = 4  # "intends to:" introduces duties; "intends to fund partners" is one
MIN_WOVEN_DUTIES = 2  # duties of each government in one section of no element
MAX_TITLE_WORDS = 8  # "5.2 United States Government." before the clause's text
MAX_SUBJECT_WORDS = 12  # "El Consejo Nacional de Pesca y Acuicultura realizará …"


class Duties(NamedTuple):
    us: tuple[TextBlock, ...]
    partner: tuple[TextBlock, ...]
    has_article: bool  # a section on responsibilities, not only duties in passing
    in_passing: tuple[str, ...] = ()  # parties whose duties are only mentioned in passing
    # parties with no concrete duty, only support left to their discretion or money
    general: tuple[str, ...] = ()


class _Reading(NamedTuple):
    duties: dict[str, list[TextBlock]]
    listed: dict[str, list[TextBlock]]  # duties given as a list (lead-in or run-in)
    clauses: dict[str, list[int]]  # the block of each duty stated in a sentence
    general: set[str]  # parties giving support at their discretion ("as appropriate") or money


def find_duties(stream: Stream, contributions: Sequence[Contribution] = ()) -> Duties:
    section = stream.in_section("responsibilities")
    money: dict[int, list[str]] = {}
    for contribution in contributions:
        money.setdefault(contribution.block, []).append(contribution.text)
    reading = _read(section, stream, money, headed=True)
    duties, passing, general = reading.duties, [], set(reading.general)
    missing = [party for party in PARTIES if not duties[party]]
    if missing:
        # Look beyond the section: a government's duties given as a list ("X intends
        # to:" and its members) count wherever they stand, under a heading the draft
        # words its own way or none; a duty in a sentence elsewhere is in passing.
        inside = {b.index for b in section}
        others = [b for b in stream.blocks if b.index not in inside]
        rest = _read(others, stream, money, headed=False)
        woven = not section and _woven_section(stream, rest)
        general |= rest.general
        assigned = assigned_duties(stream)
        for party in missing:
            duties[party] = rest.duties[party] or assigned[party]
            stated = rest.listed[party] or assigned[party] or woven
            if duties[party] and not stated and (section or stream.structured):
                passing.append(party)
    return Duties(
        tuple(duties["US"]),
        tuple(duties["partner"]),
        stream.has_section("responsibilities"),
        tuple(passing),
        tuple(party for party in PARTIES if party in general and not duties[party]),
    )


def _woven_section(stream: Stream, reading: _Reading) -> bool:
    """Whether a section of no element ("Implementation", "General provisions") gives
    each government several duties in prose: a responsibilities article the draft words
    its own way. A duty or two beside other matters is in passing."""
    for section in stream.sections:
        if section.key not in NEUTRAL_KEYS:
            continue
        inside = {b.index for b in section.blocks}
        counts = [sum(1 for b in reading.clauses[p] if b in inside) for p in PARTIES]
        if min(counts) >= MIN_WOVEN_DUTIES:
            return True
    return False


def _read(
    blocks: Sequence[TextBlock], stream: Stream, money: dict[int, list[str]], *, headed: bool
) -> _Reading:
    """Each government's duties in ``blocks``. ``headed``: the blocks are a
    responsibilities section, whose headings may name the government. ``money``: the
    amounts each block states, by block index."""
    duties: dict[str, list[TextBlock]] = {party: [] for party in PARTIES}
    listed: dict[str, list[TextBlock]] = {party: [] for party in PARTIES}
    clauses: dict[str, list[int]] = {party: [] for party in PARTIES}
    general: set[str] = set()
    current: str | None = None  # whose list the following members belong to
    headed_by: str | None = None  # the government the current heading names
    lead = ""  # the lead-in of the current list: "4.1 X will:" has "4.1.1 …" as members
    for position, block in enumerate(blocks):
        if block.kind == HEADING:
            headed_by = current = _named_party(block.text, stream) if headed else None
            continue
        member = block.kind == ITEM or is_labelled(block) or sub_clause(lead, block.text)
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if current and member and not ends_in_lead_colon(block, following):
            if has("hedged_duty", stream.language, block.text):
                general.add(current)  # "(c) support the Ministry as appropriate"
                continue
            _add(duties[current], block)  # "(b) ensure that …": the list's government's
            _add(listed[current], block)
            continue
        amounts = money.get(block.index, ())
        said = _stated_duties(block.text, stream, amounts) if _may_state(block, stream) else None
        if said is not None:
            subjects, introduces, discretionary = said
            general.update(discretionary)
            for party in subjects:
                clauses[party].append(block.index)
                _add(duties[party], block)
                if run_in_count(block.text):
                    _add(listed[party], block)
            current = introduces or headed_by
            lead = block.text
        elif headed_by:
            # Under "Responsibilities of the United States", "Fund implementing partners
            # …" is the United States' duty though it names no one.
            _add(duties[headed_by], block)
            _add(listed[headed_by], block)
        elif headed and (role := role_of(block, stream)):
            # In the roles article, "Le Gouvernement de X, par l'intermédiaire du MAST,
            # assure la coordination du Plan, affecte le personnel …": X's roles, stated in
            # the present tense as plans of action and terms of reference state them.
            clauses[role].append(block.index)
            _add(duties[role], block)
            current = None
        else:
            current = None
    return _Reading(duties, listed, clauses, general)


def _may_state(block: TextBlock, stream: Stream) -> bool:
    language = stream.language
    return any(has(group, language, block.text) for group in _COMMITMENT_GROUPS) or (
        _future(language).search(block.text) is not None
    )


@cache
def _future(language: str) -> re.Pattern:
    """A verb in the future tense ("designará", "créera"): in Spanish and French a body
    that opens the sentence commits with it as with "intends to"."""
    endings = "|".join(phrases("future_endings", language))
    return re.compile(rf"\b\w{{2,}}(?:{endings})\b" if endings else r"(?!)")


@cache
def _commitment_or_future(language: str) -> re.Pattern:
    commitment, future = cue("commitment", language), _future(language)
    return re.compile(f"(?:{commitment.pattern})|(?:{future.pattern})", commitment.flags)


_COMMITMENT_GROUPS = ("commitment", "commitment_of", "commitment_to")


def _stated_duties(
    text: str, stream: Stream, amounts: Sequence[str] = ()
) -> tuple[list[str], str | None, set[str]] | None:
    """(the parties ``text`` gives duties to, the party whose list it introduces, the
    parties it gives only support at their discretion or money), or None where no party
    takes on anything in it."""
    from cpc_draft.nlp import find_party_mentions

    language = stream.language
    commitment = cue("commitment", language)
    mentions = with_bodies(text, find_party_mentions(text, language, stream.partner), language)
    subjects: list[str] = []
    general: set[str] = set()
    introduces: str | None = None
    any_subject = False
    titled = _titled_by(text, mentions)
    for offset, sentence in sentences(text):
        for found, party in _commitments(text, mentions, offset, sentence, commitment, language):
            party = party or titled
            if party is None:
                continue
            any_subject = True
            if party not in PARTIES:
                continue  # "The Participants intend to …": joint, no one government's
            after = sentence[found.end() :]
            # a verb ("will", "designará") with few words after it before the colon, or
            # "Corresponde a X, a través de …:" however long, introduces X's list
            by_verb = found.re is _commitment_or_future(language)
            short = len(after.split()) <= MIN_DUTY_WORDS or not by_verb
            clause = _clause(after, commitment)
            if sentence.rstrip().endswith(":") and short:  # "Corresponde a X, a través de …:"
                introduces = party
            elif has("hedged_duty", language, f"{found.group()} {clause.strip()}") or (
                _general_support(clause, mentions, text, language)
            ):
                general.add(party)  # "X will support Y as appropriate": no duty of X's
            elif len(after.split()) >= MIN_DUTY_WORDS and not has("undecided", language, sentence):
                if _pledges_money(clause, amounts, language):
                    general.add(party)  # "X intends to provide up to US$…": money, no duty
                else:
                    subjects.append(party)  # each clause its own: "X will …, and Y will …"
    return (subjects, introduces, general) if any_subject else None


MAX_CHANNEL_WORDS = 3  # "through the Department of State's TIP Office": "'s", "of"


def _general_support(clause: str, mentions, text: str, language: str) -> bool:
    """ "support the Partnership", alone or "through the TIP Office": support of the
    whole, with no concrete duty ("support the Partnership by funding two shelters" has
    one)."""
    opening = cue("general_support", language).match(clause.strip())
    if opening is None:
        return False
    rest = clause.strip()[opening.end() :].strip(" .,;")
    channel = cue("support_channel", language).match(rest)
    if not rest or channel is None:
        return not rest
    rest = rest[channel.end() :]
    for mention in mentions:  # the bodies named, wherever the clause stands in the text
        rest = rest.replace(text[mention.start : mention.end], " ")
    words = re.findall(r"\w{2,}", re.sub(r"\([^)]*\)", " ", rest))
    return len(words) <= MAX_CHANNEL_WORDS


PLEDGE_VERB_AT = 3  # "provide up to US$…", "to contribute US$…": the verb comes first


def _pledges_money(clause: str, amounts: Sequence[str], language: str) -> bool:
    """The clause only gives money: a funding verb first, then an amount ("provide up to
    US$4,000,000 for the Partnership", "aportará RD$ 45,000,000")."""
    if not any(amount and amount in clause for amount in amounts):
        return False
    opening = " ".join(clause.split()[:PLEDGE_VERB_AT])
    return has("pledge_verb", language, opening)


def _clause(after: str, commitment: re.Pattern) -> str:
    """What one commitment takes on: the words after it up to the next commitment ("will
    support … as appropriate and will fund …" hedges the support, not the funding)."""
    following = commitment.search(after)
    return after[: following.start()] if following else after


def _commitments(text, mentions, offset: int, sentence: str, commitment, language: str):
    """(cue, the party taking on what follows it) in ``sentence``: the subject before
    "will", "se compromete a"; the party named right after "Corresponde a", "Il incombe
    à"; the party named before "le corresponde" ("A la parte X le corresponde:")."""
    start, previous = 0, None
    for found in _commitment_or_future(language).finditer(sentence):
        segment = (offset + start, offset + found.start())
        future = commitment.fullmatch(found.group()) is None
        if previous and _joined(text[segment[0] : segment[1]], language):
            party = previous  # "X will support Y as appropriate, and will fund …": X's
        elif future:
            party = _opening_subject(text, mentions, segment, language)
        else:
            party = _subject(text, mentions, segment, language)
        if future and party is None:
            continue  # "El Plan se organizará …": a future tense, no one's duty
        start, previous = found.end(), party
        yield found, party
    for found in cue("commitment_of", language).finditer(sentence):
        after = [m for m in mentions if offset + found.end() <= m.start < offset + found.end() + 4]
        yield found, after[0].party if after else None
    for found in cue("commitment_to", language).finditer(sentence):
        before = [m for m in mentions if offset <= m.start and m.end <= offset + found.start()]
        yield found, before[-1].party if before else None


def _opening_subject(text: str, mentions, segment: tuple[int, int], language: str) -> str | None:
    """The party or body that opens ``text[segment]``: "El Poder Judicial habilitará …",
    not "… integrada por la Procuraduría, se reunirá"."""
    start, end = segment
    opening = text[start:end]
    stripped = len(opening) - len(opening.lstrip(" \t-–—•(0123456789.)"))
    # ", por medio de la Oficina … (Oficina TIP)," between the subject and its verb is an
    # aside: the subject is no longer for it
    words = INSERTION.sub(" ", opening[stripped:]).split()
    if len(words) > MAX_SUBJECT_WORDS:
        return None
    first = [m for m in mentions if start <= m.start and m.end <= end]
    if not first:
        return None
    before = text[start + stripped : first[0].start]
    return first[0].party if opens_clause(before) and first[0].party in PARTIES else None


def _joined(between: str, language: str) -> bool:
    """The words between two commitments end in "and": the second has the first's
    subject, whatever party the first one's object names."""
    words = between.rstrip(" ,;").split()
    return bool(words) and cue("list_and", language).fullmatch(words[-1]) is not None


def _subject(text: str, mentions, segment: tuple[int, int], language: str) -> str | None:
    """The first party named in ``text[segment]`` that is not the object of a
    preposition ("through the TIP Office", "with the Government of X"); "both" where
    both governments are named so ("the United States and Velora will …")."""
    start, end = segment
    before_party = _not_subject(language)
    subjects = [
        mention.party
        for mention in mentions
        if start <= mention.start
        and mention.end <= end
        and not before_party.search(text[start : mention.start])
    ]
    if not subjects:
        return None
    return "both" if set(PARTIES) <= set(subjects) else subjects[0]


def _titled_by(text: str, mentions) -> str | None:
    """The government a clause's run-in title names: "5.1 Government of X. Through its
    Ministry, the GoB plans to:" gives the clause to X, whatever its verb's subject is
    called (an abbreviation, "the Ministry")."""
    _, first = next(sentences(text))
    if len(first.split()) > MAX_TITLE_WORDS or not first.rstrip().endswith((".", ":")):
        return None
    named = {m.party for m in mentions if m.end <= len(first)}
    return named.pop() if len(named) == 1 and named <= set(PARTIES) else None


_NOT_SUBJECT: dict[str, re.Pattern] = {}


def _not_subject(language: str) -> re.Pattern:
    """Words that make the party after them an object: "through", "par l'intermédiaire du"."""
    if language not in _NOT_SUBJECT:
        words = cue("not_subject", language).pattern
        _NOT_SUBJECT[language] = re.compile(rf"{words}\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?$")
    return _NOT_SUBJECT[language]


def _named_party(heading: str, stream: Stream) -> str | None:
    """The one government a heading names ("Responsibilities of the Government of X")."""
    from cpc_draft.nlp import find_party_mentions

    parties = {m.party for m in find_party_mentions(heading, stream.language, stream.partner)}
    return parties.pop() if len(parties) == 1 and parties <= set(PARTIES) else None


def _add(blocks: list[TextBlock], block: TextBlock) -> None:
    """Blocks are read once each, in order: a repeat can only be the last one added
    (a search of the whole list made a draft of many paragraphs quadratic)."""
    if not blocks or blocks[-1] is not block:
        blocks.append(block)
