"""Drafts in the other word-processor formats ministries send: Word 97-2003 (.doc), RTF
and OpenDocument text (.odt), read through LibreOffice.

LibreOffice converts the file to .docx in a throw-away folder (its own profile, a time
limit, the whole process group stopped on timeout) and the Word reader reads that, so the
same headings, numbering, tables and tracked changes are understood whatever the format.
The document says so in a warning. Without LibreOffice the file is refused in one line
that says what to install or how to save the file instead.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from cpc_draft.errors import ConversionError, InputFileError
from cpc_draft.fileio.libreoffice import convert_with_libreoffice, find_soffice
from cpc_draft.model import Document

DOC, RTF, ODT = "doc", "rtf", "odt"
_NAMES = {
    DOC: "a Word 97-2003 document (.doc)",
    RTF: "an RTF document",
    ODT: "an OpenDocument text (.odt)",
}
CONVERSION_SECONDS = 120  # a 100-page .doc converts in a few seconds once LibreOffice runs
CONVERSION_MEMORY = 2 << 30  # address space; LibreOffice maps about 0.5 GB to convert a draft

# Names of the streams inside an OLE compound file (UTF-16LE in its directory)
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
_CHUNK = 1 << 20


def is_rtf(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def is_odt(head: bytes) -> bool:
    """An OpenDocument text: a zip whose first entry is its stored mimetype."""
    return head.startswith(b"PK\x03\x04") and _ODT_MIMETYPE in head[:200]


def ole_kind(path: Path) -> str:
    """What an OLE compound file holds: a Word 97-2003 document (DOC), or else refused
    with the reason (an encrypted .docx, another Office program's file)."""
    streams = _ole_stream_names(path)
    if _ENCRYPTED_STREAM in streams:
        raise InputFileError(
            path, "is a password-protected Word file; remove its password in Word and save it"
        )
    if _WORD_STREAM in streams:
        return DOC
    raise InputFileError(
        path, "is an Office file but not a Word document (an Excel or PowerPoint file?)"
    )


def refuse_without_libreoffice(path: Path, kind: str) -> None:
    if find_soffice() is None:
        raise InputFileError(
            path,
            f"is {_NAMES[kind]}, read through LibreOffice, which is not installed "
            "(Debian: apt-get install libreoffice-writer-nogui); or save it as .docx",
        )


def read_through_libreoffice(path: Path, kind: str) -> Document:
    """Convert ``path`` to .docx with LibreOffice and read that; one line naming the file
    when LibreOffice is missing or cannot convert it."""
    from cpc_draft.readers.docx import read_docx

    refuse_without_libreoffice(path, kind)
    with tempfile.TemporaryDirectory(prefix="cpc-draft-read-") as folder:
        # a name of ours: the user's file name never reaches soffice's command line
        source = Path(folder) / f"draft.{kind}"
        shutil.copyfile(path, source)
        try:
            (converted,) = convert_with_libreoffice(
                [source],
                Path(folder) / "docx",
                to="docx:MS Word 2007 XML",
                timeout=CONVERSION_SECONDS,
                memory=CONVERSION_MEMORY,
            )
        except ConversionError as error:
            detail = str(error).split(": ", 1)[-1]
            raise InputFileError(path, f"is {_NAMES[kind]}, and {detail}") from None
        document = read_docx(converted)
    note = f"converted from {_NAMES[kind]} to .docx by LibreOffice before reading"
    return replace(document, path=str(path), warnings=(note, *document.warnings))


def _ole_stream_names(path: Path) -> bytes:
    """Which of the stream names we look for the file holds, in UTF-16LE, joined. The
    directory may lie anywhere, so the whole file is scanned a chunk at a time (a .doc is
    a few megabytes; the caller has capped the size), each chunk with the end of the
    last so that a name across the boundary is found."""
    found, tail = bytearray(), b""
    overlap = max(len(_WORD_STREAM), len(_ENCRYPTED_STREAM))
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            window = tail + chunk
            for name in (_WORD_STREAM, _ENCRYPTED_STREAM):
                if name in window and name not in found:
                    found += name
            tail = window[-overlap:]
    return bytes(found)
