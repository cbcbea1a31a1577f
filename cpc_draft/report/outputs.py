"""Every command's output in every format: pick the writer, then print it or write the file.

The CLI hands over what the library found, the format asked for and a :class:`Destination`;
it gets back a :class:`Delivery`: the text for standard output, or the line saying which
file was written, and the exit code. Each format's writer is imported only when that
format is asked for, so a redline never loads the HTML templates and `--help` loads none.
Both records are NamedTuples, cheap to create at import (this module loads on every run).

A document's text, a file name or a clause heading may hold terminal control sequences
(ESC ] 0; … BEL sets a window title, CSI codes move the cursor or hide text): every
human-readable format passes through :func:`errors.printable` here, in one place. Text
reports are made with ``plain`` first; only when that holds nothing to escape are they made
again in colour, so a document's escapes are shown, never obeyed. JSON and SARIF escape
control characters themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from cpc_draft.errors import ExitCode, printable

if TYPE_CHECKING:
    from cpc_draft.assemble.library import ClauseLibrary
    from cpc_draft.check.batch import Outcome
    from cpc_draft.compare.files import LanguageVersions
    from cpc_draft.compare.versions import VersionComparison
    from cpc_draft.model import Document, Draft

Style = Callable[..., str]
REDLINE = "docx"  # the one compare format that shows text only: no facts, no spaCy
_REPORT_LAYOUT = "\n\t"  # a text report's own line breaks and tabs, left as they are


def plain(text: str, **_) -> str:
    """The style of a report that does not go to a terminal: no colour."""
    return text


def human_text(render: Callable[[Style], str], style: Style = plain) -> str:
    """``render(style)``, with every control character from the data written as an escape.

    Rendered once without colour; if that needs escaping, it is what is shown (colour
    would be our own escapes among the document's); else rendered in colour if asked.
    """
    text = render(plain)
    shown = printable(text, keep=_REPORT_LAYOUT)
    if style is plain or shown != text:
        return shown
    return render(style)


def human_markup(html: str) -> str:
    """An HTML page with no raw control characters: a document's show as escapes."""
    return printable(html, keep="\n\t\r")


def _shown(path: object) -> str:
    return printable(str(path))


class Destination(NamedTuple):
    """Where a report goes: standard output (``path`` None) or a file, written atomically.

    ``style`` colours text reports on a terminal (the CLI passes click.style); a file is
    never overwritten without ``force``.
    """

    path: Path | None = None
    force: bool = False
    style: Style = plain

    def refuse_unwritable(self) -> None:
        """Raise OutputError now for a file that cannot be written, before any work."""
        if self.path is not None:
            from cpc_draft.fileio.output import check_writable

            check_writable(self.path, force=self.force)


class Delivery(NamedTuple):
    """What became of an output: text to print, a note on what was written, an exit code."""

    text: str = ""  # for standard output, printed as it is
    note: str = ""  # e.g. "wrote review.html"
    note_on_stdout: bool = False  # the note is the command's own output, not a side remark
    warnings: tuple[str, ...] = ()  # one line each, for standard error
    errors: tuple[str, ...] = ()  # one line each, for standard error
    exit_code: ExitCode = ExitCode.OK


def deliver(text: str, destination: Destination, exit_code: ExitCode = ExitCode.OK) -> Delivery:
    """``text`` for standard output, or written atomically to the destination's file."""
    if destination.path is None:
        return Delivery(text=text, exit_code=exit_code)
    from cpc_draft.fileio.output import write_atomically

    path = destination.path
    write_atomically(
        path,
        lambda temporary: temporary.write_text(text, encoding="utf-8"),
        force=destination.force,
    )
    return Delivery(note=f"wrote {_shown(path)}", exit_code=exit_code)


# -- assemble ------------------------------------------------------------------------------


def assembled_report(draft: Draft, output: Path) -> Delivery:
    """`assemble`: which draft was written, and a warning if it holds [MISSING] markers."""
    warnings = draft.advice
    if draft.missing:
        warnings += (
            f"{_shown(output)}: [MISSING] markers for elements {', '.join(draft.missing)}",
        )
    languages = ", ".join(draft.languages)
    note = f"wrote {_shown(output)} ({languages}, {draft.layout}, {draft.original} original)"
    return Delivery(note=note, note_on_stdout=True, warnings=warnings)


# -- extract -------------------------------------------------------------------------------


def extract_report(document: Document, output_format: str) -> Delivery:
    """`extract`: the document model as text or JSON."""
    from cpc_draft.report.extract import document_to_json, document_to_text

    if output_format == "json":
        return Delivery(text=document_to_json(document))
    return Delivery(text=human_text(lambda _: document_to_text(document)))


# -- check ---------------------------------------------------------------------------------


def check_report(
    outcomes: Sequence[Outcome], output_format: str, destination: Destination
) -> Delivery:
    """`check`: one report of every draft reviewed; the files that failed, as errors.

    Exit code FAILURE when a file could not be read, FINDINGS when a review has
    error-level findings. No file is written for a report of nothing: the errors say why.
    """
    reviews = [outcome.review for outcome in outcomes if outcome.review]
    failures = tuple(outcome.error for outcome in outcomes if outcome.error)
    if failures:
        exit_code = ExitCode.FAILURE
    elif any(review.errors for review in reviews):
        exit_code = ExitCode.FINDINGS
    else:
        exit_code = ExitCode.OK
    delivery = Delivery()
    if destination.path is None or reviews:
        delivery = deliver(_check_text(reviews, output_format, destination.style), destination)
    return delivery._replace(errors=failures, exit_code=exit_code)


def _check_text(reviews, output_format: str, style: Style) -> str:
    if output_format == "json":
        from cpc_draft.report.check import reviews_to_json

        return reviews_to_json(reviews)
    if output_format == "sarif":
        from cpc_draft.report.sarif import reviews_to_sarif

        return reviews_to_sarif(reviews)
    if output_format == "html":
        from cpc_draft.report.html import reviews_to_html

        return human_markup(reviews_to_html(reviews))
    from cpc_draft.report.check import reviews_to_text

    return human_text(lambda style: reviews_to_text(reviews, style), style)


# -- compare -------------------------------------------------------------------------------


def comparison_report(
    comparison: VersionComparison, output_format: str, destination: Destination, author: str
) -> Delivery:
    """`compare OLD NEW`: the changes as text, JSON, HTML or a Word redline (``author``'s).

    Exit code FINDINGS when the versions differ in text or in facts.
    """
    differ = ExitCode.FINDINGS if comparison.changes or comparison.fact_changes else ExitCode.OK
    if output_format == REDLINE:
        from cpc_draft.compare.redline import write_redline

        write_redline(comparison, destination.path, author=author, force=destination.force)
        count = len(comparison.changes)
        note = f"wrote {_shown(destination.path)} ({count} changed articles as tracked changes)"
        return Delivery(
            note=note, note_on_stdout=True, warnings=comparison.warnings, exit_code=differ
        )
    text = _comparison_text(comparison, output_format, destination.style)
    return deliver(text, destination, differ)._replace(warnings=comparison.warnings)


def _comparison_text(comparison: VersionComparison, output_format: str, style: Style) -> str:
    if output_format == "json":
        from cpc_draft.report.compare import comparison_to_json

        return comparison_to_json(comparison)
    if output_format == "html":
        from cpc_draft.report.compare_html import comparison_to_html

        return human_markup(comparison_to_html(comparison))
    from cpc_draft.report.compare import comparison_to_text

    return human_text(lambda style: comparison_to_text(comparison, style), style)


def language_versions_report(
    found: LanguageVersions, output_format: str, destination: Destination
) -> Delivery:
    """`compare --languages`: where the language versions disagree (exit code FINDINGS)."""
    differ = ExitCode.FINDINGS if found.mismatches else ExitCode.OK
    if output_format == "json":
        from cpc_draft.report.languages import mismatches_to_json

        text = mismatches_to_json(found)
    elif output_format == "html":
        from cpc_draft.report.compare_html import language_versions_to_html

        text = human_markup(language_versions_to_html(found))
    else:
        from cpc_draft.report.languages import mismatches_to_text

        text = human_text(lambda style: mismatches_to_text(found, style), destination.style)
    return deliver(text, destination, differ)


# -- listings ------------------------------------------------------------------------------


def clause_listing(library: ClauseLibrary, *, summary_only: bool) -> Delivery:
    """`clauses`: one line per clause of the outline, or (``summary_only``) their count."""
    if summary_only:
        count = len(library.clauses)
        return Delivery(text=f"{_shown(library.root)}: {count} clauses, no problems\n")
    lines = []
    for clause_id in library.outline:
        clause = library.clauses[clause_id]
        elements = ",".join(clause.elements) or "-"
        lines.append(
            f"{clause.id:24} {clause.version:8} {clause.status:10} {clause.kind:10} "
            f"{elements:6} {clause.headings.get('en', '')}\n"
        )
    return Delivery(text=human_text(lambda _: "".join(lines)))


def rule_listing() -> Delivery:
    """`rules`: each rule of `check` with its default level and its documentation."""
    from cpc_draft.check.rules import RULES

    lines = []
    for rule_id, module in RULES.items():
        doc = (module.__doc__ or "").strip()
        lines.append(f"{rule_id} ({module.DEFAULT_LEVEL})\n")
        lines.append("".join(f"    {line}\n" for line in doc.splitlines()) + "\n")
    return Delivery(text="".join(lines))
