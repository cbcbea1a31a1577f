"""PDFs built to keep the reader busy end in one line naming the file, or are read, with
time and memory bounded: streams without an end, streams whose length lies, thousands of
pages. Each file is generated here; each command runs in a subprocess under a memory
limit, with a timeout that guards against hangs (not a speed assertion).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pdf_factory import EN, Pdf

from cpc_draft.readers.page_limit import DEFAULT_MAX_PAGES

TEXT = "The Participants intend to review progress at each Annual Dialogue."


def _pdf_with_fillers(path: Path, filler: bytes, count: int) -> Path:
    """A one-page PDF reading :data:`TEXT`, then ``count`` filler objects made of
    ``filler`` (%d: the object number), and no cross-reference table: PDFium must find
    every object by scanning the file, as it does for a damaged one."""
    content = zlib.compress(f"BT /F1 12 Tf 72 700 Td ({TEXT}) Tj ET".encode())
    out = bytearray(b"%PDF-1.4\n")
    out += b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    out += b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    out += (
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n"
    )
    out += b"4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n"
    out += b"5 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
    out += content + b"\nendstream\nendobj\n"
    out += b"".join(filler % number for number in range(6, 6 + count))
    out += b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    path.write_bytes(bytes(out))
    return path


_EMPTY_FLATE = zlib.compress(b"")
_ENDLESS = b"%d 0 obj\n<< /Filter /FlateDecode >>\nstream\n" + b"x" * 40 + b"\n"
_LYING = b"%d 0 obj\n<< /Length 99999999 /Filter /FlateDecode >>\nstream\n" + _EMPTY_FLATE


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def _cli(*arguments: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cpc_draft", *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,  # a guard against hangs, not a speed assertion
        preexec_fn=_limit_memory,
        check=False,
    )


def _refusal(completed: subprocess.CompletedProcess, path: Path) -> str:
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    prefix = f"cpc-draft: error: {path}: "
    assert lines[0].startswith(prefix)
    return lines[0][len(prefix) :]


# -- streams ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filler", "count"),
    [(_ENDLESS, 20_000), (_LYING + b"\nendobj\n", 100_000)],
    ids=["no-length-no-end", "lying-length-no-end"],
)
def test_thousands_of_streams_without_an_end_are_refused(tmp_path, filler, count):
    path = _pdf_with_fillers(tmp_path / "endless.pdf", filler, count)
    problem = _refusal(_cli("extract", str(path)), path)
    assert problem == (
        f"is damaged: {count:,} streams have no end, which the PDF library would search "
        "the whole file for (a hostile or broken PDF?)"
    )


def test_streams_whose_length_lies_are_read_to_their_end(tmp_path):
    # 100,000 empty Flate streams each claiming 99,999,999 bytes, each with its end
    path = _pdf_with_fillers(tmp_path / "lying.pdf", _LYING + b"\nendstream\nendobj\n", 100_000)
    completed = _cli("extract", str(path), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    assert f'"text": "{TEXT}"' in completed.stdout


def test_a_prescan_that_never_ends_is_stopped_by_the_readers_time_limit(tmp_path):
    # what the CPU-time limit does for a pre-scan that some file would still keep busy
    script = (
        "import sys\n"
        "from cpc_draft import cli\n"
        "from cpc_draft.readers import pdf\n"
        "from cpc_draft.readers.pdf import document\n"
        "def scan(path):\n"
        "    while True:\n"
        "        pass\n"
        "document.inspect_structure = scan\n"
        "pdf.CPU_SECONDS = 2\n"
        "cli.main(sys.argv[1:], prog_name='cpc-draft')\n"
    )
    path = _pdf_with_fillers(tmp_path / "slow.pdf", b"", 0)
    completed = subprocess.run(
        [sys.executable, "-c", script, "extract", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert _refusal(completed, path) == "took too long to read (a hostile or broken PDF?)"


# -- pages ------------------------------------------------------------------------------------


def _pages(path: Path, count: int) -> Path:
    """``count`` short pages, each an article of one paragraph."""
    pdf = Pdf()
    for number in range(1, count + 1):
        page = pdf.page()
        top = page.paragraph(72, 72, 468, f"Article {number}", bold=True)
        page.paragraph(72, top, 468, f"{EN[number % 3]} Clause {number}.")
    return pdf.save(path)


def test_a_pdf_of_more_pages_than_the_limit_is_refused_by_every_command(tmp_path):
    many = _pages(tmp_path / "many.pdf", DEFAULT_MAX_PAGES + 1)
    limit = f"the limit is {DEFAULT_MAX_PAGES:,} (--max-pages raises it)"
    expected = f"has {DEFAULT_MAX_PAGES + 1:,} pages; {limit}"
    assert _refusal(_cli("extract", str(many)), many) == expected
    assert _refusal(_cli("check", str(many)), many) == expected
    small = _pages(tmp_path / "small.pdf", 2)
    assert _refusal(_cli("compare", str(small), str(many)), many) == expected


def test_the_page_limit_can_be_lowered_and_raised(tmp_path):
    four = _pages(tmp_path / "four.pdf", 4)
    problem = _refusal(_cli("check", "--max-pages", "3", str(four)), four)
    assert problem == "has 4 pages; the limit is 3 (--max-pages raises it)"
    many = _pages(tmp_path / "many.pdf", DEFAULT_MAX_PAGES + 1)
    completed = _cli("extract", "--max-pages", str(DEFAULT_MAX_PAGES + 1), str(many))
    assert completed.returncode == 0, completed.stderr
    assert f"Clause {DEFAULT_MAX_PAGES + 1}." in completed.stdout


def test_the_default_page_limit_is_the_one_the_help_names():
    completed = _cli("check", "--help")
    assert f"more pages than this (default {DEFAULT_MAX_PAGES:,})" in " ".join(
        completed.stdout.split()
    )


def test_reopening_the_pdf_to_release_pdfiums_caches_reads_the_same_document(tmp_path, monkeypatch):
    from cpc_draft.readers.pdf import document, read_pdf

    path = _pages(tmp_path / "pages.pdf", 200)
    kept = read_pdf(path)
    monkeypatch.setattr(document, "CACHE_GROWTH", -1)  # reopened every time it is looked at
    released = read_pdf(path)
    assert released == kept
    assert len(released.blocks) == 400
