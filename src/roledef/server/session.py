"""What the server knows and does between requests: the open documents, the workspace's files,
checking a document and publishing what changed.

Checking is done by the child process (:mod:`~roledef.server.worker`), awaited in a thread so
that the event loop keeps answering; everything else runs on the loop. Diagnostics are published
for open documents only: the document checked, and any other whose cross-file findings changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from lsprotocol import types

from roledef.config import Config, ConfigError
from roledef.findings import Finding
from roledef.lint.check import make_finding
from roledef.lint.discover import ROLE_SUFFIXES, discover, matches, project_paths, relative
from roledef.lint.result import FileResult
from roledef.lint.rules.unreadable_file import CODE as UNREADABLE
from roledef.model import Span
from roledef.server import jobs
from roledef.server.buffer import Document
from roledef.server.configs import Configs
from roledef.server.diagnostics import config_diagnostic, to_diagnostic
from roledef.server.positions import UTF16
from roledef.server.state import GroupKey, State, group_key
from roledef.server.worker import Worker, WorkerError

#: Files per job of a workspace scan: each job has the worker's deadline.
SCAN_CHUNK = 16
#: Seconds a document's first check waits for the workspace scan, so that its first
#: diagnostics include the cross-file findings (a longer scan publishes them when done).
SCAN_WAIT = 2.0

T = TypeVar("T")
Publish = Callable[[types.PublishDiagnosticsParams], None]
Log = Callable[[str], None]


def role_file(path: str) -> bool:
    """Whether a folder walk would check ``path`` (by its name)."""
    name = os.path.basename(path)
    return name.lower().endswith(ROLE_SUFFIXES) and not name.startswith(".")


def excluded(path: str, config: Config) -> bool:
    """Whether the config's ``exclude`` leaves ``path`` out."""
    return bool(config.exclude) and matches(relative(path, config.root), config.exclude)


class Session:
    """The server's documents and workspace, and the checking of them."""

    def __init__(self, publish: Publish, log: Log, worker: Worker | None = None) -> None:
        self.publish_params = publish
        self.log = log
        self.scanned = asyncio.Event()
        self.worker = worker or Worker()
        self.configs = Configs()
        self.state = State()
        self.docs: dict[str, Document] = {}
        self.encoding = UTF16
        self.folders: list[str] = []
        #: seconds of the last check, from its start to its diagnostics published
        self.last_latency = 0.0
        # one thread waits for the checking process (which does one job at a time anyway)
        self._waiter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roledef-wait")

    async def off_loop(self, func: Callable[..., T], *args: Any) -> T:
        """``func(*args)`` in the thread that waits for the checking process."""
        return await asyncio.get_running_loop().run_in_executor(self._waiter, func, *args)

    # --- the workspace ---------------------------------------------------------------------
    async def scan(self, folders: Iterable[str]) -> None:
        """Check every role file of the workspace folders once, as ``roledef lint`` run in
        each folder finds them, each with its own config (the nearest above it), then publish
        the open documents that changed."""
        changed: set[str] = set()
        count = 0
        for folder in folders:
            config = self.configs.for_folder(folder)
            if isinstance(config, ConfigError):
                self.log(f"roledef: {config}")
                continue  # (each document of it says so too)
            by_config: dict[GroupKey, tuple[Config, list[str]]] = {}
            for path in self._project_files(folder, config):
                own = self.configs.for_file(path)
                if isinstance(own, Config) and not excluded(path, own):
                    by_config.setdefault(group_key(own), (own, []))[1].append(path)
            for own, paths in by_config.values():
                changed |= await self._scan_files(own, paths)
                count += len(paths)
        self.scanned.set()
        self.publish_paths(changed)
        files = "file" if count == 1 else "files"
        self.log(f"roledef: checked {count} {files} of the workspace")

    async def _scan_files(self, config: Config, paths: Sequence[str]) -> set[str]:
        results: list[FileResult] = []
        for i in range(0, len(paths), SCAN_CHUNK):
            chunk = paths[i : i + SCAN_CHUNK]
            results += await self.off_loop(self._scan_chunk, chunk, config)
        # an open document counts as the editor has it, once checked with this config
        buffers = {d.path: d.result for d in self.docs.values() if d.config == config}
        return self.state.put_many(config, [buffers.get(r.path) or r for r in results])

    def _project_files(self, folder: str, config: Config) -> list[str]:
        root = config.root if config.source else folder
        paths = [
            p if os.path.isabs(p) else os.path.join(os.getcwd(), p)
            for p in project_paths(config.include, root)
        ]
        if not config.include:
            paths = [folder]
        found = discover(paths, exclude=config.exclude, root=config.root)
        return sorted({os.path.abspath(p) for p in found if os.path.isfile(p)})

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

    # --- documents -------------------------------------------------------------------------
    async def check(self, uri: str) -> None:
        """Check an open document's current text and publish what changed."""
        doc = self.docs.get(uri)
        if doc is None:
            return
        if not self.scanned.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.scanned.wait(), SCAN_WAIT)
        started = time.perf_counter()
        config = self.configs.for_file(doc.path)
        if isinstance(config, ConfigError):
            self.docs[uri] = doc.replace(config=config, result=None)
            self._send(uri, [config_diagnostic(f"roledef: {config}")], doc.version)
            return
        if self.state.stale(config) and self.state.forget(config):
            # the config was edited: every file again, and the other open documents
            await self.scan(self.folders)
            for other in [u for u in self.docs if u != uri]:
                await self.check(other)
        if not role_file(doc.path) or excluded(doc.path, config):
            self.docs[uri] = doc.replace(config=config, result=None)
            self._send(uri, [], doc.version)
            self.publish_paths(self.state.drop(doc.path))  # (newly excluded: others may change)
            return
        result = await self.off_loop(self._check_one, doc.path, doc.text, config)
        current = self.docs.get(uri)
        if current is None or current.text != doc.text:
            return  # changed (or closed) while checked: the next check publishes
        self.docs[uri] = current.replace(result=result, config=config)
        changed = self.state.put(config, result) | {doc.path}
        self.publish_paths(changed)
        self.last_latency = time.perf_counter() - started

    async def close(self, uri: str) -> None:
        """Forget an open document: its file on disk counts again (or nothing, if gone)."""
        doc = self.docs.pop(uri, None)
        if doc is None:
            return
        self._send(uri, [], None)
        await self.file_changed(doc.path)

    async def file_changed(self, path: str) -> None:
        """A file changed on disk (and is not open): check it again, or forget it."""
        if any(d.path == path for d in self.docs.values()):
            return  # the editor's text counts
        config = self.configs.for_file(path)
        if (
            isinstance(config, ConfigError)
            or not os.path.isfile(path)
            or not role_file(path)
            or excluded(path, config)
        ):
            self.publish_paths(self.state.drop(path))
            return
        result = await self.off_loop(self._check_one, path, None, config)
        self.publish_paths(self.state.put(config, result))

    # --- publishing ------------------------------------------------------------------------
    def findings(self, doc: Document) -> list[Finding]:
        """An open document's final findings (none while it is not known)."""
        return self.state.findings(doc.path) or []

    def publish_paths(self, paths: Iterable[str]) -> None:
        """Publish the diagnostics of the open documents among ``paths``."""
        wanted = set(paths)
        for uri, doc in list(self.docs.items()):
            if doc.path in wanted and doc.result is not None:
                found = self.findings(doc)
                diagnostics = [to_diagnostic(f, doc.lines, self.encoding) for f in found]
                self._send(uri, diagnostics, doc.version)

    def _send(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.publish_params(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )
