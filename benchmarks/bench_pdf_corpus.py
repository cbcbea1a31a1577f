"""Print how faithfully the PDF reader reads a folder of third-party PDFs (issue 14).

Every PDF under DIR (recursively) is read twice: by poppler's ``pdftotext -cropbox`` (the
yardstick: the visible page, as our reader reads it) and by our reader (``read_pdf``:
blocks, running headers and footers; not comments, the notes pdftotext does not show).
Files where pdftotext finds 100 words or more are scored on words (NFKC, case-folded runs
of letters and digits; a line-end hyphen in pdftotext's text joins its two halves, as
our reader does, but not across the blank line that ends a block: "1-" and a footnote,
"cre-" and a page's running foot): recall (pdftotext's words we have too), precision
(our words pdftotext has too) and split words (a pdftotext word missing from ours that two of our
consecutive words spell, one of them no word of pdftotext's: "Agenc y"). Our reader
gives a running header or footer once, where pdftotext prints it on every page: its
words count as often as pdftotext spells the line word for word beyond the times our
own text holds it, at most once a page.

Then the summary with issue 14's targets: recall and precision at the 10th percentile
(>= 0.95 each), files with five or more split words (none), and files pdftotext reads but
we refuse (none). --verbose prints a line per file and its split words.

pdftotext is not always the page's text: fonts without a usable Unicode map, CJK text
it decodes as Latin-1, letters of diagonal labels scattered. So the files are read by a
second, independent reference too, pdfminer.six (``extract_text``, cached the same way),
and recall and precision are printed again over the files where the two references
agree: where the smaller of pdfminer's recall and precision against pdftotext is 0.9 or
more, or pdfminer failed on the file (it cannot dispute it then); and where pdftotext's
words lie inside the crop box, 90% of them or more (its plain text keeps what the crop
box hides, a printer's slug line on every page; its ``-bbox`` output, with and without
``-cropbox``, tells how much). Every other file is listed as disputed, with why and
our figures against each reference; none is left out silently, and a file where the
references agree counts there however badly we read it. The first figures, against
pdftotext alone over every file, stay the primary ones.

    python benchmarks/bench_pdf_corpus.py DIR [--verbose] [--min-words N] [--limit N] [--only NAME]

The corpora are other projects' test PDFs, kept outside the repository (e.g. the PDFs of
github.com/py-pdf/sample-files, of pdfplumber's tests/pdfs and of pdf.js's test/pdfs).
"""

from __future__ import annotations

import argparse
import hashlib
import html
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
_BOX_WORD = re.compile(r"<word [^>]*>([^<]*)</word>")
_LINE_END_HYPHEN = re.compile(r"(\w)[-\u2010\u00ad]\n[ \t]*(\w)")
PDFTOTEXT_SECONDS = 60
PDFMINER_SECONDS = 300
AGREEMENT = 0.9  # share of words two references must have in common to agree
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
    # the second reference: how much of it pdftotext shares, and our recall and
    # precision against it (None: pdfminer failed on the file)
    agreement: float | None = None
    second: tuple[float, float] | None = None
    # the share of pdftotext's words that lie inside the crop box
    visible: float | None = None


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return [_HYPHENS.sub("", word) for word in _WORD.findall(text)]


def reference_words(path: Path) -> list[str] | None:
    """pdftotext's words of the PDF (its text cached in the temp folder between runs)."""
    text = _cached("cropbox", path, _pdftotext)
    return None if text is None else words(_LINE_END_HYPHEN.sub(r"\1\2", text))


def second_reference_words(path: Path) -> list[str] | None:
    """pdfminer.six's words of the PDF (cached like pdftotext's); None if it fails."""
    text = _cached("pdfminer", path, _pdfminer)
    return None if text is None else words(_LINE_END_HYPHEN.sub(r"\1\2", text))


def crop_box_share(path: Path) -> float | None:
    """The share of pdftotext's words on the whole page that lie inside the crop box
    (its ``-bbox`` output, with and without ``-cropbox``: the same words, clipped or not;
    its plain text is not clipped)."""
    whole = _cached("bbox-media", path, lambda path: _pdftotext_boxes(path, []))
    inside = _cached("bbox-crop", path, lambda path: _pdftotext_boxes(path, ["-cropbox"]))
    if not whole or inside is None:
        return None
    return compare(words(whole), words(inside))[0]


def _cached(kind: str, path: Path, extract) -> str | None:
    stat = path.stat()
    key = hashlib.sha1(f"{kind}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    cached = CACHE / f"{key.hexdigest()}.txt"
    if cached.exists():
        text = cached.read_text("utf-8")
        return None if text == "\0" else text
    text = extract(path)
    CACHE.mkdir(exist_ok=True)
    cached.write_text("\0" if text is None else text, "utf-8")
    return text


def _pdftotext(path: Path) -> str | None:
    return _run(["pdftotext", "-q", "-cropbox", "-enc", "UTF-8", str(path), "-"])


def _pdftotext_boxes(path: Path, options: list[str]) -> str | None:
    page = _run(["pdftotext", "-q", "-bbox", *options, "-enc", "UTF-8", str(path), "-"])
    if page is None:
        return None
    return " ".join(html.unescape(word) for word in _BOX_WORD.findall(page))


def _pdfminer(path: Path) -> str | None:
    # in a child process: pdfminer is pure Python, and a file may keep it busy for long
    script = "import sys; from pdfminer.high_level import extract_text as e; "
    script += "sys.stdout.buffer.write(e(sys.argv[1]).encode('utf-8', 'replace'))"
    return _run([sys.executable, "-c", script, str(path)], PDFMINER_SECONDS)


def _run(command: list[str], seconds: float = PDFTOTEXT_SECONDS) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, timeout=seconds, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def our_words(path: Path, reference: list[str] | None = None) -> list[str]:
    document = read_pdf(path)
    # comments (the notes of sticky notes, highlights) are text pdftotext does not show
    parts = [b.text for b in document.blocks if getattr(b, "origin", None) != "comment"]
    found = words("\n".join([*parts, *document.footnotes]))
    body = list(found)
    for line in (*document.headers, *document.footers):
        line_words = words(line)
        copies = 1
        if reference is not None:  # the times pdftotext has it beyond our own text's
            extra = _occurrences(line_words, reference, document.pages)
            copies = max(1, extra - _occurrences(line_words, body, extra))
        found += line_words * copies
    return found


def _occurrences(line: list[str], text: list[str], most: int) -> int:
    """How often ``line`` appears word for word in ``text`` (counting up to ``most``)."""
    count = start = 0
    size = len(line)
    while line and count < most:
        try:
            start = text.index(line[0], start)
        except ValueError:
            break
        if text[start : start + size] == line:
            count += 1
            start += size
        else:
            start += 1
    return count


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
        ours = our_words(path, reference)
    except CpcDraftError as error:
        return str(error)
    seconds = time.perf_counter() - start
    recall, precision = compare(reference, ours)
    result = Score(
        path,
        len(reference),
        len(ours),
        recall,
        precision,
        split_words(Counter(reference), ours),
        seconds,
    )
    second = second_reference_words(path)
    if second:
        result.agreement = min(compare(reference, second))
        result.second = compare(second, ours)
    result.visible = crop_box_share(path)
    return result


def compare(reference: list[str], ours: list[str]) -> tuple[float, float]:
    """Recall and precision of ``ours`` against ``reference`` (multisets of words)."""
    common = sum((Counter(reference) & Counter(ours)).values())
    return common / len(reference) if reference else 0.0, common / len(ours) if ours else 0.0


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
                + ("" if result.agreement is None else f"  (references {result.agreement:.2f})")
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
    below = [s for s in scores if min(s.recall, s.precision) < 0.95]
    for s in sorted(below, key=lambda s: min(s.recall, s.precision)):
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
    report_agreed(scores)


def report_agreed(scores: list[Score]) -> None:
    """The figures again over the files where the references agree, and the files left
    out, each with why (see the module's docstring for the rule)."""
    agreed = [s for s in scores if not disputes(s)]
    print(
        f"\nwhere pdftotext and pdfminer.six agree, and pdftotext with its crop box (>= "
        f"{AGREEMENT:.0%} of the words shared): {len(agreed)} of {len(scores)} files"
    )
    if agreed:
        recalls = [s.recall for s in agreed]
        precisions = [s.precision for s in agreed]
        print(f"word recall     median {statistics.median(recalls):.3f}", end="")
        print(f"  10th percentile {percentile(recalls, 0.1):.3f}  (target >= 0.95)")
        print(f"word precision  median {statistics.median(precisions):.3f}", end="")
        print(f"  10th percentile {percentile(precisions, 0.1):.3f}  (target >= 0.95)")
    for s in sorted((s for s in scores if s not in agreed), key=lambda s: s.path.name):
        against = (
            "" if s.second is None else " and {:.3f} {:.3f} against pdfminer".format(*s.second)
        )
        print(
            f"  disputed: {'; '.join(disputes(s))}; ours: recall {s.recall:.3f} precision "
            f"{s.precision:.3f} against pdftotext{against}  {s.path.name}"
        )
    unknown = [s.path.name for s in scores if s.agreement is None]
    if unknown:
        print("  pdfminer failed on (kept unless disputed otherwise): " + ", ".join(unknown))


def disputes(s: Score) -> list[str]:
    """Why a file's pdftotext text is not taken for the page's text (none: it is)."""
    found = []
    if s.agreement is not None and s.agreement < AGREEMENT:
        found.append(f"pdftotext and pdfminer share {s.agreement:.0%} of their words")
    if s.visible is not None and s.visible < AGREEMENT:
        found.append(f"{s.visible:.0%} of pdftotext's words lie inside the crop box")
    return found


if __name__ == "__main__":
    sys.exit(main())
