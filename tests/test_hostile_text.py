"""Text that reads one way and is stored another, and text too long: read faithfully, or
refused in one line.

Every file is made here. The commands run as a user runs them, in a subprocess bounded in
memory (RLIMIT_AS) and time (a generous timeout: a hang guard, not a speed assertion).
"""

from __future__ import annotations

import codecs
import json
import random
import resource
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from cpc_draft.nlp.pipeline import chunks
from cpc_draft.text.normalize import FORMAT_CHARACTERS

SENTENCE = "The United States will contribute {amount} over five years."
AMOUNT = "US$5,000,000"
GIB = 1 << 30
WORDS = (
    "program", "children", "protection", "shelter", "training", "data", "case", "management",
    "government", "partner", "support", "the", "and", "of", "in", "with", "for", "by", "law",
)  # fmt: skip


def _limit_memory(size: int):
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return limit


def run(*args: str, memory: int = 2 * GIB, timeout: float = 300) -> subprocess.CompletedProcess:
    """``cpc-draft ARGS`` in a subprocess under ``memory`` bytes of address space."""
    return subprocess.run(
        [sys.executable, "-m", "cpc_draft", *args],
        preexec_fn=_limit_memory(memory),
        capture_output=True,
        text=True,
        timeout=timeout,  # a hang guard, not a speed assertion
        check=False,
    )


def check_json(path: Path) -> dict:
    completed = run("check", "--format", "json", str(path))
    assert completed.returncode in (0, 1), completed.stderr[-2000:]
    assert "Traceback" not in completed.stderr
    return json.loads(completed.stdout)["documents"][0]


def draft(tmp_path: Path, amount: str, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_text(f"Article 1\n\n{SENTENCE.format(amount=amount)}\n", "utf-8")
    return path


def us_amounts(document: dict) -> list[str]:
    return [c["amount"] for c in document["contributions"] if c["party"] == "US"]


def refused(completed: subprocess.CompletedProcess, path: Path) -> str:
    """The one-line message of a refusal (exit 2), without its prefix."""
    assert completed.returncode == 2, completed.stderr[-2000:]
    assert "Traceback" not in completed.stderr
    prefix = f"cpc-draft: error: {path}: "
    assert completed.stderr.startswith(prefix)
    assert completed.stderr.count("\n") == 1
    return completed.stderr.removeprefix(prefix)


# -- amounts hidden by how the text is stored ------------------------------------------------


def test_an_amount_stored_reversed_under_an_override_is_read_as_displayed(tmp_path):
    reversed_amount = "\u202e" + AMOUNT[::-1] + "\u202c"  # displays as US$5,000,000
    document = check_json(draft(tmp_path, reversed_amount))
    assert us_amounts(document) == ["5000000"]
    assert document["elements"]["E"]["status"] != "missing"
    assert any("right-to-left override" in w and f"“{AMOUNT}”" in w for w in document["warnings"])


def test_an_amount_with_a_zero_width_space_inside_is_found_and_reported(tmp_path):
    document = check_json(draft(tmp_path, "US$5,\u200b000,000"))
    assert us_amounts(document) == ["5000000"]
    assert any("zero width space U+200B" in w for w in document["warnings"])


@pytest.mark.parametrize("mark", ["\u00b9", "\u00b2\u2070", "[1]"])
def test_an_amount_followed_by_a_footnote_mark_is_found(tmp_path, mark):
    document = check_json(draft(tmp_path, AMOUNT + mark))
    assert us_amounts(document) == ["5000000"]
    assert document["elements"]["E"]["status"] != "missing"


def test_an_embedding_that_reorders_figures_and_words_is_reported(tmp_path):
    path = draft(tmp_path, "\u202b5,000,000 dollars\u202c")  # shows "dollars 5,000,000"
    completed = run("extract", "--format", "json", str(path), memory=GIB)
    assert completed.returncode == 0, completed.stderr
    warnings = json.loads(completed.stdout)["warnings"]
    assert any("another order than stored" in w and "block 1" in w for w in warnings)


def test_text_without_tricks_gets_no_warning(tmp_path):
    path = draft(tmp_path, f"{AMOUNT} in 12 km² of Niñas y niños’ homes")
    completed = run("extract", "--format", "json", str(path), memory=GIB)
    assert json.loads(completed.stdout)["warnings"] == []
    assert "12 km² of" in completed.stdout  # a squared unit is no footnote mark


def test_the_quick_search_knows_every_format_character():
    format_characters = [
        chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"
    ]
    assert [c for c in format_characters if not FORMAT_CHARACTERS.match(c)] == []


# -- encodings ------------------------------------------------------------------------------

TEXT = f"Article 1\n\n{SENTENCE.format(amount=AMOUNT)} Niños y niñas.\n"


@pytest.mark.parametrize(
    ("encoding", "bom", "warned"),
    [
        ("utf-32-le", codecs.BOM_UTF32_LE, False),
        ("utf-32-be", codecs.BOM_UTF32_BE, False),
        ("utf-16-le", b"", True),
        ("utf-16-be", b"", True),
        ("utf-32-le", b"", True),
        ("utf-32-be", b"", True),
    ],
)
def test_wide_encodings_are_read_faithfully(tmp_path, encoding, bom, warned):
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    completed = run("extract", "--format", "json", str(path), memory=GIB)
    assert completed.returncode == 0, completed.stderr
    read = json.loads(completed.stdout)
    assert [block["text"] for block in read["blocks"]][1].endswith("Niños y niñas.")
    assert "\x00" not in completed.stdout and "\\u0000" not in completed.stdout
    named = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
    assert any(named in w for w in read["warnings"]) == warned


def test_a_file_made_largely_of_nul_bytes_is_refused(tmp_path):
    path = tmp_path / "nuls.txt"
    path.write_bytes(b"Article 1\n\n" * 100 + b"\x00\x07\x00\x13" * 2500)
    message = refused(run("extract", str(path), memory=GIB), path)
    assert "NUL characters" in message and "not plain text" in message


def test_a_stray_nul_is_removed_with_a_warning(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_bytes(TEXT.encode("utf-8") * 40 + b"\nStray\x00 NUL.\n")
    completed = run("extract", "--format", "json", str(path), memory=GIB)
    read = json.loads(completed.stdout)
    assert "removed 1 NUL character" in read["warnings"]
    assert read["blocks"][-1]["text"] == "Stray NUL."


# -- text too long --------------------------------------------------------------------------


def filler(characters: int, *, seed: int = 1, stop: str = ".") -> str:
    """Sentences of random words, about ``characters`` long, on one line."""
    pick = random.Random(seed).choice
    out, size = [], 0
    while size < characters:
        sentence = " ".join(pick(WORDS) for _ in range(14)).capitalize() + stop
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)


def test_pieces_of_a_long_line_stay_under_spacys_limit_and_keep_the_text():
    line = filler(1_100_000, stop="")  # not one sentence end: cut at spaces
    pieces = chunks(line)
    assert "".join(piece for _, piece in pieces) == line
    assert max(len(piece) for _, piece in pieces) < 1_000_000 // 10


def test_a_paragraph_of_over_a_million_characters_is_checked_in_paragraphs(tmp_path):
    text = filler(1_100_000)
    middle = len(text) // 2
    text = text[:middle] + " " + SENTENCE.format(amount=AMOUNT) + " " + text[middle:]
    path = tmp_path / "one-line.txt"
    path.write_text(f"Article 1\n\n{text}\n", "utf-8")
    document = check_json(path)
    assert us_amounts(document) == ["5000000"]
    assert any(
        "block 1 holds 1,1" in w and "characters without a paragraph break" in w
        for w in document["warnings"]
    )


def test_a_text_far_larger_than_any_draft_is_refused_in_one_line(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(filler(19_000_000), "utf-8")
    message = refused(run("check", str(path)), path)
    assert message.startswith("holds more than 4,000,000 characters of text")
