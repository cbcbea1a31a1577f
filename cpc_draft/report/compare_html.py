"""`compare` results as one self-contained HTML page, on the check report's skeleton.

Two versions: the changes of substance on top, then each language's text old beside new,
article by article in the merged reading order. Modified articles mark their words with
``<del>``/``<ins>``; an added or deleted article fills one side and labels the other;
a moved article appears at both places, each linking to the other; unchanged articles
fold away so a 45-page draft stays readable. Language versions: the languages side by
side, articles paired, each mismatch with both values.

Everything reaches the page through ``html.render_page`` (autoescaping, strict).
"""

from __future__ import annotations

import re
from pathlib import Path

from cpc_draft.check.crosslang import Mismatch
from cpc_draft.compare.facts import FactChange
from cpc_draft.compare.files import LanguageVersions
from cpc_draft.compare.versions import (
    ADDED,
    DELETED,
    MODIFIED,
    MOVED,
    Change,
    LanguageComparison,
    Piece,
    VersionComparison,
)
from cpc_draft.compare.worddiff import DELETE, EQUAL, INSERT, BlockDiff, DiffSpan
from cpc_draft.model import TABLE_ROW, Document, TextBlock
from cpc_draft.report.check import STATUS_MARK
from cpc_draft.report.html import render_page
from cpc_draft.report.text_view import side_by_side
from cpc_draft.text.articles import Article

OLD, NEW = "old", "new"
RENUMBERED, UNCHANGED = "renumbered", "unchanged"
KINDS = (ADDED, DELETED, MOVED, MODIFIED, RENUMBERED)
# Every kind carries a symbol and a word: colour is never the only signal.
KIND_MARK = {ADDED: "+", DELETED: "−", MOVED: "⇄", MODIFIED: "✎", RENUMBERED: "#", UNCHANGED: "="}
KIND_LABEL = {RENUMBERED: "renumbered only", UNCHANGED: "unchanged"}
FACT_KIND_LABEL = {
    "contribution": "Contribution",
    "objective": "Objective",
    "program": "Program",
    "indicator": "Indicator",
    "term": "Term",
    "signing": "Signature",
    "element": "Element",
}
STATUS_RANK = {"missing": 0, "partial": 1, "present": 2}
# The merged text's roles, as the kind of change a reader sees.
_ROLE_KIND = {"insert": ADDED, "delete": DELETED, "move_from": MOVED, "move_to": MOVED}


# -- two versions ---------------------------------------------------------------------------


def comparison_to_html(comparison: VersionComparison) -> str:
    languages = [_language_view(found, comparison) for found in comparison.languages]
    return render_page(
        "compare.html",
        old=_document(comparison.old),
        new=_document(comparison.new),
        facts=[_fact_view(fact) for fact in comparison.fact_changes],
        warnings=comparison.warnings,
        languages=languages,
        kinds=[
            {"kind": kind, "mark": KIND_MARK[kind], "label": _kind_label(kind)} for kind in KINDS
        ],
        totals={kind: sum(view["counts"][kind] for view in languages) for kind in KINDS},
    )


def _document(document: Document) -> dict:
    return {"path": document.path, "name": Path(document.path).name, "format": document.format}


def _kind_label(kind: str) -> str:
    return KIND_LABEL.get(kind, kind)


def _fact_view(fact: FactChange) -> dict:
    """A fact change with its direction in words and a symbol: weakened, added, removed…"""
    if fact.kind == "element":
        weaker = STATUS_RANK.get(fact.new, 0) < STATUS_RANK.get(fact.old, 0)
        direction = "▼ weakened" if weaker else "▲ strengthened"
    elif fact.old is None:
        direction = "+ added"
    elif fact.new is None:
        direction = "− removed"
    else:
        direction = "→ changed"
    label = FACT_KIND_LABEL.get(fact.kind, fact.kind)
    return {
        "kind": fact.kind,
        "label": f"{label} {fact.element}" if fact.element and fact.kind == "element" else label,
        "detail": fact.detail,
        "old": fact.old,
        "new": fact.new,
        "direction": direction,
        "weakened": direction.startswith("▼"),
        "old_mark": STATUS_MARK.get(fact.old or "", ""),
        "new_mark": STATUS_MARK.get(fact.new or "", ""),
    }


def _language_view(found: LanguageComparison, comparison: VersionComparison) -> dict:
    prefix = f"{found.language}-"
    # an article is changed where it was modified, where text was added to it or deleted
    # from it, or where a paragraph moved out of it or into it (an article added, deleted
    # or moved whole is a piece of its own)
    substantive = {
        (side, article.index)
        for change in found.changes
        if change.old is not None and change.new is not None
        for side, article in ((OLD, change.old), (NEW, change.new))
    }
    moves = {_move_name(c): c for c in found.changes if c.kind == MOVED}
    pieces = [
        _piece_view(piece, prefix, substantive, moves, found.renumbered) for piece in found.merged
    ]
    counts = {kind: sum(change.kind == kind for change in found.changes) for kind in KINDS}
    counts[RENUMBERED] = len(found.renumbered)
    return {
        "language": found.language,
        "id": f"{prefix}text",
        "counts": counts,
        "toc": [_toc_entry(change, prefix) for change in found.changes],
        "pieces": pieces,
    }


def _move_name(change: Change) -> str:
    return f"move-{change.old.index}-{change.new.index}"


def _old_id(prefix: str, article: Article) -> str:
    return f"{prefix}old-{article.index}"


def _new_id(prefix: str, article: Article) -> str:
    return f"{prefix}new-{article.index}"


def _toc_entry(change: Change, prefix: str) -> dict:
    """A changed article in the contents: a link to where it now stands (or stood)."""
    target = _new_id(prefix, change.new) if change.new else _old_id(prefix, change.old)
    if change.old is not None and change.new is not None and change.old.label != change.new.label:
        label = f"{change.old.label} → {change.new.label}"
    else:
        label = (change.new or change.old).label
    return {
        "kind": change.kind,
        "mark": KIND_MARK[change.kind],
        "label": label,
        "href": f"#{target}",
        "from_href": f"#{_old_id(prefix, change.old)}" if change.kind == MOVED else None,
        "reworded": change.reworded,
    }


def _piece_view(piece, prefix, substantive, moves, renumbered) -> dict:
    old, new = piece.old, piece.new
    kind = _ROLE_KIND.get(piece.role) or _paired_kind(old, new, substantive)
    view = {
        "role": piece.role,
        "kind": kind,
        "mark": KIND_MARK[kind],
        "kind_label": _kind_label(kind),
        "id": _new_id(prefix, new) if new is not None else _old_id(prefix, old),
        "old_label": old.label if old else None,
        "new_label": new.label if new else None,
        "collapsed": kind in (UNCHANGED, RENUMBERED),
        "link": None,  # the other place of a moved article
        "rows": _rows(piece.blocks, whole=piece.role in _ROLE_KIND),
        "absent": None,  # the side an added, deleted or moved article is not on
    }
    if piece.role == "insert":
        view["absent"] = OLD
    elif piece.role == "delete":
        view["absent"] = NEW
    elif piece.role in ("move_from", "move_to"):
        _moved(view, piece, prefix, moves[piece.move])
    return view


def _paired_kind(old: Article, new: Article, substantive: set[tuple[str, int]]) -> str:
    """A paired article whose text differs only by its number (or spacing) is not a change."""
    if (OLD, old.index) in substantive or (NEW, new.index) in substantive:
        return MODIFIED
    return RENUMBERED if old.number != new.number else UNCHANGED


def _moved(view: dict, piece: Piece, prefix: str, change: Change) -> None:
    """At the old place: the old text and a link on. At the new place: a link back and the
    new text, or, when the words changed too, the word-level changes of the move."""
    if piece.role == "move_from":
        view["absent"] = NEW
        view["link"] = {
            "href": f"#{_new_id(prefix, change.new)}",
            "text": f"Moved to {change.new.label}",
        }
        return
    view["link"] = {
        "href": f"#{_old_id(prefix, change.old)}",
        "text": f"Moved from {change.old.label}",
    }
    view["reworded"] = change.reworded
    if change.reworded:
        view["old_label"] = change.old.label
        view["rows"] = _rows(change.blocks, whole=False)
    else:
        view["absent"] = OLD


def _rows(blocks: tuple[BlockDiff, ...], *, whole: bool) -> list[dict]:
    """One row per block, old beside new. ``whole``: the article is on one side only, its
    text shown plain (the article is labelled, not each of its words)."""
    return [
        {"old": _side(diff, OLD, whole), "new": _side(diff, NEW, whole), "changed": diff.changed}
        for diff in blocks
    ]


def _side(diff: BlockDiff, version: str, whole: bool) -> dict | None:
    block = diff.old if version == OLD else diff.new
    if block is None:
        return None
    if whole or diff.old is None or diff.new is None:
        return _plain(block, EQUAL if whole else (DELETE if version == OLD else INSERT))
    hidden = INSERT if version == OLD else DELETE  # what the other version says
    if diff.cells:
        cells = [[s for s in cell if s.op != hidden] for cell in diff.cells]
        return _block_side(block, cells=cells)
    return _block_side(block, segments=[s for s in diff.segments if s.op != hidden])


def _plain(block: TextBlock, op: str) -> dict:
    if block.kind == TABLE_ROW and block.cells:
        return _block_side(block, cells=[[DiffSpan(op, cell)] for cell in block.cells])
    return _block_side(block, segments=[DiffSpan(op, block.text)])


def _block_side(block: TextBlock, *, segments=None, cells=None) -> dict:
    return {"block": block, "segments": segments or [], "cells": cells or []}


# -- language versions ----------------------------------------------------------------------


def language_versions_to_html(found: LanguageVersions) -> str:
    languages = tuple(found.languages)
    streams = {language: found.streams[language].blocks for language in languages}
    pairs, _ = side_by_side((), streams, [])
    by_article: dict[str, list[Mismatch]] = {}
    for mismatch in found.mismatches:
        by_article.setdefault(mismatch.article, []).append(mismatch)
    rows = [
        {
            "id": _article_id(pair.key),
            "label": pair.label,
            "segments": pair.segments,
            "mismatches": [_mismatch_view(m, languages) for m in by_article.get(pair.key, [])],
        }
        for pair in pairs
    ]
    known = {pair.key for pair in pairs}
    return render_page(
        "languages.html",
        paths=[str(path) for path in found.paths],
        languages=languages,
        rows=rows,
        mismatches=[
            {
                **_mismatch_view(m, languages),
                "href": f"#{_article_id(m.article)}" if m.article in known else None,
            }
            for m in found.mismatches
        ],
        docs={language: {"prefix": f"{language}-", "marks": {}} for language in languages},
    )


def _article_id(key: str) -> str:
    return "art-" + re.sub(r"\W+", "-", key)


def _mismatch_view(mismatch: Mismatch, languages: tuple[str, ...]) -> dict:
    return {
        "kind": mismatch.kind.replace("_", " "),
        "article": mismatch.article,
        "page": mismatch.page,
        "message": mismatch.message(),
        # in the page's language order; a mismatch names the two languages it is between
        "sides": [(lang, mismatch.values[lang]) for lang in languages if lang in mismatch.values],
    }
