"""Element B in a plan of action: lines of action each assigned to a responsible body.

A plan of action states duties per line of action, not per government: a line
"Responsable: Procuraduría General" (or "Lead agency: Ministry of Justice", "Structure
responsable : Police nationale") under each action, or a "Responsible" / "Lead agency"
column in the activity table. The action is a duty of the government whose body is
named there: a party named (the TIP Office, a Ministry) or a national body of the
partner's state (the ``national_body`` cues: "Procuraduría", "Police nationale").

Its roles article may also state each government's part in the present tense, with no
verb of commitment: "Le Gouvernement de X, par l'intermédiaire du Ministère, assure la
coordination du Plan et préside le Comité" (:func:`role_of`).
"""

from __future__ import annotations

import re
from functools import cache

from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import HEADING, TABLE_ROW, TextBlock
from cpc_draft.text.cues import cue, has

PARTIES = ("US", "partner")
MAX_LABEL_WORDS = 4  # a column header or a line's label: "Institución responsable"


def assigned_duties(stream: Stream) -> dict[str, list[TextBlock]]:
    """Each government's lines of action, by the body a label line or a column names."""
    found: dict[str, list[TextBlock]] = {party: [] for party in PARTIES}
    language = stream.language
    previous: TextBlock | None = None
    for block in stream.blocks:
        if block.kind == TABLE_ROW:
            continue
        label = _label_line(language).match(block.text)
        if label and previous is not None:
            party = _party_of(label.group("who"), stream)
            if party:
                found[party] += [previous, block]  # the action and the line naming its body
        if block.kind != HEADING and not label:
            previous = block
    for party, row in _assigned_rows(stream):
        found[party].append(row)
    return found


def _assigned_rows(stream: Stream):
    """(party, row) for the body rows of tables with a responsible-body column."""
    tables: dict[int, list[TextBlock]] = {}
    for block in stream.blocks:
        if block.kind == TABLE_ROW and block.table is not None and block.cells:
            tables.setdefault(block.table, []).append(block)
    for rows in tables.values():
        column = _responsible_column(rows[0].cells, stream.language)
        if column is None:
            continue
        for row in rows[1:]:
            party = _party_of(row.cells[column], stream) if column < len(row.cells) else None
            if party:
                yield party, row


def _responsible_column(header: tuple[str, ...], language: str) -> int | None:
    label = cue("responsible_label", language)
    for position, cell in enumerate(header):
        if len(cell.split()) <= MAX_LABEL_WORDS and label.search(cell):
            return position
    return None


def _party_of(text: str, stream: Stream) -> str | None:
    """The one government whose body ``text`` names: a party, else a national body."""
    from cpc_draft.nlp import find_party_mentions

    named = {m.party for m in find_party_mentions(text, stream.language, stream.partner)}
    named &= set(PARTIES)
    if len(named) == 1:
        return named.pop()
    if not named and cue("national_body", stream.language).search(text):
        return "partner"
    return None


@cache
def _label_line(language: str) -> re.Pattern:
    """ "Responsable: …", "Institución responsable – …", "Lead agency: …"."""
    label = cue("responsible_label", language).pattern
    return re.compile(rf"^\W*(?:{label})\s*[:：–—-]\s*(?P<who>\S.{{0,200}})$", re.I | re.S)


MIN_ROLE_WORDS = 10  # "The Ministry chairs the Committee." is a role; a title is not


def role_of(block: TextBlock, stream: Stream) -> str | None:
    """The one government a paragraph of the responsibilities section opens with, as its
    subject, where the paragraph goes on to say what it does (no verb of commitment)."""
    from cpc_draft.nlp import find_party_mentions

    text, language = block.text, stream.language
    if block.kind == HEADING or len(text.split()) < MIN_ROLE_WORDS:
        return None
    if has("hedged_duty", language, text) or has("undecided", language, text):
        return None
    mentions = with_bodies(text, find_party_mentions(text, language, stream.partner), language)
    if not mentions or mentions[0].party not in PARTIES:
        return None
    first = mentions[0]
    stripped = len(text) - len(text.lstrip(" \t-–—•(0123456789.)"))
    if not opens_clause(text[stripped : first.start]):
        return None
    following = INSERTION.sub(" ", text[first.end :]).split()[:1]
    if following and cue("list_and", language).fullmatch(following[0].strip(",")):
        return None  # "The United States and X …": both, no one government's role
    return first.party


INSERTION = re.compile(r",[^,]*,")
MAX_CONNECTIVE_WORDS = 4  # "To this end,", "Para tal efecto,", "À cet effet,"


def opens_clause(before: str) -> bool:
    """Whether the words before the subject leave it the clause's opening: none, an
    article ("El", "Le"), or a short connective and its comma ("Para tal efecto, el")."""
    if len(before.split()) <= 1:
        return True
    head, comma, tail = before.rpartition(",")
    return bool(comma) and len(head.split()) <= MAX_CONNECTIVE_WORDS and len(tail.split()) <= 1


def with_bodies(text: str, mentions, language: str) -> list:
    """The party mentions, and the partner's national bodies named where no party is
    ("la Procuraduría General", "the Office of the Attorney General")."""
    from cpc_draft.nlp.values import PartyMention

    added = [
        PartyMention("partner", found.group(), found.start(), found.end())
        for found in cue("national_body", language).finditer(text)
        if all(found.end() <= m.start or found.start() >= m.end for m in mentions)
    ]
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions
