"""Check many files at once: folders expanded, `--jobs N` worker processes.

A file that cannot be read does not stop the others: its message is collected and the
run ends with exit code 2 after every other file has been reviewed.

The first files are read ahead in the sandbox while spaCy loads here: one file with one
worker; with several (where the system can fork), one file per worker, after which this
process forks the workers, which inherit spaCy and its pipelines and start on those
documents. Loading spaCy once instead of in every worker saves about 1.7 s of CPU per
extra worker (benchmarks/bench_check.py measures `--jobs 2` against `--jobs 1`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from cpc_draft import sandbox
from cpc_draft.check.config import Config
from cpc_draft.check.discovery import drafts_in
from cpc_draft.check.intake import submit_draft, warm_up
from cpc_draft.check.review import Review, review_document, review_path
from cpc_draft.errors import CpcDraftError, InputFileError
from cpc_draft.model import Document
from cpc_draft.sandbox import can_fork


@dataclass(frozen=True)
class Outcome:
    path: Path
    review: Review | None
    error: str | None


def expand(
    paths: list[Path], *, exclude: Sequence[str] = (), output: Path | None = None
) -> list[Path]:
    """Files as given; folders replaced by the drafts they hold (sorted, recursively),
    without hidden folders, clause libraries, our own reports, the ``output`` being
    written and what an ``exclude`` glob matches (see :mod:`cpc_draft.check.discovery`)."""
    files: list[Path] = []
    for path in paths:
        if os.path.isdir(path):  # False, not an error, for a name too long to look up
            found = drafts_in(path, exclude, skip=output)
            if not found:
                raise InputFileError(
                    path, "holds no drafts to check (.pdf, .docx, .txt or .md files)"
                )
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
    governing: dict[Path, Config] = {}  # a folder's drafts share its configuration
    for path in files:
        if path.parent not in governing:
            governing[path.parent] = config.for_file(path)
    work = [_Job(path, governing[path.parent], password) for path in files]
    workers = min(jobs, len(files))
    if workers <= 1:
        outcomes: Iterator[Outcome] = _in_turn(work)
    elif can_fork():
        outcomes = _forked(work, workers)
    else:  # spawned workers start cold: each loads spaCy while its first PDF is read
        outcomes = _spawned(work, workers)
    return list(progress(outcomes, len(files)) if progress else outcomes)


def _in_turn(work: list[_Job]) -> Iterator[Outcome]:
    """One file after another; the first is read in the sandbox while spaCy loads here (a
    45-page Word draft takes about 0.2 s to read)."""
    if work:
        yield _one(_read_ahead(work[:1], rest=work[1:])[0])
    yield from map(_one, work[1:])


def _spawned(work: list[_Job], workers: int) -> Iterator[Outcome]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_one, work, chunksize=1)


def _forked(work: list[_Job], workers: int) -> Iterator[Outcome]:
    """Read one file per worker while spaCy loads here, then fork the workers warm.

    One file per worker keeps the cores busy while spaCy loads and leaves the workers
    equal shares: after one, an odd number of files was left for two workers, and one
    of them ran a whole file longer than the other.
    """
    ahead = _read_ahead(work[:workers], rest=work[workers:])
    with ProcessPoolExecutor(max_workers=workers, mp_context=_FORK) as pool:
        yield from pool.map(_one, ahead + work[workers:], chunksize=1)


def _warm_up(pdfs_follow: bool) -> None:
    """Load spaCy; and pdfplumber's table finder too if PDFs are still to be read by
    processes forked from this one, which then inherit it."""
    warm_up()
    if pdfs_follow:
        from cpc_draft.readers.pdf import prepare_table_finder

        prepare_table_finder()


def _read_ahead(jobs: list[_Job], rest: list[_Job]) -> list[_Job]:
    """``jobs`` with their documents (or errors), read in the sandbox, each in its own
    child, while spaCy loads here (see :func:`_warm_up`; ``rest`` are the jobs to follow).

    Several readers run on every core but one and spaCy loads alone on that one. Loading
    spaCy takes longest; sharing its core with two readers, it ended about 1 s after them
    on a two-core machine, with the workers waiting for it. (One reader and spaCy are left
    to the system to place.)
    """
    several = len(jobs) > 1 and hasattr(os, "sched_getaffinity")
    cores = sorted(os.sched_getaffinity(0)) if several else []
    with ExitStack() as running:
        with _on_cores(cores[1:]):  # the children forked now stay there
            started = [_start(job, running) for job in jobs]
        with _on_cores(cores[:1]):
            _warm_up(pdfs_follow=any(job.path.suffix.lower() == ".pdf" for job in rest))
        return [_finished(job, reading) for job, reading in started]


def _start(job: _Job, running: ExitStack) -> tuple[_Job, sandbox.Pending | None]:
    """The job and its reading, begun; or the job with its error, refused at a glance."""
    try:
        return job, running.enter_context(submit_draft(job.path, password=job.password))
    except CpcDraftError as error:
        return replace(job, error=str(error)), None


def _finished(job: _Job, reading: sandbox.Pending | None) -> _Job:
    if reading is None:
        return job
    try:
        return replace(job, document=reading.result())
    except CpcDraftError as error:
        return replace(job, error=str(error))


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
