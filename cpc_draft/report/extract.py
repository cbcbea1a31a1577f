"""`extract`: the document model as JSON (for tools) or text (for eyes)."""

from __future__ import annotations

from dataclasses import asdict

from cpc_draft.model import Document
from cpc_draft.report import jsontext

BLOCK_FIELDS = (
    "index",
    "kind",
    "page",
    "language",
    "text",
    "clause",
    "cells",
    "table",
    "row",
    "column",
    "line",
    "origin",
)


def document_to_dict(document: Document) -> dict:
    return {
        "path": document.path,
        "format": document.format,
        "pages": document.pages,
        "languages": list(document.languages),
        "warnings": list(document.warnings),
        "properties": dict(document.properties),
        "revisions": [asdict(revision) for revision in document.revisions],
        "headers": list(document.headers),
        "footers": list(document.footers),
        "footnotes": list(document.footnotes),
        "blocks": [
            {name: _jsonable(getattr(block, name)) for name in BLOCK_FIELDS}
            for block in document.blocks
        ],
    }


def document_to_json(document: Document) -> str:
    return jsontext.dumps(document_to_dict(document))


def document_to_text(document: Document) -> str:
    lines = [
        f"# {document.path} ({document.format}"
        + (f", {document.pages} pages" if document.pages else "")
        + (f", languages: {', '.join(document.languages)}" if document.languages else "")
        + ")"
    ]
    lines += [f"# warning: {warning}" for warning in document.warnings]
    for block in document.blocks:
        where = " ".join(
            part
            for part in (
                f"p{block.page}" if block.page else "",
                block.language or "??",
                block.kind,
                f"col{block.column}" if block.column is not None else "",
                block.clause or "",
                block.origin or "",
            )
            if part
        )
        lines.append(f"[{block.index} {where}] {block.text}")
    return "\n".join(lines) + "\n"


def _jsonable(value):
    return list(value) if isinstance(value, tuple) else value
