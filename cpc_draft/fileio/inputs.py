"""Reading an input file: a regular file only, within a size limit, refused in one line.

Opening a named pipe (FIFO) for reading waits for a writer that may never come, and a
device such as /dev/zero never ends: so every input (spec, configuration, clause, draft)
is looked at before it is opened, and what is not a regular file is refused. The file is
then opened without blocking and looked at again, in case it was swapped meanwhile.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cpc_draft.errors import InputFileError

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def regular_file_size(path: Path) -> int:
    """The size of the regular file at ``path``; refuse anything else before it is opened."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except OSError as error:  # e.g. "File name too long", "Permission denied"
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None
    _refuse_irregular(path, status.st_mode)
    return status.st_size


def read_input_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``, refused if larger than ``max_bytes``."""
    size = regular_file_size(path)
    _refuse_larger(path, size, max_bytes)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None
    with os.fdopen(descriptor, "rb") as handle:
        _refuse_irregular(path, os.fstat(handle.fileno()).st_mode)  # swapped since the stat
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise InputFileError(path, f"cannot be read ({error.strerror or error})") from None
    _refuse_larger(path, len(data), max_bytes)  # it grew since the stat
    return data


def read_input_text(path: Path, *, max_bytes: int) -> str:
    """The UTF-8 text of the regular file at ``path`` (a byte order mark is dropped)."""
    data = read_input_bytes(path, max_bytes=max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputFileError(
            path, f"is not UTF-8 text (bad byte at offset {error.start})"
        ) from None


def _refuse_irregular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputFileError(path, "is a directory, not a file")
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    raise InputFileError(path, f"is {kind}, not a regular file; give a file")


def _refuse_larger(path: Path, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputFileError(path, f"is {size:,} bytes; the limit is {max_bytes:,}")
