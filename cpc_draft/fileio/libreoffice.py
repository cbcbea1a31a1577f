"""LibreOffice headless as a converter: our drafts to PDF, and the Word 97-2003, RTF and
OpenDocument drafts we receive to .docx.

Each run uses its own throw-away LibreOffice profile, so concurrent runs (or a desktop
LibreOffice the user has open) cannot block one another.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from cpc_draft.errors import ConversionError

CONVERSION_TIMEOUT_SECONDS = 180


def find_soffice() -> str | None:
    """The LibreOffice command on PATH, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(
    sources: list[Path],
    target_folder: Path,
    *,
    to: str = "pdf",
    timeout: float | None = None,
    memory: int | None = None,
) -> list[Path]:
    """Convert ``sources`` in one LibreOffice run (starting it costs seconds) with the
    export filter ``to`` ("pdf", "docx:MS Word 2007 XML", "pdf:writer_pdf_Export:{…}");
    return the files produced, in the order of ``sources``. ``memory`` caps the address
    space of the converter (for files we did not write)."""
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
        completed = _run(command, seconds, sources[0].name, memory)
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


def _run(
    command: list[str], seconds: float, name: str, memory: int | None
) -> subprocess.CompletedProcess:
    """Run soffice in a session of its own: ``soffice`` is a script that starts
    ``soffice.bin``, and a timeout must stop both, not leave the converter running."""
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=(lambda: _limit_memory(memory)) if memory else None,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            _stop_group(process)
            message = f"{name}: LibreOffice did not finish within {seconds:g} s"
            raise ConversionError(message) from None
        except BaseException:
            _stop_group(process)
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _limit_memory(memory: int) -> None:
    """In the child, before soffice starts (its children inherit the limit)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _stop_group(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # already gone
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
