"""`check --format html`: one self-contained page a reviewer can look at and print.

Structure: the seven statuses, every checklist link landing on highlighted evidence, the
ledger's figures, the indicators with missing targets in words, the language versions
side by side with the mismatching article marked. Safety: hostile text stays text. In a
real browser (headless Chromium over the DevTools protocol): no request but the file
itself, the links resolve, following one scrolls to its evidence, a screenshot is kept.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from chromium import assert_offline_with_working_links
from click.testing import CliRunner
from conftest import ROOT
from html_dom import HOSTILE_LINES, Node, by_id, parse

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.cli import main
from cpc_draft.model import Contribution
from cpc_draft.readers import read_document
from cpc_draft.report import html as html_report
from cpc_draft.report.ledger import build_ledger

JAMAICA = ROOT / "examples" / "received" / "jamaica-draft.txt"
PERU = "peru-side-by-side-us"
# English and Spanish, one after the other; article 2 states US$5,000,000 in English and
# 4.000.000 USD in Spanish.
BILINGUAL = ROOT / "tests" / "data" / "html_report" / "bilingual-mismatch.txt"


def enclosing_block(node: Node) -> Node:
    return next(a for a in node.ancestors() if "block" in a.classes)


def review_of(path: Path):
    return review_document(read_document(path), Config())


@pytest.fixture(scope="module")
def peru_review(assembled):
    return review_of(assembled[PERU][1])


@pytest.fixture(scope="module")
def peru_page(peru_review) -> str:
    return html_report.reviews_to_html([peru_review])


# -- structure -----------------------------------------------------------------------------------


def test_checklist_has_seven_statuses_in_words_and_symbols(tmp_path):
    dom = parse(html_report.reviews_to_html([review_of(JAMAICA)]))
    ids = by_id(dom)
    expected = {"A": "present", "B": "present", "C": "partial", "D": "partial"}
    expected |= {"E": "partial", "F": "missing", "G": "present"}
    for key, status in expected.items():
        row = ids[f"el-{key}"]
        badge = row.find_all("span", "badge")[0]
        mark = {"present": "✓", "partial": "~", "missing": "✗"}[status]
        assert badge.text() == f"{mark} {status}", key  # words and symbol, not colour alone
        assert f"st-{status}" in badge.classes
    assert "no strategy to sustain progress" in ids["el-F"].text()
    header_cells = dom.find_all("th")
    assert header_cells and all(th.attrs.get("scope") in ("col", "row") for th in header_cells)


def test_every_checklist_link_lands_on_evidence_highlighted_for_its_element(peru_page):
    dom = parse(peru_page)
    ids = by_id(dom)
    links = [a.attrs["href"] for a in dom.find_all("a") if a.attrs.get("href", "").startswith("#")]
    unresolved = [href for href in links if href[1:] not in ids]
    assert unresolved == []
    checklist_links = [h for h in links if h.startswith("#ev-")]
    assert {h.split("-")[1] for h in checklist_links} == set("ABCDEFG")
    assert "#ev-C-1" in checklist_links
    for href in checklist_links:
        key = href.split("-")[1]
        anchor = ids[href[1:]]
        assert "anchor" in anchor.classes
        block = enclosing_block(anchor)
        tags = {span.text() for span in block.find_all("span", "tag")}
        assert "ev" in block.classes and key in tags, href
        assert any(f"ev-{k}" in block.classes for k in tags)  # coloured as one of its elements


def test_ledger_totals_by_year_and_chart_of_the_assembled_peru_draft(peru_page):
    ledger = by_id(parse(peru_page))["ledger"]
    totals = {
        row.find_all("th")[0].text(): [td.text().strip() for td in row.find_all("td")]
        for row in ledger.find_all("table", "totals")[0].find_all("tr")[1:]
    }
    # the spec's plan: US$500,000 + 1,500,000 + 1,700,000 + 1,300,000 in 2017–2020
    assert totals["United States"] == [
        "USD", "5,000,000 (2017–2020)", "approximately 5,000,000 (2017–2020)", "9",
    ]  # fmt: skip
    # the spec says Peru's total is a floor ("at least", financial_plan.at_least)
    assert totals["Peru"] == [
        "PEN", "8,000,000 (2017–2020)", "at least 8,000,000 (2017–2020)", "9",
    ]  # fmt: skip
    by_year = ledger.find_all("table", "by-year")[0]
    assert [th.text() for th in by_year.find_all("thead")[0].find_all("th")] == [
        "Year", "United States (USD)", "Peru (PEN)",
    ]  # fmt: skip
    rows = [[c.text() for c in tr.children if isinstance(c, Node)] for tr in by_year.find_all("tr")]
    assert rows[1] == ["2017", "500,000", "1,200,000"]
    assert rows[-1] == ["Total", "5,000,000", "8,000,000"]
    svgs = ledger.find_all("svg")
    assert [svg.find_all("title")[0].text() for svg in svgs] == [
        "Contributions in USD",
        "Contributions in PEN",
    ]
    bar_titles = [t.text() for t in svgs[0].find_all("title")[1:]]
    assert bar_titles == [
        "2017 · United States: 500,000 USD",
        "2018 · United States: 1,500,000 USD",
        "2019 · United States: 1,700,000 USD",
        "2020 · United States: 1,300,000 USD",
    ]
    assert "1,500,000 USD" in svgs[0].text()  # a text label, not only a bar
    entries = ledger.find_all("table", "entries")[0].text()
    # the English text's amounts only: the Spanish text states the same money again
    assert entries.count("US$1,600,000") == 1 and "1.600.000 USD" not in entries


def test_without_yearly_amounts_nothing_is_added_up():
    dom = parse(html_report.reviews_to_html([review_of(JAMAICA)]))
    ledger = by_id(dom)["ledger"]
    row = ledger.find_all("table", "totals")[0].find_all("tr")[1]
    # US$5,000,000 and its three parts: four amounts, and no sum of 10,000,000
    assert [td.text().strip() for td in row.find_all("td")] == [
        "USD", "no yearly amounts", "up to 5,000,000", "4",
    ]  # fmt: skip
    assert not ledger.find_all("table", "by-year")
    assert "10,000,000" not in ledger.text()


def test_yearly_amounts_are_summed_per_party_and_currency_never_across_currencies():
    def money(party, amount, currency, period, block):
        return Contribution(party, amount, currency, None, amount, None, block, period=period)

    ledger = build_ledger(
        [
            money("US", "5000000", "USD", "2022–2025", 1),
            money("US", "1000000", "USD", "2022", 2),
            money("US", "1500000.50", "USD", "2023", 3),
            money("partner", "2000000", "PEN", "2022", 2),
            money("partner", "9000000", "PEN", None, 4),
            money("other", "not a number", "USD", "2022", 5),
        ]
    )
    assert ledger.years == ("2022", "2023")
    assert ledger.by_year["2022"] == {
        ("US", "USD"): Decimal("1000000"),
        ("partner", "PEN"): 2000000,
    }
    totals = {(t.party, t.currency): t for t in ledger.totals}
    assert totals["US", "USD"].yearly_sum == Decimal("2500000.50")
    assert totals["US", "USD"].largest_other.amount == "5000000"
    assert totals["partner", "PEN"].yearly_sum == Decimal("2000000")
    assert totals["partner", "PEN"].largest_other.amount == "9000000"
    assert totals["other", "USD"].yearly_sum is None  # an unreadable amount is never added
    assert ledger.column_totals == {
        ("US", "USD"): Decimal("2500000.50"),
        ("partner", "PEN"): 2000000,
    }


def test_indicators_without_targets_say_missing_in_words():
    dom = parse(html_report.reviews_to_html([review_of(JAMAICA)]))
    table = by_id(dom)["indicators"].find_all("table", "indicators")[0]
    rows = table.find_all("tbody")[0].find_all("tr")
    assert len(rows) == 3
    for row in rows:
        cells = [td.text() for td in row.find_all("td")]
        assert cells[-4:] == ["✗ missing"] * 4  # four-year term, no target stated
        assert cells[2] == "✗ not stated"  # no baseline either


def test_language_versions_side_by_side_with_the_mismatching_article_marked():
    dom = parse(html_report.reviews_to_html([review_of(BILINGUAL)]))
    table = dom.find_all("table", "parallel")[0]
    assert [th.text() for th in table.find_all("thead")[0].find_all("th")] == [
        "Article", "English (en)", "Spanish (es)",
    ]  # fmt: skip
    rows = table.find_all("tr", "pair")
    pairs = {" ".join(row.find_all("th")[0].text().split()[:2]): row for row in rows}
    assert list(pairs) == ["Preamble", "Article 1", "Article 2"]
    first, second = pairs["Article 1"], pairs["Article 2"]
    assert "mismatch" in second.classes and "mismatch" not in first.classes
    assert "⚠ mismatch" in second.find_all("th")[0].text()  # a word, not only a red border
    assert "Artículo 1" in first.find_all("td")[1].text()
    english, spanish = second.find_all("td")[:2]
    assert "US$5,000,000" in english.text() and "4.000.000 USD" in spanish.text()
    assert english.attrs["lang"] == "en" and spanish.attrs["lang"] == "es"
    notes = [n.text() for n in table.find_all("tr", "mismatch-note")]
    assert len(notes) == 1 and "US$5,000,000" in notes[0] and "4.000.000\u00a0USD" in notes[0]


def test_several_documents_one_page_with_contents_and_unique_ids(tmp_path, peru_review):
    page = html_report.reviews_to_html([review_of(JAMAICA), peru_review])
    dom = parse(page)
    ids = by_id(dom)  # asserts that no id is used twice
    toc = dom.find_all("nav", "toc")[0]
    assert [a.attrs["href"] for a in toc.find_all("a")][::6] == ["#d1-doc", "#d2-doc"]
    assert "d1-ev-A-1" in ids and "d2-ev-A-1" in ids
    assert [h.text() for h in dom.find_all("h2")][1:] == [str(JAMAICA), peru_review.document.path]


# -- hostile text -------------------------------------------------------------------------------


def hostile_draft(folder: Path) -> Path:
    path = folder / 'draft-"><b>x.txt'  # the file name is user text too
    body = JAMAICA.read_text("utf-8").replace(
        "Draft for discussion", "Draft for discussion " + " ".join(HOSTILE_LINES)
    )
    body = body.replace("for prevention.", "for prevention. " + HOSTILE_LINES[1])
    path.write_text(body, "utf-8")
    return path


def test_hostile_document_text_is_shown_as_text(tmp_path):
    path = hostile_draft(tmp_path)
    page = html_report.reviews_to_html([review_of(path)])
    dom = parse(page)
    assert not dom.find_all("script") and not dom.find_all("img") and not dom.find_all("b")
    assert len(dom.find_all("style")) == 1  # ours, in the head
    text = dom.text()
    for line in HOSTILE_LINES:
        assert line in text
    assert str(path) in dom.find_all("h2")[1].text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- the command line ---------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_cli_writes_the_report_atomically_and_never_over_a_file(tmp_path):
    out = tmp_path / "report.html"
    result = run("check", JAMAICA, "--format", "html", "-o", out)
    assert result.exit_code == 1, result.output  # Jamaica has an error-level finding
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    first = out.read_text("utf-8")
    assert first.startswith("<!DOCTYPE html>") and "jamaica-draft.txt" in first
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left

    out.write_text("mine", "utf-8")
    result = run("check", JAMAICA, "--format", "html", "-o", out)
    assert result.exit_code == 2
    assert (
        result.stderr == f"cpc-draft: error: {out}: already exists; pass --force to overwrite it\n"
    )
    assert out.read_text("utf-8") == "mine"
    assert run("check", JAMAICA, "--format", "html", "-o", out, "--force").exit_code == 1
    assert out.read_text("utf-8") == first


def test_cli_prints_html_without_output_and_json_to_a_file(tmp_path):
    result = run("check", JAMAICA, "--format", "html")
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith(
        "</html>"
    )
    out = tmp_path / "report.json"
    assert run("check", JAMAICA, "--format", "json", "-o", out).exit_code == 1
    assert '"documents"' in out.read_text("utf-8")


def test_cli_bad_input_is_one_line_naming_the_file_and_writes_nothing(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "report.html"
    result = run("check", empty, "--format", "html", "-o", out)
    assert result.exit_code == 2
    assert result.stderr == f"cpc-draft: error: {empty}: is empty (0 bytes)\n"
    assert not out.exists()
    result = run("check", JAMAICA, "--format", "html", "-o", tmp_path / "no" / "r.html")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cpc-draft: error: {tmp_path / 'no' / 'r.html'}: folder")
    assert "Traceback" not in result.output


# -- in a real browser --------------------------------------------------------------------------


def test_in_chromium_no_request_links_resolve_and_following_one_scrolls(
    chromium_page, peru_page, tmp_path
):
    report = tmp_path / "report.html"
    report.write_text(peru_page, "utf-8")
    url = report.as_uri()
    page = chromium_page

    # The check can fail: a page that does reference the network is caught.
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><img src="http://cpc-draft.invalid/x.png">', "utf-8")
    page.open(control.as_uri())
    assert page.requests == [control.as_uri(), "http://cpc-draft.invalid/x.png"]

    assert_offline_with_working_links(page, url)
    page.screenshot(tmp_path / "report.png")
    assert page.evaluate("scrollY") == 0

    page.open(url + "#ev-C-1")
    where = page.evaluate(
        "({target: document.querySelector(':target').id, y: scrollY,"
        " top: document.querySelector(':target').closest('.block').getBoundingClientRect().top,"
        " outline: getComputedStyle(document.querySelector(':target').closest('.block'))"
        ".outlineStyle})"
    )
    assert where["target"] == "ev-C-1"
    assert where["y"] > 2000  # the evidence is far below the first screen…
    assert 0 <= where["top"] < 100  # …and now at the top of the window
    assert where["outline"] == "solid"  # marked as the place the link led to
    page.screenshot(tmp_path / "report-ev-C-1.png")
    for name in ("report.png", "report-ev-C-1.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_in_chromium_hostile_text_stays_text(chromium_page, tmp_path):
    report = tmp_path / "hostile.html"
    report.write_text(html_report.reviews_to_html([review_of(hostile_draft(tmp_path))]), "utf-8")
    chromium_page.open(report.as_uri())
    assert chromium_page.requests == [report.as_uri()]
    assert chromium_page.evaluate("document.querySelectorAll('script, img, b').length") == 0
    text = chromium_page.evaluate("document.body.innerText")
    for line in HOSTILE_LINES:
        assert line in text
    assert re.search(r"\bdisplay:none\b", text)  # the injected style is text, the page shows
