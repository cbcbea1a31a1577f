"""`check DIR` checks the drafts of a folder, not everything in it.

Skipped: hidden folders, a clause library, our own reports (whatever their names) and
the report being written; `--exclude GLOB` skips more. A progress bar goes to standard
error when it is a terminal and more than a few files are checked. Every folder here is
made by the test from the bundled example draft and clause library.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cpc_draft.cli import main

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "received" / "jamaica-draft.txt"


def _check(*args: str):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def _checked(result) -> list[str]:
    assert result.exit_code in (0, 1), result.output
    return sorted(Path(doc["path"]).name for doc in json.loads(result.stdout)["documents"])


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "old").mkdir(parents=True)
    shutil.copy(DRAFT, folder / "jamaica.txt")
    shutil.copy(DRAFT, folder / "old" / "jamaica-v1.txt")
    (folder / ".git").mkdir()
    shutil.copy(DRAFT, folder / ".git" / "copy.txt")
    shutil.copy(DRAFT, folder / ".hidden-draft.txt")
    shutil.copytree(ROOT / "clause_library", folder / "library")
    return folder


def test_hidden_folders_and_clause_libraries_are_not_checked(tmp_path):
    folder = _folder(tmp_path)
    assert _checked(_check(folder, "--format", "json")) == ["jamaica-v1.txt", "jamaica.txt"]


def test_our_earlier_reports_are_not_checked_whatever_their_names(tmp_path):
    folder = _folder(tmp_path)
    for output_format, name in (("text", "review.txt"), ("json", "notes.md"), ("sarif", "x.txt")):
        result = _check(folder, "--format", output_format, "-o", folder / name)
        assert result.exit_code in (0, 1), result.output
    compared = CliRunner().invoke(
        main, ["compare", str(DRAFT), str(folder / "jamaica.txt"), "-o", str(folder / "c.txt")]
    )
    assert compared.exit_code in (0, 1), compared.output
    assert _checked(_check(folder, "--format", "json")) == ["jamaica-v1.txt", "jamaica.txt"]


def test_the_report_being_written_is_not_checked(tmp_path):
    folder = _folder(tmp_path)
    report = folder / "review.md"
    report.write_text("A note of mine.\n", "utf-8")  # not a report yet: a draft-like file
    assert "review.md" in _checked(_check(folder, "--format", "json"))
    result = _check(folder, "--format", "json", "-o", report, "--force")
    assert result.exit_code in (0, 1), result.output
    written = json.loads(report.read_text("utf-8"))
    assert sorted(Path(d["path"]).name for d in written["documents"]) == [
        "jamaica-v1.txt",
        "jamaica.txt",
    ]


def test_exclude_globs_match_names_and_paths(tmp_path):
    folder = _folder(tmp_path)
    assert _checked(_check(folder, "--format", "json", "--exclude", "old")) == ["jamaica.txt"]
    assert _checked(_check(folder, "--format", "json", "--exclude", "old/*")) == ["jamaica.txt"]
    result = _check(folder, "--format", "json", "--exclude", "*.txt")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"cpc-draft: error: {folder}: holds no drafts to check (.pdf, .docx, .txt or .md files)"
    )


def test_a_file_named_on_the_command_line_is_checked_as_given(tmp_path):
    hidden = tmp_path / ".draft.txt"
    shutil.copy(DRAFT, hidden)
    assert _checked(_check(hidden, "--format", "json", "--exclude", "*.txt")) == [".draft.txt"]


def _drafts(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(count):
        shutil.copy(DRAFT, folder / f"draft-{number}.txt")
    return folder


def test_no_progress_bar_when_standard_error_is_no_terminal(tmp_path):
    result = _check(_drafts(tmp_path, 4), "--format", "json")
    assert result.exit_code == 1 and result.stderr == ""


def test_progress_bar_on_a_terminal(tmp_path):
    folder = _drafts(tmp_path, 4)
    terminal, stderr = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cpc_draft", "check", str(folder), "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
            timeout=600,
            check=False,
        )
    finally:
        os.close(stderr)
    shown = b""
    while select.select([terminal], [], [], 0.5)[0]:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # the other end is closed: all read
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    assert done.returncode == 1
    assert len(json.loads(done.stdout)["documents"]) == 4  # the report is untouched
    assert b"checking" in shown and b"0/4" in shown and b"4/4" in shown
