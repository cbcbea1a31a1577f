"""Findings a reviewer can act on: where each one stands in words ("Article 2, page 2";
"Article 3, line 14" in a text file), SARIF regions that point at real lines, amounts
written the way the draft's language writes them, and counts in the right number.

Every draft here is written by the test itself: text files, and a two-page PDF made by
tests/pdf_factory.py.
"""

from __future__ import annotations

import json

from click.testing import CliRunner
from pdf_factory import Pdf

from cpc_draft.cli import main

# A short English draft: the treaty wording ("shall") in Article 3 is on line 14.
TEXT_DRAFT = """CHILD PROTECTION COMPACT PARTNERSHIP

The Government of the United States of America and the Government of Valdoria.

Article 1
Objectives

1. Increase the number of child trafficking cases investigated.

Article 2
Funding

The United States intends to provide up to US$5,000,000.

Article 3
Meetings

The Parties shall meet every year to review progress.
"""
SHALL_LINE = 18


def _check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_text_report_says_article_and_line_not_a_block_number(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT_DRAFT, encoding="utf-8")
    assert draft.read_text().splitlines()[SHALL_LINE - 1].startswith("The Parties shall")
    result = _check(str(draft))
    line = next(x for x in result.output.splitlines() if "[binding-wording]" in x)
    assert line.endswith(f"(Article 3, line {SHALL_LINE})")
    assert "#" not in line.rsplit("(", 1)[1]


def test_json_keeps_the_block_index_beside_the_location(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT_DRAFT, encoding="utf-8")
    result = _check(str(draft), "--format", "json")
    findings = json.loads(result.output)["documents"][0]["findings"]
    found = next(f for f in findings if f["rule"] == "binding-wording")
    assert found["location"] == f"Article 3, line {SHALL_LINE}"
    assert found["line"] == SHALL_LINE
    assert isinstance(found["block"], int)


def test_sarif_region_of_a_text_file_is_the_line_of_the_finding(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT_DRAFT, encoding="utf-8")
    result = _check(str(draft), "--format", "sarif")
    results = json.loads(result.output)["runs"][0]["results"]
    found = next(r for r in results if r["ruleId"] == "binding-wording")
    location = found["locations"][0]
    assert location["physicalLocation"]["region"] == {"startLine": SHALL_LINE}
    assert location["message"]["text"] == f"Article 3, line {SHALL_LINE}"
    assert location["logicalLocations"] == [{"name": "Article 3", "kind": "section"}]
    # A finding about the whole draft points at no line at all, rather than at line 1.
    whole = [r for r in results if r["ruleId"] == "element-missing"]
    assert whole and all("region" not in r["locations"][0]["physicalLocation"] for r in whole)


def _two_page_pdf(path):
    pdf = Pdf()
    first = pdf.page()
    top = first.lines(72, 72, ["Article 1"], size=12, bold=True)
    top = first.lines(72, top + 6, ["Objectives"], size=12, bold=True)
    first.paragraph(
        72, top + 10, 460, "1. Increase the number of child trafficking cases investigated."
    )
    second = pdf.page()
    top = second.lines(72, 72, ["Article 2"], size=12, bold=True)
    top = second.lines(72, top + 6, ["Meetings"], size=12, bold=True)
    second.paragraph(72, top + 10, 460, "The Parties shall meet every year to review progress.")
    return pdf.save(path)


def test_pdf_findings_give_article_and_page_and_no_false_line(tmp_path):
    draft = _two_page_pdf(tmp_path / "draft.pdf")
    text = _check(str(draft)).output
    line = next(x for x in text.splitlines() if "[binding-wording]" in x)
    assert line.endswith("(Article 2, page 2)")
    sarif = json.loads(_check(str(draft), "--format", "sarif").output)
    found = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "binding-wording")
    location = found["locations"][0]
    assert "region" not in location["physicalLocation"]  # a PDF has no lines to go to
    assert location["message"]["text"] == "Article 2, page 2"
    assert found["properties"]["page"] == 2


def test_html_findings_link_to_the_article_and_page(tmp_path):
    draft = _two_page_pdf(tmp_path / "draft.pdf")
    page = _check(str(draft), "--format", "html").output
    assert "see Article 2, page 2</a>" in page
    assert "¶" not in page


FRENCH_DRAFT = """ALLIANCE POUR LA PROTECTION DE L'ENFANCE

Article 1
Objectifs

1. Augmenter le nombre d'enquêtes sur la traite des enfants.

Article 2
Financement

Les États-Unis ont l'intention de fournir jusqu'à cinq millions de dollars des États-Unis \
(4\u202f000\u202f000\u00a0USD).
"""


def test_amounts_in_messages_are_written_the_languages_way_never_as_escapes(tmp_path):
    draft = tmp_path / "brouillon.txt"
    draft.write_text(FRENCH_DRAFT, encoding="utf-8")
    for output_format in ("text", "json"):
        output = _check(str(draft), "--format", output_format).output
        assert "\\u202f" not in output and "\\xa0" not in output
    data = json.loads(_check(str(draft), "--format", "json").output)
    messages = [f["message"] for f in data["documents"][0]["findings"]]
    words = next(m for m in messages if m.startswith("the words say"))
    assert "5\u202f000\u202f000\u00a0USD" in words and "4\u202f000\u202f000\u00a0USD" in words
    assert "“" in words and "'" not in words.split(":", 1)[1]


def test_english_amounts_use_the_dollar_prefix(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        TEXT_DRAFT.replace("up to US$5,000,000", "up to one million U.S. dollars (US$100,000)"),
        encoding="utf-8",
    )
    data = json.loads(_check(str(draft), "--format", "json").output)
    messages = [f["message"] for f in data["documents"][0]["findings"]]
    words = next(m for m in messages if m.startswith("the words say"))
    assert "US$1,000,000" in words and "US$100,000" in words


def test_counts_are_singular_for_one(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT_DRAFT, encoding="utf-8")
    output = _check(str(draft)).output
    assert "1 objective listed" in output
    summary = output.strip().splitlines()[-1].strip()
    errors = summary.split(",")[0]
    count = int(errors.split()[0])
    assert errors == f"{count} error" + ("" if count == 1 else "s")
    assert "1 errors" not in output and "1 warnings" not in output


def test_drafts_without_numbered_articles_name_the_section_or_the_paragraph(tmp_path):
    headed = tmp_path / "headed.txt"
    headed.write_text(
        "Who does what\n\nThe Government of Valdoria intends to train judges.\n\n"
        "Meetings\n\nThe Parties shall meet every year to review progress.\n",
        encoding="utf-8",
    )
    line = next(x for x in _check(str(headed)).output.splitlines() if "[binding-wording]" in x)
    assert line.endswith("(section “Meetings”, line 7)")
    numbered = tmp_path / "numbered.txt"
    numbered.write_text(
        "1. The Government of Valdoria intends to train judges.\n\n"
        "2. The Parties shall meet every year to review progress.\n",
        encoding="utf-8",
    )
    line = next(x for x in _check(str(numbered)).output.splitlines() if "[binding-wording]" in x)
    assert line.endswith("(paragraph 2, line 3)")
