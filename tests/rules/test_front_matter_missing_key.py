"""RD103 front-matter-missing-key, case by case: small documents and exactly what it finds.

Its failing and passing fixture files are in tests/fixtures/rules/RD103/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import HEAD, YAML_ROLE, Expected, assert_findings, lint_findings

CODE = "RD103"

CASES = [
    pytest.param(
        "---\nnavTitle: Data Engineer\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [("RD103", 1, 1, "front matter has no 'navGroup': add 'navGroup: ...'")],
        id="no-nav-group",
    ),
    pytest.param(
        "---\nlayout: role\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [
            ("RD103", 1, 1, "front matter has no 'navTitle': add 'navTitle: ...'"),
            ("RD103", 1, 1, "front matter has no 'navGroup': add 'navGroup: ...'"),
        ],
        id="both-missing",
    ),
    pytest.param(
        '---\nnavTitle: ""\nnavGroup: Job Descriptions\n---\n\n# Data Engineer\n\n',
        "data-engineer.md",
        {},
        [("RD103", 2, 1, "front matter key 'navTitle' is empty")],
        id="empty-nav-title",
    ),
    pytest.param(
        "---\nnavTitle: Data Engineer\nnavGroup:\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [("RD103", 3, 1, "front matter key 'navGroup' is empty")],
        id="null-nav-group",
    ),
    pytest.param(
        HEAD,
        "data-engineer.md",
        {},
        [],
        id="both-present",
    ),
    pytest.param(
        HEAD,
        "data-engineer.md",
        {"required_front_matter": ["navTitle", "navGroup", "owner"]},
        [("RD103", 1, 1, "front matter has no 'owner': add 'owner: ...'")],
        id="configured-keys",
    ),
    pytest.param(
        "---\nnavTitle: Data Engineer\n---\n\n# Data Engineer\n\n",
        "data-engineer.md",
        {"required_front_matter": ["navTitle"]},
        [],
        id="configured-to-need-less",
    ),
    pytest.param(
        "# Data Engineer\n\n",
        "data-engineer.md",
        {},
        [],
        id="no-front-matter-is-another-rule",
    ),
    pytest.param(
        YAML_ROLE.replace("  navGroup: Job Descriptions\n", ""),
        "data-engineer.yaml",
        {},
        [("RD103", 4, 1, "front matter has no 'navGroup': add 'navGroup: ...'")],
        id="yaml-without-nav-group",
    ),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)
