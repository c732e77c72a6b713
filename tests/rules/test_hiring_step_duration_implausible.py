"""RD303 hiring-step-duration-implausible, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD303/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import YAML_ROLE, Expected, assert_findings, hiring_plan, lint_findings

CODE = "RD303"

CASES = [
    pytest.param(
        hiring_plan("Intro (0m): Chat. Done by the recruiter."),
        "role.md",
        {},
        [("RD303", 3, 1, "hiring step 'Intro' takes 0 minutes: write its real duration, e.g.")],
        id="zero",
    ),
    pytest.param(
        hiring_plan("Technical Interview (450 hours): Debug. Done by a Senior SRE."),
        "role.md",
        {},
        [("RD303", 3, 1, "hiring step 'Technical Interview' takes 27000 minutes, longer than a")],
        id="hours-for-minutes",
    ),
    pytest.param(
        hiring_plan("Technical Interview (600m): Debug. Done by a Senior SRE."),
        "role.md",
        {},
        [("RD303", 3, 1, "hiring step 'Technical Interview' takes 600 minutes, longer than a")],
        id="600-minutes",
    ),
    pytest.param(
        hiring_plan("Technical Interview (60-45m): Debug. Done by a Senior SRE."),
        "role.md",
        {},
        [("RD303", 3, 1, "hiring step 'Technical Interview' has a range that runs backwards")],
        id="range-backwards",
    ),
    pytest.param(
        hiring_plan("Technical Interview (45m): Debug. Done by a Senior SRE."),
        "role.md",
        {},
        [],
        id="plausible",
    ),
    pytest.param(
        hiring_plan("Onsite (8 hours): The team. Done by the team."),
        "role.md",
        {},
        [],
        id="a-working-day",
    ),
    pytest.param(
        hiring_plan("Technical Interview (45-60m): Debug. Done by a Senior SRE."),
        "role.md",
        {},
        [],
        id="range-forwards",
    ),
    pytest.param(
        hiring_plan("Technical Interview (90m): Debug. Done by a Senior SRE."),
        "role.md",
        {"max_step_minutes": 60},
        [("RD303", 3, 1, "hiring step 'Technical Interview' takes 90 minutes, longer than a")],
        id="configured-limit",
    ),
    pytest.param(
        hiring_plan("Technical Interview: Debug. Done by a Senior SRE."),
        "role.md",
        {},
        [],
        id="no-duration-is-another-rule",
    ),
    pytest.param(
        YAML_ROLE.replace("    duration_minutes: 60\n", "    duration_minutes: 0\n"),
        "data-engineer.yaml",
        {},
        [("RD303", 17, 5, "hiring step 'Technical Interview' takes 0 minutes")],
        id="yaml-zero",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
