"""Plain text and Markdown drafts -> Document.

Encodings: see :mod:`.encoding` (a BOM decides; UTF-16 and UTF-32 are recognised without
one; otherwise UTF-8, or Windows-1252 with a warning). Structure: Markdown headings,
"Article 3" lines, list labels, pipe tables and tables aligned with spaces under a rule
of dashes (readers.text_tables).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from cpc_draft.errors import InputFileError
from cpc_draft.fileio.yaml_source import load_data
from cpc_draft.model import HEADING, ITEM, PARAGRAPH, TABLE_ROW, Document, TextBlock
from cpc_draft.readers.encoding import decode
from cpc_draft.readers.limits import check_text_size
from cpc_draft.readers.text_tables import pipe_aligned_tables
from cpc_draft.text.cues import unaccented
from cpc_draft.text.headings import ARTICLE_HEADING

MAX_TEXT_BYTES = 20_000_000
STAMP_LINES = 2  # draft stamps read as header or footer, at most, at each end
_DASH = re.compile(r"\s[–—-]\s")
_VERSION = re.compile(r"[vV]\d{1,3}")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
LIST_LABEL = re.compile(r"^(\d{1,3}[.)]|\(?[a-z]{1,3}\)|[a-z]\.|[•\-*–])\s+")
_DECIMAL_LABEL = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+\D")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")
# Markdown bold ("**FOR THE GOVERNMENT**") is formatting: the words are the text.
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise InputFileError(
            path, f"is {len(data):,} bytes; the limit for text is {MAX_TEXT_BYTES:,}"
        )
    text, warnings = decode(path, data)
    check_text_size(path, len(text))
    blocks, headers, footers = _without_stamps(parse_text(text))
    return Document(
        path=str(path),
        format="text",
        blocks=tuple(blocks),
        warnings=tuple(warnings),
        headers=tuple(headers),
        footers=tuple(footers),
    )


def parse_text(text: str) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    paragraph: list[str] = []
    table = row = number = start = 0  # start: the line the paragraph began on
    in_table = False

    def add(kind: str, content: str, **extra) -> None:
        content = _EMPHASIS.sub(r"\2", " ".join(content.split()))
        if content:
            extra.setdefault("line", number)
            blocks.append(TextBlock(index=len(blocks), kind=kind, text=content, **extra))

    numbered = False  # the paragraph begins with "3.1": an item, as the other readers read it

    def flush() -> None:
        nonlocal numbered
        if paragraph:
            add(ITEM if numbered else PARAGRAPH, " ".join(paragraph), line=start)
            paragraph.clear()
        numbered = False

    text = pipe_aligned_tables(text.replace("\r\n", "\n").replace("\r", "\n"))
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line.startswith("|") and line.count("|") >= 2:
            flush()
            if _TABLE_RULE.match(line):
                continue
            if not in_table:
                in_table, row = True, 0
                table += 1
            cells = tuple(" ".join(cell.split()) for cell in line.strip("|").split("|"))
            add(TABLE_ROW, " | ".join(cells), cells=cells, table=table - 1, row=row)
            row += 1
            continue
        in_table = False
        if not line or set(line) <= set("-=_*"):
            flush()
        elif _MARKDOWN_HEADING.match(line) or ARTICLE_HEADING.match(line) or _is_caps_title(line):
            flush()
            add(HEADING, _MARKDOWN_HEADING.sub("", line))
        elif not paragraph and _is_article_title(blocks, line):
            add(HEADING, line)  # "Article 3" then "Objectives" on the next line
        elif LIST_LABEL.match(line):
            flush()
            add(ITEM, line)
        elif _DECIMAL_LABEL.match(line) and (not paragraph or paragraph[-1][-1] in ".;:"):
            flush()  # "3.1 Programme …": a numbered paragraph, not a wrapped line's end
            start, numbered = number, True
            paragraph.append(line)
        else:
            start = start if paragraph else number
            paragraph.append(line)
    flush()
    return blocks


def _without_stamps(blocks: list[TextBlock]) -> tuple[list[TextBlock], list[str], list[str]]:
    """The blocks without the draft stamps that open or close them (a Word or PDF file
    has them as its running header and footer), and those stamps: header, footer."""
    start, end = 0, len(blocks)
    while start < min(end, STAMP_LINES) and _is_stamp(blocks[start]):
        start += 1
    while end > max(start, len(blocks) - STAMP_LINES) and _is_stamp(blocks[end - 1]):
        end -= 1
    body = [replace(block, index=index) for index, block in enumerate(blocks[start:end])]
    return body, [b.text for b in blocks[:start]], [b.text for b in blocks[end:]]


def _is_stamp(block: TextBlock) -> bool:
    stamps = _stamps()
    words = block.text.split()
    if block.kind not in (HEADING, PARAGRAPH) or not words or len(words) > stamps["max_words"]:
        return False
    if unaccented(words[0].casefold().strip(".:,–-")) not in stamps["first_words"]:
        return False
    versions = stamps["versions"]
    return bool(_DASH.search(block.text)) or any(
        _VERSION.fullmatch(word) or unaccented(word.casefold()) in versions for word in words
    )


@cache
def _stamps() -> dict:
    data = load_data(
        resources.files("cpc_draft").joinpath("data/draft_stamps.yaml").read_text("utf-8")
    )
    return {
        "first_words": set(unaccented(data["first_words"]).split()),
        "versions": set(unaccented(data["versions"]).split()),
        "max_words": int(data["max_words"]),
    }


def _is_article_title(blocks: list[TextBlock], line: str) -> bool:
    """A short unpunctuated line right under an "Article N" line is that article's title."""
    if not blocks or blocks[-1].kind != HEADING or not ARTICLE_HEADING.match(blocks[-1].text):
        return False
    return len(line) <= 80 and line[-1] not in ".:;,"


def _is_caps_title(line: str) -> bool:
    """A line in capitals that is not a sentence: a title ("CHILD PROTECTION COMPACT …")."""
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 8 and line.isupper() and len(line) <= 250 and line[-1] not in ".;,"
