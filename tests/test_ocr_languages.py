"""The languages a scan is read in: chosen from the document unless asked for.

The scans are made here: drafts of English, Spanish and French paragraphs written as PDFs
(tests/pdf_factory, Courier with accents), scanned by tests/scan_factory at 200 dpi. A
Tesseract with fewer languages is made by pointing TESSDATA_PREFIX at a folder holding
some of the installed ones. Skipped where the tesseract command is absent (.ci/run
installs it with English, Spanish and French).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from pdf_factory import Pdf
from scan_factory import scan

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract OCR is not installed; .ci/run installs it",
)

ENGLISH = [
    "Article 1. The Participants intend to strengthen the capacity of the national "
    "authorities to identify child victims of trafficking and to refer them to "
    "specialized services for their protection and recovery.",
    "Each Participant intends to carry out its responsibilities under this Partnership "
    "in accordance with its applicable laws and regulations.",
    "The Participants intend to review the progress of the Partnership at each Annual "
    "Dialogue, over the four years of its implementation.",
]
SPANISH = [
    "Artículo 1. Los Participantes tienen la intención de fortalecer la capacidad de las "
    "autoridades nacionales para identificar a las niñas, niños y adolescentes víctimas "
    "de la trata y remitirlos a servicios especializados para su protección.",
    "Cada Participante tiene la intención de cumplir sus responsabilidades en virtud de "
    "esta Alianza de conformidad con sus leyes y reglamentos aplicables.",
    "Los Participantes tienen la intención de examinar los avances de la Alianza en cada "
    "Diálogo Anual, durante los cuatro años de su ejecución.",
]
FRENCH = [
    "Article 1. Les Participants ont l'intention de renforcer la capacité des autorités "
    "nationales à identifier les enfants victimes de la traite et à les orienter vers des "
    "services spécialisés pour leur protection.",
    "Chaque Participant a l'intention de s'acquitter de ses responsabilités au titre de ce "
    "Partenariat conformément à ses lois et règlements applicables.",
    "Les Participants ont l'intention d'examiner les progrès du Partenariat lors de chaque "
    "Dialogue annuel, pendant les quatre années de sa mise en œuvre.",
]


def cli(*args: object, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cpc_draft", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        cwd=ROOT,
    )


def write_pages(target: Path, *pages: list[list[str]]) -> Path:
    """A PDF of one page per item of ``pages``, each a list of columns of paragraphs."""
    pdf = Pdf()
    for columns in pages:
        page = pdf.page()
        width = 468 / len(columns) - (12 if len(columns) > 1 else 0)
        for number, paragraphs in enumerate(columns):
            top = 72.0
            for text in paragraphs:
                top = page.paragraph(72 + number * (width + 24), top, width, text, after=8)
    return pdf.save(target)


def scanned(folder: Path, name: str, *pages: list[list[str]]) -> Path:
    digital = write_pages(folder / f"{name}.pdf", *pages)
    return scan(digital, folder / f"{name}-scan.pdf", dpi=200, tilt=0.6)


def ocr_warning(output: str) -> str:
    (line,) = [line for line in output.splitlines() if "comes from OCR" in line]
    return line


def only_languages(folder: Path, *names: str) -> dict[str, str]:
    """The environment of a Tesseract that has only ``names`` of those installed."""
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    installed = Path(re.search(r'"(.+?)/?"', done.stdout + done.stderr).group(1))
    data = folder / f"tessdata-{'-'.join(names)}"
    data.mkdir()
    for name in names:
        (data / f"{name}.traineddata").symlink_to(installed / f"{name}.traineddata")
    for folder in ("configs", "tessconfigs"):  # the "tsv" output is a config of these
        (data / folder).symlink_to(installed / folder)
    return {**os.environ, "TESSDATA_PREFIX": str(data)}


@pytest.fixture(scope="module")
def english_then_spanish(tmp_path_factory) -> Path:
    """A bilingual draft, one language after the other: English, then Spanish."""
    folder = tmp_path_factory.mktemp("bilingual")
    return scanned(folder, "sequential", [ENGLISH], [SPANISH])


def test_a_draft_in_english_then_spanish_is_read_in_both(english_then_spanish):
    result = cli("extract", english_then_spanish)
    assert result.returncode == 0, result.stderr
    assert ocr_warning(result.stdout) == (
        "# warning: the text of pages 1–2 comes from OCR (Tesseract in eng+spa, chosen "
        f"from the document; mean confidence {_confidence(result.stdout)}%); check figures "
        "and names against the scan"
    )
    # the Spanish page read in Spanish: English alone has no "ñ" and misreads accents
    for word in ("niñas", "víctimas", "Diálogo", "años", "protección"):
        assert word in result.stdout
    assert "specialized services for their protection" in " ".join(result.stdout.split())


def test_a_page_of_english_and_french_columns_is_read_in_both(tmp_path):
    side_by_side = scanned(tmp_path, "columns", [ENGLISH, FRENCH])
    result = cli("extract", side_by_side, "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["properties"]["ocr_languages"] == "eng+fra"
    assert "Tesseract in eng+fra, chosen from the document" in ocr_warning(
        "\n".join(document["warnings"])
    )
    text = " ".join(block["text"] for block in document["blocks"])
    # read in French: English alone reads "mise en œuvre" as "mise en euvre", "à" as "A"
    for words in ("mise en œuvre", "autorités nationales à identifier", "spécialisés"):
        assert words in text


def test_a_language_asked_for_is_the_one_read_in(english_then_spanish):
    result = cli("extract", english_then_spanish, "--ocr-language", "es", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["properties"]["ocr_languages"] == "spa"
    assert "(Tesseract in spa, as asked;" in ocr_warning("\n".join(document["warnings"]))


def test_a_language_the_document_shows_but_tesseract_lacks_is_named(english_then_spanish, tmp_path):
    env = only_languages(tmp_path, "eng")
    result = cli("extract", english_then_spanish, env=env)
    assert result.returncode == 0, result.stderr
    assert "(Tesseract in eng, chosen from the document;" in ocr_warning(result.stdout)
    assert (
        "# warning: page 2 seems to be in 'es', which Tesseract does not have; install the "
        "package tesseract-ocr-spa"
    ) in result.stdout.splitlines()


def test_a_missing_language_ends_in_one_line(english_then_spanish, tmp_path):
    env = only_languages(tmp_path, "eng", "osd")
    asked = cli("extract", english_then_spanish, "--ocr-language", "fr", env=env)
    assert (asked.returncode, asked.stdout) == (2, "")
    assert asked.stderr.strip() == (
        f"cpc-draft: error: {english_then_spanish}: needs OCR in 'fr', which Tesseract does "
        "not have; install the package tesseract-ocr-fra"
    )
    none = cli("extract", english_then_spanish, env=only_languages(tmp_path, "osd"))
    assert (none.returncode, none.stdout) == (2, "")
    assert none.stderr.strip() == (
        f"cpc-draft: error: {english_then_spanish}: needs OCR, but Tesseract has none of the "
        "languages en, es, fr installed; install the packages tesseract-ocr "
        "tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-fra"
    )


def _confidence(output: str) -> str:
    return re.search(r"mean confidence (\d+)%", output).group(1)
