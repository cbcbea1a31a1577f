"""LibreOffice headless is the second client: it must open every draft we write."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import ROOT, requires_libreoffice

from cpc_draft.cli import main


def test_libreoffice_converts_every_variant_to_pdf(assembled, assembled_pdfs):
    for name, (draft, _) in assembled.items():
        pdf = assembled_pdfs[name]
        assert pdf.exists(), f"LibreOffice produced no PDF for {name}"
        with pdfplumber.open(pdf) as document:
            assert len(document.pages) >= 3
            text = " ".join((page.extract_text() or "") for page in document.pages)
        flat = " ".join(text.split())
        for language in draft.languages:
            words = draft.title[language].split()[:3]
            assert " ".join(words) in flat, (name, language)


@requires_libreoffice
def test_assemble_writes_pdf(tmp_path):
    output = tmp_path / "peru.pdf"
    result = CliRunner().invoke(
        main, ["assemble", str(ROOT / "examples/peru.yaml"), "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert output.read_bytes().startswith(b"%PDF-")
    with pdfplumber.open(output) as document:
        text = " ".join((page.extract_text() or "") for page in document.pages)
    assert "US$5,000,000" in text
    assert "5.000.000" in text
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob("*.docx"))


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    output = tmp_path / "peru.pdf"
    result = CliRunner().invoke(
        main, ["assemble", str(ROOT / "examples/peru.yaml"), "-o", str(output)]
    )
    assert result.exit_code == 2
    assert "needs LibreOffice, which is not installed" in result.stderr
    assert "Traceback" not in result.output
    assert not output.exists()


@pytest.mark.parametrize("layout", ["side-by-side", "sequential"])
def test_markdown_preview(tmp_path, layout):
    output = tmp_path / "peru.md"
    result = CliRunner().invoke(
        main, ["assemble", str(ROOT / "examples/peru.yaml"), "-o", str(output), "--layout", layout]
    )
    assert result.exit_code == 0, result.output
    text = Path(output).read_text("utf-8")
    assert "Child Protection Compact (CPC) Partnership between the Government" in text
    assert "| Total | US$5,000,000 | PEN 8,000,000 |" in text
