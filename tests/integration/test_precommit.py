"""The pre-commit hooks, run by the real pre-commit against a scratch handbook repository.

``pre-commit try-repo`` builds a fresh virtualenv and pip-installs roledef from a git clone of
this project, so these tests need git and the package index, and take a few seconds each.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.helpers import ROOT

HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"
CONFIG_FILE = ROOT / ".pre-commit-config.yaml"
JOBS = "src/handbook/job-descriptions"

CLEAN_ROLE = """\
---
navTitle: Data Engineer
navGroup: Job Descriptions
---

# Data Engineer

## Job Description

The Data Engineer builds the pipelines that turn product events into trustworthy reports.

## Responsibilities

* Build and run the event pipeline.
* Keep the warehouse tables documented and tested.

## Skills

* SQL and one general-purpose programming language.
* Care for data quality.

## Hiring Plan

1. Screening call (20m): Motivation and logistics. Done by the recruiter.
1. Technical Interview (60m): Model a small warehouse together. Done by a Senior Data Engineer.
1. Offer: Extend an offer. Done by the hiring manager.
"""

# Each defect on a line of its own; the tests expect a finding on each of these lines.
DEFECTIVE_ROLE = """\
---
navTitle: Account Executive
navGroup: Job Descriptions
---

# Data Analyst

## Job Description

The Data Analyst answers questions with data.

## Skils

* SQL.

## Hiring Plan:

1. Technical Interview: Analyse a data set together. Done by the Head of Data.
1. Offer: Extend an offer. Done by the hiring manager.
"""
NAV_TITLE_LINE = 2
SKILLS_TYPO_LINE = 12
HIRING_PLAN_COLON_LINE = 16
NO_DURATION_LINE = 18

#: Files a handbook keeps beside its roles: the hook must leave them alone by default.
BYSTANDERS = {
    "README.md": "# Handbook\n\nNot a role file: ## Skils\n",
    f"{JOBS}/index.md": "# Job descriptions\n\nThe list of open roles.\n",
    "docs/notes.yaml": "not: [a, role\n",
}


def _clean_env(home: Path) -> dict[str, str]:
    """The environment for pre-commit and git: our own hook store, no CI or git leftovers.

    ``GITHUB_ACTIONS`` would switch roledef to annotation output (this suite also runs on
    GitHub Actions), and ``GIT_*`` variables from an outer git hook would point git elsewhere.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.pop("GITHUB_ACTIONS", None)
    env.pop("PRE_COMMIT", None)
    env.pop("ROLEDEF_NO_CACHE", None)  # hooks run with the lint cache on, as in a handbook
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    return env


def _git(cwd: Path, *args: str, env: Mapping[str, str]) -> str:
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def _has_uncommitted_files(root: Path, env: Mapping[str, str]) -> bool:
    return bool(_git(root, "status", "--porcelain", "--untracked-files=all", env=env).strip())


@pytest.fixture(scope="session")
def precommit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One pre-commit home for the whole session, so hook environments are built once."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return _clean_env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="session")
def project_repo(
    tmp_path_factory: pytest.TempPathFactory, precommit_env: dict[str, str]
) -> Iterator[Path]:
    """This project as a git repository whose HEAD is the working copy.

    A clean checkout (as in CI) is used as it is. ``try-repo`` on a dirty one would only carry
    changes to tracked files, so a working copy with new files is committed, whole, into a
    snapshot repository first: the hooks are tested as they are on disk.
    """
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout")
    if not _has_uncommitted_files(ROOT, precommit_env):
        yield ROOT
        return
    snapshot = tmp_path_factory.mktemp("roledef-snapshot")
    listed = _git(
        ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", env=precommit_env
    )
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    _git(snapshot, "init", "--quiet", env=precommit_env)
    _git(snapshot, "add", "--all", env=precommit_env)
    _git(
        snapshot,
        "-c", "user.name=roledef tests", "-c", "user.email=tests@roledef.invalid",
        "commit", "--quiet", "--no-verify", "-m", "working copy",
        env=precommit_env,
    )  # fmt: skip
    yield snapshot


def make_handbook(where: Path, files: Mapping[str, str], env: Mapping[str, str]) -> Path:
    """A git repository holding ``files`` (path -> text), all committed."""
    where.mkdir(parents=True, exist_ok=True)
    _git(where, "init", "--quiet", env=env)
    _git(where, "config", "user.name", "Handbook Contributor", env=env)
    _git(where, "config", "user.email", "contributor@handbook.invalid", env=env)
    for name, text in files.items():
        path = where / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(where, "add", "--all", env=env)
    _git(where, "commit", "--quiet", "--no-verify", "-m", "handbook", env=env)
    return where


def try_repo(
    handbook: Path, project: Path, hook: str, env: Mapping[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo PROJECT HOOK --all-files`` inside ``handbook``."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(project), hook, "--all-files",
         "--color", "never", *args],
        cwd=handbook,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip


def manifest() -> list[dict[str, object]]:
    hooks = YAML(typ="safe").load(HOOKS_FILE.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


# -- the hook definitions --------------------------------------------------------------------


@pytest.mark.slow
def test_hook_manifest_is_valid_for_pre_commit() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(HOOKS_FILE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_project_config_is_valid_for_pre_commit() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG_FILE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_hook_id_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^[\s#]*- id: ([\w-]+)\b", readme, re.MULTILINE))
    missing = [hook["id"] for hook in manifest() if hook["id"] not in shown]
    assert not missing, f"README.md shows no `- id: ...` for: {missing}"


@pytest.mark.parametrize("hook", manifest(), ids=lambda hook: str(hook["id"]))
def test_hooks_run_roledef_lint_on_role_files(hook: dict[str, object]) -> None:
    strict = " --strict" if str(hook["id"]).endswith("-strict") else ""
    assert hook["entry"] == f"roledef lint --skip-non-roles{strict}"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "yaml"]
    pattern = re.compile(str(hook["files"]))
    assert pattern.search(f"{JOBS}/data-engineer.md")
    assert pattern.search("job-descriptions/data-engineer.yaml")
    assert not pattern.search("src/handbook/company/values.md")


def test_the_strict_hook_is_the_everyday_hook_failing_on_warnings() -> None:
    hooks = {hook["id"]: hook for hook in manifest()}
    everyday, strict = hooks["roledef-lint"], hooks["roledef-lint-strict"]
    assert strict["entry"] == f"{everyday['entry']} --strict"
    differs = {key for key in {*everyday, *strict} if everyday.get(key) != strict.get(key)}
    assert differs == {"id", "name", "description", "entry"}


def test_project_hooks_install_roledefs_runtime_dependencies() -> None:
    """mypy and roledef-lint-examples run from src/ without installing it: they need its deps."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = set(declared["project"]["dependencies"])
    config = YAML(typ="safe").load(CONFIG_FILE.read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    for hook_id in ("mypy", "roledef-lint-examples"):
        assert wanted <= set(hooks[hook_id]["additional_dependencies"]), hook_id


# -- the real pre-commit ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.network
def test_try_repo_passes_a_clean_role(
    tmp_path: Path, project_repo: Path, precommit_env: dict[str, str]
) -> None:
    handbook = make_handbook(
        tmp_path / "handbook", {f"{JOBS}/data-engineer.md": CLEAN_ROLE, **BYSTANDERS}, precommit_env
    )
    result = try_repo(handbook, project_repo, "roledef-lint", precommit_env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"^roledef lint\.+Passed$", output, re.MULTILINE), output


@pytest.mark.slow
@pytest.mark.network
def test_try_repo_fails_a_defective_role_with_clickable_findings(
    tmp_path: Path, project_repo: Path, precommit_env: dict[str, str]
) -> None:
    handbook = make_handbook(
        tmp_path / "handbook",
        {
            f"{JOBS}/data-engineer.md": CLEAN_ROLE,
            f"{JOBS}/data-analyst.md": DEFECTIVE_ROLE,
            **BYSTANDERS,
        },
        precommit_env,
    )
    result = try_repo(handbook, project_repo, "roledef-lint", precommit_env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^roledef lint\.+Failed$", output, re.MULTILINE), output
    findings = re.findall(rf"^({re.escape(JOBS)}/[\w.-]+):(\d+):(\d+): (RD\d+) ", output, re.M)
    assert {path for path, *_ in findings} == {f"{JOBS}/data-analyst.md"}, output
    lines = {int(line) for _, line, _, _ in findings}
    assert {NAV_TITLE_LINE, SKILLS_TYPO_LINE, HIRING_PLAN_COLON_LINE, NO_DURATION_LINE} <= lines
    assert all(int(column) >= 1 for _, _, column, _ in findings)


# -- the whole-handbook hook -----------------------------------------------------------------


#: The hooks of a handbook's config that uses both the per-file and the whole-handbook hook.
BOTH_HOOKS = f"""\
      - id: roledef-lint
      - id: roledef-lint-handbook
        args: [{JOBS}]
"""


def run_hooks(
    handbook: Path, project: Path, env: Mapping[str, str], *args: str, hooks: str = BOTH_HOOKS
) -> subprocess.CompletedProcess[str]:
    """``pre-commit run`` with ``hooks`` from ``project``, as a handbook would configure them.

    Unlike ``try-repo``, this uses the session's pre-commit home, so the hook environment is
    built once for all the tests that call it.
    """
    rev = _git(project, "rev-parse", "HEAD", env=env).strip()
    config = handbook.parent / "pre-commit-config.yaml"
    config.write_text(
        f"repos:\n  - repo: {project}\n    rev: {rev}\n    hooks:\n{hooks}", encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--config", str(config), "--color", "never",
         *args],
        cwd=handbook,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip


def hook_status(output: str, name: str) -> str:
    match = re.search(
        rf"^{re.escape(name)}\.+(Passed|Failed|\(no files to check\)Skipped)$", output, re.M
    )
    assert match, output
    return match.group(1)


@pytest.fixture
def handbook_with_a_duplicate(tmp_path: Path, precommit_env: dict[str, str]) -> Path:
    """A clean handbook whose new role repeats an existing one's title; index.md excluded."""
    renamed = CLEAN_ROLE.replace("builds the pipelines", "designs the pipelines")
    return make_handbook(
        tmp_path / "handbook",
        {
            f"{JOBS}/data-engineer.md": CLEAN_ROLE,
            f"{JOBS}/senior-data-engineer.md": renamed,
            ".roledef.toml": 'exclude = ["index.md"]\n',
            **BYSTANDERS,
        },
        precommit_env,
    )


@pytest.mark.slow
@pytest.mark.network
def test_handbook_hook_compares_a_change_with_untouched_roles(
    handbook_with_a_duplicate: Path, project_repo: Path, precommit_env: dict[str, str]
) -> None:
    """Committing only the new role: the per-file hook cannot see the duplicate, the other can."""
    changed = f"{JOBS}/senior-data-engineer.md"
    result = run_hooks(handbook_with_a_duplicate, project_repo, precommit_env, "--files", changed)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert hook_status(output, "roledef lint") == "Passed"
    assert hook_status(output, "roledef lint (whole handbook)") == "Failed"
    assert re.search(rf"^{re.escape(JOBS)}/[\w-]+\.md:\d+:\d+: RD401 \[error\] ", output, re.M)
    assert "index.md" not in output, output
    # again, now from the lint cache: the same findings, and the cache leaves git status clean
    assert (handbook_with_a_duplicate / ".roledef_cache").is_dir()
    again = run_hooks(handbook_with_a_duplicate, project_repo, precommit_env, "--files", changed)
    # (the first run may also have said how it set up the hook environment)
    hooks_said = [line for line in output.splitlines() if not line.startswith("[INFO]")]
    assert again.returncode == result.returncode
    assert (again.stdout + again.stderr).splitlines() == hooks_said
    assert not _has_uncommitted_files(handbook_with_a_duplicate, precommit_env)


@pytest.mark.slow
@pytest.mark.network
def test_handbook_hook_stays_quiet_when_no_role_changed(
    handbook_with_a_duplicate: Path, project_repo: Path, precommit_env: dict[str, str]
) -> None:
    result = run_hooks(
        handbook_with_a_duplicate, project_repo, precommit_env, "--files", "README.md"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert hook_status(output, "roledef lint (whole handbook)") == "(no files to check)Skipped"


# -- warnings: hidden by pre-commit unless the hook fails or is verbose ------------------------

WARNINGS_ONLY_ROLE = CLEAN_ROLE.replace("## Hiring Plan\n", "## Hiring Plan:\n")
HOOK_STATUS = re.compile(r"^(.*[^.])\.{3,}(Passed|Failed|\(no files to check\)Skipped)$")


def hook_sections(output: str) -> dict[str, tuple[str, list[str]]]:
    """Each hook's name -> its status and the lines printed under it."""
    sections: dict[str, tuple[str, list[str]]] = {}
    lines: list[str] = []
    for line in output.splitlines():
        match = HOOK_STATUS.match(line)
        if match:
            lines = []
            sections[match.group(1)] = (match.group(2), lines)
        else:
            lines.append(line)
    return sections


@pytest.mark.slow
@pytest.mark.network
def test_only_the_strict_or_a_verbose_hook_shows_warnings(
    tmp_path: Path, project_repo: Path, precommit_env: dict[str, str]
) -> None:
    handbook = make_handbook(
        tmp_path / "handbook",
        {f"{JOBS}/data-engineer.md": WARNINGS_ONLY_ROLE, **BYSTANDERS},
        precommit_env,
    )
    hooks = (
        "      - id: roledef-lint\n"
        "      - id: roledef-lint-strict\n"
        "      - id: roledef-lint\n"
        "        name: roledef lint (verbose)\n"
        "        verbose: true\n"
    )
    result = run_hooks(handbook, project_repo, precommit_env, "--all-files", hooks=hooks)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    warning = re.compile(
        rf"^{re.escape(JOBS)}/data-engineer\.md:22:15: RD202 (?:\[\*\] )?\[warning\] "
    )
    sections = hook_sections(output)
    assert set(sections) == {
        "roledef lint",
        "roledef lint (warnings fail)",
        "roledef lint (verbose)",
    }
    for name, status in [
        ("roledef lint", "Passed"),
        ("roledef lint (warnings fail)", "Failed"),
        ("roledef lint (verbose)", "Passed"),
    ]:
        said = sections[name][1]
        assert sections[name][0] == status, output
        shown = [line for line in said if warning.match(line)]
        assert len(shown) == (0 if name == "roledef lint" else 1), output
