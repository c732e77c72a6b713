"""Baselines: findings matched by file, rule and content, so edits above them change nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from roledef.config import resolve_config
from roledef.lint.baseline import BaselineError, filter_new, read_baseline, write_baseline
from roledef.lint.engine import run
from roledef.lint.result import LintResult, collect
from tests.helpers import ROOT

ROLE = (ROOT / "examples" / "defective-role.md").read_text(encoding="utf-8")


def _lint(*paths: Path) -> tuple[list[str], LintResult]:
    result = collect(run([str(p) for p in paths], resolve_config({}), keep_lines=True))
    return [f"{f.line}:{f.code}" for f in result.findings], result


def _new(path: Path, baseline: Path) -> list[str]:
    result = collect(run([str(path)], resolve_config({}), keep_lines=True))
    new = filter_new(result.findings, result.lines, read_baseline(str(baseline)), str(baseline))
    return [f"{f.line}:{f.code}" for f in new]


def test_baseline_hides_recorded_findings_after_lines_move(tmp_path: Path) -> None:
    role = tmp_path / "data-analyst.md"
    role.write_text(ROLE, encoding="utf-8")
    found, result = _lint(role)
    assert found
    baseline = tmp_path / "baseline.json"
    assert write_baseline(str(baseline), result.findings, result.lines) == len(found)
    assert _new(role, baseline) == []
    # a paragraph added above every finding moves them all down: still nothing new
    role.write_text(
        ROLE.replace("# Data Analyst\n", "# Data Analyst\n\nIntro.\n\n"), encoding="utf-8"
    )
    assert _new(role, baseline) == []


def test_a_second_copy_of_a_recorded_problem_is_new(tmp_path: Path) -> None:
    role = tmp_path / "data-analyst.md"
    role.write_text(ROLE, encoding="utf-8")
    _, result = _lint(role)
    baseline = tmp_path / "baseline.json"
    write_baseline(str(baseline), result.findings, result.lines)
    duplicate = "1. SQL Exercise: Work through a small data set together.\n"
    role.write_text(ROLE + duplicate, encoding="utf-8")
    assert _new(role, baseline) == ["32:RD206", "32:RD301", "32:RD302"]


def test_baseline_paths_are_relative_to_the_baseline(tmp_path: Path) -> None:
    role = tmp_path / "jobs" / "data-analyst.md"
    role.parent.mkdir()
    role.write_text(ROLE, encoding="utf-8")
    _, result = _lint(role)
    baseline = tmp_path / "baseline.json"
    write_baseline(str(baseline), result.findings, result.lines)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert {entry["path"] for entry in data["findings"]} == {"jobs/data-analyst.md"}
    # the same file reached through another spelling of its path still matches
    cwd = os.getcwd()
    os.chdir(tmp_path / "jobs")
    try:
        assert _new(Path("data-analyst.md"), baseline) == []
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize(
    ("text", "message"),
    [("not json", "not a readable baseline"), ('{"version": 9}', "not a roledef baseline")],
)
def test_bad_baseline(tmp_path: Path, text: str, message: str) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError, match=message):
        read_baseline(str(baseline))


def _roledef(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "--output-format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.mark.slow
@pytest.mark.corpus
def test_corpus_adopts_the_linter_with_a_baseline(corpus: Path, tmp_path: Path) -> None:
    handbook = tmp_path / "flowfuse"
    shutil.copytree(corpus / "flowfuse", handbook)
    first = _roledef("flowfuse", cwd=tmp_path)
    assert first.returncode == 1
    assert "Traceback" not in first.stderr
    assert len(json.loads(first.stdout)) > 50

    wrote = _roledef("--write-baseline", "baseline.json", "flowfuse", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    clean = _roledef("--baseline", "baseline.json", "flowfuse", cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout
    assert json.loads(clean.stdout) == []

    # one new defect, above many old findings so their lines all move
    role = handbook / "ceo.md"
    text = role.read_text(encoding="utf-8")
    defect = "## Benefits\n\n## Job Description"  # an empty section: one error
    role.write_text(text.replace("## Job Description", defect, 1), encoding="utf-8")
    again = _roledef("--baseline", "baseline.json", "flowfuse", cwd=tmp_path)
    assert again.returncode == 1, again.stdout
    new = json.loads(again.stdout)
    assert [(Path(f["path"]).name, f["code"], f["line"]) for f in new] == [("ceo.md", "RD204", 6)]
