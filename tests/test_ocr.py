"""Scanned drafts read with Tesseract OCR: what `extract` and `check` make of a scan of
one of our drafts, against the digital PDF of the same draft.

The drafts are examples/received/jamaica-draft.txt written as a PDF (tests/pdf_factory),
scanned by tests/scan_factory: rendered at 200 dpi, tilted, speckled, JPEG-compressed,
wrapped as an image-only PDF. Skipped where the tesseract command is absent (.ci/run
installs it), except the test of what a user without Tesseract is told.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import ROOT
from scan_factory import scan, words, write_text_pdf

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract OCR is not installed; .ci/run installs it",
)
CLI = [sys.executable, "-m", "cpc_draft"]
DRAFT = ROOT / "examples/received/jamaica-draft.txt"


def cli(*args: object, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *map(str, args)], capture_output=True, text=True, timeout=600, env=env, cwd=ROOT
    )


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract OCR is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("ocr")
    digital = write_text_pdf(DRAFT, folder / "jamaica.pdf")
    scanned = scan(digital, folder / "jamaica-scan.pdf", dpi=200, tilt=-1.0)
    return digital, scanned


@pytest.fixture(scope="module")
def extracted(drafts):
    digital, scanned = drafts
    results = [cli("extract", path, "--format", "json") for path in (digital, scanned)]
    for result in results:
        assert result.returncode == 0, result.stderr
    return [json.loads(result.stdout) for result in results]


@needs_tesseract
def test_the_scan_reads_as_the_draft_it_was_made_of(extracted):
    digital, scanned = (words(document) for document in extracted)
    recall = sum((digital & scanned).values()) / sum(digital.values())
    assert recall >= 0.97, f"word recall {recall:.3f}"
    assert scanned["trafficking"] == digital["trafficking"] > 5
    assert "us$5000000" in scanned  # "US$5,000,000", figures read whole


@needs_tesseract
def test_the_scan_is_laid_out_like_the_digital_pdf(extracted):
    headings = [[b["text"] for b in doc["blocks"] if b["kind"] == "heading"] for doc in extracted]
    assert "Article 1" in headings[1]
    assert [h for h in headings[0] if h.startswith("Article")] == [
        h for h in headings[1] if h.startswith("Article")
    ]


@needs_tesseract
def test_extract_says_the_text_came_from_ocr(extracted, drafts):
    digital, scanned = extracted
    assert not any("OCR" in warning for warning in digital["warnings"])
    (warning,) = [w for w in scanned["warnings"] if "comes from OCR" in w]
    assert re.search(r"pages 1–\d+ comes from OCR \(Tesseract in .*mean confidence \d+%\)", warning)
    # an English draft is read in English alone, as the warning and the JSON say
    assert "(Tesseract in eng, chosen from the document;" in warning
    assert scanned["properties"]["ocr_languages"] == "eng"
    assert scanned["properties"]["ocr_pages"].startswith("1–")
    assert 60 <= float(scanned["properties"]["ocr_confidence"]) <= 100


@needs_tesseract
def test_check_gives_the_scan_the_statuses_of_the_digital_pdf(drafts):
    digital, scanned = drafts
    statuses = []
    for path in (digital, scanned):
        result = cli("check", path, "--format", "json")
        assert result.returncode in (0, 1), result.stderr
        (document,) = json.loads(result.stdout)["documents"]
        statuses.append({key: element["status"] for key, element in document["elements"].items()})
    assert statuses[1] == statuses[0]
    assert "present" in statuses[0].values()


@needs_tesseract
def test_check_text_report_warns_about_ocr(drafts, tmp_path):
    _, scanned = drafts
    single = tmp_path / "one-page.pdf"
    source = pdfium.PdfDocument(scanned)
    page = pdfium.PdfDocument.new()
    page.import_pages(source, [0])
    page.save(single)
    result = cli("check", single)
    assert result.returncode in (0, 1), result.stderr
    assert "comes from OCR" in result.stdout + result.stderr
    assert "mean confidence" in result.stdout + result.stderr


@needs_tesseract
def test_ocr_never_leaves_a_scan_unread(drafts):
    _, scanned = drafts
    result = cli("extract", scanned, "--ocr", "never")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"cpc-draft: error: {scanned}: has no text layer (a scanned image?); run OCR first"
    )


@needs_tesseract
def test_ocr_always_reads_a_digital_pdf_from_its_rendering(drafts):
    digital, _ = drafts
    result = cli("extract", digital, "--ocr", "always", "--ocr-language", "en", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert any("comes from OCR (Tesseract in eng, as asked;" in w for w in document["warnings"])
    assert words(document)["participants"] >= 3


def test_without_tesseract_the_user_is_told_what_to_install(tmp_path):
    scanned = tmp_path / "scan.pdf"
    write_text_pdf(DRAFT, tmp_path / "draft.pdf")
    scan(tmp_path / "draft.pdf", scanned, dpi=100, tilt=0)
    no_tesseract = tmp_path / "bin"
    no_tesseract.mkdir()
    env = {**os.environ, "PATH": str(no_tesseract)}
    result = cli("check", scanned, env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"cpc-draft: error: {scanned}: has no text layer (a scanned image?) and Tesseract OCR "
        "is not installed; install it (Debian/Ubuntu packages: tesseract-ocr "
        "tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra)"
    )


def add_hidden_text(source: Path, target: Path, text: str) -> Path:
    """``source`` with ``text`` on every page in invisible text: a poor OCR layer."""
    document = pdfium.PdfDocument(source)
    for index in range(len(document)):
        page = document[index]
        for line, start in enumerate(range(0, len(text), 60)):
            chunk = text[start : start + 60] + "\0"
            item = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(11))
            pdfium_c.FPDFText_SetText(item, (ctypes.c_ushort * len(chunk))(*map(ord, chunk)))
            pdfium_c.FPDFTextObj_SetTextRenderMode(item, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
            pdfium_c.FPDFPageObj_Transform(item, 1, 0, 0, 1, 72, 700 - 14 * line)
            pdfium_c.FPDFPage_InsertObject(page.raw, item)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    document.save(target)
    document.close()
    return target


@needs_tesseract
def test_a_hidden_text_layer_of_garbage_is_read_again(drafts, tmp_path):
    _, scanned = drafts
    garbage = " ".join(["~:;' lI1|", "Xq7", ",.;", "l1Il", "Zzq"] * 30)
    layered = add_hidden_text(scanned, tmp_path / "layered.pdf", garbage)
    never = json.loads(cli("extract", layered, "--ocr", "never", "--format", "json").stdout)
    assert "Xq7" in never["blocks"][0]["text"]  # what the layer holds
    result = cli("extract", layered, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert "Xq7" not in json.dumps(document["blocks"])
    assert words(document)["jamaica"] >= 3
    assert any("comes from OCR" in warning for warning in document["warnings"])


def test_without_tesseract_a_partly_scanned_draft_is_read_with_a_warning(tmp_path):
    digital = write_text_pdf(DRAFT, tmp_path / "draft.pdf")
    scanned = scan(digital, tmp_path / "scan.pdf", dpi=100, tilt=0)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(digital), [0])
    mixed.import_pages(pdfium.PdfDocument(scanned), [1])
    mixed.save(tmp_path / "mixed.pdf")
    no_tesseract = tmp_path / "bin"
    no_tesseract.mkdir()
    result = cli("extract", tmp_path / "mixed.pdf", env={**os.environ, "PATH": str(no_tesseract)})
    assert result.returncode == 0, result.stderr
    assert (
        "# warning: page 2 without a text layer not read: Tesseract OCR is not installed; "
        "install it (Debian/Ubuntu packages: tesseract-ocr tesseract-ocr-eng "
        "tesseract-ocr-spa tesseract-ocr-fra)"
    ) in result.stdout.splitlines()
    assert "Article 1" in result.stdout


@needs_tesseract
def test_image_files_are_read_as_scanned_drafts(drafts, tmp_path):
    _, scanned = drafts
    document = pdfium.PdfDocument(scanned)
    pages = [document[index].render(scale=150 / 72, grayscale=True).to_pil() for index in (0, 1)]
    pages[0].save(tmp_path / "page.png", dpi=(150, 150))
    pages[0].save(tmp_path / "pages.tiff", save_all=True, append_images=pages[1:], dpi=(150, 150))
    for name, count in (("page.png", 1), ("pages.tiff", 2)):
        result = cli("extract", tmp_path / name, "--format", "json")
        assert result.returncode == 0, result.stderr
        extracted = json.loads(result.stdout)
        assert (extracted["format"], extracted["pages"]) == ("image", count)
        assert "Article 1" in [block["text"] for block in extracted["blocks"]]
        assert any("comes from OCR" in warning for warning in extracted["warnings"])


def test_a_broken_image_ends_in_one_line(tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    result = cli("extract", broken)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"cpc-draft: error: {broken}: ")
