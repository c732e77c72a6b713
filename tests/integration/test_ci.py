"""Pull-request CI: the workflow files, the composite action, and annotations on GitHub Actions.

The workflows are validated against the GitHub schemas that check-jsonschema bundles (offline),
and the shell steps of ``action.yml`` and ``examples/ci/roledef.yml`` are run for real with
bash, git and roledef, the way the runner would run them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.helpers import ROOT

WORKFLOWS = [ROOT / ".github" / "workflows" / "ci.yml", ROOT / "examples" / "ci" / "roledef.yml"]
ACTION = ROOT / "action.yml"

DEFECTIVE = """\
---
navTitle: Data Analyst
navGroup: Job Descriptions
---

# Data Analyst

## Job Description

The Data Analyst answers questions with data.

## Responsibilities

* Answer questions with data.

## Skils

* SQL.

## Hiring Plan

1. Technical Interview (60m): Analyse a data set together.
1. Offer: Extend an offer. Done by the hiring manager.
"""
TYPO_LINE = 16
ANNOTATION = re.compile(
    # columns only on a finding of one line: GitHub drops the others' annotations
    r"^::(error|warning) file=([^,]+),line=(\d+)(?:,col=(\d+))?(?:,endLine=\d+)?(?:,endColumn=\d+)?"
    r",title=(RD\d+) [a-z-]+::(.+)$"
)


def load_yaml(path: Path) -> Any:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def step(document: Any, name: str) -> Any:
    """The step called ``name`` in an action (``runs.steps``) or in any job of a workflow."""
    if "runs" in document:
        steps = document["runs"]["steps"]
    else:
        steps = [s for job in document["jobs"].values() for s in job["steps"]]
    found = [s for s in steps if s.get("name") == name]
    assert len(found) == 1, f"no single step named {name!r}"
    return found[0]


def run_step(script: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a step's script as the runner does for ``shell: bash``."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def roledef_on_path(tmp_path: Path) -> dict[str, str]:
    """PATH with a ``roledef`` that is this test run's roledef, as ``pip install`` would give."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    launcher = bin_dir / "roledef"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m roledef "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}


# -- schemas ---------------------------------------------------------------------------------


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_workflow_matches_the_github_workflow_schema(workflow: Path) -> None:
    result = check_jsonschema("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_action_matches_the_github_action_schema() -> None:
    result = check_jsonschema("vendor.github-actions", ACTION)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  lint:\n    steps: []\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1


def test_project_ci_covers_every_supported_python() -> None:
    ci = load_yaml(WORKFLOWS[0])
    versions = ci["jobs"]["tests"]["strategy"]["matrix"]["python-version"]
    # from the oldest Python that pyproject.toml admits, every minor version to 3.14
    with open(ROOT / "pyproject.toml", "rb") as handle:
        floor = tomllib.load(handle)["project"]["requires-python"].removeprefix(">=")
    oldest = int(floor.split(".")[1])
    assert versions == [f"3.{minor}" for minor in range(oldest, 15)]
    assert {"tests", "pre-commit", "lint-examples"} <= set(ci["jobs"])
    # Tests expect roledef's text output, which GITHUB_ACTIONS=true would turn into annotations.
    assert step(ci, "Run the tests")["run"] == "env -u GITHUB_ACTIONS bash .ci/run"


# -- annotations -----------------------------------------------------------------------------


@pytest.mark.slow
def test_github_actions_gets_annotations_without_a_flag(tmp_path: Path) -> None:
    role = tmp_path / "data-analyst.md"
    role.write_text(DEFECTIVE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "ROLEDEF_DEBUG")}
    result = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "data-analyst.md"],
        cwd=tmp_path,
        env={**env, "GITHUB_ACTIONS": "true"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    *lines, summary = result.stdout.splitlines()
    assert lines, result.stderr
    matches = [ANNOTATION.match(line) for line in lines]
    assert all(matches), result.stdout
    assert re.match(r"Found \d+ errors? and \d+ warnings? in 1 of 1 file\.$", summary), summary
    found = {m.group(1, 2, 3, 5) for m in matches if m}
    assert ("warning", "data-analyst.md", str(TYPO_LINE), "RD201") in found, result.stdout
    assert any(kind == "error" for kind, *_ in found), result.stdout


@pytest.mark.slow
def test_outside_github_actions_the_output_is_text(tmp_path: Path) -> None:
    role = tmp_path / "data-analyst.md"
    role.write_text(DEFECTIVE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    result = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "data-analyst.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "::error" not in result.stdout
    assert (
        f"data-analyst.md:{TYPO_LINE}:4: RD201 [*] [warning] heading 'Skils' is read as 'Skills'"
        in result.stdout
    )
    assert re.search(r"^data-analyst\.md:\d+:\d+: RD\d+ \[error\] ", result.stdout, re.M)


# -- the composite action's lint step --------------------------------------------------------


@pytest.fixture
def lint_step() -> Any:
    return step(load_yaml(ACTION), "Lint role files")


def test_action_lint_step_takes_inputs_from_the_environment(lint_step: dict[str, object]) -> None:
    """A file name must never be pasted into the script, where it could run as shell code."""
    assert "${{" not in str(lint_step["run"])
    assert lint_step["env"] == {
        "ROLEDEF_PATHS": "${{ inputs.paths }}",
        "ROLEDEF_ARGS": "${{ inputs.args }}",
        "ROLEDEF_SARIF": "${{ inputs.sarif-file }}",
        "ROLEDEF_DIFF_BASE": "${{ inputs.diff-base }}",
    }


@pytest.mark.slow
def test_action_annotates_findings_in_files_with_spaces(
    tmp_path: Path, lint_step: dict[str, object]
) -> None:
    folder = tmp_path / "job descriptions"
    folder.mkdir()
    (folder / "data-analyst.md").write_text(DEFECTIVE, encoding="utf-8")
    env = {
        **roledef_on_path(tmp_path),
        "ROLEDEF_PATHS": "\n  job descriptions/data-analyst.md  \n\n",
        "ROLEDEF_ARGS": "",
        "ROLEDEF_SARIF": "",
        "ROLEDEF_DIFF_BASE": "",
    }
    result = run_step(str(lint_step["run"]), tmp_path, env)
    assert result.returncode == 1, result.stderr
    found = {m.group(2, 3) for m in map(ANNOTATION.match, result.stdout.splitlines()) if m}
    assert ("job descriptions/data-analyst.md", str(TYPO_LINE)) in found, result.stdout


def test_action_succeeds_when_there_is_nothing_to_lint(
    tmp_path: Path, lint_step: dict[str, object]
) -> None:
    env = {
        **roledef_on_path(tmp_path),
        "ROLEDEF_PATHS": "\n",
        "ROLEDEF_ARGS": "",
        "ROLEDEF_SARIF": "",
        "ROLEDEF_DIFF_BASE": "",
    }
    result = run_step(str(lint_step["run"]), tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "roledef: no role files to lint\n"


@pytest.mark.slow
def test_action_writes_sarif_and_passes_args(tmp_path: Path, lint_step: dict[str, object]) -> None:
    (tmp_path / "data-analyst.md").write_text(DEFECTIVE, encoding="utf-8")
    env = {
        **roledef_on_path(tmp_path),
        "ROLEDEF_PATHS": "data-analyst.md",
        "ROLEDEF_ARGS": "--exit-zero",
        "ROLEDEF_SARIF": "out/roledef.sarif",
        "ROLEDEF_DIFF_BASE": "",
    }
    (tmp_path / "out").mkdir()
    result = run_step(str(lint_step["run"]), tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert "::error file=data-analyst.md" in result.stdout
    sarif = (tmp_path / "out" / "roledef.sarif").read_text(encoding="utf-8")
    assert '"version": "2.1.0"' in sarif
    assert "data-analyst.md" in sarif


# -- the handbook workflow's choice of files -------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "user.name=Handbook Contributor",
         "-c", "user.email=contributor@handbook.invalid", *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A handbook clone on a pull-request branch that touches some files, with origin/main."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "handbook"
    jobs = repo / "src/handbook/job-descriptions"
    jobs.mkdir(parents=True)
    for name in ("kept.md", "edited.md", "removed.md"):
        (jobs / name).write_text(f"# {name}\n", encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "base")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(repo, "switch", "--quiet", "-c", "pr")
    (jobs / "edited.md").write_text("# edited\n\nmore\n", encoding="utf-8")
    (jobs / "removed.md").unlink()
    (jobs / "new role.md").write_text("# new\n", encoding="utf-8")
    (jobs / "new-role.yaml").write_text("title: new\n", encoding="utf-8")
    (jobs / "photo.png").write_bytes(b"\x89PNG")
    (repo / "README.md").write_text("# elsewhere\n", encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "change roles")
    return repo


def lint_in_action(repo: Path, diff_base: str) -> tuple[int, set[str], str]:
    """Run the action's lint step on the handbook workflow's folder: the exit code, the files
    annotated, and stderr."""
    workflow = load_yaml(WORKFLOWS[1])
    env = {
        **roledef_on_path(repo.parent),
        "ROLEDEF_PATHS": str(workflow["env"]["ROLES"]),
        "ROLEDEF_ARGS": "",
        "ROLEDEF_SARIF": "",
        "ROLEDEF_DIFF_BASE": diff_base,
    }
    result = run_step(str(step(load_yaml(ACTION), "Lint role files")["run"]), repo, env)
    files = {m.group(2) for m in map(ANNOTATION.match, result.stdout.splitlines()) if m}
    return result.returncode, {os.path.basename(f) for f in files}, result.stderr


def test_handbook_workflow_lints_the_folder_and_on_a_pull_request_only_its_changes() -> None:
    lint = step(load_yaml(WORKFLOWS[1]), "roledef lint")
    assert lint["with"]["paths"] == "${{ env.ROLES }}"
    assert lint["with"]["diff-base"] == (
        "${{ github.event_name == 'pull_request' && format('origin/{0}', github.base_ref) || '' }}"
    )
    checkout = step_using(load_yaml(WORKFLOWS[1]), "actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0  # --diff-base needs the history


def step_using(document: Any, action: str) -> Any:
    steps = [s for job in document["jobs"].values() for s in job["steps"]]
    found = [s for s in steps if str(s.get("uses", "")).startswith(action)]
    assert len(found) == 1, f"no single step using {action!r}"
    return found[0]


@pytest.mark.slow
def test_action_on_a_pull_request_annotates_only_what_it_changed(pull_request: Path) -> None:
    code, everything, _ = lint_in_action(pull_request, "")
    assert code == 1
    assert everything == {"kept.md", "edited.md", "new role.md"}  # (new-role.yaml: not a role)
    code, changed, err = lint_in_action(pull_request, "origin/main")
    assert code == 1
    # kept.md did not change: its old findings are left out, and counted
    assert changed == {"edited.md", "new role.md"}
    notice = (
        r"^::notice title=roledef --diff-base::\d+ findings? on lines unchanged since origin/main"
    )
    assert re.search(notice + " not shown$", err, re.M), err


@pytest.mark.slow
def test_action_with_a_shallow_clone_says_to_fetch_the_history(pull_request: Path) -> None:
    clone = pull_request.parent / "clone"
    git(pull_request.parent, "clone", "--quiet", "--depth=1", "--branch=pr",
        pull_request.as_uri(), str(clone))  # fmt: skip
    code, annotated, err = lint_in_action(clone, "origin/main")
    assert (code, annotated) == (2, set())
    assert "fetch-depth: 0" in err


def test_handbook_workflow_pins_the_roledef_action() -> None:
    lint = step(load_yaml(WORKFLOWS[1]), "roledef lint")
    # a commit, not a tag: roledef has no release yet
    assert re.fullmatch(r"[\w-]+/roledef@[0-9a-f]{40}", str(lint["uses"]))


# -- this project's own CI -------------------------------------------------------------------


@pytest.mark.slow
def test_ci_lints_every_example_role_and_they_pass() -> None:
    lint = step(load_yaml(WORKFLOWS[0]), "roledef lint examples/")
    assert lint["uses"] == "./"
    listed = [line.strip() for line in str(lint["with"]["paths"]).splitlines() if line.strip()]
    roles = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "examples").iterdir()
        if p.suffix in (".md", ".yaml", ".yml") and not p.name.startswith("defective-role.")
    )
    assert sorted(listed) == roles
    result = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--output-format", "text", *listed],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
