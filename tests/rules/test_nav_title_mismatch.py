"""RD104 nav-title-mismatch, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD104/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import YAML_ROLE, Expected, assert_findings, lint_findings

CODE = "RD104"

CASES = [
    pytest.param(
        """\
---
navTitle: Account Executive
navGroup: Job Descriptions
---

# Engineering Manager
""",
        "engineering-manager.md",
        {},
        [("RD104", 2, 1, "navTitle 'Account Executive' names another role than the title")],
        id="copied-from-another-role",
    ),
    pytest.param(
        """\
---
navTitle: Job Descriptions
navGroup: Job Descriptions
---

# Engineering Manager
""",
        "engineering-manager.md",
        {},
        [("RD104", 2, 1, "navTitle 'Job Descriptions' is the navigation group's name, not this")],
        id="the-group-name",
    ),
    pytest.param(
        """\
---
navTitle: Account Executive
navGroup: Job Descriptions
---

## Skills

* Sales.
""",
        "engineering-manager.md",
        {},
        [("RD104", 2, 1, "navTitle 'Account Executive' names another role than the file name")],
        id="title-from-nav-title-against-file-name",
    ),
    pytest.param(
        """\
---
navTitle: Engineering Manager
navGroup: Job Descriptions
---

# Engineering Manager
""",
        "engineering-manager.md",
        {},
        [],
        id="same-title",
    ),
    pytest.param(
        """\
---
navTitle: Dashboard Engineer
navGroup: Job Descriptions
---

# FlowFuse Dashboard Engineer
""",
        "flowfuse-dashboard-engineer.md",
        {},
        [],
        id="shorter-form",
    ),
    pytest.param(
        """\
---
navTitle: engineering manager (EMEA)
navGroup: Job Descriptions
---

# Engineering Manager
""",
        "engineering-manager.md",
        {},
        [],
        id="case-and-parentheses-ignored",
    ),
    pytest.param(
        """\
---
navTitle: Engineering Manager
navGroup: Job Descriptions
---

# Team Lead
""",
        "engineering-manager.md",
        {},
        [],
        id="matches-the-file-name-only",
    ),
    pytest.param(
        YAML_ROLE.replace("  navTitle: Data Engineer\n", "  navTitle: Account Executive\n"),
        "data-engineer.yaml",
        {},
        [("RD104", 5, 3, "navTitle 'Account Executive' names another role than the title 'Data")],
        id="yaml-copied-from-another-role",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
