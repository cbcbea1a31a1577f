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
from cpc_draft.fileio.output import check_writable, write_atomically
from cpc_draft.model import Draft

CONVERSION_TIMEOUT_SECONDS = 180


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(source: Path, target_folder: Path) -> Path:
    """Convert ``source`` (.docx) to a PDF in ``target_folder``; return its path."""
    return convert_with_libreoffice([source], target_folder)[0]


def convert_with_libreoffice(
    sources: list[Path], target_folder: Path, *, to: str = "pdf", timeout: float | None = None
) -> list[Path]:
    """Convert ``sources`` in one LibreOffice run (starting it costs seconds) with the
    export filter ``to`` ("pdf", "docx:MS Word 2007 XML", "pdf:writer_pdf_Export:{…}");
    return the files produced, in the order of ``sources``."""
    extension = to.split(":")[0]
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(
            f"{sources[0].with_suffix('.' + extension).name}: writing {extension.upper()} needs "
            "LibreOffice, which is not installed (no soffice on PATH); install it (Debian: "
            "apt-get install libreoffice-writer-nogui) or write .docx"
        )
    seconds = timeout or CONVERSION_TIMEOUT_SECONDS * len(sources)
    with tempfile.TemporaryDirectory(prefix="cpc-draft-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(target_folder),
            *map(str, sources),
        ]
        try:
            completed = subprocess.run(
                command, capture_output=True, text=True, timeout=seconds, check=False
            )
        except subprocess.TimeoutExpired:
            raise ConversionError(
                f"{sources[0].name}: LibreOffice did not finish within {seconds:g} s"
            ) from None
    produced = [target_folder / f"{source.stem}.{extension}" for source in sources]
    failed = [source for source, path in zip(sources, produced, strict=True) if not path.exists()]
    if completed.returncode != 0 or failed:
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        name = (failed or sources)[0].name
        raise ConversionError(
            f"{name}: LibreOffice could not convert it to {extension.upper()}"
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
