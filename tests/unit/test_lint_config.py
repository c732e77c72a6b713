"""Config: discovery walking up, explicit files, merging, and errors that name file and key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from roledef.config import DEFAULTS, ConfigError, find_config, load_config, resolve_config
from roledef.lint.engine import run
from roledef.lint.result import collect
from roledef.lint.rules import RULES
from tests.helpers import ROOT

ROLE = (ROOT / "examples" / "defective-role.md").read_text(encoding="utf-8")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_schema_knows_exactly_the_config_keys() -> None:
    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == set(DEFAULTS)


def test_every_rule_option_is_a_config_key() -> None:
    for rule in RULES.values():
        assert {option.name for option in rule.OPTIONS} <= set(DEFAULTS), rule.CODE


def test_pyproject_found_walking_up(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.roledef]\nignore = ["RD206"]\n')
    nested = tmp_path / "handbook" / "jobs"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    config = load_config(cwd=nested)
    assert "RD206" not in config.enabled
    assert config.root == str(tmp_path)


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    _write(tmp_path / ".roledef.toml", 'ignore = ["RD201"]\n')
    _write(tmp_path / "jobs" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path / "jobs") == tmp_path / ".roledef.toml"


def test_roledef_toml_wins_over_pyproject_in_one_folder(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.roledef]\nignore = ["RD206"]\n')
    _write(tmp_path / ".roledef.toml", 'ignore = ["RD201"]\n')
    config = load_config(cwd=tmp_path)
    assert config.source == str(tmp_path / ".roledef.toml")
    assert "RD201" not in config.enabled
    assert "RD206" in config.enabled


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    _write(tmp_path / ".roledef.toml", 'ignore = ["RD201"]\n')
    other = _write(tmp_path / "ci" / "strict.toml", 'select = ["RD3"]\n')
    config = load_config(str(other), cwd=tmp_path)
    assert config.enabled == {"RD002", "RD301", "RD302", "RD303", "RD304"}


def test_command_line_options_win_over_the_file(tmp_path: Path) -> None:
    _write(tmp_path / ".roledef.toml", 'select = ["RD3"]\n')
    config = load_config(cli_options={"select": ["RD104"]}, cwd=tmp_path)
    assert config.enabled == {"RD002", "RD104"}


def test_defaults_leave_the_optional_rule_off() -> None:
    config = resolve_config({})
    assert "RD304" not in config.enabled
    assert {code for code, rule in RULES.items() if rule.ENABLED} <= config.enabled


def test_setting_the_limit_switches_its_rule_on() -> None:
    config = resolve_config({"max-total-interview-minutes": 90})
    assert "RD304" in config.enabled
    assert config.options["max-total-interview-minutes"] == 90


def test_unreadable_file_rule_cannot_be_ignored() -> None:
    assert "RD002" in resolve_config({"ignore": ["ALL"]}).enabled


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('selcet = ["RD201"]\n', "unknown key 'selcet'"),
        ('select = ["RD999"]\n', "key 'select': unknown rule 'RD999'"),
        ('ignore = ["no-such-rule"]\n', "key 'ignore': unknown rule 'no-such-rule'"),
        ('[severity]\nRD999 = "error"\n', "key 'severity.RD999': unknown rule"),
        ('[severity]\nRD201 = "fatal"\n', "key 'severity.RD201'"),
        ('required-sections = ["skillz"]\n', "key 'required-sections.0'"),
        ("max-total-interview-minutes = 'long'\n", "key 'max-total-interview-minutes'"),
        ('[aliases]\n"team rituals" = "rituals"\n', "key 'aliases.team rituals'"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path: Path, toml: str, expected: str) -> None:
    path = _write(tmp_path / ".roledef.toml", toml)
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_pyproject_errors_name_the_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.roledef]\ncolour = "red"\n')
    with pytest.raises(
        ConfigError, match=r"pyproject.toml: \[tool.roledef\]: unknown key 'colour'"
    ):
        load_config(cwd=tmp_path)


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(str(tmp_path / "nope.toml"), cwd=tmp_path)


@pytest.mark.slow
def test_bad_config_exits_2_with_one_line(tmp_path: Path) -> None:
    _write(tmp_path / ".roledef.toml", 'selcet = ["RD201"]\n')
    _write(tmp_path / "data-analyst.md", ROLE)
    run = subprocess.run(
        [sys.executable, "-m", "roledef", "lint", "data-analyst.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert run.returncode == 2
    assert run.stdout == ""
    assert ".roledef.toml" in run.stderr
    assert "selcet" in run.stderr
    assert "Traceback" not in run.stderr


def _codes(tmp_path: Path, toml: str, name: str = "data-analyst.md") -> list[tuple[int, str]]:
    _write(tmp_path / ".roledef.toml", toml)
    path = _write(tmp_path / "jobs" / name, ROLE)
    findings = collect(run([str(path)], load_config(cwd=tmp_path), keep_lines=True)).findings
    return [(f.line, f.code) for f in findings]


def test_severity_override(tmp_path: Path) -> None:
    _write(tmp_path / ".roledef.toml", '[severity]\nunknown-section = "error"\n')
    path = _write(tmp_path / "data-analyst.md", ROLE)
    findings = collect(run([str(path)], load_config(cwd=tmp_path), keep_lines=True)).findings
    assert {f.severity for f in findings if f.code == "RD201"} == {"error"}
    assert {f.severity for f in findings if f.code == "RD206"} == {"warning"}


def test_per_file_ignores(tmp_path: Path) -> None:
    assert (29, "RD301") in _codes(tmp_path, "")
    found = _codes(tmp_path, '[per-file-ignores]\n"jobs/*.md" = ["RD3"]\n')
    assert not [code for _, code in found if code.startswith("RD3")]
    assert (20, "RD201") in found


def test_exclude(tmp_path: Path) -> None:
    _write(tmp_path / ".roledef.toml", 'exclude = ["drafts", "index.md"]\n')
    _write(tmp_path / "jobs" / "data-analyst.md", ROLE)
    _write(tmp_path / "jobs" / "index.md", "# Jobs\n")
    _write(tmp_path / "jobs" / "drafts" / "cto.md", "# CTO\n")
    result = collect(run([str(tmp_path / "jobs")], load_config(cwd=tmp_path), keep_lines=True))
    assert [Path(p).name for p in result.files] == ["data-analyst.md"]


def test_aliases_reach_the_parser(tmp_path: Path) -> None:
    assert (20, "RD201") in _codes(tmp_path, "")
    found = _codes(tmp_path, '[aliases]\n"Skils" = "skills"\n')
    assert (20, "RD201") not in found
    assert (1, "RD203") not in found  # the skills section is now read as skills


def test_required_sections_and_front_matter(tmp_path: Path) -> None:
    toml = 'required-sections = ["onboarding"]\nrequired-front-matter = ["navTitle", "owner"]\n'
    found = _codes(tmp_path, toml)
    assert (1, "RD203") in found
    messages = [
        f.message
        for f in collect(
            run(
                [str(tmp_path / "jobs" / "data-analyst.md")],
                load_config(cwd=tmp_path),
                keep_lines=True,
            )
        ).findings
        if f.code in ("RD203", "RD103")
    ]
    assert messages == [
        "front matter has no 'owner': add 'owner: ...'",
        "no 90-Day Plan section: add '## 90-Day Plan' with the phases of the first 90 days",
    ]


def test_duration_exempt_steps(tmp_path: Path) -> None:
    assert (29, "RD302") in _codes(tmp_path, "")
    assert (29, "RD302") not in _codes(tmp_path, 'duration-exempt-steps = ["SQL exercise"]\n')


def test_max_file_size(tmp_path: Path) -> None:
    found = _codes(tmp_path, "max-file-size = 100\n")
    assert found == [(1, "RD002")]
