"""Writing outputs safely: never over a user's file without --force, never half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from cpc_draft.errors import OutputError

_TEMPORARY_NAME_PART = 100  # of the output's name, in its temporary file's name


def check_writable(path: Path, *, force: bool) -> None:
    try:
        if path.is_dir():
            raise OutputError(path, "is a directory; give a file name")
        if path.exists() and not force:
            raise OutputError(path, "already exists; pass --force to overwrite it")
        if not path.parent.is_dir():
            raise OutputError(path, f"folder {path.parent} does not exist")
    except OSError as error:  # e.g. "File name too long"
        raise OutputError(path, f"cannot be written ({error.strerror or error})") from None


def write_atomically(path: Path, produce: Callable[[Path], None], *, force: bool) -> None:
    """Call ``produce(temporary_path)``, then rename the result onto ``path``.

    The temporary file sits in the same folder, so the rename is atomic: an interrupted
    run leaves either the old file or the new one, never a torn one.
    """
    check_writable(path, force=force)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=_temporary_prefix(path), suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise OutputError(path, f"cannot be written ({error.strerror or error})") from None
    os.close(handle)
    temporary_path = Path(temporary)
    try:
        produce(temporary_path)
        os.chmod(temporary_path, 0o666 & ~_current_umask())  # mkstemp made it private (0600)
        if path.exists() and not force:  # appeared while we worked
            raise OutputError(path, "already exists; pass --force to overwrite it")
        os.replace(temporary_path, path)
    except OSError as error:
        raise OutputError(path, f"cannot be written ({error.strerror or error})") from None
    finally:
        temporary_path.unlink(missing_ok=True)


def _temporary_prefix(path: Path) -> str:
    # Shortened: a name near the longest the file system allows must still leave room for
    # the dot, the random part and the suffix, or the output could never be written.
    return f".{path.name[:_TEMPORARY_NAME_PART]}."


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
