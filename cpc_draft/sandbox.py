"""Work done aside in a forked child while this process does something else.

`compare` reads both drafts this way while spaCy is imported here: on a two-core machine
the two take about as long as each other. The child's return value comes back pickled
through a pipe. Where the system cannot fork, or the child fails without an answer,
the caller does the work itself, so nothing differs but the time it takes.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    """Fork where it is safe (not macOS, where system libraries break in forked children;
    not Windows, which has no fork)."""
    return hasattr(os, "fork") and sys.platform != "darwin"


class Aside:
    """``function()`` running in a forked child; :meth:`result` waits for its value."""

    def __init__(self, pid: int, pipe: int) -> None:
        self._pid = pid
        self._pipe = pipe

    def result(self) -> tuple[bool, Any]:
        """(True, value) once the child returned; (False, None) if it died without one."""
        try:
            with os.fdopen(self._pipe, "rb") as pipe:
                payload = pipe.read()
            _, status = os.waitpid(self._pid, 0)
        except BaseException:  # interrupted: take the child down with us
            self.cancel()
            raise
        if payload and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
            return True, pickle.loads(payload)
        return False, None

    def cancel(self) -> None:
        try:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def start(function: Callable[[], Any]) -> Aside | None:
    """Run ``function`` in a forked child; None where that cannot be done (the caller
    then calls it itself). The value must pickle; an exception it raises is the
    caller's to see again, so the child answers nothing and the caller repeats the work.
    """
    if not can_fork():
        return None
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no room for another process
        os.close(reader)
        os.close(writer)
        return None
    if pid == 0:  # the child: work, send the value, leave without running any cleanup
        code = 70
        try:
            os.close(reader)
            payload = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(payload)
            code = 0
        finally:
            os._exit(code)
    os.close(writer)
    return Aside(pid, reader)
