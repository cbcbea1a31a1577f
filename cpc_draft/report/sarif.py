"""`check` results as SARIF 2.1.0, for code-scanning pipelines.

Each document is an artifact; a finding's location is its page (as the region's start
line, since a PDF or Word page is the unit a reviewer navigates) and block index.
"""

from __future__ import annotations

import json
from pathlib import Path

from cpc_draft import __version__
from cpc_draft.check.review import Review
from cpc_draft.check.rules import RULES

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
            region = {"startLine": finding.page or 1}
            results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": index[finding.rule],
                    "level": _LEVEL[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri},
                                "region": region,
                            },
                            "logicalLocations": [
                                {"name": f"block {finding.block}", "kind": "element"}
                            ]
                            if finding.block is not None
                            else [],
                        }
                    ],
                    "properties": {"element": finding.element, "block": finding.block},
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
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


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
