"""roledef's own addresses: one module holds them, and nothing points at a place that is not there.

Until a release sets them (docs/release.md), the repository, documentation and schema addresses are
unset: the packaged schemas carry ``urn:`` identifiers, SARIF logs leave out ``informationUri``,
and the docs show how to use roledef from a git URL or a clone at a commit.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from roledef import project
from roledef.configschema import config_schema, schema_json
from roledef.findings import ERROR, Finding
from roledef.lint.formats import render_report
from tests.helpers import EXAMPLES, ROOT

SCHEMAS = ROOT / "src" / "roledef" / "schemas"

#: Addresses that were made up for a project that has none: a domain, a package page, an owner.
INVENTED = re.compile(
    r"roledef\.dev|pypi\.org/project/roledef|OWNER/|github\.com/[\w.-]+/roledef|"
    r"pip install roledef\b|roledef==\d|rev: v\d"
)


def published_files() -> list[Path]:
    """What users read or copy: the package, docs, README, examples, action and hooks."""
    files = [ROOT / name for name in ("README.md", "action.yml", ".pre-commit-hooks.yaml")]
    for folder in ("src", "docs", "examples", "schemas"):
        files += [path for path in (ROOT / folder).rglob("*") if path.is_file()]
    # build output (an egg-info copies the README of the last install) is not published text
    return [
        path
        for path in files
        if "__pycache__" not in path.parts and not any(p.endswith(".egg-info") for p in path.parts)
    ]


def test_no_published_file_points_at_an_invented_address() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in published_files()
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
        )
        if INVENTED.search(line)
    ]
    assert found == []


def test_the_pattern_catches_what_was_there() -> None:
    for line in (
        '"$id": "https://roledef.dev/schemas/role.schema.json"',
        "INFORMATION_URI = 'https://pypi.org/project/roledef/'",
        "  - repo: https://github.com/OWNER/roledef",
        "    rev: v0.1.0",
        "additional_dependencies: [roledef==0.1.0]",
    ):
        assert INVENTED.search(line), line


def test_the_addresses_are_unset_until_a_release() -> None:
    assert (project.REPOSITORY, project.DOCS, project.SCHEMAS) == (None, None, None)


@pytest.mark.parametrize("name", ["role.schema.json", "config.schema.json"])
def test_packaged_schemas_are_named_by_the_project_module(name: str) -> None:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert schema["$id"] == project.schema_id(name) == f"urn:roledef:schema:{name}"
    jsonschema.validators.validator_for(schema).check_schema(schema)


@pytest.mark.slow
def test_check_jsonschema_resolves_the_urn_named_schemas(tmp_path: Path) -> None:
    """The ``$ref``s inside a ``urn:``-named schema resolve: a valid role passes, and a config
    with a wrong selector fails at the selector (``#/$defs/selectors``)."""

    def check(schema: str, instance: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS / schema),
             str(instance)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    role = check("role.schema.json", EXAMPLES / "site-reliability-engineer.yaml")
    assert role.returncode == 0, role.stdout + role.stderr
    config = tmp_path / "roledef.toml"
    config.write_text('select = ["RD1", 3]\n', encoding="utf-8")
    wrong = check("config.schema.json", config)
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "$.select[1]: 3 is not of type 'string'" in wrong.stdout


def test_a_release_names_the_schemas_by_their_address(monkeypatch: pytest.MonkeyPatch) -> None:
    assert json.loads(schema_json())["$id"] == "urn:roledef:schema:config.schema.json"
    monkeypatch.setattr(project, "SCHEMAS", "https://docs.example.org/roledef/schemas/")
    assert project.schema_id("role.schema.json") == (
        "https://docs.example.org/roledef/schemas/role.schema.json"
    )
    assert config_schema()["$id"] == "https://docs.example.org/roledef/schemas/config.schema.json"


ONE = Finding(
    path="roles/a.md", line=3, column=1, code="RD203", rule="missing-skills", severity=ERROR,
    message="no Skills section",
)  # fmt: skip


def sarif_driver() -> dict[str, object]:
    log = json.loads(render_report("sarif", [ONE], rules={}, files_checked=1))
    schema = json.loads((ROOT / "tests/schemas/sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    driver: dict[str, object] = log["runs"][0]["tool"]["driver"]
    return driver


def test_sarif_names_the_repository_once_there_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "informationUri" not in sarif_driver()
    monkeypatch.setattr(project, "REPOSITORY", "https://code.example.org/roledef")
    assert sarif_driver()["informationUri"] == "https://code.example.org/roledef"
