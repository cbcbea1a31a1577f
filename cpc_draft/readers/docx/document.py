"""A whole .docx -> Document: the parts in order, one parsed tree at a time."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cpc_draft.errors import InputFileError
from cpc_draft.model import Document, Revision, TextBlock
from cpc_draft.readers.docx.body import BodyReader
from cpc_draft.readers.docx.changes import plural
from cpc_draft.readers.docx.numbering import Numbering
from cpc_draft.readers.docx.paragraphs import Classifier
from cpc_draft.readers.docx.parts import custom_properties, main_part, related_parts
from cpc_draft.readers.docx.styles import Styles
from cpc_draft.readers.docx.wordml import document_names
from cpc_draft.readers.docx.zipsafe import open_package


def read_docx(path: Path) -> Document:
    """Read a .docx into a Document (``language`` is left for the caller to fill)."""
    try:
        return _read(path)
    except InputFileError:
        raise
    except MemoryError:
        raise InputFileError(path, "is too large to read in the memory available") from None
    except RecursionError:
        raise InputFileError(path, "nests its content too deeply to read") from None
    except Exception as error:  # a file we misjudged still ends in one clean line
        raise InputFileError(
            path, f"could not be read as a Word document (internal error: {type(error).__name__})"
        ) from None


def _read(path: Path) -> Document:
    with open_package(path) as package:
        main = main_part(package)
        related = related_parts(package, main)
        styles = Styles.load(package, related.get("styles", ["word/styles.xml"]))
        numbering = Numbering.load(package, related.get("numbering", ["word/numbering.xml"]))
        root = package.xml(main)
        names = document_names(root, package, main)
        reader = BodyReader(names, Classifier(names, styles, numbering), package)
        reader.read_body(root)
        del root  # one parsed tree at a time keeps memory to the largest part
        headers = _distinct(reader.part_text(package, name, "hdr") for name in related["header"])
        footers = _distinct(reader.part_text(package, name, "ftr") for name in related["footer"])
        footnotes: list[str] = []
        for kind in ("footnotes", "endnotes"):
            for name in related[kind]:
                footnotes += reader.notes(package, name, kind)
        properties = custom_properties(package)
    blocks, revisions = reader.finish()
    return Document(
        path=str(path),
        format="docx",
        blocks=blocks,
        pages=reader.pages.page(reader.pages.count),
        warnings=tuple(_warnings(reader, blocks, revisions)),
        revisions=revisions,
        headers=headers,
        footers=footers,
        footnotes=tuple(footnotes),
        properties=properties,
    )


def _warnings(
    reader: BodyReader, blocks: tuple[TextBlock, ...], revisions: tuple[Revision, ...]
) -> list[str]:
    warnings = []
    tracked = reader.other_kinds.warning(revisions)
    if tracked:
        warnings.append(tracked)
    if reader.alt_chunks:
        warnings.append(f"{plural(reader.alt_chunks, 'embedded document')} (altChunk) not read")
    if reader.skipped:
        warnings.append(f"not read (not WordprocessingML): {', '.join(reader.skipped)}")
    if not blocks:
        warnings.append("no text in the document body")
    return warnings


def _distinct(texts: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for text in texts:
        if text and text not in seen:
            seen.append(text)
    return tuple(seen)
