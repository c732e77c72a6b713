"""Code actions, hover, completion and the outline, through a real client."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from tests.helpers import EXAMPLES
from tests.server.editor import Editor, apply_edits, edits_of, lint_json, run, server_env

pytestmark = pytest.mark.slow

DEFECTIVE = EXAMPLES / "defective-role.md"


def _fixed_by_cli(folder: Path, name: str) -> str:
    """The text ``roledef lint --fix`` leaves in a copy of the file."""
    subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--no-cache", "--fix", name],
        cwd=folder,
        env=server_env(),
        capture_output=True,
        check=False,
    )
    return (folder / name).read_text(encoding="utf-8")


def test_quick_fix_fix_all_and_suppression(tmp_path: Path) -> None:
    """Each fixable finding has a quick fix that removes it; "fix all" makes exactly the
    changes of ``roledef lint --fix``; a suppression comment silences its finding, and nothing
    else changes."""
    path = tmp_path / "role.md"
    shutil.copy(DEFECTIVE, path)
    shutil.copy(DEFECTIVE, tmp_path / "cli.md")
    text = DEFECTIVE.read_text(encoding="utf-8")
    by_cli = _fixed_by_cli(tmp_path, "cli.md")
    (tmp_path / "cli.md").unlink()
    assert by_cli != text

    async def scenario() -> None:
        editor = await Editor.start(tmp_path)
        try:
            found = await editor.open(path, text)
            fixable = [d for d in found if isinstance(d.data, dict) and d.data["fixable"]]
            assert fixable
            # a quick fix on one finding removes it, and leaves the others
            target = next(d for d in fixable if d.code == "RD202")
            quick = await editor.actions(path, [target], only=[types.CodeActionKind.QuickFix])
            fix = next(a for a in quick if a.title.startswith("Fix "))
            assert fix.is_preferred and fix.kind == types.CodeActionKind.QuickFix
            after = await editor.apply(path, fix)
            assert not any(d.code == target.code and d.message == target.message for d in after)
            assert len(after) == len(found) - 1
            # fix all: what roledef lint --fix writes
            await editor.change(path, text)
            every = await editor.actions(path, [], only=["source.fixAll"])
            assert [a.kind for a in every] == ["source.fixAll.roledef"]
            uri = editor.uri(path)
            assert every[0].edit is not None
            assert apply_edits(text, edits_of(every[0].edit, uri)) == by_cli
            # the same through the command, which asks the editor to apply the edit
            applied = await editor.client.workspace_execute_command_async(
                types.ExecuteCommandParams(command="roledef.fixAll", arguments=[uri])
            )
            assert applied is True
            assert apply_edits(text, edits_of(editor.applied[-1], uri)) == by_cli
            # suppress one finding on its line: it goes, and no suppression finding comes
            current = await editor.diagnostics(uri)
            unknown = next(d for d in current if d.code == "RD201")
            actions = await editor.actions(path, [unknown])
            suppress = next(a for a in actions if a.title.startswith("Suppress"))
            left = await editor.apply(path, suppress)
            assert "roledef-disable-next-line RD201" in editor.texts[uri]
            assert sorted((d.code, d.message) for d in left) == sorted(
                (d.code, d.message) for d in current if d is not unknown
            )
            path.write_text(editor.texts[uri], encoding="utf-8")
            assert not any(f["code"] == "RD201" for f in lint_json(tmp_path))
        finally:
            await editor.stop()

    run(scenario)


ROLE = """---
navTitle: Site Reliability Engineer

---

# Site Reliability Engineer

## Responsibilities

* Reliability: Keep the platform up.
* On-call: Share the rotation.

## Skils

* Linux: Knows it well.

## Hiring Plan

1. Screening call (30 min): With the recruiter.
1. Technical interview: A problem to solve together.
"""
#: ... and a heading being written (its text still to come)
ROLE += "\n## \n"


def test_hover_completion_and_outline(tmp_path: Path) -> None:
    path = tmp_path / "sre.md"
    path.write_text(ROLE, encoding="utf-8")

    async def scenario() -> None:
        editor = await Editor.start(tmp_path)
        uri = editor.uri(path)
        doc = types.TextDocumentIdentifier(uri)
        try:
            found = await editor.open(path, ROLE)
            # hover on a finding: the rule's explanation, as roledef explain prints it
            skils = next(d for d in found if d.code == "RD201")
            hover = await editor.client.text_document_hover_async(
                types.HoverParams(doc, skils.range.start)
            )
            assert hover is not None and isinstance(hover.contents, types.MarkupContent)
            explained = subprocess.run(
                [sys.executable, "-m", "roledef", "explain", "RD201"],
                env=server_env(),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            assert hover.contents.value.strip() == explained.strip()
            # hover on a heading: the part of the model it maps to
            heading = await editor.client.text_document_hover_async(
                types.HoverParams(doc, types.Position(7, 4))
            )
            assert heading is not None and isinstance(heading.contents, types.MarkupContent)
            assert "`responsibilities`" in heading.contents.value
            assert "2 items" in heading.contents.value
            # completion of a heading on the empty heading line at the end
            last = ROLE.count("\n") - 1
            items = await editor.client.text_document_completion_async(
                types.CompletionParams(doc, types.Position(last, 3))
            )
            assert isinstance(items, types.CompletionList)
            labels = [i.label for i in items.items]
            assert labels[:2] == ["Job Description", "Responsibilities"]
            assert "Hiring Plan" in labels and "90-Day Plan" in labels
            # completion in the front matter: the required key that is missing
            keys = await editor.client.text_document_completion_async(
                types.CompletionParams(doc, types.Position(2, 0))
            )
            assert isinstance(keys, types.CompletionList)
            assert [i.label for i in keys.items] == ["navGroup"]
            # the outline: the role, its parts, the hiring steps with owner and duration
            symbols = await editor.client.text_document_document_symbol_async(
                types.DocumentSymbolParams(doc)
            )
            assert symbols is not None
            top = symbols[0]
            assert isinstance(top, types.DocumentSymbol)
            assert top.name == "Site Reliability Engineer"
            parts = {s.name: s for s in top.children or []}
            assert [c.name for c in parts["Responsibilities"].children or []] == [
                "Reliability",
                "On-call",
            ]
            steps = parts["Hiring Plan"].children or []
            assert [(s.name, s.detail) for s in steps] == [
                ("Screening call", "recruiter; 30 min"),
                ("Technical interview", "no owner; no duration"),
            ]
            assert steps[0].range.start.line == ROLE.split("\n").index(
                "1. Screening call (30 min): With the recruiter."
            )
        finally:
            await editor.stop()

    run(scenario)


def test_the_nearest_config_counts_and_is_read_again(tmp_path: Path) -> None:
    """A file's findings follow the nearest config above it; an edited config is read again
    at the next check; a broken config is one diagnostic naming it."""
    team = tmp_path / "team"
    team.mkdir()
    path = team / "sre.md"
    path.write_text(ROLE, encoding="utf-8")
    (tmp_path / ".roledef.toml").write_text('ignore = ["RD202"]\n', encoding="utf-8")
    config = team / ".roledef.toml"
    config.write_text('ignore = ["RD201"]\n', encoding="utf-8")

    async def scenario() -> None:
        editor = await Editor.start(tmp_path)
        try:
            codes = {d.code for d in await editor.open(path, ROLE)}
            assert "RD201" not in codes and "RD301" in codes
            config.write_text('ignore = ["RD301", "RD302"]\n', encoding="utf-8")
            codes = {d.code for d in await editor.change(path, ROLE + "\n")}
            assert "RD201" in codes and "RD301" not in codes
            config.write_text('ignore = ["RD999"]\n', encoding="utf-8")
            broken = await editor.change(path, ROLE)
            assert len(broken) == 1 and "RD999" in broken[0].message
            assert ".roledef.toml" in broken[0].message
        finally:
            await editor.stop()

    run(scenario)
