"""A plain Markdown preview of a draft (for a quick read or a diff in a terminal)."""

from __future__ import annotations

from pathlib import Path

from cpc_draft.errors import printable
from cpc_draft.fileio.output import write_atomically
from cpc_draft.model import ITEM, SIGNATURES, TABLE, TITLE, Block, Draft, Section


def draft_to_markdown(draft: Draft) -> str:
    lines: list[str] = []
    if draft.layout == "sequential":
        for language in draft.languages:
            for section in draft.sections:
                lines += _section(section, language)
            lines.append("\n---\n")
    else:
        for section in draft.sections:
            for language in draft.languages:
                lines += _section(section, language, tag=len(draft.languages) > 1)
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(draft: Draft, path: Path, *, force: bool = False) -> None:
    text = draft_to_markdown(draft)
    write_atomically(path, lambda temporary: temporary.write_text(text, "utf-8"), force=force)


def _section(section: Section, language: str, tag: bool = False) -> list[str]:
    text = section.texts[language]
    lines: list[str] = []
    prefix = f"[{language}] " if tag else ""
    heading = " — ".join(part for part in (text.label, text.heading) if part)
    if heading:
        lines.append(f"## {prefix}{_escape(heading)}\n")
    for block in text.blocks:
        lines += _block(block, section, language, prefix)
    return lines


def _block(block: Block, section: Section, language: str, prefix: str) -> list[str]:
    if block.kind == TITLE:
        return [f"# {prefix}{_escape(block.text)}\n"]
    if block.kind == ITEM:
        return [f"{_escape(block.label)} {_escape(block.text)}\n"]
    if block.kind == TABLE:
        return [*_table(block.rows), ""]
    if block.kind == SIGNATURES:
        out = []
        for signatory in section.signatories[language]:
            out += [
                f"**{_escape(signatory.heading)}**\n",
                "______________________________\n",
                f"{_escape(signatory.name_label)} {_escape(signatory.name)}  ",
                f"{_escape(signatory.title_label)} {_escape(signatory.title)}\n",
            ]
        return out
    return [f"{_escape(block.text)}\n"]


def _table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    def line(cells):
        return "| " + " | ".join(_escape(cell).replace("|", "\\|") for cell in cells) + " |"

    header, *body = rows
    return [line(header), "|" + "---|" * len(header), *(line(row) for row in body)]


def _escape(text: str) -> str:
    # Keep spec text from turning into Markdown structure or HTML in a previewer, and a
    # line break or terminal escape in it from breaking the line or reaching a terminal.
    return printable(text).replace("<", "&lt;").replace(">", "&gt;")
