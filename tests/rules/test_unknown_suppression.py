"""RD004 unknown-suppression, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD004/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, Expected, assert_findings, lint_findings

CODE = "RD004"

CASES = [
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line RD999 -->\n## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD004"]},
        [("RD004", 8, 1, "unknown rule 'RD999' in suppression comment")],
        id="unknown-code",
    ),
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line RD2O1 -->\n## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD004"]},
        [("RD004", 8, 1, "unknown rule 'RD2O1' in suppression comment")],
        id="letter-o-for-zero",
    ),
    pytest.param(
        HEAD + "<!-- roledef-disabel RD201 -->\n## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD004"]},
        [("RD004", 8, 1, "unknown directive 'roledef-disabel'")],
        id="misspelt-directive",
    ),
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line unknown-section -->\n## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD004"]},
        [],
        id="known-name",
    ),
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line RD201 -->\n## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD004"]},
        [],
        id="known-code",
    ),
    pytest.param(
        HEAD + "<!-- reviewed by the hiring manager -->\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD004"]},
        [],
        id="ordinary-comment",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
