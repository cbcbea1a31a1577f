"""Bad and hostile PDFs end in one line naming the file and the problem: encrypted,
scanned, blank, truncated, damaged, decompression bombs, content PDFium cannot survive
within the sandbox's memory and CPU-time limits.
"""

from __future__ import annotations

import re
import resource
import select
import signal
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import ROOT
from pdf_factory import (
    Pdf,
    encrypted_export,
    libreoffice_pdf,
    pages_with_furniture,
    soffice,
    texts,
    truncated,
)
from pdf_security import TEXT, aes256_pdf, rc4_owner_only_pdf

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.errors import InputFileError
from cpc_draft.readers.ocr import NEVER, configure
from cpc_draft.readers.pdf import read_pdf

needs_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)


# -- bad files --------------------------------------------------------------------------------


def _simple(tmp_path, name="s.pdf", **options) -> Path:
    pdf = Pdf()
    pdf.page().paragraph(72, 72, 400, "Secret text of the compact.")
    return pdf.save(tmp_path / name, **options)


def _problem(path: Path, password=None) -> str:
    with pytest.raises(InputFileError) as caught:
        read_pdf(path, password=password)
    assert str(caught.value) == f"{path}: {caught.value.problem}"
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_encrypted_pdf_needs_the_password(tmp_path):
    path = _simple(tmp_path, password="secret")
    assert _problem(path) == "is encrypted; give the password with --password"
    assert _problem(path, "wrong") == "the password is wrong"
    assert texts(read_pdf(path, password="secret")) == ["Secret text of the compact."]


@pytest.mark.parametrize(
    "maker",
    [
        lambda path: aes256_pdf(path),
        lambda path: rc4_owner_only_pdf(path),
        # /P and the encrypted /Perms disagree: PDFium refuses the (empty) password,
        # every other reader opens the file
        lambda path: aes256_pdf(path, stated=-4),
        lambda path: aes256_pdf(path, stated=-4, literal=True),
    ],
    ids=["aes256", "rc4", "aes256-permissions-disagree", "aes256-literal-strings"],
)
def test_pdf_with_only_an_owner_password_opens_without_asking(tmp_path, maker):
    path = maker(tmp_path / "owner-only.pdf")
    assert texts(read_pdf(path)) == [TEXT]


def test_aes256_pdf_whose_permissions_disagree_still_needs_its_user_password(tmp_path):
    path = aes256_pdf(tmp_path / "locked.pdf", user="u-secret", stated=-4, literal=True)
    assert _problem(path) == "is encrypted; give the password with --password"
    assert _problem(path, "wrong") == "the password is wrong"
    assert texts(read_pdf(path, password="u-secret")) == [TEXT]
    assert texts(read_pdf(path, password="owner-secret")) == [TEXT]


@pytest.fixture
def ocr_never():
    """Reading as `--ocr never` does (with OCR, see tests/test_ocr.py)."""
    configure(NEVER)
    yield
    configure()


def test_scanned_pdf_says_run_ocr(tmp_path, ocr_never):
    pdf = Pdf()
    pdf.page().scanned()
    pdf.page().scanned()
    path = pdf.save(tmp_path / "scan.pdf")
    assert _problem(path) == "has no text layer (a scanned image?); run OCR first"


def test_blank_pdf_is_not_an_empty_review(tmp_path):
    pdf = Pdf()
    pdf.page()
    assert _problem(pdf.save(tmp_path / "blank.pdf")) == "has no text: its only page is blank"


def test_scan_with_a_stamped_page_number_and_watermark_still_needs_ocr(tmp_path, ocr_never):
    # scanning software adds "Page 1 of 3", a watermark: no text layer for all that
    pdf = Pdf()
    for number in range(1, 4):
        page = pdf.page().scanned()
        page.text(500, 770, f"Page {number} of 3", size=8)
        page.text(150, 600, "DRAFT", size=90, angle=45)
    path = pdf.save(tmp_path / "stamped-scan.pdf")
    assert _problem(path) == "has no text layer (a scanned image?); run OCR first"


def test_partly_scanned_pdf_warns_about_the_pages(tmp_path, ocr_never):
    pdf = Pdf()
    pdf.page().paragraph(72, 72, 400, "Some text.")
    pdf.page().scanned()
    pdf.page().scanned()
    document = read_pdf(pdf.save(tmp_path / "part.pdf"))
    assert texts(document) == ["Some text."]
    assert document.warnings == (
        "pages 2–3 have no text layer (scanned images?); their text is missing; run OCR first",
    )


def test_truncated_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(truncated(_simple(tmp_path).read_bytes()))
    assert _problem(path) == "is truncated (its end is missing); get a complete copy"


def test_random_bytes_after_a_pdf_header(tmp_path):
    path = tmp_path / "random.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes((i * 7919 + 13) % 251 for i in range(40_000)))
    assert _problem(path) == "is not a PDF: it starts like one but holds no PDF objects"


def test_damaged_xref_is_read_with_a_warning(tmp_path):
    document = read_pdf(_simple(tmp_path, break_xref=True))
    assert texts(document) == ["Secret text of the compact."]
    assert document.warnings == ("the cross-reference table is damaged; the text was recovered",)
    assert read_pdf(_simple(tmp_path, "sound.pdf")).warnings == ()


def _with_info(data: bytes, info: bytes) -> bytes:
    """``data`` and an incremental update that adds ``info`` as its metadata (the Info
    dictionary), as a metadata tool appends one; ``info`` may be anything but valid."""
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = bytearray(data)
    offset = len(out)
    out += b"%d 0 obj\n%s\nendobj\n" % (size, info)
    xref = len(out)
    out += b"xref\n%d 1\n%010d 00000 n \ntrailer\n" % (size, offset)
    out += b"<< /Size %d /Prev %d /Root 1 0 R /Info %d 0 R >>\n" % (size + 1, previous, size)
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % xref)


@pytest.mark.parametrize(
    "info",
    [
        b"<< /Title (a string that never ends /Author (x) >>",
        b"42",
        b"<< /Length 3 >>\nstream\nabc\nendstream",
        b"<< /Title <FEFF00> /Producer (\\376\\377\\000) >>",
        b"<< /Title " + b"[" * 5000 + b"]" * 5000 + b" >>",
        b"\xff\xfe<<<<]]",
    ],
    ids=["unterminated", "not-a-dictionary", "a-stream", "bad-utf16", "deep", "garbage"],
)
def test_unreadable_metadata_is_no_damage(tmp_path, info):
    path = tmp_path / "info.pdf"
    path.write_bytes(_with_info(_simple(tmp_path).read_bytes(), info))
    document = read_pdf(path)
    assert texts(document) == ["Secret text of the compact."]
    assert document.warnings == ()


@pytest.mark.parametrize(
    "cut",
    [
        lambda data: b"/Root 1 0 R",
        lambda data: data[data.rindex(b"trailer") : data.rindex(b">>") + 2],
    ],
    ids=["trailer-without-root", "no-trailer"],
)
def test_trailer_that_does_not_name_the_catalog_is_recovered(tmp_path, cut):
    # blanked out, so that the offsets stay right
    data = _simple(tmp_path).read_bytes()
    blanked = cut(data)
    assert data.count(blanked) == 1
    path = tmp_path / "no-root.pdf"
    path.write_bytes(data.replace(blanked, b" " * len(blanked)))
    document = read_pdf(path)
    assert texts(document) == ["Secret text of the compact."]
    assert document.warnings == ("the cross-reference table is damaged; the text was recovered",)


def _one_stream_pdf(path: Path, content_chunks) -> Path:
    """A one-page PDF whose content stream is deflated from ``content_chunks``."""
    deflater = zlib.compressobj(6)
    data = b"".join(deflater.compress(chunk) for chunk in content_chunks) + deflater.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def _bomb(tmp_path) -> Path:
    spaces = b" " * (1 << 20)
    chunks = [spaces] * 300 + [b"BT /F1 12 Tf 72 700 Td (hello) Tj ET"]
    return _one_stream_pdf(tmp_path / "bomb.pdf", chunks)


def _dense(tmp_path) -> Path:
    # 80 MB of tiny text objects: under the bomb limits, but pdfium needs ~18x that
    operator = b"BT /F1 1 Tf 5 5 Td (a) Tj ET\n"
    return _one_stream_pdf(tmp_path / "dense.pdf", [operator * (80 * (1 << 20) // len(operator))])


def test_decompression_bomb_is_refused_before_pdfium(tmp_path):
    assert _problem(_bomb(tmp_path)) == (
        "holds a compressed stream that inflates to more than 256 MB (a decompression bomb?)"
    )


def test_reading_without_the_sandbox_gives_the_same_document(tmp_path, monkeypatch):
    path = pages_with_furniture(tmp_path, "page-of")
    sandboxed = read_pdf(path)
    monkeypatch.setenv("CPC_DRAFT_SANDBOX", "0")
    assert read_pdf(path) == sandboxed
    assert _problem(_bomb(tmp_path)).startswith("holds a compressed stream")


_READ_SCRIPT = """
import sys
from pathlib import Path
from cpc_draft.errors import CpcDraftError
from cpc_draft.readers import read_document
try:
    document = read_document(Path(sys.argv[1]), password=sys.argv[2] or None)
except CpcDraftError as error:
    print(error, file=sys.stderr)
    sys.exit(2)
print(len(document.blocks))
"""


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize(
    ("maker", "password", "expected"),
    [
        (lambda tmp: _simple(tmp, password="secret"), "", "is encrypted; give the password"),
        (lambda tmp: _simple(tmp, password="secret"), "nope", "the password is wrong"),
        (_bomb, "", "a decompression bomb?"),
        (_dense, "", "could not be read: the PDF library failed on it"),
        (
            lambda tmp: (
                (tmp / "cut.pdf").write_bytes(truncated(_simple(tmp).read_bytes()))
                and tmp / "cut.pdf"
            ),
            "",
            "is truncated",
        ),
    ],
    ids=["encrypted", "wrong-password", "bomb", "dense-content", "truncated"],
)
def test_hostile_files_end_in_one_line_within_bounded_memory_and_time(
    tmp_path, maker, password, expected
):
    path = maker(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-c", _READ_SCRIPT, str(path), password],
        capture_output=True,
        text=True,
        timeout=30,  # a guard against hangs, not a speed assertion
        preexec_fn=_limit_memory,
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}: ")
    assert expected in lines[0]


def test_good_file_reads_in_the_bounded_subprocess(tmp_path):
    path = pages_with_furniture(tmp_path, "lone")
    completed = subprocess.run(
        [sys.executable, "-c", _READ_SCRIPT, str(path), ""],
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "16"


# -- what PDFium cannot survive, in every command -------------------------------------------

# A reader that loops, allocates without bound, crashes or waits on the file named
# HOSTILE, run by a command: what a hostile PDF could make PDFium do, wherever the
# command reads it (`extract` here, `check` ahead while spaCy loads, `compare` in the
# process that reads and diffs both versions).
_HOSTILE_READER = """
import os, sys, time
from cpc_draft.cli import main
from cpc_draft.readers import pdf
from cpc_draft.readers.pdf import document

behaviour, hostile, *arguments = sys.argv[1:]
read = document.read

def reading(path, password):
    if path.name != hostile:
        return read(path, password)
    if behaviour == "crash":
        os.abort()
    if behaviour == "wait":
        print("reading", flush=True)
        time.sleep(600)
    hoard = []
    while True:
        if behaviour == "allocate":
            hoard.append(bytearray(16 << 20))

document.read = reading
pdf.CPU_SECONDS = 2
main(arguments, prog_name="cpc-draft")
"""
_PROBLEMS = {
    "loop": "took too long to read (a hostile or broken PDF?)",
    "allocate": "could not be read within 1024 MB of memory (a hostile or broken PDF?)",
    "crash": "could not be read: the PDF library failed on it (out of 1024 MB of memory, "
    "or a crash; a hostile or broken PDF?)",
}


def _run_hostile(behaviour: str, hostile: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", _HOSTILE_READER, behaviour, hostile.name, *arguments],
        capture_output=True,
        text=True,
        timeout=120,  # a guard against hangs, not a speed assertion
        check=False,
    )


@pytest.mark.parametrize(
    ("command", "behaviour"),
    [
        ("extract", "loop"),
        ("extract", "allocate"),
        ("extract", "crash"),
        ("check", "loop"),
        ("check", "crash"),
        ("compare", "loop"),
        ("compare", "allocate"),
    ],
)
def test_a_reader_pdfium_cannot_survive_ends_in_one_line_naming_the_file(
    tmp_path, command, behaviour
):
    good = pages_with_furniture(tmp_path, "lone")
    hostile = _simple(tmp_path, "hostile.pdf")
    files = [hostile] if command == "extract" else [good, hostile]
    if command == "check":
        files.reverse()  # the hostile file first: the one read ahead while spaCy loads
    completed = _run_hostile(behaviour, hostile, command, *map(str, files))
    assert completed.returncode == 2, completed.stderr
    errors = [line for line in completed.stderr.splitlines() if "error" in line]
    assert errors == [f"cpc-draft: error: {hostile}: {_PROBLEMS[behaviour]}"]
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize("command", ["check", "compare"])
def test_an_interrupt_while_reading_leaves_no_process_behind(tmp_path, command):
    hostile = _simple(tmp_path, "hostile.pdf")
    files = [hostile] if command == "check" else [_simple(tmp_path), hostile]
    process = subprocess.Popen(
        [sys.executable, "-c", _HOSTILE_READER, "wait", hostile.name, command, *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline() == "reading\n"  # the reader has started
        process.send_signal(signal.SIGINT)  # Ctrl-C
        assert process.wait(timeout=60) == 130
        # Every process that held the output pipe has ended: the reader's child too.
        ready, _, _ = select.select([process.stdout], [], [], 10)
        assert ready and process.stdout.read() == ""
        assert process.stderr.read().strip() == "cpc-draft: interrupted; no output was written"
    finally:
        process.kill()
        process.wait()


@needs_libreoffice
def test_libreoffice_encrypted_pdf(tmp_path):
    draft = build_draft(ROOT / "examples/ghana.yaml", AssembleOptions(layout="sequential"))
    from cpc_draft.render.docx import write_docx

    source = tmp_path / "ghana.docx"
    write_docx(draft, source)
    pdf = libreoffice_pdf(source, tmp_path, export=encrypted_export("s3cret"))
    assert _problem(pdf) == "is encrypted; give the password with --password"
    assert _problem(pdf, "secret") == "the password is wrong"
    document = read_pdf(pdf, password="s3cret")
    assert document.blocks[0].text.startswith("Child Protection Compact")
    assert "Article 1" in texts(document, "heading")
