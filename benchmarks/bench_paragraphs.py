"""Print how `check` grows with paragraphs: a text draft of 1,000, 4,000 and 16,000
paragraphs, each stating an amount for the same year (issue 13: cost linear in the
input; a draft of many funded lines once made the fact finders quadratic).

Each command runs in a fresh process (see bench_pages.run for how peak memory is read).

    python benchmarks/bench_paragraphs.py [--sizes 1000 4000 16000]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_pages import run

SIZES = (1_000, 4_000, 16_000)


def many_amounts(path: Path, count: int) -> Path:
    lines = ["Article 1 – Funding", ""]
    for number in range(1, count + 1):
        lines += [
            f"The United States intends to contribute US${number * 1000:,} to program "
            f"{number} in 2027.",
            "",
        ]
    path.write_text("\n".join(lines), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    print(f"{'paragraphs':>10} {'seconds':>8} {'ms/para':>8} {'peak MB':>8}  exit")
    per_paragraph: list[float] = []
    with tempfile.TemporaryDirectory(prefix="cpc-bench-paragraphs-") as folder:
        for size in args.sizes:
            path = many_amounts(Path(folder) / f"paragraphs-{size}.txt", size)
            seconds, peak, code, _ = run(["check", "--format", "json", str(path)])
            per_paragraph.append(1000 * seconds / size)
            print(f"{size:>10,} {seconds:>8.1f} {per_paragraph[-1]:>8.2f} {peak:>8.0f}  {code}")
    if len(per_paragraph) > 1:
        growth = per_paragraph[-1] / per_paragraph[-2]
        print(f"\ngrowth (ms/paragraph, largest / second largest; 1.00 = linear): {growth:.2f}")


if __name__ == "__main__":
    main()
