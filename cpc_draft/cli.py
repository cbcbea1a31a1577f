"""The `cpc-draft` command line: parse options, call the library, hand the result to report.

Each command parses its options, calls the library, and hands what it found to
`report.outputs`, which picks the format's writer and says what to print and which
exit code to end with (`errors.ExitCode`). Library errors are caught in one place.
Heavy modules are imported inside the commands that need them, so `--help` stays fast.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cpc_draft import __version__
from cpc_draft.errors import CpcDraftError, ExitCode

if TYPE_CHECKING:
    from cpc_draft.report.outputs import Delivery, Destination


class _Group(click.Group):
    """Catches the one library error type in one place: a message, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CpcDraftError as error:
            for line in str(error).splitlines() or [type(error).__name__]:
                click.echo(f"cpc-draft: error: {line}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("cpc-draft: interrupted; no output was written", err=True)
            ctx.exit(ExitCode.INTERRUPTED)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cpc-draft")
def main() -> None:
    """Draft, check and compare U.S. Child Protection Compact (CPC) Partnerships.

    \b
    Example:
      cpc-draft assemble examples/peru.yaml -o peru.docx
    """


@main.command()
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Output file: .docx, .pdf (needs LibreOffice) or .md (preview).",
)
@click.option(
    "--layout",
    type=click.Choice(["side-by-side", "sequential"]),
    default="side-by-side",
    show_default=True,
    help="Languages in two columns, or one text after the other.",
)
@click.option(
    "--original",
    type=click.Choice(["us", "partner"]),
    default="us",
    show_default=True,
    help="Whose original (the alternat): that government and its language come first.",
)
@click.option(
    "--allow-incomplete",
    is_flag=True,
    help="Write a draft even if elements A–G lack content, with [MISSING: …] markers.",
)
@click.option(
    "--library",
    type=click.Path(path_type=Path, file_okay=False),
    help="Clause library folder (default: the bundled library).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def assemble(spec, output, layout, original, allow_incomplete, library, force) -> None:
    """Assemble a bilingual draft compact from SPEC and the clause library.

    \b
    Example:
      cpc-draft assemble examples/peru.yaml -o peru.docx --original partner
    """
    from cpc_draft.assemble import AssembleOptions
    from cpc_draft.assemble import assemble as run
    from cpc_draft.report.outputs import assembled_report

    options = AssembleOptions(
        layout=layout, original=original, allow_incomplete=allow_incomplete, library=library
    )
    _finish(assembled_report(run(spec, output, options, force=force), output))


@main.command()
@click.option(
    "--partner", required=True, help='English name of the partner, e.g. "Republic of Peru".'
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    default=(),
    metavar="CODE",
    help="Partner language besides English (repeatable), e.g. es or fr.",
)
@click.option(
    "--start",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="First day of the term (default: 1 January next year).",
)
@click.option(
    "--years",
    type=click.IntRange(1, 10),
    default=5,
    show_default=True,
    help="Length of the term in years.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Spec file to write (default: print)."
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def init(partner, languages, start, years, output, force) -> None:
    """Write a commented starting spec for a new compact.

    \b
    Example:
      cpc-draft init --partner "Republic of Peru" --language es -o peru.yaml
    """
    from cpc_draft.assemble.init import render_init_spec, write_init_spec

    first_day = start.date() if start else dt.date(dt.date.today().year + 1, 1, 1)
    text = render_init_spec(partner, list(languages), first_day, years)
    if output is None:
        click.echo(text, nl=False)
        return
    write_init_spec(output, text, force=force)
    click.echo(
        f"wrote {output}; fill in every TODO, then: cpc-draft assemble {output} -o draft.docx"
    )


@main.command()
@click.option(
    "--check", "check_only", is_flag=True, help="Validate every clause; exit 2 on problems."
)
@click.option(
    "--library",
    type=click.Path(path_type=Path, file_okay=False),
    help="Clause library folder (default: the bundled library).",
)
def clauses(check_only, library) -> None:
    """List the clause library, or validate it with --check.

    \b
    Example:
      cpc-draft clauses --check
    """
    from cpc_draft.assemble.library import check_library
    from cpc_draft.errors import LibraryError
    from cpc_draft.report.outputs import clause_listing

    found, problems = check_library(library)
    if problems:
        raise LibraryError(problems)
    _finish(clause_listing(found, summary_only=check_only))


def _ocr_options(command):
    """--ocr and --ocr-language, for the commands that read drafts."""
    command = click.option(
        "--ocr-language",
        "ocr_languages",
        multiple=True,
        metavar="CODE",
        help="Language of scanned pages (repeatable; en, es, fr; default: all three).",
    )(command)
    return click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Read scanned pages with Tesseract OCR: when they have no usable text, "
        "every page, or never.",
    )(command)


def _configure_ocr(ocr: str, languages: tuple[str, ...]) -> None:
    from cpc_draft.readers.ocr import configure

    configure(ocr, languages)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text for reading, JSON for other tools.",
)
@click.option("--password", help="Password of an encrypted PDF.")
@_ocr_options
def extract(file, output_format, password, ocr, ocr_languages) -> None:
    """Print what cpc-draft reads from a PDF, Word or text draft (the document model).

    \b
    Example:
      cpc-draft extract examples/received/jamaica-draft.txt --format json
    """
    from cpc_draft.readers import read_document
    from cpc_draft.report.outputs import extract_report

    _configure_ocr(ocr, ocr_languages)
    _finish(extract_report(read_document(file, password=password), output_format))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "sarif", "html"]),
    default="text",
    show_default=True,
    help="Report format; html is one self-contained page (evidence, ledger, indicators).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file (default: print it).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for many files.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Rule levels (default: .cpc-draft.toml or [tool.cpc-draft] in pyproject.toml).",
)
@click.option("--password", help="Password of encrypted PDFs.")
@click.option(
    "--model", help="An installed trained spaCy pipeline to add (optional; never needed)."
)
@_ocr_options
def check(
    paths, output_format, output, force, jobs, config_path, password, model, ocr, ocr_languages
) -> None:
    """Review drafts against 22 U.S.C. § 7103a(d)(2) and the GAO's findings.

    Exit code 0: no error-level findings; 1: some; 2: a file could not be read.

    \b
    Example:
      cpc-draft check examples/received/jamaica-draft.txt
      cpc-draft check draft.pdf --format html -o review.html
    """
    from cpc_draft.check import batch
    from cpc_draft.check.config import load_config
    from cpc_draft.report.outputs import check_report

    destination = _destination(output, force)
    _configure_ocr(ocr, ocr_languages)
    config = dataclasses.replace(load_config(config_path), model=model)
    files = batch.expand(list(paths))
    progress = _progress(len(files))
    outcomes = batch.run(files, config, jobs=jobs, password=password, progress=progress)
    _finish(check_report(outcomes, output_format, destination))


def _progress(count: int):
    """A progress bar on a terminal when more than a few files are checked."""
    if count <= 3 or not sys.stderr.isatty():
        return None

    def wrap(outcomes, total):
        with click.progressbar(outcomes, length=total, label="checking", file=sys.stderr) as bar:
            yield from bar

    return wrap


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--languages",
    "language_versions",
    is_flag=True,
    help="Compare language versions: one bilingual draft, or two texts of one draft.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "html", "docx"]),
    default="text",
    show_default=True,
    help="Report format; html is one offline page, old beside new; "
    "docx is a Word redline with tracked changes (needs -o).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report here.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option(
    "--author", default="cpc-draft", show_default=True, help="Author of the redline's changes."
)
@click.option("--password", help="Password of encrypted PDFs.")
@_ocr_options
def compare(
    paths, language_versions, output_format, output, force, author, password, ocr, ocr_languages
) -> None:
    """Compare two versions of a draft (OLD NEW), or its language versions (--languages).

    Any mix of .docx, .pdf and .txt/.md. Exit code 0: no differences; 1: differences;
    2: a file could not be read.

    \b
    Example:
      cpc-draft compare old.docx new.pdf --format docx -o redline.docx
      cpc-draft compare old.docx new.pdf --format html -o changes.html
    """
    from cpc_draft.compare.files import compare_files, compare_language_versions
    from cpc_draft.report import outputs

    _check_compare_usage(paths, language_versions, output_format, output)
    destination = _destination(output, force)
    _configure_ocr(ocr, ocr_languages)
    if language_versions:
        found = compare_language_versions(list(paths), password=password)
        _finish(outputs.language_versions_report(found, output_format, destination))
    else:
        facts = output_format != outputs.REDLINE  # a redline shows the text: no spaCy
        comparison = compare_files(paths[0], paths[1], password=password, facts=facts)
        _finish(outputs.comparison_report(comparison, output_format, destination, author))


def _check_compare_usage(paths, language_versions, output_format, output) -> None:
    if language_versions and (len(paths) > 2 or output_format == "docx"):
        raise click.UsageError(
            "--languages takes one bilingual draft or two texts; text, json or html"
        )
    if not language_versions and len(paths) != 2:
        raise click.UsageError("compare takes two files, OLD and NEW (or --languages)")
    if output_format == "docx" and output is None:
        raise click.UsageError("--format docx writes a Word file: give -o REDLINE.docx")


def _destination(output: Path | None, force: bool) -> Destination:
    """Where a report goes: OUTPUT, refused now if it may not be written, or stdout."""
    from cpc_draft.report.outputs import Destination, plain

    on_terminal = output is None and sys.stdout.isatty()  # colour only on a terminal
    destination = Destination(output, force, click.style if on_terminal else plain)
    destination.refuse_unwritable()  # before the work, not after it
    return destination


def _finish(delivery: Delivery) -> None:
    """Print what report delivered, then end with its exit code."""
    if delivery.text:
        click.echo(delivery.text, nl=False)
    for message in delivery.warnings:
        click.echo(f"cpc-draft: warning: {message}", err=True)
    if delivery.note:
        click.echo(delivery.note, err=not delivery.note_on_stdout)
    for message in delivery.errors:
        click.echo(f"cpc-draft: error: {message}", err=True)
    sys.exit(delivery.exit_code)


@main.command()
def rules() -> None:
    """List the rules of `check` with their default levels and documentation.

    \b
    Example:
      cpc-draft rules
    """
    from cpc_draft.report.outputs import rule_listing

    _finish(rule_listing())


def run() -> None:
    """The console entry: ``cpc-draft`` and ``python -m cpc_draft``.

    Reading and reviewing a draft makes a great many small objects that live until the
    command ends (tokens, spans, blocks). With Python's default thresholds the cycle
    collector ran about 250 times in one `compare` of two 45-page drafts (0.17 s) and
    freed the same 4,500 objects it frees when it runs 3 times; at exit it searched
    everything once more (0.25 s). Reference counting frees the rest either way.
    """
    gc.set_threshold(50_000, 20, 20)
    try:
        main(prog_name="cpc-draft")
    finally:
        gc.freeze()  # the process is ending: no last search for cycles


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
