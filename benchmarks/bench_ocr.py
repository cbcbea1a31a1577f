"""OCR of scanned drafts (issue 14): word recall against the draft's text, seconds per
page, and whether `check` gives the scan the element statuses of the digital PDF.

The drafts are our own: examples/received/jamaica-draft.txt written as a PDF
(tests/pdf_factory, English) and examples/*.yaml assembled to PDF (needs LibreOffice; left
out without it): peru is English and Spanish, cote-divoire English and French, one
language after the other unless the name says ":side-by-side". Each is scanned by
tests/scan_factory at 150, 200 and 300 dpi: tilted (alternately +/- up to one degree),
speckled, JPEG-compressed (quality 60), wrapped as an image-only PDF, then read by
`cpc-draft extract` in a fresh process.

Recall: the share of the digital PDF's words (multiset, case and punctuation aside) found
in the scan's. Seconds per page: on the wall clock, and in CPU time of the command and
Tesseract (steadier on a busy machine). Languages: those Tesseract read in (chosen from
the document unless --ocr-language is given).

Targets: at 200 dpi word recall >= 97% and the same element statuses as the digital PDF.

    python benchmarks/bench_ocr.py [--drafts jamaica,peru,cote-divoire,peru:side-by-side]
                                   [--dpi 150,200,300]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
_SCRIPT = Path(sys.executable).with_name("cpc-draft")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cpc_draft"]
TILTS = {150: 1.0, 200: -0.8, 300: 0.5}  # degrees


def digital_pdf(draft: str, folder: Path) -> Path | None:
    """The draft ("peru", or "peru:side-by-side" for its other layout) as a digital PDF,
    or None where it cannot be made here."""
    name, _, layout = draft.partition(":")
    target = folder / f"{name}-{layout or 'sequential'}.pdf"
    if name == "jamaica":
        from scan_factory import write_text_pdf

        return write_text_pdf(ROOT / "examples/received/jamaica-draft.txt", target)
    if shutil.which("soffice") is None:
        return None
    spec = ROOT / "examples" / f"{name}.yaml"
    command = [*CLI, "assemble", str(spec), "-o", str(target), "--layout", layout or "sequential"]
    subprocess.run(command, check=True, capture_output=True)
    return target


def run(*args: object) -> tuple[dict, float, float]:
    """The command's JSON, its wall-clock seconds and the CPU seconds it and Tesseract
    used (steadier than the wall clock on a busy machine)."""
    start, used = time.perf_counter(), _children_cpu()
    done = subprocess.run([*CLI, *map(str, args), "--format", "json"], capture_output=True)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - used
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    return json.loads(done.stdout), seconds, cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def statuses(path: Path) -> dict[str, str]:
    report, _, _ = run("check", path)
    (document,) = report["documents"]
    return {key: element["status"] for key, element in document["elements"].items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", default="jamaica,peru")
    parser.add_argument("--dpi", default="150,200,300")
    options = parser.parse_args()
    if shutil.which("tesseract") is None:
        raise SystemExit("bench_ocr: Tesseract is not installed (tesseract-ocr and its languages)")
    from scan_factory import scan, words

    print(
        f"{'draft':<13}{'dpi':>4}{'tilt':>6}{'pages':>6}{'recall':>8}{'s/page':>8}{'cpu/page':>9}"
        f"  {'languages':<10}statuses"
    )
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for draft in options.drafts.split(","):
            digital = digital_pdf(draft, folder)
            if digital is None:
                print(f"{draft:<13} left out: LibreOffice (soffice) is not installed")
                continue
            truth, _, _ = run("extract", digital)
            expected = statuses(digital)
            for dpi in (int(value) for value in options.dpi.split(",")):
                target = digital.with_suffix(f".{dpi}.pdf")
                scanned = scan(digital, target, dpi=dpi, tilt=TILTS[dpi])
                found, seconds, cpu = run("extract", scanned)
                hits = sum((words(truth) & words(found)).values())
                recall = hits / sum(words(truth).values())
                pages = found["pages"]
                same = "-"
                if dpi == 200:
                    got = statuses(scanned)
                    same = "same" if got == expected else f"DIFFER: {got} vs {expected}"
                languages = found["properties"].get("ocr_languages", "-")
                print(
                    f"{draft:<13}{dpi:>4}{TILTS[dpi]:>6}{pages:>6}{recall:>8.3f}"
                    f"{seconds / pages:>8.2f}{cpu / pages:>9.2f}  {languages:<10}{same}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
