"""Every rule, with failing and passing examples per language, kept as data.

tests/data/rule_cases.yaml holds the texts; each is read as a plain-text draft and
checked, and the rule must fire on the failing text and stay silent on the passing one.
Every rule in the registry must have cases here or a named test elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.check.rules import RULES
from cpc_draft.readers import read_document

CASES = yaml.safe_load((Path(__file__).parent / "data" / "rule_cases.yaml").read_text("utf-8"))
# Rules whose inputs are not plain text, tested by name elsewhere.
ELSEWHERE = {
    "element-missing": "tests/test_check.py mutations",
    "element-partial": "tests/test_check.py mutations",
    "tracked-changes": "test_tracked_changes_are_an_error below",
}
PARAMS = [
    (rule, language, outcome)
    for rule, languages in CASES.items()
    for language, texts in languages.items()
    for outcome in ("fail", "pass")
]


def _rules_fired(tmp_path: Path, text: str) -> set[str]:
    path = tmp_path / "draft.txt"
    path.write_text(text, "utf-8")
    review = review_document(read_document(path), Config())
    return {finding.rule for finding in review.findings}


def test_every_rule_has_cases():
    assert set(CASES) | set(ELSEWHERE) == set(RULES)
    for rule, languages in CASES.items():
        assert {"fail", "pass"} <= set(next(iter(languages.values()))), rule


@pytest.mark.parametrize(("rule", "language", "outcome"), PARAMS, ids=["-".join(p) for p in PARAMS])
def test_rule_case(tmp_path, rule, language, outcome):
    fired = _rules_fired(tmp_path, CASES[rule][language][outcome])
    assert (rule in fired) == (outcome == "fail"), fired


def test_tracked_changes_are_an_error(tmp_path):
    from docx_factory import delete, ins, make_docx, p, r

    path = tmp_path / "redline.docx"
    body = p(
        r("The Participants intend to meet "), ins("every year"), delete("twice a year"), r(".")
    )
    make_docx(path, body)
    review = review_document(read_document(path), Config())
    tracked = [f for f in review.findings if f.rule == "tracked-changes"]
    assert len(tracked) == 2 and {f.severity for f in tracked} == {"error"}
    assert "unaccepted insertion by Ana: “every year”" in {f.message for f in tracked}
