"""LibreOffice headless is the second client: it must open every draft we write."""

from __future__ import annotations

import copy
import re
from dataclasses import astuple
from pathlib import Path

import pdfplumber
import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT, requires_libreoffice
from spec_helpers import peru_data, write

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


# -- what LibreOffice lays out: page furniture, the signature page, tables -----------------

PAGE_OF = {"en": "Page {} of {}", "es": "Página {} de {}", "fr": "Page {} sur {}"}
MARKING = {"en": "DRAFT — FOR DISCUSSION", "es": "BORRADOR — PARA DISCUSIÓN"}
DONE_AT = {"en": "Done at", "es": "Hecho en", "fr": "Fait à"}


def _page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def test_every_page_carries_the_marking_and_page_x_of_y(assembled, assembled_pdfs):
    for name, (draft, _) in assembled.items():
        pages = _page_texts(assembled_pdfs[name])
        for number, text in enumerate(pages, start=1):
            for language in draft.languages:
                assert PAGE_OF[language].format(number, len(pages)) in text, (name, number)
            assert MARKING["en"] in text, (name, number)


def test_done_at_shares_its_page_with_the_signature_blocks(assembled, assembled_pdfs):
    for name, (draft, _) in assembled.items():
        pages = _page_texts(assembled_pdfs[name])
        signatures = draft.sections[-1].signatories
        for language in draft.languages:
            page = next(text for text in pages if DONE_AT[language] in text)
            for signatory in signatures[language]:
                assert " ".join(signatory.title_label.split()) in page, (name, language)
                assert signatory.heading.split()[-1] in page, (name, language)


def test_table_words_are_never_broken(assembled, assembled_pdfs):
    """A word cut by too narrow a column ("measu re") shows as a fragment of a table word
    that the draft nowhere writes."""
    for name, (draft, _) in assembled.items():
        vocabulary, table_words = set(), set()
        for section in draft.sections:
            for text in section.texts.values():
                for block in text.blocks:
                    vocabulary.update(_words(block.text))
                    for row in block.rows:
                        for cell in row:
                            vocabulary.update(_words(cell))
                            table_words.update(w for w in _words(cell) if len(w) > 3)
                vocabulary.update(_words(f"{text.label} {text.heading}"))
            for signatory in (s for group in section.signatories.values() for s in group):
                vocabulary.update(_words(" ".join(astuple(signatory))))
        for furniture in draft.furniture.values():
            vocabulary.update(_words(" ".join(astuple(furniture))))
        with pdfplumber.open(assembled_pdfs[name]) as document:
            printed = {w for page in document.pages for w in _words(page.extract_text() or "")}
        fragments = {
            word: [part for part in printed - vocabulary if word.startswith(part) and part != word]
            for word in table_words
        }
        broken = {word: parts for word, parts in fragments.items() if parts}
        assert not broken, (name, broken)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{2,}", text))


def test_reading_a_draft_leaves_its_page_furniture_out(assembled, assembled_pdfs):
    """`check` and `compare` read our PDFs: the marking and page numbers are running lines,
    not text of the compact."""
    from cpc_draft.readers.pdf import read_pdf

    for name in ("peru-sequential-us", "cote-divoire-side-by-side-partner"):
        document = read_pdf(assembled_pdfs[name])
        assert any("DRAFT — FOR DISCUSSION" in header for header in document.headers), name
        for block in document.blocks:
            assert "DRAFT — FOR DISCUSSION" not in block.text, name
            assert not re.search(r"(Page|Página) \d+ (of|de|sur) \d+", block.text), name


# -- data tables side by side: the header row repeats on every page -----------------------

# words that stand whole on one line of the table, in its language's column
HEADER_CELLS = {"en": ("Indicator", "Baseline"), "es": ("Indicador", "Unidad")}
ROW_NAME = {"en": "Group {} cases", "es": "Grupo {} casos"}


@requires_libreoffice
def test_indicator_tables_repeat_their_header_on_every_page_side_by_side(tmp_path):
    """Word repeats no header row of a table nested in the side-by-side layout, and
    LibreOffice not always: forty indicators run each language's table over pages."""
    data = peru_data()
    first = data["indicators"][0]
    numbers = range(1, 41)
    data["indicators"] = [
        {
            **copy.deepcopy(first),
            "name": {code: name.format(n) for code, name in ROW_NAME.items()},
            "key": n == 1,  # key indicators are also listed in the Annual Dialogue article
        }
        for n in numbers
    ]
    spec = write(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    output = tmp_path / "peru.pdf"
    result = CliRunner().invoke(main, ["assemble", str(spec), "-o", str(output)])
    assert result.exit_code == 0, result.output
    pages = _page_texts(output)
    for language, header in HEADER_CELLS.items():
        rows = [ROW_NAME[language].format(n) + " " for n in numbers[1:]]
        spanned = [number for number, text in enumerate(pages, 1) if any(r in text for r in rows)]
        assert len(spanned) >= 2, (language, "the table did not cross a page")
        for number in spanned:
            text = pages[number - 1]
            # at the top of the table on each of its pages: above its first row there
            first_row = min(text.find(r) for r in rows if r in text)
            for cell in header:
                assert -1 < text.find(cell) < first_row, (language, cell, number)
        # and no row is parted by a page break: each is whole on one page
        for name in rows:
            assert sum(name in text for text in pages) == 1, (language, name)
