"""RD201 unknown-section, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD201/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, Expected, assert_findings, lint_findings

CODE = "RD201"

CASES = [
    pytest.param(
        HEAD + "## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 1, "unknown section 'Skils': did you mean 'Skills'?")],
        id="near-miss",
    ),
    pytest.param(
        HEAD + "## Resposibilities\n\n* Pipelines.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 1, "unknown section 'Resposibilities': did you mean 'Responsibilities'?")],
        id="near-miss-of-an-alias",
    ),
    pytest.param(
        HEAD + "## EMEA Specific information\n\nVisa support.\n",
        "data-engineer.md",
        {},
        [("RD201", 8, 1, "unknown section 'EMEA Specific information'")],
        id="unknown",
    ),
    pytest.param(
        HEAD + "## EMEA Specific information\n\nVisa support.\n",
        "data-engineer.md",
        {"aliases": {"emea specific information": "extra"}},
        [],
        id="known-with-an-alias",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="known-sections",
    ),
    pytest.param(
        HEAD + "## **SKILLS**\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [],
        id="emphasis-and-case",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL.\n\n### Things We Like\n\n* Go.\n",
        "data-engineer.md",
        {},
        [],
        id="level-three",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
