"""A time limit per file: the last guard that a hostile file cannot hang a commit hook or CI.

The size limit (``max-file-size``), a linear compiled markdown parser, the YAML node budget and
linear regular expressions already bound the work per file; this bounds the rest, whatever a
future change lets through. See docs/robustness.md.

The limit uses ``SIGALRM``, so it applies on POSIX in the main thread of a process (the command
line, and each ``--jobs`` worker process); elsewhere it is not armed and the other limits stand
alone. It interrupts Python code only: a single regular expression or C call runs to its end,
which is why every pattern in roledef must stay linear (``tests/robust/test_regex.py``).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from roledef.read.source import SourceError

#: Seconds one file may take to read, parse, check and serialise (``ROLEDEF_TIME_LIMIT``).
#: A real role file takes a few milliseconds; ``0`` switches the limit off.
DEFAULT_TIME_LIMIT = 10.0


class TimeLimitError(SourceError):
    """A file that took longer than the time limit to process."""


def time_limit_seconds() -> float:
    """The limit in force: ``ROLEDEF_TIME_LIMIT`` when it is a number, else the default."""
    raw = os.environ.get("ROLEDEF_TIME_LIMIT", "").strip()
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_TIME_LIMIT
    except ValueError:
        return DEFAULT_TIME_LIMIT


def _can_arm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(path: str, seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`TimeLimitError` naming ``path`` if the block runs longer than ``seconds``.

    Nested use keeps the outer limit (the inner block runs unguarded by its own timer).
    """
    limit = time_limit_seconds() if seconds is None else seconds
    if limit <= 0 or not _can_arm() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return
    armed = [True]

    def expire(_signum: int, _frame: FrameType | None) -> None:
        if armed[0]:
            raise TimeLimitError(
                path,
                f"took more than {limit:g} s to process and was given up "
                "(a pathological file? ROLEDEF_TIME_LIMIT sets the limit)",
            )

    previous = signal.signal(signal.SIGALRM, expire)
    # the timer fires again every second until disarmed, in case a library swallows the error
    signal.setitimer(signal.ITIMER_REAL, limit, 1.0)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
