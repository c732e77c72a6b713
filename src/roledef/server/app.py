"""The language server: pygls's server, the handlers of the protocol's requests, and the
debounce of changes. The work is done by :class:`~roledef.server.session.Session` and the
feature modules; each handler only finds the document and hands over."""

from __future__ import annotations

import asyncio
import os
import re
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from roledef import __version__
from roledef.config import FILE_NAMES, Config
from roledef.findings import Finding
from roledef.lint.discover import ROLE_SUFFIXES
from roledef.server import actions, completion, hover, jobs
from roledef.server.buffer import Document
from roledef.server.diagnostics import SOURCE, finding_range
from roledef.server.positions import from_client
from roledef.server.protocol import Protocol
from roledef.server.session import Session
from roledef.server.symbols import Outliner
from roledef.server.worker import WorkerError

#: Seconds after the last change before a document is checked (``debounceMs`` in the client's
#: ``initializationOptions``).
DEBOUNCE = 0.2
#: The command that applies every safe fix of a document (its URI the one argument).
FIX_ALL_COMMAND = "roledef.fixAll"

_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+")


class RoledefServer(LanguageServer):
    """pygls's server, with the session and the pending checks."""

    def __init__(self) -> None:
        super().__init__("roledef", __version__, protocol_cls=Protocol)
        self.session = Session(self.text_document_publish_diagnostics, self.log)
        self.debounce = DEBOUNCE
        #: offer the fixes that need ``--unsafe-fixes`` too (``unsafeFixes``)
        self.unsafe = False
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.tasks: set[asyncio.Task[None]] = set()

    def log(self, message: str) -> None:
        """A line for the client's log of the server."""
        self.window_log_message(types.LogMessageParams(types.MessageType.Info, message))

    def document(self, uri: str) -> Document | None:
        return self.session.docs.get(uri)

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, unless another change comes first."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay, self._start, uri)

    def _start(self, uri: str) -> None:
        self.pending.pop(uri, None)
        self.spawn(self.session.check(uri))

    def spawn(self, job: Any) -> None:
        task: asyncio.Task[None] = asyncio.ensure_future(job)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def take_text(self, uri: str, version: int | None) -> None:
        """Keep the document's current text (pygls applies the changes)."""
        text = self.workspace.get_text_document(uri).source
        path = to_fs_path(uri) or uri
        old = self.session.docs.get(uri)
        result, config = (old.result, old.config) if old is not None else (None, None)
        self.session.docs[uri] = Document(uri, path, text, version, result, config)


server = RoledefServer()


@server.feature(types.INITIALIZE)
def initialize(ls: RoledefServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounceMs"), int | float):
        ls.debounce = max(0.0, float(options["debounceMs"]) / 1000)
    if isinstance(options, dict) and isinstance(options.get("unsafeFixes"), bool):
        ls.unsafe = options["unsafeFixes"]
    encoding = ls.workspace.position_encoding
    ls.session.encoding = str(getattr(encoding, "value", encoding) or "utf-16")
    folders = [to_fs_path(f.uri) for f in params.workspace_folders or []]
    if not folders and params.root_uri:
        folders = [to_fs_path(params.root_uri)]
    ls.session.folders = [os.path.abspath(f) for f in folders if f]
    ls.session.configs.folders = ls.session.folders


@server.feature(types.INITIALIZED)
def initialized(ls: RoledefServer, params: types.InitializedParams) -> None:
    ls.spawn(ls.session.scan(ls.session.folders))
    watch = ls.client_capabilities.workspace
    dynamic = watch and watch.did_change_watched_files
    if dynamic and dynamic.dynamic_registration:
        globs = [f"**/*{s}" for s in ROLE_SUFFIXES] + [f"**/{n}" for n in FILE_NAMES]
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in globs]
        registration = types.Registration(
            id="roledef-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: RoledefServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.take_text(params.text_document.uri, params.text_document.version)
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: RoledefServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.take_text(params.text_document.uri, params.text_document.version)
    ls.schedule(params.text_document.uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: RoledefServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
async def did_close(ls: RoledefServer, params: types.DidCloseTextDocumentParams) -> None:
    handle = ls.pending.pop(params.text_document.uri, None)
    if handle is not None:
        handle.cancel()
    await ls.session.close(params.text_document.uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(
    ls: RoledefServer, params: types.DidChangeWatchedFilesParams
) -> None:
    for change in params.changes:
        path = to_fs_path(change.uri)
        if path is None:
            continue
        if path.rsplit("/", 1)[-1] in FILE_NAMES:
            # (configs are read again when their files change: a new check sees it)
            for uri in list(ls.session.docs):
                await ls.session.check(uri)
            continue
        await ls.session.file_changed(path)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def on_hover(ls: RoledefServer, params: types.HoverParams) -> types.Hover | None:
    doc = ls.document(params.text_document.uri)
    if doc is None:
        return None
    here = params.position
    found = [f for f in ls.session.findings(doc) if _contains(_range(ls, doc, f), here)]
    if found:
        text = hover.finding_hover(found)
        return types.Hover(types.MarkupContent(types.MarkupKind.PlainText, text))
    role = doc.result.role if doc.result is not None else None
    heading = hover.heading_at(role, here.line + 1) if role is not None else None
    if role is None or heading is None:
        return None
    text = hover.heading_hover(role, heading)
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


@server.feature(types.TEXT_DOCUMENT_COMPLETION)
def on_completion(ls: RoledefServer, params: types.CompletionParams) -> types.CompletionList:
    doc = ls.document(params.text_document.uri)
    items: list[types.CompletionItem] = []
    if doc is not None and 0 <= params.position.line < len(doc.lines):
        role = doc.result.role if doc.result is not None else None
        line = doc.lines[params.position.line]
        cursor = from_client(line, params.position.character, ls.session.encoding)
        heading = _HEADING_RE.match(line[:cursor])
        if completion.in_front_matter(role, doc.lines, params.position.line):
            if ":" not in line[:cursor] and isinstance(doc.config, Config):
                items = completion.front_matter_items(doc.config, role)
        elif heading is not None:
            start = types.Position(params.position.line, heading.end())
            items = completion.heading_items(types.Range(start, params.position))
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def on_symbols(ls: RoledefServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
    doc = ls.document(params.text_document.uri)
    role = doc.result.role if doc is not None and doc.result is not None else None
    if doc is None or role is None:
        return []
    return Outliner(doc.lines, ls.session.encoding).outline(role)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
)
async def on_code_action(
    ls: RoledefServer, params: types.CodeActionParams
) -> list[types.CodeAction]:
    doc = ls.document(params.text_document.uri)
    if doc is None or doc.result is None or not isinstance(doc.config, Config):
        return []
    findings = ls.session.findings(doc)
    only = params.context.only
    out: list[types.CodeAction] = []
    if only is None or types.CodeActionKind.QuickFix in only:
        for diagnostic in params.context.diagnostics:
            finding = _finding_of(diagnostic, findings)
            if finding is not None:
                out += await _quick_fixes(ls, doc, doc.config, finding, diagnostic)
    wants_all = only is None or any(actions.FIX_ALL.startswith(k) for k in only)
    if wants_all and any(f.fixable for f in findings):
        edit = await _fix_edit(ls, doc, doc.config, None)
        if edit is not None:
            kind = actions.FIX_ALL
            out.append(types.CodeAction("Fix all roledef findings", kind=kind, edit=edit))
    return out


@server.command(FIX_ALL_COMMAND)
async def fix_all(ls: RoledefServer, uri: str) -> bool:
    """Apply every safe fix of the document ``uri`` (``workspace/applyEdit``)."""
    doc = ls.document(uri)
    if doc is None or not isinstance(doc.config, Config):
        return False
    edit = await _fix_edit(ls, doc, doc.config, None)
    if edit is None:
        return False
    answer = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit))
    return bool(answer.applied)


async def _quick_fixes(
    ls: RoledefServer,
    doc: Document,
    config: Config,
    finding: Finding,
    diagnostic: types.Diagnostic,
) -> list[types.CodeAction]:
    out = []
    quick = types.CodeActionKind.QuickFix
    if finding.fixable:
        edit = await _fix_edit(ls, doc, config, (finding.line, finding.column, finding.code))
        if edit is not None:
            title = f"Fix {finding.code} ({finding.rule})"
            out.append(
                types.CodeAction(
                    title, kind=quick, diagnostics=[diagnostic], edit=edit, is_preferred=True
                )
            )
    role = doc.result.role if doc.result is not None else None
    made = role and actions.suppression_edit(
        role, doc.lines, finding, doc.newline, ls.session.encoding
    )
    if made:
        title, text_edit = made
        edit = actions.workspace_edit(doc.uri, doc.version, [text_edit])
        out.append(types.CodeAction(title, kind=quick, diagnostics=[diagnostic], edit=edit))
    return out


async def _fix_edit(
    ls: RoledefServer, doc: Document, config: Config, only: jobs.FindingKey | None
) -> types.WorkspaceEdit | None:
    worker = ls.session.checking.worker
    try:
        fixed = await ls.session.checking.off_loop(
            worker.call, jobs.fix, doc.path, doc.text, config, only, ls.unsafe
        )
    except WorkerError:
        return None
    if fixed is None:
        return None
    text_edit = actions.text_edit(doc.lines, fixed, doc.newline, ls.session.encoding)
    return actions.workspace_edit(doc.uri, doc.version, [text_edit])


def _finding_of(diagnostic: types.Diagnostic, findings: list[Finding]) -> Finding | None:
    data = diagnostic.data
    if diagnostic.source != SOURCE or not isinstance(data, dict):
        return None
    key = (data.get("line"), data.get("column"), diagnostic.code)
    return next((f for f in findings if (f.line, f.column, f.code) == key), None)


def _range(ls: RoledefServer, doc: Document, finding: Finding) -> types.Range:
    return finding_range(finding, doc.lines, ls.session.encoding)


def _contains(where: types.Range, at: types.Position) -> bool:
    start, end = where.start, where.end
    return (start.line, start.character) <= (at.line, at.character) <= (end.line, end.character)


@server.feature(types.SHUTDOWN)
def on_shutdown(ls: RoledefServer, params: Any) -> None:
    for handle in ls.pending.values():
        handle.cancel()
    ls.session.checking.close()
