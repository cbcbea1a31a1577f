"""Commands for negotiators: assemble a draft, start a spec, list the clause library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cpc_draft.cli.app import finish, main
from cpc_draft.errors import printable


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
    help="Write a draft even if elements A–G lack content or init's TODOs are left, with "
    "[MISSING: …] and [TODO: …] markers.",
)
@click.option(
    "--library",
    type=click.Path(path_type=Path, file_okay=False),
    help="Clause library folder (default: the bundled library).",
)
@click.option(
    "--final", is_flag=True, help="The text for signature: no DRAFT marking in the header."
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def assemble(spec, output, layout, original, allow_incomplete, library, final, force) -> None:
    """Assemble a bilingual draft compact from SPEC and the clause library.

    \b
    Example:
      cpc-draft assemble examples/peru.yaml -o peru.docx --original partner
    """
    from cpc_draft.assemble import AssembleOptions
    from cpc_draft.assemble import assemble as run
    from cpc_draft.report.outputs import assembled_report

    options = AssembleOptions(
        layout=layout,
        original=original,
        allow_incomplete=allow_incomplete,
        library=library,
        final=final,
    )
    finish(assembled_report(run(spec, output, options, force=force), output))


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
        printable(
            f"wrote {output}; fill in every TODO, then: cpc-draft assemble {output} -o draft.docx"
        )
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
    finish(clause_listing(found, summary_only=check_only))
