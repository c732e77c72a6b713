"""RD102 front-matter-invalid, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD102/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import Expected, assert_findings, lint_findings

CODE = "RD102"

CASES = [
    pytest.param(
        "---\nnavTitle: Engineer: Platform\nnavGroup: Job Descriptions\n---\n\n# Engineer\n",
        "engineer.md",
        {},
        [("RD102", 2, 19, "front matter is not valid YAML: mapping values are not allowed here")],
        id="colon-in-a-plain-value",
    ),
    pytest.param(
        "---\nnavTitle: Data Engineer\n\n# Data Engineer\n",
        "data-engineer.md",
        {},
        [("RD102", 1, 1, "front matter is not closed: add a '---' line after it")],
        id="not-closed",
    ),
    pytest.param(
        "---\n- Data Engineer\n- Job Descriptions\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [("RD102", 1, 1, "front matter is a list, not a mapping")],
        id="a-list-not-a-mapping",
    ),
    pytest.param(
        "---\nnavTitle: Data Engineer\nnavTitle: Data Analyst\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [("RD102", 3, 1, 'front matter is not valid YAML: found duplicate key "navTitle" with')],
        id="duplicate-key",
    ),
    pytest.param(
        """\
---
navTitle: "Engineer: Platform"
navGroup: Job Descriptions
---

# Engineer
""",
        "engineer.md",
        {},
        [],
        id="quoted-value",
    ),
    pytest.param(
        "# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [],
        id="no-front-matter-is-another-rule",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
