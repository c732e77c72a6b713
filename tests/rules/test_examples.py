"""The example role files: the defective one gets each finding on its line; the others are clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from roledef.cli import cli
from roledef.config import resolve_config
from roledef.lint.engine import run
from roledef.lint.result import collect
from tests.helpers import EXAMPLES


def _lines(*paths: Path) -> list[str]:
    result = collect(run([str(p) for p in paths], resolve_config({}), keep_lines=True))
    return [f"{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}" for f in result.findings]


def test_defective_example_has_each_finding_on_its_line() -> None:
    expected = (EXAMPLES / "defective-role.expected").read_text(encoding="utf-8").splitlines()
    assert _lines(EXAMPLES / "defective-role.md") == expected


def test_defective_example_covers_the_typical_defects() -> None:
    codes = {line.split()[1] for line in _lines(EXAMPLES / "defective-role.md")}
    assert {"RD104", "RD201", "RD202", "RD206", "RD301", "RD302"} <= codes


@pytest.mark.parametrize(
    "name", ["site-reliability-engineer.md", "minimal-role.md", "site-reliability-engineer.yaml"]
)
def test_clean_example_lints_clean(name: str) -> None:
    path = EXAMPLES / name
    if not path.is_file():
        pytest.skip(f"{name} is not in examples/ yet")
    result = CliRunner().invoke(
        cli, ["lint", "--output-format", "text", str(path)], standalone_mode=False
    )
    assert result.exception is None, result.output
    assert result.return_value == 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output  # the summary only
    assert " RD" not in lines[0]


@pytest.mark.corpus
def test_engineering_manager_nav_title_on_line_2(corpus: Path) -> None:
    path = corpus / "flowfuse" / "engineering-manager.md"
    findings = collect(run([str(path)], resolve_config({}), keep_lines=True)).findings
    nav = [f for f in findings if f.rule == "nav-title-mismatch"]
    assert [(f.line, f.code) for f in nav] == [(2, "RD104")]
    assert "Account Executive" in nav[0].message
