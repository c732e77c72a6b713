"""The lint, rules and explain commands: options, output choice, exit codes, generated docs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.commands import lint as lint_command
from roledef.lint.formats import REPORTERS
from roledef.lint.rules import RULES
from roledef.lint.rules.docs import rules_markdown
from tests.helpers import EXAMPLES, ROOT

DEFECTIVE = str(ROOT / "examples" / "defective-role.md")
WARNINGS_ONLY = """\
---
navTitle: Support Engineer
navGroup: Job Descriptions
---

# Support Engineer

## Job Description

The Support Engineer answers customer questions.

## Responsibilities

* Answer support tickets.

## Skills

* Clear written communication.

## Hiring Plan:

1. Support Interview (45m): Two real tickets. Done by the Support Lead.
"""


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), standalone_mode=False)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return int(result.return_value or 0), result.output


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "roledef", *args],
        capture_output=True,
        text=True,
        env={**full_env, **env},
    )


def test_output_format_choices_are_the_reporters() -> None:
    option = next(p for p in lint_command.lint.params if p.name == "output_format")
    assert list(option.type.choices) == sorted(REPORTERS)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_github_format_is_the_default_in_github_actions() -> None:
    run = _run("lint", DEFECTIVE, GITHUB_ACTIONS="true")
    assert run.returncode == 1
    assert run.stdout.startswith("::")
    assert "RD104" in run.stdout
    plain = _run("lint", DEFECTIVE)
    assert not plain.stdout.startswith("::")
    assert f"{DEFECTIVE}:2:1: RD104" in plain.stdout


@pytest.mark.parametrize(
    ("tty", "no_color", "output_file", "expected"),
    [
        (True, None, None, True),
        (True, "1", None, False),
        (True, "", None, True),
        (False, None, None, False),
        (True, None, "report.txt", False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch,
    tty: bool,
    no_color: str | None,
    output_file: str | None,
    expected: bool,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert lint_command.use_color(output_file) is expected


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "findings.json"
    rc, out = _invoke("lint", "--output-format", "json", "--output-file", str(target), DEFECTIVE)
    assert rc == 1
    assert out == ""
    codes = [f["code"] for f in json.loads(target.read_text(encoding="utf-8"))]
    assert "RD104" in codes


def test_exit_zero_and_strict(tmp_path: Path) -> None:
    assert _invoke("lint", DEFECTIVE)[0] == 1
    assert _invoke("lint", "--exit-zero", DEFECTIVE)[0] == 0
    warnings_only = tmp_path / "support-engineer.md"
    warnings_only.write_text(WARNINGS_ONLY, encoding="utf-8")
    rc, out = _invoke("lint", str(warnings_only))
    assert rc == 0
    assert "RD202" in out
    assert _invoke("lint", "--strict", str(warnings_only))[0] == 1


def test_select_and_ignore_on_the_command_line() -> None:
    _, out = _invoke("lint", "--output-format", "json", "--select", "RD3", DEFECTIVE)
    assert {f["code"] for f in json.loads(out)} == {"RD301", "RD302"}
    _, out = _invoke(
        "lint", "--output-format", "json", "--ignore", "RD301,nav-title-mismatch", DEFECTIVE
    )
    codes = {f["code"] for f in json.loads(out)}
    assert "RD301" not in codes
    assert "RD104" not in codes
    assert "RD302" in codes


def test_statistics_reaches_the_report() -> None:
    _, without = _invoke("lint", "--output-format", "text", DEFECTIVE)
    _, with_stats = _invoke("lint", "--output-format", "text", "--statistics", DEFECTIVE)
    assert with_stats != without
    assert with_stats.count("hiring-step-missing-owner") > without.count(
        "hiring-step-missing-owner"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["--baseline", "a.json", "--write-baseline", "b.json"],
        ["--jobs", "many"],
        ["--select", "RD999"],
        ["--output-format", "xml"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    run = _run("lint", *args, DEFECTIVE)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert run.stderr.strip()


def test_rules_lists_every_rule() -> None:
    rc, out = _invoke("rules")
    assert rc == 0
    for code, rule in RULES.items():
        line = next(line for line in out.splitlines() if line.startswith(code))
        assert rule.NAME in line
        assert rule.SEVERITY in line
    data = json.loads(_invoke("rules", "--format", "json")[1])
    assert [r["code"] for r in data] == list(RULES)
    assert all(r["summary"] and r["doc"] for r in data)


@pytest.mark.parametrize("name", ["RD201", "unknown-section", "rd201"])
def test_explain(name: str) -> None:
    rc, out = _invoke("explain", name)
    assert rc == 0
    assert out.startswith("RD201 unknown-section (warning, fixable)")
    assert "Failing" in out
    assert "## Skils" in out


@pytest.mark.slow
def test_explain_unknown_rule() -> None:
    run = _run("explain", "RD999")
    assert run.returncode == 2
    assert "unknown rule 'RD999'" in run.stderr


def test_every_rule_is_documented() -> None:
    for code, rule in RULES.items():
        doc = rule.__doc__ or ""
        assert doc.strip().split("\n")[0].endswith("."), code
        assert "Why:" in doc, code
        assert "Failing" in doc, code
        assert "Passing" in doc, code


def test_docs_rules_md_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(), "run: roledef rules --format markdown > docs/rules.md"


@pytest.mark.slow
def test_lint_start_up_imports_no_heavy_library() -> None:
    code = (
        "import sys, roledef.cli, roledef.commands.lint, roledef.lint.engine;"
        "heavy = ('jsonschema', 'markdown_it', 'pyromark', 'ruamel');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stdout.strip() == "[]", run.stderr


@pytest.mark.parametrize(
    ("command", "fmt", "out"),
    [
        ("lint", "--format", "-o"),
        ("lint", "--output-format", "--output-file"),
        ("report", "--output-format", "--output-file"),
        ("report", "--format", "-o"),
    ],
)
def test_every_command_takes_both_spellings_of_format_and_output(
    tmp_path: Path, command: str, fmt: str, out: str
) -> None:
    target = tmp_path / "out.json"
    result = CliRunner().invoke(
        cli, [command, fmt, "json", out, str(target), str(EXAMPLES)], standalone_mode=False
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert isinstance(json.loads(target.read_text(encoding="utf-8")), (list, dict))
