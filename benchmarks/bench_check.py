"""Print the figures issue 4 asks for, side by side in one run:

- `cpc-draft check` on the 45-page PDF (a fresh process, the whole command) against
  pdfplumber's own extract_text() over the same file (target: check <= 0.4x pdfplumber);
- NLP throughput of the default pipelines in words per second (target >= 50,000);
- `check --jobs 2` against `--jobs 1` on 20 files (target >= 1.7x faster).

Each figure is the median of --repeat runs; the two --jobs runs alternate, so that a
burst of other work on the machine falls on both (the single ratios are printed too).
The PDFs come from benchmarks/bench_extract.py (cached between runs).

    python benchmarks/bench_check.py [--repeat N]
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("cpc-draft")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cpc_draft"]


def _bench_extract():
    spec = importlib.util.spec_from_file_location(
        "bench_extract", ROOT / "benchmarks/bench_extract.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True)
    return time.perf_counter() - start


def plumber_seconds(path: Path) -> float:
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()
    return time.perf_counter() - start


def nlp_words_per_second() -> dict[str, float]:
    from cpc_draft.assemble import AssembleOptions, build_draft
    from cpc_draft.nlp import find_contributions, load_pipeline
    from cpc_draft.nlp.pipeline import forget_docs

    rates = {}
    for example, language in (("peru", "en"), ("peru", "es"), ("cote-divoire", "fr")):
        draft = build_draft(
            ROOT / "examples" / f"{example}.yaml", AssembleOptions(layout="sequential")
        )
        text = "\n".join(b.text for s in draft.sections for b in s.texts[language].blocks if b.text)
        copies = max(1, 60_000 // len(text.split()))
        # Each copy's lines end differently: nlp keeps recent Docs, and repeated text
        # would measure that cache, not the pipeline.
        text = "\n".join(
            "\n".join(f"{line} (copy {copy})" for line in text.split("\n"))
            for copy in range(copies)
        )
        load_pipeline(language)  # loading is start-up, not throughput
        forget_docs()
        start = time.perf_counter()
        find_contributions(text, language)
        rates[language] = len(text.split()) / (time.perf_counter() - start)
    return rates


def report(label: str, figures: str, target: str, verdict: str) -> None:
    print(f"{label:38} {figures}  (target {target})  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    # A cold command finds its bytecode, as after `pip install`: where
    # PYTHONDONTWRITEBYTECODE is set (as on our CI machines) every run would otherwise
    # compile the package again, which is not what a user's machine does.
    compileall.compile_dir(ROOT / "cpc_draft", quiet=1)
    pdfs, origin = _bench_extract().build_pdfs(fresh=False)
    pdf45 = pdfs[45]
    print(f"45-page PDF: {pdf45} ({origin})")

    plumber = statistics.median(plumber_seconds(pdf45) for _ in range(args.repeat))
    check = statistics.median(
        timed([*CLI, "check", str(pdf45), "--format", "json"]) for _ in range(args.repeat)
    )
    verdict = "ok" if check <= 0.4 * plumber else "OVER TARGET"
    print(f"pdfplumber extract_text, 45 pages      {plumber:7.2f} s")
    report(
        "cpc-draft check (whole command)",
        f"{check:7.2f} s  = {check / plumber:.2f}x pdfplumber",
        "<= 0.4",
        verdict,
    )

    for language, rate in nlp_words_per_second().items():
        verdict = "ok" if rate >= 50_000 else "UNDER TARGET"
        report(f"NLP throughput ({language})", f"{rate:9,.0f} words/s", ">= 50,000", verdict)

    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index in range(20):
            copy = Path(folder) / f"draft-{index:02d}.pdf"
            shutil.copyfile(pdf45, copy)
            files.append(str(copy))
        runs = [
            tuple(
                timed([*CLI, "check", *files, "--format", "json", "--jobs", jobs])
                for jobs in ("1", "2")
            )
            for _ in range(args.repeat)
        ]
    one = statistics.median(first for first, _ in runs)
    two = statistics.median(second for _, second in runs)
    ratios = " ".join(f"{first / second:.2f}x" for first, second in runs)
    verdict = "ok" if one / two >= 1.7 else "UNDER TARGET"
    print(f"check 20 files --jobs 1                {one:7.2f} s")
    report("check 20 files --jobs 2", f"{two:7.2f} s  = {one / two:.2f}x faster", ">= 1.7", verdict)
    print(f"  --jobs 1 / --jobs 2, run by run: {ratios}")


if __name__ == "__main__":
    main()
