"""Office Open XML packages opened safely: a bounded zip whose parts parse safely.

A .docx is a zip of XML parts. The zip can be turned against a reader:

- **zip bombs** — a few megabytes that inflate to gigabytes. Before anything is inflated,
  every XML part's *declared* size and compression ratio are checked; then each part is
  read in chunks and the read stops past its limit, because the declared size can lie.
  Parts that are never read (images, embedded objects) are never inflated, so they are
  not checked: a photo that compresses well must not make a draft unreadable.
- **a huge central directory** — millions of entries cost gigabytes before a single part
  is read; its size is checked from the end record, before :class:`zipfile.ZipFile` parses it.

The XML in the parts is parsed by :mod:`.safexml` (no entities, bounded nesting and markup).
Every failure is an :class:`InputFileError` naming the file and the part. The module
knows nothing about Word; it is meant for reading any OOXML package (and, later, for
reading a package before writing tracked changes into it).
"""

from __future__ import annotations

import lzma
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from cpc_draft.errors import InputFileError
from cpc_draft.readers.docx.safexml import parse_xml

MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    """What a package may cost. The defaults fit drafts of any realistic size (a
    600-page compact is ~5 MB of document.xml) with an order of magnitude to spare."""

    part_bytes: int = 50 * MB  # one inflated XML part
    total_bytes: int = 200 * MB  # all XML parts together
    ratio: int = 100  # inflated:compressed, checked for parts over ratio_floor
    ratio_floor: int = 1 * MB
    entries: int = 10_000  # zip members (a draft has ~20; pictures add a few hundred)
    directory_bytes: int = 8 * MB  # the central directory itself
    # "<" and "=" (twice: an attribute costs ~230 bytes in libxml2, an element ~125) per
    # part: 3,000,000 is ~375 MB of tree at worst and a ~35 MB real document.xml.
    markup: int = 3_000_000


DEFAULT_LIMITS = Limits()
XML_SUFFIXES = (".xml", ".rels", ".vml")
_CHUNK = 1 << 20
_DAMAGED = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    struct.error,
    ValueError,
    OSError,
    NotImplementedError,
    IndexError,
    KeyError,
)


class Package:
    """An opened package: part names, bounded reads and safe XML. Use as a context manager."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self._archive = archive
        self._infos = {info.filename: info for info in archive.infolist()}
        self._inflated = 0
        self._check_declared_sizes()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._archive.close()

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def fail(self, problem: str) -> InputFileError:
        return InputFileError(self.path, problem)

    def _check_declared_sizes(self) -> None:
        """Refuse a bomb from its declared sizes alone, before inflating a byte."""
        limits, total = self.limits, 0
        for name, info in self._infos.items():
            if name.lower().endswith(XML_SUFFIXES):
                self._check_member(name, info)
                total += info.file_size
        if total > limits.total_bytes:
            raise self.fail(
                f"its XML parts would inflate to {total:,} bytes; the limit is "
                f"{limits.total_bytes:,} (a zip bomb?)"
            )

    def _check_member(self, name: str, info: zipfile.ZipInfo) -> None:
        limits, size = self.limits, info.file_size
        if size > limits.part_bytes:
            raise self.fail(
                f"{name} would inflate to {size:,} bytes; the limit is "
                f"{limits.part_bytes:,} (a zip bomb?)"
            )
        if size > limits.ratio_floor and size > limits.ratio * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise self.fail(
                f"{name} is compressed {ratio:,}:1; the limit is {limits.ratio}:1 (a zip bomb?)"
            )

    def read(self, name: str) -> bytes:
        """The inflated bytes of part ``name``, never more than the limits allow.

        The declared sizes are checked first; then the read stops past the limit whatever
        the header claims (zipfile itself also stops at the declared size and then fails
        the CRC check when the stream holds more).
        """
        info = self._infos.get(name)
        if info is None:
            raise self.fail(f"has no part {name}")
        self._check_member(name, info)
        part_limit, total_limit = self.limits.part_bytes, self.limits.total_bytes
        chunks, size = [], 0
        try:
            with self._archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > part_limit:
                        raise self.fail(
                            f"{name} inflates to more than {part_limit:,} bytes (a zip bomb?)"
                        )
                    if self._inflated + size > total_limit:
                        raise self.fail(
                            f"its XML parts inflate to more than {total_limit:,} bytes "
                            "(a zip bomb?)"
                        )
                    chunks.append(chunk)
        except RuntimeError:  # zipfile: "File … is encrypted, password required …"
            raise self.fail(
                f"{name} is encrypted (a password-protected zip, not a Word document)"
            ) from None
        except _DAMAGED as error:
            raise self.fail(f"is not a valid .docx (damaged zip: {_describe(error)})") from None
        self._inflated += size
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed with :func:`~.safexml.parse_xml`."""
        return parse_xml(self.read(name), name, markup_limit=self.limits.markup, fail=self.fail)


def open_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> Package:
    """Open ``path`` as a zip package, refusing what would cost too much to open."""
    try:
        with path.open("rb") as handle:
            _check_directory(path, handle, limits)
        archive = zipfile.ZipFile(path)
    except InputFileError:
        raise
    except _DAMAGED as error:
        raise InputFileError(
            path, f"is not a valid .docx (damaged zip: {_describe(error)})"
        ) from None
    try:
        return Package(path, archive, limits)
    except BaseException:
        archive.close()
        raise


def _check_directory(path: Path, handle, limits: Limits) -> None:
    """Refuse a central directory too large to parse, from the zip's end record.

    zipfile reads the directory size and entry count from the same record (and its zip64
    extension), so bounding them bounds what ``ZipFile()`` will allocate.
    """
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:  # a future Python without the helper: zipfile's own checks only
        return
    record = end_record(handle)
    if record is None:
        raise zipfile.BadZipFile("File is not a zip file")
    entries, size = record[zipfile._ECD_ENTRIES_TOTAL], record[zipfile._ECD_SIZE]
    if entries > limits.entries or size > limits.directory_bytes:
        raise InputFileError(
            path,
            f"is a zip of {entries:,} entries ({size:,} bytes of directory); the limit is "
            f"{limits.entries:,} entries",
        )


def _describe(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]
