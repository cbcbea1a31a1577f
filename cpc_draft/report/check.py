"""`check` results as JSON (for tools) and text (for people, coloured on a terminal)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict

from cpc_draft.check.review import Review
from cpc_draft.model import Finding
from cpc_draft.statute import elements

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
STATUS_MARK = {"present": "✓", "partial": "~", "missing": "✗"}
STATUS_COLOUR = {"present": "green", "partial": "yellow", "missing": "red"}
SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def review_to_dict(review: Review) -> dict:
    facts = review.primary
    return {
        "path": review.document.path,
        "format": review.document.format,
        "pages": review.document.pages,
        "languages": list(review.document.languages),
        "warnings": list(review.document.warnings),
        "partner": facts.stream.partner,
        "elements": {
            key: {
                "status": status.status,
                "reason": status.reason,
                "evidence": [asdict(item) for item in status.evidence],
            }
            for key, status in review.elements.items()
        },
        "elements_by_language": {
            language: {key: status.status for key, status in statuses.items()}
            for language, statuses in review.statuses.items()
        },
        "contributions": [
            asdict(c) for f in review.facts.values() for c in f.funding.contributions
        ],
        "objectives": [
            {"text": block.text, "block": block.index, "page": block.page}
            for block in facts.objectives.listed
        ],
        "indicators": [
            {
                "text": i.text,
                "name": i.name or i.text,
                "label": i.label,
                "unit": i.unit,
                "baseline": i.baseline,
                "baseline_year": i.baseline_year,
                "targets": list(i.targets),
                "target_years": list(i.target_years),
                "target": i.target,
                "target_year": i.target_year,
                "placeholders": list(i.placeholders),
                "key": i.key,
                "block": i.block,
                "page": i.page,
            }
            for i in facts.indicators.listed
        ],
        "term": facts.stated_term._asdict(),
        "signing": {
            "place": facts.signing.place,
            "date": facts.signing.date.isoformat() if facts.signing.date else None,
        },
        "non_binding": bool(facts.wording.non_binding),
        "findings": [asdict(finding) for finding in by_severity(review.findings)],
    }


def reviews_to_json(reviews: list[Review]) -> str:
    data = {"documents": [review_to_dict(review) for review in reviews]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def reviews_to_text(reviews: list[Review], style=lambda text, **_: text) -> str:
    """``style`` is click.style on a terminal (colour), the identity elsewhere."""
    names = elements()
    lines: list[str] = []
    for review in reviews:
        document = review.document
        languages = ", ".join(document.languages) or "unknown language"
        lines.append(style(f"{document.path}", bold=True) + f" ({document.format}, {languages})")
        lines += [f"  reading: {warning}" for warning in document.warnings]
        for key, status in review.elements.items():
            mark = style(
                f"{STATUS_MARK[status.status]} {status.status:8}", fg=STATUS_COLOUR[status.status]
            )
            lines.append(f"  {key} {names[key].name:17} {mark} {status.reason}")
            for finding in by_severity(f for f in review.findings if f.element == key):
                lines.append(_finding_line(finding, style, indent=6))
        others = [f for f in review.findings if f.element is None]
        if others:
            lines.append("  other findings:")
            lines += [_finding_line(finding, style, indent=4) for finding in by_severity(others)]
        counts = {s: sum(1 for f in review.findings if f.severity == s) for s in SEVERITY_ORDER}
        lines.append(
            f"  {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
        )
        lines.append("")
    return "\n".join(lines)


def _finding_line(finding, style, indent: int) -> str:
    where = " ".join(
        part
        for part in (
            f"p{finding.page}" if finding.page else "",
            f"#{finding.block}" if finding.block is not None else "",
        )
        if part
    )
    severity = style(f"{finding.severity}", fg=SEVERITY_COLOUR[finding.severity])
    return f"{' ' * indent}{severity} [{finding.rule}] {finding.message}" + (
        f" ({where})" if where else ""
    )


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then by element (findings about no element last) and block."""
    return sorted(
        findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.element or "Z", f.block or 0)
    )
