"""RD005 not-a-role, case by case: pages that are not role files get one finding; role files,
in many styles, get none.

Its failing and passing fixture files are in tests/fixtures/rules/RD005/. The same documents
measure the decision itself in tests/unit/test_kind.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.lint import ROLE, Expected, assert_findings, lint_findings
from tests.helpers.pages import NOT_ROLES, ROLES

CODE = "RD005"


CASES = [
    *(
        pytest.param(text, "page.md", {}, [(CODE, line, 1, f"not a role file: {reason}")], id=name)
        for name, (text, line, reason) in NOT_ROLES.items()
    ),
    *(pytest.param(text, "role.md", {}, [], id=name) for name, text in ROLES.items()),
    pytest.param(ROLE, "data-engineer.md", {}, [], id="the-complete-role"),
    pytest.param("", "role.md", {}, [], id="empty-file-is-a-role-being-written"),
]


@pytest.mark.parametrize(("text", "path", "options", "expected"), CASES)
def test_cases(text: str, path: str, options: dict[str, Any], expected: list[Expected]) -> None:
    assert_findings(lint_findings(text, path, **{"select": [CODE], **options}), expected)


def test_no_other_rule_runs_on_a_page_that_is_not_a_role() -> None:
    """One finding instead of a pile of missing sections and hiring-step errors."""
    text, line, reason = NOT_ROLES["hiring-process-page"]
    assert_findings(lint_findings(text, "hiring.md"), [(CODE, line, 1, reason)])


def test_switched_off_the_page_gets_no_finding_and_is_still_not_checked() -> None:
    text, _, _ = NOT_ROLES["index-of-links"]
    assert lint_findings(text, "index.md", ignore=[CODE]) == []


def test_severity_is_configurable() -> None:
    text, _, _ = NOT_ROLES["index-of-links"]
    (finding,) = lint_findings(text, "index.md", severity={CODE: "error"})
    assert finding.severity == "error"
