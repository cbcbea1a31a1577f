"""The one error family of cpc_draft.

Library code raises a subclass of :class:`CpcDraftError`; the CLI catches that one class
in one place, prints ``str(error)`` (one line per problem) and exits with
:attr:`ExitCode.FAILURE`. Each problem is one line whatever it quotes: a file name or a zip
entry holding a newline or a terminal escape is shown through :func:`printable`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from functools import cache

# What a terminal obeys or breaks a line at instead of showing: C0 and C1 controls (ESC
# starts colour, title and cursor sequences; C1 U+009B is a CSI by itself), DEL, the line
# and paragraph separators, and the bidi embeddings, overrides and isolates, which make a
# terminal show text in another order than it is stored in.
_UNPRINTABLE = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, keep: str = "") -> str:
    """``text`` with each character a terminal would obey written as an escape instead.

    ``\\n``, ``\\t``, ``\\x1b``, ``\\u2028``: the reader sees what the file holds, and a
    message stays on one line. ``keep`` lists characters to leave as they are (a report
    keeps its own newlines). Backslashes are left alone, so escaping twice changes nothing.
    """
    pattern = _unprintable_pattern(keep)
    if pattern.search(text) is None:  # the usual case: nothing to escape
        return text
    return pattern.sub(_escape, text)


@cache
def _unprintable_pattern(keep: str) -> re.Pattern:
    kept = "".join(re.escape(char) for char in keep)
    if not kept:
        return re.compile(f"[{_UNPRINTABLE}]")
    return re.compile(f"(?![{kept}])[{_UNPRINTABLE}]")


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class ExitCode(IntEnum):
    """How a `cpc-draft` run ended, as its process exit code."""

    OK = 0  # done; for check and compare: nothing to report
    FINDINGS = 1  # check found error-level findings; compare found differences
    FAILURE = 2  # the tool could not do its job (bad input, bad usage, unwritable output)
    INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT (128 + 2)


class CpcDraftError(Exception):
    """Base class: the tool could not do what was asked. Its text is shown to the user."""

    exit_code = ExitCode.FAILURE

    def __str__(self) -> str:
        """One line per problem, each :func:`printable`."""
        problems = getattr(self, "problems", None)
        if problems is None:
            problems = [super().__str__()]
        return "\n".join(printable(str(problem)) for problem in problems)


class InputFileError(CpcDraftError):
    """Raised when an input file is missing, unreadable, too large or not what it claims."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class SpecError(CpcDraftError):
    """Raised when a compact spec is malformed or invalid; holds every problem found.

    Each problem reads ``FILE:LINE: FIELD: PROBLEM`` so editors can jump to it.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class LibraryError(CpcDraftError):
    """Raised when a clause file is malformed or inconsistent (ids, elements, variables)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class IncompleteCompactError(CpcDraftError):
    """Raised when a spec leaves statutory elements (A–G) without content.

    ``missing`` maps each element key to what is lacking; ``--allow-incomplete`` turns
    the refusal into visible ``[MISSING: …]`` markers instead.
    """

    def __init__(self, spec_path: object, missing: dict[str, str]) -> None:
        self.missing = dict(missing)
        listed = "; ".join(f"{key} ({what})" for key, what in self.missing.items())
        super().__init__(
            f"{spec_path}: statutory elements without content: {listed}; "
            "complete the spec or pass --allow-incomplete"
        )


class OutputError(CpcDraftError):
    """Raised when an output cannot be written: it exists (no --force), bad suffix, I/O."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path


class ConversionError(CpcDraftError):
    """Raised when an external converter (LibreOffice) is missing, fails or times out."""
