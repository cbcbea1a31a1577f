"""Accuracy beyond our own clause wording: drafts in other styles and languages.

Each draft in tests/data/drafts was written for these tests in a style our clause
library does not use (prose without headings, lists, tables); the expected statuses are
what a careful reviewer would give. The seeds are the public texts in ../shared/seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

DRAFTS = Path(__file__).parent / "data" / "drafts"


def _review(path: Path):
    return review_document(read_document(path), Config())


def test_prose_without_headings_en():
    review = _review(DRAFTS / "prose-no-headings-en.txt")
    statuses = {k: s.status for k, s in review.elements.items()}
    assert statuses["A"] == "present"  # objectives in one listed sentence
    assert statuses["B"] == "present"  # duties of both governments
    assert statuses["D"] == "missing"
    assert statuses["F"] == "missing"
    money = {
        (c.party, c.currency, c.amount, c.qualifier) for c in review.primary.funding.contributions
    }
    assert ("US", "USD", "5000000", "up to") in money
    assert ("partner", "PHP", "50000000", None) in money
    assert review.primary.term.years == 5
    assert review.primary.stream.partner and "Philippines" in review.primary.stream.partner


def test_lists_in_spanish():
    review = _review(DRAFTS / "lists-es.md")
    assert review.document.languages == ("es",)
    statuses = {k: s.status for k, s in review.elements.items()}
    assert statuses["A"] == "present" and len(review.primary.objectives.listed) == 3
    assert statuses["B"] == "present"
    assert len(review.primary.duties.us) == 2
    assert len(review.primary.duties.partner) == 2
    assert statuses["D"] == "present"
    targets = [i.targets for i in review.primary.indicators.listed]
    assert targets == [("50", "60"), ("45", "60")]
    assert statuses["G"] == "present"
    assert statuses["E"] == "missing" and statuses["C"] == "missing"


def test_tables_in_french():
    review = _review(DRAFTS / "table-fr.md")
    statuses = {k: s.status for k, s in review.elements.items()}
    assert statuses["C"] == "present"  # programs with both governments' funding
    assert statuses["E"] == "present"  # yearly plan, both governments, an audit
    assert statuses["F"] == "present"
    money = {(c.party, c.currency, c.amount) for c in review.primary.funding.contributions}
    assert ("US", "USD", "2500000") in money and ("partner", "XOF", "250000000") in money
    rules = {f.rule for f in review.findings}
    assert "binding-wording" in rules  # "Les Parties doivent" in a non-binding text
    assert "totals" not in rules  # both total rows add up


def test_fact_sheet_seed_says_up_to_five_million(tmp_path):
    seed = next((ROOT.parent / "shared" / "seeds").glob("000_*.txt"), None)
    if seed is None:
        pytest.skip("the seed texts (../shared/seeds) are not beside this checkout")
    path = tmp_path / "fact-sheet.txt"
    path.write_text(seed.read_text("utf-8"), "utf-8")
    money = {
        (c.party, c.currency, c.amount, c.qualifier)
        for c in _review(path).primary.funding.contributions
    }
    assert ("US", "USD", "5000000", "up to") in money
