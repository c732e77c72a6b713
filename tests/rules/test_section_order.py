"""RD205 section-order, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD205/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, Expected, assert_findings, lint_findings

CODE = "RD205"

CASES = [
    pytest.param(
        HEAD
        + """\
## Hiring Plan

1. Intro (30m): Chat. Done by the recruiter.

## Skills

* SQL.
""",
        "data-engineer.md",
        {},
        [("RD205", 12, 1, "section 'Skills' should come before 'Hiring Plan'")],
        id="hiring-plan-before-skills",
    ),
    pytest.param(
        HEAD
        + """\
## Job Description

Text.

## Skills

* SQL.

## Responsibilities

* Pipelines.
""",
        "data-engineer.md",
        {},
        [("RD205", 16, 1, "section 'Responsibilities' should come before 'Skills'")],
        id="skills-before-responsibilities",
    ),
    pytest.param(
        HEAD
        + """\
## Hiring Plan

1. Intro (30m): Chat. Done by the recruiter.

## Skills

* SQL.

## Responsibilities

* Pipelines.
""",
        "data-engineer.md",
        {},
        [
            ("RD205", 12, 1, "section 'Skills' should come before 'Hiring Plan'"),
            ("RD205", 16, 1, "section 'Responsibilities' should come before 'Hiring Plan'"),
        ],
        id="two-out-of-order",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="usual-order",
    ),
    pytest.param(
        HEAD
        + """\
## Benefits

A pension.

## Job Description

Text.

## About Us

We are small.

## Skills

* SQL.
""",
        "data-engineer.md",
        {},
        [],
        id="other-sections-anywhere",
    ),
    pytest.param(
        HEAD
        + """\
## Non-Responsibilities

* Support.

## Responsibilities

* Pipelines.
""",
        "data-engineer.md",
        {},
        [("RD205", 12, 1, "section 'Responsibilities' should come before 'Non-Responsibilities'")],
        id="non-responsibilities-before-responsibilities",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
