"""The ``sarif`` and ``gitlab`` outputs of real runs, validated against their formats' schemas.

``roledef lint`` runs as a user runs it (in-process, from the folder it lints) on the examples,
the test fixtures (files broken on purpose: unreadable, not roles, odd names) and the real
corpus. Each SARIF log must be valid against the official SARIF 2.1.0 schema, each Code Quality
report against the schema written from GitLab's documentation; both are in ``tests/schemas/``
with their sources and licences (README.md there).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.helpers import ROOT, corpus_path
from tests.helpers.lint import lint_in

SCHEMAS = ROOT / "tests" / "schemas"
SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"
CODE_QUALITY_SCHEMA = SCHEMAS / "gitlab-code-quality.schema.json"


def validator(path: Path) -> Any:
    """A validator of the draft the schema declares, which must be a known one."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=None)
    assert cls is not None, f"{path.name} declares an unknown draft: {schema.get('$schema')}"
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


SARIF = validator(SARIF_SCHEMA)
CODE_QUALITY = validator(CODE_QUALITY_SCHEMA)


def problems(check: Any, document: object) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in sorted(check.iter_errors(document), key=lambda e: list(e.absolute_path))
    ][:5]


def lint_output(cwd: Path, fmt: str, *paths: str) -> str:
    code, output = lint_in(cwd, "--output-format", fmt, "--exit-zero", *paths)
    assert code == 0, output
    assert not output.startswith("\ufeff")  # GitLab's parser refuses a byte order mark
    return output


def check_sarif(cwd: Path, *paths: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(lint_output(cwd, "sarif", *paths))
    assert problems(SARIF, log) == []
    return log


def check_code_quality(cwd: Path, *paths: str) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(lint_output(cwd, "gitlab", *paths))
    assert problems(CODE_QUALITY, issues) == []
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints), "fingerprints must be unique"
    return issues


# -- the schemas themselves ------------------------------------------------------------------


def test_each_schema_declares_the_draft_it_is_validated_with() -> None:
    assert isinstance(SARIF, jsonschema.Draft4Validator)
    assert isinstance(CODE_QUALITY, jsonschema.Draft202012Validator)


GOOD_ISSUE: dict[str, Any] = {
    "description": "no Skills section (RD203 missing-skills)",
    "check_name": "RD203",
    "fingerprint": "7815696ecbf1c96e6894b779456d330e",
    "severity": "major",
    "location": {"path": "roles/a.md", "lines": {"begin": 3}},
}


def with_change(where: tuple[str, ...], value: object) -> dict[str, Any]:
    """GOOD_ISSUE with the field at ``where`` set to ``value`` (or removed, for ``...``)."""
    issue = json.loads(json.dumps(GOOD_ISSUE))
    parent = issue
    for key in where[:-1]:
        parent = parent[key]
    if value is ...:
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    return issue


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("check_name",), ...),
        (("fingerprint",), ""),
        (("description",), ...),
        (("severity",), "error"),
        (("location", "path"), "/home/ci/roles/a.md"),
        (("location", "path"), "./roles/a.md"),
        (("location", "lines", "begin"), 0),
        (("location", "lines"), ...),
    ],
    ids=str,
)
def test_the_code_quality_schema_rejects_what_gitlab_documents_as_wrong(
    where: tuple[str, ...], value: object
) -> None:
    assert problems(CODE_QUALITY, [GOOD_ISSUE]) == []
    assert problems(CODE_QUALITY, [with_change(where, value)])


def test_the_code_quality_schema_takes_either_kind_of_line() -> None:
    positions = with_change(("location", "lines"), ...)
    positions["location"]["positions"] = {"begin": {"line": 3, "column": 1}}
    positions["categories"] = ["Style"]  # Code Climate fields GitLab ignores
    assert problems(CODE_QUALITY, [positions]) == []
    assert problems(CODE_QUALITY, {"not": "a list"})


def test_the_sarif_schema_rejects_a_broken_log() -> None:
    log = check_sarif(ROOT, "examples")
    log["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri with spaces"
    del log["runs"][0]["tool"]["driver"]["name"]
    assert problems(SARIF, log)


# -- real runs -------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["examples", "tests/fixtures"])
def test_sarif_of_the_project_files_is_valid(folder: str) -> None:
    log = check_sarif(ROOT, folder)
    assert log["runs"][0]["results"], "the run should have findings to validate"


@pytest.mark.parametrize("folder", ["examples", "tests/fixtures"])
def test_code_quality_of_the_project_files_is_valid(folder: str) -> None:
    issues = check_code_quality(ROOT, folder)
    assert issues, "the run should have findings to validate"
    assert all(issue["location"]["path"].startswith(f"{folder}/") for issue in issues)


def test_code_quality_writes_absolute_paths_under_the_folder_as_relative() -> None:
    relative = check_code_quality(ROOT, "examples")
    absolute = check_code_quality(ROOT, str(ROOT / "examples"))
    assert [issue["location"] for issue in absolute] == [issue["location"] for issue in relative]


CORPUS_FOLDERS = ["seed", "flowfuse", "flowfuse-history", "more"]


@pytest.mark.slow
@pytest.mark.corpus
def test_sarif_of_the_real_corpus_is_valid() -> None:
    log = check_sarif(corpus_path(), *CORPUS_FOLDERS)
    assert len(log["runs"][0]["results"]) > 100


@pytest.mark.slow
@pytest.mark.corpus
def test_code_quality_of_the_real_corpus_is_valid() -> None:
    issues = check_code_quality(corpus_path(), *CORPUS_FOLDERS)
    assert len(issues) > 100
    assert {issue["severity"] for issue in issues} == {"major", "minor"}
