"""`check` results as SARIF 2.1.0, for code-scanning pipelines.

Each document is an artifact. A finding in a text file has a real region: the line its
block starts on. PDF and Word files have no lines a viewer can go to, so their findings
carry no region (a region needs a line or an offset, and "line 1" would send every one
of them to the top of the file); the location says where in words instead ("Article 6,
page 4"), as its message and as a logical location (the article), with the page and the
block index as properties.
"""

from __future__ import annotations

from pathlib import Path

from cpc_draft import __version__
from cpc_draft.check.review import Review
from cpc_draft.check.rules import RULES
from cpc_draft.model import Finding
from cpc_draft.report import jsontext

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def reviews_to_sarif(reviews: list[Review]) -> str:
    rules = [
        {
            "id": rule_id,
            "name": rule_id,
            "shortDescription": {"text": (module.__doc__ or rule_id).strip().splitlines()[0]},
            "fullDescription": {"text": " ".join((module.__doc__ or "").split())},
            "defaultConfiguration": {"level": _LEVEL[module.DEFAULT_LEVEL]},
        }
        for rule_id, module in RULES.items()
    ]
    index = {rule_id: position for position, rule_id in enumerate(RULES)}
    results = []
    for review in reviews:
        uri = Path(review.document.path).as_posix()
        for finding in review.findings:
            results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": index[finding.rule],
                    "level": _LEVEL[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [_location(review, finding, uri)],
                    "properties": {
                        "element": finding.element,
                        "block": finding.block,
                        "page": finding.page or review.places.page(finding.block),
                    },
                }
            )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "cpc-draft", "version": __version__, "rules": rules}},
                "artifacts": [
                    {"location": {"uri": Path(r.document.path).as_posix()}} for r in reviews
                ],
                "results": results,
            }
        ],
    }
    notes = _reading_notes(reviews)
    if notes:
        log["runs"][0]["invocations"] = [
            {"executionSuccessful": True, "toolExecutionNotifications": notes}
        ]
    return jsontext.dumps(log)


def _reading_notes(reviews: list[Review]) -> list[dict]:
    """What the readers warned about (text from OCR, pages left unread), per file."""
    return [
        {
            "level": "warning",
            "message": {"text": warning},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(review)}}}],
        }
        for review in reviews
        for warning in review.document.warnings
    ]


def _uri(review: Review) -> str:
    return Path(review.document.path).as_posix()


def _location(review: Review, finding: Finding, uri: str) -> dict:
    """The file, the line for a text file, and where in words ("Article 6, page 4")."""
    physical: dict = {"artifactLocation": {"uri": uri}}
    line = review.places.line(finding.block)
    if line is not None:
        physical["region"] = {"startLine": line}
    location: dict = {"physicalLocation": physical}
    where = review.where(finding.block, finding.page)
    if where:
        location["message"] = {"text": where}
    section = review.places.section(finding.block)
    if section:
        location["logicalLocations"] = [{"name": section, "kind": "section"}]
    return location
