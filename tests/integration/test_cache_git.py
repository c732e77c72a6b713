"""Where the lint cache goes in a real git repository: at the top of the work tree, whatever
folder ``roledef lint`` runs from, and never as a change git reports."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from roledef.lint.store import DB_NAME
from tests.helpers import ROOT
from tests.helpers.lint import lint_in

ROLE = (ROOT / "examples" / "defective-role.md").read_text(encoding="utf-8")
JOBS = Path("src") / "handbook" / "job-descriptions"

pytestmark = pytest.mark.slow  # a git process per step


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ROLEDEF_NO_CACHE", raising=False)


def git(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "user.name=Handbook Contributor",
         "-c", "user.email=contributor@handbook.invalid", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    """A git repository with one committed role file, deep in its folders."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "handbook"
    (root / JOBS).mkdir(parents=True)
    (root / JOBS / "data-analyst.md").write_text(ROLE, encoding="utf-8")
    git(root, "init", "--quiet")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--no-verify", "-m", "handbook")
    return root


def lint(cwd: Path, *args: str) -> int:
    return lint_in(cwd, *args)[0]


def caches(root: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(root)) for p in root.rglob(DB_NAME))


def test_one_cache_at_the_top_from_any_folder(handbook: Path) -> None:
    lint(handbook / JOBS, "data-analyst.md")
    lint(handbook / "src", str(Path("handbook") / "job-descriptions"))
    lint(handbook, str(JOBS))
    assert caches(handbook) == [".roledef_cache"]
    assert git(handbook, "status", "--porcelain", "--untracked-files=all") == ""


def test_a_linked_work_tree_keeps_its_own(handbook: Path, tmp_path: Path) -> None:
    """``git worktree add`` makes a work tree whose ``.git`` is a file."""
    linked = tmp_path / "review"
    git(handbook, "worktree", "add", "--quiet", str(linked))
    assert (linked / ".git").is_file()
    lint(linked / JOBS, "data-analyst.md")
    assert caches(linked) == [".roledef_cache"]
    assert caches(handbook) == []


def test_a_config_file_the_option_and_the_variable_still_decide(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (handbook / "src" / ".roledef.toml").write_text("", encoding="utf-8")
    lint(handbook / JOBS, "data-analyst.md")
    lint(handbook / JOBS, "--cache-dir", "here", "data-analyst.md")
    monkeypatch.setenv("ROLEDEF_CACHE_DIR", str(handbook / "from-env"))
    lint(handbook / JOBS, "data-analyst.md")
    assert set(caches(handbook)) == {"src/.roledef_cache", str(JOBS / "here"), "from-env"}
