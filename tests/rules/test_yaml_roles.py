"""YAML role files: schema findings at the offending key or value, then the semantic rules."""

from __future__ import annotations

from pathlib import Path

from roledef.config import resolve_config
from roledef.lint.check import check_text
from roledef.lint.engine import run
from roledef.lint.result import collect
from tests.helpers import ROOT

ROLE = """\
schema_version: 1
id: data-analyst
title: Data Analyst
front_matter:
  navTitle: Data Analyst
  navGroup: Job Descriptions
summary: Turns data into decisions.
responsibilities:
  - name: Reporting
    description: Own the weekly dashboards.
skills:
  required:
    - name: SQL
      description: Writes clear queries.
  nice_to_have: []
hiring_plan:
  - name: CTO Interview
    owner: CTO
    duration_minutes: {duration}
  - name: SQL Exercise
    owner: null
    duration_minutes: 60
"""


def _findings(text: str, name: str = "data-analyst.yaml") -> list[tuple[int, int, str]]:
    result = check_text(text, name, resolve_config({}))
    return [(f.line, f.column, f.code) for f in result.findings]


def test_bad_duration_value_is_reported_at_the_value() -> None:
    text = ROLE.format(duration="forty-five")
    result = check_text(text, "data-analyst.yaml", resolve_config({}))
    schema = [f for f in result.findings if f.code == "RD001"]
    assert [(f.line, f.column) for f in schema] == [(19, 23)]
    assert text.split("\n")[18][22:] == "forty-five"
    assert "CTO Interview" in schema[0].message
    assert "forty-five" in schema[0].message


def test_semantic_rules_point_into_the_yaml_file() -> None:
    # the step without an owner starts on line 20 ("- name: SQL Exercise", column 5)
    assert _findings(ROLE.format(duration=45)) == [(20, 5, "RD301")]


def test_unknown_key_is_reported_at_the_key() -> None:
    text = ROLE.format(duration=45).replace(
        "  - name: Reporting\n", "  - name: Reporting\n    team: x\n"
    )
    assert (10, 5, "RD001") in _findings(text)


def test_invalid_yaml_is_a_finding_with_its_position() -> None:
    findings = check_text("title: [unclosed\n", "x.yaml", resolve_config({})).findings
    assert [(f.code, f.line) for f in findings] == [("RD001", 2)]
    assert "not valid YAML" in findings[0].message


def test_missing_sections_anchor_on_their_key(tmp_path: Path) -> None:
    text = ROLE.format(duration=45).replace(
        "skills:\n  required:\n    - name: SQL\n      description: Writes clear queries.\n",
        "skills:\n  required: []\n",
    )
    assert (11, 1, "RD203") in _findings(text)


def test_yaml_that_is_not_a_role_is_skipped_in_folders_and_said_so_when_named(
    tmp_path: Path,
) -> None:
    workflow = tmp_path / "ci.yml"
    workflow.write_text("name: CI\non: push\n", encoding="utf-8")
    (tmp_path / "data-analyst.yaml").write_text(ROLE.format(duration=45), encoding="utf-8")
    walked = collect(run([str(tmp_path)], resolve_config({}), keep_lines=True))
    assert [Path(p).name for p in walked.files] == ["data-analyst.yaml"]
    named = collect(run([str(workflow)], resolve_config({}), keep_lines=True))
    assert [(f.code, f.line, f.message) for f in named.findings] == [
        ("RD005", 1, "not a role file: a YAML file with none of the keys of a role")
    ]
    # a YAML role with a mistake in it is still a role, and checked as one
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "title: Data Analyst\nhiring_plan:\n  - name: Intro\n    duration_minutes: forty\n",
        encoding="utf-8",
    )
    found = collect(run([str(broken)], resolve_config({}))).findings
    assert any(f.code == "RD001" for f in found) and all(f.code != "RD005" for f in found)


def test_converted_example_is_valid(tmp_path: Path) -> None:
    from roledef.read import MARKDOWN, load
    from roledef.write.structured import dump_role

    role = load(ROOT / "examples" / "defective-role.md", fmt=MARKDOWN).role
    target = tmp_path / "defective-role.yaml"
    target.write_text(dump_role(role), encoding="utf-8")
    findings = collect(run([str(target)], resolve_config({}), keep_lines=True)).findings
    codes = {f.code for f in findings}
    assert "RD001" not in codes  # what convert writes matches the schema
    assert {"RD104", "RD206", "RD301", "RD302"} <= codes  # and the defects are still found
