"""PDF through LibreOffice headless: the .docx is written, then converted by soffice
(:mod:`cpc_draft.fileio.libreoffice`)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from cpc_draft.fileio.libreoffice import convert_with_libreoffice, find_soffice
from cpc_draft.fileio.output import check_writable, write_atomically
from cpc_draft.model import Draft

__all__ = ["convert_to_pdf", "convert_with_libreoffice", "find_soffice", "write_pdf"]


def convert_to_pdf(source: Path, target_folder: Path) -> Path:
    """Convert ``source`` (.docx) to a PDF in ``target_folder``; return its path."""
    return convert_with_libreoffice([source], target_folder)[0]


def write_pdf(draft: Draft, path: Path, *, force: bool = False) -> None:
    from cpc_draft.render.docx import write_docx

    check_writable(path, force=force)
    if find_soffice() is None:
        convert_to_pdf(path.with_suffix(".docx"), path.parent)  # raises the clear message
    with tempfile.TemporaryDirectory(prefix="cpc-draft-pdf-") as work:
        source = Path(work) / (path.stem + ".docx")
        write_docx(draft, source)
        produced = convert_to_pdf(source, Path(work))
        write_atomically(path, lambda temporary: shutil.copyfile(produced, temporary), force=force)
