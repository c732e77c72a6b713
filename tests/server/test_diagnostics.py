"""The server's diagnostics are ``roledef lint``'s: on the real corpus, as a document changes,
across files (duplicate-role), and on broken documents."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.server.editor import Editor, expected_diagnostic, lint_json, published, run

pytestmark = pytest.mark.slow


def _by_file(found: list[dict[str, Any]], folder: Path) -> dict[Path, list[dict[str, Any]]]:
    out: dict[Path, list[dict[str, Any]]] = defaultdict(list)
    for finding in found:
        out[(folder / finding["path"]).resolve()].append(finding)
    return out


def _expected(findings: list[dict[str, Any]], text: str) -> list[tuple[Any, ...]]:
    return sorted(expected_diagnostic(f, text) for f in findings)


def _roles(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix in (".md", ".yaml", ".yml")
    )


@pytest.mark.corpus
def test_every_corpus_file_gets_the_findings_of_lint(corpus: Path) -> None:
    """Every file of the corpus, open in one workspace, gets exactly the findings of
    ``roledef lint --output-format json`` run there: codes, severities, messages and ranges,
    duplicate-role across the files included."""
    lint = _by_file(lint_json(corpus), corpus)
    assert any(f["code"] == "RD401" for found in lint.values() for f in found)

    async def scenario() -> None:
        editor = await Editor.start(corpus)
        try:
            for path in _roles(corpus):
                text = path.read_text(encoding="utf-8")
                got = sorted(published(d) for d in await editor.open(path, text))
                assert got == _expected(lint.get(path.resolve(), []), text), path
        finally:
            await editor.stop()

    run(scenario)


def _copy(corpus: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "roles"
    shutil.copytree(corpus / "flowfuse", folder)
    return folder


@pytest.mark.corpus
def test_changes_are_checked_again_with_the_other_files(corpus: Path, tmp_path: Path) -> None:
    """A change is checked as the file would be linted with it, and an open file whose
    duplicate-role finding comes or goes with the change is published again."""
    folder = _copy(corpus, tmp_path)
    ceo, vp = folder / "ceo.md", folder / "vp-sales.md"

    async def scenario() -> None:
        editor = await Editor.start(folder)
        try:
            await editor.open(vp)
            before = await editor.open(ceo)
            assert not any(d.code == "RD401" for d in before)
            # the CEO's page copied over the VP's: the later file in path order is the duplicate
            copied = ceo.read_text(encoding="utf-8")
            after = await editor.change(vp, copied)
            assert any(d.code == "RD401" and "ceo.md" in d.message for d in after)
            vp.write_text(copied, encoding="utf-8")
            lint = _by_file(lint_json(folder), folder)
            assert sorted(published(d) for d in after) == _expected(lint[vp.resolve()], copied)
            # and back: the finding goes
            original = (corpus / "flowfuse" / "vp-sales.md").read_text(encoding="utf-8")
            again = await editor.change(vp, original)
            assert not any(d.code == "RD401" for d in again)
            # an edit that changes what ceo.md is compared with publishes ceo.md again
            first = await editor.change(ceo, copied.replace("# CEO", "# Chief Executive", 1))
            assert not any(d.code == "RD401" for d in first)
            editor.latest.pop(editor.uri(vp))
            await editor.change(vp, copied.replace("# CEO", "# Chief Executive", 1))
            cross = await editor.diagnostics(editor.uri(vp))
            assert any(d.code == "RD401" and "ceo.md" in d.message for d in cross)
        finally:
            await editor.stop()

    run(scenario)


BROKEN: dict[str, bytes] = {
    "bad-yaml.md": b"---\nnavTitle: [unclosed\nnavGroup: x\n---\n\n# Data Analyst\n\nText.\n",
    "bad-types.yaml": b"title: Data Analyst\nresponsibilities: 42\nskills: {required: [1]}\n",
    "bad-syntax.yaml": b"title: Data Analyst\nresponsibilities: [a, b\n  - c: d: e\n",
    "binary.md": b"# Role\n\n\x00\x01\x02 binary \x00\n",
    "huge.md": b"# Huge Role\n\n" + b"* An item of a very long list.\n" * 12000,
    "deep.md": b"# Deep Role\n\n## Responsibilities\n\n" + b"> " * 5000 + b"deep\n",
    "crlf.md": b"---\r\nnavTitle: CRLF\r\n---\r\n\r\n# CRLF Role\r\n\r\n## Skils:\r\n\r\n* A\r\n",
}


def test_broken_documents_are_diagnostics_not_crashes(tmp_path: Path) -> None:
    """Bad YAML, binary, oversized, deeply nested and CRLF documents: the same findings as
    ``roledef lint`` gives for the same bytes on disk, and the server goes on answering.

    As in a folder, a YAML file that does not parse is not taken for a role file (it is
    skipped, and the editor's YAML support reports its syntax)."""
    for name, data in BROKEN.items():
        (tmp_path / name).write_bytes(data)
    lint = _by_file(lint_json(tmp_path), tmp_path)
    assert set(lint) == {(tmp_path / n).resolve() for n in BROKEN if n != "bad-syntax.yaml"}

    async def scenario() -> None:
        editor = await Editor.start(tmp_path)
        try:
            for name, data in BROKEN.items():
                path = tmp_path / name
                # as an editor holds it: decoded as well as it can be
                text = data.decode("utf-8", "replace")
                got = sorted(published(d) for d in await editor.open(path, text))
                assert got == _expected(lint.get(path.resolve(), []), text), name
            symbols = await editor.client.text_document_document_symbol_async(
                _symbols_params(editor, tmp_path / "crlf.md")
            )
            assert symbols
        finally:
            await editor.stop()

    run(scenario)


def _symbols_params(editor: Editor, path: Path) -> Any:
    from lsprotocol import types

    return types.DocumentSymbolParams(types.TextDocumentIdentifier(editor.uri(path)))


def test_a_document_that_takes_too_long_is_given_up(tmp_path: Path) -> None:
    """The per-file time limit holds in the server too: the document gets the finding
    ``roledef lint`` gives it, and the server answers the next request."""
    from tests.server.editor import server_env

    path = tmp_path / "slow.md"
    text = "# Slow Role\n\n## Responsibilities\n\n" + "* Own the thing.\n" * 2000
    path.write_text(text, encoding="utf-8")
    env = server_env(ROLEDEF_TIME_LIMIT="0.001")

    async def scenario() -> None:
        editor = await Editor.start(tmp_path, env=env)
        try:
            got = await editor.open(path, text)
            assert [d.code for d in got] == ["RD002"]
            assert "took more than" in got[0].message
            assert await editor.change(path, text + "\n")
        finally:
            await editor.stop()

    run(scenario)


def test_files_changed_on_disk_and_saves(tmp_path: Path) -> None:
    """A role file that is not open, changed or deleted on disk (as the client reports it),
    changes the cross-file findings of the open ones; a save publishes again."""
    from lsprotocol import types

    from tests.helpers import EXAMPLES

    other, role = tmp_path / "a-role.md", tmp_path / "z-role.md"
    other.write_text((EXAMPLES / "site-reliability-engineer.md").read_text(encoding="utf-8"))
    text = (EXAMPLES / "minimal-role.md").read_text(encoding="utf-8")
    role.write_text(text, encoding="utf-8")

    async def scenario() -> None:
        editor = await Editor.start(tmp_path)
        uri = editor.uri(role)

        async def disk(kind: types.FileChangeType) -> list[Any]:
            editor.latest.pop(uri)
            event = types.FileEvent(uri=editor.uri(other), type=kind)
            editor.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(changes=[event])
            )
            return await editor.diagnostics(uri)

        try:
            assert not any(d.code == "RD401" for d in await editor.open(role, text))
            other.write_text(text, encoding="utf-8")  # the same role, saved under another name
            found = await disk(types.FileChangeType.Changed)
            title = text.split("# ", 1)[1].splitlines()[0]
            duplicates = [d.message for d in found if d.code == "RD401"]
            assert len(duplicates) == 1
            assert duplicates[0].startswith(f"same title '{title}' as a-role.md")
            other.unlink()
            assert not any(d.code == "RD401" for d in await disk(types.FileChangeType.Deleted))
            editor.latest.pop(uri)
            editor.client.text_document_did_save(
                types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
            )
            assert await editor.diagnostics(uri) is not None
        finally:
            await editor.stop()

    run(scenario)
