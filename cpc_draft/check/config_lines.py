"""The line of a key in a TOML configuration, for ``FILE:LINE`` messages.

tomllib gives values without positions, so the lines are found again in the text: table
headers (``[rules]``, ``[tool.cpc-draft.rules]``) and assignments (``term-length = "off"``,
dotted ``rules.term-length = "off"``, ``rules = { … }``) give each line its full key. A key
is placed on the line that sets it or, failing that, on the nearest line that sets a
table holding it; line 1 when nothing does.
"""

from __future__ import annotations

import re
import tomllib

_PART_TEXT = r"""[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'"""  # a bare or quoted key
_PART = re.compile(_PART_TEXT)
_HEADER = re.compile(r"^\s*\[\[?\s*(?P<key>[^\[\]#=]+?)\s*\]\]?\s*(#.*)?$")
_ASSIGNMENT = re.compile(rf"^\s*(?P<key>(?:{_PART_TEXT})(?:\s*\.\s*(?:{_PART_TEXT}))*)\s*=")
_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column \d+\)$|\s*\(at end of document\)$")


def line_of(lines: list[str], keys: tuple[str, ...]) -> int:
    """The 1-based line that sets ``keys`` or, failing that, the table nearest to it."""
    best_line, best_depth = 1, 0
    table: tuple[str, ...] = ()
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header:
            table = _parts(header.group("key"))
            full = table
        else:
            assignment = _ASSIGNMENT.match(line)
            if not assignment:
                continue
            full = (*table, *_parts(assignment.group("key")))
        if full == keys:
            return number
        depth = len(full)
        if depth > best_depth and keys[:depth] == full:
            best_line, best_depth = number, depth
    return best_line


def syntax_error_line(error: tomllib.TOMLDecodeError, line_count: int) -> tuple[int, str]:
    """The line tomllib names in ``error`` (the last, "at end of document") and its
    message without the position."""
    message = str(error)
    position = _POSITION.search(message)
    if position is None:
        return 1, message
    line = int(position.group("line")) if position.group("line") else max(1, line_count)
    return line, message[: position.start()]


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _PART.findall(dotted))
