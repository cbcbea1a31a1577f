"""PDF through LibreOffice headless: the .docx is written, then converted by soffice.

Each run uses its own throw-away LibreOffice profile, so concurrent runs (or a desktop
LibreOffice the user has open) cannot block one another.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from cpc_draft.errors import ConversionError
from cpc_draft.model import Draft
from cpc_draft.output import check_writable, write_atomically

CONVERSION_TIMEOUT_SECONDS = 180


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(source: Path, target_folder: Path) -> Path:
    """Convert ``source`` (.docx) to a PDF in ``target_folder``; return its path."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(
            f"{source.with_suffix('.pdf').name}: writing PDF needs LibreOffice, which is not "
            "installed (no soffice on PATH); install it (Debian: apt-get install "
            "libreoffice-writer-nogui) or write .docx"
        )
    with tempfile.TemporaryDirectory(prefix="cpc-draft-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target_folder),
            str(source),
        ]
        try:
            completed = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=CONVERSION_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ConversionError(
                f"{source.name}: LibreOffice did not finish the PDF within "
                f"{CONVERSION_TIMEOUT_SECONDS} s"
            ) from None
    produced = target_folder / (source.stem + ".pdf")
    if completed.returncode != 0 or not produced.exists():
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        raise ConversionError(
            f"{source.name}: LibreOffice could not convert it to PDF"
            + (f" ({detail[-1]})" if detail else "")
        )
    return produced


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
