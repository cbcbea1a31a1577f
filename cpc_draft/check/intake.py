"""Drafts in: what `check` and `compare` read, refused at a glance or read in the sandbox.

Both commands need spaCy, whose import takes about as long as reading a 45-page PDF. So
the drafts are submitted to the sandbox, each read in its own child, spaCy loads here
meanwhile (:func:`warm_up`), and then the documents are collected::

    with submit_drafts(paths) as reading:
        warm_up()
        documents = reading.result()

What can be refused at a glance (no such file, empty, a spec, not a draft, a damaged zip,
a zip bomb) is refused before anything is submitted, without waiting for spaCy.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from cpc_draft import sandbox
from cpc_draft.errors import InputFileError
from cpc_draft.model import Document
from cpc_draft.readers import PDF, glance, read_document


def warm_up() -> None:
    """Import spaCy and build the English pipeline (every U.S. compact has English)
    while drafts are read: the two take about as long as each other. `check --jobs`
    does this before its worker processes fork, so that they inherit what it built."""
    from cpc_draft.nlp import load_pipeline

    load_pipeline("en")


def read_draft(path: Path, *, password: str | None = None) -> Document:
    """Read a draft here (a PDF in its sandbox child); a compact spec is refused."""
    _refuse_spec(path)
    return read_document(Path(path), password=password)


def submit_drafts(paths: list[Path], *, password: str | None = None) -> sandbox.Pending:
    """Start reading ``paths`` at the same time, each in its own sandbox child, once none
    is refused at a glance. The result: the documents in order, or the error of the
    first that could not be read."""
    refuse_at_a_glance(paths)
    return sandbox.gather([_submit(path, password) for path in paths])


def submit_draft(path: Path, *, password: str | None = None) -> sandbox.Pending:
    """Start reading one draft in a sandbox child, unless it is refused at a glance."""
    refuse_at_a_glance([path])
    return _submit(path, password)


def read_drafts(paths: list[Path], *, password: str | None = None) -> list[Document]:
    """The documents of ``paths``; the first that cannot be read raises its error.

    PDFs are read at the same time, each in its own sandbox child (two take the time of
    one on two cores), and Word and text files here meanwhile, one after another: a
    45-page Word draft takes about 0.2 s, and a child of its own would take a core from
    spaCy, which `compare` loads meanwhile in its main process.
    """
    kinds = refuse_at_a_glance(paths)
    with ExitStack() as running:
        pdfs = {
            index: running.enter_context(_submit(path, password))
            for index, path in enumerate(paths)
            if kinds[index] == PDF
        }
        read = {
            index: _attempt(read_document, Path(path), password=password)
            for index, path in enumerate(paths)
            if index not in pdfs
        }
        read |= {index: _attempt(pending.result) for index, pending in pdfs.items()}
    return _in_order(read)


def refuse_at_a_glance(paths: list[Path]) -> list[str]:
    """What each path is (pdf, docx, text); the error of the first path that is not a
    draft to read, as far as can be told without reading it."""
    for path in paths:
        _refuse_spec(path)
    return [glance(Path(path)) for path in paths]


def _submit(path: Path, password: str | None) -> sandbox.Pending:
    return sandbox.submit(read_document, Path(path), password=password)


def _attempt(function, *args, **kwargs) -> Document | InputFileError:
    try:
        return function(*args, **kwargs)
    except InputFileError as error:
        return error


def _in_order(read: dict[int, Document | InputFileError]) -> list[Document]:
    """The documents by their paths' order, or the error of the first not read."""
    documents = [read[index] for index in sorted(read)]
    for found in documents:
        if isinstance(found, InputFileError):
            raise found
    return documents


def _refuse_spec(path: Path) -> None:
    if Path(path).suffix.lower() in (".yaml", ".yml"):
        raise InputFileError(
            path,
            f"is a compact spec, not a draft; assemble it first: cpc-draft assemble {path} "
            "-o draft.docx",
        )
