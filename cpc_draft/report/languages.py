"""`compare --languages` results as JSON and text."""

from __future__ import annotations

from cpc_draft.check.rules.phrasing import mismatch_message
from cpc_draft.compare.files import LanguageVersions
from cpc_draft.report import jsontext


def mismatches_to_dict(found: LanguageVersions) -> dict:
    return {
        "paths": [str(path) for path in found.paths],
        "languages": list(found.languages),
        "mismatches": [
            {
                "kind": m.kind,
                "article": m.article,
                "values": m.values,
                "page": m.page,
                "block": m.block,
                "message": mismatch_message(m),
            }
            for m in found.mismatches
        ],
    }


def mismatches_to_json(found: LanguageVersions) -> str:
    return jsontext.dumps(mismatches_to_dict(found))


def mismatches_to_text(found: LanguageVersions, style=lambda text, **_: text) -> str:
    lines = [
        style(" / ".join(str(path) for path in found.paths), bold=True)
        + f" ({' / '.join(found.languages)})"
    ]
    for mismatch in found.mismatches:
        page = f" (page {mismatch.page})" if mismatch.page else ""
        lines.append(f"  {style('mismatch', fg='red')} {mismatch_message(mismatch)}{page}")
    if not found.mismatches:
        lines.append("  the language versions agree: same articles, same figures")
    return "\n".join(lines) + "\n"
