"""One answer to "is this a role file?" across the commands, as a user runs them: files on disk,
the real command line (click's runner, and one subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from tests.helpers import ROOT
from tests.helpers.lint import ROLE
from tests.helpers.pages import NOT_ROLES

INDEX, INDEX_LINE, INDEX_REASON = NOT_ROLES["index-of-links"]
LADDER, _, LADDER_REASON = NOT_ROLES["level-ladder"]
README = NOT_ROLES["project-readme"][0]


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), standalone_mode=False)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return int(result.return_value or 0), result.stdout, result.stderr


@pytest.fixture
def handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a role, an index and a ladder beside it, and its own README and docs."""
    jobs = tmp_path / "handbook" / "jobs"
    jobs.mkdir(parents=True)
    (jobs / "data-engineer.md").write_text(ROLE, encoding="utf-8")
    (jobs / "index.md").write_text(INDEX, encoding="utf-8")
    (jobs / "levels.md").write_text(LADDER, encoding="utf-8")
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    for folder in ("node_modules/pkg", "dist", "env"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "data-engineer.md").write_text(ROLE, encoding="utf-8")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_skips_pages_that_are_not_roles(handbook: Path) -> None:
    rc, out, _ = _invoke("lint", "--no-cache", "handbook/jobs")
    assert rc == 0, out
    assert out == "All checked: 1 file, no problems (2 files skipped: not role files).\n"


def test_a_named_page_gets_one_warning_with_the_reason(handbook: Path) -> None:
    rc, out, _ = _invoke("lint", "--no-cache", "handbook/jobs/index.md", "handbook/jobs/levels.md")
    assert rc == 0
    assert out.splitlines() == [
        f"handbook/jobs/index.md:{INDEX_LINE}:1: RD005 [warning] not a role file: {INDEX_REASON}",
        f"handbook/jobs/levels.md:1:1: RD005 [warning] not a role file: {LADDER_REASON}",
        "",
        "Found 2 warnings in 2 of 2 files.",
    ]


def test_skip_non_roles_treats_named_pages_as_found(handbook: Path) -> None:
    """What the pre-commit hooks pass: every changed file, roles or not."""
    rc, out, _ = _invoke(
        "lint", "--no-cache", "--skip-non-roles", "handbook/jobs/index.md", "README.md"
    )
    assert (rc, out) == (0, "No role files checked (2 files skipped: not role files).\n")


def test_a_bare_run_keeps_what_reads_as_a_role_and_skips_dependencies(handbook: Path) -> None:
    (handbook / "handbook" / "jobs" / "data-engineer.md").write_text(
        ROLE.replace("## Skills", "## Skils"), encoding="utf-8"
    )
    rc, out, _ = _invoke("lint", "--no-cache", "--output-format", "json")
    assert rc == 0  # the misspelt heading is read as the skills, with a warning
    found = {(f["path"], f["code"]) for f in json.loads(out)}
    assert found == {("handbook/jobs/data-engineer.md", "RD201")}


def test_a_bare_run_checks_the_configs_include(handbook: Path) -> None:
    other = handbook / "careers"
    other.mkdir()
    (other / "broken.md").write_text("# Data Engineer\n\n## Skils\n\n* SQL\n", encoding="utf-8")
    (handbook / ".roledef.toml").write_text('include = ["handbook/jobs/*.md"]\n')
    rc, out, _ = _invoke("lint", "--no-cache")
    # careers/ is not included; the glob names two pages that are not roles
    assert (rc, out) == (0, "All checked: 1 file, no problems (2 files skipped: not role files).\n")
    (handbook / ".roledef.toml").write_text('include = ["careers"]\n')
    rc, out, _ = _invoke("lint", "--no-cache")
    assert rc == 1 and out.startswith("careers/broken.md:"), out
    # a path named on the command line is checked whatever include says
    rc, out, _ = _invoke("lint", "--no-cache", "handbook/jobs")
    assert (rc, out) == (0, "All checked: 1 file, no problems (2 files skipped: not role files).\n")


def test_exclude_applies_to_named_files_too(handbook: Path) -> None:
    (handbook / ".roledef.toml").write_text('exclude = ["levels.md"]\n')
    rc, out, _ = _invoke("lint", "--no-cache", "handbook/jobs/levels.md")
    assert (rc, out) == (0, "No role files checked.\n")


def test_fix_never_edits_a_page_that_is_not_a_role(handbook: Path) -> None:
    page = handbook / "handbook" / "jobs" / "levels.md"
    page.write_text("---\nnavTitle: Design Levels\n---\n\n" + LADDER, encoding="utf-8")
    before = page.read_bytes()
    _invoke("lint", "--no-cache", "--fix", "--unsafe-fixes", str(page))
    _invoke("lint", "--no-cache", "--fix", "--unsafe-fixes", "handbook")
    assert page.read_bytes() == before


def test_convert_refuses_a_page_that_is_not_a_role(handbook: Path) -> None:
    rc, out, err = _invoke("convert", "handbook/jobs/index.md")
    assert (rc, out) == (2, "")
    assert (
        err == f"roledef: handbook/jobs/index.md: not a role file: {INDEX_REASON}; not converted\n"
    )


def test_export_refuses_a_page_that_is_not_a_role(handbook: Path) -> None:
    rc, out, err = _invoke("export", "--to", "jsonld", "handbook/jobs/levels.md")
    assert (rc, out) == (2, "")
    assert err == f"roledef: handbook/jobs/levels.md: not a role file: {LADDER_REASON}\n"


def test_report_lists_pages_that_are_not_roles_with_the_reason(handbook: Path) -> None:
    rc, out, _ = _invoke("report", "--format", "json", "handbook/jobs")
    assert rc == 0
    data = json.loads(out)
    assert [r["file"] for r in data["roles"]] == ["handbook/jobs/data-engineer.md"]
    others = {o["file"]: o["reason"] for o in data["other_files"]}
    assert others == {
        "handbook/jobs/index.md": f"not a role file: {INDEX_REASON}",
        "handbook/jobs/levels.md": f"not a role file: {LADDER_REASON}",
    }
    assert data["totals"]["findings"]["total"] == 0


@pytest.mark.slow
def test_the_projects_own_repository(tmp_path: Path) -> None:
    """A bare run at the root of this repository checks roles only: no README, changelog or
    docs page among the files it reports (the project's config excludes docs/, whose pages
    describe role files), and of the labelled phrasings only those labelled as roles."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = str(ROOT / "src")
    result = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--no-cache", "--output-format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    files = {f["path"] for f in json.loads(result.stdout)}
    assert files, result.stderr
    phrasings = "tests/labels/phrasings/"
    allowed = ("tests/fixtures/", "examples/", phrasings)
    assert all(f.startswith(allowed) for f in files), sorted(files)
    labels = json.loads((ROOT / "tests" / "labels" / "phrasings.json").read_text("utf-8"))
    roles = {path for path, label in labels.items() if label["role"]}
    assert {f for f in files if f.startswith(phrasings)} <= roles
