"""Every rule against its failing and passing fixture (tests/fixtures/rules/<code>/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from roledef.config import Config, read_config_file, resolve_config
from roledef.lint.engine import run
from roledef.lint.result import collect
from roledef.lint.rules import RULES
from tests.helpers import FIXTURES as ALL_FIXTURES

FIXTURES = ALL_FIXTURES / "rules"
CODES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def _case(folder: Path, name: str) -> list[str]:
    """The files of a case: ``fail.md``/``fail.yaml``, or every file in ``fail/``."""
    if (folder / name).is_dir():
        return sorted(str(p) for p in (folder / name).iterdir() if p.is_file())
    found = sorted(str(p) for p in folder.glob(f"{name}.*") if p.suffix != ".expected")
    assert found, f"{folder} has no {name} case"
    return found


def _config(folder: Path, code: str) -> Config:
    """The fixture's roledef.toml, or just ``select = [code]``."""
    toml = folder / "roledef.toml"
    options = read_config_file(toml) if toml.is_file() else {}
    cli = None if "select" in options else {"select": [code]}
    return resolve_config(options, cli, source=toml if toml.is_file() else None, root=folder)


def _lint(folder: Path, name: str, code: str) -> list[str]:
    result = collect(run(_case(folder, name), _config(folder, code), keep_lines=True))
    return [
        f"{os.path.relpath(f.path, folder)}:{f.line}:{f.column}: {f.code} {f.message}"
        for f in result.findings
    ]


def test_every_rule_has_fixtures() -> None:
    assert sorted(RULES) == CODES


def test_every_rule_has_a_table_of_inline_cases() -> None:
    """``tests/rules/test_<rule name>.py`` beside the fixtures, with several cases each."""
    folder = Path(__file__).parent
    for code, rule in RULES.items():
        table = folder / f"test_{rule.NAME.replace('-', '_')}.py"
        assert table.is_file(), f"{code}: no {table.name}"
        text = table.read_text(encoding="utf-8")
        assert f'CODE = "{code}"' in text, table.name
        assert text.count("pytest.param(") >= 4, f"{table.name}: fewer than 4 cases"


@pytest.mark.parametrize("code", CODES)
def test_failing_fixture(code: str) -> None:
    folder = FIXTURES / code
    expected = (folder / "fail.expected").read_text(encoding="utf-8").splitlines()
    got = _lint(folder, "fail", code)
    assert got == expected
    assert any(f" {code} " in line for line in got), "the failing case must trigger its own rule"


@pytest.mark.parametrize("code", CODES)
def test_passing_fixture(code: str) -> None:
    folder = FIXTURES / code
    got = _lint(folder, "pass", code)
    assert got == []


@pytest.mark.parametrize(
    ("heading", "column", "end_column"),
    [("## Hiring Plan:", 15, 15), ("## Skills  ", 10, 11), ("### Week 1-4 : ", 13, 15)],
)
def test_heading_punctuation_spans_exactly_the_characters_to_delete(
    heading: str, column: int, end_column: int
) -> None:
    from roledef.lint.check import check_text

    config = resolve_config({"select": ["RD202"]})
    findings = check_text(f"# Role\n\n{heading}\n\ntext\n", "role.md", config).findings
    assert [(f.line, f.column, f.end_column, f.fixable) for f in findings] == [
        (3, column, end_column, True)
    ]
    assert heading[: column - 1].rstrip(" :") == heading[: column - 1]
    assert heading[column - 1 : end_column].strip(" :") == ""
