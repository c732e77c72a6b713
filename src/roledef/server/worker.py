"""A child process that does the work a document could make too long: reading and checking it.

The command line guards each file with a ``SIGALRM`` time limit (:mod:`roledef.read.limits`),
which works only in a process's main thread; the server answers the editor from an event loop, so
a file is checked here instead, in the main thread of a child process, where that limit is armed
as in ``roledef lint``. The server waits for the answer a little longer than the limit; past that
the child is killed and the next job starts a new one, so no document can hang the server.

Jobs run one at a time, in order; each is a module-level function and its arguments, pickled.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from roledef.read.limits import time_limit_seconds

#: Seconds the server waits beyond the per-file time limit before it kills the child.
GRACE = 5.0


class WorkerError(Exception):
    """A job that gave no answer: it ran out of time, or the child process died."""


def _serve(conn: Connection) -> None:
    """The child's loop: run each job it is sent and send back (True, value) or (False, why)."""
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        func, args = job
        try:
            answer: tuple[bool, Any] = (True, func(*args))
        except Exception as exc:  # a bug of roledef's: the caller reports it on the document
            answer = (False, f"{type(exc).__name__}: {exc}")
        conn.send(answer)


class Worker:
    """One child process, started on first need and again after it is killed."""

    def __init__(self, timeout: float | None = None) -> None:
        self.timeout = time_limit_seconds() + GRACE if timeout is None else timeout
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None

    def call(self, func: Callable[..., Any], *args: Any, timeout: float | None = None) -> Any:
        """``func(*args)`` in the child; raises :class:`WorkerError` when it gives no answer
        within ``timeout`` seconds (default: the worker's), having killed the child."""
        with self._lock:
            conn = self._start()
            try:
                conn.send((func, args))
                if not conn.poll(self.timeout if timeout is None else timeout):
                    self._kill()
                    raise WorkerError("took too long to check and was given up")
                ok, value = conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                self._kill()
                raise WorkerError("stopped the checking process") from None
            if not ok:
                raise WorkerError(f"failed: {value}")
            return value

    @property
    def pid(self) -> int | None:
        """The child's process id, while it runs."""
        return None if self._process is None else int(self._process.pid)

    def _start(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self._kill()
        # spawn: a fork of a process with threads (the server's) may copy a held lock
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), daemon=True, name="roledef-check")
        process.start()
        child.close()
        self._process, self._conn = process, parent
        return parent

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def close(self) -> None:
        """Stop the child, if one runs."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
            if self._process is not None:
                self._process.join(2)
            self._kill()
