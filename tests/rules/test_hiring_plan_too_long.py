"""RD304 hiring-plan-too-long, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD304/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, Expected, assert_findings, hiring_plan, lint_findings

CODE = "RD304"

CASES = [
    pytest.param(
        HEAD
        + hiring_plan(
            "Technical Interview (90m): Code. Done by an engineer.",
            "System Design Interview (60m): Design. Done by the CTO.",
        ),
        "data-engineer.md",
        {"max_total_interview_minutes": 120},
        [("RD304", 8, 1, "the hiring plan takes 150 minutes of interviews, over the limit of")],
        id="over-the-limit",
    ),
    pytest.param(
        HEAD
        + hiring_plan(
            "Technical Interview (60m): Code. Done by an engineer.",
            "System Design Interview (45m): Design. Done by the CTO.",
        ),
        "data-engineer.md",
        {"max_total_interview_minutes": 120},
        [],
        id="under-the-limit",
    ),
    pytest.param(
        HEAD
        + hiring_plan(
            "Technical Interview (60m): Code. Done by an engineer.",
            "System Design Interview (60m): Design. Done by the CTO.",
        ),
        "data-engineer.md",
        {"max_total_interview_minutes": 120},
        [],
        id="exactly-the-limit",
    ),
    pytest.param(
        HEAD
        + hiring_plan(
            "Technical Interview (90m): Code. Done by an engineer.",
            "Lunch (optional) (60m): Meet the team. Done by the team.",
        ),
        "data-engineer.md",
        {"max_total_interview_minutes": 120},
        [],
        id="optional-step-not-counted",
    ),
    pytest.param(
        HEAD
        + hiring_plan(
            "Technical Interview (90m): Code. Done by an engineer.",
            "Lunch (optional, 60m): Meet the team. Done by the team.",
        ),
        "data-engineer.md",
        {"max_total_interview_minutes": 120},
        [],
        id="optional-inside-the-duration-parentheses-is-not-counted",
    ),
    pytest.param(
        HEAD
        + hiring_plan(
            "Technical Interview (60-90m): Code. Done by an engineer.",
            "System Design Interview (60m): Design. Done by the CTO.",
        ),
        "data-engineer.md",
        {"max_total_interview_minutes": 120},
        [],
        id="range-counts-its-lower-bound",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {"max_total_interview_minutes": 1},
        [],
        id="no-hiring-plan",
    ),
    pytest.param(
        HEAD
        + hiring_plan(
            "Technical Interview: Code. Done by an engineer.",
            "Intro (30m): Chat. Done by the recruiter.",
        ),
        "data-engineer.md",
        {"max_total_interview_minutes": 20},
        [("RD304", 8, 1, "the hiring plan takes 30 minutes of interviews, over the limit of 20")],
        id="steps-without-durations-not-counted",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)


def test_off_by_default_and_on_with_its_limit_or_when_selected() -> None:
    text = HEAD + hiring_plan("Technical Interview (300m): Code. Done by an engineer.")

    def codes(**options: Any) -> list[str]:
        return [
            f.code for f in lint_findings(text, "data-engineer.md", **options) if f.code == CODE
        ]

    assert codes() == []
    assert codes(max_total_interview_minutes=240) == [CODE]
    assert codes(extend_select=[CODE]) == [CODE]  # with the default limit, 240 minutes
