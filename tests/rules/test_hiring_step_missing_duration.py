"""RD302 hiring-step-missing-duration, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD302/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import YAML_ROLE, Expected, assert_findings, hiring_plan, lint_findings

CODE = "RD302"

CASES = [
    pytest.param(
        hiring_plan("CTO Interview: Technical depth. Done by the CTO."),
        "role.md",
        {},
        [("RD302", 3, 1, "hiring step 'CTO Interview' has no duration: write e.g. '(45m)'")],
        id="no-duration",
    ),
    pytest.param(
        hiring_plan("CTO Interview (45m): Technical depth. Done by the CTO."),
        "role.md",
        {},
        [],
        id="minutes-in-parentheses",
    ),
    pytest.param(
        hiring_plan("CTO Interview for 30 minutes: Technical depth. Done by the CTO."),
        "role.md",
        {},
        [],
        id="for-minutes-in-the-name",
    ),
    pytest.param(
        hiring_plan("CTO Interview: Technical depth for 30 minutes. Done by the CTO."),
        "role.md",
        {},
        [],
        id="for-minutes-in-the-description-is-read",
    ),
    pytest.param(
        hiring_plan("Assessment: Give a 10-minute presentation. Done by the CTO."),
        "role.md",
        {},
        [("RD302", 3, 1, "hiring step 'Assessment' has no duration: write e.g. '(45m)'")],
        id="a-presentation-inside-the-step-is-not-its-length",
    ),
    pytest.param(
        hiring_plan("CTO Interview (1 hour): Technical depth. Done by the CTO."),
        "role.md",
        {},
        [],
        id="one-hour",
    ),
    pytest.param(
        hiring_plan("Reference checks: Two references. Done by the recruiter."),
        "role.md",
        {},
        [],
        id="exempt-reference-checks",
    ),
    pytest.param(
        hiring_plan(
            "Intro: Chat. Done by the recruiter.",
            "Pairing (90m): Code. Done by an engineer.",
            "Final: Values. Done by the CEO.",
        ),
        "role.md",
        {},
        [
            ("RD302", 3, 1, "hiring step 'Intro' has no duration: write e.g. '(45m)'"),
            ("RD302", 5, 1, "hiring step 'Final' has no duration: write e.g. '(45m)'"),
        ],
        id="two-of-three",
    ),
    pytest.param(
        hiring_plan("Take-home: A small project. Done by the team."),
        "role.md",
        {"duration_exempt_steps": ["Take-home"]},
        [],
        id="configured-exemption",
    ),
    pytest.param(
        YAML_ROLE.replace("    duration_minutes: 60\n", ""),
        "data-engineer.yaml",
        {},
        [("RD302", 17, 5, "hiring step 'Technical Interview' has no duration")],
        id="yaml-no-duration",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
