"""``roledef lint --diff-base REF`` in real git repositories: a pull request on a handbook that
already has findings reports only what it changed, and says how many older findings it left out."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.lint.formats import REPORTERS
from tests.helpers.lint import ROLE

pytestmark = [
    pytest.mark.slow,  # git processes for each step
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

#: A role with two old findings: a misspelt heading (RD201, line 16) and a step without an
#: owner (RD301, line 23).
LEGACY = ROLE.replace("## Skills", "## Skils").replace(
    "Model a warehouse. Done by a Senior Data Engineer.", "Model a warehouse."
)
#: A step the pull request adds (line 24): no owner (RD301) and no duration (RD302).
NEW_STEP = "1. Case Study: Work through a small data set.\n"
FOLDER = "job descriptions"


def git(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "user.name=Handbook Contributor",
         "-c", "user.email=contributor@handbook.invalid", "-c", "init.defaultBranch=main",
         *args],
        cwd=cwd, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--no-verify", "-m", message)


@pytest.fixture
def handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A handbook whose main branch has old findings, checked out on a new branch ``pr``."""
    repo = tmp_path / "handbook"
    roles = repo / FOLDER
    roles.mkdir(parents=True)
    (roles / "data-engineer.md").write_text(LEGACY, encoding="utf-8")
    (roles / "untouched.md").write_text(
        LEGACY.replace("Data Engineer", "Data Analyst"), encoding="utf-8"
    )
    git(repo, "init", "--quiet")
    commit(repo, "the handbook")
    git(repo, "switch", "--quiet", "-c", "pr")
    monkeypatch.chdir(repo)
    clean_environment(monkeypatch)
    return repo


def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No variable of the run around the tests (a git hook's GIT_DIR, GitHub's) reaches them."""
    for name in [*os.environ]:
        if name.startswith("GIT_") or name in ("GITHUB_ACTIONS", "NO_COLOR", "ROLEDEF_DEBUG"):
            monkeypatch.delenv(name)


def lint(*args: str) -> tuple[int, str, str]:
    """``roledef lint --no-cache ARGS`` here: exit code, stdout, stderr."""
    result = CliRunner().invoke(cli, ["lint", "--no-cache", *args], standalone_mode=False)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    code = result.return_value if result.exception is None else result.exit_code
    return int(code or 0), result.stdout, result.stderr


def reported(stdout: str) -> list[str]:
    """``path:line CODE`` of each finding of text output."""
    out = []
    for line in stdout.splitlines():
        if ": RD" in line:
            where, rest = line.split(": ", 1)
            path, number, _column = where.rsplit(":", 2)
            out.append(f"{path}:{number} {rest.split()[0]}")
    return out


def add_step(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + NEW_STEP, encoding="utf-8")


def left_out(n: int, ref: str = "main") -> str:
    noun = "finding" if n == 1 else "findings"
    return f"roledef: {n} {noun} on lines unchanged since {ref} not shown (--diff-base)\n"


ROLE_PATH = f"{FOLDER}/data-engineer.md"


def test_only_the_changed_lines_are_reported_and_the_rest_counted(handbook: Path) -> None:
    add_step(handbook / ROLE_PATH)
    commit(handbook, "an offer step")
    code, out, err = lint("--output-format", "text", FOLDER)
    assert code == 1
    assert len(reported(out)) == 6  # without --diff-base: every old finding
    code, out, err = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert code == 1
    assert reported(out) == [f"{ROLE_PATH}:24 RD301", f"{ROLE_PATH}:24 RD302"]
    assert "Found 2 errors in 1 of 2 files." in out
    assert err == left_out(4)


def test_old_errors_alone_do_not_fail_the_run(handbook: Path) -> None:
    path = handbook / ROLE_PATH
    path.write_text(LEGACY.replace("reports.", "reports and dashboards."), encoding="utf-8")
    commit(handbook, "a clean edit")
    code, out, err = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert (code, reported(out), err) == (0, [], left_out(4))


def test_nothing_changed_reports_nothing(handbook: Path) -> None:
    code, out, err = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert (code, reported(out)) == (0, [])
    assert out == "All checked: 2 files, no problems.\n"
    assert err == left_out(4)


def test_uncommitted_and_staged_edits_count(handbook: Path) -> None:
    add_step(handbook / ROLE_PATH)  # not committed
    _, out, _ = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert reported(out) == [f"{ROLE_PATH}:24 RD301", f"{ROLE_PATH}:24 RD302"]
    git(handbook, "add", "--all")  # staged
    _, out, _ = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert reported(out) == [f"{ROLE_PATH}:24 RD301", f"{ROLE_PATH}:24 RD302"]


def test_an_added_file_keeps_its_findings_about_the_whole_file(handbook: Path) -> None:
    name = f"{FOLDER}/Data Scientist.md"  # not kebab-case: RD105 on line 1, the whole file
    (handbook / name).write_text(ROLE.replace("Data Engineer", "Data Scientist"), encoding="utf-8")
    commit(handbook, "a new role")
    code, out, err = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert code == 1
    assert reported(out) == [f"{name}:1 RD105"]
    assert err == left_out(4)


def test_an_untracked_file_counts_as_added(handbook: Path) -> None:
    name = f"{FOLDER}/site-reliability-engineer.md"
    (handbook / name).write_text(LEGACY.replace("Data Engineer", "SRE"), encoding="utf-8")
    code, out, _ = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert code == 1
    assert reported(out) == [f"{name}:16 RD201", f"{name}:23 RD301"]


def test_a_copied_role_reports_the_duplicate_even_on_the_old_file(handbook: Path) -> None:
    copy = f"{FOLDER}/aaa-data-engineer.md"  # sorts first: the finding lands on the old file
    shutil.copy(handbook / ROLE_PATH, handbook / copy)
    commit(handbook, "a copy")
    _, out, _ = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert f"{ROLE_PATH}:6 RD401" in reported(out)
    assert f"{copy}:16 RD201" in reported(out)


def test_a_renamed_file_reports_only_its_edited_lines(handbook: Path) -> None:
    moved = f"{FOLDER}/data-engineering.md"
    git(handbook, "mv", ROLE_PATH, moved)
    commit(handbook, "a rename")
    code, out, err = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert (code, reported(out), err) == (0, [], left_out(4))
    add_step(handbook / moved)
    commit(handbook, "and a step")
    _, out, _ = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert reported(out) == [f"{moved}:24 RD301", f"{moved}:24 RD302"]


def test_deleted_lines_bring_back_no_old_finding(handbook: Path) -> None:
    path = handbook / ROLE_PATH
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    del lines[21]  # the screening step, right above the old RD301 (now line 22)
    path.write_text("".join(lines), encoding="utf-8")
    code, out, err = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert (code, reported(out), err) == (0, [], left_out(4))


def test_the_base_is_where_the_branch_left_main(handbook: Path) -> None:
    add_step(handbook / ROLE_PATH)
    commit(handbook, "an offer step")
    git(handbook, "switch", "--quiet", "main")
    other = handbook / FOLDER / "untouched.md"
    other.write_text(other.read_text(encoding="utf-8") + NEW_STEP, encoding="utf-8")
    commit(handbook, "main moves on")
    git(handbook, "switch", "--quiet", "pr")
    # main...pr: what main did since is not the pull request's (untouched.md is back as it was)
    _, out, _ = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert reported(out) == [f"{ROLE_PATH}:24 RD301", f"{ROLE_PATH}:24 RD302"]


def test_paths_with_spaces_and_accents(handbook: Path) -> None:
    folder = handbook / "rôles à pourvoir"
    folder.mkdir()
    (folder / "ingénieur données.md").write_text(LEGACY, encoding="utf-8")
    commit(handbook, "more roles")
    git(handbook, "switch", "--quiet", "-c", "pr2")
    add_step(folder / "ingénieur données.md")
    _, out, err = lint("--output-format", "text", "--diff-base", "pr", "rôles à pourvoir")
    name = "rôles à pourvoir/ingénieur données.md"
    assert reported(out) == [f"{name}:24 RD301", f"{name}:24 RD302"]
    assert err == left_out(3, "pr")  # RD105 (the name is not kebab-case) is on line 1


def test_from_a_subfolder_and_with_absolute_paths(handbook: Path) -> None:
    add_step(handbook / ROLE_PATH)
    os.chdir(handbook / FOLDER)
    _, out, _ = lint("--output-format", "text", "--diff-base", "main", ".")
    assert reported(out) == ["data-engineer.md:24 RD301", "data-engineer.md:24 RD302"]
    absolute = str(handbook / ROLE_PATH)
    _, out, _ = lint("--output-format", "text", "--diff-base", "main", absolute)
    assert reported(out) == [f"{absolute}:24 RD301", f"{absolute}:24 RD302"]


@pytest.mark.parametrize("fmt", sorted(set(REPORTERS) - {"text"}))
def test_every_output_format_shows_only_the_changed_lines(handbook: Path, fmt: str) -> None:
    add_step(handbook / ROLE_PATH)
    code, out, err = lint("--output-format", fmt, "--diff-base", "main", FOLDER)
    assert code == 1
    if fmt == "github":  # a notice among the run's annotations
        notice = "::notice title=roledef --diff-base::4 findings on lines unchanged since main"
        assert err == notice + " not shown\n"
    else:
        assert err == left_out(4)
    if fmt == "sarif":  # (its rule metadata names every rule: look at the results)
        results = json.loads(out)["runs"][0]["results"]
        out = " ".join(r["ruleId"] for r in results)
    assert "RD302" in out and "RD301" in out
    assert "RD201" not in out  # the old misspelt heading
    if fmt == "json":
        assert [(f["line"], f["code"]) for f in json.loads(out)] == [(24, "RD301"), (24, "RD302")]


def test_with_a_baseline_and_statistics(handbook: Path) -> None:
    code, _, _ = lint("--write-baseline", "baseline.json", FOLDER)
    assert code == 0
    add_step(handbook / ROLE_PATH)
    args = ("--output-format", "text", "--baseline", "baseline.json", "--statistics")
    code, out, err = lint(*args, "--diff-base", "main", FOLDER)
    assert reported(out) == [f"{ROLE_PATH}:24 RD301", f"{ROLE_PATH}:24 RD302"]
    assert err == ""  # the baseline already accounts for the old findings
    table = out.split("\n\n")[1]
    assert "RD301" in table and "RD302" in table and "RD201" not in table


def test_jobs_and_the_cache_give_the_same_report(
    handbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ROLEDEF_NO_CACHE", raising=False)
    add_step(handbook / ROLE_PATH)
    args = ("--output-format", "text", "--diff-base", "main", FOLDER)
    plain = lint(*args)
    assert lint("--jobs", "2", *args) == plain
    cached = ("--cache-dir", str(tmp_path / "cache"))
    result = CliRunner().invoke(cli, ["lint", *cached, *args], standalone_mode=False)
    assert (result.return_value, result.stdout, result.stderr) == plain  # filled
    assert any((tmp_path / "cache").glob("*.sqlite3"))
    result = CliRunner().invoke(cli, ["lint", *cached, *args], standalone_mode=False)
    assert (result.return_value, result.stdout, result.stderr) == plain  # read


@pytest.mark.parametrize("other", ["--fix", "--diff", "--write-baseline=b.json"])
def test_fixes_and_baselines_are_refused(handbook: Path, other: str) -> None:
    result = CliRunner().invoke(cli, ["lint", "--diff-base", "main", other, FOLDER])
    assert result.exit_code == 2
    assert "--diff-base only filters what is reported" in result.output


# -- what cannot work, said clearly ------------------------------------------------------------


def test_an_unknown_ref_is_a_usage_error(handbook: Path) -> None:
    code, out, err = lint("--diff-base", "origin/main", FOLDER)
    assert (code, out) == (2, "")
    assert err == (
        "roledef: --diff-base origin/main: no such commit in this repository; "
        "fetch it first (`git fetch origin main`), or name a branch, tag or commit\n"
    )


def test_an_empty_ref_is_a_usage_error(handbook: Path) -> None:
    code, out, err = lint("--diff-base", "", FOLDER)
    assert (code, out) == (2, "")
    assert err == "roledef: --diff-base needs a git ref: a branch, tag or commit (origin/main)\n"


def test_outside_a_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean_environment(monkeypatch)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "data-engineer.md").write_text(LEGACY, encoding="utf-8")
    code, out, err = lint("--diff-base", "main", ".")
    assert (code, out) == (2, "")
    assert err.startswith(
        f"roledef: --diff-base needs a git repository, and {tmp_path} is not in one"
    )


def test_without_git_is_a_usage_error(handbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(handbook / "no-bin"))
    code, out, err = lint("--diff-base", "main", FOLDER)
    assert (code, out) == (2, "")
    assert err == "roledef: --diff-base needs git, and git is not installed (or not on PATH)\n"


def test_a_shallow_clone_says_to_fetch_the_history(handbook: Path, tmp_path: Path) -> None:
    add_step(handbook / ROLE_PATH)
    commit(handbook, "an offer step")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth=1", "--branch=pr", handbook.as_uri(), str(clone))
    os.chdir(clone)
    code, _, err = lint("--diff-base", "origin/main", FOLDER)
    assert code == 2
    assert "this clone is shallow" in err and "fetch-depth: 0" in err
    git(clone, "fetch", "--quiet", "--depth=1", "origin", "main:refs/remotes/origin/main")
    code, _, err = lint("--diff-base", "origin/main", FOLDER)  # the ref, but not the base
    assert code == 2
    assert "no common ancestor of origin/main and HEAD" in err and "fetch-depth: 0" in err
    git(clone, "fetch", "--quiet", "--unshallow")
    code, out, err = lint("--output-format", "text", "--diff-base", "origin/main", FOLDER)
    assert reported(out) == [f"{ROLE_PATH}:24 RD301", f"{ROLE_PATH}:24 RD302"]


def test_a_branch_without_history_in_common(handbook: Path) -> None:
    git(handbook, "switch", "--quiet", "--orphan", "elsewhere")
    code, _, err = lint("--diff-base", "main", FOLDER)
    assert (code, err) == (
        2,
        "roledef: --diff-base main: this repository has no commit yet (HEAD)\n",
    )
    (handbook / ROLE_PATH).parent.mkdir(exist_ok=True)  # (the orphan branch has no files)
    (handbook / ROLE_PATH).write_text(LEGACY, encoding="utf-8")
    commit(handbook, "a history of its own")
    code, _, err = lint("--diff-base", "main", FOLDER)
    assert (code, err) == (
        2,
        "roledef: --diff-base main: no common ancestor of main and HEAD; they share no history\n",
    )


def test_the_job_summary_says_what_was_left_out(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = handbook.parent / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    add_step(handbook / ROLE_PATH)
    commit(handbook, "an offer step")
    code, _out, err = lint("--output-format", "text", "--diff-base", "main", FOLDER)
    assert code == 1
    assert err == left_out(4)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### roledef: 2 errors in 1 of 2 files\n")
    assert "4 findings on lines unchanged since main not shown (`--diff-base`)." in text
