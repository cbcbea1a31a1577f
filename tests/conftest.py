"""Shared fixtures: the bundled examples, assembled once per session in every variant."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.render.docx import write_docx
from cpc_draft.render.pdf import convert_with_libreoffice, find_soffice

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
LAYOUTS = ("side-by-side", "sequential")
ORIGINALS = ("us", "partner")
VARIANTS = [
    (spec, layout, original) for spec in EXAMPLES for layout in LAYOUTS for original in ORIGINALS
]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.txt")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def variant_id(variant) -> str:
    spec, layout, original = variant
    return f"{spec.stem}-{layout}-{original}"


@pytest.fixture(scope="session")
def assembled(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    """Every example x layout x original: (Draft, path of the written .docx)."""
    folder = tmp_path_factory.mktemp("assembled")
    result = {}
    for variant in VARIANTS:
        spec, layout, original = variant
        draft = build_draft(spec, AssembleOptions(layout=layout, original=original))
        path = folder / f"{variant_id(variant)}.docx"
        write_docx(draft, path)
        result[variant_id(variant)] = (draft, path)
    return result


def convert_to_pdf(paths: list[Path], folder: Path) -> dict[Path, Path]:
    """Convert .docx files to PDF with LibreOffice in one run."""
    return dict(zip(paths, convert_with_libreoffice(paths, folder), strict=True))


@pytest.fixture(scope="session")
def assembled_pdfs(assembled, tmp_path_factory) -> dict[str, Path]:
    """Every assembled variant converted to PDF by LibreOffice (skipped without it)."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("pdf")
    converted = convert_to_pdf([path for _, path in assembled.values()], folder)
    return {name: converted[path] for name, (_, path) in assembled.items()}


def docx_paragraph_texts(path: Path) -> list[str]:
    """Text of every paragraph in document order (inside tables and content controls too)."""
    body = Document(str(path)).element.body
    return [Paragraph(element, None).text for element in body.iter(qn("w:p"))]


def docx_tables(path: Path) -> list[list[list[str]]]:
    """Every table (nested ones too, and those inside content controls) as rows of cell texts.

    python-docx's ``Document.tables`` and ``cell.text`` do not look inside content
    controls, where our clauses live, so this walks the XML.
    """
    body = Document(str(path)).element.body
    tables = []
    for table in body.iter(qn("w:tbl")):
        rows = []
        for row in table.iterchildren(qn("w:tr")):
            cells = []
            for cell in row.iterchildren(qn("w:tc")):
                texts = (Paragraph(p, None).text for p in cell.iter(qn("w:p")))
                cells.append("\n".join(text for text in texts if text))
            rows.append(cells)
        tables.append(rows)
    return tables


def normalized_text(path: Path) -> str:
    """One line per non-empty paragraph, whitespace collapsed: what golden files hold."""
    lines = (" ".join(text.split()) for text in docx_paragraph_texts(path))
    return "\n".join(line for line in lines if line) + "\n"


soffice = find_soffice


requires_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)


@pytest.fixture(scope="session")
def chromium_page(tmp_path_factory):
    """One headless Chromium tab for the HTML report tests (skipped without Chromium)."""
    from chromium import Page, find_chromium

    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    page = Page(binary, tmp_path_factory.mktemp("chromium") / "profile")
    yield page
    page.close()
