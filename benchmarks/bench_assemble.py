"""Print the figures issue 2 asks for: `cpc-draft --help` wall time and cold `assemble`.

Each run is a fresh process (cold: imports, data files and templates loaded anew), timed
over several repetitions; the median and best are printed. Also checks that assemble
never imports spaCy or pdfplumber.

    python benchmarks/bench_assemble.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "cpc_draft"]
cpc_draft_exe = shutil.which("cpc-draft")
if cpc_draft_exe:
    CLI = [cpc_draft_exe]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def report(label: str, samples: list[float], target: float) -> None:
    median = statistics.median(samples)
    verdict = "ok" if median <= target else "OVER TARGET"
    figures = f"median {median:6.3f} s  best {min(samples):6.3f} s"
    print(f"{label:45} {figures}  target <= {target} s  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {args.repeat} runs each, command: {' '.join(CLI)}")
    report("cpc-draft --help", [timed([*CLI, "--help"]) for _ in range(args.repeat)], 0.25)
    with tempfile.TemporaryDirectory() as folder:
        for spec in sorted((ROOT / "examples").glob("*.yaml")):
            output = Path(folder) / f"{spec.stem}.docx"
            samples = [
                timed([*CLI, "assemble", str(spec), "-o", str(output), "--force"])
                for _ in range(args.repeat)
            ]
            report(f"assemble {spec.name} -> .docx (cold)", samples, 0.6)
        # The first run on a machine compiles the clause templates (no bytecode cache yet).
        spec = ROOT / "examples" / "colombia.yaml"
        uncached = [
            timed(
                [
                    "env",
                    "CPC_DRAFT_NO_CACHE=1",
                    *CLI,
                    "assemble",
                    str(spec),
                    "-o",
                    f"{folder}/first.docx",
                    "--force",
                ]
            )
            for _ in range(args.repeat)
        ]
        report("assemble colombia.yaml, no template cache", uncached, 0.6)
    probe = (
        "import sys; from cpc_draft.cli import main\n"
        "try: main(['assemble', sys.argv[1], '-o', sys.argv[2], '--force'])\n"
        "except SystemExit: pass\n"
        "print('spacy' in sys.modules, 'pdfplumber' in sys.modules)"
    )
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(
            [sys.executable, "-c", probe, str(ROOT / "examples/peru.yaml"), f"{folder}/p.docx"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-2:]
    print(f"assemble imported spaCy: {out[0]}, pdfplumber: {out[1]}")


if __name__ == "__main__":
    main()
