"""`compare` of huge and repetitive versions: an answer in bounded time and memory, exact
wherever it is shown, and a warning wherever it is coarser than word by word.

Each command runs in its own process with a cap on its address space and a timeout that
guards against a hang (not a speed assertion: benchmarks/bench_compare_growth.py prints
the figures). The versions are generated here.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from cpc_draft.compare.sequence import Budget
from cpc_draft.compare.worddiff import diff_words, side

HANG_GUARD_SECONDS = 120
MEMORY_CAP = 2 << 30  # address space, spaCy's mapped files included
_WORDS = (
    "the participants intend to cooperate on child protection programs funding "
    "indicators oversight data management sustainability training shelters survivors"
)


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_compare(old: Path, new: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cpc_draft", "compare", str(old), str(new), *options],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        preexec_fn=_capped,
        cwd=ROOT,
    )


def write_pair(folder: Path, old: list[str], new: list[str]) -> tuple[Path, Path]:
    paths = folder / "old.txt", folder / "new.txt"
    for path, paragraphs in zip(paths, (old, new), strict=True):
        path.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
    return paths


def sentence(rng: random.Random, count: int = 12) -> str:
    vocabulary = _WORDS.split()
    return " ".join(rng.choice(vocabulary) for _ in range(count)).capitalize()


def inserted(report: dict) -> list[str]:
    return [s["text"] for c in report["changes"] for s in c["diff"] if s["op"] == "insert"]


def test_repetitive_paragraphs_are_compared_word_by_word(tmp_path):
    paragraph = "The Participants intend to cooperate on the protection of children."
    old = [paragraph] * 1_800  # some 120 KB of the same paragraph
    new = list(old)
    for position in range(0, len(new), 60):
        new[position] = paragraph.replace("cooperate", "work together")
    result = run_compare(*write_pair(tmp_path, old, new), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert inserted(report) == ["work together"] * 30
    assert report["warnings"] == []


def test_eight_thousand_distinct_paragraphs_half_of_them_edited(tmp_path):
    rng = random.Random(8)
    old = [f"{sentence(rng)} (paragraph {n})." for n in range(8_000)]
    new = [f"{text} Amended." if n % 2 else text for n, text in enumerate(old)]
    old_path, new_path = write_pair(tmp_path, old, new)
    result = run_compare(old_path, new_path, "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert inserted(report) == [" Amended."] * 4_000
    # Far longer than any compact: the text is compared in full, the facts are not.
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"cpc-draft: warning: {old_path}: facts not compared")
    assert report["warnings"] == [line.removeprefix("cpc-draft: warning: ")]


def test_a_thousand_short_articles_renumbered_and_edited(tmp_path):
    rng = random.Random(3)
    bodies = [sentence(rng, 15) for _ in range(998)]  # "Article 999" is the last read as one
    old = [f"Article {n + 1}\n\n{body}." for n, body in enumerate(bodies)]
    new = ["Article 1\n\nA new first article on the exchange of information."] + [
        f"Article {n + 2}\n\n{body}{' in full' if n % 40 == 0 else ''}."
        for n, body in enumerate(bodies)
    ]
    result = run_compare(*write_pair(tmp_path, old, new), "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"] == {"added": 1, "deleted": 0, "moved": 0, "modified": 25}
    assert len(report["renumbered"]) == 973


def test_a_paragraph_too_costly_for_words_is_replaced_whole_and_said_so(tmp_path):
    old = [" ".join(["alpha beta"] * 12_000)]
    new = [" ".join("alpha gamma" if n % 7 == 0 else "alpha beta" for n in range(12_000))]
    result = run_compare(*write_pair(tmp_path, old, new), "--format", "json")
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.splitlines()
    # The reader cuts a block this long into paragraphs (text/long_blocks.py): some of
    # them are too costly to compare word by word
    assert re.search(r"\d+ paragraphs? shows? a stretch of text replaced whole", line), line
    (change,) = json.loads(result.stdout)["changes"]
    kept = {"new": ("equal", "insert"), "old": ("equal", "delete")}
    for version, text in (("new", new[0]), ("old", old[0])):
        shown = "".join(s["text"] for s in change["diff"] if s["op"] in kept[version])
        # the diff gives the changed paragraphs one after the other, without the breaks
        # the reader cut: every character of the text, in order
        assert "".join(shown.split()) == "".join(text.split())


def test_redline_of_a_huge_repetitive_pair_is_written(tmp_path):
    paragraph = "The Participants intend to cooperate on the protection of children."
    old = [paragraph] * 3_000
    new = [f"{paragraph} Twice." if n % 100 == 0 else paragraph for n in range(3_000)]
    redline = tmp_path / "redline.docx"
    result = run_compare(*write_pair(tmp_path, old, new), "--format", "docx", "-o", str(redline))
    assert result.returncode == 1, result.stderr
    assert "(1 changed articles as tracked changes)" in result.stdout
    assert redline.read_bytes().startswith(b"PK")


def test_word_diff_gives_both_texts_back_whatever_its_budget():
    """Accept every change and read the new text; reject every one and read the old: on
    random texts, with all the work they need and with almost none."""
    rng = random.Random(13)
    vocabulary = ["a", "b", "c", "the", "Party", "5,000", ",", "."]
    for _ in range(400):
        old = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 60)))
        words = old.split()
        for _ in range(rng.randint(0, 8)):
            position = rng.randint(0, len(words))
            words[position : position + rng.randint(0, 2)] = [rng.choice(vocabulary)]
        new = " ".join(words)
        for budget in (Budget(), Budget(40)):
            spans = diff_words(old, new, budget)
            assert side(spans, "new") == new
            assert side(spans, "old") == old
