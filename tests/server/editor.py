"""An editor for the tests: a real LSP client (pytest-lsp's, built on pygls) that starts
``python -m roledef server`` from this checkout as a subprocess and drives it as an editor does.

The tests are ``async`` functions run with :func:`run`; each starts one server.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from tests.helpers import ROOT

SRC = str(ROOT / "src")
#: Seconds to wait for the server's diagnostics before a test fails.
WAIT = 30.0


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    """Run one async scenario to its end."""
    asyncio.run(scenario())


def server_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": SRC, "ROLEDEF_NO_CACHE": "1", **extra}
    env.pop("ROLEDEF_DEBUG", None)
    return env


def lint_json(cwd: Path, *args: str) -> list[dict[str, Any]]:
    """``roledef lint --output-format json ARGS`` of this checkout, run in ``cwd``."""
    done = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--no-cache", "--output-format", "json", *args],
        cwd=cwd,
        env=server_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1, 2), done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def expected_diagnostic(finding: dict[str, Any], text: str) -> tuple[Any, ...]:
    """What the server must publish for a finding of ``roledef lint --output-format json``:
    0-based lines, UTF-16 columns, the end just after the (inclusive) end column."""
    lines = split(text)
    line = finding["line"] - 1
    start = (line, utf16(lines[line][: finding["column"] - 1]))
    if finding["end_line"] is None or finding["end_column"] is None:
        end = (line, utf16(lines[line]))
    else:
        end_line = finding["end_line"] - 1
        end = (end_line, utf16(lines[end_line][: finding["end_column"]]))
    severity = 1 if finding["severity"] == "error" else 2
    return (start, end, finding["code"], severity, finding["message"], finding["rule"])


def published(diagnostic: types.Diagnostic) -> tuple[Any, ...]:
    r = diagnostic.range
    data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
    assert diagnostic.source == "roledef"
    return (
        (r.start.line, r.start.character),
        (r.end.line, r.end.character),
        diagnostic.code,
        int(diagnostic.severity or 0),
        diagnostic.message,
        data.get("rule"),
    )


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """``text`` with LSP text edits applied (UTF-16 positions), as an editor applies them."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += utf16(char)
        return before + len(line)

    spans = sorted((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits)
    for start, end, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    """The text edits a workspace edit makes to ``uri``."""
    if edit.changes:
        return list(edit.changes.get(uri, []))
    out: list[types.TextEdit] = []
    for change in edit.document_changes or []:
        if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri:
            out += [e for e in change.edits if isinstance(e, types.TextEdit)]
    return out


class Editor:
    """A client connected to a running server, with the documents it has open."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.applied: list[types.WorkspaceEdit] = []
        #: uri -> (version, diagnostics) of the last publication
        self.latest: dict[str, tuple[int | None, Sequence[types.Diagnostic]]] = {}

    @classmethod
    async def start(
        cls, folder: Path, *, debounce_ms: int = 20, env: dict[str, str] | None = None
    ) -> Editor:
        holder: list[Editor] = []

        def factory() -> LanguageClient:
            client = LanguageClient(converter_factory=default_converter)
            features = dict(DEFAULT_CLIENT_FEATURES)
            features.pop(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            register_lsp_features(client, features)
            editor = cls(client)
            holder.append(editor)

            @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            def publish(params: types.PublishDiagnosticsParams) -> None:
                editor.latest[params.uri] = (params.version, params.diagnostics)

            @client.feature(types.WORKSPACE_APPLY_EDIT)
            def apply_edit(
                params: types.ApplyWorkspaceEditParams,
            ) -> types.ApplyWorkspaceEditResult:
                editor.applied.append(params.edit)
                return types.ApplyWorkspaceEditResult(applied=True)

            return client

        config = ClientServerConfig(
            server_command=[sys.executable, "-m", "roledef", "server"],
            server_env=env or server_env(),
            client_factory=factory,
        )
        await config.start()
        editor = holder[0]
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(apply_edit=True)
        )
        await editor.client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities,
                workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(folder)), name="w")],
                initialization_options={"debounceMs": debounce_ms},
            )
        )
        await editor.scanned()
        return editor

    async def scanned(self) -> None:
        """Wait until the server has checked the workspace's files."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT * 4
        while loop.time() < deadline:
            if any("of the workspace" in m.message for m in self.client.log_messages):
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the server did not check the workspace")

    async def stop(self) -> None:
        await self.client.shutdown_session()

    def uri(self, path: Path) -> str:
        uri = from_fs_path(str(path))
        assert uri is not None
        return uri

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics of ``uri`` once published for ``version`` (its latest by default)."""
        want = self.versions.get(uri) if version is None else version
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT
        while loop.time() < deadline:
            if self.client.error is not None:
                raise AssertionError(f"the server failed: {self.client.error}")
            got = self.latest.get(uri)
            if got is not None and (want is None or got[0] == want):
                return list(got[1])
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics for {uri} version {want} within {WAIT} s")

    async def open(self, path: Path, text: str | None = None) -> list[types.Diagnostic]:
        uri = self.uri(path)
        text = path.read_text(encoding="utf-8") if text is None else text
        language = "yaml" if path.suffix in (".yaml", ".yml") else "markdown"
        self.versions[uri] = 1
        self.texts[uri] = text
        self.latest.pop(uri, None)
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, 1, text))
        )
        return await self.diagnostics(uri)

    async def change(self, path: Path, text: str) -> list[types.Diagnostic]:
        """Replace the whole text (a full change), and wait for the diagnostics."""
        uri = self.uri(path)
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return await self.diagnostics(uri)

    async def actions(
        self, path: Path, diagnostics: Sequence[types.Diagnostic], only: list[str] | None = None
    ) -> list[types.CodeAction]:
        uri = self.uri(path)
        where = (
            diagnostics[0].range
            if diagnostics
            else types.Range(types.Position(0, 0), types.Position(0, 0))
        )
        context = types.CodeActionContext(diagnostics=list(diagnostics), only=only)
        found = await self.client.text_document_code_action_async(
            types.CodeActionParams(types.TextDocumentIdentifier(uri), where, context)
        )
        return [a for a in found or [] if isinstance(a, types.CodeAction)]

    async def apply(self, path: Path, action: types.CodeAction) -> list[types.Diagnostic]:
        """Apply a code action's edit as the editor does (a change of the document)."""
        assert action.edit is not None
        uri = self.uri(path)
        text = apply_edits(self.texts[uri], edits_of(action.edit, uri))
        return await self.change(path, text)
