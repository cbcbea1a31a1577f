"""The `cpc-draft` command line: parse options, call the library, hand the result to report.

Each command parses its options, calls the library, and hands what it found to
`report.outputs`, which picks the format's writer and says what to print and which
exit code to end with (`errors.ExitCode`). Library errors are caught in one place, the
command group (:mod:`.app`). Heavy modules are imported inside the commands that need
them, so `--help` stays fast. The commands live by user: :mod:`.drafting` (assemble,
init, clauses), :mod:`.reviewing` (extract, check, rules), :mod:`.comparing` (compare).
"""

from cpc_draft.cli import comparing, drafting, reviewing  # noqa: F401  (they add commands)
from cpc_draft.cli.app import main, run

__all__ = ["main", "run"]
