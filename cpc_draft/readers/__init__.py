"""Readers: a PDF, Word or text file -> one :class:`~cpc_draft.model.Document`.

The format is decided by the file's first bytes, not its name, so a text file called
.pdf or a .docx renamed .txt is read for what it is. Each reader guards its own hostile
inputs (encryption, zip bombs, XML entities) and raises :class:`InputFileError`, whose
message names the file and the problem. Whatever the format, the text is then
normalised once (:mod:`cpc_draft.text.normalize`: invisible characters, bidirectional
overrides, footnote marks) and blocks too long to be paragraphs are cut at sentence
ends (:mod:`cpc_draft.text.long_blocks`), before headings and languages are decided.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cpc_draft.errors import InputFileError
from cpc_draft.fileio.inputs import regular_file_size
from cpc_draft.model import Document
from cpc_draft.readers import office
from cpc_draft.readers.encoding import has_bom, unmarked_wide_encoding
from cpc_draft.readers.limits import check_document_size

MAX_INPUT_BYTES = 200_000_000  # a 600-page PDF is ~5 MB; anything this large is not a draft
PDF, DOCX, TEXT, IMAGE = "pdf", "docx", "text", "image"
DOC, RTF, ODT = office.DOC, office.RTF, office.ODT  # read through LibreOffice
# PNG, JPEG, TIFF (both byte orders): a scanned draft, read by OCR
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# A text file that claims to be one of these is mislabelled or damaged: say so rather
# than read it quietly as something else.
_CLAIMED = {".pdf": "PDF", ".docx": "Word", ".doc": "Word", ".rtf": "RTF", ".odt": "OpenDocument"}


def sniff(path: Path) -> str:
    """pdf, docx, text, image, or a format read through LibreOffice (doc, rtf, odt), from
    the content; refuse what is none of them."""
    size = regular_file_size(path)  # never a pipe or a device: reading one could block
    if size == 0:
        raise InputFileError(path, "is empty (0 bytes)")
    if size > MAX_INPUT_BYTES:
        raise InputFileError(path, f"is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror})") from None
    if b"%PDF-" in head:  # the header may follow a few junk bytes, as readers allow
        return PDF
    if head.startswith(_IMAGE_MAGIC):
        return IMAGE
    if office.is_odt(head):
        return ODT
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return DOCX
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return office.ole_kind(path)
    if office.is_rtf(head):
        return RTF
    if has_bom(head) or unmarked_wide_encoding(head) or _looks_like_text(head):
        return TEXT
    raise InputFileError(path, "is not a PDF, Word (.docx) or text file")


def glance(path: Path) -> str:
    """What :func:`sniff` says, after the checks that need no reading: for a Word file,
    its zip directory and the declared sizes of its parts (a damaged zip or a zip bomb
    is refused in milliseconds, before a command loads spaCy for it)."""
    kind = sniff(path)
    if kind == DOCX:
        from cpc_draft.readers.docx import open_package

        with open_package(path):
            pass
    elif kind in (DOC, RTF, ODT):
        office.refuse_without_libreoffice(path, kind)
    return kind


def read_document(path: Path, *, password: str | None = None) -> Document:
    """Read ``path`` into a Document with a language on every block.

    A PDF is read in the sandbox, under limits (see :mod:`cpc_draft.readers.pdf`). To read
    while doing something else, submit this function: ``sandbox.submit(read_document,
    path)``.
    """
    from cpc_draft.text.langid import detect_languages
    from cpc_draft.text.long_blocks import split_long_blocks
    from cpc_draft.text.normalize import normalize_document
    from cpc_draft.text.pipe_tables import read_pipe_tables
    from cpc_draft.text.structure import decide_headings

    kind = sniff(path)
    claimed = _CLAIMED.get(path.suffix.lower())
    if claimed and kind == TEXT:
        raise InputFileError(
            path,
            f"is named {path.suffix} but holds plain text, not a {claimed} file; "
            "rename it .txt to read it as text",
        )
    if kind == PDF:
        from cpc_draft.readers.pdf import read_pdf

        document = read_pdf(path, password=password)
    elif kind == IMAGE:
        from cpc_draft.readers.ocr.images import read_image_file

        document = read_image_file(path)
    elif kind == DOCX:
        from cpc_draft.readers.docx import read_docx

        document = read_docx(path)
    elif kind in (DOC, RTF, ODT):
        document = office.read_through_libreoffice(path, kind)
    else:
        from cpc_draft.readers.text import read_text

        document = read_text(path)
    check_document_size(path, document)
    document = normalize_document(document)  # every format: what is displayed is read
    document = split_long_blocks(read_pipe_tables(document))
    blocks, languages = detect_languages(decide_headings(document.blocks))
    return replace(document, blocks=blocks, languages=languages)


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(head) // 100
