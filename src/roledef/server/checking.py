"""Checking files for the server: the child process (:mod:`~roledef.server.worker`) does the
work, awaited in one thread so that the event loop keeps answering the editor."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from roledef.config import Config
from roledef.lint.check import make_finding
from roledef.lint.result import FileResult
from roledef.lint.rules.unreadable_file import CODE as UNREADABLE
from roledef.model import Span
from roledef.server import jobs
from roledef.server.worker import Worker, WorkerError

#: Files per job of a workspace scan: each job has the worker's deadline.
SCAN_CHUNK = 16

T = TypeVar("T")


class Checking:
    """The checking process and the thread that waits for it."""

    def __init__(self, worker: Worker | None = None) -> None:
        self.worker = worker or Worker()
        # one thread waits for the checking process (which does one job at a time anyway)
        self._waiter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roledef-wait")

    async def off_loop(self, func: Callable[..., T], *args: Any) -> T:
        """``func(*args)`` in the thread that waits for the checking process."""
        return await asyncio.get_running_loop().run_in_executor(self._waiter, func, *args)

    async def scan(self, paths: Sequence[str], config: Config) -> list[FileResult]:
        """The results of files on disk, a chunk at a time."""
        results: list[FileResult] = []
        for i in range(0, len(paths), SCAN_CHUNK):
            results += await self.off_loop(self._scan_chunk, paths[i : i + SCAN_CHUNK], config)
        return results

    async def check(self, path: str, text: str | None, config: Config) -> FileResult:
        """The result of a text (or, with None, of the file on disk)."""
        return await self.off_loop(self._check_one, path, text, config)

    def close(self) -> None:
        self.worker.close()

    def _scan_chunk(self, paths: Sequence[str], config: Config) -> list[FileResult]:
        try:
            results: list[FileResult] = self.worker.call(
                jobs.scan, list(paths), config, timeout=self.worker.timeout * len(paths)
            )
        except WorkerError:  # one file at a time, to name the one that fails
            results = [self._check_one(p, None, config) for p in paths]
        return results

    def _check_one(self, path: str, text: str | None, config: Config) -> FileResult:
        """Check a text (or the file on disk), in the child; a check that gives no answer is
        an unreadable-file finding on the file, as in ``roledef lint``."""
        try:
            if text is None:
                scanned: list[FileResult] = self.worker.call(jobs.scan, [path], config)
                return scanned[0]
            result: FileResult = self.worker.call(jobs.check, path, text, config)
            return result
        except WorkerError as exc:
            message = f"the file {exc}"
            finding = make_finding(path, UNREADABLE, Span(1), message, config)
            return FileResult(path, (finding,), unreadable=True)
