"""Check many files at once: folders expanded, `--jobs N` worker processes.

A file that cannot be read does not stop the others: its message is collected and the
run ends with exit code 2 after every other file has been reviewed.

With several workers (where the system can fork), this process first reads one file per
worker, each PDF in its reader's child, while spaCy loads here; then it forks the
workers, which inherit spaCy and its pipelines and start on those documents. Loading
spaCy once instead of in every worker saves about 1.7 s of CPU per extra worker
(benchmarks/bench_check.py measures `--jobs 2` against `--jobs 1`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from cpc_draft.check.config import Config
from cpc_draft.check.review import (
    Review,
    read_draft,
    read_drafts,
    review_document,
    review_path,
    warm_up,
)
from cpc_draft.errors import CpcDraftError, InputFileError
from cpc_draft.model import Document
from cpc_draft.sandbox import can_fork

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


@dataclass(frozen=True)
class _Job:
    path: Path
    config: Config
    password: str | None
    document: Document | None = None  # read already, before the workers started
    error: str | None = None  # could not be read then


def _one(job: _Job) -> Outcome:
    if job.error is not None:
        return Outcome(job.path, None, job.error)
    try:
        if job.document is not None:
            return Outcome(job.path, review_document(job.document, job.config), None)
        return Outcome(job.path, review_path(job.path, job.config, password=job.password), None)
    except CpcDraftError as error:
        return Outcome(job.path, None, str(error))


def run(
    files: list[Path],
    config: Config,
    *,
    jobs: int = 1,
    password: str | None = None,
    progress: Callable[[Iterator[Outcome], int], Iterator[Outcome]] | None = None,
) -> list[Outcome]:
    work = [_Job(path, config, password) for path in files]
    workers = min(jobs, len(files))
    if workers <= 1:
        outcomes: Iterator[Outcome] = _in_turn(work)
    elif can_fork():
        outcomes = _forked(work, workers)
    else:  # spawned workers start cold: each loads spaCy while its first PDF is read
        outcomes = _spawned(work, workers)
    return list(progress(outcomes, len(files)) if progress else outcomes)


def _in_turn(work: list[_Job]) -> Iterator[Outcome]:
    """One file after another; the first is read in a forked child while spaCy loads
    here (a 45-page Word draft takes about 0.2 s to read)."""
    if work:
        yield _one(_read_aside(work[0], _warm_up_for(work[1:])))
    yield from map(_one, work[1:])


def _read_aside(job: _Job, warm: Callable[[], None]) -> _Job:
    try:
        (document,) = read_drafts([job.path], password=job.password, while_waiting=warm)
    except CpcDraftError as error:
        return replace(job, error=str(error))
    return replace(job, document=document)


def _spawned(work: list[_Job], workers: int) -> Iterator[Outcome]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_one, work, chunksize=1)


def _forked(work: list[_Job], workers: int) -> Iterator[Outcome]:
    """Read one file per worker while spaCy loads here, then fork the workers warm.

    One file per worker keeps the cores busy while spaCy loads and leaves the workers
    equal shares: after one, an odd number of files was left for two workers, and one
    of them ran a whole file longer than the other.
    """
    warm = _warm_up_for(work[workers:])
    ahead = _read_ahead(work[:workers], warm)
    warm()  # done while the files were read, unless none of them could be
    with ProcessPoolExecutor(max_workers=workers, mp_context=_FORK) as pool:
        yield from pool.map(_one, ahead + work[workers:], chunksize=1)


def _warm_up_for(rest: list[_Job]) -> Callable[[], None]:
    """Load spaCy; and pdfplumber's table finder too if PDFs are still to be read by
    processes forked from this one, which then inherit it."""

    def warm() -> None:
        warm_up()
        if any(job.path.suffix.lower() == ".pdf" for job in rest):
            from cpc_draft.readers.pdf import prepare_table_finder

            prepare_table_finder()

    return warm


def _read_ahead(jobs: list[_Job], warm: Callable[[], None]) -> list[_Job]:
    """Read ``jobs`` at the same time, each PDF in its reader's child, while spaCy loads
    here: each read starts the next while it waits for its child, and the last loads spaCy.

    The readers run on every core but one and spaCy loads alone on that one. Loading spaCy
    takes longest; sharing its core with two readers, it ended about 1 s after them on a
    two-core machine, with the workers waiting for it.
    """
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    done: dict[int, _Job] = {}

    def read(index: int) -> None:
        job = jobs[index]
        then = (lambda: read(index + 1)) if index + 1 < len(jobs) else alone
        try:
            document = read_draft(job.path, password=job.password, while_waiting=then)
            done[index] = replace(job, document=document)
        except CpcDraftError as error:
            done[index] = replace(job, error=str(error))

    def alone() -> None:
        with _on_cores(cores[:1]):
            warm()

    with _on_cores(cores[1:]):  # what forks meanwhile (the readers) stays there
        read(0)
    # A file refused before its reading began (empty, not a draft) started no next one.
    return [done.get(index, job) for index, job in enumerate(jobs)]


@contextmanager
def _on_cores(cores: list[int]) -> Iterator[None]:
    """Run this process on ``cores`` only (Linux; elsewhere, or given none, as it was)."""
    if not cores or not hasattr(os, "sched_setaffinity"):
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cores)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


_FORK = multiprocessing.get_context("fork") if can_fork() else None
