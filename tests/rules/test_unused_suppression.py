"""RD003 unused-suppression, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD003/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, Expected, assert_findings, lint_findings

CODE = "RD003"

CASES = [
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line RD201 -->\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD003", "RD201"]},
        [("RD003", 8, 1, "'roledef-disable-next-line' for RD201 suppresses nothing: remove it")],
        id="next-line-over-a-known-heading",
    ),
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line RD201 -->\n## Skils\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD003", "RD201"]},
        [],
        id="next-line-over-an-unknown-heading",
    ),
    pytest.param(
        HEAD
        + """\
<!-- roledef-disable RD201 -->
## Skills

* SQL.
<!-- roledef-enable RD201 -->
""",
        "data-engineer.md",
        {"select": ["RD003", "RD201"]},
        [("RD003", 8, 1, "'roledef-disable' for RD201 suppresses nothing: remove it")],
        id="unused-block",
    ),
    pytest.param(
        HEAD + "## Skills\n\n* SQL.\n<!-- roledef-disable-file RD201 -->\n",
        "data-engineer.md",
        {"select": ["RD003", "RD201"]},
        [("RD003", 11, 1, "'roledef-disable-file' for RD201 suppresses nothing: remove it")],
        id="unused-file-wide",
    ),
    pytest.param(
        HEAD + "## Skils\n\n* SQL.\n<!-- roledef-disable-file RD201 -->\n",
        "data-engineer.md",
        {"select": ["RD003", "RD201"]},
        [],
        id="used-file-wide",
    ),
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line RD202 -->\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD003", "RD201"]},
        [],
        id="rule-not-selected-is-not-reported",
    ),
    pytest.param(
        HEAD + "<!-- roledef-disable-next-line unknown-section -->\n## Skills\n\n* SQL.\n",
        "data-engineer.md",
        {"select": ["RD003", "RD201"]},
        [("RD003", 8, 1, "'roledef-disable-next-line' for RD201 suppresses nothing: remove it")],
        id="by-rule-name",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
