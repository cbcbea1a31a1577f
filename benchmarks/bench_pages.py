"""Print how `check` and `extract` grow with pages: time and peak memory for PDFs of 45,
600 and 10,000 short pages (issue 13; targets: linear, 10,000 pages checked within 60 s
and 1 GB, or refused by the page limit with a message).

The PDFs are generated here (tests/pdf_factory.py: an article heading, a paragraph and a
page number per page) into a temporary folder. Each command runs in a fresh process with
``--max-pages 10000`` (the default limit refuses the largest at once; that is timed too);
its peak memory is the largest resident size of the process and its children (ru_maxrss
of the reaped child, which covers the sandbox's reader).

    python benchmarks/bench_pages.py [--sizes 45 600 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("cpc-draft")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cpc_draft"]
SIZES = (45, 600, 10_000)
COMMANDS = ("extract", "check")


def short_pages(path: Path, count: int) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from pdf_factory import EN, Pdf

    pdf = Pdf()
    for number in range(1, count + 1):
        page = pdf.page()
        top = page.paragraph(72, 72, 468, f"Article {number}", bold=True)
        page.paragraph(72, top, 468, f"{EN[number % 3]} This is clause {number} of the text.")
        page.text(300, 760, str(number), size=9)
    return pdf.save(path)


def run(arguments: list[str]) -> tuple[float, float, int, str]:
    """Seconds, peak megabytes, exit code and the last line of stderr of one command."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen([*CLI, *arguments], stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)  # its rusage: it and its reaped children
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().strip().splitlines()
    return seconds, usage.ru_maxrss / 1024, process.returncode, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cpc-bench-pages-") as folder:
        paths = {}
        for size in args.sizes:
            start = time.perf_counter()
            paths[size] = short_pages(Path(folder) / f"pages-{size}.pdf", size)
            took = time.perf_counter() - start
            size_bytes = paths[size].stat().st_size
            print(f"generated {size:>6,} pages: {size_bytes:>11,} bytes ({took:.1f} s)")
        print()
        print(f"{'command':<8} {'pages':>7} {'seconds':>8} {'ms/page':>8} {'peak MB':>8}  exit")
        per_page: dict[str, list[float]] = {command: [] for command in COMMANDS}
        for command in COMMANDS:
            for size, path in paths.items():
                seconds, peak, code, _ = run([command, "--max-pages", "10000", str(path)])
                per_page[command].append(1000 * seconds / size)
                print(
                    f"{command:<8} {size:>7,} {seconds:>8.1f} {per_page[command][-1]:>8.2f} "
                    f"{peak:>8.0f}  {code}"
                )
        largest = max(paths)
        seconds, peak, code, message = run(["check", str(paths[largest])])
        print(
            f"\ncheck at the default page limit, {largest:,} pages: {seconds:.1f} s, "
            f"{peak:.0f} MB, exit {code}: {message}"
        )
        if len(paths) > 1:
            print("\ngrowth (ms/page at the largest size / at the second largest; 1.00 = linear):")
            for command, figures in per_page.items():
                print(f"  {command}: {figures[-1] / figures[-2]:.2f}")


if __name__ == "__main__":
    main()
