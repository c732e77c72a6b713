"""RD202 heading-punctuation, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD202/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import FRONT_MATTER, HEAD, ROLE, Expected, assert_findings, lint_findings

CODE = "RD202"

CASES = [
    pytest.param(
        HEAD + "## Hiring Plan:\n\n1. Intro (30m): Chat. Done by the recruiter.\n",
        "data-engineer.md",
        {},
        [("RD202", 8, 15, "heading 'Hiring Plan' ends with a colon: remove it")],
        id="colon",
    ),
    pytest.param(
        HEAD + "## Skills : \n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD202", 8, 10, "heading 'Skills' ends with a colon: remove it")],
        id="colon-with-spaces",
    ),
    pytest.param(
        HEAD + "## Skills   \n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD202", 8, 10, "heading 'Skills' ends with spaces: remove them")],
        id="trailing-spaces",
    ),
    pytest.param(
        FRONT_MATTER + "# Data Engineer:\n\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [("RD202", 6, 16, "heading 'Data Engineer' ends with a colon: remove it")],
        id="title-with-colon",
    ),
    pytest.param(
        HEAD + "## Skills: Required\n\n* SQL.\n",
        "data-engineer.md",
        {},
        [],
        id="colon-inside",
    ),
    pytest.param(
        ROLE,
        "data-engineer.md",
        {},
        [],
        id="clean",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
