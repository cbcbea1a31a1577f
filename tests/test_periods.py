"""The period of each contribution: prose cases as data (tests/data/nlp_cases.yaml),
plan tables by year (rows or columns), the seeds, and the JSON that `check` writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.cli import main
from cpc_draft.nlp import find_contributions
from cpc_draft.nlp.periods import find_periods, label_period
from cpc_draft.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "nlp_cases.yaml").read_text("utf-8"))
SEEDS = Path("/work/shared/seeds")


@pytest.mark.parametrize("case", CASES["periods"], ids=lambda c: c["id"])
def test_period_case(case):
    text = case["text"]
    found = [[p.value, text[p.start : p.end]] for p in find_periods(text, case["language"])]
    assert found == case["expected"]


@pytest.mark.parametrize("language, cell, expected", CASES["period_labels"], ids=str)
def test_period_label(language, cell, expected):
    assert label_period(cell, language) == expected


@pytest.mark.parametrize("case", CASES["contribution_periods"], ids=lambda c: c["id"])
def test_contribution_period_case(case):
    found = find_contributions(case["text"], case["language"], case["partner"])
    got = [[c.party, str(c.money.amount), c.period] for c in found]
    assert got == case["expected"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not on this machine")
def test_the_seeds_give_no_period_their_sentences_do_not_state():
    """The Peru press release says "four-year plan" and "over the next four years", but
    not in the sentences of "at least eight million soles" and "US $5 million"."""
    (peru,) = SEEDS.glob("002_*.txt")
    found = find_contributions(peru.read_text("utf-8"), "en")
    assert [(c.party, str(c.money.amount), c.period) for c in found] == [
        ("partner", "8000000", None),
        ("US", "5000000", None),
    ]
    for prefix in ("000", "001"):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        assert [c.period for c in find_contributions(path.read_text("utf-8"), "en")] == [None]


# -- tables --------------------------------------------------------------------------------

PLAN_BY_ROWS = """\
# Child Protection Compact Partnership between the United States and Peru

## Multi-Year Financial Plan

The Government of the United States of America intends to contribute US$3,000,000 and
the Government of the Republic of Peru intends to contribute PEN 5,000,000 over three years.

| Year | United States (USD) | Peru (PEN) |
|---|---|---|
| Year 1 | US$1,000,000 | PEN 1,000,000 |
| Year 2 | US$1,000,000 | PEN 2,000,000 |
| Year 3 | US$1,000,000 | PEN 2,000,000 |
| Total | US$3,000,000 | PEN 5,000,000 |
"""

PLAN_BY_COLUMNS = """\
# Alianza CPC entre los Estados Unidos y el Perú

## Plan financiero plurianual

| Aporte | 2023 | 2024 | Total |
|---|---|---|---|
| Estados Unidos | 1.000.000 USD | 2.000.000 USD | 3.000.000 USD |
| Perú | 2.000.000 PEN | 3.000.000 PEN | 5.000.000 PEN |
"""


def _contributions(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    review = review_document(read_document(path), Config())
    return review, [(c.party, c.amount, c.period) for c in review.primary.funding.contributions]


def test_plan_table_rows_carry_their_year_and_the_total_row_is_no_contribution(tmp_path):
    review, found = _contributions(tmp_path, "plan.md", PLAN_BY_ROWS)
    assert found == [
        ("US", "3000000", "P3Y"),
        ("partner", "5000000", "P3Y"),
        ("US", "1000000", "year 1"),
        ("partner", "1000000", "year 1"),
        ("US", "1000000", "year 2"),
        ("partner", "2000000", "year 2"),
        ("US", "1000000", "year 3"),
        ("partner", "2000000", "year 3"),
    ]
    totals = [(t.stated.amount, t.stated.period) for t in review.primary.funding.table_totals]
    assert totals == [("3000000", None), ("5000000", None)]


def test_plan_table_with_years_as_columns(tmp_path):
    _, found = _contributions(tmp_path, "plan-es.md", PLAN_BY_COLUMNS)
    periods = {(party, amount): period for party, amount, period in found}
    assert periods[("US", "1000000")] == "2023"
    assert periods[("US", "2000000")] == "2024"
    assert periods[("partner", "3000000")] == "2024"
    assert periods[("US", "3000000")] is None  # the total column names no year


def test_json_output_gives_each_contribution_its_period(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(PLAN_BY_ROWS, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    (document,) = json.loads(result.output)["documents"]
    periods = [c["period"] for c in document["contributions"]]
    assert periods == ["P3Y", "P3Y", "year 1", "year 1", "year 2", "year 2", "year 3", "year 3"]
