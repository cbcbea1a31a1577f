"""Turn a rendered clause (plain lines) into blocks.

The markup is line-based (see clause_library/README.md). A line that begins with a spec
value (marked by templating.VALUE_MARK) is always plain text, so a value such as
"1. do X" or "::: table" can never create structure.
"""

from __future__ import annotations

import re
import string

from cpc_draft.assemble.templating import VALUE_MARK
from cpc_draft.model import ITEM, PARAGRAPH, SIGNATURES, TABLE, Block

_NUMBERED = re.compile(r"^\d+\.\s+")
_LETTERED = re.compile(r"^[a-z]\.\s+")
_BULLET = re.compile(r"^-\s+")
_DIRECTIVE = re.compile(r"^:::\s*(table\s+(?P<table>[a-z_]+)|(?P<signatures>signatures))\s*$")


class MarkupError(ValueError):
    """A directive the assembler does not know (a clause author's mistake)."""


def parse_blocks(rendered: str, tables: dict[str, Block]) -> list[Block]:
    """Blocks of ``rendered``; ``::: table NAME`` takes ``tables[NAME]`` (or nothing if absent)."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    counters = {"numbered": 0, "lettered": 0}

    def flush() -> None:
        if paragraph:
            blocks.append(Block(PARAGRAPH, _clean(" ".join(paragraph))))
            paragraph.clear()

    for raw in rendered.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith(VALUE_MARK):  # a spec value: text, whatever it looks like
            counters.update(numbered=0, lettered=0)
            paragraph.append(line)
            continue
        directive = _DIRECTIVE.match(line)
        if directive:
            flush()
            blocks.extend(_directive(directive, tables))
            continue
        item = _list_item(line, counters)
        if item:
            flush()
            blocks.append(item)
            continue
        counters.update(numbered=0, lettered=0)
        paragraph.append(line)
    flush()
    return blocks


def _directive(match: re.Match, tables: dict[str, Block]) -> list[Block]:
    if match.group("signatures"):
        return [Block(SIGNATURES)]
    name = match.group("table")
    if name not in _KNOWN_TABLES:
        raise MarkupError(f"unknown table {name!r} (known: {', '.join(sorted(_KNOWN_TABLES))})")
    table = tables.get(name)
    return [table] if table is not None and table.kind == TABLE else []


_KNOWN_TABLES = {"financial_plan", "indicators", "programs"}


def _list_item(line: str, counters: dict[str, int]) -> Block | None:
    for pattern, kind in ((_NUMBERED, "numbered"), (_LETTERED, "lettered"), (_BULLET, "bullet")):
        match = pattern.match(line)
        if not match:
            continue
        text = _clean(line[match.end() :])
        if kind == "bullet":
            return Block(ITEM, text, label="•")
        counters[kind] += 1
        if kind == "numbered":
            counters["lettered"] = 0
            return Block(ITEM, text, label=f"{counters[kind]}.")
        return Block(ITEM, text, label=f"({_letters(counters[kind])})")
    return None


def _letters(number: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: legal lettering past (z)."""
    letter = string.ascii_lowercase[(number - 1) % 26]
    return letter * ((number - 1) // 26 + 1)


_ORDINARY_WHITESPACE = re.compile(r"[ \t\r\n]+")


def _clean(text: str) -> str:
    # Ordinary whitespace only: U+00A0 and U+202F carry French typography.
    return _ORDINARY_WHITESPACE.sub(" ", text.replace(VALUE_MARK, "")).strip(" ")
