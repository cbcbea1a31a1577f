"""JSON for tools that may print it: every report's one way to write JSON.

``json.dumps`` escapes the C0 controls but leaves DEL, the C1 controls (U+0080–U+009F,
which some terminals obey as ESC sequences), the line and paragraph separators and the
bidirectional overrides as they are. A document's text may hold any of them, and a
reviewer piping `check --format json` to the terminal must not have it reset the window
title or reorder what it shows, so they are written as ``\\uXXXX`` escapes: the same
JSON value, readable by every parser.
"""

from __future__ import annotations

import json
import re

_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data: object) -> str:
    """``data`` as indented UTF-8 JSON text ending in a newline, terminal-safe."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"
