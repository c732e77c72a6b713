"""RD204 empty-section, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD204/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, ROLE, Expected, assert_findings, lint_findings

CODE = "RD204"

CASES = [
    pytest.param(
        HEAD + "## Skills\n\n## Hiring Plan\n",
        "data-engineer.md",
        {},
        [
            ("RD204", 8, 1, "section 'Skills' is empty: fill it in or remove the heading"),
            ("RD204", 10, 1, "section 'Hiring Plan' is empty: fill it in or remove the heading"),
        ],
        id="two-empty-sections",
    ),
    pytest.param(
        HEAD + "## Responsibilities\n\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD204", 8, 1, "section 'Responsibilities' is empty: fill it in or remove the heading")],
        id="empty-responsibilities",
    ),
    pytest.param(
        HEAD + "## Benefits\n\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD204", 8, 1, "section 'Benefits' is empty: fill it in or remove it")],
        id="empty-unknown-section",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="filled",
    ),
    pytest.param(
        HEAD + "## Benefits\n\nA good pension.\n",
        "data-engineer.md",
        {},
        [],
        id="text-under-an-unknown-section",
    ),
    pytest.param(
        HEAD + "## Skills\n\n### Nice to Have\n\n* Go.\n",
        "data-engineer.md",
        {},
        [],
        id="nice-to-have-only",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
