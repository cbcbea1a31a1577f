"""`compare` results as JSON (for tools) and text (for people, coloured on a terminal)."""

from __future__ import annotations

from dataclasses import asdict

from cpc_draft.compare.versions import ADDED, DELETED, MODIFIED, MOVED, Change, VersionComparison
from cpc_draft.compare.worddiff import DELETE, EQUAL, INSERT, BlockDiff, DiffSpan
from cpc_draft.report import jsontext

_CONTEXT = 40  # characters of unchanged text kept around a change in the text report
KIND_COLOUR = {ADDED: "green", DELETED: "red", MOVED: "cyan", MODIFIED: "yellow"}


def _where(article) -> dict | None:
    if article is None:
        return None
    first = article.blocks[0]
    return {
        "label": article.label,
        "index": article.index,
        "number": article.number,
        "title": article.title,
        "page": first.page,
        "block": first.index,
    }


def _segments(blocks: tuple[BlockDiff, ...], changed_only: bool) -> list[dict]:
    out: list[dict] = []
    for block in blocks:
        if changed_only and not block.changed:
            continue
        if out:
            out.append({"op": EQUAL, "text": "\n"})
        pieces = block.segments or _row_segments(block)
        out += [{"op": s.op, "text": s.text} for s in pieces]
    return out


def _row_segments(block: BlockDiff) -> tuple[DiffSpan, ...]:
    joined: list[DiffSpan] = []
    for position, cell in enumerate(block.cells):
        if position:
            joined.append(DiffSpan(EQUAL, " | "))
        joined += cell
    return tuple(joined)


def change_to_dict(change: Change) -> dict:
    return {
        "kind": change.kind,
        "language": change.language,
        "old": _where(change.old),
        "new": _where(change.new),
        "reworded": change.reworded if change.kind == MOVED else change.kind == MODIFIED,
        "diff": _segments(change.blocks, changed_only=_in_kept_article(change)),
    }


def _in_kept_article(change: Change) -> bool:
    """A change within an article both versions keep (modified, moved, or text added to
    or deleted from it), as opposed to a whole article added or deleted."""
    return change.old is not None and change.new is not None


def comparison_to_dict(comparison: VersionComparison) -> dict:
    changes = comparison.changes
    return {
        "old": _document(comparison.old),
        "new": _document(comparison.new),
        "summary": {kind: sum(c.kind == kind for c in changes) for kind in KIND_COLOUR},
        "changes": [change_to_dict(change) for change in changes],
        "renumbered": [
            {"language": found.language, "old": pair.old.label, "new": pair.new.label}
            for found in comparison.languages
            for pair in found.renumbered
        ],
        "fact_changes": [asdict(change) for change in comparison.fact_changes],
        "warnings": list(comparison.warnings),
    }


def _document(document) -> dict:
    return {
        "path": document.path,
        "format": document.format,
        "languages": list(document.languages),
    }


def comparison_to_json(comparison: VersionComparison) -> str:
    return jsontext.dumps(comparison_to_dict(comparison))


def comparison_to_text(comparison: VersionComparison, style=lambda text, **_: text) -> str:
    """``style`` is click.style on a terminal (colour), the identity elsewhere."""
    lines = [
        style(f"{comparison.old.path}", bold=True)
        + " → "
        + style(f"{comparison.new.path}", bold=True)
    ]
    several = len(comparison.languages) > 1
    for found in comparison.languages:
        if several:
            lines.append(style(f"[{found.language}]", bold=True))
        if not found.changes:
            lines.append("  no changes to the text")
        for change in found.changes:
            lines += _change_lines(change, style)
        if found.renumbered:
            lines.append(f"  {len(found.renumbered)} article(s) renumbered only")
    if comparison.fact_changes:
        lines.append(style("Changes of substance", bold=True))
        for fact in comparison.fact_changes:
            lines.append(f"  {fact.kind:12} {fact.detail}: {fact.old or '—'} → {fact.new or '—'}")
    summary = comparison_to_dict(comparison)["summary"]
    lines.append(", ".join(f"{count} {kind}" for kind, count in summary.items()))
    return "\n".join(lines) + "\n"


def _change_lines(change: Change, style) -> list[str]:
    colour = KIND_COLOUR[change.kind]
    if change.kind == ADDED:
        title = change.new.label
    elif change.kind == DELETED:
        title = change.old.label
    elif change.old.label != change.new.label:
        title = f"{change.old.label} → {change.new.label}"
    else:
        title = change.new.label
    if change.kind in (ADDED, DELETED) and _in_kept_article(change):
        title = f"in {title}"  # "added in Introduction": a paragraph, not the article
    lines = [f"  {style(f'{change.kind:9}', fg=colour)} {title}{_page(change)}"]
    if _in_kept_article(change):
        for block in change.blocks:
            if block.changed:
                lines.append("      " + _inline(block.segments or _row_segments(block), style))
    return lines


def _page(change: Change) -> str:
    article = change.new or change.old
    page = article.blocks[0].page
    return f" (page {page})" if page else ""


def _inline(segments: tuple[DiffSpan, ...], style) -> str:
    """Changed words marked [-old-]{+new+} (and coloured), unchanged text cut to context."""
    parts = []
    last = len(segments) - 1
    for position, segment in enumerate(segments):
        text = " ".join(segment.text.split("\n"))
        if segment.op == EQUAL:
            parts.append(_trim(text, head=position > 0, tail=position < last))
        elif segment.op == DELETE:
            parts.append(
                style(f"[-{text.strip()}-]", fg="red") + (" " if text[-1:].isspace() else "")
            )
        elif segment.op == INSERT:
            parts.append(
                style(f"{{+{text.strip()}+}}", fg="green") + (" " if text[-1:].isspace() else "")
            )
    return "".join(parts).strip()


def _trim(text: str, *, head: bool, tail: bool) -> str:
    """Keep the unchanged words next to a change: the start of text that follows one,
    the end of text that precedes one."""
    if len(text) <= 2 * _CONTEXT:
        return text
    if head and tail:
        return text[:_CONTEXT] + " … " + text[-_CONTEXT:]
    if head:
        return text[:_CONTEXT] + " …"
    return "… " + text[-_CONTEXT:]
