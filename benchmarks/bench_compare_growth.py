"""Print how `cpc-draft compare` grows with the size of the versions (issue 13):

- *repetitive*: one paragraph repeated (about 70 characters), every 50th edited — the
  input on which a longest-match diff does the product of the two lengths in work;
- *distinct*: paragraphs of one sentence (about 100 characters), each different, every
  other one edited — many changes, each in its own paragraph.

For 500, 2,000 and 8,000 paragraphs: the whole command (a fresh process, `--format
json`: reading, the text comparison and, below 400,000 characters a version, the facts
through spaCy), its wall time and the peak memory of its processes, and the warnings it
gave. Target: 8,000 paragraphs within 10 s; growth close to linear (time per paragraph
about flat).

    python benchmarks/bench_compare_growth.py [--sizes 500,2000,8000] [--format json]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_SCRIPT = Path(sys.executable).with_name("cpc-draft")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cpc_draft"]
TARGET_SECONDS = 10.0
_VOCABULARY = (
    "the participants intend to cooperate on child protection programs funding "
    "indicators oversight data management sustainability training shelters survivors"
)
# Runs a command (its standard error to the file first named), then prints its exit code
# and the peak resident memory of its processes (kilobytes).
_MEASURE = (
    "import resource, subprocess, sys;"
    "code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, "
    "stderr=open(sys.argv[1], 'w')).returncode;"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def repetitive(count: int) -> tuple[list[str], list[str]]:
    paragraph = "The Participants intend to cooperate on the protection of children."
    old = [paragraph] * count
    new = [
        paragraph.replace("cooperate", "work together") if n % 50 == 0 else paragraph
        for n in range(count)
    ]
    return old, new


def distinct(count: int) -> tuple[list[str], list[str]]:
    rng = random.Random(count)
    words = _VOCABULARY.split()
    old = [
        " ".join(rng.choice(words) for _ in range(12)).capitalize() + f" (item {n})."
        for n in range(count)
    ]
    new = [f"{text} As amended." if n % 2 else text for n, text in enumerate(old)]
    return old, new


def measure(old: Path, new: Path, output_format: str) -> tuple[float, float, int, list[str]]:
    """Seconds, peak megabytes, exit code and warnings of one whole command."""
    errors = old.with_name("stderr.txt")
    command = [*CLI, "compare", str(old), str(new), "--format", output_format]
    if output_format == "docx":
        command += ["-o", str(old.with_name("redline.docx")), "--force"]
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(errors), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    code, kilobytes = (int(value) for value in result.stdout.split())
    return seconds, kilobytes / 1024, code, errors.read_text("utf-8").splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,8000")
    parser.add_argument("--format", default="json", choices=["json", "text", "html", "docx"])
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"cpc-draft compare --format {args.format}: whole command, fresh process")
    print(f"{'text':11} {'paragraphs':>10} {'KB':>7} {'seconds':>8} {'ms/para':>8} {'peak MB':>8}")
    slowest = 0.0
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, make in (("repetitive", repetitive), ("distinct", distinct)):
            for size in sizes:
                old_text, new_text = make(size)
                old, new = folder / "old.txt", folder / "new.txt"
                old.write_text("\n\n".join(old_text) + "\n", "utf-8")
                new.write_text("\n\n".join(new_text) + "\n", "utf-8")
                seconds, megabytes, code, warnings = measure(old, new, args.format)
                if code != 1:
                    raise SystemExit(f"compare exited {code}: {warnings}")
                if size == max(sizes):
                    slowest = max(slowest, seconds)
                kilobytes = new.stat().st_size / 1024
                print(
                    f"{name:11} {size:10,d} {kilobytes:7.0f} {seconds:8.2f} "
                    f"{1000 * seconds / size:8.2f} {megabytes:8.0f}"
                )
                for warning in warnings:
                    print(f"{'':12}{_short(warning)}")
    verdict = "ok" if slowest <= TARGET_SECONDS else "OVER"
    print(f"slowest at {max(sizes):,} paragraphs: {slowest:.2f} s   target <= 10 s  {verdict}")


def _short(warning: str) -> str:
    text = warning.removeprefix("cpc-draft: warning: ")
    return text if len(text) <= 100 else text[:97] + "…"


if __name__ == "__main__":
    main()
