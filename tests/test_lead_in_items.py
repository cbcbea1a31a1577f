"""A list item ending in a colon is still an item when its next sibling follows it.

A scan (or a typist) turns the ";" ending item (a) of a duties list into ":" — "(a) fund
implementing partners …:" then "(b) select …". Taken for a lead-in, it broke the list:
the government's duties after it were lost. An item followed directly by the label after
its own ("(b)" after "(a)", "2." after "1.", "ii)" after "i)") is an item; one followed
by a sub-level label ("(b) … as follows:" then "(i) …") still introduces that list.

The draft is written by the test as text, as Word (python-docx, literal labels) and as a
PDF (tests/pdf_factory); no OCR is needed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from scan_factory import write_text_pdf

TITLE = "Child Protection Compact Partnership between the United States and Belize"
US_DUTIES = [
    "(a) fund implementing partners through grants and cooperative agreements, "
    "subject to the availability of funds;",
    "(b) select implementing partners through a competitive process;",
    "(c) monitor and evaluate the projects it funds and report on their progress.",
]
PARTNER_DUTIES = [
    "1. allocate the financial resources set out in the financial plan of this Partnership;",
    "2. assign police officers and prosecutors to child trafficking cases;",
    "3. report each year on its contributions and on progress against the indicators.",
]


def draft(us: list[str], partner: list[str]) -> str:
    return "\n\n".join(
        [
            TITLE,
            "Article 1\nResponsibilities of the Participants",
            "The Government of the United States of America intends to:",
            *us,
            "The Government of Belize intends to:",
            *partner,
        ]
    )


def colon_at(items: list[str], index: int) -> list[str]:
    """``items`` with the ";" ending item ``index`` misread as ":"."""
    return [item[:-1] + ":" if i == index else item for i, item in enumerate(items)]


def write(text: str, target: Path, form: str) -> Path:
    source = target.with_suffix(".txt")
    source.write_text(text, encoding="utf-8")
    if form == "txt":
        return source
    if form == "pdf":
        return write_text_pdf(source, target.with_suffix(".pdf"))
    document = docx.Document()
    for chunk in text.split("\n\n"):
        lines = chunk.splitlines()
        for line in lines:
            document.add_paragraph(line, style="Heading 1" if len(lines) > 1 else None)
    document.save(target.with_suffix(".docx"))
    return target.with_suffix(".docx")


def duties(path: Path) -> tuple[str, str, list[str]]:
    """Element B's status, the reason `check` gives for it and the texts it cites."""
    result = subprocess.run(
        [sys.executable, "-m", "cpc_draft", "check", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr
    (document,) = json.loads(result.stdout)["documents"]
    element = document["elements"]["B"]
    return element["status"], element["reason"], [cited["text"] for cited in element["evidence"]]


@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
def test_an_item_ending_in_a_colon_before_its_sibling_stays_in_the_list(tmp_path, form):
    clean = write(draft(US_DUTIES, PARTNER_DUTIES), tmp_path / "clean", form)
    misread = write(
        draft(colon_at(US_DUTIES, 0), colon_at(PARTNER_DUTIES, 0)), tmp_path / "m", form
    )
    status, reason, cited = duties(misread)
    assert status == "present"
    assert "(3 U.S., 3 partner)" in reason
    assert US_DUTIES[1] in cited and PARTNER_DUTIES[2] in cited
    assert duties(clean)[:2] == (status, reason.replace("funds:", "funds;"))


@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
def test_an_item_introducing_sub_items_is_still_a_lead_in(tmp_path, form):
    us = [
        US_DUTIES[0],
        "(b) provide technical assistance, as follows:",
        "(i) training for police officers and prosecutors;",
        "(ii) mentoring for judges;",
        US_DUTIES[2],
    ]
    status, _, cited = duties(write(draft(us, PARTNER_DUTIES), tmp_path / "sub", form))
    assert status == "present"
    assert US_DUTIES[0] in cited
    assert us[1] not in cited  # it introduces duties; it is none itself
