"""RD001 schema, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD001/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import ROLE, YAML_ROLE, Expected, assert_findings, lint_findings

CODE = "RD001"

CASES = [
    pytest.param(
        "---\nnavTitle: 42\nnavGroup: Job Descriptions\n---\n\n# Data Engineer\n",
        "data-engineer.md",
        {},
        [("RD001", 2, 1, "'front_matter': 'navTitle' is 42, it must be string")],
        id="md-nav-title-is-a-number",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="md-clean",
    ),
    pytest.param(
        YAML_ROLE.replace("    duration_minutes: 60\n", "    duration_minutes: forty-five\n"),
        "data-engineer.yaml",
        {},
        [("RD001", 19, 23, "hiring step 'Technical Interview' has a duration that is not a whole")],
        id="yaml-duration-is-a-word",
    ),
    pytest.param(
        YAML_ROLE.replace(
            "    duration_minutes: 60\n", "    duration_minutes: 60\n    colour: blue\n"
        ),
        "data-engineer.yaml",
        {},
        [("RD001", 20, 5, "hiring step 'Technical Interview' has unknown key(s) 'colour'")],
        id="yaml-unknown-key",
    ),
    pytest.param(
        YAML_ROLE.replace("    duration_minutes: 60\n", "    duration_minutes: -5\n"),
        "data-engineer.yaml",
        {},
        [("RD001", 19, 23, "hiring step 'Technical Interview': 'duration_minutes' is -5, it")],
        id="yaml-negative-duration",
    ),
    pytest.param(
        YAML_ROLE.replace(
            "  - name: Technical Interview\n    owners: [a Senior Data Engineer]\n",
            "  - owners: [a Senior Data Engineer]\n",
        ),
        "data-engineer.yaml",
        {},
        [("RD001", 17, 5, "hiring step 1 has no 'name': add it")],
        id="yaml-step-without-name",
    ),
    pytest.param(
        YAML_ROLE,
        "data-engineer.yaml",
        {},
        [],
        id="yaml-clean",
    ),
    pytest.param(
        YAML_ROLE.replace("id: data-engineer\n", "id: Data_Engineer\n"),
        "data-engineer.yaml",
        {},
        [("RD001", 2, 5, "id 'Data_Engineer' is not kebab-case: write e.g.")],
        id="yaml-id-not-kebab-case",
    ),
    pytest.param(
        YAML_ROLE.replace("schema_version: 2", "schema_version: 1").replace(
            "owners: [a Senior Data Engineer]", "owner: a Senior Data Engineer"
        ),
        "data-engineer.yaml",
        {},
        [],
        id="yaml-version-1-owner",
    ),
    pytest.param(
        YAML_ROLE.replace("owners: [a Senior Data Engineer]", "owner: a Senior Data Engineer"),
        "data-engineer.yaml",
        {},
        [
            (
                "RD001",
                18,
                5,
                "hiring step 'Technical Interview': 'owner' is schema version 1: write "
                "'owners: [a Senior Data Engineer]'",
            )
        ],
        id="yaml-version-2-owner",
    ),
    pytest.param(
        YAML_ROLE.replace("schema_version: 2", "schema_version: 1"),
        "data-engineer.yaml",
        {},
        [
            (
                "RD001",
                18,
                5,
                "hiring step 'Technical Interview': 'owners' is schema version 2: set "
                "'schema_version: 2'",
            )
        ],
        id="yaml-version-1-owners",
    ),
    pytest.param(
        YAML_ROLE.replace(
            "    owners: [a Senior Data Engineer]\n",
            "    owners: [a Senior Data Engineer]\n    owner: a Senior Data Engineer\n",
        ),
        "data-engineer.yaml",
        {},
        [
            (
                "RD001",
                19,
                5,
                "hiring step 'Technical Interview': has both 'owner' (schema version 1) and "
                "'owners' (version 2)",
            )
        ],
        id="yaml-owner-and-owners",
    ),
    pytest.param(
        YAML_ROLE.replace("    owners: [a Senior Data Engineer]\n", ""),
        "data-engineer.yaml",
        {},
        [("RD001", 17, 5, "hiring step 'Technical Interview' has no 'owners': add it ([] when")],
        id="yaml-step-without-owners",
    ),
    pytest.param(
        YAML_ROLE.replace("schema_version: 2", "schema_version: 3"),
        "data-engineer.yaml",
        {},
        [("RD001", 1, 17, "schema_version is 3: this version of roledef reads versions 1 and 2")],
        id="yaml-unknown-version",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
