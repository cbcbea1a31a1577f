"""How drafts list things, whatever the format made of them: the shapes the finders of
objectives, duties and programs share.

A list is introduced by a lead-in ("X intends to:", "the following objectives:") and
made of members: Word or Markdown items, paragraphs that start with a label ("(a)",
"1.", "1°", "•"), or titled paragraphs ("Objective 2: …", "Safe Homes: …"). A list may
also run inside one paragraph: "intends to: (a) …; (b) …; and (c) …". Where a list
stands (an element's own section, a section of no element, another element's section)
tells whether the draft sets the element out or merely mentions it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from cpc_draft.check.facts.stream import Stream
from cpc_draft.model import HEADING, ITEM, TABLE_ROW, TextBlock

# "(a)", "a)", "1.", "(1)", "1)", "(iv)", "iv.", "1°", "A.", or a bullet, then a space. A
# PDF may give a Symbol-font bullet as a private-use character (U+F0B7): a bullet too.
_BULLETS = "•·‣⁃∙*>\u25a0-\u25ff\u2600-\u27bf\ue000-\uf8ff\\-–—"
_LABEL = re.compile(
    rf"^\s*(?:\(?(?:\d{{1,2}}|[a-zA-Z]|[ivxIVX]{{1,5}})[.)]|\d{{1,2}}\s?°|[{_BULLETS}])\s+"
)
# Labels running inside a paragraph: "…: (a) lead …; (b) assign …" or "1° … ; 2° …".
_RUN_IN = re.compile(r"(?:^|[\s:;,])(?:\(([a-z]|[ivx]{1,5}|\d{1,2})\)|([a-z])\)|(\d{1,2})\s?°)\s")
# "Objective 2: …", "Safe Homes – …": a short title, then a colon or a dash.
_TITLED = re.compile(r"^(?P<title>[^\W\d_][^:;.!?]{0,80}?)\s*(?::|\s[–—-]\s)\s*\S")
MAX_TITLE_WORDS = 8
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[(A-ZÀ-Ý])")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pieces of a paragraph; a "; (b)" starts a new piece too."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def is_lead_in(block: TextBlock, following: TextBlock | None = None) -> bool:
    """ "The Government of X intends to:", "… the following objectives:"; also "… sont
    les suivants" whose colon a scan or a retyping lost. ``following``: the next block,
    where known (see :func:`ends_in_lead_colon`)."""
    if block.kind == HEADING:
        return False
    text = block.text.rstrip()
    if text.endswith(":"):
        return ends_in_lead_colon(block, following)
    last = text.rsplit(None, 1)[-1].casefold() if text else ""
    return last in _list_follows()


def ends_in_lead_colon(block: TextBlock, following: TextBlock | None) -> bool:
    """Whether ``block`` ends in a colon that introduces what follows. An item "(a) …:"
    followed directly by its next sibling "(b) …" introduces nothing: its colon is a
    ";" that a scan or a typist got wrong, and the list goes on. A sub-level label
    after it ("(i)") or none keeps it a lead-in."""
    if not block.text.rstrip().endswith(":"):
        return False
    return following is None or not is_next_sibling(block.text, following.text)


def is_next_sibling(text: str, following: str) -> bool:
    """Whether ``following`` starts with the label after the one ``text`` starts with,
    in the same style: "(b)" after "(a)", "2." after "1.", "ii)" after "i)"."""
    first, second = _SIBLING.match(text), _SIBLING.match(following)
    if first is None or second is None:
        return False
    if (first["open"], first["close"]) != (second["open"], second["close"]):
        return False
    return second["value"] in _successors(first["value"])


# a list label whose successor is known: "(a)", "a)", "a.", "(1)", "1.", "(iv)", "iv."
_SIBLING = re.compile(
    r"^\s*(?P<open>\(?)(?P<value>\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})(?P<close>[.)])\s"
)
_ROMAN = {"i": 1, "v": 5, "x": 10}


def _successors(value: str) -> set[str]:
    """The labels that may follow ``value``: "a" -> "b"; "i" -> "j" or "ii"; "9" -> "10"."""
    if value.isdigit():
        return {str(int(value) + 1)}
    found = set()
    if len(value) == 1 and value.lower() != "z":
        found.add(chr(ord(value) + 1))
    number = _roman_value(value.lower())
    if number:
        following = _roman(number + 1)
        found.add(following.upper() if value.isupper() else following)
    return found


def _roman_value(text: str) -> int | None:
    """The value of a small Roman numeral ("iv" -> 4); None for what is not one."""
    if not text or set(text) - set(_ROMAN):
        return None
    total = 0
    for char, after in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN[char]
        total += -value if _ROMAN.get(after, 0) > value else value
    return total if _roman(total) == text else None


def _roman(number: int) -> str:
    parts = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    text = ""
    for value, letters in parts:
        count, number = divmod(number, value)
        text += letters * count
    return text


@cache
def _list_follows() -> frozenset[str]:
    from cpc_draft.text.cues import phrases

    return frozenset(
        word for language in ("en", "es", "fr") for word in phrases("list_follows", language)
    )


def is_labelled(block: TextBlock) -> bool:
    return block.kind == ITEM or has_label(block.text)


def has_label(text: str) -> bool:
    """ "(a) …", "1. …", "• …": a list member's label (not "5.1", a clause number)."""
    return _LABEL.match(text) is not None


def title_of(text: str) -> str | None:
    """The title of a titled paragraph ("Safe Homes: two shelters …" -> "Safe Homes")."""
    body = _LABEL.sub("", text, count=1)
    match = _TITLED.match(body)
    if not match:
        return None
    title = match.group("title").strip()
    words = title.split()
    if not words or len(words) > MAX_TITLE_WORDS or not words[0][0].isupper():
        return None
    return title


def run_in_count(text: str) -> int:
    """How many members a list running inside ``text`` has (0 where there is none):
    "(a) … (b) … (c)" counts 3; one "(a)" alone is a reference, not a list."""
    labels = {next(g for g in m.groups() if g) for m in _RUN_IN.finditer(text)}
    return len(labels) if len(labels) >= 2 else 0


def members_after(
    blocks: Sequence[TextBlock], position: int, *, titled: bool = False
) -> list[TextBlock]:
    """The members of the list whose lead-in is ``blocks[position]``: the labelled
    blocks (or, with ``titled``, titled paragraphs) that follow it, up to the next
    heading, lead-in or block of another shape."""
    members: list[TextBlock] = []
    lead = blocks[position].text
    for offset in range(position + 1, len(blocks)):
        block = blocks[offset]
        following = blocks[offset + 1] if offset + 1 < len(blocks) else None
        if (
            block.kind in (HEADING, TABLE_ROW)
            or is_lead_in(block, following)
            or sibling(lead, block.text)
        ):
            break
        if (
            is_labelled(block)
            or (titled and title_of(block.text))
            or numbered_member(lead, members, block.text)
        ):
            members.append(block)
        else:
            break
    return members


def sub_clause(lead: str, text: str) -> bool:
    """ "3.1.2 child victims are …" under "3.1 By 2030 we expect these changes:": a
    clause numbered one level below its lead-in's number is a member of its list."""
    number = _CLAUSE_NUMBER.match(lead)
    if number is None:
        return False
    return re.match(rf"{re.escape(number.group(1))}\.\d{{1,2}}\.?\s", text) is not None


def numbered_member(lead: str, members: Sequence[TextBlock], text: str) -> bool:
    """A member numbered as a clause: one level below a numbered lead-in ("3.1 … :"
    then "3.1.1 …"), or, after a lead-in with no number ("… the following
    objectives:"), clauses numbered in sequence from one ("3.1 …", "3.2 …")."""
    if _CLAUSE_NUMBER.match(lead):
        return sub_clause(lead, text)
    number = _CLAUSE_NUMBER.match(text)
    if number is None:
        return False
    parts = number.group(1).split(".")
    previous = _CLAUSE_NUMBER.match(members[-1].text) if members else None
    if previous is None:
        return not members and parts[-1] == "1"
    before = previous.group(1).split(".")
    return before[:-1] == parts[:-1] and int(parts[-1]) == int(before[-1]) + 1


def sibling(lead: str, text: str) -> bool:
    """ "3.2 …" after "3.1 … :" and its "3.1.1 …": the next clause, not a member."""
    return (
        _CLAUSE_NUMBER.match(lead) is not None
        and _CLAUSE_NUMBER.match(text) is not None
        and not sub_clause(lead, text)
    )


_CLAUSE_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s")


def section_of(stream: Stream) -> dict[int, str | None]:
    """The section key of each block (None outside a recognised section)."""
    return {block.index: s.key for s in stream.sections for block in s.blocks}


# Sections of no element: the preamble, headings a draft words its own way, a purpose.
NEUTRAL_KEYS = (None, "purpose")
