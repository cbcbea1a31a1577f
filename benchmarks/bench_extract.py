"""Print the figures issue 3 asks for: `extract` on a 45-page and a 600-page PDF.

The PDFs are an assembled compact (Peru, sequential: English then Spanish, with its
financial plan and indicator tables, a running header and "Page N of M" footer)
repeated and converted by LibreOffice, then cut to exactly 45 and 600 pages. They are
cached in the temp folder between runs (``--fresh`` rebuilds them). Without LibreOffice
a synthetic document from tests/pdf_factory.py is used instead (said in the output).

Measured side by side, in one run:

- pdfplumber's own ``extract_text()`` over every page of the 45-page PDF: the yardstick;
- ``pypdfium2`` text alone (no positions): the floor any pdfium-based reader stands on;
- our reader in-process (``read_pdf``, and ``read_document`` with language detection);
- the whole command, ``cpc-draft extract FILE --format json > /dev/null``, in a fresh
  process: its wall time, its ratio to pdfplumber (target <= 0.35) and its peak memory
  (ru_maxrss of the process and of the reader's sandbox child; target <= 400 MB);
- the same on 600 pages, and the time per page of both sizes (cost linear in pages);
- for the record: pdfplumber's table finder on just the ruled pages, the cost of the
  "pdfplumber only where there are tables" design that was measured and not kept.

    python benchmarks/bench_extract.py [--repeat N] [--fresh] [--plumber-600]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "cpc-draft-bench-extract"
GENERATOR_VERSION = "2"  # bump to invalidate cached PDFs
SIZES = (45, 600)
_SCRIPT = Path(sys.executable).with_name("cpc-draft")  # the venv's console script
CLI = [str(_SCRIPT) if _SCRIPT.exists() else shutil.which("cpc-draft") or "", "extract"]
if not CLI[0]:
    CLI = [sys.executable, "-m", "cpc_draft", "extract"]


# -- the test PDFs ------------------------------------------------------------------------------


def build_pdfs(fresh: bool) -> tuple[dict[int, Path], str]:
    key = hashlib.sha256(
        (GENERATOR_VERSION + (ROOT / "examples/peru.yaml").read_text("utf-8")).encode()
    ).hexdigest()[:12]
    folder = CACHE / key
    paths = {size: folder / f"compact-{size}.pdf" for size in SIZES}
    origin_file = folder / "origin.txt"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    if all(path.exists() for path in paths.values()) and origin_file.exists():
        return paths, origin_file.read_text()
    folder.mkdir(parents=True, exist_ok=True)
    from cpc_draft.render.pdf import find_soffice

    if find_soffice():
        long_pdf = _libreoffice_compact(folder, max(SIZES))
        origin = "the Peru compact (sequential, en+es) repeated, converted by LibreOffice"
    else:
        long_pdf = _synthetic(folder, max(SIZES))
        origin = "a synthetic document (tests/pdf_factory.py): LibreOffice is not installed"
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(long_pdf)
    for size, path in paths.items():
        target = pdfium.PdfDocument.new()
        target.import_pages(source, list(range(size)))
        target.save(path)
        target.close()
    source.close()
    origin_file.write_text(origin)
    return paths, origin


def _libreoffice_compact(folder: Path, pages: int) -> Path:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from cpc_draft.assemble import AssembleOptions, build_draft
    from cpc_draft.render.docx import build_document

    draft = build_draft(ROOT / "examples/peru.yaml", AssembleOptions(layout="sequential"))
    document = build_document(draft)
    body = document.element.body
    original = [element for element in body if element is not body.sectPr]
    copies = pages // 16 + 2  # one compact is 16 pages
    for _ in range(copies - 1):
        for element in original:
            body.sectPr.addprevious(copy.deepcopy(element))
    section = document.sections[0]
    section.header.paragraphs[0].text = "Draft for review - Peru CPC Partnership"
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    field = '<w:fldSimple {} w:instr="{}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    footer._p.append(parse_xml(field.format(nsdecls("w"), "PAGE")))
    footer.add_run(" of ")
    footer._p.append(parse_xml(field.format(nsdecls("w"), "NUMPAGES")))
    source = folder / "compact-long.docx"
    document.save(str(source))
    print(f"converting a {copies}x compact with LibreOffice (once; cached)…", flush=True)
    from cpc_draft.render.pdf import convert_with_libreoffice

    convert_with_libreoffice([source], folder, timeout=1800)
    return folder / "compact-long.pdf"


def _synthetic(folder: Path, pages: int) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from pdf_factory import Pdf

    text = (
        "The Participants intend to strengthen the capacity of the national authorities to "
        "identify child victims of trafficking and to refer them to specialized services, "
        "and to review progress against the targets at each Annual Dialogue."
    )
    pdf = Pdf()
    for number in range(1, pages + 1):
        page = pdf.page()
        page.text(72, 40, "Draft for review - CPC Partnership", size=9)
        page.text(500, 760, f"Page {number} of {pages}", size=9)
        top = page.paragraph(72, 72, 468, f"Article {number}", bold=True)
        while top < 560:
            top = page.paragraph(72, top, 468, text, size=10)
        if number % 3 == 0:
            rows = [["Year", "United States (USD)", "Peru (PEN)"]]
            rows += [[str(2016 + y), f"US${y},000,000", f"PEN {y},200,000"] for y in range(1, 5)]
            page.grid(72, top + 10, [160, 150, 150], rows)
    return pdf.save(folder / "compact-long.pdf")


# -- measuring ------------------------------------------------------------------------------


def timed(function, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def plumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as document:
        for page in document.pages:
            page.extract_text()
            page.flush_cache()


def pdfium_text(path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def plumber_tables_on_ruled_pages(path: Path) -> tuple[int, float]:
    """pdfplumber's find_tables() on the pages our reader found ruled tables on."""
    import pdfplumber

    from cpc_draft.readers.pdf import read_pdf

    pages = sorted({b.page for b in read_pdf(path).blocks if b.kind == "table_row"})
    start = time.perf_counter()
    with pdfplumber.open(path) as document:
        for number in pages:
            page = document.pages[number - 1]
            page.find_tables()
            page.flush_cache()
    return len(pages), time.perf_counter() - start


_MEASURE_CLI = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def cli_run(path: Path) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of `cpc-draft extract FILE --format json > /dev/null`."""
    output = subprocess.run(
        [sys.executable, "-c", _MEASURE_CLI, *CLI, str(path), "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    maxrss = int(output[1])  # bytes on macOS, KiB elsewhere
    return float(output[0]), maxrss / (1 << 20) if sys.platform == "darwin" else maxrss / 1024


def line(label: str, seconds: float, pages: int, extra: str = "") -> None:
    print(f"{label:58} {seconds:8.3f} s  {1000 * seconds / pages:7.2f} ms/page  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="runs of each fast measure")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached PDFs")
    parser.add_argument(
        "--plumber-600", action="store_true", help="also time pdfplumber on 600 pages (slow)"
    )
    args = parser.parse_args()
    paths, origin = build_pdfs(args.fresh)
    small, large = paths[45], paths[600]
    print(f"python {sys.version.split()[0]}; PDFs: {origin}")
    print(f"  45 pages: {small} ({small.stat().st_size:,} bytes)")
    print(f"  600 pages: {large} ({large.stat().st_size:,} bytes)")
    print(f"  command: {' '.join(CLI)} FILE --format json > /dev/null; median of {args.repeat}")
    print()

    from cpc_draft.readers import read_document
    from cpc_draft.readers.pdf import read_pdf

    plumber = min(timed(lambda: plumber_text(small), 1 if args.repeat < 3 else 2))
    line("pdfplumber extract_text(), every page (45)", plumber, 45, "= 1.00x")
    floor = statistics.median(timed(lambda: pdfium_text(small), args.repeat))
    line("pypdfium2 get_text_range(), every page (45)", floor, 45, f"= {floor / plumber:.2f}x")
    ours = statistics.median(timed(lambda: read_pdf(small), args.repeat))
    line("read_pdf in-process (45)", ours, 45, f"= {ours / plumber:.2f}x")
    whole = statistics.median(timed(lambda: read_document(small), args.repeat))
    line("read_document in-process, with languages (45)", whole, 45, f"= {whole / plumber:.2f}x")
    runs = [cli_run(small) for _ in range(args.repeat)]
    cli_small = statistics.median(seconds for seconds, _ in runs)
    peak_small = max(peak for _, peak in runs)
    verdict = "ok" if cli_small <= 0.35 * plumber else "OVER TARGET"
    line(
        "cpc-draft extract --format json (45), fresh process",
        cli_small,
        45,
        f"= {cli_small / plumber:.2f}x pdfplumber (target <= 0.35x: {verdict}); "
        f"peak {peak_small:.0f} MB",
    )
    print()
    large_runs = [cli_run(large) for _ in range(max(1, args.repeat // 2))]
    cli_large = statistics.median(seconds for seconds, _ in large_runs)
    peak_large = max(peak for _, peak in large_runs)
    read_large = min(timed(lambda: read_pdf(large), 1))
    line("read_pdf in-process (600)", read_large, 600)
    verdict = "ok" if peak_large <= 400 else "OVER TARGET"
    line(
        "cpc-draft extract --format json (600), fresh process",
        cli_large,
        600,
        f"peak {peak_large:.0f} MB (target <= 400 MB: {verdict})",
    )
    if args.plumber_600:
        plumber_large = min(timed(lambda: plumber_text(large), 1))
        line("pdfplumber extract_text(), every page (600)", plumber_large, 600)
    per_small, per_large = ours / 45, read_large / 600
    print()
    print(
        f"linearity: read_pdf {1000 * per_small:.2f} ms/page at 45 pages, "
        f"{1000 * per_large:.2f} ms/page at 600 (ratio {per_large / per_small:.2f}; 1.00 = "
        "linear); the command's fixed start-up cost makes its 45-page figure per page higher"
    )
    count, tables = plumber_tables_on_ruled_pages(small)
    print(
        f"not kept: pdfplumber find_tables() on the {count} ruled pages alone takes "
        f"{tables:.3f} s = {tables / plumber:.2f}x pdfplumber's extract_text (our reader gives "
        "pdfium's drawn lines to pdfplumber's TableFinder instead)"
    )


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
