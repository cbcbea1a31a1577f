"""Commands for reviewers: what a draft reads as, the review, and the rules."""

from __future__ import annotations

import dataclasses
import sys
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
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Text for reading, JSON for other tools.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write it to this file (default: print it).",
)
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@password_option("an encrypted PDF")
@max_pages_option
@ocr_options
def extract(file, output_format, output, force, password, ocr, ocr_languages) -> None:
    """Print what cpc-draft reads from a PDF, Word or text draft (the document model).

    \b
    Example:
      cpc-draft extract examples/received/jamaica-draft.txt --format json
      cpc-draft extract draft.pdf --format json -o draft.json
    """
    from cpc_draft.readers import read_document
    from cpc_draft.report.outputs import deliver, extract_report

    destination = output_destination(output, force)
    configure_ocr(ocr, ocr_languages)
    report = extract_report(read_document(file, password=password), output_format)
    finish(deliver(report.text, destination))


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
    help="Rule levels for every file (default: each file's nearest .cpc-draft.toml or "
    "[tool.cpc-draft] in pyproject.toml, from its folder upwards).",
)
@click.option(
    "--exclude",
    "excludes",
    multiple=True,
    metavar="GLOB",
    help="In folders, skip files and folders whose name or path matches (repeatable).",
)
@password_option("encrypted PDFs")
@click.option(
    "--model", help="An installed trained spaCy pipeline to add (optional; never needed)."
)
@max_pages_option
@ocr_options
def check(
    paths,
    output_format,
    output,
    force,
    jobs,
    config_path,
    excludes,
    password,
    model,
    ocr,
    ocr_languages,
) -> None:
    """Review drafts against 22 U.S.C. § 7103a(d)(2) and the GAO's findings.

    Exit code 0: no error-level findings; 1: some; 2: a file could not be read.
    A folder is searched for drafts, without hidden folders, clause libraries, earlier
    reports and OUTPUT.

    \b
    Example:
      cpc-draft check examples/received/jamaica-draft.txt
      cpc-draft check draft.pdf --format html -o review.html
      cpc-draft check drafts/ --exclude 'old/*' --format sarif -o review.sarif
    """
    from cpc_draft.check import batch
    from cpc_draft.check.config import load_config
    from cpc_draft.report.outputs import check_report

    destination = output_destination(output, force)
    configure_ocr(ocr, ocr_languages)
    config = dataclasses.replace(load_config(config_path), model=model)
    files = batch.expand(list(paths), exclude=excludes, output=output)
    progress = _progress(len(files))
    outcomes = batch.run(files, config, jobs=jobs, password=password, progress=progress)
    finish(check_report(outcomes, output_format, destination))


def _progress(count: int):
    """A progress bar on a terminal when more than a few files are checked."""
    if count <= 3 or not sys.stderr.isatty():
        return None

    def wrap(outcomes, total):
        with click.progressbar(
            outcomes, length=total, label="checking", show_pos=True, file=sys.stderr
        ) as bar:
            yield from bar

    return wrap


@main.command()
def rules() -> None:
    """List the rules of `check` with their default levels and documentation.

    \b
    Example:
      cpc-draft rules
    """
    from cpc_draft.report.outputs import rule_listing

    finish(rule_listing())
