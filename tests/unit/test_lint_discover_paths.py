"""How `roledef lint` names the files it finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from roledef.lint.discover import discover


def test_bare_lint_reports_paths_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert discover(["."]) == ["b.md", "roles/a.md"]
