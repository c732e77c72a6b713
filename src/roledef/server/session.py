"""What the server knows and does between requests: the open documents, the workspace's files,
checking a document and publishing what changed.

Checking is done by :mod:`~roledef.server.checking` (a child process, awaited in a thread so
that the event loop keeps answering); everything else runs on the loop. Diagnostics are published
for open documents only: the document checked, and any other whose cross-file findings changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Iterable, Sequence

from lsprotocol import types

from roledef.config import Config, ConfigError
from roledef.findings import Finding
from roledef.server.buffer import Document
from roledef.server.checking import Checking
from roledef.server.configs import Configs
from roledef.server.diagnostics import config_diagnostic, to_diagnostic
from roledef.server.files import excluded, project_files, role_file
from roledef.server.positions import UTF16
from roledef.server.state import GroupKey, State, group_key
from roledef.server.worker import Worker

#: Seconds a document's first check waits for the workspace scan, so that its first
#: diagnostics include the cross-file findings (a longer scan publishes them when done).
SCAN_WAIT = 2.0

Publish = Callable[[types.PublishDiagnosticsParams], None]
Log = Callable[[str], None]


class Session:
    """The server's documents and workspace, and the checking of them."""

    def __init__(self, publish: Publish, log: Log, worker: Worker | None = None) -> None:
        self.publish_params = publish
        self.log = log
        self.scanned = asyncio.Event()
        self.checking = Checking(worker)
        self.configs = Configs()
        self.state = State()
        self.docs: dict[str, Document] = {}
        self.encoding = UTF16
        self.folders: list[str] = []
        #: seconds of the last check, from its start to its diagnostics published
        self.last_latency = 0.0

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
            for path in project_files(folder, config):
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
        results = await self.checking.scan(paths, config)
        # an open document counts as the editor has it, once checked with this config
        buffers = {d.path: d.result for d in self.docs.values() if d.config == config}
        return self.state.put_many(config, [buffers.get(r.path) or r for r in results])

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
        result = await self.checking.check(doc.path, doc.text, config)
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
        result = await self.checking.check(path, None, config)
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
