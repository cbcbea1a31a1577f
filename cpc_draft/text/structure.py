"""One structure stage for every format: which blocks are headings, and what they label.

A received draft is read from .txt, .docx or .pdf, and each reader has its own idea of a
heading (a Word heading style, a PDF line set large, a line in capitals). The same words
must give the same outline whatever the format, so this stage decides from the text of
each block and of its neighbours alone. It recognises:

- labelled divisions in en, es and fr (data/headings.yaml): "Article 5", "ARTICLE V —
  Purpose", "Article premier :", "CLÁUSULA PRIMERA.- OBJETO", "PART ONE: GENERAL",
  "TITRE I / Chapitre 1", "Clause 2.1 Objectives", "PARAGRAPH 2 — OBJECTIVES",
  "Annex A – Results Framework", "Schedule 2";
- numbered titles: "3. Programs and Initiatives", "1.1 Purpose", "IV. FINANCIAL PLAN";
- lines in capitals that are not sentences ("MULTI-YEAR FINANCIAL PLAN");
- unnumbered descriptive headings ("Who does what", "Where the money comes from"): a
  short line that is not a sentence, introducing a longer paragraph or a list.

Numbered paragraphs ("5. The Government of … intends to …") stay paragraphs: their
number is a label, not a title. After the signature blocks only labelled divisions are
headings: an annex, or the articles of the next language version.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.model import HEADING, TABLE_ROW, TextBlock
from cpc_draft.text.headings import ordinal_heading

PARAGRAPH, ITEM = "paragraph", "item"
NUMBERED = "number"  # "3. Programs": a title numbered without a unit word
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_TERMINAL = ".;,:"
# What stands between a label and its title: "5 –", "1er :" (French spaces before the
# colon are often no-break), "PRIMERA.-", "I."; and a title's trailing stop.
_SEPARATORS = re.compile(r"^[\s.:–—\-)]+|[\s.:–—\-)]+$")
MAX_TITLE_WORDS = 16  # "ARTICLE 9 – MULTI-YEAR FINANCIAL PLAN AND OVERSIGHT …" is long
MAX_PLAIN_HEADING_WORDS = 10  # "What this document is, and is not"
MAX_CAPS_TITLE_CHARS = 250  # a title in capitals may name both governments in full
MAX_PHRASE_TITLE_WORDS = 5  # "5. Measuring results": a numbered title in sentence case
MIN_BODY_WORDS = 8  # what a heading introduces is longer than a heading


@dataclass(frozen=True)
class HeadingLabel:
    """What a labelled heading says of itself: "CLÁUSULA PRIMERA.- OBJETO" is a clause,
    level 3, number "1", word "CLÁUSULA", title "OBJETO"."""

    unit: str  # article, section, clause, part, chapter, title, annex, paragraph, number
    level: int  # 1 is the largest division
    number: str  # normalised: "5" (V, five, premier), "1.1", "A"
    word: str  # the unit word as written; "" for a numbered title
    title: str  # the words after the number


@cache
def _data() -> dict:
    text = resources.files("cpc_draft").joinpath("data/headings.yaml").read_text("utf-8")
    return load_data(text)


@cache
def _small_words() -> frozenset[str]:
    return frozenset(_data()["small_words"])


@cache
def _unit_words() -> dict[str, tuple[str, int]]:
    """Every unit word, folded -> (unit, level)."""
    words: dict[str, tuple[str, int]] = {}
    for unit, entry in _data()["units"].items():
        for language, names in entry.items():
            if language != "level":
                for name in names:
                    words[name.casefold()] = (unit, entry["level"])
    return words


def unit_name(unit: str, language: str | None) -> str | None:
    """How ``language`` names a unit: "clause" -> "Cláusula" in Spanish; None for a
    numbered title, which has no unit word."""
    names = _data()["units"].get(unit, {}).get(language or "en")
    return names[0].capitalize() if names else None


@cache
def _number_words() -> dict[str, str]:
    return {
        str(word).casefold(): str(value)
        for value, names in _data()["number_words"].items()
        for word in names
    }


@cache
def _label_pattern() -> re.Pattern:
    units = "|".join(re.escape(w) for w in sorted(_unit_words(), key=len, reverse=True))
    spelled = "|".join(re.escape(w) for w in sorted(_number_words(), key=len, reverse=True))
    return re.compile(
        rf"^(?P<word>{units})(?<=\.|\w)\s*"
        rf"(?P<number>\d{{1,3}}(?:\.\d{{1,3}}){{0,3}}(?:er|re|º|ª|°)?|(?:{spelled})(?!\w)"
        rf"|[ivxlc]{{1,7}}(?!\w)|[a-z](?!\w))"
        r"(?P<rest>.*)$",
        re.IGNORECASE | re.DOTALL,
    )


_NUMBERED_TITLE = re.compile(
    r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,2}|[IVXLC]{1,6})(?:[.)]\s*|\s+)(?P<title>\S.*)$",
    re.DOTALL,
)


_DATELINE = re.compile(r",\s.*\b(?:19|20)\d\d\.?$")
_DECIMAL_PARAGRAPH = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+\D")
_OUTLINE_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s")


@cache
def _closing_pattern() -> re.Pattern:
    phrases = "|".join(re.escape(p) for p in _data()["closing"])
    return re.compile(rf"^(?:{phrases})\b", re.IGNORECASE)


def heading_label(text: str) -> HeadingLabel | None:
    """The label ``text`` starts with ("Article 5 – Programs", "3. Programs"), if it is
    shaped like a heading's; None for a sentence that merely starts with a number."""
    text = text.strip()
    match = _label_pattern().match(text)
    if match and match.group("word")[0].isupper():
        unit, level = _unit_words()[match.group("word").casefold()]
        title = _title(match.group("rest"))
        if title is not None:
            number = normalise_number(match.group("number"))
            return HeadingLabel(unit, level, number, match.group("word"), title)
    ordinal = _ordinal_label(text)
    if ordinal is not None:
        return ordinal
    match = _NUMBERED_TITLE.match(text)
    if match:
        title = match.group("title").strip()
        if title and (_is_title_text(title, MAX_PLAIN_HEADING_WORDS) or _is_phrase_title(title)):
            depth = match.group("number").count(".")
            return HeadingLabel(
                NUMBERED, 3 + depth, normalise_number(match.group("number")), "", title
            )
    return None


def _ordinal_label(text: str) -> HeadingLabel | None:
    """ "PRIMERO.- OBJETO DEL CONVENIO.", "Segunda: Objetivos", "FIRST —": a clause
    numbered by its ordinal word alone, where a title (or nothing) follows the label."""
    found = ordinal_heading(text)
    if found is None:
        return None
    number, rest = found
    title = rest[:-1].rstrip() if rest.endswith(".") else rest
    if title and not (_is_title_text(title, MAX_TITLE_WORDS) or _is_phrase_title(title)):
        return None  # "Primero.- El presente Convenio establece …": a sentence
    return HeadingLabel("clause", 3, str(number), "", title)


def _title(rest: str) -> str | None:
    """The title after a unit's number, or None where what follows is a sentence."""
    if rest and rest[0].isalnum():  # "Article 5th", "Section 3A": not a label we know
        return None
    title = _SEPARATORS.sub("", rest)
    if not title:
        return ""
    words = title.split()
    long_sentence = rest.rstrip()[-1] in _TERMINAL and len(words) > 6 and not _is_caps(title)
    if len(words) > MAX_TITLE_WORDS or long_sentence:
        return None
    separator = rest[: rest.index(title)]
    if not separator.strip() and not title[0].isupper():
        return None  # "Section 4 of the Act provides …": a sentence about a section
    return title


def normalise_number(token: str) -> str:
    """ "V" -> "5", "premier" / "PRIMERA" / "1er" -> "1", "1.1" -> "1.1", "A" -> "A"."""
    folded = token.casefold().rstrip(".")
    spelled = _number_words().get(folded)
    if spelled:
        return spelled
    digits = re.match(r"^(\d+(?:\.\d+)*)", folded)
    if digits:
        return ".".join(str(int(part)) for part in digits.group(1).split("."))
    if folded and all(ch in _ROMAN for ch in folded) and (len(folded) > 1 or folded in "ivx"):
        return str(_roman(folded))
    return folded.upper()


def _roman(token: str) -> int:
    values = [_ROMAN[ch] for ch in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _is_title_text(text: str, max_words: int) -> bool:
    """Title Case or CAPITALS, short, not ending like a sentence: "Programs and
    Initiatives", "FINANCIAL PLAN"; not "Strengthen the prosecution of traffickers"."""
    words = text.split()
    if not words or len(words) > max_words or text[-1] in _TERMINAL:
        return False
    if _is_caps(text):
        return True
    small = _small_words()
    significant = [w for w in words if w.casefold() not in small and w[0].isalpha()]
    return bool(significant) and all(w[0].isupper() for w in significant)


def _is_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters)


def _word_count(block: TextBlock | None) -> int:
    return len(block.text.split()) if block is not None else 0


def decide_headings(blocks: Sequence[TextBlock]) -> tuple[TextBlock, ...]:
    """The blocks with ``kind`` decided by this stage: heading or (for a reader's heading
    that reads as a sentence) paragraph. Table rows are never re-kinded."""
    decided: list[TextBlock] = []
    closed = False
    outline: str | None = None  # the number of the last numbered title: "5"
    for position, block in enumerate(blocks):
        if block.kind == TABLE_ROW:
            decided.append(block)
            continue
        previous = decided[-1] if decided else None
        following = _next_text_block(blocks, position)
        heading = _is_heading(block, previous, following, closed, outline)
        label = (heading_label(block.text) or _numbered_title(block.text)) if heading else None
        labelled = label is not None
        if label is not None and label.unit == NUMBERED:
            outline = label.number
        closed = (closed and not labelled) or bool(_closing_pattern().match(block.text.strip()))
        if heading and block.kind != HEADING:
            block = replace(block, kind=HEADING)
        elif not heading and block.kind == HEADING:
            block = replace(block, kind=PARAGRAPH)
        if block.kind == PARAGRAPH and _DECIMAL_PARAGRAPH.match(block.text):
            # "3.1 Strengthen …" is a member of the draft's numbered outline, as the text
            # and PDF readers see it; Word gives such a typed number no list of its own.
            block = replace(block, kind=ITEM)
        decided.append(block)
    return tuple(decided)


def _next_text_block(blocks: Sequence[TextBlock], position: int) -> TextBlock | None:
    return blocks[position + 1] if position + 1 < len(blocks) else None


def _is_heading(
    block: TextBlock,
    previous: TextBlock | None,
    following: TextBlock | None,
    closed: bool,
    outline: str | None = None,
) -> bool:
    text = block.text.strip()
    if not text:
        return False
    label = heading_label(text)
    if label is not None and label.unit != NUMBERED:
        # An annex after the signatures, or the next language's articles; but not the
        # end of a sentence that a line break cut off: "… described in / Article 10."
        return not _ends_sentence(block, label, previous)
    if closed:
        return False
    if _next_numbered_title(text, previous, outline):
        return True
    if label is not None:  # "3. Programs and Initiatives": a title, unless a list item
        after_body = previous is None or previous.kind in (HEADING, PARAGRAPH, TABLE_ROW)
        if _continues_outline(label, previous, following, outline):
            return True
        if not after_body or _introduced_list(previous):
            return False
        if _is_title_text(label.title, MAX_PLAIN_HEADING_WORDS):
            return _introduces(following)
        # "2. Shared vision" in sentence case: a title only where a paragraph follows
        return (
            following is not None
            and following.kind == PARAGRAPH
            and _word_count(following) >= MIN_BODY_WORDS
        )
    if _is_caps(text) and len(text) <= MAX_CAPS_TITLE_CHARS and text[-1] not in ".;,":
        return True
    if block.kind == HEADING and _has_heading_shape(text):
        return True  # a Word heading style, a Markdown "#", a PDF line set apart
    return _is_plain_heading(text, previous, following)


def _continues_outline(
    label: HeadingLabel,
    previous: TextBlock | None,
    following: TextBlock | None,
    outline: str | None,
) -> bool:
    """ "6. FINANCIAL PLAN" after the numbered paragraph "5.4.2 …" and before "6.1 …":
    a title of the draft's outline, though the paragraphs around it read like a list's
    members. Its number is the parent of the next paragraph's, or follows on from the
    last numbered title (``outline``) or from the division the previous paragraph
    belongs to."""
    if not _is_title_text(label.title, MAX_PLAIN_HEADING_WORDS):
        return False
    parts = label.number.split(".")
    if not all(part.isdigit() for part in parts):
        return False
    after = _outline_number(following)
    if after is not None and after[: len(parts)] == parts and len(after) > len(parts):
        return True
    sibling = [*parts[:-1], str(int(parts[-1]) - 1)]
    if outline is not None and outline.split(".") == sibling:
        return True
    before = _outline_number(previous)
    return before is not None and len(before) > len(parts) and before[: len(parts)] == sibling


def _next_numbered_title(text: str, previous: TextBlock | None, outline: str | None) -> bool:
    """ "4. Who does what" after the title "3. …" and its bulleted list, or "3. What the
    Participants expect to achieve" after "2. Purpose" and its paragraph: the next title of
    the draft's outline, in sentence case. A line numbered after a numbered line ("3."
    after "2. Increase …") continues that list instead."""
    label = _numbered_title(text)
    if label is None or outline is None:
        return False
    parts, last = label.number.split("."), outline.split(".")
    if last[:-1] != parts[:-1] or int(parts[-1]) != int(last[-1]) + 1:
        return False
    return _outline_number(previous) != [*parts[:-1], str(int(parts[-1]) - 1)]


def _numbered_title(text: str) -> HeadingLabel | None:
    """ "3. What the Participants expect to achieve": a number and a short title that does
    not end like a sentence, in any case; whether it is a title the context decides."""
    match = _NUMBERED_TITLE.match(text.strip())
    if not match or not all(part.isdigit() for part in match.group("number").split(".")):
        return None
    title = match.group("title").strip()
    words = title.split()
    if not words or len(words) > MAX_PLAIN_HEADING_WORDS or title[-1] in _TERMINAL + "!?":
        return None
    if not title[0].isupper():
        return None
    depth = match.group("number").count(".")
    return HeadingLabel(NUMBERED, 3 + depth, normalise_number(match.group("number")), "", title)


def _outline_number(block: TextBlock | None) -> list[str] | None:
    """ "5.4.2 The United States …" -> ["5", "4", "2"]."""
    match = _OUTLINE_NUMBER.match(block.text) if block is not None else None
    return [str(int(part)) for part in match.group(1).split(".")] if match else None


def _is_phrase_title(title: str) -> bool:
    """ "Shared vision", "Measuring results": a short phrase in sentence case, as many
    ministries title their numbered sections."""
    words = title.split()
    return (
        0 < len(words) <= MAX_PHRASE_TITLE_WORDS
        and title[0].isupper()
        and title[-1] not in _TERMINAL + ":"
        and all(word.isalpha() for word in words)
    )


def _ends_sentence(block: TextBlock, label: HeadingLabel, previous: TextBlock | None) -> bool:
    """ "Article 10." after a paragraph that stops mid-sentence ("… described in") is that
    sentence's last words, set on a line of their own by the layout, not a heading."""
    if label.title or block.text.rstrip()[-1] not in _TERMINAL:
        return False
    # a list member's sentence too: "(e) adopt the regulations referred to in" then, at
    # the top of the next page, "Article VII."
    if previous is None or previous.kind not in (PARAGRAPH, ITEM):
        return False
    if previous.column != block.column:
        return False
    last = previous.text.rstrip()[-1:]
    return last.isalpha() and last.islower()


def _has_heading_shape(text: str) -> bool:
    """What a reader's heading must look like to be kept: short, capitalised, not a
    sentence. A reader's opinion weighs only where the words allow it, so that the text
    form of the same draft, which has no styles, is cut the same way."""
    words = text.split()
    return len(words) <= MAX_PLAIN_HEADING_WORDS and text[0].isupper() and text[-1] not in ".;,"


def _is_plain_heading(text: str, previous: TextBlock | None, following: TextBlock | None) -> bool:
    """ "Who does what" before a paragraph: short, capitalised, not a sentence, not a
    list's member, and followed by something longer than itself."""
    words = [word for word in text.split() if any(char.isalnum() for char in word)]
    if len(words) > MAX_PLAIN_HEADING_WORDS or text[-1] in _TERMINAL + "!":
        return False
    if not text[0].isupper() or not any(len(w) >= 3 and w.isalpha() for w in words):
        return False
    if _DATELINE.search(text):
        return False  # "Port Adler, 3 March 2026": where and when a note was signed
    if _introduced_list(previous):  # a list's member, unless a paragraph follows it
        return following is not None and following.kind == PARAGRAPH and _introduces(following)
    return _introduces(following) and _word_count(following) > len(words)


def _introduced_list(previous: TextBlock | None) -> bool:
    """After "… as follows:" come the members of a list, not headings."""
    return previous is not None and previous.kind != HEADING and previous.text.rstrip()[-1:] == ":"


def _introduces(following: TextBlock | None) -> bool:
    """A heading is followed by body text: a paragraph of some length, a list or a table."""
    if following is None:
        return False
    if following.kind in (TABLE_ROW, "item"):
        return True
    if following.kind == HEADING:
        return False
    return _word_count(following) >= MIN_BODY_WORDS or following.text.rstrip()[-1:] == ":"
