"""The command group, and what every command shares: where output goes, how it ends,
and the password option."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cpc_draft import __version__
from cpc_draft.errors import CpcDraftError, ExitCode, printable

if TYPE_CHECKING:
    from cpc_draft.report.outputs import Delivery, Destination


class _Group(click.Group):
    """Catches the one library error type in one place: a message, never a traceback."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole summary (click cuts it at 45 characters, or at
        the first full stop: "Review drafts against 22 U.S.C.")."""
        rows = [
            (name, _summary(command))
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

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


def _summary(command: click.Command) -> str:
    """The first paragraph of a command's help, on one line."""
    return " ".join((command.help or "").split("\n\n")[0].split())


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="cpc-draft")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Draft, check and compare U.S. Child Protection Compact (CPC) Partnerships.

    \b
    Example:
      cpc-draft assemble examples/peru.yaml -o peru.docx
    """
    if ctx.invoked_subcommand is None:  # bare `cpc-draft`: the help, and no error
        click.echo(ctx.get_help())
        ctx.exit(ExitCode.OK)


def ask_password(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """ "-" asks for the password without echoing it: a password typed on the command
    line stays in the shell's history and shows in the list of processes."""
    return click.prompt("Password", hide_input=True, err=True) if value == "-" else value


def password_option(what: str):
    return click.option(
        "--password",
        envvar="CPC_DRAFT_PASSWORD",
        show_envvar=True,
        metavar="PASSWORD",
        callback=ask_password,
        help=f"Password of {what}; '-' asks for it without echoing it.",
    )


def _limit_pages(_context, _parameter, count: int | None) -> None:
    from cpc_draft.readers.page_limit import set_max_pages

    set_max_pages(count)


max_pages_option = click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    expose_value=False,
    callback=_limit_pages,
    help="Refuse a PDF of more pages than this (default 2,000).",
)


def ocr_options(command):
    """--ocr and --ocr-language, for the commands that read drafts."""
    command = click.option(
        "--ocr-language",
        "ocr_languages",
        multiple=True,
        metavar="CODE",
        help="Language of scanned pages (repeatable; en, es, fr; default: from the document).",
    )(command)
    return click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Read scanned pages with Tesseract OCR: when they have no usable text, "
        "every page, or never.",
    )(command)


def configure_ocr(ocr: str, languages: tuple[str, ...]) -> None:
    from cpc_draft.readers.ocr import configure

    configure(ocr, languages)


def output_destination(output: Path | None, force: bool) -> Destination:
    """Where a report goes: OUTPUT, refused now if it may not be written, or stdout."""
    from cpc_draft.report.outputs import Destination, plain

    on_terminal = output is None and sys.stdout.isatty()  # colour only on a terminal
    destination = Destination(output, force, click.style if on_terminal else plain)
    destination.refuse_unwritable()  # before the work, not after it
    return destination


def finish(delivery: Delivery) -> None:
    """Print what report delivered, then end with its exit code."""
    if delivery.text:
        click.echo(delivery.text, nl=False)
    for message in delivery.warnings:  # names and quotes from files: one line each
        click.echo(f"cpc-draft: warning: {printable(message)}", err=True)
    if delivery.note:
        click.echo(printable(delivery.note), err=not delivery.note_on_stdout)
    for message in delivery.errors:
        click.echo(f"cpc-draft: error: {printable(message)}", err=True)
    sys.exit(delivery.exit_code)


def run() -> None:
    """The console entry: ``cpc-draft`` and ``python -m cpc_draft``.

    Reading and reviewing a draft makes a great many small objects that live until the
    command ends (tokens, spans, blocks). With Python's default thresholds the cycle
    collector runs hundreds of times in one `compare` and frees what a few runs free,
    and at exit it searches everything once more; reference counting frees the rest
    either way, so the collector runs rarely and not at exit.
    """
    gc.set_threshold(50_000, 20, 20)
    try:
        main(prog_name="cpc-draft")
    finally:
        gc.freeze()  # the process is ending: no last search for cycles
