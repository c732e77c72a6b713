"""``roledef lint`` in GitHub Actions appends a job summary to ``$GITHUB_STEP_SUMMARY``: in every
output format, after what earlier commands of the step wrote, once per run, and not with
``--no-job-summary``; the run's own output and exit code stay the same."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import roledef
from roledef.cli import cli
from tests.helpers import ROOT
from tests.helpers.summary_tables import headings, tables
from tests.integration.test_ci import ACTION, load_yaml, roledef_on_path, run_step, step

DEFECTIVE = ROOT / "examples" / "defective-role.md"
SHA = "89abcdef0123456789abcdef0123456789abcdef"
GITHUB = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "acme/handbook",
    "GITHUB_SHA": SHA,
}
BASE = f"https://github.com/acme/handbook/blob/{SHA}/"


@pytest.fixture
def handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the defective example in ``job descriptions/``, as the current folder,
    in a GitHub Actions step whose summary file is ``summary.md`` beside it."""
    repo = tmp_path / "handbook"
    (repo / ".git").mkdir(parents=True)
    (repo / "job descriptions").mkdir()
    shutil.copy(DEFECTIVE, repo / "job descriptions" / "data-analyst.md")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    for name, value in GITHUB.items():
        monkeypatch.setenv(name, value)
    return repo


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, ["lint", *args], standalone_mode=False)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def lint(*args: str) -> tuple[int, str]:
    result = invoke(*args)
    return int(result.return_value or 0), result.output


def summary(handbook: Path) -> str:
    return (handbook.parent / "summary.md").read_text(encoding="utf-8")


def json_findings(*args: str) -> list[dict[str, object]]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    run = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--output-format", "json", *args],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(Path(roledef.__file__).parent.parent)},
    )
    assert run.returncode in (0, 1), run.stderr
    findings: list[dict[str, object]] = json.loads(run.stdout)
    return findings


@pytest.mark.parametrize("fmt", ["text", "github", "sarif", "json", "junit", "gitlab"])
def test_every_format_appends_the_same_summary(handbook: Path, fmt: str) -> None:
    code, output = lint("--output-format", fmt, "job descriptions")
    assert code == 1
    markdown = summary(handbook)
    assert headings(markdown) == [("h3", "roledef: 3 errors and 3 warnings in 1 of 1 file")]
    rows = tables(markdown)[1][1:]
    assert [row[0] for row in rows] == [
        (
            f"job descriptions/data-analyst.md:{f['line']}",
            f"{BASE}job%20descriptions/data-analyst.md?plain=1#L{f['line']}"
            + (f"-L{f['end_line']}" if f["end_line"] not in (None, f["line"]) else ""),
        )
        for f in json_findings("job descriptions")
    ]
    # the run's own output does not change
    del os.environ["GITHUB_STEP_SUMMARY"]
    assert lint("--output-format", fmt, "job descriptions") == (code, output)


def test_the_summary_is_appended_after_what_the_step_wrote(handbook: Path) -> None:
    earlier = "## Tests\n\n12 passed\n"
    (handbook.parent / "summary.md").write_text(earlier, encoding="utf-8")
    lint("job descriptions")
    lint("job descriptions/data-analyst.md")
    markdown = summary(handbook)
    assert markdown.startswith(earlier)
    assert headings(markdown) == [("h2", "Tests")] + 2 * [
        ("h3", "roledef: 3 errors and 3 warnings in 1 of 1 file")
    ]
    assert len(tables(markdown)) == 4


def test_no_job_summary_writes_nothing(handbook: Path) -> None:
    code, output = lint("--no-job-summary", "job descriptions")
    assert code == 1 and "RD104" in output
    assert not (handbook.parent / "summary.md").exists()


def test_an_empty_variable_is_no_summary(handbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", "")
    assert lint("job descriptions")[0] == 1
    assert not (handbook.parent / "summary.md").exists()


def test_outside_a_github_run_locations_are_plain(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in GITHUB:
        monkeypatch.delenv(name)
    lint("job descriptions")
    rows = tables(summary(handbook))[1][1:]
    assert rows and all(row[0][1] is None for row in rows)
    assert rows[0][0][0] == "job descriptions/data-analyst.md:2"


def test_a_clean_run_says_so(handbook: Path) -> None:
    shutil.copy(ROOT / "examples" / "minimal-role.md", handbook / "job descriptions" / "ok.md")
    assert lint("job descriptions/ok.md")[0] == 0
    assert summary(handbook) == "### roledef: 1 file checked, no problems\n\n"


def test_a_summary_file_that_cannot_be_written_is_named_and_the_run_goes_on(
    handbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = handbook.parent / "a folder"
    folder.mkdir()
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(folder))
    result = invoke("job descriptions")
    assert result.return_value == 1
    assert f"roledef: cannot write the job summary to {folder}: " in result.stderr
    assert "RD104" in result.stdout


def test_after_fix_the_summary_counts_what_is_left(handbook: Path) -> None:
    code, _ = lint("--fix", "job descriptions")
    markdown = summary(handbook)
    rows = tables(markdown)[1][1:]
    assert {row[1][0].split()[0] for row in rows} == {"RD104", "RD206", "RD301", "RD302"}
    # the safe fixes ran; RD104's needs --unsafe-fixes, and is still offered
    assert {row[1][0].split()[0]: row[4][0] for row in rows} == {
        "RD104": "unsafe",
        "RD206": "",
        "RD301": "",
        "RD302": "",
    }
    assert code == 1


@pytest.mark.slow
def test_a_real_process_in_a_github_step(handbook: Path) -> None:
    """The command as a workflow runs it: annotations on stdout, the summary in the file."""
    env = {
        **os.environ,
        "GITHUB_ACTIONS": "true",
        "PYTHONPATH": str(Path(roledef.__file__).parent.parent),
    }
    run = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "job descriptions"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode == 1, run.stderr
    assert run.stdout.count("::error file=") == 3
    markdown = summary(handbook)
    assert headings(markdown)[0][1].startswith("roledef: 3 errors")
    assert len(tables(markdown)[1]) == 1 + 6


@pytest.mark.slow
def test_the_action_writes_one_summary_with_sarif_too(handbook: Path) -> None:
    lint_step = step(load_yaml(ACTION), "Lint role files")
    env = {
        **roledef_on_path(handbook),
        **GITHUB,
        "PYTHONPATH": str(Path(roledef.__file__).parent.parent),
        "GITHUB_STEP_SUMMARY": os.environ["GITHUB_STEP_SUMMARY"],
        "ROLEDEF_PATHS": "job descriptions",
        "ROLEDEF_ARGS": "",
        "ROLEDEF_SARIF": "roledef.sarif",
    }
    result = run_step(str(lint_step["run"]), handbook, env)
    assert result.returncode == 1, result.stderr
    assert (handbook / "roledef.sarif").is_file()
    assert len(headings(summary(handbook))) == 1


@pytest.mark.slow
@pytest.mark.corpus
def test_the_summary_of_a_real_handbook_matches_its_findings(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "handbook"
    shutil.copytree(corpus / "flowfuse", repo / "job-descriptions")
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo)
    target = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    for name, value in GITHUB.items():
        monkeypatch.setenv(name, value)
    lint("--output-format", "github", "job-descriptions")
    markdown = target.read_text(encoding="utf-8")
    findings = json_findings("job-descriptions")
    assert findings, "the real handbook has findings"
    rules, table = tables(markdown)
    per_rule = Counter(str(f["code"]) for f in findings)
    assert {row[0][0]: int(row[3][0]) for row in rules[1:]} == dict(per_rule)
    shown = table[1:]
    assert len(shown) == min(len(findings), 200)
    for row, found in zip(shown, findings, strict=False):
        assert row[0][0] == f"{found['path']}:{found['line']}"
        assert row[0][1] is not None and row[0][1].startswith(BASE + "job-descriptions/")
        message = " ".join(str(found["message"]).splitlines())
        assert row[3][0] == message if len(message) <= 500 else message[:499] + "…"
    errors = sum(f["severity"] == "error" for f in findings)
    warnings = len(findings) - errors
    if max(errors, warnings) > 10:
        assert "GitHub shows only the first 10 error and 10 warning annotations" in markdown
