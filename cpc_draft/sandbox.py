"""Process isolation and read-ahead, in one place: work submitted here runs in a forked child.

    pending = sandbox.submit(read_document, path)  # the child starts reading at once
    load_pipeline("en")                            # this process, meanwhile
    document = pending.result()                    # the child's answer

Two reasons to run work in a child:

- **read-ahead**: reading a 45-page PDF takes about as long as importing spaCy; on two
  cores the two run at once (`check`, `compare`; `check --jobs` reads one file per
  worker ahead, then forks its workers warm);
- **isolation**: PDFium is C++, and a hostile file that makes it exhaust memory, crash or
  loop must end in a one-line message naming the file, not take the command down. Work
  submitted with :class:`Limits` runs in a child whose address space may grow by
  ``memory`` over what it inherits and whose CPU time is capped (``cpu_seconds``, and
  :func:`allow_cpu` once the size of the work is known: pages).

What :meth:`Pending.result` gives: the function's value, or the exception it raised (an
exception crosses the pipe with its class, arguments and attributes). A limited child
that dies without an answer raises the exception its :class:`Limits` name: the input may
be hostile, so the work is never repeated here. An unlimited child that dies without an
answer (or whose answer does not pickle) has its work done again here, as where the
system cannot fork: nothing differs but the time it takes.

Limits belong to the work, not to whoever waits for it. The PDF reader submits PDFium's
part with limits; when that happens inside a child already (`check` reads its first draft
ahead in one; `compare`'s reading process reads each PDF version in one), the child takes
the limits on itself, runs the work without a second fork and tells its parent which
failure its death would mean. So a read-ahead child is one process, and PDFium is bounded
wherever it runs.

An exception here (Ctrl-C included) never leaves a child behind: :meth:`Pending.result`
kills its child when interrupted, and a Pending used as a context manager kills the child
it did not collect. A child of the main process leads a process group, which its own
children join, and the whole group is killed: `compare`'s reading process forks a reader
per PDF version. (Ctrl-C at the terminal thus reaches the main process only, which ends them.)

``CPC_DRAFT_SANDBOX=0`` runs all work in this process, without limits (a debugger or
profiler does not follow a fork).
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import os
import pickle
import resource
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_VALUE, _RAISED, _LIMITED = "value", "raised", "limited"
_NO_ANSWER = 70  # the child's exit code when it could not send an answer


@dataclass(frozen=True)
class Limits:
    """What a child may use, and what :meth:`Pending.result` raises when it dies trying."""

    memory: int  # bytes of address space the child may add to what it has
    cpu_seconds: float  # CPU time; allow_cpu() adds to it once the work's size is known
    failed: BaseException  # raised for a child that died without an answer (crash, memory)
    too_slow: BaseException  # raised for a child stopped at its CPU-time limit


def can_fork(*, isolating: bool = False) -> bool:
    """Fork where it is safe: not on Windows (no fork), not on macOS for mere read-ahead
    (system libraries break in forked children there); work that needs isolation forks
    on macOS too, since its child runs PDFium only."""
    if os.environ.get("CPC_DRAFT_SANDBOX", "1") == "0" or not hasattr(os, "fork"):
        return False
    return isolating or sys.platform != "darwin"


def submit(
    function: Callable[..., T], *args: Any, limits: Limits | None = None, **kwargs: Any
) -> Pending[T]:
    """Start ``function(*args, **kwargs)`` in a child and return at once; see the module."""
    work = _Work(function, args, kwargs)
    if limits is not None and _parent_pipe is not None:
        return Pending(work, limits, in_place=True)  # a child already takes them on
    child = _fork(work, limits) if can_fork(isolating=limits is not None) else None
    return Pending(work, limits, child=child)


def gather(pendings: list[Pending[T]]) -> Pending[list[T]]:
    """One Pending for several: its result is theirs in order; the first to raise stops
    the others."""
    return Pending(_Work(_results, (pendings,), {}), None, parts=pendings)


def allow_cpu(seconds: float) -> None:
    """In a limited child: allow ``seconds`` more CPU time (elsewhere nothing to do)."""
    if _limited:
        soft, _ = resource.getrlimit(resource.RLIMIT_CPU)
        _lower(resource.RLIMIT_CPU, int(soft + seconds) + 1, loosen=True)


class Pending(Generic[T]):
    """Work submitted: :meth:`result` waits for it (once), :meth:`cancel` abandons it."""

    def __init__(
        self,
        work: _Work,
        limits: Limits | None,
        *,
        child: _Child | None = None,
        in_place: bool = False,
        parts: list[Pending] | tuple[Pending, ...] = (),
    ) -> None:
        self._work = work
        self._limits = limits
        self._child = child  # None: the work is done here, in result()
        self._in_place = in_place  # done here, in a child that takes on the limits
        self._parts = tuple(parts)

    def result(self) -> T:
        """The function's value; see the module for what else may come of it."""
        try:
            if self._child is not None:
                return self._child.answer(self._limits, self._work)
            if self._in_place:
                _limit_here(self._limits)
            return self._work.run()
        except BaseException:
            self.cancel()
            raise

    def cancel(self) -> None:
        """Kill the child if it still runs (and those of the work gathered here)."""
        for part in self._parts:
            part.cancel()
        if self._child is not None:
            self._child.kill()

    def __enter__(self) -> Pending[T]:
        return self

    def __exit__(self, *exception) -> None:
        self.cancel()


@dataclass(frozen=True)
class _Work:
    function: Callable
    args: tuple
    kwargs: dict

    def run(self):
        return self.function(*self.args, **self.kwargs)


def _results(pendings: list[Pending[T]]) -> list[T]:
    return [pending.result() for pending in pendings]


# -- the child --------------------------------------------------------------------------------

_parent_pipe: int | None = None  # in a child: where its answer goes
_limited = False  # in a child: limits apply


def _fork(work: _Work, limits: Limits | None) -> _Child | None:
    # A child of the main process leads a process group of its own, which its children
    # join: killing the group leaves no grandchild behind (compare's reader forks two).
    leads = _parent_pipe is None
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no room for another process
        os.close(reader)
        os.close(writer)
        return None
    if pid == 0:
        _serve(reader, writer, work, limits, leads)
    os.close(writer)
    if leads:
        _join_own_group(pid)
    return _Child(pid, reader, leads)


def _join_own_group(pid: int) -> None:
    """Also from this side, so that the group exists before :meth:`_Child.kill` needs it."""
    with contextlib.suppress(OSError):  # done by the child already, or the child is gone
        os.setpgid(pid, pid)


def _serve(reader: int, writer: int, work: _Work, limits: Limits | None, leads: bool) -> None:
    """In the child: do the work, send the answer, leave without running any cleanup
    (whatever happens, the child never returns into its parent's code)."""
    global _parent_pipe, _limited
    code = _NO_ANSWER
    try:
        os.close(reader)
        if leads:
            os.setpgid(0, 0)
        if _parent_pipe is not None:  # a grandchild: its parent's pipe is not its own
            os.close(_parent_pipe)
        _parent_pipe, _limited = writer, False
        if limits is not None:
            _apply(limits)
        try:
            answer: tuple = (_VALUE, work.run())
        except Exception as error:
            answer = (_RAISED, _portable(error))
        _send(answer)
        code = 0
    finally:
        os._exit(code)


def _limit_here(limits: Limits) -> None:
    """In a child: take on ``limits`` (never loosening any) and tell the parent."""
    _send((_LIMITED, _portable(limits.failed), _portable(limits.too_slow)))
    _apply(limits)


def _apply(limits: Limits) -> None:
    global _limited
    _lower(resource.RLIMIT_CORE, 0)  # a crash is the parent's to report, in one line:
    faulthandler.disable()  # no core file, no traceback dump
    size = _address_space()
    if size is not None:
        _lower(resource.RLIMIT_AS, size + limits.memory)
    used = resource.getrusage(resource.RUSAGE_SELF)
    _lower(resource.RLIMIT_CPU, int(used.ru_utime + used.ru_stime + limits.cpu_seconds) + 1)
    _limited = True


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):  # not Linux: no memory limit
        return None


def _lower(which: int, value: int, *, loosen: bool = False) -> None:
    """Set the soft limit to ``value``, never above the hard limit (nor, unless
    ``loosen``, above the soft limit already set)."""
    soft, hard = resource.getrlimit(which)
    for current in (hard,) if loosen else (soft, hard):
        if current != resource.RLIM_INFINITY:
            value = min(value, current)
    resource.setrlimit(which, (value, hard))


def _send(frame: tuple) -> None:
    payload = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(payload)
    while view:
        view = view[os.write(_parent_pipe, view) :]


def _portable(error: BaseException) -> tuple:
    """An exception as its class, arguments and attributes: errors whose constructor takes
    other arguments than they keep (InputFileError) cross the pipe whole."""
    return (type(error), error.args, vars(error))


def _rebuilt(kind: type[BaseException], args: tuple, state: dict) -> BaseException:
    error = kind.__new__(kind, *args)
    error.args = args
    error.__dict__.update(state)
    return error


# -- the parent's side ------------------------------------------------------------------------


class _Child:
    def __init__(self, pid: int, pipe: int, leads_group: bool) -> None:
        self.pid: int | None = pid  # None once reaped: the number may be another's by then
        self.pipe = pipe
        self.leads_group = leads_group

    def answer(self, limits: Limits | None, work: _Work):
        """The value the child sent, or the exception it raised or died of."""
        with os.fdopen(self.pipe, "rb") as pipe:
            self.pipe = -1
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        frames = _frames(payload)
        failures = (limits.failed, limits.too_slow) if limits else None
        for frame in frames:
            if frame[0] == _LIMITED:  # it took limits on itself
                failures = (_rebuilt(*frame[1]), _rebuilt(*frame[2]))
        answered = bool(frames) and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        if answered and frames[-1][0] == _VALUE:
            return frames[-1][1]
        if answered and frames[-1][0] == _RAISED:
            raise _rebuilt(*frames[-1][1])
        if failures is not None:
            out_of_time = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU
            raise failures[1] if out_of_time else failures[0]
        return work.run()  # no answer: the work is done here instead

    def kill(self) -> None:
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        with contextlib.suppress(ProcessLookupError):
            (os.killpg if self.leads_group else os.kill)(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):  # reaped by someone else
            os.waitpid(pid, 0)


def _frames(payload: bytes) -> list[tuple]:
    """The frames the child sent, up to the first cut short."""
    stream = io.BytesIO(payload)
    frames = []
    while stream.tell() < len(payload):
        try:
            frames.append(pickle.load(stream))
        except Exception:  # the child died writing, or the answer cannot be rebuilt here
            break
    return frames
