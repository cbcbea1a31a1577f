"""The command for legal staff: compare versions, or the language versions of a draft."""

from __future__ import annotations

from pathlib import Path

import click

from cpc_draft.cli.app import (
    configure_ocr,
    finish,
    main,
    max_pages_option,
    ocr_options,
    output_destination,
    password_option,
)


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
@password_option("encrypted PDFs")
@max_pages_option
@ocr_options
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
    destination = output_destination(output, force)
    configure_ocr(ocr, ocr_languages)
    if language_versions:
        found = compare_language_versions(list(paths), password=password)
        finish(outputs.language_versions_report(found, output_format, destination))
    else:
        facts = output_format != outputs.REDLINE  # a redline shows the text: no spaCy
        comparison = compare_files(paths[0], paths[1], password=password, facts=facts)
        finish(outputs.comparison_report(comparison, output_format, destination, author))


def _check_compare_usage(paths, language_versions, output_format, output) -> None:
    if language_versions and (len(paths) > 2 or output_format == "docx"):
        raise click.UsageError(
            "--languages takes one bilingual draft or two texts; text, json or html"
        )
    if not language_versions and len(paths) != 2:
        raise click.UsageError("compare takes two files, OLD and NEW (or --languages)")
    if output_format == "docx" and output is None:
        raise click.UsageError("--format docx writes a Word file: give -o REDLINE.docx")
