"""`check` results as JSON (for tools) and text (for people, coloured on a terminal)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

from cpc_draft.check.review import Review
from cpc_draft.model import Finding
from cpc_draft.report import jsontext
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
                "evidence": [
                    {**asdict(item), "location": review.where(item.block, item.page)}
                    for item in status.evidence
                ],
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
        # Totals the draft gives for both governments together ("a combined US$7 million"):
        # money of the compact, but no one party's contribution.
        "combined_totals": [asdict(c) for f in review.facts.values() for c in f.funding.combined],
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
        "findings": [
            {
                **asdict(finding),
                "line": review.places.line(finding.block),
                "location": review.where(finding.block, finding.page),
            }
            for finding in by_severity(review.findings)
        ],
    }


def reviews_to_json(reviews: list[Review]) -> str:
    data = {"documents": [review_to_dict(review) for review in reviews]}
    return jsontext.dumps(data)


def reviews_to_text(reviews: list[Review], style=lambda text, **_: text) -> str:
    """``style`` is click.style on a terminal (colour), the identity elsewhere."""
    names = elements()
    lines: list[str] = []
    for review in reviews:
        document = review.document
        languages = ", ".join(document.languages) or "unknown language"
        lines.append(style(f"{document.path}", bold=True) + f" ({document.format}, {languages})")
        # How the file was read (an encoding guessed, invisible characters removed, text
        # from OCR): a reviewer weighs the verdict by it, so it comes first.
        lines += [style(f"  read: {warning}", dim=True) for warning in document.warnings]
        for key, status in review.elements.items():
            mark = style(
                f"{STATUS_MARK[status.status]} {status.status:8}", fg=STATUS_COLOUR[status.status]
            )
            lines.append(f"  {key} {names[key].name:17} {mark} {status.reason}")
            for finding in by_severity(f for f in review.findings if f.element == key):
                lines.append(_finding_line(review, finding, style, indent=6))
        others = [f for f in review.findings if f.element is None]
        if others:
            lines.append("  other findings:")
            lines += [_finding_line(review, f, style, indent=4) for f in by_severity(others)]
        lines.append(f"  {finding_counts(review.findings)}")
        lines.append("")
    return "\n".join(lines)


def finding_counts(findings: Iterable[Finding]) -> str:
    """ "1 error, 2 warnings, 0 notes"."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    return ", ".join(
        f"{counts[severity]} {noun if counts[severity] == 1 else noun + 's'}"
        for severity, noun in (("error", "error"), ("warning", "warning"), ("info", "note"))
    )


def _finding_line(review: Review, finding: Finding, style, indent: int) -> str:
    """The finding, and where it stands in words a reviewer looks up ("Article 6, page 4");
    the block index stays in the JSON report."""
    where = review.where(finding.block, finding.page)
    severity = style(f"{finding.severity}", fg=SEVERITY_COLOUR[finding.severity])
    return f"{' ' * indent}{severity} [{finding.rule}] {finding.message}" + (
        f" ({where})" if where else ""
    )


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then by element (findings about no element last) and block."""
    return sorted(
        findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.element or "Z", f.block or 0)
    )
