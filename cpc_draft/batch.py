"""Check many files at once: folders expanded, `--jobs N` worker processes.

A file that cannot be read does not stop the others: its message is collected and the
run ends with exit code 2 after every other file has been reviewed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from cpc_draft.config import Config
from cpc_draft.errors import CpcDraftError, InputFileError
from cpc_draft.review import Review, review_path

SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown"}


@dataclass(frozen=True)
class Outcome:
    path: Path
    review: Review | None
    error: str | None


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders replaced by the drafts they hold (sorted, recursively)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            if not found:
                raise InputFileError(path, "holds no .pdf, .docx, .txt or .md files")
            files += found
        else:
            files.append(path)
    return files


def _one(job: tuple[Path, Config, str | None]) -> Outcome:
    path, config, password = job
    try:
        return Outcome(path, review_path(path, config, password=password), None)
    except CpcDraftError as error:
        return Outcome(path, None, str(error))


def run(
    files: list[Path],
    config: Config,
    *,
    jobs: int = 1,
    password: str | None = None,
    progress: Callable[[Iterator[Outcome], int], Iterator[Outcome]] | None = None,
) -> list[Outcome]:
    work = [(path, config, password) for path in files]
    if jobs <= 1 or len(files) <= 1:
        outcomes = map(_one, work)
        return list(progress(outcomes, len(files)) if progress else outcomes)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        outcomes = pool.map(_one, work, chunksize=1)
        return list(progress(outcomes, len(files)) if progress else outcomes)
