"""Print the figures issue 5 asks for:

- `cpc-draft compare OLD NEW` on two ~45-page Word versions with 20 scattered edits, cold
  (a fresh process, the whole command: reading both, aligning, word diff, and the facts
  of both versions through the spaCy pipelines) — target <= 2 s on this 2-core machine;
  and the Word redline of the same pair (`--format docx`: the text, no facts, no spaCy);
- how the comparison grows with the length of the draft: the same edits in drafts of
  1, 2, 4 and 8 times the length, the text comparison alone (in process, both drafts
  already read) and the whole command; linear growth keeps the time per word flat.

The drafts are the Peru example (sequential, English + Spanish), its articles repeated
(each copy's sentences marked so that no text repeats) and renumbered, so each language
version reads as one long compact.

    python benchmarks/bench_compare.py [--repeat N]
"""

from __future__ import annotations

import argparse
import compileall
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("cpc-draft")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cpc_draft"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ARTICLE = re.compile(r"^(Article|Artículo)\s+(\d+)$")
EDITS = 20


def base_docx(folder: Path) -> Path:
    from cpc_draft.assemble import AssembleOptions, build_draft
    from cpc_draft.render.docx import write_docx

    draft = build_draft(ROOT / "examples/peru.yaml", AssembleOptions(layout="sequential"))
    path = folder / "peru.docx"
    write_docx(draft, path)
    return path


def long_versions(source: Path, copies: int, folder: Path) -> tuple[Path, Path]:
    """The draft's body ``copies`` times, articles renumbered; and a copy with 20 edits."""
    with zipfile.ZipFile(source) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    body = root.find(f"{{{W}}}body")
    original = [child for child in body if child.tag != f"{{{W}}}sectPr"]
    section = body.find(f"{{{W}}}sectPr")
    for copy in range(1, copies):
        for child in original:
            duplicate = etree.fromstring(etree.tostring(child))
            _make_unique(duplicate, copy)
            section.addprevious(duplicate)
    articles = _renumber(root)
    old = _save(source, root, folder / f"old-{copies}.docx")
    _edit(articles, random.Random(copies))
    new = _save(source, root, folder / f"new-{copies}.docx")
    return old, new


def _make_unique(element, copy: int) -> None:
    """Every sentence of a copy ends differently, so no cache can recognise repeated
    text: the figures measure 45 pages of distinct text, as a real draft is."""
    for node in element.iter(f"{{{W}}}t"):
        text = node.text or ""
        if len(text.split()) >= 3 and not any(char.isdigit() for char in text):
            node.text = f"{text} {_WORDS[copy % len(_WORDS)]}{copy}"


_WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel")


def _renumber(root) -> dict[tuple[str, int], list]:
    """Number each language's articles 1..n across the copies; return each article's runs."""
    counters: dict[str, int] = {}
    runs: dict[tuple[str, int], list] = {}
    current = None
    for node in root.iter(f"{{{W}}}t"):
        match = ARTICLE.match((node.text or "").strip())
        if match:
            word = match.group(1)
            counters[word] = counters.get(word, 0) + 1
            node.text = f"{word} {counters[word]}"
            current = (word, counters[word])
        elif current is not None:
            runs.setdefault(current, []).append(node)
    return runs


def _edit(articles: dict[tuple[str, int], list], rng: random.Random) -> None:
    """One word changed in each of 20 articles chosen at random (both languages)."""
    candidates = [key for key, nodes in articles.items() if _long_run(nodes) is not None]
    for key in rng.sample(candidates, EDITS):
        node = _long_run(articles[key])
        words = node.text.split(" ")
        position = rng.randrange(1, len(words) - 1)
        words[position] = "AMENDED"
        node.text = " ".join(words)


def _long_run(nodes: list):
    return next((n for n in nodes if len((n.text or "").split(" ")) >= 12), None)


def _save(source: Path, root, target: Path) -> Path:
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = body if item.filename == "word/document.xml" else old.read(item)
            new.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def pages(path: Path, folder: Path) -> int | None:
    from cpc_draft.render.pdf import convert_with_libreoffice, find_soffice

    if find_soffice() is None:
        return None
    import pypdfium2 as pdfium

    (pdf,) = convert_with_libreoffice([path], folder)
    return len(pdfium.PdfDocument(pdf))


def command_seconds(old: Path, new: Path, repeat: int, *extra: str) -> float:
    return statistics.median(command_runs(old, new, repeat, *extra))


def command_runs(old: Path, new: Path, repeat: int, *extra: str) -> list[float]:
    """Each run's seconds: this machine's speed drifts by some 10% from minute to minute,
    so the spread is printed beside the median."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(
            [*CLI, "compare", str(old), str(new), "--format", "json", *extra],
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
        assert result.returncode == 1, result.stderr  # 1: differences found
    return times


def text_seconds(old: Path, new: Path, repeat: int) -> tuple[float, int, int]:
    from cpc_draft.compare.versions import compare_versions
    from cpc_draft.readers import read_document

    a, b = read_document(old), read_document(new)
    words = sum(len(block.text.split()) for block in a.blocks)
    times, changes = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        comparison = compare_versions(a, b)
        times.append(time.perf_counter() - start)
        changes = len(comparison.changes)
    return statistics.median(times), words, changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    # A cold command finds its bytecode, as after `pip install`: where
    # PYTHONDONTWRITEBYTECODE is set (as on our CI machines) every run would otherwise
    # compile the package again, which is not what a user's machine does.
    compileall.compile_dir(ROOT / "cpc_draft", quiet=1)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = base_docx(folder)
        old, new = long_versions(source, 3, folder)
        page_count = pages(old, folder)
        runs = command_runs(old, new, args.repeat)
        cold = statistics.median(runs)
        redline = folder / "redline.docx"
        redline_cold = command_seconds(
            old, new, args.repeat, "--format", "docx", "-o", str(redline), "--force"
        )
        _, words, changes = text_seconds(old, new, 1)
        size = f"{page_count} pages" if page_count else "3 copies (LibreOffice absent)"
        print(f"compare, two Word versions of {size}, {words} words, {EDITS} edits")
        verdict = "ok" if cold <= 2.0 else "OVER"
        print(
            f"  cpc-draft compare (cold, whole command)   {cold:6.2f} s   target <= 2 s  {verdict}"
            f"  (median of {len(runs)}: {min(runs):.2f}-{max(runs):.2f} s)"
        )
        verdict = "ok" if redline_cold <= 2.0 else "OVER"
        print(
            f"  the same, --format docx (redline; text, no facts)  {redline_cold:6.2f} s  {verdict}"
        )
        print(f"  articles reported changed                 {changes:6d}     (20 edits)")
        print("growth with length (same number of edits):")
        print("  copies   words   text diff   per 1k words   whole command")
        rows = []
        for copies in (1, 2, 4, 8):
            old, new = long_versions(source, copies, folder)
            seconds, words, _ = text_seconds(old, new, args.repeat)
            whole = command_seconds(old, new, max(1, args.repeat // 2))
            rows.append((copies, words, seconds))
            print(
                f"  {copies:6d} {words:7d}   {seconds:7.3f} s   "
                f"{1000 * seconds / words * 1000:8.2f} ms   {whole:9.2f} s"
            )
        (_, w1, s1), (_, w8, s8) = rows[0], rows[-1]
        ratio = (s8 / s1) / (w8 / w1)
        print(
            f"  {w8 / w1:.1f}x the words took {s8 / s1:.1f}x the time "
            f"({ratio:.2f} of linear; quadratic would be {w8 / w1:.1f})"
        )


if __name__ == "__main__":
    main()
