"""Which files of a folder are drafts to check: `check DIR`.

A reviewer's folder holds more than drafts: version control and editor folders, a clause
library, the reports of earlier runs (and the one being written now). Those are not
checked:

- hidden files and folders (``.git``, ``.venv``, ``.~lock.draft.docx#``);
- a clause library: a folder whose Markdown files open with a clause's front matter
  (``id:``, ``version:``, ``kind:``), with everything below it;
- our own reports, recognised by their first lines whatever their name: a `check` or
  `compare` text report, JSON or SARIF, an HTML page cpc-draft generated;
- the report file the run is writing (``-o``);
- whatever matches an ``--exclude`` glob, tried on each file's and folder's name and on
  its path below the folder given ("archive", "*.md", "old/*").

A file named on the command line is checked as given: the user chose it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from fnmatch import fnmatchcase
from pathlib import Path

SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown"}
_TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
_SNIFF_BYTES = 2048
_FRONT_MATTER = re.compile(r"\A---\r?\n(?P<body>(?:.*\r?\n){1,30}?)---", re.MULTILINE)
_CLAUSE_KEYS = ("id", "version", "kind")
_REPORT_STARTS = (
    re.compile(r"\A\s*\{\s*\""),  # JSON or SARIF
    re.compile(r'<meta name="generator" content="cpc-draft', re.IGNORECASE),  # our HTML
    # `check`: "draft.pdf (pdf, en, es)" then the elements, one a line
    re.compile(r"\A[^\n]*\n  A \S+ +[✓~✗] (?:present|partial|missing)\b"),
    # `compare`: "old.docx → new.pdf"; `compare --languages`: mismatches or agreement
    re.compile(r"\A[^\n]+\.(?:pdf|docx|txt|md|markdown) → [^\n]+\.(?:pdf|docx|txt|md|markdown)\n"),
    re.compile(r"\A[^\n]*\n  (?:mismatch |the language versions agree)"),
)


def drafts_in(folder: Path, exclude: Sequence[str] = (), skip: Path | None = None) -> list[Path]:
    """The drafts below ``folder``, sorted; ``skip`` is the report file being written."""
    skipped = skip.resolve() if skip is not None else None
    return sorted(
        path
        for path in _candidates(folder, exclude)
        if (skipped is None or path.resolve() != skipped) and not is_our_report(path)
    )


def _candidates(folder: Path, exclude: Sequence[str]) -> Iterator[Path]:
    if looks_like_clause_library(folder):
        return
    for top, folders, names in os.walk(folder):
        here = Path(top)
        folders[:] = [
            name
            for name in folders
            if not _hidden(name)
            and not _excluded(here / name, folder, exclude)
            and not looks_like_clause_library(here / name)
        ]
        for name in names:
            path = here / name
            if (
                not _hidden(name)
                and path.suffix.lower() in SUFFIXES
                and not _excluded(path, folder, exclude)
                and path.is_file()
            ):
                yield path


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))  # "~$draft.docx": Word's lock file


def _excluded(path: Path, folder: Path, exclude: Sequence[str]) -> bool:
    below = path.relative_to(folder).as_posix()
    return any(fnmatchcase(path.name, glob) or fnmatchcase(below, glob) for glob in exclude)


def looks_like_clause_library(folder: Path) -> bool:
    """A folder of clause files: Markdown opening with a clause's front matter."""
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".md")]
    except OSError:
        return False
    for name in names[:50]:
        match = _FRONT_MATTER.match(_start_of(folder / name))
        if match and all(
            re.search(rf"^{key}:", match["body"], re.MULTILINE) for key in _CLAUSE_KEYS
        ):
            return True
    return False


def is_our_report(path: Path) -> bool:
    """A text file that is a report cpc-draft wrote (check, compare, JSON, SARIF, HTML)."""
    if path.suffix.lower() not in _TEXT_SUFFIXES:
        return False
    start = _start_of(path)
    return any(pattern.search(start) for pattern in _REPORT_STARTS)


def _start_of(path: Path) -> str:
    """The first bytes of a regular file (a FIFO named "x.md" would block an open)."""
    try:
        if not path.is_file():
            return ""
        with path.open("rb") as file:
            return file.read(_SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""
