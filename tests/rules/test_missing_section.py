"""RD203 missing-section, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD203/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import (
    FRONT_MATTER,
    HEAD,
    ROLE,
    YAML_ROLE,
    Expected,
    assert_findings,
    lint_findings,
)

CODE = "RD203"

CASES = [
    pytest.param(
        FRONT_MATTER
        + """\
# Support Engineer

## Job Description

The Support Engineer answers customer questions.
""",
        "support-engineer.md",
        {},
        [
            (
                "RD203",
                1,
                1,
                "no Responsibilities section: add '## Responsibilities' with a list of",
            ),
            (
                "RD203",
                1,
                1,
                "no Skills section: add '## Skills' with a list of the skills the role",
            ),
            ("RD203", 1, 1, "no Hiring Plan section: add '## Hiring Plan' with a numbered list of"),
        ],
        id="only-a-job-description",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="all-there",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {"required_sections": ["job_description", "onboarding"]},
        [("RD203", 1, 1, "no 90-Day Plan section: add '## 90-Day Plan' with the phases of the")],
        id="configured-sections",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {"required_sections": ["skills"]},
        [],
        id="fewer-configured",
    ),
    pytest.param(
        HEAD
        + """\
## Job Description

The Data Engineer is primarily responsible for:

* Pipelines: Build them.

## Skills

* SQL.

## Hiring Plan

1. Intro (30m): Chat. Done by the recruiter.
""",
        "data-engineer.md",
        {},
        [],
        id="duties-under-the-job-description",
    ),
    pytest.param(
        HEAD
        + """\
## Job Description

Text.

## Responsibilities

## Skills

* SQL.

## Hiring Plan

1. Intro (30m): Chat. Done by the recruiter.
""",
        "data-engineer.md",
        {},
        [],
        id="empty-heading-counts-as-present",
    ),
    pytest.param(
        YAML_ROLE.replace(
            """\
skills:
  required:
    - name: SQL
      description: Writes clear queries.
  nice_to_have: []
""",
            "",
        ),
        "data-engineer.yaml",
        {},
        [("RD203", 1, 1, "no Skills: fill in 'skills'")],
        id="yaml-without-skills",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
