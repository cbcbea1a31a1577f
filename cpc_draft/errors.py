"""The one error family of cpc_draft.

Library code raises a subclass of :class:`CpcDraftError`; the CLI catches that one class
in one place, prints ``str(error)`` (one line per problem) and exits with
:attr:`ExitCode.FAILURE`.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum


class ExitCode(IntEnum):
    """How a `cpc-draft` run ended, as its process exit code."""

    OK = 0  # done; for check and compare: nothing to report
    FINDINGS = 1  # check found error-level findings; compare found differences
    FAILURE = 2  # the tool could not do its job (bad input, bad usage, unwritable output)
    INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT (128 + 2)


class CpcDraftError(Exception):
    """Base class: the tool could not do what was asked. Its text is shown to the user."""

    exit_code = ExitCode.FAILURE


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
