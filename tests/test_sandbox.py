"""The sandbox: work submitted runs in a child and comes back as if done here.

- the value, or the exception raised (class, message and attributes), comes back;
- an unlimited child that dies or whose answer does not pickle has its work done here,
  as where the system cannot fork: the same result either way;
- a limited child is bounded in memory and CPU time; when it dies the exception its
  limits name is raised, and the work is not repeated here;
- a limited submit inside a child is bounded there, and its failure is reported so;
- an interrupt leaves no child behind.
"""

from __future__ import annotations

import os
import select
import signal
import time
from pathlib import Path

import pytest

from cpc_draft import sandbox
from cpc_draft.errors import InputFileError

needs_fork = pytest.mark.skipif(not sandbox.can_fork(), reason="the system cannot fork")


def _limits(cpu_seconds: float = 30.0, memory: int = 256 << 20) -> sandbox.Limits:
    return sandbox.Limits(
        memory=memory,
        cpu_seconds=cpu_seconds,
        failed=InputFileError(Path("hostile.pdf"), "failed"),
        too_slow=InputFileError(Path("hostile.pdf"), "took too long"),
    )


def _sum(*numbers: int, times: int = 1) -> dict:
    return {"total": sum(numbers) * times}


def _refuse(path: Path) -> None:
    raise InputFileError(path, "is not a draft")


def _unpicklable():
    return lambda: None


def _dies_first(marker: Path) -> str:
    """Dies the first time it runs (in the child), answers the second (here)."""
    if not marker.exists():
        marker.write_text("ran once")
        os._exit(3)
    return "done again"


def _count_and_abort(log: Path) -> None:
    with log.open("a") as out:
        out.write("ran\n")
    os.abort()


def _allocate_without_bound() -> None:
    hoard = []
    while True:
        hoard.append(bytearray(16 << 20))


def _loop() -> None:
    while True:
        pass


def _submit_limited(function, limits: sandbox.Limits):
    """A child's work that submits limited work in turn, as a read-ahead reads a PDF."""
    return sandbox.submit(function, limits=limits).result()


def _sleep() -> None:
    time.sleep(600)


# -- answers --------------------------------------------------------------------------------


@pytest.mark.parametrize("forking", [True, False], ids=["forked", "here"])
def test_the_value_comes_back(monkeypatch, forking):
    if not forking:
        monkeypatch.setenv("CPC_DRAFT_SANDBOX", "0")
    assert sandbox.submit(_sum, 1, 2, times=3).result() == {"total": 9}


@pytest.mark.parametrize("forking", [True, False], ids=["forked", "here"])
def test_an_exception_comes_back_whole(monkeypatch, forking):
    if not forking:
        monkeypatch.setenv("CPC_DRAFT_SANDBOX", "0")
    with pytest.raises(InputFileError) as raised:
        sandbox.submit(_refuse, Path("a.docx")).result()
    assert (raised.value.path, raised.value.problem) == (Path("a.docx"), "is not a draft")
    assert str(raised.value) == "a.docx: is not a draft"


@needs_fork
def test_an_answer_that_does_not_pickle_is_worked_out_here():
    assert callable(sandbox.submit(_unpicklable).result())


@needs_fork
def test_a_child_that_dies_without_an_answer_has_its_work_done_here(tmp_path):
    marker = tmp_path / "marker"
    assert sandbox.submit(_dies_first, marker).result() == "done again"
    assert marker.read_text() == "ran once"


def test_gathered_work_comes_back_in_order_and_the_first_error_wins():
    pendings = [sandbox.submit(_sum, n) for n in (1, 2, 3)]
    assert sandbox.gather(pendings).result() == [{"total": 1}, {"total": 2}, {"total": 3}]
    failing = [sandbox.submit(_sum, 1), sandbox.submit(_refuse, Path("b.pdf"))]
    failing.append(sandbox.submit(_refuse, Path("c.pdf")))
    with pytest.raises(InputFileError) as raised:
        sandbox.gather(failing).result()
    assert raised.value.path == Path("b.pdf")


# -- limits ---------------------------------------------------------------------------------


@needs_fork
def test_memory_is_bounded():
    with pytest.raises(MemoryError):
        sandbox.submit(_allocate_without_bound, limits=_limits()).result()


@needs_fork
def test_cpu_time_is_bounded():
    start = time.perf_counter()
    with pytest.raises(InputFileError, match="took too long"):
        sandbox.submit(_loop, limits=_limits(cpu_seconds=1)).result()
    assert time.perf_counter() - start < 30  # a guard against hangs, not a speed assertion


@needs_fork
def test_a_limited_child_that_dies_is_reported_and_not_repeated_here(tmp_path):
    log = tmp_path / "log"
    with pytest.raises(InputFileError, match="failed"):
        sandbox.submit(_count_and_abort, log, limits=_limits()).result()
    assert log.read_text() == "ran\n"


@needs_fork
@pytest.mark.parametrize(
    ("work", "problem"), [(_loop, "took too long"), (os.abort, "failed")], ids=["loop", "crash"]
)
def test_limited_work_inside_a_child_is_bounded_there_and_reported_so(work, problem):
    pending = sandbox.submit(_submit_limited, work, _limits(cpu_seconds=1))
    with pytest.raises(InputFileError) as raised:
        pending.result()
    assert raised.value.problem == problem


def test_without_fork_limited_work_runs_here(monkeypatch):
    monkeypatch.setenv("CPC_DRAFT_SANDBOX", "0")
    assert sandbox.submit(_sum, 4, limits=_limits()).result() == {"total": 4}


# -- interrupts -----------------------------------------------------------------------------


def _held_pipe() -> tuple[int, int]:
    """A pipe whose write end the next child holds: its read end sees the end of file
    once that child is gone."""
    return os.pipe()


def _gone(read_end: int) -> bool:
    ready, _, _ = select.select([read_end], [], [], 10)
    return bool(ready) and os.read(read_end, 1) == b""


@needs_fork
def test_an_interrupt_while_the_caller_works_leaves_no_child():
    read_end, write_end = _held_pipe()
    with pytest.raises(KeyboardInterrupt), sandbox.submit(_sleep):
        os.close(write_end)
        raise KeyboardInterrupt  # as Ctrl-C while spaCy loads
    assert _gone(read_end)


@needs_fork
def test_an_interrupt_while_waiting_for_the_answer_leaves_no_child():
    read_end, write_end = _held_pipe()
    pending = sandbox.submit(_sleep)
    os.close(write_end)

    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        with pytest.raises(KeyboardInterrupt):
            pending.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert _gone(read_end)


@needs_fork
def test_gathered_work_that_fails_leaves_no_child():
    read_end, write_end = _held_pipe()
    pendings = [sandbox.submit(_refuse, Path("a.pdf")), sandbox.submit(_sleep)]
    os.close(write_end)
    with pytest.raises(InputFileError):
        sandbox.gather(pendings).result()
    assert _gone(read_end)
