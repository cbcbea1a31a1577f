"""Print how faithfully the PDF reader reads a folder of third-party PDFs (issue 14).

Every PDF under DIR (recursively) is read twice: by poppler's ``pdftotext -cropbox`` (the
yardstick: the visible page, as our reader reads it) and by our reader (``read_pdf``:
blocks, running headers and footers; not comments, the notes pdftotext does not show).
Files where pdftotext finds 100 words or more are scored on words (NFKC, case-folded runs
of letters and digits; a line-end hyphen in pdftotext's text joins its two halves, as
our reader does): recall (pdftotext's words we have too), precision (our words
pdftotext has too) and split words (a pdftotext word missing from ours that two of our
consecutive words spell, one of them no word of pdftotext's: "Agenc y").

Then the summary with issue 14's targets: recall and precision at the 10th percentile
(>= 0.95 each), files with five or more split words (none), and files pdftotext reads but
we refuse (none). --verbose prints a line per file and its split words.

    python benchmarks/bench_pdf_corpus.py DIR [--verbose] [--min-words N] [--limit N] [--only NAME]

The corpora are other projects' test PDFs, kept outside the repository (e.g. the PDFs of
github.com/py-pdf/sample-files, of pdfplumber's tests/pdfs and of pdf.js's test/pdfs).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cpc_draft.errors import CpcDraftError  # noqa: E402
from cpc_draft.readers.pdf import read_pdf  # noqa: E402

# Hyphens are part of words and then left out: "trauma-informed" and "lan-guages" (a
# line-end hyphen one reader resolves and the other keeps) count alike on both sides.
_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u00ad]+[^\W_]+)*")
_HYPHENS = re.compile(r"[-\u2010\u00ad]+")
_LINE_END_HYPHEN = re.compile(r"(\w)[-\u2010\u00ad]\n\s*(\w)")
PDFTOTEXT_SECONDS = 60
CACHE = Path(tempfile.gettempdir()) / "cpc-draft-bench-corpus"


@dataclass
class Score:
    path: Path
    reference: int
    ours: int
    recall: float
    precision: float
    splits: list[str] = field(default_factory=list)
    seconds: float = 0.0


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return [_HYPHENS.sub("", word) for word in _WORD.findall(text)]


def reference_words(path: Path) -> list[str] | None:
    """pdftotext's words of the PDF (its text cached in the temp folder between runs)."""
    stat = path.stat()
    key = hashlib.sha1(f"cropbox|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    cached = CACHE / f"{key.hexdigest()}.txt"
    if cached.exists():
        text = cached.read_text("utf-8")
        return None if text == "\0" else words(_LINE_END_HYPHEN.sub(r"\1\2", text))
    text = _pdftotext(path)
    CACHE.mkdir(exist_ok=True)
    cached.write_text("\0" if text is None else text, "utf-8")
    return None if text is None else words(_LINE_END_HYPHEN.sub(r"\1\2", text))


def _pdftotext(path: Path) -> str | None:
    try:
        done = subprocess.run(
            ["pdftotext", "-q", "-cropbox", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            timeout=PDFTOTEXT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def our_words(path: Path) -> list[str]:
    document = read_pdf(path)
    # comments (the notes of sticky notes, highlights) are text pdftotext does not show
    parts = [b.text for b in document.blocks if getattr(b, "origin", None) != "comment"]
    parts += [*document.headers, *document.footers, *document.footnotes]
    return words("\n".join(parts))


def split_words(reference: Counter, ours: list[str]) -> list[str]:
    """pdftotext words we lack that two of our consecutive words spell, one of them no
    word of pdftotext's ("Agenc y"; not "control flow" where it also has "controlflow")."""
    have = Counter(ours)
    missing = {word for word, count in reference.items() if count > have.get(word, 0)}
    found = []
    for first, second in itertools.pairwise(ours):
        joined = first + second
        if joined in missing and (first not in reference or second not in reference):
            found.append(f"{first} {second}")
    return found


def score(path: Path, reference: list[str]) -> Score | str:
    start = time.perf_counter()
    try:
        ours = our_words(path)
    except CpcDraftError as error:
        return str(error)
    seconds = time.perf_counter() - start
    expected, got = Counter(reference), Counter(ours)
    common = sum((expected & got).values())
    return Score(
        path,
        len(reference),
        len(ours),
        common / len(reference),
        common / len(ours) if ours else 0.0,
        split_words(expected, ours),
        seconds,
    )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--min-words", type=int, default=100)
    parser.add_argument("--limit", type=int, default=0, help="read only the first N PDFs")
    parser.add_argument("--only", default="", help="read only PDFs whose name holds this")
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    paths = sorted(p for p in options.folder.rglob("*") if p.suffix.lower() == ".pdf")
    paths = [p for p in paths if options.only in p.name]
    if options.limit:
        paths = paths[: options.limit]
    scores: list[Score] = []
    refused: list[tuple[Path, str]] = []
    for path in paths:
        reference = reference_words(path)
        if reference is None or len(reference) < options.min_words:
            continue
        result = score(path, reference)
        if isinstance(result, str):
            refused.append((path, result))
            continue
        scores.append(result)
        if options.verbose:
            print(
                f"{result.recall:6.3f} {result.precision:6.3f} {len(result.splits):4d} "
                f"{result.reference:7d} {result.seconds:6.2f}s  {path.name}"
            )
            if result.splits:
                print("        split:", ", ".join(result.splits[:12]))
    report(paths, scores, refused)
    return 0


def report(paths: list[Path], scores: list[Score], refused: list[tuple[Path, str]]) -> None:
    print(f"PDFs found: {len(paths)}; with 100+ words (pdftotext): {len(scores) + len(refused)}")
    for path, message in refused:
        print(f"refused though pdftotext reads it: {path.name}: {message}")
    if not scores:
        return
    recalls = [s.recall for s in scores]
    precisions = [s.precision for s in scores]
    split_files = [s for s in scores if len(s.splits) >= 5]
    for s in sorted(scores, key=lambda s: min(s.recall, s.precision))[:10]:
        print(f"  low: recall {s.recall:.3f} precision {s.precision:.3f}  {s.path.name}")
    for s in split_files:
        print(f"  {len(s.splits)} split words: {s.path.name}: " + ", ".join(s.splits[:6]))
    print(f"word recall     median {statistics.median(recalls):.3f}", end="")
    print(f"  10th percentile {percentile(recalls, 0.1):.3f}  (target >= 0.95)")
    print(f"word precision  median {statistics.median(precisions):.3f}", end="")
    print(f"  10th percentile {percentile(precisions, 0.1):.3f}  (target >= 0.95)")
    print(f"files with 5+ split words: {len(split_files)}  (target 0)")
    print(f"refused though readable:   {len(refused)}  (target 0)")
    print(f"reading time: {sum(s.seconds for s in scores):.1f} s over {len(scores)} files")


if __name__ == "__main__":
    sys.exit(main())
