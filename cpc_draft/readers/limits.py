"""How much text a draft may hold, whatever its format.

A 600-page compact holds about two million characters; a file that holds far more is not
a draft, and reading and checking it would take minutes and gigabytes. Each reader
refuses early where it can (the text reader after decoding, the Word reader as its text
grows); :func:`check_document_size` refuses what any reader returns past the limit.
"""

from __future__ import annotations

from pathlib import Path

from cpc_draft.errors import InputFileError
from cpc_draft.model import Document

MAX_TEXT_CHARS = 4_000_000  # some 1,300 pages


def too_much_text(path: Path | str, characters: int) -> InputFileError:
    return InputFileError(
        path,
        f"holds more than {MAX_TEXT_CHARS:,} characters of text ({characters:,} read); "
        "that is no draft (a 600-page compact holds some 2,000,000)",
    )


def check_text_size(path: Path | str, characters: int) -> None:
    if characters > MAX_TEXT_CHARS:
        raise too_much_text(path, characters)


def check_document_size(path: Path | str, document: Document) -> None:
    """Refuse ``document`` when its blocks, headers, footers and notes hold too much."""
    texts = (document.headers, document.footers, document.footnotes)
    characters = sum(len(block.text) for block in document.blocks)
    characters += sum(len(text) for group in texts for text in group)
    check_text_size(path, characters)
