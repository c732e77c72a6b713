"""RD101 front-matter-missing, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD101/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, Expected, assert_findings, lint_findings

CODE = "RD101"

CASES = [
    pytest.param(
        "# Site Reliability Engineer\n\n## Skills\n\n* Linux.\n",
        "site-reliability-engineer.md",
        {},
        [("RD101", 1, 1, "no front matter: start the file with '---', 'navTitle")],
        id="no-front-matter",
    ),
    pytest.param(
        """\

---
navTitle: Data Engineer
navGroup: Job Descriptions
---

# Data Engineer

""",
        "data-engineer.md",
        {},
        [("RD101", 1, 1, "no front matter: start the file with '---', 'navTitle")],
        id="blank-line-before-front-matter",
    ),
    pytest.param(
        "",
        "data-engineer.md",
        {},
        [("RD101", 1, 1, "no front matter: start the file with '---', 'navTitle")],
        id="empty-file",
    ),
    pytest.param(
        HEAD,
        "data-engineer.md",
        {},
        [],
        id="front-matter",
    ),
    pytest.param(
        "---\nnavTitle: [\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [],
        id="invalid-front-matter-is-another-rule",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
